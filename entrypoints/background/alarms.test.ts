import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ensureOneOffAlarm, ensureRepeatingAlarm } from './alarms';

const HOUR = 60 * 60_000;
const NOW = Date.UTC(2026, 0, 15, 9);

describe('alarms that outlive the worker', () => {
  it('creates a repeating alarm once, however often the worker starts', async () => {
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    await ensureRepeatingAlarm('daily', 1440, 1);
    const first = { ...(await fakeBrowser.alarms.get('daily'))! };
    await ensureRepeatingAlarm('daily', 1440, 1);
    await ensureRepeatingAlarm('daily', 1440, 1);
    expect(create).toHaveBeenCalledTimes(1);
    expect(await fakeBrowser.alarms.get('daily')).toEqual(first);
  });

  it('replaces a repeating alarm an older version made with another period', async () => {
    await fakeBrowser.alarms.create('daily', { periodInMinutes: 360, delayInMinutes: 1 });
    await ensureRepeatingAlarm('daily', 1440, 1);
    expect((await fakeBrowser.alarms.get('daily'))?.periodInMinutes).toBe(1440);
  });

  it('schedules a one-off alarm at its time, but never sooner than an hour away', async () => {
    await ensureOneOffAlarm('later', NOW + 5 * HOUR, NOW);
    expect(await fakeBrowser.alarms.get('later')).toMatchObject({ scheduledTime: NOW + 5 * HOUR });
    await ensureOneOffAlarm('soon', NOW + 60_000, NOW);
    expect(await fakeBrowser.alarms.get('soon')).toMatchObject({ scheduledTime: NOW + HOUR });
    await ensureOneOffAlarm('past', NOW - HOUR, NOW);
    expect(await fakeBrowser.alarms.get('past')).toMatchObject({ scheduledTime: NOW + HOUR });
  });

  it('keeps a pending one-off alarm that fires in time, and moves one that would fire too late', async () => {
    await ensureOneOffAlarm('next', NOW + 10 * 60_000, NOW);
    // Started again ten minutes later, "an hour away" is later than the alarm in place: kept.
    await ensureOneOffAlarm('next', NOW + 10 * 60_000, NOW + 10 * 60_000);
    expect((await fakeBrowser.alarms.get('next'))?.scheduledTime).toBe(NOW + HOUR);
    // Once its time has passed, it is replaced by the next.
    await ensureOneOffAlarm('next', NOW + 24 * HOUR, NOW + 2 * HOUR);
    expect((await fakeBrowser.alarms.get('next'))?.scheduledTime).toBe(NOW + 24 * HOUR);
    // Something now falls due sooner than the pending alarm for tomorrow: brought forward.
    await ensureOneOffAlarm('next', NOW + 2 * HOUR + 60_000, NOW + 2 * HOUR);
    expect((await fakeBrowser.alarms.get('next'))?.scheduledTime).toBe(NOW + 3 * HOUR);
  });
});
