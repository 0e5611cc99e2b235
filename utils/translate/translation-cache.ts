import type { RedBridgeDatabase } from '../db/database';
import type { CachedTranslation } from '../db/schema';
import { systemTimers, type TimerHandle, type Timers } from './timers';
import type { ProviderId, SlangNote } from './types';

/** What the queue asks for: the key, and the text it was made from to rule out hash collisions. */
export interface CacheLookup {
  key: string;
  text: string;
}

export interface CacheHit {
  translation: string;
  provider: ProviderId;
  notes?: SlangNote[];
}

export interface CacheEntry {
  key: string;
  text: string;
  translation: string;
  provider: ProviderId;
  notes?: SlangNote[];
}

export interface CacheStats {
  entries: number;
  /** Characters stored (source + translation), the unit of the size cap. */
  characters: number;
}

export interface TranslationCache {
  /** One answer per lookup, in order; `undefined` for a miss (absent, expired or another text). */
  getMany(lookups: readonly CacheLookup[]): Promise<(CacheHit | undefined)[]>;
  putMany(entries: readonly CacheEntry[]): Promise<void>;
  /** Removes every translation; resolves to the number removed. */
  clear(): Promise<number>;
  stats(): Promise<CacheStats>;
}

export interface PruneResult {
  expired: number;
  evicted: number;
  /** Characters left after pruning. */
  characters: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const CACHE_DEFAULTS = {
  /** Providers improve and slang drifts; a month keeps re-reads free without freezing old output. */
  maxAgeMs: 30 * DAY_MS,
  /** About 100 MB on disk as UTF-16: far above what a heavy reader produces in a month. */
  maxCharacters: 50_000_000,
  /** Eviction frees down to this share of the cap, so one prune buys room for many writes. */
  pruneToFraction: 0.9,
  /** `usedAt` is only rewritten when older than this: LRU needs no finer grain, and it spares writes. */
  usageResolutionMs: 10 * 60 * 1000,
  /** Hits are collected and written in one transaction after this delay, off the hot path. */
  usageFlushDelayMs: 2000,
} as const;

export interface DexieTranslationCacheOptions {
  timers?: Timers;
  maxAgeMs?: number;
  maxCharacters?: number;
  pruneToFraction?: number;
  usageResolutionMs?: number;
  usageFlushDelayMs?: number;
}

/**
 * The persistent cache on `RedBridgeDatabase.translations`.
 *
 * Size is enforced by `prune()`, which scans the table; the background should run it from an alarm
 * (and may at start-up). Within one worker lifetime, after a prune or `stats()`, the running total is
 * known and `putMany` prunes by itself when a write pushes it over the cap. A write never scans on its
 * own, because a service worker wakes up often and a full scan on every wake would cost more than it saves.
 */
export class DexieTranslationCache implements TranslationCache {
  private readonly timers: Timers;
  private readonly maxAgeMs: number;
  private readonly maxCharacters: number;
  private readonly pruneToFraction: number;
  private readonly usageResolutionMs: number;
  private readonly usageFlushDelayMs: number;
  /** key → time of the latest hit not yet written. */
  private readonly pendingUsage = new Map<string, number>();
  private usageTimer: TimerHandle | undefined;
  /** Characters stored, when known in this worker lifetime; an estimate between prunes. */
  private knownCharacters: number | undefined;
  private pruning: Promise<PruneResult> | undefined;

  constructor(
    private readonly db: RedBridgeDatabase,
    options: DexieTranslationCacheOptions = {},
  ) {
    this.timers = options.timers ?? systemTimers;
    this.maxAgeMs = options.maxAgeMs ?? CACHE_DEFAULTS.maxAgeMs;
    this.maxCharacters = options.maxCharacters ?? CACHE_DEFAULTS.maxCharacters;
    this.pruneToFraction = options.pruneToFraction ?? CACHE_DEFAULTS.pruneToFraction;
    this.usageResolutionMs = options.usageResolutionMs ?? CACHE_DEFAULTS.usageResolutionMs;
    this.usageFlushDelayMs = options.usageFlushDelayMs ?? CACHE_DEFAULTS.usageFlushDelayMs;
  }

  async getMany(lookups: readonly CacheLookup[]): Promise<(CacheHit | undefined)[]> {
    if (lookups.length === 0) return [];
    const rows = await this.db.translations.bulkGet(lookups.map((lookup) => lookup.key));
    const now = this.timers.now();
    return rows.map((row, index) => {
      if (!row || row.text !== lookups[index]!.text || now - row.createdAt > this.maxAgeMs) return undefined;
      if (now - row.usedAt >= this.usageResolutionMs) this.noteUsage(row.key, now);
      return {
        translation: row.translation,
        provider: row.provider,
        ...(row.notes ? { notes: row.notes } : {}),
      };
    });
  }

  async putMany(entries: readonly CacheEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const now = this.timers.now();
    const rows: CachedTranslation[] = entries.map((entry) => ({
      key: entry.key,
      text: entry.text,
      translation: entry.translation,
      provider: entry.provider,
      createdAt: now,
      usedAt: now,
      size: entry.text.length + entry.translation.length,
      ...(entry.notes?.length ? { notes: entry.notes } : {}),
    }));
    await this.db.translations.bulkPut(rows);
    if (this.knownCharacters === undefined) return;
    // Overwritten rows are counted twice: an overestimate only brings the next (exact) prune forward.
    this.knownCharacters += rows.reduce((sum, row) => sum + row.size, 0);
    if (this.knownCharacters > this.maxCharacters) await this.prune();
  }

  async clear(): Promise<number> {
    this.pendingUsage.clear();
    const table = this.db.translations;
    return this.db.transaction('rw', table, async () => {
      const removed = await table.count();
      await table.clear();
      this.knownCharacters = 0;
      return removed;
    });
  }

  async stats(): Promise<CacheStats> {
    let entries = 0;
    let characters = 0;
    await this.db.translations.each((row) => {
      entries += 1;
      characters += row.size;
    });
    this.knownCharacters = characters;
    return { entries, characters };
  }

  /** Writes the pending `usedAt` updates now (also done on a short timer and before every prune). */
  async flushUsage(): Promise<void> {
    if (this.usageTimer !== undefined) this.timers.clearTimeout(this.usageTimer);
    this.usageTimer = undefined;
    if (this.pendingUsage.size === 0) return;
    const changes = [...this.pendingUsage].map(([key, usedAt]) => ({ key, changes: { usedAt } }));
    this.pendingUsage.clear();
    await this.db.translations.bulkUpdate(changes);
  }

  /**
   * Deletes expired rows, then evicts the least recently used rows until the stored characters fit
   * under `pruneToFraction` of the cap. Concurrent calls share one run.
   */
  prune(): Promise<PruneResult> {
    this.pruning ??= this.runPrune().finally(() => {
      this.pruning = undefined;
    });
    return this.pruning;
  }

  private async runPrune(): Promise<PruneResult> {
    // Recent hits must count before choosing what is least recently used.
    await this.flushUsage();
    const table = this.db.translations;
    return this.db.transaction('rw', table, async () => {
      const expired = await table
        .where('createdAt')
        .below(this.timers.now() - this.maxAgeMs)
        .delete();
      // One pass in usedAt order gives both the total and the eviction order.
      const rows: { key: string; size: number }[] = [];
      let characters = 0;
      await table.orderBy('usedAt').each((row) => {
        rows.push({ key: row.key, size: row.size });
        characters += row.size;
      });
      const evictedKeys: string[] = [];
      if (characters > this.maxCharacters) {
        const target = this.maxCharacters * this.pruneToFraction;
        for (const row of rows) {
          if (characters <= target) break;
          evictedKeys.push(row.key);
          characters -= row.size;
        }
        await table.bulkDelete(evictedKeys);
      }
      this.knownCharacters = characters;
      return { expired, evicted: evictedKeys.length, characters };
    });
  }

  private noteUsage(key: string, now: number): void {
    this.pendingUsage.set(key, now);
    if (this.usageTimer !== undefined) return;
    this.usageTimer = this.timers.setTimeout(() => {
      this.usageTimer = undefined;
      // Lost usage updates only blur the LRU order; they must never surface as errors.
      this.flushUsage().catch(() => undefined);
    }, this.usageFlushDelayMs);
  }
}
