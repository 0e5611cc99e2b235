import { RedBridgeDatabase } from '../db/database';
import { StatsStore, localDay } from './stats-store';
import { ManualTimers } from './fakes.testing';

let db: RedBridgeDatabase;
let timers: ManualTimers;

beforeEach(() => {
  db = new RedBridgeDatabase(`t-${crypto.randomUUID()}`);
  timers = new ManualTimers();
  timers.time = new Date(2026, 10, 22, 12, 0).getTime();
});

afterEach(() => {
  db.close();
});

describe('localDay', () => {
  it('formats the local calendar day', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59).getTime())).toBe('2026-01-05');
    expect(localDay(new Date(2026, 11, 31, 0, 0).getTime())).toBe('2026-12-31');
  });
});

describe('StatsStore', () => {
  it('sums deltas into today and reads them back as a StatsView', async () => {
    const store = new StatsStore(db, { timers });
    store.add({ requests: 1, characters: 120 });
    store.add({ cacheHits: 3 });
    store.add({ unitsTranslated: 1, requests: 2, characters: 30 });
    expect(await store.read()).toEqual({
      day: '2026-11-22',
      unitsTranslated: 1,
      requests: 3,
      characters: 150,
      cacheHits: 3,
    });
  });

  it('writes once per flush delay, adding to what is stored', async () => {
    const store = new StatsStore(db, { timers, flushDelayMs: 1_000 });
    store.add({ requests: 1 });
    store.add({ requests: 1 });
    expect(await db.stats.count()).toBe(0);
    expect(timers.pending).toBe(1);
    timers.advance(1_000);
    await vi.waitFor(async () => expect((await db.stats.get('2026-11-22'))?.requests).toBe(2));

    const restarted = new StatsStore(db, { timers }); // a new worker keeps counting
    restarted.add({ requests: 5 });
    expect((await restarted.read()).requests).toBe(7);
  });

  it('keeps each delta on the day it happened', async () => {
    const store = new StatsStore(db, { timers });
    store.add({ unitsTranslated: 1 });
    timers.time = new Date(2026, 10, 23, 0, 1).getTime();
    store.add({ unitsTranslated: 4 });
    expect((await store.read('2026-11-22')).unitsTranslated).toBe(1);
    expect((await store.read()).unitsTranslated).toBe(4);
    expect(await store.read('2026-01-01')).toEqual({
      day: '2026-01-01',
      unitsTranslated: 0,
      requests: 0,
      characters: 0,
      cacheHits: 0,
    });
  });
});
