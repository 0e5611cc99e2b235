import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CACHE_PRUNED_AT_KEY, pruneIfDue, setupCacheMaintenance } from './cache-maintenance';
import type { TranslationService } from './translation-service';

const HOUR = 60 * 60_000;
const NOW = Date.UTC(2026, 0, 15, 9);

function fakeTranslation() {
  const pruneCache = vi.fn(async () => 0);
  return { pruneCache, translation: { pruneCache } as unknown as TranslationService };
}

describe('translation cache maintenance', () => {
  it('prunes at most once a day, remembering when across worker starts', async () => {
    const { pruneCache, translation } = fakeTranslation();
    expect(await pruneIfDue(translation, NOW)).toBe(true);
    expect(await fakeBrowser.storage.local.get(CACHE_PRUNED_AT_KEY)).toEqual({ [CACHE_PRUNED_AT_KEY]: NOW });
    expect(await pruneIfDue(translation, NOW + 60_000)).toBe(false);
    expect(await pruneIfDue(translation, NOW + 12 * HOUR)).toBe(false);
    expect(pruneCache).toHaveBeenCalledTimes(1);
    // The daily alarm fires a day after the last run started: that run does not turn it away.
    expect(await pruneIfDue(translation, NOW + 24 * HOUR)).toBe(true);
    expect(pruneCache).toHaveBeenCalledTimes(2);
  });

  it('runs on its daily alarm', async () => {
    const { pruneCache, translation } = fakeTranslation();
    setupCacheMaintenance(translation);
    await vi.waitFor(async () =>
      expect(await fakeBrowser.alarms.get('prune-translation-cache')).toMatchObject({
        periodInMinutes: 1440,
      }),
    );
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'prune-translation-cache', scheduledTime: Date.now() });
    await vi.waitFor(() => expect(pruneCache).toHaveBeenCalledTimes(1));
  });
});
