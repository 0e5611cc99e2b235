/**
 * Fake `Translator` and `LanguageDetector` globals for tests (imported only by `*.test.ts`). They
 * follow Chrome's rules where the code under test depends on them: `create()` without user
 * activation is refused unless the model is 'available', and `create()` reports download progress
 * through its monitor.
 */
import type {
  AiAvailability,
  AiCreateOptions,
  CreateMonitorLike,
  LanguageDetectionResult,
  LanguageDetectorInstance,
  LanguageDetectorStatic,
  TranslatorInstance,
  TranslatorPair,
  TranslatorStatic,
} from './chrome-ai';

type ProgressListener = (event: { loaded: number }) => void;

function fireProgress(monitor: AiCreateOptions['monitor'], steps: readonly number[]): void {
  if (!monitor) return;
  const listeners: ProgressListener[] = [];
  const target: CreateMonitorLike = { addEventListener: (_type, listener) => listeners.push(listener) };
  monitor(target);
  for (const loaded of steps) for (const listener of listeners) listener({ loaded });
}

export interface FakeTranslatorOptions {
  /** Availability per `from>to` key; `defaultState` for the rest. */
  states?: Record<string, AiAvailability>;
  defaultState?: AiAvailability;
  /** What `translate` answers; defaults to `[to] text`. */
  translate?: (text: string, pair: TranslatorPair, signal?: AbortSignal) => string | Promise<string>;
  /** `loaded` values fired on the monitor during `create()`. */
  progress?: readonly number[];
  /** Simulates a click: lets `create()` download a model that is not 'available'. */
  userActivation?: boolean;
}

export class FakeTranslator implements TranslatorStatic {
  readonly created: TranslatorPair[] = [];
  readonly availabilityCalls: TranslatorPair[] = [];
  readonly translated: { text: string; pair: TranslatorPair }[] = [];
  readonly destroyed: TranslatorPair[] = [];
  readonly states: Map<string, AiAvailability>;

  constructor(private readonly options: FakeTranslatorOptions = {}) {
    this.states = new Map(Object.entries(options.states ?? {}));
  }

  stateOf({ sourceLanguage, targetLanguage }: TranslatorPair): AiAvailability {
    return this.states.get(`${sourceLanguage}>${targetLanguage}`) ?? this.options.defaultState ?? 'available';
  }

  availability = async (pair: TranslatorPair): Promise<AiAvailability> => {
    this.availabilityCalls.push({ sourceLanguage: pair.sourceLanguage, targetLanguage: pair.targetLanguage });
    return this.stateOf(pair);
  };

  create = async (options: TranslatorPair & AiCreateOptions): Promise<TranslatorInstance> => {
    const pair = { sourceLanguage: options.sourceLanguage, targetLanguage: options.targetLanguage };
    const state = this.stateOf(pair);
    if (state === 'unavailable') throw new DOMException('Unable to create translator', 'NotSupportedError');
    if (state !== 'available' && !this.options.userActivation)
      throw new DOMException(
        'Requires a user gesture when availability is "downloadable"',
        'NotAllowedError',
      );
    this.created.push(pair);
    fireProgress(options.monitor, this.options.progress ?? [0, 1]);
    this.states.set(`${pair.sourceLanguage}>${pair.targetLanguage}`, 'available');
    return {
      translate: async (text, translateOptions) => {
        if (translateOptions?.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
        this.translated.push({ text, pair });
        const answer = this.options.translate ?? ((input) => `[${pair.targetLanguage}] ${input}`);
        return answer(text, pair, translateOptions?.signal);
      },
      destroy: () => {
        this.destroyed.push(pair);
      },
    };
  };
}

export interface FakeDetectorOptions {
  state?: AiAvailability;
  /** Results per text; defaults to English with high confidence. */
  detect?: (text: string) => LanguageDetectionResult[];
}

export class FakeLanguageDetector implements LanguageDetectorStatic {
  readonly detected: string[] = [];
  created = 0;

  constructor(private readonly options: FakeDetectorOptions = {}) {}

  availability = async (): Promise<AiAvailability> => this.options.state ?? 'available';

  create = async (options?: AiCreateOptions): Promise<LanguageDetectorInstance> => {
    if ((this.options.state ?? 'available') !== 'available')
      throw new DOMException('Requires a user gesture', 'NotAllowedError');
    this.created += 1;
    fireProgress(options?.monitor, [1]);
    return {
      detect: async (text) => {
        this.detected.push(text);
        return (
          this.options.detect?.(text) ?? [
            { detectedLanguage: 'en', confidence: 0.9 },
            { detectedLanguage: 'und', confidence: 0.1 },
          ]
        );
      },
    };
  };
}

/** Resolves after pending promise callbacks have run (not timers). */
export async function flushPromises(rounds = 10): Promise<void> {
  for (let round = 0; round < rounds; round += 1) await Promise.resolve();
}
