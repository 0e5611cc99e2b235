import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useExtensionSession } from './extension-session';
import {
  expectedOverlayText,
  needsTranslation,
  openFixture,
  snapshotUnits,
  waitForNoPending,
  type UnitView,
} from './support';
import { expectNoteModalTranslated } from './note-modal';

const replyTo = (name: string) => `Reply to ${name}:`;

/** Note ids of the cards whose title (where the translation shows) is inside the viewport now. */
async function visibleCardIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('#exploreFeeds section.note-item')]
      .filter((card) => {
        // The footer holds the title, or the translation that takes its place.
        const rect = card.querySelector('.footer')!.getBoundingClientRect();
        return rect.bottom > 0 && rect.top < innerHeight;
      })
      .map((card) => card.querySelector('a[href^="/explore/"]')!.getAttribute('href')!.split('/').pop()!),
  );
}

/** Every card unit in view that needs translation shows its own note's translation; no other does. */
function expectCardsTranslated(units: UnitView[], visible: string[]) {
  const cards = units.filter((view) => view.unit.kind === 'card-title');
  let checked = 0;
  for (const { unit, overlays } of cards) {
    const inView = visible.includes(unit.key.replace('card:', ''));
    if (!needsTranslation(unit, 'en')) {
      expect(overlays, unit.key).toEqual([]);
    } else if (inView) {
      checked++;
      expect(overlays, unit.key).toEqual([
        {
          key: unit.key,
          state: 'done',
          lang: 'en',
          text: expectedOverlayText(unit, 'en', replyTo),
          terms: expect.any(Array),
        },
      ]);
    } else {
      // Off screen, a card may still be waiting; whatever it shows must be its own note's.
      for (const overlay of overlays) expect(overlay.key, unit.key).toBe(unit.key);
    }
  }
  return checked;
}

describe('feed, note modal and recycled cards', () => {
  const session = useExtensionSession({ locale: 'en-US', viewport: { width: 1280, height: 900 } });

  // The 2025 feed; tests/e2e/feed-layouts.e2e.ts runs both layouts through the same journey.
  it('translates the cards in view, the note opened as a modal, and every recycled card after scrolling', async () => {
    const page = await session.browser.context.newPage();
    await openFixture(page, '/explore?layout=2025', { apiDelay: 40 });
    await page.waitForTimeout(300);
    await waitForNoPending(page);
    let checked = expectCardsTranslated((await snapshotUnits(page)).units, await visibleCardIds(page));
    expect(checked).toBeGreaterThan(2);

    // Open a Chinese note from its card: a modal over the list, with a pushState URL.
    const card = page.locator('#exploreFeeds section.note-item', { hasText: '成都' }).first();
    const noteId = (await card.locator('a[href^="/explore/"]').first().getAttribute('href'))!
      .split('/')
      .pop()!;
    await card.locator('a.cover').click();
    await page.waitForURL(new RegExp(`/explore/${noteId}`));
    const modal = page.locator(`.note-detail-mask[note-id="${noteId}"]`);
    await modal.waitFor();
    await expectNoteModalTranslated(page, noteId);
    // The comments sit below the note: they show translated once scrolled into view.
    await modal.locator('.note-scroller').evaluate((scroller) => {
      const comments = scroller.querySelector<HTMLElement>('.comments-el')!;
      scroller.scrollTo({ top: comments.offsetTop - 100 });
    });
    await modal
      .locator(
        '.comment-item > .comment-inner-container > .right > [data-rb-translation][data-rb-state="done"]',
      )
      .first()
      .waitFor({ state: 'attached', timeout: 5_000 });

    await page.keyboard.press('Escape');
    await page.waitForURL(/\/explore\?layout=2025$/);
    await modal.waitFor({ state: 'detached' });

    // Scroll the recycled list a screen at a time: cards are reused for other notes.
    const seen = new Set<string>(await visibleCardIds(page));
    for (let step = 0; step < 8; step++) {
      await page.mouse.wheel(0, 700);
      await page.waitForTimeout(350);
      await waitForNoPending(page);
      const visible = await visibleCardIds(page);
      visible.forEach((id) => seen.add(id));
      checked += expectCardsTranslated((await snapshotUnits(page)).units, visible);
    }
    expect(await page.locator('#exploreFeeds section.note-item').count()).toBeLessThanOrEqual(30);
    expect(seen.size).toBeGreaterThan(30); // more notes than card elements: cards were recycled
    expect(checked).toBeGreaterThan(20);
    await page.close();
  });

  it('never lets a card translation overlap the next card', async () => {
    const page = await session.browser.context.newPage();
    await openFixture(page, '/explore', { apiDelay: 40 });
    await page.waitForTimeout(300);
    await waitForNoPending(page);
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll('#exploreFeeds section.note-item')].flatMap((card) => {
        const overlay = card.querySelector('[data-rb-translation]');
        if (!overlay) return [];
        const cardBox = card.getBoundingClientRect();
        const box = overlay.getBoundingClientRect();
        return box.bottom > cardBox.bottom + 0.5 || box.height === 0 ? [overlay.textContent] : [];
      }),
    );
    expect(
      await page.locator('#exploreFeeds [data-rb-translation][data-rb-state="done"]').count(),
    ).toBeGreaterThan(2);
    expect(overflowing).toEqual([]);
    await page.close();
  });

  it('translates notes on www.rednote.com the same way', async () => {
    const page = await session.browser.context.newPage();
    await page.goto('https://www.rednote.com/explore/678347fe00000000223c703d');
    await page
      .locator('#detail-desc + [data-rb-translation][data-rb-state="done"]')
      .waitFor({ state: 'attached' });
    expect(await page.locator('#detail-title + [data-rb-translation]').getAttribute('lang')).toBe('en');
    await page.close();
  });
});
