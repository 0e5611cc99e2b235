import { browser } from 'wxt/browser';
import { systemTimers, type Timers } from '../timers';
import { ProviderError, type ProviderErrorKind } from '../types';
import { errorMessage } from './chrome-ai';
import {
  OFFSCREEN_DOCUMENT_PATH,
  isOffscreenProgress,
  isOffscreenReply,
  type Detection,
  type DownloadProgress,
  type LanguagePair,
  type OffscreenProtocol,
  type OffscreenRequest,
  type OffscreenRequestType,
  type OnDeviceAvailability,
} from './protocol';

/**
 * The background's way to Chrome's built-in Translator. The API is specified for windows only
 * (`[Exposed=Window]`; Chromium 156 also shows it in extension service workers, Chrome 138 does not),
 * so requests go to an offscreen document (`entrypoints/offscreen`) over runtime messaging. Every request has a deadline: a browser without the API, or a document that never
 * loaded, must cost the provider chain a second or two, never a hung request.
 */

export const BRIDGE_DEFAULTS = {
  /**
   * Availability and detection: creating the document and one round trip take well under 0.5 s;
   * past 2 s the document is not coming, and the chain should move on to a network provider.
   */
  controlTimeoutMs: 2_000,
  /**
   * One text through a downloaded model: usually under a second, longer when the model is first
   * loaded into memory. The chain's own deadline (10 s) normally fires first; this one only
   * guarantees that a direct caller is never left waiting.
   */
  translateTimeoutMs: 15_000,
} as const;

/** The subset of `chrome.offscreen` used here (absent in Firefox and in MV2). */
export interface OffscreenApi {
  createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
  /** Chrome 116 and earlier; `runtime.getContexts` replaces it. */
  hasDocument?(): Promise<boolean>;
}

type MessageListener = (message: unknown) => undefined;

export interface BridgeRuntime {
  sendMessage(message: unknown): Promise<unknown>;
  getURL(path: string): string;
  /** Chrome 116+. */
  getContexts?(filter: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]>;
  onMessage: {
    addListener(listener: MessageListener): void;
    removeListener(listener: MessageListener): void;
  };
}

export interface OffscreenBridgeDeps {
  runtime?: BridgeRuntime;
  /** `null` forces "no offscreen API" (as in Firefox); omitted means `browser.offscreen`. */
  offscreen?: OffscreenApi | null;
  timers?: Timers;
  controlTimeoutMs?: number;
  translateTimeoutMs?: number;
}

export type TranslateAnswer = OffscreenProtocol['translate']['response'];

export interface OffscreenBridge {
  /** False where there is no offscreen API (Firefox): nothing on-device can run. */
  readonly supported: boolean;
  /**
   * 'unsupported' at once without the offscreen API. Rejects with ProviderError 'unavailable' when
   * the document cannot be created or does not answer within the control timeout, 'cancelled' on
   * abort.
   */
  availability(pair: LanguagePair, signal?: AbortSignal): Promise<OnDeviceAvailability>;
  /** Rejects with the document's ProviderError kind, 'timeout', 'unavailable' or 'cancelled'. */
  translate(request: LanguagePair & { texts: string[] }, signal?: AbortSignal): Promise<TranslateAnswer>;
  detect(text: string, signal?: AbortSignal): Promise<Detection | null>;
  /** Creates the offscreen document unless it exists; concurrent callers share one creation. */
  ensureDocument(): Promise<void>;
  /** Model download progress reported by the document. Returns the unsubscribe function. */
  onProgress(listener: (progress: DownloadProgress) => void): () => void;
  /** Stops listening for progress messages. */
  dispose(): void;
}

const provider = 'chrome-on-device';

/**
 * No reason in `chrome.offscreen.Reason` names built-in AI. WORKERS ("needs to spawn workers") is
 * the closest honest fit: like a worker, the document exists only to run compute the service worker
 * cannot host, and the Translator runs its model off the page's thread. The justification states the
 * real purpose; only AUDIO_PLAYBACK changes a document's lifetime, so the choice has no other effect.
 */
const DOCUMENT_REASONS = ['WORKERS'];
const DOCUMENT_JUSTIFICATION =
  "Runs Chrome's built-in Translator and LanguageDetector APIs, which exist only in windows, to translate text on this device.";

export function createOffscreenBridge(deps: OffscreenBridgeDeps = {}): OffscreenBridge {
  const runtime = deps.runtime ?? (browser.runtime as unknown as BridgeRuntime);
  const offscreen =
    deps.offscreen === undefined
      ? (browser as unknown as { offscreen?: OffscreenApi }).offscreen
      : deps.offscreen;
  const timers = deps.timers ?? systemTimers;
  const controlTimeoutMs = deps.controlTimeoutMs ?? BRIDGE_DEFAULTS.controlTimeoutMs;
  const translateTimeoutMs = deps.translateTimeoutMs ?? BRIDGE_DEFAULTS.translateTimeoutMs;

  let creating: Promise<void> | undefined;
  let nextRequestId = 0;
  const progressListeners = new Set<(progress: DownloadProgress) => void>();
  const onRuntimeMessage: MessageListener = (message) => {
    if (!isOffscreenProgress(message)) return undefined;
    for (const listener of progressListeners) listener(message.payload);
    // Never answer: returning anything else would claim the reply meant for another listener.
    return undefined;
  };
  let listening = false;

  async function documentExists(api: OffscreenApi): Promise<boolean> {
    if (runtime.getContexts) {
      const contexts = await runtime.getContexts({
        contextTypes: ['OFFSCREEN_DOCUMENT'],
        documentUrls: [runtime.getURL(OFFSCREEN_DOCUMENT_PATH)],
      });
      return contexts.length > 0;
    }
    return (await api.hasDocument?.()) ?? false;
  }

  async function createIfMissing(api: OffscreenApi): Promise<void> {
    if (await documentExists(api)) return;
    try {
      await api.createDocument({
        url: OFFSCREEN_DOCUMENT_PATH,
        reasons: DOCUMENT_REASONS,
        justification: DOCUMENT_JUSTIFICATION,
      });
    } catch (error) {
      // Another worker instance (or a check that raced us) created it first: that is what we wanted.
      if (/single offscreen document|already/i.test(errorMessage(error))) return;
      throw error;
    }
  }

  function ensureDocument(): Promise<void> {
    if (!offscreen)
      return Promise.reject(unavailable('offscreen documents are not supported in this browser'));
    creating ??= createIfMissing(offscreen).finally(() => {
      creating = undefined;
    });
    return creating;
  }

  async function exchange<K extends OffscreenRequestType>(
    request: OffscreenRequest<K>,
  ): Promise<OffscreenProtocol[K]['response']> {
    try {
      await ensureDocument();
    } catch (error) {
      if (error instanceof ProviderError) throw error;
      throw unavailable(`the offscreen document could not be created: ${errorMessage(error)}`);
    }
    let reply: unknown;
    try {
      reply = await runtime.sendMessage(request);
    } catch (error) {
      // "Receiving end does not exist": the document is gone or has not registered its listener.
      throw unavailable(`the offscreen document could not be reached: ${errorMessage(error)}`);
    }
    if (!isOffscreenReply(reply)) throw unavailable('the offscreen document gave no answer');
    if (!reply.ok) throw new ProviderError(reply.error.kind, reply.error.message, { provider });
    return reply.value as OffscreenProtocol[K]['response'];
  }

  /** Tells the document to stop work nobody waits for any more. Best effort. */
  function sendCancel(requestId: string): void {
    const cancel: OffscreenRequest<'cancel'> = {
      rbOffscreen: 1,
      type: 'cancel',
      requestId: `${requestId}:cancel`,
      payload: { requestId },
    };
    runtime.sendMessage(cancel).catch(() => undefined);
  }

  function request<K extends Exclude<OffscreenRequestType, 'cancel'>>(
    type: K,
    payload: OffscreenProtocol[K]['request'],
    options: { timeoutMs: number; onTimeout: ProviderErrorKind; signal: AbortSignal | undefined },
  ): Promise<OffscreenProtocol[K]['response']> {
    const { signal, timeoutMs } = options;
    if (signal?.aborted) return Promise.reject(cancelled());
    nextRequestId += 1;
    const requestId = `od-${nextRequestId}`;
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (settle: () => void) => {
        if (settled) return;
        settled = true;
        timers.clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        settle();
      };
      const onAbort = () => {
        finish(() => reject(cancelled()));
        if (type !== 'availability') sendCancel(requestId);
      };
      const timer = timers.setTimeout(() => {
        const seconds = Math.round(timeoutMs / 100) / 10;
        finish(() =>
          reject(
            new ProviderError(
              options.onTimeout,
              `the on-device translator did not answer within ${seconds} s`,
              {
                provider,
              },
            ),
          ),
        );
        if (type !== 'availability') sendCancel(requestId);
      }, timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      exchange({ rbOffscreen: 1, type, requestId, payload }).then(
        (value) => finish(() => resolve(value)),
        (error: unknown) => finish(() => reject(error)),
      );
    });
  }

  return {
    supported: !!offscreen,
    availability(pair, signal) {
      if (!offscreen) return Promise.resolve('unsupported');
      return request('availability', pair, { timeoutMs: controlTimeoutMs, onTimeout: 'unavailable', signal });
    },
    translate(payload, signal) {
      if (!offscreen)
        return Promise.reject(unavailable('offscreen documents are not supported in this browser'));
      return request('translate', payload, { timeoutMs: translateTimeoutMs, onTimeout: 'timeout', signal });
    },
    detect(text, signal) {
      if (!offscreen)
        return Promise.reject(unavailable('offscreen documents are not supported in this browser'));
      return request('detect', { text }, { timeoutMs: controlTimeoutMs, onTimeout: 'unavailable', signal });
    },
    ensureDocument,
    onProgress(listener) {
      progressListeners.add(listener);
      if (!listening) {
        runtime.onMessage.addListener(onRuntimeMessage);
        listening = true;
      }
      return () => progressListeners.delete(listener);
    },
    dispose() {
      progressListeners.clear();
      if (listening) runtime.onMessage.removeListener(onRuntimeMessage);
      listening = false;
    },
  };
}

function unavailable(message: string): ProviderError {
  return new ProviderError('unavailable', message, { provider });
}

function cancelled(): ProviderError {
  return new ProviderError('cancelled', 'chrome-on-device request was cancelled', { provider });
}
