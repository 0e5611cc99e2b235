import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { UserTermRecord } from '@/utils/db/schema';
import { BUNDLED_GLOSSARY } from '@/utils/glossary/bundled-glossary';
import { closedShadow } from './closed-shadow';
import { useExtensionSession } from './extension-session';
import { NOTES, loadAllComments, openFixture, readThrough, snapshotUnits } from './support';

const bundled = (term: string) => BUNDLED_GLOSSARY.find((entry) => entry.term === term)!;

/** The user's terms, read through the extension's own protocol from one of its pages. */
async function userTerms(extensionPage: Page): Promise<UserTermRecord[]> {
  const reply = (await extensionPage.evaluate(() => {
    const { chrome } = globalThis as unknown as {
      chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    };
    return chrome.runtime.sendMessage({ rb: 1, type: 'listUserTerms', payload: {} });
  })) as { ok: boolean; value: UserTermRecord[] };
  return reply.value;
}

/** The term popover's dialog, in its closed shadow root. */
const termPopover = (page: Page) => closedShadow(page, 'rb-term-popover').locator('[role="dialog"]');

async function openCatTaxNote(page: Page): Promise<void> {
  await openFixture(page, `/explore/${NOTES.catTax}`, { apiDelay: 20 });
  await loadAllComments(page);
  await readThrough(page);
}

describe('glossary for an English reader', () => {
  const session = useExtensionSession({ locale: 'en-US' });

  it('shows chips for Chinese terms whose popovers work by mouse and keyboard, and marks the terms in place', async () => {
    const page = await session.browser.context.newPage();
    await openCatTaxNote(page);

    const chips = page.locator('[data-rb-translation] [data-rb-term]');
    expect(await chips.count()).toBeGreaterThan(10);
    // Every chip sits inside a translation and names a term written in its unit's source.
    const misplaced = await page.evaluate(
      () =>
        [...document.querySelectorAll('[data-rb-term]')].filter((chip) => {
          const overlay = chip.closest('[data-rb-translation]');
          const source = overlay?.previousElementSibling;
          return (
            !overlay ||
            !source?.textContent?.toLowerCase().includes(chip.getAttribute('data-rb-term')!.toLowerCase())
          );
        }).length,
    );
    expect(misplaced).toBe(0);

    const chip = page.locator('[data-rb-translation] [data-rb-term="猫税"]').first();
    await chip.scrollIntoViewIfNeeded();
    await chip.click();
    const dialog = termPopover(page);
    await dialog.waitFor();
    const catTax = bundled('猫税');
    expect(await dialog.locator('h2').textContent()).toBe('猫税');
    const text = await dialog.textContent();
    expect(text).toContain(catTax.pinyin);
    expect(text).toContain(catTax.meaning.en);
    expect(text).toContain(catTax.origin.en);
    expect(await chip.getAttribute('aria-expanded')).toBe('true');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-rb-term'))).toBe('猫税');

    // Keyboard alone: the focused chip opens with Enter, and the close button has focus.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    // Terms on screen are marked in the site's text without touching its nodes.
    const marked = await page.evaluate(() =>
      [...((CSS.highlights.get('rb-term') as Set<AbstractRange> | undefined) ?? [])].map((range) => {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        return live.toString();
      }),
    );
    expect(marked).toContain('猫税');

    // The marks follow the reader: after scrolling either way, every mark held is on screen (or
    // within a quarter screen of it, about to scroll in).
    const markedOnScreen = () =>
      page.evaluate(() => {
        const ranges = [...((CSS.highlights.get('rb-term') as Set<AbstractRange> | undefined) ?? [])];
        const offScreen = ranges.filter((range) => {
          const box = range.startContainer.parentElement!.getBoundingClientRect();
          return box.bottom <= -innerHeight / 4 || box.top >= innerHeight * 1.25;
        });
        return { held: ranges.length > 0, offScreen: offScreen.length };
      });
    for (const top of [0, 1e6, 0]) {
      await page.locator('.note-scroller').evaluate((scroller, to) => scroller.scrollTo({ top: to }), top);
      await expect.poll(markedOnScreen).toEqual({ held: true, offScreen: 0 });
    }
    const { strayOverlays } = await snapshotUnits(page);
    expect(strayOverlays).toBe(0);
    await page.close();
  });

  it('explains a term of the grown glossary’s platform words in a Chinese comment', async () => {
    const page = await session.browser.context.newPage();
    await openFixture(page, `/explore/${NOTES.chengduFood}`, { apiDelay: 20 });
    await loadAllComments(page);
    // "看饿了，半夜十二点刷到这个是什么罪过"
    const chip = page.locator(
      '#comment-67849d0c00000000f5be1af6 [data-rb-translation] [data-rb-term="刷到"]',
    );
    await chip.scrollIntoViewIfNeeded({ timeout: 20_000 });
    await chip.click();
    const dialog = termPopover(page);
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(bundled('刷到').meaning.en);
    await page.close();
  });

  it('shows a term added in the popup on the open note and the open options page without a reload, with its preferred rendering', async () => {
    const page = await session.browser.context.newPage();
    await openCatTaxNote(page);
    const sweetPotato = page.locator('[data-rb-translation] [data-rb-term="红薯"]').first();
    await sweetPotato.scrollIntoViewIfNeeded();
    expect(await sweetPotato.getAttribute('class')).not.toContain('rb-term-user');
    const shownBefore = await sweetPotato
      .locator('xpath=ancestor::*[@data-rb-translation][1]')
      .elementHandle();
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    // The glossary open in the options page, which the popup's change must reach as well.
    const options = await session.browser.openExtensionPage('options.html#glossary');
    await options.getByText('No terms yet.', { exact: false }).waitFor();

    const popup = await session.browser.openExtensionPage('popup.html');
    await popup.getByText('Add to my glossary').click();
    await popup.getByRole('textbox', { name: 'Term', exact: true }).fill('红薯');
    await popup.getByLabel('Meaning (English)').fill('What Xiaohongshu users call themselves');
    await popup.getByLabel('Preferred English translation').fill('RedNote user');
    await popup.getByRole('button', { name: 'Add term' }).click();
    await popup.getByRole('status').filter({ hasText: '红薯' }).waitFor();
    await popup.close();
    await page.bringToFront();

    const userChip = page.locator('[data-rb-translation] [data-rb-term="红薯"].rb-term-user').first();
    await userChip.waitFor({ timeout: 15_000 });
    const overlay = userChip.locator('xpath=ancestor::*[@data-rb-translation][1]');
    await page.waitForFunction(
      (element) =>
        element?.getAttribute('data-rb-state') === 'done' && element.textContent!.includes('RedNote user'),
      await overlay.elementHandle(),
    );
    expect(navigations).toEqual([]);
    // Updated in place: the translation on screen was never taken away while the new one came.
    expect(await shownBefore!.evaluate((element) => element.isConnected)).toBe(true);
    // The machine translation was asked with the term protected, and the rendering put in its place.
    const protectedTexts = session.server.provider.requests.flatMap((request) => request.texts ?? []);
    expect(protectedTexts.some((text) => /\{RB\d+\}/.test(text))).toBe(true);
    await options
      .getByRole('list', { name: 'Your glossary terms' })
      .getByText('Translated as: RedNote user')
      .waitFor();
    await options.close();
    await page.close();
  });

  it('restores the glossary exactly from an export, and refuses a malformed file without changing anything', async () => {
    const options = await session.browser.openExtensionPage('options.html#glossary');
    await options.getByRole('textbox', { name: 'Term', exact: true }).first().fill('you swan he frog');
    await options.getByLabel('Meaning (Chinese)').first().fill('你是天鹅，他是青蛙');
    await options.getByRole('button', { name: 'Add term' }).click();
    await options.getByRole('status').filter({ hasText: 'you swan he frog' }).waitFor();
    const before = await userTerms(options);
    expect(before.map((term) => term.term).sort()).toEqual(['you swan he frog', '红薯']);

    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const exported = readFileSync((await download.path())!, 'utf8');

    await options.getByRole('button', { name: 'Delete all terms…' }).click();
    await options.getByRole('button', { name: 'Delete all 2 terms' }).click();
    await options.getByText('No terms yet.').waitFor();
    expect(await userTerms(options)).toEqual([]);

    const fileInput = options.locator('input[type="file"]').first();
    await fileInput.setInputFiles({
      name: 'glossary.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported),
    });
    await options.getByRole('status').filter({ hasText: 'Imported: 2 new, 0 updated.' }).waitFor();
    expect(await userTerms(options)).toEqual(before);

    await fileInput.setInputFiles({
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('term,lang,meaning_en\n摸鱼,zh,slacking off\nrizz,en,\n'),
    });
    const alert = options.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('“broken.csv” was not imported, nothing changed.');
    expect(await alert.textContent()).toContain('rizz');
    expect(await userTerms(options)).toEqual(before);
    await options.close();
  });
});

describe('glossary for a Chinese reader', () => {
  const session = useExtensionSession({ locale: 'zh-CN' });

  it('shows chips for English slang in translated English comments, and none for Chinese terms', async () => {
    const page = await session.browser.context.newPage();
    await openCatTaxNote(page);
    const surfaces = await page.evaluate(() =>
      [...document.querySelectorAll('[data-rb-translation] [data-rb-term]')].map((chip) =>
        chip.getAttribute('data-rb-term'),
      ),
    );
    expect(surfaces.map((surface) => surface!.toLowerCase())).toEqual(
      expect.arrayContaining(['cat tax', 'no cap']),
    );
    expect(surfaces.some((surface) => /\p{Script=Han}/u.test(surface!))).toBe(false);

    const chip = page.locator('[data-rb-translation] [data-rb-term="no cap"]').first();
    await chip.scrollIntoViewIfNeeded();
    await chip.click();
    const dialog = termPopover(page);
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(bundled('no cap').meaning['zh-CN']);
    expect(await dialog.locator('button[aria-label="关闭"]').count()).toBe(1);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // A term of the grown glossary's English internet file: "brb learning Mandarin so I can…".
    const brb = page.locator('#comment-6788a03a00000000953d9475 [data-rb-translation] [data-rb-term="brb"]');
    await brb.scrollIntoViewIfNeeded();
    await brb.click();
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(bundled('brb').meaning['zh-CN']);
    await page.close();
  });
});
