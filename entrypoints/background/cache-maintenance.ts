import { browser } from 'wxt/browser';
import { ensureRepeatingAlarm } from './alarms';
import type { TranslationService } from './translation-service';

const ALARM = 'prune-translation-cache';
const DAY_MINUTES = 24 * 60;

/**
 * `storage.local` key of when the cache was last pruned (epoch ms). The alarm alone cannot tell:
 * a browser or extension update may drop alarms, and a re-created one fires a minute later.
 */
export const CACHE_PRUNED_AT_KEY = 'translationCachePrunedAt';

/**
 * A little under a day, so the daily alarm, which fires a day after the previous run started, is
 * never turned away by that run.
 */
const MIN_RUN_INTERVAL_MS = 23 * 60 * 60_000;

/** Prunes the cache unless that was done within the last day; the time it ran is kept. */
export async function pruneIfDue(translation: TranslationService, now = Date.now()): Promise<boolean> {
  const stored = await browser.storage.local.get(CACHE_PRUNED_AT_KEY);
  const last = stored[CACHE_PRUNED_AT_KEY];
  if (typeof last === 'number' && now - last >= 0 && now - last < MIN_RUN_INTERVAL_MS) return false;
  await translation.pruneCache();
  await browser.storage.local.set({ [CACHE_PRUNED_AT_KEY]: now });
  return true;
}

/** Expires old translations and enforces the size cap once a day, off the request path. */
export function setupCacheMaintenance(translation: TranslationService): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM)
      pruneIfDue(translation).catch((error: unknown) => console.warn('[RedBridge] prune', error));
  });
  ensureRepeatingAlarm(ALARM, DAY_MINUTES, 1).catch((error: unknown) =>
    console.warn('[RedBridge] prune alarm', error),
  );
}
