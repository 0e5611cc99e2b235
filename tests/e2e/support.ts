import { JSDOM } from 'jsdom';
import type { Page, Worker } from 'playwright-core';
import type { LanguageCode } from '@/utils/language/languages';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings-schema';
import { planUnit } from '@/utils/language/direction';
import { collectUnits, type Unit } from '@/utils/xhs/units';
import type { ExtensionSession } from './extension-session';
import { loadFixtureTranslations } from './server';

export const SITE = 'https://www.xiaohongshu.com';

/** Ids of the fixture notes (see tests/fixtures/README.md). */
export const NOTES = {
  catTax: '67875c34000000006f54d753',
  chengduFood: '678347fe00000000223c703d',
};

declare global {
  interface Window {
    __fixture?: {
      ready?: Promise<unknown> | boolean;
      apiDelay?: number;
      openNote(id: string): unknown;
      closeNote(): unknown;
      switchNote(id: string): unknown;
      rerenderCommentBody(id: string): unknown;
      rerenderComment(id: string): unknown;
      setLikeCount(id: string, count: number): unknown;
      loadedCommentCount(): number;
      /** What the site posted, one entry per click on its send button. */
      posts: { text: string; replyTo: string | null; trusted: boolean }[];
      /** The open editor's model (what the site would post), or null with no editor open. */
      editorModel(): string | null;
      insertMention(nickname: string): void;
      insertEmoji(code: string): void;
    };
    __rbXss?: number;
  }
}

/** Opens a fixture page and waits until the site's own first render is done. */
export async function openFixture(
  page: Page,
  path: string,
  options: { apiDelay?: number } = {},
): Promise<void> {
  await page.goto(`${SITE}${path}`);
  await page.waitForFunction(() => !!window.__fixture);
  await page.evaluate(async (apiDelay) => {
    await window.__fixture!.ready;
    if (apiDelay !== undefined) window.__fixture!.apiDelay = apiDelay;
  }, options.apiDelay);
}

/** Scrolls the note's `.note-scroller` until every comment page has loaded. */
export async function loadAllComments(page: Page, root = ''): Promise<void> {
  const scroller = `${root} .note-scroller`.trim();
  for (let step = 0; step < 200; step++) {
    if (await page.locator(`${root} .end-container, ${root} .no-comments-text`.trim()).count()) return;
    await page.locator(scroller).evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await page.waitForTimeout(120);
  }
  throw new Error('comments never reached their end marker');
}

/** Clicks every "展开 N 条回复" / "展开更多回复" until all replies are in the DOM. */
export async function expandAllReplies(page: Page): Promise<void> {
  for (let round = 0; round < 50; round++) {
    const buttons = page.locator('.reply-container .show-more');
    const count = await buttons.count();
    if (count === 0) return;
    for (let index = count - 1; index >= 0; index--) await buttons.nth(index).click();
    await page.waitForTimeout(150);
  }
  throw new Error('replies never finished expanding');
}

/** Writes settings the way the extension's own pages do; open tabs pick them up live. */
export async function setSettings(worker: Worker, change: Partial<Settings>): Promise<void> {
  await worker.evaluate(
    async ({ change, defaults }) => {
      // Runs in the extension's service worker, where `chrome` is the extension API.
      const { storage } = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      const stored = (await storage.local.get('settings')).settings ?? defaults;
      await storage.local.set({ settings: { ...(stored as object), ...change } });
    },
    { change, defaults: DEFAULT_SETTINGS },
  );
}

export interface OverlayView {
  key: string | undefined;
  state: string | undefined;
  lang: string;
  /** The translation itself; glossary chips are listed in `terms`, not part of it. */
  text: string;
  /** `data-rb-term` of each glossary chip in the overlay. */
  terms: string[];
}

export interface UnitView {
  unit: Unit;
  /** The overlays right after the unit's source (the contract allows exactly one). */
  overlays: OverlayView[];
}

/**
 * Reads the page as it is now with the site adapter itself (in jsdom, from a DOM snapshot), and
 * pairs each unit with the overlays placed after its source.
 */
export async function snapshotUnits(
  page: Page,
): Promise<{ units: UnitView[]; strayOverlays: number; dom: JSDOM }> {
  const html = await page.content();
  const dom = new JSDOM(html);
  const { document } = dom.window;
  const pathname = new URL(page.url()).pathname;
  const units = collectUnits(document, { pathname }).map((unit) => {
    const overlays: OverlayView[] = [];
    for (
      let next = unit.source.nextElementSibling;
      next?.hasAttribute('data-rb-translation');
      next = next.nextElementSibling
    ) {
      const element = next as HTMLElement;
      const chips = [...element.querySelectorAll('[data-rb-term]')];
      const translation = element.cloneNode(true) as HTMLElement;
      translation.querySelector('.rb-terms')?.remove();
      overlays.push({
        key: element.dataset.rbKey,
        state: element.dataset.rbState,
        lang: element.lang,
        text: translation.textContent ?? '',
        terms: chips.map((chip) => chip.getAttribute('data-rb-term')!),
      });
    }
    return { unit, overlays };
  });
  const placed = units.reduce((sum, view) => sum + view.overlays.length, 0);
  const strayOverlays = document.querySelectorAll('[data-rb-translation]').length - placed;
  return { units, strayOverlays, dom };
}

const translations = loadFixtureTranslations();
const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();
const table = new Map(Object.entries(translations).map(([source, targets]) => [normalize(source), targets]));

/**
 * What the overlay of `unit` must say for `reader`, from the fixture's real translations; segments
 * already in the reader's language are shown as written.
 */
export function expectedOverlayText(
  unit: Unit,
  reader: LanguageCode,
  replyTo: (name: string) => string,
): string {
  const { send } = planUnit(unit.segments, unit.paragraphCount, reader);
  const translated = unit.segments.map((segment, index) =>
    send[index] ? (table.get(normalize(segment))?.[reader] ?? `⟦${reader}⟧ ${segment}`) : segment,
  );
  const paragraphs = translated.slice(0, unit.paragraphCount);
  const hashtags = translated.slice(unit.paragraphCount).map((tag) => `#${tag.replace(/^#\s*/, '')}`);
  return (unit.replyTo ? `${replyTo(unit.replyTo)} ` : '') + paragraphs.join('') + hashtags.join('');
}

export function needsTranslation(unit: Unit, reader: LanguageCode): boolean {
  return planUnit(unit.segments, unit.paragraphCount, reader).translate;
}

/** The page's text without anything RedBridge added. */
export function siteText(dom: JSDOM): string {
  const body = dom.window.document.body.cloneNode(true) as HTMLElement;
  for (const overlay of body.querySelectorAll('[data-rb-translation]')) overlay.remove();
  return body.textContent ?? '';
}

/**
 * Scrolls `.note-scroller` from top to bottom most of a screen at a time, letting the units that
 * come near be translated, as a reader would: at about two screens a second, slower than a fling
 * (RedBridge fetches nothing for a list flung past at 4 screens a second or more).
 */
export async function readThrough(page: Page, root = ''): Promise<void> {
  const scroller = page.locator(`${root} .note-scroller`.trim());
  await scroller.evaluate((element) => element.scrollTo({ top: 0 }));
  for (let step = 0; step < 400; step++) {
    await page.waitForTimeout(350);
    await waitForNoPending(page);
    const atEnd = await scroller.evaluate((element) => {
      const end = element.scrollTop + element.clientHeight >= element.scrollHeight - 2;
      element.scrollBy({ top: element.clientHeight * 0.8 });
      return end;
    });
    if (atEnd) break;
  }
  await page.waitForTimeout(100);
  await waitForNoPending(page);
}

export async function waitForNoPending(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    () => !document.querySelector('[data-rb-translation][data-rb-state="pending"]'),
    undefined,
    {
      timeout,
    },
  );
}

/** Stops the service worker, as Chrome does with an idle one; the next event starts a new run. */
export async function stopServiceWorker(session: ExtensionSession, page: Page): Promise<void> {
  const cdp = await session.browser.context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find(
    (info) => info.type === 'service_worker' && info.url.endsWith('/background.js'),
  )!;
  await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  await cdp.detach();
}
