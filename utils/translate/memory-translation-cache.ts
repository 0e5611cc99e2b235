import {
  CACHE_DEFAULTS,
  type CacheEntry,
  type CacheHit,
  type CacheLookup,
  type CacheStats,
  type TranslationCache,
} from './translation-cache';
import { systemTimers, type Timers } from './timers';

interface MemoryRow extends CacheEntry {
  createdAt: number;
}

/**
 * A TranslationCache held in a Map, for tests and for running without IndexedDB. Map order doubles
 * as recency order: a hit moves its row to the end, eviction takes from the front.
 */
export class MemoryTranslationCache implements TranslationCache {
  private readonly rows = new Map<string, MemoryRow>();
  private characters = 0;
  private readonly timers: Timers;
  private readonly maxAgeMs: number;
  private readonly maxCharacters: number;

  constructor(options: { timers?: Timers; maxAgeMs?: number; maxCharacters?: number } = {}) {
    this.timers = options.timers ?? systemTimers;
    this.maxAgeMs = options.maxAgeMs ?? CACHE_DEFAULTS.maxAgeMs;
    this.maxCharacters = options.maxCharacters ?? CACHE_DEFAULTS.maxCharacters;
  }

  async getMany(lookups: readonly CacheLookup[]): Promise<(CacheHit | undefined)[]> {
    const now = this.timers.now();
    return lookups.map(({ key, text }) => {
      const row = this.rows.get(key);
      if (!row || row.text !== text || now - row.createdAt > this.maxAgeMs) return undefined;
      this.rows.delete(key);
      this.rows.set(key, row);
      return { translation: row.translation, provider: row.provider };
    });
  }

  async putMany(entries: readonly CacheEntry[]): Promise<void> {
    const createdAt = this.timers.now();
    for (const entry of entries) {
      this.remove(entry.key);
      this.rows.set(entry.key, { ...entry, createdAt });
      this.characters += sizeOf(entry);
    }
    for (const key of this.rows.keys()) {
      if (this.characters <= this.maxCharacters) break;
      this.remove(key);
    }
  }

  async clear(): Promise<number> {
    const removed = this.rows.size;
    this.rows.clear();
    this.characters = 0;
    return removed;
  }

  async stats(): Promise<CacheStats> {
    return { entries: this.rows.size, characters: this.characters };
  }

  private remove(key: string): void {
    const row = this.rows.get(key);
    if (!row) return;
    this.rows.delete(key);
    this.characters -= sizeOf(row);
  }
}

function sizeOf(entry: CacheEntry): number {
  return entry.text.length + entry.translation.length;
}
