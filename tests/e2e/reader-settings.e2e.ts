import { describe, expect, it } from 'vitest';
import { sampleNoteFor, segmentsOf } from '@/entrypoints/welcome/sample-note';
import { useExtensionSession } from './extension-session';
import {
  NOTES,
  expectedOverlayText,
  loadAllComments,
  needsTranslation,
  openFixture,
  readThrough,
  snapshotUnits,
} from './support';

const WELCOME_SAMPLE_TEXTS = new Set(
  (['en', 'zh-CN'] as const).flatMap((reader) => {
    const { title, body, comments } = sampleNoteFor(reader);
    return [title, body, ...comments].flatMap(segmentsOf);
  }),
);

describe('a Chinese-locale browser', () => {
  const session = useExtensionSession({ locale: 'zh-CN' });

  it('gets English comments translated into Chinese and Chinese ones untouched', async () => {
    const page = await session.browser.context.newPage();
    await openFixture(page, `/explore/${NOTES.catTax}`, { apiDelay: 30 });
    await loadAllComments(page);
    await readThrough(page);
    const { units, strayOverlays } = await snapshotUnits(page);
    const comments = units.filter((view) => view.unit.kind === 'comment' || view.unit.kind === 'reply');
    const english = comments.filter((view) => needsTranslation(view.unit, 'zh-CN'));
    const chinese = comments.filter((view) => !needsTranslation(view.unit, 'zh-CN'));
    expect(english.length).toBeGreaterThan(15);
    expect(chinese.length).toBeGreaterThan(15);
    for (const { unit, overlays } of english) {
      expect(overlays, unit.key).toEqual([
        {
          key: unit.key,
          state: 'done',
          lang: 'zh-CN',
          text: expectedOverlayText(unit, 'zh-CN', (name) => `回复 ${name}：`),
          terms: expect.any(Array),
        },
      ]);
    }
    for (const { unit, overlays } of chinese) expect(overlays, unit.key).toEqual([]);
    expect(strayOverlays).toBe(0);

    const title = units.find((view) => view.unit.kind === 'note-title')!;
    expect(title.overlays[0]?.text).toBe(expectedOverlayText(title.unit, 'zh-CN', () => ''));
    // Every text the note sent out went out to be translated into Chinese. The welcome page a fresh
    // install opens translates its own sample: headless Chromium may render it before the test's
    // locale applies, as an English reader's, so its texts are not the note's to judge.
    const sent = session.server.provider.requests.filter(
      (request) => request.status === 200 && !request.texts.every((text) => WELCOME_SAMPLE_TEXTS.has(text)),
    );
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((request) => request.target === 'zh-CN')).toBe(true);
    expect(await page.evaluate(() => window.__rbXss)).toBeUndefined();
    await page.close();
  });

  it('shows its popup and overlay labels in Chinese', async () => {
    const popup = await session.browser.openExtensionPage('popup.html');
    await popup.getByRole('switch', { name: '在 xiaohongshu.com 上翻译' }).waitFor();
    expect(await popup.getByLabel('翻译成').inputValue()).toBe('auto');
    await popup.close();
  });
});

describe('settings changed in the popup reach an open note without a reload', () => {
  const session = useExtensionSession({ locale: 'en-US' });

  it('switches display mode, turns the site off and on, and changes the reader language', async () => {
    const page = await session.browser.context.newPage();
    await openFixture(page, `/explore/${NOTES.chengduFood}`, { apiDelay: 30 });
    const body = page.locator('#detail-desc');
    const bodyTranslation = page.locator('#detail-desc + [data-rb-translation]');
    await bodyTranslation.waitFor({ state: 'attached' });
    await expect.poll(() => bodyTranslation.getAttribute('data-rb-state')).toBe('done');
    expect(await body.isVisible()).toBe(true);
    expect(await bodyTranslation.isVisible()).toBe(true);

    const popup = await session.browser.openExtensionPage('popup.html');
    await popup.getByText('Translation only').click();
    await expect.poll(() => bodyTranslation.getAttribute('data-rb-mode')).toBe('translation-only');
    expect(await body.isVisible()).toBe(false); // the original gives way to its translation
    expect(await bodyTranslation.isVisible()).toBe(true);

    await popup.getByText('On hover').click();
    await expect.poll(() => bodyTranslation.getAttribute('data-rb-mode')).toBe('hover');
    await page.mouse.move(5, 5);
    expect(await bodyTranslation.isVisible()).toBe(false);
    await body.hover();
    expect(await bodyTranslation.isVisible()).toBe(true);

    await popup.getByRole('switch', { name: 'Translate on xiaohongshu.com' }).uncheck();
    await expect.poll(() => page.locator('[data-rb-translation]').count()).toBe(0);
    await popup.getByRole('switch', { name: 'Translate on xiaohongshu.com' }).check();
    await expect.poll(() => bodyTranslation.getAttribute('data-rb-state')).toBe('done');

    await popup.getByLabel('Translate into').selectOption('ja');
    await expect.poll(() => bodyTranslation.getAttribute('lang')).toBe('ja');
    await expect.poll(() => bodyTranslation.getAttribute('data-rb-state')).toBe('done');
    // No Japanese translations are kept beside the fixtures: the fake provider marks its answer.
    expect(await bodyTranslation.textContent()).toContain('⟦ja⟧');
    await popup.close();
    await page.close();
  });
});
