import { ProviderError, type ProviderErrorKind } from '../types';
import {
  errorMessage,
  errorName,
  isAiAvailability,
  readOnDeviceApis,
  type AiAvailability,
  type CreateMonitorLike,
  type LanguageDetectorInstance,
  type OnDeviceApis,
  type TranslatorInstance,
} from './chrome-ai';
import { sameLanguageTag } from './language-tags';
import {
  isOffscreenRequest,
  type Detection,
  type DownloadProgress,
  type LanguagePair,
  type OffscreenFailure,
  type OffscreenProtocol,
  type OffscreenReply,
  type OffscreenRequest,
  type OnDeviceAvailability,
} from './protocol';

/**
 * What the offscreen document does with the bridge's requests. Kept apart from the page so it can
 * be tested with fake `Translator` / `LanguageDetector` globals; `entrypoints/offscreen/main.ts`
 * only connects it to `runtime.onMessage`.
 *
 * It never starts a model download: `create()` is only called once availability is 'available'
 * (Chrome refuses `create()` without a user gesture otherwise, and a download is the user's call).
 */
export interface OffscreenHandlerDeps {
  /** Read on every call; defaults to the page's globals. */
  apis?: () => OnDeviceApis;
  /** Receives `downloadprogress` from every `create()` this handler makes. */
  onProgress?: (progress: DownloadProgress) => void;
}

export interface OffscreenHandler {
  /** Answers a request addressed to the offscreen document; `undefined` for any other message. */
  handle(message: unknown): Promise<OffscreenReply> | undefined;
  availability(pair: LanguagePair): Promise<OnDeviceAvailability>;
  translate(
    request: OffscreenProtocol['translate']['request'],
    signal?: AbortSignal,
  ): Promise<OffscreenProtocol['translate']['response']>;
  detect(text: string, signal?: AbortSignal): Promise<Detection | null>;
}

const provider = 'chrome-on-device';

export function createOffscreenHandler(deps: OffscreenHandlerDeps = {}): OffscreenHandler {
  const apis = deps.apis ?? (() => readOnDeviceApis());
  const onProgress = deps.onProgress ?? (() => undefined);
  /** One translator per pair, shared by concurrent requests; dropped when creation fails. */
  const translators = new Map<string, Promise<TranslatorInstance>>();
  let detector: Promise<LanguageDetectorInstance> | undefined;
  /** Work in flight by request id, so the bridge's `cancel` can abort it. */
  const inFlight = new Map<string, AbortController>();

  async function availability({ from, to }: LanguagePair): Promise<OnDeviceAvailability> {
    const { translator, languageDetector } = apis();
    if (!translator) return 'unsupported';
    // With 'auto' the pair is only known per text; what can be checked up front is the detector.
    if (from === 'auto')
      return languageDetector ? settle(() => languageDetector.availability()) : 'unavailable';
    return settle(() => translator.availability({ sourceLanguage: from, targetLanguage: to }));
  }

  function monitorFor(pair: LanguagePair) {
    return (monitor: CreateMonitorLike) => {
      monitor.addEventListener('downloadprogress', (event) => onProgress({ ...pair, loaded: event.loaded }));
    };
  }

  function translatorFor(from: string, to: string): Promise<TranslatorInstance> {
    const key = `${from}>${to}`;
    let created = translators.get(key);
    if (!created) {
      created = (async () => {
        const state = await availability({ from, to });
        if (state !== 'available') throw notReady(state, `${from}→${to}`);
        const api = apis().translator;
        if (!api) throw notReady('unsupported', `${from}→${to}`);
        // No request signal here: the translator outlives the request that happened to create it.
        return api.create({ sourceLanguage: from, targetLanguage: to, monitor: monitorFor({ from, to }) });
      })();
      translators.set(key, created);
      created.catch(() => translators.delete(key));
    }
    return created;
  }

  function detectorInstance(): Promise<LanguageDetectorInstance> {
    if (!detector) {
      const created = (async () => {
        const api = apis().languageDetector;
        if (!api) throw failure('unavailable', 'the on-device language detector is not available here');
        const state = await settle(() => api.availability());
        if (state !== 'available') throw notReady(state, 'language detection');
        return api.create({ monitor: monitorFor({ from: 'auto', to: 'auto' }) });
      })();
      detector = created;
      created.catch(() => {
        if (detector === created) detector = undefined;
      });
    }
    return detector;
  }

  async function detect(text: string, signal?: AbortSignal): Promise<Detection | null> {
    const instance = await detectorInstance();
    const results = await instance.detect(text, signal ? { signal } : undefined);
    const best = results.find(({ detectedLanguage }) => !!detectedLanguage && detectedLanguage !== 'und');
    if (!best?.detectedLanguage) return null;
    return { language: best.detectedLanguage, confidence: best.confidence ?? 0 };
  }

  async function translate(
    { from, to, texts }: OffscreenProtocol['translate']['request'],
    signal?: AbortSignal,
  ): Promise<OffscreenProtocol['translate']['response']> {
    const translations: string[] = [];
    const detected: (string | null)[] = [];
    // One text at a time: that is how the API works, and a cancel stops before the next one.
    for (const text of texts) {
      if (signal?.aborted) throw failure('cancelled', 'on-device translation was cancelled');
      let source = from;
      if (from === 'auto') {
        const detection = await detect(text, signal);
        if (!detection) throw failure('bad-response', 'the on-device detector could not tell the language');
        source = detection.language;
      }
      detected.push(from === 'auto' ? source : null);
      if (sameLanguageTag(source, to)) {
        translations.push(text);
        continue;
      }
      const translator = await translatorFor(source, to);
      translations.push(
        await translateWith(translator, text, signal, () => translators.delete(`${source}>${to}`)),
      );
    }
    return { translations, detected };
  }

  async function run(request: OffscreenRequest): Promise<OffscreenReply> {
    const controller = new AbortController();
    inFlight.set(request.requestId, controller);
    try {
      return { ok: true, value: await dispatch(request, controller.signal) };
    } catch (error) {
      return { ok: false, error: toFailure(error) };
    } finally {
      inFlight.delete(request.requestId);
    }
  }

  async function dispatch(
    request: OffscreenRequest,
    signal: AbortSignal,
  ): Promise<OffscreenProtocol[keyof OffscreenProtocol]['response']> {
    const payload: unknown = request.payload;
    switch (request.type) {
      case 'availability':
        return availability(expectPair(payload));
      case 'translate': {
        const pair = expectPair(payload);
        const texts = (payload as { texts?: unknown }).texts;
        if (!Array.isArray(texts) || !texts.every((text) => typeof text === 'string'))
          throw failure('bad-response', 'translate needs texts');
        return translate({ ...pair, texts }, signal);
      }
      case 'detect': {
        const text = (payload as { text?: unknown } | null)?.text;
        if (typeof text !== 'string') throw failure('bad-response', 'detect needs a text');
        return detect(text, signal);
      }
      case 'cancel': {
        const requestId = (payload as { requestId?: unknown } | null)?.requestId;
        if (typeof requestId === 'string') inFlight.get(requestId)?.abort();
        return true;
      }
    }
  }

  return {
    handle: (message) => (isOffscreenRequest(message) ? run(message) : undefined),
    availability,
    translate,
    detect,
  };
}

async function translateWith(
  translator: TranslatorInstance,
  text: string,
  signal: AbortSignal | undefined,
  evict: () => void,
): Promise<string> {
  try {
    return await translator.translate(text, signal ? { signal } : undefined);
  } catch (error) {
    // A destroyed translator (InvalidStateError) is useless; the next request builds a new one.
    if (errorName(error) === 'InvalidStateError') evict();
    throw error;
  }
}

/** `availability()` may throw for tags it does not know; that is "unavailable", not a crash. */
async function settle(read: () => Promise<AiAvailability>): Promise<OnDeviceAvailability> {
  try {
    const state: unknown = await read();
    return isAiAvailability(state) ? state : 'unavailable';
  } catch {
    return 'unavailable';
  }
}

function expectPair(payload: unknown): LanguagePair {
  const { from, to } = (payload ?? {}) as Partial<LanguagePair>;
  if (typeof from !== 'string' || typeof to !== 'string')
    throw failure('bad-response', 'expected from and to');
  return { from, to };
}

function failure(kind: ProviderErrorKind, message: string): ProviderError {
  return new ProviderError(kind, message, { provider });
}

function notReady(state: OnDeviceAvailability, what: string): ProviderError {
  const reasons: Record<OnDeviceAvailability, string> = {
    unsupported: 'Chrome’s built-in Translator is not available in this browser',
    unavailable: `the on-device model cannot do ${what}`,
    downloadable: `the on-device model for ${what} is not downloaded`,
    downloading: `the on-device model for ${what} is still downloading`,
    available: `the on-device model for ${what} is ready`,
  };
  return failure('unavailable', reasons[state]);
}

/**
 * Maps what the API throws (DOMExceptions, by name) onto the kinds the provider chain reasons about.
 * Exported for tests.
 */
export function toFailure(error: unknown): OffscreenFailure {
  if (error instanceof ProviderError) return { kind: error.kind, message: error.message };
  const message = `on-device translation failed: ${errorMessage(error)}`;
  switch (errorName(error)) {
    case 'AbortError':
      return { kind: 'cancelled', message: 'on-device translation was cancelled' };
    // NotAllowedError: the model needs a download that needs a user gesture.
    case 'NotAllowedError':
    case 'NotSupportedError':
      return { kind: 'unavailable', message };
    // The text is larger than the model's input quota: another provider may take it.
    case 'QuotaExceededError':
      return { kind: 'bad-response', message };
    // The model process crashed or the translator was destroyed: worth one more try.
    case 'InvalidStateError':
    case 'OperationError':
    case 'UnknownError':
      return { kind: 'server', message };
    default:
      return { kind: 'bad-response', message };
  }
}
