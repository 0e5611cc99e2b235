import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../tests/e2e/browser';
import type { TestServer } from '../tests/e2e/server';
import { SITE, waitForNoPending } from '../tests/e2e/support';
import { percentile } from './reading-figures';

const NOTE = '678347fe00000000223c703d';
const COMMENTS = 200;
const PROVIDER_LATENCY_MS = 300;
/** A steady reading pace: 120 px every 200 ms, about two comments a second. */
const SCROLL_STEP_PX = 120;
export const SCROLL_EVERY_MS = 200;

const PROBE = fileURLToPath(new URL('./shown-after-probe.js', import.meta.url));

/** Scrolls the note's comments at a reader's steady pace, to their end or for `maxSteps` steps. */
export async function readAtSteadyPace(page: Page, maxSteps = 2000): Promise<void> {
  const scroller = page.locator('.note-scroller');
  for (let step = 0; step < maxSteps; step++) {
    const atEnd = await scroller.evaluate((element, px) => {
      element.scrollBy({ top: px });
      return (
        !!element.querySelector('.end-container') &&
        element.scrollTop + element.clientHeight >= element.scrollHeight - 4
      );
    }, SCROLL_STEP_PX);
    if (atEnd) break;
    await page.waitForTimeout(SCROLL_EVERY_MS);
  }
  await waitForNoPending(page, 60_000);
  await page.waitForTimeout(300);
}

async function visit(page: Page, server: TestServer) {
  const requestsBefore = server.provider.requests.length;
  await page.goto(`${SITE}/explore/${NOTE}?comments=${COMMENTS}&apiDelay=60`);
  await page.waitForFunction(() => window.__fixture?.ready);
  await readAtSteadyPace(page);
  const { shownAfter } = await page.evaluate(() => window.__rbBench!.results());
  const requests = server.provider.requests.slice(requestsBefore).filter((request) => request.status !== 0);
  const translatedUnits = await page
    .locator('.comment-item [data-rb-translation][data-rb-state="done"]')
    .count();
  return {
    translatedUnits,
    requests: requests.length,
    requestsPer100Units: Math.round((10_000 * requests.length) / Math.max(1, translatedUnits)) / 100,
    p50ShownAfterMs: Math.round(percentile(shownAfter, 50)),
    p95ShownAfterMs: Math.round(percentile(shownAfter, 95)),
    maxShownAfterMs: Math.round(percentile(shownAfter, 100)),
    measuredUnits: shownAfter.length,
    texts: requests.flatMap((request) => request.texts),
  };
}

/**
 * A 200-comment note read at a steady pace with the provider at a fixed latency: requests per 100
 * translated units, time from a comment entering the viewport to its translation showing, texts
 * sent twice, and a second visit that must be served entirely from the cache.
 */
export async function benchTranslationEfficiency(browser: ExtensionBrowser, server: TestServer) {
  server.provider.reset();
  server.provider.latencyMs = PROVIDER_LATENCY_MS;
  const page = await browser.context.newPage();
  await page.addInitScript({ path: PROBE });
  const first = await visit(page, server);
  const second = await visit(page, server);
  await page.close();

  const sentTwice = first.texts.length - new Set(first.texts).size;
  const { texts: _first, ...firstVisit } = first;
  const { texts: _second, ...secondVisit } = second;
  return {
    name: 'translation-efficiency',
    comments: COMMENTS,
    providerLatencyMs: PROVIDER_LATENCY_MS,
    firstVisit,
    secondVisit,
    textsSentTwice: sentTwice,
    pass:
      first.requestsPer100Units <= 1.5 &&
      first.p95ShownAfterMs <= PROVIDER_LATENCY_MS + 150 &&
      sentTwice === 0 &&
      second.requests === 0 &&
      second.maxShownAfterMs <= 100,
  };
}
