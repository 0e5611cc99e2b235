/**
 * Measures one reading (a pattern from reading-patterns.ts) on a fresh page, from before the page
 * is opened to after its last translation settles: how long comments wait for their translation
 * once in view, what the reading cost in provider requests against the comment pages it loaded,
 * texts sent twice, long tasks RedBridge ran in, and whose script time it was.
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../tests/e2e/browser';
import type { TestServer } from '../tests/e2e/server';
import { fixtureCommentPagesServed } from '../tests/e2e/server/site-routes';
import { needsTranslation, openFixture, SITE, snapshotUnits, waitForNoPending } from '../tests/e2e/support';
import type { ReadingPattern } from './reading-patterns';
import {
  judgeLongTasks,
  pageProfile,
  scriptTime,
  type LongTaskFigures,
  type ReadingScriptTime,
} from './trace-profile';
import { recordTrace } from './trace-recording';

export const PROVIDER_LATENCY_MS = 120;

const PROBE = fileURLToPath(new URL('./shown-after-probe.js', import.meta.url));

declare global {
  interface Window {
    /** Installed by shown-after-probe.js. */
    __rbBench?: { reset(): void; results(): { shownAfter: number[]; waiting: string[] } };
  }
}

const isExtension = (url: string) => url.startsWith('chrome-extension://');
const isPage = (url: string) => url.startsWith(SITE);

export interface ShownAfter {
  /** Comments that entered the view needing a translation and had it shown. */
  measured: number;
  p50: number;
  p95: number;
  max: number;
  /** Comments that entered the view needing a translation and had none shown by the end. */
  neverShown: number;
}

export interface ReadingFigures {
  pattern: string;
  build: string;
  redBridge: 'on' | 'off';
  /** Wall time of the reading, page load to settled. */
  seconds: number;
  /** The machine's 1-minute load average as it ended: other work on it moves every timing. */
  loadAverage: number;
  shownAfter: ShownAfter;
  /** Translations shown on the page at the end. */
  translated: number;
  /** Provider requests answered (status ≠ 0) and the texts in them. */
  requests: number;
  textsSent: number;
  textsSentTwice: number;
  /** Comment and reply pages the page loaded from the fixture's API. */
  commentPages: number;
  replyPages: number;
  longTasks: LongTaskFigures;
  /** Sampled script time (ms): RedBridge's (with the DOM work it caused) and the page's own. */
  script: ReadingScriptTime;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Waits for RedBridge to finish what the reading started: nothing pending, nothing in flight. */
async function settle(page: Page, server: TestServer): Promise<void> {
  await waitForNoPending(page, 30_000).catch(() => undefined); // a stuck unit shows in neverShown
  const inFlight = () => server.provider.requests.some((request) => request.status === 0);
  for (let waited = 0; waited < 5_000 && inFlight(); waited += 100) await page.waitForTimeout(100);
  // A unit that came into view as the movement ended may not be asked for yet.
  await page.waitForTimeout(500);
  await waitForNoPending(page, 30_000).catch(() => undefined);
}

/** The probe's figures, with never-shown comments narrowed to those the reader needed translated. */
async function shownAfterFigures(page: Page, locale: ReadingPattern['locale']): Promise<ShownAfter> {
  const { shownAfter, waiting } = await page.evaluate(() => window.__rbBench!.results());
  const reader = locale === 'zh-CN' ? 'zh-CN' : 'en';
  const { units } = await snapshotUnits(page);
  const needed = new Set(
    units.filter((view) => needsTranslation(view.unit, reader)).map((view) => view.unit.key),
  );
  return {
    measured: shownAfter.length,
    p50: Math.round(percentile(shownAfter, 50)),
    p95: Math.round(percentile(shownAfter, 95)),
    max: Math.round(percentile(shownAfter, 100)),
    neverShown: waiting.filter((id) => needed.has(`comment:${id}`)).length,
  };
}

/**
 * Reads `pattern` once on a fresh page of `browser`, whose settings already have RedBridge on or
 * off for the site, and measures it. The trace starts before the page opens, so RedBridge's start-up
 * on a fresh page is in every figure.
 */
export async function measureReading(
  browser: ExtensionBrowser,
  server: TestServer,
  pattern: ReadingPattern,
  { build, redBridge }: { build: string; redBridge: 'on' | 'off' },
): Promise<ReadingFigures> {
  server.provider.reset();
  server.provider.latencyMs = PROVIDER_LATENCY_MS;
  const pagesBefore = fixtureCommentPagesServed();
  const started = Date.now();

  const page = await browser.context.newPage();
  await page.addInitScript({ path: PROBE });
  const cdp = await browser.context.newCDPSession(page);
  const probe = { reset: () => page.evaluate(() => window.__rbBench!.reset()) };
  const events = await recordTrace(
    cdp,
    async () => {
      await openFixture(page, pattern.path);
      await pattern.read(page, probe);
      if (redBridge === 'on') await settle(page, server);
    },
    { cpuProfile: true },
  );
  const seconds = Math.round((Date.now() - started) / 100) / 10;

  const translated = await page.locator('[data-rb-translation][data-rb-state="done"]').count();
  if (redBridge === 'off' && (await page.locator('[data-rb-translation]').count()) > 0) {
    throw new Error(`${pattern.name}: RedBridge was meant to be off for the site, yet it translated`);
  }
  const shownAfter = await shownAfterFigures(page, pattern.locale);
  await cdp.detach();
  await page.close();

  const pagesAfter = fixtureCommentPagesServed();
  const requests = server.provider.requests.filter((request) => request.status !== 0);
  const texts = requests.flatMap((request) => request.texts);
  const thread = pageProfile(events, isPage);
  if (!thread) throw new Error(`${pattern.name}: the trace has no CPU profile of the page's thread`);
  return {
    pattern: pattern.name,
    build,
    redBridge,
    seconds,
    loadAverage: Math.round(loadavg()[0]! * 10) / 10,
    shownAfter,
    translated,
    requests: requests.length,
    textsSent: texts.length,
    textsSentTwice: texts.length - new Set(texts).size,
    commentPages: pagesAfter.comments - pagesBefore.comments,
    replyPages: pagesAfter.replies - pagesBefore.replies,
    longTasks: judgeLongTasks(events, thread, isExtension, isPage),
    script: scriptTime(thread, isExtension, isPage),
  };
}
