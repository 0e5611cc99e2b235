import type { LanguageCode, SourceLanguage } from '../language/languages';

/** Every provider, one module each under `utils/translate/providers/` (on-device: `on-device/`). */
export const PROVIDER_IDS = [
  'google-html',
  'microsoft-edge',
  'google-gtx',
  'chrome-on-device',
  'deepl',
  'openai-compatible',
  'libretranslate',
] as const;

/** Identifies a provider module. */
export type ProviderId = (typeof PROVIDER_IDS)[number];

export function isProviderId(value: unknown): value is ProviderId {
  return (PROVIDER_IDS as readonly unknown[]).includes(value);
}

export type { SourceLanguage } from '../language/languages';

/** A glossary rule a provider must respect: `source` is rendered as `target` in the output. */
export interface GlossaryRule {
  source: string;
  target: string;
}

/** How soon a text is wanted: in view, near it (fetched ahead of the reader), or whenever. */
export type Priority = 'visible' | 'near' | 'idle';

/** One unit's texts to translate: the engine's unit of work, whoever asks. */
export interface TranslateRequest {
  /** Caller-chosen id, used to cancel the request when its unit leaves the page. */
  requestId: string;
  /** Segments of one unit (e.g. the paragraphs of a note body), translated independently. */
  segments: string[];
  from: SourceLanguage;
  to: LanguageCode;
  priority: Priority;
  /** The reader pressed "retry" on this unit. */
  retry?: boolean;
  /**
   * The provider whose failure the unit showed: paused by the circuit breaker, it gets another
   * chance now. No other provider's pause is lifted by a retry.
   */
  retryProvider?: ProviderId;
}

export interface TranslateResult {
  translations: string[];
  provider: ProviderId | 'cache';
  /** Per segment, a language model's notes on slang in it, when asked for and given. */
  notes?: (SlangNote[] | undefined)[];
}

/** How a provider has been doing, as the popup and options page show it. */
export interface ProviderHealthView {
  id: ProviderId;
  state: 'working' | 'slow' | 'failing' | 'skipped' | 'unused';
  lastError?: string;
  /** The kind of the last error, so a page can word it in its own language. */
  kind?: ProviderErrorKind;
}

/** Today's usage counters. */
export interface StatsView {
  day: string;
  unitsTranslated: number;
  requests: number;
  characters: number;
  cacheHits: number;
}

/** How the reader's own words should sound once translated: like a friend's comment, or plainer. */
export type WritingRegister = 'casual' | 'neutral';

/** The texts are the reader's own words, to be posted: written as a native commenter would. */
export interface WritingStyle {
  register: WritingRegister;
}

export interface ProviderRequest {
  texts: string[];
  from: SourceLanguage;
  to: LanguageCode;
  signal: AbortSignal;
  /** Preferred renderings relevant to these texts (already filtered by the caller). */
  glossary?: GlossaryRule[];
  /** Set when translating what the reader writes; providers that can take a style follow it. */
  writing?: WritingStyle;
  /** Ask for notes on slang the reader may not know; only language models give them. */
  slangNotes?: boolean;
}

/** A language model's short note on a slang term it found in a text. */
export interface SlangNote {
  /** The term as written in the text. */
  term: string;
  /** What it means, in the language translated into. */
  meaning: string;
}

export interface ProviderResult {
  /** One entry per input text, in order. Plain text, already decoded exactly once. */
  translations: string[];
  /** Detected source language per text when the provider reports it. */
  detected?: (string | undefined)[];
  /** Per text, the slang notes asked for with `slangNotes`. */
  notes?: (SlangNote[] | undefined)[];
}

/** How much a provider accepts per request and how hard it may be pushed. */
export interface ProviderLimits {
  maxItems: number;
  maxChars: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Sustained request rate (token bucket refill per second). */
  requestsPerSecond: number;
}

/** A term (slang, a meme, an abbreviation) to explain as it is used in one sentence. */
export interface ExplainRequest {
  term: string;
  /** The sentence the reader met it in. */
  context: string;
  /** The language the explanation is written in. */
  to: LanguageCode;
  signal: AbortSignal;
}

/** What a language model says a term means: its sense here, a word-for-word reading, where it comes from. */
export interface TermExplanation {
  meaning: string;
  literal?: string;
  origin?: string;
}

export interface TranslationProvider {
  readonly id: ProviderId;
  readonly limits: ProviderLimits;
  translate(request: ProviderRequest): Promise<ProviderResult>;
  /** Only language models explain: other providers leave this out. */
  explain?(request: ExplainRequest): Promise<TermExplanation>;
}

export type ProviderErrorKind =
  | 'rate-limited' // 429: back off, respect Retry-After
  | 'server' // 5xx: retry with backoff
  | 'network' // fetch failed: unreachable host, DNS, TLS
  | 'timeout' // no answer in time
  | 'auth' // 401/403: wrong or missing key; retrying will not help
  | 'quota' // 456 (DeepL) or quota exhausted; retrying will not help today
  | 'budget' // the daily character budget the user set for this provider is spent
  | 'bad-response' // answer could not be parsed or was misaligned
  | 'unavailable' // provider cannot run here (no on-device model, not configured)
  | 'cancelled';

/** The one error type providers throw, so the chain can decide whether to retry or fall back. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly details: {
      status?: number;
      retryAfterMs?: number;
      provider?: ProviderId;
      /**
       * The failure concerns this language pair only (an on-device model not installed for it): the
       * request falls back, and the provider stays healthy for every other pair.
       */
      languagePair?: boolean;
    } = {},
  ) {
    super(message);
  }

  /** Errors that may go away by themselves: worth a retry on the same provider. */
  get transient(): boolean {
    return (
      this.kind === 'rate-limited' ||
      this.kind === 'server' ||
      this.kind === 'network' ||
      this.kind === 'timeout'
    );
  }
}

/** `fetch` as providers use it; injected so tests can record and replay wire formats. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
