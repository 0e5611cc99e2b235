import { ProviderError, type FetchLike, type ProviderErrorKind, type ProviderId } from '../types';

/** Decides the error kind for a status the default mapping gets wrong for one provider. */
export type StatusClassifier = (status: number, body: string) => ProviderErrorKind | undefined;

export interface SendOptions {
  provider: ProviderId;
  signal: AbortSignal;
  classify?: StatusClassifier;
  /** Injected so Retry-After dates can be tested without a real clock. */
  now?: () => number;
}

/**
 * Performs one HTTP exchange and turns every way it can fail into a ProviderError, so the chain
 * only ever has to reason about error kinds. Resolves only for 2xx responses.
 */
export async function send(
  fetch: FetchLike,
  url: string,
  init: RequestInit,
  options: SendOptions,
): Promise<Response> {
  const { provider, signal } = options;
  if (signal.aborted) throw cancelled(provider);
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal });
  } catch (error) {
    throw fetchFailure(error, signal, provider);
  }
  if (!response.ok) throw await errorFromResponse(response, options);
  return response;
}

/** Reads a response body as JSON; a body that is not JSON is a 'bad-response', not a crash. */
export async function readJson(
  response: Response,
  options: Pick<SendOptions, 'provider' | 'signal'>,
): Promise<unknown> {
  const body = await readText(response, options);
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw badResponse(options.provider, `response is not JSON: ${snippet(body)}`);
  }
}

/**
 * The most a provider's answer may hold. A full batch of translations is well under a megabyte; a
 * server that sends more is broken or hostile, and is not read into the worker's memory.
 */
export const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
/** Error bodies only feed a short message. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

async function readText(response: Response, { provider, signal }: Pick<SendOptions, 'provider' | 'signal'>) {
  try {
    const text = await readCapped(response, MAX_RESPONSE_BYTES);
    if (text === undefined) throw badResponse(provider, `answer larger than ${MAX_RESPONSE_BYTES} bytes`);
    return text;
  } catch (error) {
    // The body streams after the headers, so an abort or a dropped connection can land here too.
    throw fetchFailure(error, signal, provider);
  }
}

/**
 * A response body as text, or undefined once it passes `maxBytes`: the declared length is
 * checked first, then the stream is read only up to the cap and cancelled beyond it.
 */
export async function readCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}

export async function errorFromResponse(response: Response, options: SendOptions): Promise<ProviderError> {
  const { status } = response;
  const body = (await readCapped(response, MAX_ERROR_BODY_BYTES).catch(() => '')) ?? '';
  const kind = options.classify?.(status, body) ?? kindForStatus(status);
  const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), options.now?.() ?? Date.now());
  const detail = snippet(body);
  return new ProviderError(
    kind,
    `${options.provider} answered HTTP ${status}${detail ? `: ${detail}` : ''}`,
    {
      status,
      provider: options.provider,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    },
  );
}

export function kindForStatus(status: number): ProviderErrorKind {
  if (status === 429) return 'rate-limited';
  if (status === 401 || status === 403) return 'auth';
  if (status === 456) return 'quota';
  if (status >= 500) return 'server';
  return 'bad-response';
}

/** `Retry-After` is either delay-seconds or an HTTP-date; anything else is ignored. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // Date.parse accepts bare numbers like "-3" as years; an HTTP-date always names a month.
  const date = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

function fetchFailure(error: unknown, signal: AbortSignal, provider: ProviderId): ProviderError {
  if (error instanceof ProviderError) return error;
  if (signal.aborted || errorName(error) === 'AbortError') return cancelled(provider);
  const reason = error instanceof Error ? error.message : String(error);
  return new ProviderError('network', `${provider} could not be reached: ${reason}`, { provider });
}

/** DOMException is not an Error subclass in every realm (jsdom, some workers); compare by name. */
function errorName(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'name' in error ? error.name : undefined;
}

function cancelled(provider: ProviderId): ProviderError {
  return new ProviderError('cancelled', `${provider} request was cancelled`, { provider });
}

export function badResponse(provider: ProviderId, message: string): ProviderError {
  return new ProviderError('bad-response', `${provider}: ${message}`, { provider });
}

/** Guards the one-translation-per-input contract that every batching provider relies on. */
export function expectCount<T>(items: readonly T[], expected: number, provider: ProviderId): void {
  if (items.length !== expected) {
    throw badResponse(
      provider,
      `expected ${expected} translation${expected === 1 ? '' : 's'}, got ${items.length}`,
    );
  }
}

/** Error bodies go into messages shown in the options page; keep them short and single-line. */
function snippet(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}
