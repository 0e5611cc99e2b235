import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import en from '@/locales/en/translation.json';
import { useExtensionSession } from './extension-session';
import {
  NOTES,
  loadAllComments,
  needsTranslation,
  openFixture,
  readThrough,
  setSettings,
  snapshotUnits,
  stopServiceWorker,
  waitForNoPending,
} from './support';

/** Units that need translation, by state, once nothing is pending any more. */
async function settledStates(page: Page) {
  await waitForNoPending(page, 60_000);
  const { units } = await snapshotUnits(page);
  const states = units.flatMap((view) => view.overlays.map((overlay) => overlay.state));
  return {
    done: states.filter((state) => state === 'done').length,
    error: states.filter((state) => state === 'error').length,
    total: states.length,
  };
}

describe('translation keeps going when providers fail', () => {
  const session = useExtensionSession({ locale: 'en-US' });
  beforeEach(() => session.server.provider.reset());

  it('ends with every unit translated after 429, 500, a 35-second hang and a misaligned batch', async () => {
    session.server.provider.faults.push(
      'google-html',
      { status: 429, retryAfterSeconds: 1 },
      { status: 500 },
      { hangMs: 35_000 },
      { misaligned: true },
    );
    const page = await session.browser.context.newPage();
    await openFixture(page, `/explore/${NOTES.chengduFood}`, { apiDelay: 30 });
    await loadAllComments(page);
    // Read the whole note, so the units fetched ahead (whose batches met the faults too) show.
    await readThrough(page);
    await expect
      .poll(
        async () => {
          const { units } = await snapshotUnits(page);
          const needing = units.filter((view) => needsTranslation(view.unit, 'en'));
          return needing.length > 5 && needing.every((view) => view.overlays[0]?.state === 'done');
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    // Every fault was met; the hung request was given up on and its texts answered by the fallback.
    const google = session.server.provider.requestsFor('google-html');
    expect(session.server.provider.faults.pending('google-html')).toBe(0);
    expect(google.find((request) => request.fault && 'hangMs' in request.fault)?.status).toBe(0);
    expect(session.server.provider.requestsFor('microsoft-edge').length).toBeGreaterThan(0);
    expect(
      await page
        .locator(
          '[data-rb-translation][data-rb-state="pending"], [data-rb-translation][data-rb-state="error"]',
        )
        .count(),
    ).toBe(0);
    await page.close();
  });

  it('shows a retryable error when every provider fails, and the retry works once one heals', async () => {
    for (const id of ['google-html', 'microsoft-edge', 'google-gtx'] as const)
      session.server.provider.faults.failAlways(id, { status: 503 });
    const page = await session.browser.context.newPage();
    // A note not opened yet in this browser, so nothing comes from the cache.
    await openFixture(page, '/explore/678243f2000000005516162a', { apiDelay: 30 });
    const failed = page.locator('[data-rb-translation][data-rb-state="error"]').first();
    await failed.waitFor({ timeout: 60_000 });
    // A short reason in the interface language (which one depends on what the providers said
    // last in this browser), never the background's own English summary.
    const reasons = Object.values(en.overlay.reasons).map((reason) => `Translation failed: ${reason}`);
    expect(reasons).toContain(await failed.locator('.rb-error-message').textContent());
    await waitForNoPending(page, 60_000);

    session.server.provider.faults.recover('google-html');
    session.server.provider.faults.recover('microsoft-edge');
    session.server.provider.faults.recover('google-gtx');
    const retries = page.locator('[data-rb-translation][data-rb-state="error"] button.rb-retry');
    while ((await retries.count()) > 0) await retries.first().click();
    // The breaker holds the failed providers back, but a reader's retry gets through at once.
    await expect.poll(async () => (await settledStates(page)).error, { timeout: 15_000 }).toBe(0);
    const states = await settledStates(page);
    expect(states.done).toBe(states.total);
    await page.close();
  });

  it('shows “Translating…” only once a wait is noticeable, and the translation after it', async () => {
    session.server.provider.latencyMs = 1500;
    const page = await session.browser.context.newPage();
    // The page is open before RedBridge starts on it, so the watch below is in place when the
    // placeholder appears, however slowly this machine runs the test.
    const worker = await session.browser.worker();
    await setSettings(worker, { sites: { 'www.xiaohongshu.com': false, 'www.rednote.com': true } });
    await openFixture(page, `/explore/${NOTES.catTax}`);
    // Timed in the page: the moment the body's pending overlay appears, and 700 ms later.
    await page.evaluate(() => {
      const seen = new Promise<{ first: string; later: string; label: string }>((resolve) => {
        const check = () => {
          const overlay = document.querySelector<HTMLElement>(
            '#detail-desc + [data-rb-translation][data-rb-state="pending"]',
          );
          if (!overlay) return false;
          const first = getComputedStyle(overlay).display;
          setTimeout(() => {
            const later =
              overlay.getAttribute('data-rb-state') === 'pending'
                ? getComputedStyle(overlay).display
                : 'answered';
            resolve({ first, later, label: overlay.textContent ?? '' });
          }, 700);
          return true;
        };
        const observer = new MutationObserver(() => {
          if (check()) observer.disconnect();
        });
        observer.observe(document.body, { childList: true, subtree: true, attributes: true });
      });
      (globalThis as unknown as { rbSeen: typeof seen }).rbSeen = seen;
    });
    await setSettings(worker, { sites: { 'www.xiaohongshu.com': true, 'www.rednote.com': true } });
    const seen = await page.evaluate(() => (globalThis as unknown as { rbSeen: Promise<unknown> }).rbSeen);
    expect(seen).toEqual({ first: 'none', later: 'block', label: en.overlay.translating });
    session.server.provider.latencyMs = 0;
    await waitForNoPending(page);
    expect(await page.locator('#detail-desc + [data-rb-translation]').getAttribute('data-rb-state')).toBe(
      'done',
    );
    await page.close();
    // The next test needs this note's texts to reach the provider again.
    const extensionPage = await session.browser.openExtensionPage('popup.html');
    await extensionPage.evaluate(() =>
      (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.runtime.sendMessage({
        rb: 1,
        type: 'clearCache',
        payload: {},
      }),
    );
    await extensionPage.close();
  });

  it('loses nothing when the service worker is stopped in the middle of a batch', async () => {
    session.server.provider.latencyMs = 1500;
    const page = await session.browser.context.newPage();
    await openFixture(page, `/explore/${NOTES.catTax}`, { apiDelay: 30 });
    await expect
      .poll(() => session.server.provider.requests.filter((request) => request.status === 0).length)
      .toBeGreaterThan(0);
    const extensionPage = await session.browser.openExtensionPage('popup.html');
    const ping = () =>
      extensionPage.evaluate(async () => {
        const { runtime } = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser })
          .chrome;
        const reply = await runtime.sendMessage({ rb: 1, type: 'ping', payload: {} });
        return (reply as { value: { startedAt: number } }).value.startedAt;
      });
    const firstRun = await ping();
    // Chrome stops idle MV3 workers; here it happens while the batch is at the provider.
    await stopServiceWorker(session, page);
    session.server.provider.latencyMs = 0;
    const states = await settledStates(page);
    expect(states.total).toBeGreaterThan(5);
    expect(states).toEqual({ done: states.total, error: 0, total: states.total });
    expect(await ping()).toBeGreaterThan(firstRun); // a new run of the worker finished the work
    await extensionPage.close();
    await page.close();
  });
});
