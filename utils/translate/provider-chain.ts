import type { LanguageCode } from '../language/languages';
import { fullJitterBackoff } from './backoff';
import { ProviderHealth } from './provider-health';
import { MisalignedBatchError } from './providers/misaligned-batch-error';
import { ProviderLimiter } from './rate-limiter';
import { cancelledError, sleep, systemTimers, type Timers } from './timers';
import {
  ProviderError,
  type GlossaryRule,
  type ProviderErrorKind,
  type ProviderId,
  type ProviderLimits,
  type ProviderResult,
  type SourceLanguage,
  type TranslationProvider,
  type ProviderHealthView,
  type SlangNote,
  type WritingStyle,
} from './types';

export const CHAIN_DEFAULTS = {
  /** Keyless endpoints answer a batch in well under 2 s; 10 s means it is not coming. */
  requestTimeoutMs: 10_000,
  /** Retries per request on transient errors: three tries in all, then the next provider. */
  maxRetries: 2,
  /** Backoff ceilings 0.5 s, 1 s, 2 s … capped at 8 s (the range peers use). */
  backoffBaseMs: 500,
  backoffMaxMs: 8_000,
  /** A Retry-After longer than this is not waited out: the next provider answers sooner. */
  maxRetryAfterWaitMs: 5_000,
} as const;

/** Limits used when the chain has no provider (its batches fail at once anyway). */
const FALLBACK_LIMITS: ProviderLimits = {
  maxItems: 20,
  maxChars: 5_000,
  concurrency: 2,
  requestsPerSecond: 5,
};

export interface ProviderChainOptions {
  /** Tried in this order; later ones are fallbacks. */
  providers: readonly TranslationProvider[];
  /** Overrides of the providers' own limits (e.g. a self-hosted LibreTranslate that takes more). */
  limits?: Partial<Record<ProviderId, Partial<ProviderLimits>>>;
  /** Pass the same instance to every chain built in this worker to keep what it learnt. */
  health?: ProviderHealth;
  limiter?: ProviderLimiter;
  timers?: Timers;
  /** In [0, 1); injected so jitter is deterministic in tests. */
  random?: () => number;
  requestTimeoutMs?: number;
  maxRetries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  maxRetryAfterWaitMs?: number;
}

export interface ChainTranslateOptions {
  glossary?: GlossaryRule[];
  writing?: WritingStyle;
  /** Ask language models for notes on slang; each item's notes come back with its translation. */
  slangNotes?: boolean;
  /** Aborting rejects with ProviderError('cancelled') and aborts the provider request in flight. */
  signal?: AbortSignal;
}

export type ItemOutcome =
  | { ok: true; translation: string; provider: ProviderId; notes?: SlangNote[] }
  | { ok: false; error: ProviderError };

/** What a call cost: provider requests made (retries included) and characters sent in them. */
export interface ChainUsage {
  requests: number;
  characters: number;
}

export interface ChainItemsResult {
  /** One per input text, in order. */
  outcomes: ItemOutcome[];
  usage: ChainUsage;
}

export interface ChainBatchResult {
  translations: string[];
  /** The provider that produced each translation. */
  providers: ProviderId[];
  usage: ChainUsage;
}

export interface ProviderChain {
  readonly providerIds: readonly ProviderId[];
  /**
   * Translates each text with the first provider that manages it. Never rejects for provider
   * failures: an item no provider could translate carries a short, human ProviderError
   * ("All translation services failed (rate limited)"). Rejects only with ProviderError('cancelled').
   */
  translateItems(
    texts: readonly string[],
    from: SourceLanguage,
    to: LanguageCode,
    options?: ChainTranslateOptions,
  ): Promise<ChainItemsResult>;
  /** Like translateItems, but all or nothing: rejects with the first item's error. */
  translateBatch(
    texts: readonly string[],
    from: SourceLanguage,
    to: LanguageCode,
    options?: ChainTranslateOptions,
  ): Promise<ChainBatchResult>;
  /** Limits of the provider a batch would go to first now; the queue cuts batches to fit them. */
  headLimits(): ProviderLimits;
  /** The first provider that can run here: the one whose translations the reader is served. */
  leadProvider(): ProviderId | undefined;
  healthView(): ProviderHealthView[];
}

/** Thrown instead of calling a provider whose circuit is open; carries the kind of its last error. */
export class CircuitOpenError extends ProviderError {}

const REASONS: Record<ProviderErrorKind, string> = {
  'rate-limited': 'rate limited',
  server: 'server error',
  network: 'network error',
  timeout: 'no answer in time',
  auth: 'API key rejected',
  quota: 'quota used up',
  budget: 'daily budget spent',
  'bad-response': 'unexpected answer',
  unavailable: 'not available',
  cancelled: 'cancelled',
};

/**
 * The error shown under a unit when nothing could translate it. Auth and quota errors win because
 * the user can act on them; otherwise the first provider's error, the one most requests go to.
 */
export function summarizeFailures(failures: readonly ProviderError[], providerCount: number): ProviderError {
  const real = failures.filter((error) => error.kind !== 'cancelled');
  // A provider that cannot run here (no on-device model) says nothing about why the others failed.
  const chosen =
    real.find((error) => error.kind === 'auth' || error.kind === 'quota' || error.kind === 'budget') ??
    real.find((error) => error.kind !== 'unavailable') ??
    real[0];
  if (!chosen) return new ProviderError('unavailable', 'No translation service is enabled');
  const subject = providerCount === 1 ? 'The translation service failed' : 'All translation services failed';
  return new ProviderError(chosen.kind, `${subject} (${REASONS[chosen.kind]})`, {
    status: chosen.details.status,
    retryAfterMs: chosen.details.retryAfterMs,
    // Whose failure the reader sees: a Retry gives that provider, and only that one, another try.
    ...(chosen.details.provider ? { provider: chosen.details.provider } : {}),
  });
}

/** Everything needed to send requests for one translateItems call to one provider. */
interface ProviderRun {
  provider: TranslationProvider;
  limits: ProviderLimits;
  from: SourceLanguage;
  to: LanguageCode;
  glossary: GlossaryRule[] | undefined;
  writing: WritingStyle | undefined;
  slangNotes: boolean;
  /** Notes a provider gave, by the text they are about. */
  notes: Map<string, SlangNote[]>;
  signal: AbortSignal | undefined;
  usage: ChainUsage;
  /** Whether a later provider can take over; decides whether a timeout is worth retrying here. */
  hasFallback: boolean;
}

/** A text's result from one provider: its translation or why it failed there. */
type Attempted = string | ProviderError;

export function createProviderChain(options: ProviderChainOptions): ProviderChain {
  return new Chain(options);
}

class Chain implements ProviderChain {
  readonly providerIds: readonly ProviderId[];
  private readonly providers: readonly TranslationProvider[];
  private readonly health: ProviderHealth;
  private readonly limiter: ProviderLimiter;
  private readonly timers: Timers;
  private readonly random: () => number;
  private readonly requestTimeoutMs: number;
  private readonly maxRetries: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private readonly maxRetryAfterWaitMs: number;

  constructor(private readonly options: ProviderChainOptions) {
    this.providers = options.providers;
    this.providerIds = options.providers.map((provider) => provider.id);
    this.timers = options.timers ?? systemTimers;
    this.health = options.health ?? new ProviderHealth({ now: () => this.timers.now() });
    this.limiter = options.limiter ?? new ProviderLimiter(this.timers);
    this.random = options.random ?? Math.random;
    this.requestTimeoutMs = options.requestTimeoutMs ?? CHAIN_DEFAULTS.requestTimeoutMs;
    this.maxRetries = options.maxRetries ?? CHAIN_DEFAULTS.maxRetries;
    this.backoffBaseMs = options.backoffBaseMs ?? CHAIN_DEFAULTS.backoffBaseMs;
    this.backoffMaxMs = options.backoffMaxMs ?? CHAIN_DEFAULTS.backoffMaxMs;
    this.maxRetryAfterWaitMs = options.maxRetryAfterWaitMs ?? CHAIN_DEFAULTS.maxRetryAfterWaitMs;
  }

  headLimits(): ProviderLimits {
    const head = this.providers.find((provider) => this.health.isAvailable(provider.id)) ?? this.providers[0];
    return head ? this.limitsOf(head) : FALLBACK_LIMITS;
  }

  leadProvider(): ProviderId | undefined {
    const lead = this.providers.find((provider) => !this.health.cannotRunHere(provider.id));
    return (lead ?? this.providers[0])?.id;
  }

  healthView(): ProviderHealthView[] {
    return this.health.view(this.providerIds);
  }

  async translateBatch(
    texts: readonly string[],
    from: SourceLanguage,
    to: LanguageCode,
    options: ChainTranslateOptions = {},
  ): Promise<ChainBatchResult> {
    const { outcomes, usage } = await this.translateItems(texts, from, to, options);
    const translations: string[] = [];
    const providers: ProviderId[] = [];
    for (const outcome of outcomes) {
      if (!outcome.ok) throw outcome.error;
      translations.push(outcome.translation);
      providers.push(outcome.provider);
    }
    return { translations, providers, usage };
  }

  async translateItems(
    texts: readonly string[],
    from: SourceLanguage,
    to: LanguageCode,
    options: ChainTranslateOptions = {},
  ): Promise<ChainItemsResult> {
    const usage: ChainUsage = { requests: 0, characters: 0 };
    const outcomes: (ItemOutcome | undefined)[] = texts.map(() => undefined);
    const failures: ProviderError[] = [];
    let pending = texts.map((_, index) => index);

    for (const [position, provider] of this.providers.entries()) {
      if (pending.length === 0) break;
      throwIfAborted(options.signal);
      if (!this.health.isAvailable(provider.id)) {
        failures.push(this.circuitOpenError(provider.id));
        continue;
      }
      const run: ProviderRun = {
        provider,
        limits: this.limitsOf(provider),
        from,
        to,
        glossary: options.glossary,
        writing: options.writing,
        slangNotes: !!options.slangNotes,
        notes: new Map(),
        signal: options.signal,
        usage,
        hasFallback: position < this.providers.length - 1,
      };
      const results = await this.translateWith(
        run,
        pending.map((index) => texts[index]!),
      );
      const failed: number[] = [];
      results.forEach((result, offset) => {
        const index = pending[offset]!;
        if (typeof result === 'string') {
          const notes = run.notes.get(texts[index]!);
          outcomes[index] = {
            ok: true,
            translation: result,
            provider: provider.id,
            ...(notes ? { notes } : {}),
          };
        } else {
          if (failed.length === 0) failures.push(result);
          failed.push(index);
        }
      });
      pending = failed;
    }

    throwIfAborted(options.signal);
    if (pending.length > 0) {
      const error = summarizeFailures(failures, this.providers.length);
      for (const index of pending) outcomes[index] = { ok: false, error };
    }
    return { outcomes: outcomes as ItemOutcome[], usage };
  }

  /** Sends `texts` to one provider in as many requests as its limits require, concurrently. */
  private async translateWith(run: ProviderRun, texts: readonly string[]): Promise<Attempted[]> {
    const results: Attempted[] = new Array<Attempted>(texts.length);
    await Promise.all(
      chunkByLimits(texts, run.limits).map(async (chunk) => {
        const chunkResults = await this.translateChunk(
          run,
          chunk.map((index) => texts[index]!),
        );
        chunk.forEach((index, offset) => (results[index] = chunkResults[offset]!));
      }),
    );
    return results;
  }

  /**
   * One request's worth of texts. A misaligned answer means the provider choked on the batch as a
   * whole (a segment it split or merged). The texts are asked again by halves, so one text the
   * provider cannot align costs about 2·log2(n) requests rather than one per text. When the
   * provider could tell which answers were sound (MisalignedBatchError), only the rest are re-asked.
   */
  private async translateChunk(run: ProviderRun, texts: readonly string[]): Promise<Attempted[]> {
    let sound: readonly (string | undefined)[] = [];
    try {
      return await this.requestWithRetries(run, texts);
    } catch (caught) {
      const error = caught as ProviderError;
      if (error.kind === 'cancelled') throw error;
      if (error.kind !== 'bad-response' || texts.length === 1) return texts.map(() => error);
      if (error instanceof MisalignedBatchError && error.partial.length === texts.length)
        sound = error.partial;
    }
    const results: Attempted[] = [];
    const missing: number[] = [];
    texts.forEach((_, index) => {
      const translation = sound[index];
      if (translation === undefined) missing.push(index);
      else results[index] = translation;
    });
    const middle = Math.ceil(missing.length / 2);
    const halves = missing.length > 1 ? [missing.slice(0, middle), missing.slice(middle)] : [missing];
    await Promise.all(
      halves.map(async (half) => {
        const answers = await this.translateChunk(
          run,
          half.map((index) => texts[index]!),
        );
        half.forEach((index, offset) => (results[index] = answers[offset]!));
      }),
    );
    return results;
  }

  /** Sends one request, retrying transient failures with backoff; throws a ProviderError at last. */
  private async requestWithRetries(run: ProviderRun, texts: readonly string[]): Promise<string[]> {
    const id = run.provider.id;
    for (let attempt = 0; ; attempt++) {
      let error: ProviderError;
      try {
        return await this.requestOnce(run, texts);
      } catch (caught) {
        error = caught as ProviderError;
      }
      if (!error.transient || error instanceof CircuitOpenError || attempt >= this.maxRetries) throw error;
      // A provider that hung once will likely hang again: another provider is the better bet.
      if (error.kind === 'timeout' && run.hasFallback) throw error;
      // The circuit opened on this failure: stop waiting on this provider.
      if (!this.health.isAvailable(id)) throw error;
      const retryAfterMs = error.details.retryAfterMs ?? 0;
      if (retryAfterMs > this.maxRetryAfterWaitMs) throw error;
      const backoffMs = fullJitterBackoff(attempt, this.backoffBaseMs, this.backoffMaxMs, this.random);
      await sleep(this.timers, Math.max(backoffMs, retryAfterMs), run.signal);
    }
  }

  private async requestOnce(run: ProviderRun, texts: readonly string[]): Promise<string[]> {
    const { provider, signal } = run;
    if (!this.health.isAvailable(provider.id)) throw this.circuitOpenError(provider.id);
    const release = await this.limiter.acquire(provider.id, run.limits, signal);
    try {
      // Checked again: the circuit may have opened, or another request taken the probe, meanwhile.
      if (!this.health.admit(provider.id)) throw this.circuitOpenError(provider.id);
      run.usage.requests += 1;
      run.usage.characters += texts.reduce((sum, text) => sum + text.length, 0);
      const startedAt = this.timers.now();
      let translations: string[];
      try {
        const result = await this.callWithTimeout(run, texts);
        translations = alignedTranslations(result, texts.length, provider.id);
        result.notes?.forEach((notes, index) => {
          if (notes?.length) run.notes.set(texts[index]!, notes);
        });
      } catch (caught) {
        const error = toProviderError(caught, provider.id, signal);
        this.noteFailure(run, error);
        throw error;
      }
      this.health.recordSuccess(provider.id, this.timers.now() - startedAt);
      return translations;
    } finally {
      release();
    }
  }

  private noteFailure(run: ProviderRun, error: ProviderError): void {
    const id = run.provider.id;
    const retryAfterMs = error.details.retryAfterMs;
    // Retry-After speaks for the provider, not this request: hold every batch back, and if it is
    // long, skip the provider until then.
    if (retryAfterMs !== undefined && retryAfterMs > 0) this.limiter.holdOff(id, run.limits, retryAfterMs);
    const openForMs =
      retryAfterMs !== undefined && retryAfterMs > this.maxRetryAfterWaitMs ? retryAfterMs : 0;
    if (error.details.languagePair) this.health.recordPairMissing(id, error);
    else this.health.recordFailure(id, error, openForMs);
  }

  /**
   * Calls the provider under a deadline. A provider may ignore its abort signal and hang: the race
   * against the timer guarantees the chain moves on regardless.
   */
  private callWithTimeout(run: ProviderRun, texts: readonly string[]): Promise<ProviderResult> {
    const { provider, signal: outer } = run;
    const controller = new AbortController();
    return new Promise<ProviderResult>((resolve, reject) => {
      let settled = false;
      const settle = (complete: () => void) => {
        if (settled) return;
        settled = true;
        this.timers.clearTimeout(timer);
        outer?.removeEventListener('abort', onOuterAbort);
        complete();
      };
      const onOuterAbort = () => {
        controller.abort();
        settle(() => reject(cancelledError()));
      };
      const timer = this.timers.setTimeout(() => {
        controller.abort();
        const seconds = Math.round(this.requestTimeoutMs / 1000);
        settle(() =>
          reject(
            new ProviderError('timeout', `${provider.id} did not answer within ${seconds} s`, {
              provider: provider.id,
            }),
          ),
        );
      }, this.requestTimeoutMs);
      if (outer?.aborted) return onOuterAbort();
      outer?.addEventListener('abort', onOuterAbort, { once: true });

      let call: Promise<ProviderResult>;
      try {
        call = provider.translate({
          texts: [...texts],
          from: run.from,
          to: run.to,
          signal: controller.signal,
          ...(run.glossary ? { glossary: run.glossary } : {}),
          ...(run.writing ? { writing: run.writing } : {}),
          ...(run.slangNotes ? { slangNotes: true } : {}),
        });
      } catch (thrown) {
        call = Promise.reject(thrown);
      }
      call.then(
        (result) => settle(() => resolve(result)),
        (error: unknown) => settle(() => reject(error)),
      );
    });
  }

  private limitsOf(provider: TranslationProvider): ProviderLimits {
    return { ...provider.limits, ...this.options.limits?.[provider.id] };
  }

  private circuitOpenError(id: ProviderId): CircuitOpenError {
    const last = this.health.lastError(id);
    return new CircuitOpenError(last?.kind ?? 'unavailable', `${id} is paused after repeated failures`, {
      provider: id,
      retryAfterMs: last?.details.retryAfterMs,
    });
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}

/** Splits indices of `texts` into runs that respect maxItems and maxChars (an oversized text goes alone). */
export function chunkByLimits(texts: readonly string[], limits: ProviderLimits): number[][] {
  const chunks: number[][] = [];
  let current: number[] = [];
  let chars = 0;
  texts.forEach((text, index) => {
    if (current.length > 0 && (current.length >= limits.maxItems || chars + text.length > limits.maxChars)) {
      chunks.push(current);
      current = [];
      chars = 0;
    }
    current.push(index);
    chars += text.length;
  });
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function alignedTranslations(result: ProviderResult | undefined, expected: number, id: ProviderId): string[] {
  const translations = result?.translations;
  if (!Array.isArray(translations) || translations.length !== expected) {
    const got = Array.isArray(translations) ? translations.length : 'no';
    throw new ProviderError('bad-response', `${id} returned ${got} translations for ${expected} texts`, {
      provider: id,
    });
  }
  if (translations.some((translation) => typeof translation !== 'string')) {
    throw new ProviderError('bad-response', `${id} returned a translation that is not text`, {
      provider: id,
    });
  }
  return translations;
}

/** Providers should throw ProviderError; anything else is a bug or a fetch failure, classified here. */
function toProviderError(caught: unknown, id: ProviderId, signal: AbortSignal | undefined): ProviderError {
  if (caught instanceof ProviderError) return caught;
  if (signal?.aborted) return cancelledError();
  const message = caught instanceof Error ? caught.message : String(caught);
  // fetch() rejects with a TypeError when the host cannot be reached.
  const kind = caught instanceof TypeError && /fetch|network/i.test(message) ? 'network' : 'bad-response';
  return new ProviderError(kind, `${id}: ${message}`, { provider: id });
}
