import type { LanguageCode } from '../language/languages';
import { cacheKey } from './cache-key';
import type { ChainItemsResult, ProviderChain } from './provider-chain';
import type { StatsDelta } from './stats-store';
import type { CacheEntry, CacheHit, TranslationCache } from './translation-cache';
import { cancelledError, systemTimers, type TimerHandle, type Timers } from './timers';
import {
  ProviderError,
  type GlossaryRule,
  type ProviderId,
  type SlangNote,
  type SourceLanguage,
  type Priority,
  type TranslateRequest,
  type TranslateResult,
} from './types';

export const QUEUE_DEFAULTS = {
  /**
   * How long misses wait for company before a batch goes out. Units of one screen arrive within a
   * few ms of each other; 30 ms gathers them into one request at no visible cost (peers use 100–400).
   */
  batchWindowMs: 30,
  /**
   * How long texts that are only near the viewport (fetched ahead of the reader) wait for company:
   * the units the page reports near come in groups (a page of comments, the next stretch ahead), and
   * a group goes out as one request. Bounded on purpose: a text waits this long at most, so what
   * the reader will see next is ready before they reach it. A text in view ends the wait at once.
   */
  nearWindowMs: 200,
} as const;

export interface TranslationQueueOptions {
  /** The chain's `translateItems` and `headLimits` are all the queue needs. */
  chain: Pick<ProviderChain, 'translateItems' | 'headLimits'>;
  cache: TranslationCache;
  /** Signature of the settings that shape output; part of every cache key (see cache-key.ts). */
  engineFor: (to: LanguageCode, from: SourceLanguage) => string;
  /**
   * Signature of one provider's output. A text a fallback translated is cached under the provider
   * that produced it, so once the chosen provider answers again its own translation is fetched.
   * Without it, output is cached under `engineFor`.
   */
  engineOf?: (provider: ProviderId) => string;
  /** Whether to ask language models for notes on slang (the reader wants terms explained). */
  slangNotes?: () => boolean;
  /** Glossary rules relevant to one batch, if the active provider takes a glossary. */
  glossaryFor?: (
    texts: readonly string[],
    from: SourceLanguage,
    to: LanguageCode,
  ) => GlossaryRule[] | undefined;
  /**
   * Signature of the glossary rules that apply to one text ('' for none). It becomes part of the
   * text's cache key, so a changed preferred rendering re-translates the texts it touches and only
   * those.
   */
  glossaryKeyFor?: (text: string, from: SourceLanguage, to: LanguageCode) => string;
  timers?: Timers;
  batchWindowMs?: number;
  nearWindowMs?: number;
  /** Usage increments, reported as they happen (persist them with StatsStore.add). */
  onStats?: (delta: StatsDelta) => void;
  /** Failures no caller sees (cache reads and writes): for logging. */
  onError?: (error: unknown) => void;
}

export interface QueueSnapshot {
  /** Accepted requests not yet settled. */
  requests: number;
  /** Distinct texts gathered for a batch, not yet sent. */
  waiting: number;
  inFlightBatches: number;
  /** Distinct texts tracked (looking up, waiting, sending, or being written to the cache). */
  entries: number;
}

export interface TranslationQueue {
  /** Resolves with translations in segment order; provider 'cache' when no provider was needed. */
  translate(request: TranslateRequest): Promise<TranslateResult>;
  /** Rejects those requests with ProviderError('cancelled'); returns how many were still pending. */
  cancel(requestIds: readonly string[]): number;
  /** Makes those requests' waiting texts more urgent (a unit scrolled into view); returns how many. */
  prioritize(requestIds: readonly string[], priority: Priority): number;
  snapshot(): QueueSnapshot;
}

const PRIORITY_RANK: Record<Priority, number> = { visible: 0, near: 1, idle: 2 };

type Source = ProviderId | 'cache';

interface PendingRequest {
  id: string;
  /** Segment positions by entry id: one text may occur in several segments. */
  positions: Map<string, number[]>;
  translations: (string | undefined)[];
  sources: (Source | undefined)[];
  notes: (SlangNote[] | undefined)[];
  missing: number;
  settled: boolean;
  resolve: (result: TranslateResult) => void;
  reject: (error: ProviderError) => void;
}

/**
 * lookup: asked of the cache. waiting: gathered for a batch. sending: in a batch at the chain.
 * done: translated, kept until the cache write lands so a repeat is never sent again meanwhile.
 */
type EntryState = 'lookup' | 'waiting' | 'sending' | 'done';

/** One distinct text for one engine and language pair, shared by every request that needs it. */
interface Entry {
  /** Exact identity (the text itself, not its hash): no collision can merge two texts. */
  id: string;
  cacheKey: string;
  /** The signature of the glossary rules in the cache key ('' for none). */
  rulesKey: string;
  text: string;
  from: SourceLanguage;
  to: LanguageCode;
  /** Entries of one group can share a batch. */
  group: string;
  priority: Priority;
  /** Arrival order: first come, first served within a priority. */
  seq: number;
  state: EntryState;
  waiters: Set<PendingRequest>;
  translation: string | undefined;
}

interface CutBatch {
  entries: Entry[];
  /** Nothing more fits: worth sending before the window ends. */
  full: boolean;
}

/** Blank segments are their own translation; no provider needs to see them. */
function isBlank(text: string): boolean {
  return text.trim().length === 0;
}

function toProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError('unavailable', `Translation failed: ${message}`);
}

export function createTranslationQueue(options: TranslationQueueOptions): TranslationQueue {
  return new Queue(options);
}

/**
 * The background's translation queue: cache first, then misses gathered into batches by priority,
 * deduplicated across requests, sent through the provider chain as its head provider's limits
 * allow. Lives in memory only; every result is written to the cache as its batch completes, so a
 * killed worker loses nothing but the requests in flight (which callers retry).
 */
class Queue implements TranslationQueue {
  private readonly entries = new Map<string, Entry>();
  private readonly waiting = new Set<Entry>();
  private readonly requestsById = new Map<string, Set<PendingRequest>>();
  private readonly timers: Timers;
  private readonly batchWindowMs: number;
  private windowTimer: TimerHandle | undefined;
  /** Started when only less urgent texts wait; ends their wait for company. */
  private nearTimer: TimerHandle | undefined;
  private readonly nearWindowMs: number;
  /** The batching window has ended for what is waiting: send partial batches as slots free up. */
  private flushDue = false;
  private inFlight = 0;
  private nextSeq = 0;

  constructor(private readonly options: TranslationQueueOptions) {
    this.timers = options.timers ?? systemTimers;
    this.batchWindowMs = options.batchWindowMs ?? QUEUE_DEFAULTS.batchWindowMs;
    this.nearWindowMs = options.nearWindowMs ?? QUEUE_DEFAULTS.nearWindowMs;
  }

  translate(request: TranslateRequest): Promise<TranslateResult> {
    return new Promise<TranslateResult>((resolve, reject) => {
      const { segments, from, to, priority } = request;
      let engine: string;
      try {
        engine = this.options.engineFor(to, from);
      } catch (error) {
        reject(toProviderError(error));
        return;
      }
      const pending: PendingRequest = {
        id: request.requestId,
        positions: new Map(),
        translations: segments.map(() => undefined),
        sources: segments.map(() => undefined),
        notes: segments.map(() => undefined),
        missing: segments.length,
        settled: false,
        resolve,
        reject,
      };
      this.register(pending);

      /** Distinct texts of the request by entry id, with the engine signature their cache key uses. */
      const texts = new Map<string, { text: string; engineKey: string; rulesKey: string }>();
      segments.forEach((segment, index) => {
        if (isBlank(segment)) {
          this.fillPosition(pending, index, segment, 'cache');
          return;
        }
        const rules = this.options.glossaryKeyFor?.(segment, from, to);
        const rulesKey = rules ? `+g${rules}` : '';
        const engineKey = engine + rulesKey;
        const id = `${engineKey}|${from}|${to}|${segment}`;
        texts.set(id, { text: segment, engineKey, rulesKey });
        const positions = pending.positions.get(id);
        if (positions) positions.push(index);
        else pending.positions.set(id, [index]);
      });

      const toLookUp: Entry[] = [];
      let cacheHits = 0;
      for (const [id, { text, engineKey, rulesKey }] of texts) {
        const entry = this.entries.get(id);
        if (entry?.state === 'done') {
          cacheHits += pending.positions.get(id)!.length;
          this.fill(pending, id, entry.translation!, 'cache');
        } else if (entry) {
          entry.waiters.add(pending);
          if (PRIORITY_RANK[priority] < PRIORITY_RANK[entry.priority]) entry.priority = priority;
        } else {
          const created: Entry = {
            id,
            cacheKey: cacheKey(engineKey, from, to, text),
            rulesKey,
            text,
            from,
            to,
            group: `${engine}|${from}|${to}`,
            priority,
            seq: this.nextSeq++,
            state: 'lookup',
            waiters: new Set([pending]),
            translation: undefined,
          };
          this.entries.set(id, created);
          toLookUp.push(created);
        }
      }
      if (cacheHits > 0) this.emit({ cacheHits });
      if (pending.missing === 0) this.settle(pending);
      if (toLookUp.length > 0) this.lookUp(toLookUp);
    });
  }

  cancel(requestIds: readonly string[]): number {
    let cancelled = 0;
    for (const id of requestIds) {
      for (const pending of [...(this.requestsById.get(id) ?? [])]) {
        this.rejectRequest(pending, cancelledError());
        cancelled += 1;
      }
    }
    return cancelled;
  }

  prioritize(requestIds: readonly string[], priority: Priority): number {
    let upgraded = 0;
    for (const requestId of requestIds) {
      for (const pending of this.requestsById.get(requestId) ?? []) {
        for (const id of pending.positions.keys()) {
          const entry = this.entries.get(id);
          if (!entry || PRIORITY_RANK[priority] >= PRIORITY_RANK[entry.priority]) continue;
          entry.priority = priority;
          upgraded += 1;
        }
      }
    }
    if (upgraded > 0) this.schedule();
    return upgraded;
  }

  snapshot(): QueueSnapshot {
    let requests = 0;
    for (const set of this.requestsById.values()) requests += set.size;
    return {
      requests,
      waiting: this.waiting.size,
      inFlightBatches: this.inFlight,
      entries: this.entries.size,
    };
  }

  /** One cache read for all of a request's new texts; hits answer at once, misses go to batching. */
  private lookUp(batch: Entry[]): void {
    Promise.resolve()
      .then(() =>
        this.options.cache.getMany(batch.map((entry) => ({ key: entry.cacheKey, text: entry.text }))),
      )
      .catch((error: unknown): (CacheHit | undefined)[] => {
        // A broken cache costs requests, not translations.
        this.reportError(error);
        return [];
      })
      .then((hits) => {
        let cacheHits = 0;
        let queued = false;
        batch.forEach((entry, index) => {
          const hit = hits[index];
          if (hit) {
            this.entries.delete(entry.id);
            for (const pending of [...entry.waiters]) {
              cacheHits += pending.positions.get(entry.id)?.length ?? 0;
              this.fill(pending, entry.id, hit.translation, 'cache', hit.notes);
            }
          } else if (entry.waiters.size === 0) {
            // Every request that wanted it was cancelled while we looked.
            this.entries.delete(entry.id);
          } else {
            entry.state = 'waiting';
            this.waiting.add(entry);
            queued = true;
          }
        });
        if (cacheHits > 0) this.emit({ cacheHits });
        if (queued) this.schedule();
      })
      .catch((error: unknown) => this.failEntries(batch, toProviderError(error)));
  }

  /**
   * Opens the short batching window when a visible text waits, the longer near window otherwise.
   * Either way full batches leave at once (see `pump`), and nothing waits longer than its window.
   */
  private schedule(): void {
    if (this.waiting.size === 0) return;
    const urgent = [...this.waiting].some((entry) => entry.priority === 'visible');
    if (urgent && this.windowTimer === undefined && !this.flushDue) {
      this.windowTimer = this.timers.setTimeout(() => this.endWait(), this.batchWindowMs);
    } else if (!urgent && this.nearTimer === undefined && !this.flushDue) {
      this.nearTimer = this.timers.setTimeout(() => this.endWait(), this.nearWindowMs);
    }
    this.pump();
  }

  private endWait(): void {
    if (this.windowTimer !== undefined) this.timers.clearTimeout(this.windowTimer);
    if (this.nearTimer !== undefined) this.timers.clearTimeout(this.nearTimer);
    this.windowTimer = undefined;
    this.nearTimer = undefined;
    this.flushDue = true;
    this.pump();
  }

  /** Sends batches while the head provider has free slots: full ones at once, the rest after the window. */
  private pump(): void {
    try {
      const limits = this.options.chain.headLimits();
      while (this.inFlight < Math.max(1, limits.concurrency) && this.waiting.size > 0) {
        const batch = this.cutBatch(limits.maxItems, limits.maxChars);
        if (!batch.full && !this.flushDue) break;
        this.send(batch.entries);
      }
    } catch (error) {
      this.failEntries([...this.waiting], toProviderError(error));
    }
    if (this.waiting.size === 0) this.flushDue = false;
  }

  /**
   * The next batch: the most urgent waiting text decides the group (engine and language pair), then
   * texts of that group in priority order, as many as the head provider takes in one request.
   */
  private cutBatch(maxItems: number, maxChars: number): CutBatch {
    const ordered = [...this.waiting].sort(
      (a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.seq - b.seq,
    );
    const group = ordered[0]!.group;
    const entries: Entry[] = [];
    let chars = 0;
    let full = false;
    for (const entry of ordered) {
      if (entry.group !== group) continue;
      if (entries.length >= maxItems || (entries.length > 0 && chars + entry.text.length > maxChars)) {
        full = true;
        break;
      }
      entries.push(entry);
      chars += entry.text.length;
    }
    return { entries, full: full || entries.length >= maxItems || chars >= maxChars };
  }

  private send(batch: Entry[]): void {
    for (const entry of batch) {
      this.waiting.delete(entry);
      entry.state = 'sending';
    }
    this.inFlight += 1;
    const { from, to } = batch[0]!;
    const texts = batch.map((entry) => entry.text);
    Promise.resolve()
      .then(() => {
        const glossary = this.options.glossaryFor?.(texts, from, to);
        const slangNotes = this.options.slangNotes?.() ?? false;
        return this.options.chain.translateItems(texts, from, to, {
          ...(glossary ? { glossary } : {}),
          ...(slangNotes ? { slangNotes } : {}),
        });
      })
      .then((result) => this.complete(batch, result))
      .catch((error: unknown) => this.failEntries(batch, toProviderError(error)))
      .finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
  }

  private complete(batch: Entry[], { outcomes, usage }: ChainItemsResult): void {
    this.emit({ requests: usage.requests, characters: usage.characters });
    const translated: Entry[] = [];
    const records: CacheEntry[] = [];
    batch.forEach((entry, index) => {
      const outcome = outcomes[index];
      if (!outcome?.ok) return;
      entry.state = 'done';
      entry.translation = outcome.translation;
      translated.push(entry);
      records.push({
        key: this.producedKey(entry, outcome.provider),
        text: entry.text,
        translation: outcome.translation,
        provider: outcome.provider,
        ...(outcome.notes ? { notes: outcome.notes } : {}),
      });
    });
    // Written as each batch completes: the worker may be killed at any moment after this.
    if (records.length > 0) this.store(records, translated);

    batch.forEach((entry, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) {
        for (const pending of [...entry.waiters]) {
          this.fill(pending, entry.id, outcome.translation, outcome.provider, outcome.notes);
        }
        entry.waiters.clear();
      } else {
        this.failEntries(
          [entry],
          outcome?.error ?? new ProviderError('bad-response', 'No result for this text'),
        );
      }
    });
  }

  /** The cache key of a translation under the provider that produced it. */
  private producedKey(entry: Entry, provider: ProviderId): string {
    const engine = this.options.engineOf?.(provider);
    return engine === undefined
      ? entry.cacheKey
      : cacheKey(engine + entry.rulesKey, entry.from, entry.to, entry.text);
  }

  private store(records: CacheEntry[], translated: Entry[]): void {
    Promise.resolve()
      .then(() => this.options.cache.putMany(records))
      .catch((error: unknown) => this.reportError(error))
      .finally(() => {
        for (const entry of translated) {
          if (this.entries.get(entry.id) === entry) this.entries.delete(entry.id);
        }
      });
  }

  /** Rejects everyone waiting on these entries and forgets them, so a later request tries again. */
  private failEntries(batch: Entry[], error: ProviderError): void {
    for (const entry of batch) {
      if (this.entries.get(entry.id) === entry) this.entries.delete(entry.id);
      this.removeWaiting(entry);
      for (const pending of [...entry.waiters]) this.rejectRequest(pending, error);
      entry.waiters.clear();
    }
  }

  private fill(
    pending: PendingRequest,
    entryId: string,
    translation: string,
    source: Source,
    notes?: SlangNote[],
  ): void {
    if (pending.settled) return;
    for (const index of pending.positions.get(entryId) ?? []) {
      this.fillPosition(pending, index, translation, source);
      if (notes) pending.notes[index] = notes;
    }
    if (pending.missing === 0) this.settle(pending);
  }

  private fillPosition(pending: PendingRequest, index: number, translation: string, source: Source): void {
    if (pending.translations[index] !== undefined) return;
    pending.translations[index] = translation;
    pending.sources[index] = source;
    pending.missing -= 1;
  }

  private settle(pending: PendingRequest): void {
    if (pending.settled) return;
    pending.settled = true;
    this.unregister(pending);
    const provider = pending.sources.find((source) => source !== 'cache') ?? 'cache';
    const noted = pending.notes.some((notes) => notes !== undefined);
    pending.resolve({
      translations: pending.translations as string[],
      provider,
      ...(noted ? { notes: pending.notes } : {}),
    });
    if (pending.positions.size > 0) this.emit({ unitsTranslated: 1 });
  }

  private rejectRequest(pending: PendingRequest, error: ProviderError): void {
    if (pending.settled) return;
    pending.settled = true;
    this.unregister(pending);
    this.detach(pending);
    pending.reject(error);
  }

  /** Drops what only this request needed and has not been sent yet: it costs no request now. */
  private detach(pending: PendingRequest): void {
    for (const id of pending.positions.keys()) {
      const entry = this.entries.get(id);
      if (!entry || !entry.waiters.delete(pending) || entry.waiters.size > 0) continue;
      if (entry.state === 'waiting') {
        this.entries.delete(id);
        this.removeWaiting(entry);
      }
      // 'lookup' entries are dropped when their lookup ends; 'sending' ones still fill the cache.
    }
  }

  private removeWaiting(entry: Entry): void {
    this.waiting.delete(entry);
    // Nothing left from the ended window: the next arrival opens a new one.
    if (this.waiting.size === 0) this.flushDue = false;
  }

  private register(pending: PendingRequest): void {
    const set = this.requestsById.get(pending.id);
    if (set) set.add(pending);
    else this.requestsById.set(pending.id, new Set([pending]));
  }

  private unregister(pending: PendingRequest): void {
    const set = this.requestsById.get(pending.id);
    set?.delete(pending);
    if (set?.size === 0) this.requestsById.delete(pending.id);
  }

  private emit(delta: StatsDelta): void {
    try {
      this.options.onStats?.(delta);
    } catch (error) {
      this.reportError(error);
    }
  }

  private reportError(error: unknown): void {
    try {
      this.options.onError?.(error);
    } catch {
      // A broken logger must not break translation.
    }
  }
}
