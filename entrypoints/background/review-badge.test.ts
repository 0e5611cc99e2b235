import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RedBridgeDatabase } from '@/utils/db/database';
import { newCard } from '@/utils/learning/scheduler';
import { LEGACY_POLLING_ALARM, NEXT_DUE_ALARM, setupReviewBadge } from './review-badge';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let db: RedBridgeDatabase;
let clock: number;
let setBadgeText: ReturnType<typeof vi.fn>;

/** A card of its own phrase, due at `due`. */
function cardDueAt(phraseId: string, due: number) {
  return { ...newCard(phraseId, 'recognize', due), due };
}

const badgeAlarm = () => fakeBrowser.alarms.get(NEXT_DUE_ALARM);

beforeEach(async () => {
  db = new RedBridgeDatabase(`t-${crypto.randomUUID()}`);
  await db.open();
  clock = new Date(2026, 0, 15, 9, 0).getTime();
  setBadgeText = vi.fn(async () => {});
  Object.assign(fakeBrowser, { action: { setBadgeText, setBadgeBackgroundColor: async () => {} } });
});
afterEach(() => db.close());

describe('the due-review badge', () => {
  it('counts the cards due and wakes the worker when the next one falls due', async () => {
    await db.reviewCards.bulkPut([
      cardDueAt('due', clock - HOUR),
      cardDueAt('tomorrow', clock + 24 * HOUR),
      cardDueAt('in-three-hours', clock + 3 * HOUR),
    ]);
    const badge = setupReviewBadge(db, () => clock);
    await badge.update();
    expect(setBadgeText).toHaveBeenLastCalledWith({ text: '1' });
    expect(await badgeAlarm()).toEqual({ name: NEXT_DUE_ALARM, scheduledTime: clock + 3 * HOUR });

    // The alarm fires: the card it waited for is counted, and the next alarm is for tomorrow's.
    // (The browser removes a one-off alarm as it fires.)
    clock += 3 * HOUR;
    await fakeBrowser.alarms.clear(NEXT_DUE_ALARM);
    await fakeBrowser.alarms.onAlarm.trigger({ name: NEXT_DUE_ALARM, scheduledTime: clock });
    await vi.waitFor(async () => expect((await badgeAlarm())?.scheduledTime).toBe(clock + 21 * HOUR));
    expect(setBadgeText).toHaveBeenLastCalledWith({ text: '2' });
  });

  it('never sets its alarm sooner than an hour away', async () => {
    await db.reviewCards.bulkPut([cardDueAt('in-ten-minutes', clock + 10 * MINUTE)]);
    await setupReviewBadge(db, () => clock).update();
    expect(setBadgeText).toHaveBeenLastCalledWith({ text: '' });
    expect((await badgeAlarm())?.scheduledTime).toBe(clock + HOUR);
  });

  it('sets no alarm when no card is waiting to fall due, and drops the old polling alarm', async () => {
    await fakeBrowser.alarms.create(LEGACY_POLLING_ALARM, { periodInMinutes: 15, delayInMinutes: 1 });
    await fakeBrowser.alarms.create(NEXT_DUE_ALARM, { when: clock + 2 * HOUR });
    await db.reviewCards.bulkPut([cardDueAt('due', clock)]);
    await setupReviewBadge(db, () => clock).update();
    expect(setBadgeText).toHaveBeenLastCalledWith({ text: '1' });
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });
});
