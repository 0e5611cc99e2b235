import type { RedBridgeDatabase } from '../db/database';
import type { DailyStats } from '../db/schema';
import type { StatsView } from './types';
import { systemTimers, type TimerHandle, type Timers } from './timers';

export type StatsCounter = 'unitsTranslated' | 'requests' | 'characters' | 'cacheHits';
/** Increments to add to today's counters. */
export type StatsDelta = Partial<Record<StatsCounter, number>>;

const COUNTERS: StatsCounter[] = ['unitsTranslated', 'requests', 'characters', 'cacheHits'];

/** Local calendar day, `YYYY-MM-DD`: what a reader means by "today". */
export function localDay(time: number): string {
  const date = new Date(time);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function emptyDay(day: string): DailyStats {
  return { day, unitsTranslated: 0, requests: 0, characters: 0, cacheHits: 0 };
}

/**
 * Adds usage deltas to the day's row of the `stats` table. Deltas arrive per batch; they are summed
 * in memory and written at most once per `flushDelayMs`, a loss of at most that much if the worker
 * dies, which counters can afford.
 */
export class StatsStore {
  /** Unwritten sums, by the day they happened on. */
  private readonly pending = new Map<string, DailyStats>();
  private timer: TimerHandle | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly timers: Timers;
  private readonly flushDelayMs: number;

  constructor(
    private readonly db: RedBridgeDatabase,
    options: { timers?: Timers; flushDelayMs?: number } = {},
  ) {
    this.timers = options.timers ?? systemTimers;
    this.flushDelayMs = options.flushDelayMs ?? 1000;
  }

  add(delta: StatsDelta): void {
    const day = localDay(this.timers.now());
    const sums = this.pending.get(day) ?? emptyDay(day);
    for (const counter of COUNTERS) sums[counter] += delta[counter] ?? 0;
    this.pending.set(day, sums);
    this.timer ??= this.timers.setTimeout(() => {
      this.timer = undefined;
      // Counters are best effort: a failed write must not surface anywhere.
      this.flush().catch(() => undefined);
    }, this.flushDelayMs);
  }

  /** Writes what has been added so far. Writes are serialized so sums never race. */
  flush(): Promise<void> {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    const batch = [...this.pending.values()];
    this.pending.clear();
    if (batch.length === 0) return this.writing;
    const table = this.db.stats;
    this.writing = this.writing
      .catch(() => undefined)
      .then(() =>
        this.db.transaction('rw', table, async () => {
          for (const sums of batch) {
            const row = (await table.get(sums.day)) ?? emptyDay(sums.day);
            for (const counter of COUNTERS) row[counter] += sums[counter];
            await table.put(row);
          }
        }),
      );
    return this.writing;
  }

  /** The counters of `day` (today by default), unwritten deltas included. */
  async read(day = localDay(this.timers.now())): Promise<StatsView> {
    await this.flush();
    const row = await this.db.stats.get(day);
    return row ?? emptyDay(day);
  }
}
