// The feed in both web clients the fixture plays (tests/fixtures/README.md, "Layouts"): 2025, and
// 2026 with `data-note-id` on cards, live cards and "大家都在搜" boxes among them (also
// `section.note-item`) and the AI search home. For an English reader, every card in view shows its
// own note's translation, a note opened from a card is translated, recycled cards never keep another
// note's translation, and a non-note block never gets one.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Unit } from '@/utils/xhs/units';
import { useExtensionSession } from './extension-session';
import {
  NOTES,
  expectedOverlayText,
  needsTranslation,
  openFixture,
  waitForNoPending,
  type OverlayView,
} from './support';
import { expectNoteModalTranslated } from './note-modal';

const replyTo = (name: string) => `Reply to ${name}:`;
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The fixture's test hooks this test uses (tests/fixtures/README.md). */
interface FeedHooks {
  feedItemCount(): number;
  scrollFeedTo(index: number): Promise<boolean>;
  loadMoreFeed(): Promise<void>;
}
interface BlockViolation {
  kind: string;
  index: string | null;
  where: 'inside' | 'after';
  key: string | null;
  text: string;
}

/**
 * Runs in the page before its scripts: after every change to the list, once the frame is done,
 * records any translation inside or right after a non-note block. Waiting past the frame lets an
 * extension that cleans up within the same frame pass; a translation a reader could see does not.
 */
function watchNonNoteBlocks() {
  const seen = new Set<string>();
  const violations: BlockViolation[] = [];
  const scan = () => {
    for (const block of document.querySelectorAll('section.note-item')) {
      const kind =
        block.getAttribute('data-type') === 'live_v2'
          ? 'live'
          : block.querySelector('.query-note-wrapper')
            ? 'query'
            : null;
      if (!kind) continue;
      const after = block.nextElementSibling?.matches('[data-rb-translation]')
        ? block.nextElementSibling
        : null;
      const found: [Element | null, 'inside' | 'after'][] = [
        [block.querySelector('[data-rb-translation]'), 'inside'],
        [after, 'after'],
      ];
      for (const [overlay, where] of found) {
        if (!overlay) continue;
        const violation = {
          kind,
          index: block.getAttribute('data-index'),
          where,
          key: overlay.getAttribute('data-rb-key'),
          text: (overlay.textContent ?? '').slice(0, 80),
        };
        const id = JSON.stringify(violation);
        if (!seen.has(id)) violations.push(violation);
        seen.add(id);
      }
    }
  };
  let scheduled = false;
  new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        scheduled = false;
        scan();
      }),
    );
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-index', 'data-type', 'data-note-id', 'data-rb-key'],
  });
  (window as unknown as { __blockWatch: unknown }).__blockWatch = { violations, scan };
}

/** The violations recorded since the last call. */
async function blockViolations(page: Page): Promise<BlockViolation[]> {
  return page.evaluate(() => {
    const watch = (window as unknown as { __blockWatch: { violations: BlockViolation[]; scan(): void } })
      .__blockWatch;
    watch.scan();
    return watch.violations.splice(0);
  });
}

interface CardView {
  /** From the card's own `a[href="/explore/<id>"]`, whatever the layout. */
  id: string;
  /** `data-note-id` (2026), or null. */
  noteIdAttr: string | null;
  title: string;
  inView: boolean;
  /** The translations right after `.footer > a.title`. */
  overlays: OverlayView[];
  /** `data-rb-key` of every translation inside the card or right after it. */
  keys: (string | null)[];
}

/** Every note card in the DOM (sections with a note link; blocks have none). */
async function noteCards(page: Page): Promise<CardView[]> {
  return page.evaluate(() => {
    const read = (element: Element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelector('.rb-terms')?.remove();
      return {
        key: element.getAttribute('data-rb-key') ?? undefined,
        state: element.getAttribute('data-rb-state') ?? undefined,
        lang: (element as HTMLElement).lang,
        text: copy.textContent ?? '',
        terms: [...element.querySelectorAll('[data-rb-term]')].map((chip) =>
          chip.getAttribute('data-rb-term')!,
        ),
      };
    };
    return [...document.querySelectorAll('#exploreFeeds > section.note-item')].flatMap((card) => {
      const link = card.querySelector(':scope > div > a[href^="/explore/"]');
      if (!link) return [];
      const title = card.querySelector('.footer > a.title');
      const overlays = [];
      for (
        let next = title?.nextElementSibling;
        next?.hasAttribute('data-rb-translation');
        next = next.nextElementSibling
      )
        overlays.push(read(next));
      const all = [...card.querySelectorAll('[data-rb-translation]')];
      if (card.nextElementSibling?.hasAttribute('data-rb-translation')) all.push(card.nextElementSibling);
      // The footer holds the title, or the translation that takes its place.
      const rect = card.querySelector('.footer')!.getBoundingClientRect();
      return [
        {
          id: link.getAttribute('href')!.split('/').pop()!,
          noteIdAttr: card.getAttribute('data-note-id'),
          title: title?.textContent ?? '',
          inView: rect.bottom > 0 && rect.top < innerHeight,
          overlays,
          keys: all.map((overlay) => overlay.getAttribute('data-rb-key')),
        },
      ];
    });
  });
}

/** A card title as the adapter reads it: one segment, keyed by the note. */
function cardUnit(card: CardView): Unit {
  const title = collapse(card.title);
  return {
    key: `card:${card.id}`,
    kind: 'card-title',
    source: null as unknown as Element,
    segments: [title],
    paragraphCount: 1,
    mentions: [],
    text: title,
  };
}

/** What is wrong with the cards in view now: each that needs it must show its own note's translation. */
function cardsInViewProblems(cards: CardView[]): { problems: string[]; checked: number } {
  const problems: string[] = [];
  let checked = 0;
  for (const card of cards.filter((c) => c.inView && collapse(c.title))) {
    const unit = cardUnit(card);
    const overlays = card.overlays.map(({ key, state, lang, text }) => ({ key, state, lang, text }));
    const expected = needsTranslation(unit, 'en')
      ? [{ key: unit.key, state: 'done', lang: 'en', text: expectedOverlayText(unit, 'en', replyTo) }]
      : [];
    if (expected.length) checked++;
    if (JSON.stringify(overlays) !== JSON.stringify(expected))
      problems.push(`${unit.key} "${unit.text}": ${JSON.stringify(overlays)}`);
  }
  return { problems, checked };
}

/**
 * Waits until every card in view shows what it must, then checks the whole list: no card carries a
 * translation keyed to another note, `data-note-id` (2026) names the card's own note, and no
 * non-note block has a translation. Returns how many card translations were checked.
 */
async function expectFeedSettled(page: Page, layout: string, when: string): Promise<number> {
  await waitForNoPending(page);
  await expect
    .poll(async () => cardsInViewProblems(await noteCards(page)).problems, {
      // Generous: on a loaded two-core machine a jump far down took over 10 s to be read.
      timeout: 15_000,
      interval: 200,
      message: `cards in view, ${when}`,
    })
    .toEqual([]);
  const cards = await noteCards(page);
  const stale = cards.flatMap((card) =>
    card.keys.filter((key) => key !== `card:${card.id}`).map((key) => `${card.id} shows ${key}`),
  );
  // Soft: a failure here still lets the rest of the walk run and report.
  expect.soft(stale, `stale card translations, ${when}`).toEqual([]);
  const ids = cards.map((card) => (layout === '2025' ? null : card.id));
  expect(
    cards.map((card) => card.noteIdAttr),
    `data-note-id, ${when}`,
  ).toEqual(ids);
  expect.soft(await blockViolations(page), `translations in or after non-note blocks, ${when}`).toEqual([]);
  return cardsInViewProblems(cards).checked;
}

describe('feed layouts', () => {
  const session = useExtensionSession({ locale: 'en-US', viewport: { width: 1280, height: 900 } });

  describe.each(['2025', '2026'] as const)('layout %s', (layout) => {
    it('translates each card as its own note, the note opened from a card, and never a non-note block', async () => {
      const page = await session.browser.context.newPage();
      await page.addInitScript(watchNonNoteBlocks);
      await openFixture(page, `/explore?layout=${layout}`, { apiDelay: 40 });

      // The fixture plays the layout asked for.
      const shape = await page.evaluate(() => ({
        aiSearch: !!document.querySelector(
          '#mfContainer > .feeds-content > .search-area textarea[name="aiSearchTextarea"]',
        ),
        live: document.querySelectorAll('#exploreFeeds > section.note-item[data-type="live_v2"]').length,
        query: document.querySelectorAll('#exploreFeeds > section.note-item .query-note-wrapper').length,
      }));
      expect(shape).toEqual(
        layout === '2026' ? { aiSearch: true, live: 4, query: 2 } : { aiSearch: false, live: 0, query: 0 },
      );
      if (layout === '2026') {
        const blocksInView = await page.evaluate(
          () =>
            [...document.querySelectorAll('#exploreFeeds > section.note-item:not([data-note-id])')].filter(
              (block) => block.getBoundingClientRect().top < innerHeight,
            ).length,
        );
        expect(blocksInView).toBeGreaterThan(1); // a live card and a hot-query box on the first screen
      }

      let checked = await expectFeedSettled(page, layout, 'on the first screen');
      expect(checked).toBeGreaterThanOrEqual(2); // 2026: the AI search box and the blocks take room

      // Open a Chinese note from its card: a modal over the list, with a pushState URL.
      const noteId = NOTES.chengduFood;
      await page
        .locator(`#exploreFeeds > section.note-item:has(> div > a[href="/explore/${noteId}"]) a.cover`)
        .click();
      await page.waitForURL(new RegExp(`/explore/${noteId}\\?`));
      const modal = page.locator(`.note-detail-mask[note-id="${noteId}"]`);
      await expectNoteModalTranslated(page, noteId);
      await modal.locator('.close-circle').click();
      await page.waitForURL(new RegExp(`/explore\\?layout=${layout}`));
      await modal.waitFor({ state: 'detached' });

      // Far down the list and back: the same ≤ 29 sections show other notes (and other kinds).
      const far = await page.evaluate(async () => {
        const fixture = (window as unknown as { __fixture: FeedHooks }).__fixture;
        for (let page = 0; page < 5 && fixture.feedItemCount() < 70; page++) await fixture.loadMoreFeed();
        await fixture.scrollFeedTo(62);
        return fixture.feedItemCount();
      });
      expect(far).toBeGreaterThanOrEqual(70);
      checked += await expectFeedSettled(page, layout, 'far down the list');
      const farIds = (await noteCards(page)).filter((card) => card.inView).map((card) => card.id);
      expect(farIds).not.toContain(NOTES.catTax);

      await page.evaluate(() => (window as unknown as { __fixture: FeedHooks }).__fixture.scrollFeedTo(0));
      checked += await expectFeedSettled(page, layout, 'back at the top');
      const topIds = (await noteCards(page)).filter((card) => card.inView).map((card) => card.id);
      expect(topIds).toContain(NOTES.catTax);
      expect(await page.locator('#exploreFeeds > section.note-item').count()).toBeLessThanOrEqual(29);
      expect(checked).toBeGreaterThan(10);
      await page.close();
    });
  });
});
