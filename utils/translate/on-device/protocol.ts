import type { ProviderErrorKind } from '../types';

/**
 * Messages between the background and the offscreen document that hosts Chrome's built-in
 * Translator. They travel over `runtime.sendMessage` like the main protocol (`utils/messages.ts`)
 * but carry `rbOffscreen` instead of `rb`, so neither side ever answers the other's messages:
 * every extension page receives every runtime message.
 *
 * Language tags here are the API's own (`zh`, `en`, …); the provider maps our codes before sending.
 * Runtime messages are JSON-serialised in Chrome, so "no value" is `null`, never `undefined`.
 */

/** Output path of `entrypoints/offscreen/index.html`. */
export const OFFSCREEN_DOCUMENT_PATH = 'offscreen.html';

/** The API's own answers plus 'unsupported': the `Translator` global does not exist here. */
export type OnDeviceAvailability =
  'unsupported' | 'unavailable' | 'downloadable' | 'downloading' | 'available';

export interface LanguagePair {
  /** A BCP-47 tag the API accepts, or 'auto' to detect it per text with LanguageDetector. */
  from: string;
  to: string;
}

export interface Detection {
  language: string;
  confidence: number;
}

export interface OffscreenProtocol {
  availability: { request: LanguagePair; response: OnDeviceAvailability };
  translate: {
    request: LanguagePair & { texts: string[] };
    /** `detected` holds the detected source tag per text when `from` was 'auto'. */
    response: { translations: string[]; detected: (string | null)[] };
  };
  detect: { request: { text: string }; response: Detection | null };
  /** Fire-and-forget: aborts the work of an earlier request. Answered with `true`. */
  cancel: { request: { requestId: string }; response: true };
}

export type OffscreenRequestType = keyof OffscreenProtocol;

export interface OffscreenRequest<K extends OffscreenRequestType = OffscreenRequestType> {
  rbOffscreen: 1;
  type: K;
  /** Chosen by the bridge so a later `cancel` can name the work to abort. */
  requestId: string;
  payload: OffscreenProtocol[K]['request'];
}

export interface OffscreenFailure {
  kind: ProviderErrorKind;
  message: string;
}

export type OffscreenReply<K extends OffscreenRequestType = OffscreenRequestType> =
  { ok: true; value: OffscreenProtocol[K]['response'] } | { ok: false; error: OffscreenFailure };

/**
 * Model download progress, sent by the offscreen document to whoever listens. The language
 * detector's model reports `from` and `to` as 'auto'.
 */
export interface DownloadProgress extends LanguagePair {
  /** Fraction in [0, 1], as the API's `downloadprogress` event reports it. */
  loaded: number;
}

export interface OffscreenProgressMessage {
  rbOffscreen: 1;
  type: 'progress';
  payload: DownloadProgress;
}

const REQUEST_TYPES: readonly string[] = ['availability', 'translate', 'detect', 'cancel'];

function isAddressed(message: unknown): message is { rbOffscreen: 1; type: unknown } {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { rbOffscreen?: unknown }).rbOffscreen === 1
  );
}

export function isOffscreenRequest(message: unknown): message is OffscreenRequest {
  return (
    isAddressed(message) &&
    typeof message.type === 'string' &&
    REQUEST_TYPES.includes(message.type) &&
    typeof (message as { requestId?: unknown }).requestId === 'string'
  );
}

export function isOffscreenProgress(message: unknown): message is OffscreenProgressMessage {
  if (!isAddressed(message) || message.type !== 'progress') return false;
  const payload = (message as { payload?: Partial<DownloadProgress> }).payload;
  return (
    typeof payload === 'object' &&
    payload !== null &&
    typeof payload.from === 'string' &&
    typeof payload.to === 'string' &&
    typeof payload.loaded === 'number'
  );
}

export function isOffscreenReply(message: unknown): message is OffscreenReply {
  if (typeof message !== 'object' || message === null) return false;
  const reply = message as { ok?: unknown; error?: unknown };
  if (reply.ok === true) return 'value' in reply;
  return reply.ok === false && typeof reply.error === 'object' && reply.error !== null;
}
