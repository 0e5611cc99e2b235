import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Backup } from '@/utils/learning/backup';
import type { PhraseInput } from '@/utils/learning/phrase-merge';
import type { PhraseListItem } from '@/utils/learning/phrase-store';
import type { ExtensionSession } from './extension-session';
import { useExtensionSession } from './extension-session';
import { ask, dragSelect, lookUpPopover as popover, settledTextBox } from './reader-actions';
import { NOTES, SITE, loadAllComments, openFixture } from './support';

async function badgeText(session: ExtensionSession): Promise<string> {
  const worker = await session.browser.worker();
  return worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
    ).chrome.action.getBadgeText({}),
  );
}

/** A point inside `box` over a Chinese character of a comment, as if the popover were not there. */
async function chineseUnder(page: Page, box: { x: number; y: number; width: number; height: number }) {
  const found = await page.evaluate((box) => {
    const host = document.querySelector<HTMLElement>('[data-rb-lookup]')!;
    host.style.visibility = 'hidden';
    try {
      for (let y = box.y + box.height - 8; y > box.y + 8; y -= 6) {
        for (let x = box.x + 8; x < box.x + box.width - 8; x += 6) {
          const caret = document.caretRangeFromPoint(x, y);
          const node = caret?.startContainer;
          if (
            !node ||
            node.nodeType !== Node.TEXT_NODE ||
            !node.parentElement?.closest('.comment-item .note-text')
          )
            continue;
          const char = node.textContent!.charAt(caret.startOffset);
          if (!/\p{Script=Han}/u.test(char)) continue;
          const range = document.createRange();
          range.setStart(node, caret.startOffset);
          range.setEnd(node, caret.startOffset + 1);
          const at = range.getBoundingClientRect();
          if (
            at.left < box.x ||
            at.right > box.x + box.width ||
            at.top < box.y ||
            at.bottom > box.y + box.height
          )
            continue;
          return { x: (at.left + at.right) / 2, y: (at.top + at.bottom) / 2, char };
        }
      }
      return null;
    } finally {
      host.style.visibility = '';
    }
  }, box);
  if (!found) throw new Error('no comment text lies under the popover');
  return found;
}

/** The centre of the first `char` in the comment `commentId`, on screen, once it keeps its place. */
async function charCenter(page: Page, commentId: string, char: string): Promise<{ x: number; y: number }> {
  const box = await settledTextBox(page, commentId, char);
  return { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 };
}

async function saveFromPopover(page: Page, savedLabel: string): Promise<void> {
  await popover(page).locator('button.save').click();
  await popover(page).getByText(savedLabel).waitFor();
}

/** Grades the first card of the review session with the keyboard alone: Space, then `grade`. */
async function gradeWithKeyboard(options: Page, grade: string): Promise<string> {
  const card = options.locator('.review-card');
  await card.waitFor();
  const cardId = (await card.getAttribute('data-card-id'))!;
  await options.keyboard.press('Space');
  await options.locator('.review-grades').waitFor();
  await options.keyboard.press(grade);
  await options.locator('#review [role="status"]').waitFor();
  return cardId;
}

async function cardDue(options: Page, cardId: string): Promise<number> {
  const backup = await ask<{ text: string }>(options, 'exportBackup');
  return (JSON.parse(backup.text) as Backup).tables.reviewCards.find((card) => card.id === cardId)!.due;
}

describe('learning for an English reader', () => {
  const session = useExtensionSession({ locale: 'en-US' });

  it('looks up a Chinese phrase in a comment, saves it, finds it in the phrasebook and reviews it', async () => {
    const page = await session.browser.context.newPage();
    await openFixture(page, `/explore/${NOTES.catTax}`, { apiDelay: 20 });
    await loadAllComments(page);

    await dragSelect(page, '67875e8c0000000092041e73', '种草');
    expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('种草');
    const dialog = popover(page);
    await dialog.locator('.pinyin').waitFor();
    expect(await dialog.locator('.pinyin').textContent()).toBe('zhòngcǎo');
    expect(await dialog.locator('li[data-word="种草"] .definitions').textContent()).toMatch(
      /recommend a product/,
    );
    expect(await dialog.locator('.translation').textContent()).toBeTruthy();
    expect(await dialog.textContent()).toContain('CC-CEDICT');
    // Without a language model set up there is nothing to ask for an explanation.
    expect(await dialog.locator('button.explain').count()).toBe(0);
    // Looking up changed nothing about the selection: copying still copies the phrase.
    expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('种草');

    await saveFromPopover(page, 'Saved to your phrasebook');
    expect(await badgeText(session)).toBe('2');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Alt+hover over 种 looks up the dictionary word it belongs to, with nothing selected.
    await page.evaluate(() => document.getSelection()?.removeAllRanges());
    // The pointer goes there first: on its way, with Alt held, it would look up what it crosses
    // (the comment's own translation, when the comment has moved since the drag).
    const char = await charCenter(page, '67875e8c0000000092041e73', '种');
    await page.mouse.move(char.x, char.y, { steps: 2 });
    await page.keyboard.down('Alt');
    await page.mouse.move(char.x + 1, char.y);
    await page.keyboard.up('Alt');
    await dialog.locator('.pinyin').waitFor();
    expect(await dialog.locator('.phrase').textContent()).toBe('种草');
    expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('');

    // With Alt held, the pointer reads a comment's word lying under the open popover.
    const covered = await chineseUnder(page, await dialog.boundingBox());
    await page.keyboard.down('Alt');
    await page.mouse.move(covered.x, covered.y, { steps: 4 });
    // Words crossed on the way may show first: it is the word where the pointer stopped that counts.
    await expect.poll(() => dialog.locator('.phrase').textContent()).toContain(covered.char);
    await page.keyboard.up('Alt');
    await page.mouse.click(5, 400);
    await dialog.waitFor({ state: 'detached' });

    const options = await session.browser.openExtensionPage('options.html#phrasebook');
    const entry = options.locator('#phrasebook li.phrase', { hasText: '种草' });
    await entry.waitFor();
    expect(await entry.locator('blockquote p').first().textContent()).toBe('被这只猫种草了，我也想养橘猫');
    expect(await entry.getByRole('link').getAttribute('href')).toBe(`${SITE}/explore/${NOTES.catTax}`);
    expect(await entry.locator('.phrase-pinyin').textContent()).toBe('zhòngcǎo');

    await options.goto(options.url().replace('#phrasebook', '#review'));
    await options.reload();
    const before = await cardDue(
      options,
      (await options.locator('.review-card').getAttribute('data-card-id'))!,
    );
    const graded = await gradeWithKeyboard(options, '3');
    const after = await cardDue(options, graded);
    expect(after).toBeGreaterThan(before);
    expect(after).toBeGreaterThan(Date.now());
    await expect.poll(() => badgeText(session)).toBe('1');
    await options.close();
    await page.close();
  });

  it('refuses a corrupted backup with a clear message and changes nothing', async () => {
    const options = await session.browser.openExtensionPage('options.html#data');
    // A phrase of its own, so the check does not hang on what the test before it saved.
    const phrase: PhraseInput = {
      text: '蹲一个',
      lang: 'zh',
      pinyin: 'dūn yí gè',
      meaning: 'waiting for it',
      context: {
        sentence: '蹲一个后续',
        sentenceTranslation: 'Waiting for the follow-up',
        url: `${SITE}/explore/${NOTES.catTax}`,
        title: 'cat tax',
      },
    };
    await ask(options, 'savePhrase', phrase);
    const before = await ask<PhraseListItem[]>(options, 'listPhrases');
    expect(before.map((item) => item.text)).toContain('蹲一个');
    const backup = await ask<{ text: string }>(options, 'exportBackup');
    const corrupted = backup.text.slice(0, Math.floor(backup.text.length / 2));

    await options.getByLabel('Restore from a backup file').setInputFiles({
      name: 'redbridge-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(corrupted),
    });
    await options.getByRole('button', { name: 'Restore', exact: true }).click();
    const alert = options.locator('.backup [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /^This file was not restored and nothing was changed: it is not valid JSON/,
    );
    expect(await ask<PhraseListItem[]>(options, 'listPhrases')).toEqual(before);
    await options.close();
  });
});

describe('learning for a Chinese reader', () => {
  const session = useExtensionSession({ locale: 'zh-CN' });

  it('looks up an English phrase, saves it, finds it in the phrasebook and reviews it', async () => {
    const page = await session.browser.context.newPage();
    await openFixture(page, `/explore/${NOTES.catTax}`, { apiDelay: 20 });
    await page.locator('#comment-6787602900000000e947bdd4').waitFor();

    await dragSelect(page, '6787602900000000e947bdd4', 'says hi');
    const dialog = popover(page);
    await dialog.locator('.translation').waitFor();
    expect(await dialog.locator('.translation').getAttribute('lang')).toBe('zh-CN');
    expect(await dialog.locator('.pinyin').count()).toBe(0);
    expect(await dialog.locator('h3').textContent()).toBe('翻译');
    await saveFromPopover(page, '已保存到生词本');

    const options = await session.browser.openExtensionPage('options.html#phrasebook');
    const entry = options.locator('#phrasebook li.phrase', { hasText: 'says hi' });
    await entry.waitFor();
    expect(await entry.locator('blockquote p').first().textContent()).toBe('Mochi says hi 🐾');
    expect(await entry.getByRole('link').getAttribute('href')).toBe(`${SITE}/explore/${NOTES.catTax}`);
    expect(await options.getByRole('heading', { name: '生词本' }).count()).toBe(1);

    await options.goto(options.url().replace('#phrasebook', '#review'));
    await options.reload();
    const first = (await options.locator('.review-card').getAttribute('data-card-id'))!;
    const before = await cardDue(options, first);
    const graded = await gradeWithKeyboard(options, '4');
    expect(graded).toBe(first);
    expect(await cardDue(options, graded)).toBeGreaterThan(before);
    await options.close();
    await page.close();
  });
});
