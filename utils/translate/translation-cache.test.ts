import { RedBridgeDatabase } from '../db/database';
import { cacheKey } from './cache-key';
import { MemoryTranslationCache } from './memory-translation-cache';
import { ManualTimers } from './fakes.testing';
import {
  DexieTranslationCache,
  type CacheEntry,
  type DexieTranslationCacheOptions,
} from './translation-cache';

const DAY = 24 * 60 * 60 * 1000;

function entry(text: string, translation = `en:${text}`): CacheEntry {
  return { key: cacheKey('default', 'zh-CN', 'en', text), text, translation, provider: 'google-html' };
}

const lookup = ({ key, text }: CacheEntry) => ({ key, text });

let db: RedBridgeDatabase;
let timers: ManualTimers;

function createCache(options: DexieTranslationCacheOptions = {}) {
  return new DexieTranslationCache(db, { timers, ...options });
}

beforeEach(() => {
  db = new RedBridgeDatabase(`t-${crypto.randomUUID()}`);
  timers = new ManualTimers();
  timers.time = 1_000_000;
});

afterEach(() => {
  db.close();
});

describe('DexieTranslationCache', () => {
  it('answers hits and misses in lookup order', async () => {
    const cache = createCache();
    await cache.putMany([entry('你好'), entry('谢谢', 'thanks')]);
    const hits = await cache.getMany([lookup(entry('谢谢')), lookup(entry('再见')), lookup(entry('你好'))]);
    expect(hits).toEqual([
      { translation: 'thanks', provider: 'google-html' },
      undefined,
      { translation: 'en:你好', provider: 'google-html' },
    ]);
    expect(await cache.getMany([])).toEqual([]);
  });

  it('stores size as source plus translation characters', async () => {
    const cache = createCache();
    await cache.putMany([entry('你好', 'hello')]);
    const row = await db.translations.get(entry('你好').key);
    expect(row).toMatchObject({ text: '你好', size: 7, createdAt: 1_000_000, usedAt: 1_000_000 });
  });

  it('treats a row for another text under the same key as a miss (hash collision)', async () => {
    const cache = createCache();
    const stored = entry('你好');
    await cache.putMany([stored]);
    expect(await cache.getMany([{ key: stored.key, text: '不是你好' }])).toEqual([undefined]);
  });

  it('expires rows 30 days after they were created, even if used since', async () => {
    const cache = createCache();
    await cache.putMany([entry('你好')]);
    timers.advance(29 * DAY);
    expect(await cache.getMany([lookup(entry('你好'))])).toHaveLength(1);
    expect((await cache.getMany([lookup(entry('你好'))]))[0]).toBeDefined();
    timers.advance(DAY + 1);
    expect(await cache.getMany([lookup(entry('你好'))])).toEqual([undefined]);
    expect(await cache.prune()).toMatchObject({ expired: 1, evicted: 0 });
    expect(await db.translations.count()).toBe(0);
  });

  it('honours a configured expiry', async () => {
    const cache = createCache({ maxAgeMs: 1_000 });
    await cache.putMany([entry('你好')]);
    timers.advance(1_001);
    expect(await cache.getMany([lookup(entry('你好'))])).toEqual([undefined]);
  });

  it('writes usedAt lazily, in one batch, and only when it has gone stale', async () => {
    const cache = createCache({ usageResolutionMs: 60_000, usageFlushDelayMs: 2_000 });
    await cache.putMany([entry('一'), entry('二'), entry('三')]);
    timers.advance(30_000);
    await cache.getMany([lookup(entry('一'))]); // used 30 s ago: too recent to rewrite
    expect(timers.pending).toBe(0);

    timers.advance(60_000);
    const bulkUpdate = vi.spyOn(db.translations, 'bulkUpdate');
    await cache.getMany([lookup(entry('一')), lookup(entry('二'))]);
    await cache.getMany([lookup(entry('一'))]);
    expect(bulkUpdate).not.toHaveBeenCalled(); // nothing written on the hot path
    expect((await db.translations.get(entry('一').key))!.usedAt).toBe(1_000_000);

    await cache.flushUsage();
    expect(bulkUpdate).toHaveBeenCalledTimes(1);
    const rows = await db.translations.bulkGet([entry('一').key, entry('二').key, entry('三').key]);
    expect(rows.map((row) => row!.usedAt)).toEqual([1_090_000, 1_090_000, 1_000_000]);
  });

  it('flushes usage on its own after the delay', async () => {
    const cache = createCache({ usageResolutionMs: 0, usageFlushDelayMs: 2_000 });
    await cache.putMany([entry('一')]);
    timers.advance(5_000);
    await cache.getMany([lookup(entry('一'))]);
    expect(timers.pending).toBe(1);
    timers.advance(2_000);
    await vi.waitFor(async () =>
      expect((await db.translations.get(entry('一').key))!.usedAt).toBe(1_005_000),
    );
  });

  it('evicts the least recently used rows down to 90% of the size cap', async () => {
    // Five rows of 20 characters each (10 + 10) against a cap of 70: prune down to 63.
    const cache = createCache({ maxCharacters: 70, usageResolutionMs: 0 });
    const rows = ['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc', 'dddddddddd', 'eeeeeeeeee'].map((text) =>
      entry(text, text.toUpperCase()),
    );
    for (const row of rows) {
      await cache.putMany([row]);
      timers.advance(1_000);
    }
    await cache.getMany([lookup(rows[0]!)]); // a, the oldest, was just read: it must survive

    expect(await cache.prune()).toEqual({ expired: 0, evicted: 2, characters: 60 });
    const left = await db.translations.toCollection().primaryKeys();
    expect(left.sort()).toEqual([rows[0]!.key, rows[3]!.key, rows[4]!.key].sort()); // b and c went
  });

  it('prunes by itself on write once the stored size is known', async () => {
    const cache = createCache({ maxCharacters: 50 });
    await cache.putMany([entry('aaaaaaaaaa', 'AAAAAAAAAA')]);
    timers.advance(1_000);
    expect(await cache.stats()).toEqual({ entries: 1, characters: 20 });
    await cache.putMany([entry('bbbbbbbbbb', 'BBBBBBBBBB')]);
    timers.advance(1_000);
    expect(await db.translations.count()).toBe(2);
    await cache.putMany([entry('cccccccccc', 'CCCCCCCCCC')]); // 60 > 50: evict a (LRU) down to 45
    expect(await db.translations.count()).toBe(2);
    expect(await cache.getMany([lookup(entry('aaaaaaaaaa'))])).toEqual([undefined]);
    expect(await cache.stats()).toEqual({ entries: 2, characters: 40 });
  });

  it('clears everything and says how much it removed', async () => {
    const cache = createCache();
    await cache.putMany([entry('一'), entry('二'), entry('三')]);
    expect(await cache.clear()).toBe(3);
    expect(await cache.stats()).toEqual({ entries: 0, characters: 0 });
    expect(await cache.clear()).toBe(0);
  });

  it('replaces a row written again for the same key', async () => {
    const cache = createCache();
    await cache.putMany([entry('你好', 'hello')]);
    await cache.putMany([entry('你好', 'hi')]);
    expect(await cache.getMany([lookup(entry('你好'))])).toEqual([
      { translation: 'hi', provider: 'google-html' },
    ]);
    expect(await cache.stats()).toEqual({ entries: 1, characters: 4 });
  });
});

describe('MemoryTranslationCache', () => {
  it('behaves like the persistent cache for hits, collisions, expiry and LRU eviction', async () => {
    const clock = new ManualTimers();
    const cache = new MemoryTranslationCache({ timers: clock, maxCharacters: 40, maxAgeMs: DAY });
    const [a, b, c] = ['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc'].map((text) =>
      entry(text, text.toUpperCase()),
    );
    await cache.putMany([a!, b!]);
    expect(await cache.getMany([{ key: a!.key, text: 'other' }])).toEqual([undefined]);
    await cache.getMany([lookup(a!)]); // a is now more recent than b
    await cache.putMany([c!]);
    expect(
      (await cache.getMany([lookup(a!), lookup(b!), lookup(c!)])).map((hit) => hit?.translation),
    ).toEqual(['AAAAAAAAAA', undefined, 'CCCCCCCCCC']);
    clock.advance(DAY + 1);
    expect(await cache.getMany([lookup(a!)])).toEqual([undefined]);
    expect(await cache.clear()).toBe(2);
  });
});
