import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDatabase } from '@/utils/db/database';
import { sendMessage } from '@/utils/transport/messages';
import { setupCacheMaintenance } from './cache-maintenance';
import { setupLearning } from './learning';
import { NEXT_DUE_ALARM } from './review-badge';
import type { TranslationService } from './translation-service';

/**
 * The background's alarms over several starts of its worker. Each start is a new worker: the last
 * one's listeners are gone, while alarms, storage and the database remain.
 */

const HOUR = 60 * 60_000;
const translation = { pruneCache: async () => 0 } as unknown as TranslationService;

function startWorker(): void {
  fakeBrowser.runtime.onMessage.removeAllListeners();
  fakeBrowser.alarms.onAlarm.removeAllListeners();
  setupLearning(translation);
  setupCacheMaintenance(translation);
}

function fakeBadge() {
  const setBadgeText = vi.fn(async (_details: { text: string }) => {});
  Object.assign(fakeBrowser, { action: { setBadgeText, setBadgeBackgroundColor: async () => {} } });
  return setBadgeText;
}

const context = {
  sentence: '被这只猫种草了',
  sentenceTranslation: '',
  url: 'https://www.xiaohongshu.com/explore/1',
  title: '',
};

const snapshot = async () =>
  (await fakeBrowser.alarms.getAll())
    .map((alarm) => ({ ...alarm }))
    .sort((a, b) => a.name.localeCompare(b.name));

beforeEach(async () => {
  const db = getDatabase();
  await Promise.all([db.phrases.clear(), db.reviewCards.clear(), db.reviewLog.clear()]);
});

describe('an idle browser', () => {
  it('keeps each alarm as it is when the worker starts again, and none repeats within the hour', async () => {
    const setBadgeText = fakeBadge();
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    startWorker();
    await sendMessage('savePhrase', { text: '种草', lang: 'zh', meaning: 'to recommend', context });
    const [item] = await sendMessage('getDueItems', {});
    await sendMessage('gradeCard', { cardId: item!.card.id, grade: 3 });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(NEXT_DUE_ALARM)).toBeDefined());
    const before = await snapshot();
    expect(before.map((alarm) => alarm.name)).toEqual(['prune-translation-cache', NEXT_DUE_ALARM]);

    const updates = setBadgeText.mock.calls.length;
    startWorker();
    startWorker();
    await vi.waitFor(() => expect(setBadgeText.mock.calls.length).toBeGreaterThanOrEqual(updates + 2));
    expect(await snapshot()).toEqual(before);
    expect(create.mock.calls.map(([name]) => name).sort()).toEqual([
      'prune-translation-cache',
      NEXT_DUE_ALARM,
    ]);

    for (const alarm of before) {
      expect(alarm.periodInMinutes ?? Infinity).toBeGreaterThanOrEqual(60);
      if (alarm.name === NEXT_DUE_ALARM) expect(alarm.scheduledTime).toBeGreaterThan(Date.now() + HOUR / 2);
    }
  });

  it('updates the badge when a review is graded, with no alarm to wait for', async () => {
    const setBadgeText = fakeBadge();
    const onAlarm = vi.fn();
    startWorker();
    fakeBrowser.alarms.onAlarm.addListener(onAlarm);
    await sendMessage('savePhrase', { text: '绝绝子', lang: 'zh', meaning: 'amazing', context });
    await vi.waitFor(() => expect(setBadgeText).toHaveBeenLastCalledWith({ text: '2' }));
    const [item] = await sendMessage('getDueItems', {});
    await sendMessage('gradeCard', { cardId: item!.card.id, grade: 3 });
    await vi.waitFor(() => expect(setBadgeText).toHaveBeenLastCalledWith({ text: '1' }));
    expect(onAlarm).not.toHaveBeenCalled();
    expect(
      (await fakeBrowser.alarms.getAll()).filter((alarm) => alarm.periodInMinutes !== undefined),
    ).toEqual([expect.objectContaining({ name: 'prune-translation-cache', periodInMinutes: 1440 })]);
  });
});
