import { ProviderError } from '../types';
import {
  MAX_RESPONSE_BYTES,
  errorFromResponse,
  expectCount,
  kindForStatus,
  parseRetryAfter,
  readJson,
  send,
} from './http';
import { networkFailure, recordedFetch, signal, textResponse } from './recorded-fetch.testing';

const options = { provider: 'google-html' as const, signal: signal() };

async function caught(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
  throw new Error('expected a ProviderError');
}

describe('kindForStatus', () => {
  it.each([
    [429, 'rate-limited'],
    [500, 'server'],
    [502, 'server'],
    [503, 'server'],
    [401, 'auth'],
    [403, 'auth'],
    [456, 'quota'],
    [400, 'bad-response'],
    [404, 'bad-response'],
    [413, 'bad-response'],
  ])('maps %i to %s', (status, kind) => {
    expect(kindForStatus(status)).toBe(kind);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-02T10:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
  });

  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfter('Mon, 02 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 02 Nov 2026 09:59:00 GMT', now)).toBe(0);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-3', now)).toBeUndefined();
  });
});

describe('send', () => {
  it('passes the request through with the caller signal and resolves on 2xx', async () => {
    const { fetch, requests } = recordedFetch(textResponse('ok'));
    const response = await send(fetch, 'https://example.test/x', { method: 'POST', body: 'b' }, options);
    expect(await response.text()).toBe('ok');
    expect(requests[0]).toMatchObject({
      url: 'https://example.test/x',
      method: 'POST',
      body: 'b',
      signal: options.signal,
    });
  });

  it('maps 429 with Retry-After seconds to rate-limited with retryAfterMs', async () => {
    const { fetch } = recordedFetch(
      textResponse('Too Many Requests', { status: 429, headers: { 'Retry-After': '12' } }),
    );
    const error = await caught(send(fetch, 'https://example.test', {}, options));
    expect(error.kind).toBe('rate-limited');
    expect(error.details).toEqual({ status: 429, retryAfterMs: 12_000, provider: 'google-html' });
    expect(error.transient).toBe(true);
  });

  it('maps 429 with a Retry-After date using the injected clock', async () => {
    const now = () => Date.parse('2026-11-02T10:00:00Z');
    const { fetch } = recordedFetch(
      textResponse('', { status: 429, headers: { 'Retry-After': 'Mon, 02 Nov 2026 10:01:00 GMT' } }),
    );
    const error = await caught(send(fetch, 'https://example.test', {}, { ...options, now }));
    expect(error.details.retryAfterMs).toBe(60_000);
  });

  it('maps 5xx to server and keeps a short single-line body in the message', async () => {
    const { fetch } = recordedFetch(
      textResponse('<html>\n<body>Internal   error</body></html>', { status: 500 }),
    );
    const error = await caught(send(fetch, 'https://example.test', {}, options));
    expect(error.kind).toBe('server');
    expect(error.message).toBe('google-html answered HTTP 500: <html> <body>Internal error</body></html>');
  });

  it('maps 401 and 403 to auth, 456 to quota, other 4xx to bad-response', async () => {
    for (const [status, kind] of [
      [401, 'auth'],
      [403, 'auth'],
      [456, 'quota'],
      [400, 'bad-response'],
    ] as const) {
      const { fetch } = recordedFetch(textResponse('', { status }));
      const error = await caught(send(fetch, 'https://example.test', {}, options));
      expect([error.kind, error.transient]).toEqual([kind, false]);
    }
  });

  it('lets a provider reclassify a status', async () => {
    const { fetch } = recordedFetch(textResponse('{"error":{"code":"insufficient_quota"}}', { status: 429 }));
    const classify = (status: number, body: string) =>
      body.includes('insufficient_quota') ? 'quota' : undefined;
    const error = await caught(send(fetch, 'https://example.test', {}, { ...options, classify }));
    expect(error.kind).toBe('quota');
  });

  it('maps a failed fetch to network', async () => {
    const { fetch } = recordedFetch(networkFailure());
    const error = await caught(send(fetch, 'https://example.test', {}, options));
    expect(error.kind).toBe('network');
    expect(error.message).toContain('Failed to fetch');
  });

  it('maps an AbortError to cancelled', async () => {
    const { fetch } = recordedFetch(new DOMException('The operation was aborted.', 'AbortError'));
    const error = await caught(send(fetch, 'https://example.test', {}, options));
    expect(error.kind).toBe('cancelled');
  });

  it('does not send at all when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { fetch, requests } = recordedFetch();
    const error = await caught(
      send(fetch, 'https://example.test', {}, { ...options, signal: controller.signal }),
    );
    expect(error.kind).toBe('cancelled');
    expect(requests).toHaveLength(0);
  });
});

describe('readJson', () => {
  it('parses JSON', async () => {
    await expect(readJson(textResponse('[1,2]'), options)).resolves.toEqual([1, 2]);
  });

  it('reports a non-JSON body as bad-response with what came back', async () => {
    const error = await caught(readJson(textResponse('<!doctype html><title>Sorry…</title>'), options));
    expect(error.kind).toBe('bad-response');
    expect(error.message).toBe('google-html: response is not JSON: <!doctype html><title>Sorry…</title>');
  });
});

describe('expectCount', () => {
  it('says what was expected and what came back', () => {
    expect(() => expectCount(['a', 'b', 'c', 'd'], 5, 'deepl')).toThrow(
      'deepl: expected 5 translations, got 4',
    );
    expect(() => expectCount([], 1, 'deepl')).toThrow('deepl: expected 1 translation, got 0');
    expect(() => expectCount(['a'], 1, 'deepl')).not.toThrow();
  });
});

describe('errorFromResponse', () => {
  it('omits retryAfterMs when there is no Retry-After header', async () => {
    const error = await errorFromResponse(textResponse('', { status: 503 }), options);
    expect(error.details).toEqual({ status: 503, provider: 'google-html' });
  });
});

describe('reading answers with a size cap', () => {
  const options = { provider: 'libretranslate' as const, signal: new AbortController().signal };

  it('reads an answer within the cap', async () => {
    expect(await readJson(new Response('{"translatedText":["hi"]}'), options)).toEqual({
      translatedText: ['hi'],
    });
  });

  it('refuses an answer that declares more than the cap, without reading it', async () => {
    const response = new Response('{}', { headers: { 'Content-Length': String(MAX_RESPONSE_BYTES + 1) } });
    await expect(readJson(response, options)).rejects.toMatchObject({ kind: 'bad-response' });
  });

  it('stops reading a streamed answer once it passes the cap', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(chunk);
      },
    });
    await expect(readJson(new Response(endless), options)).rejects.toMatchObject({
      kind: 'bad-response',
      message: expect.stringContaining('larger than'),
    });
    expect(pulled).toBeLessThanOrEqual(MAX_RESPONSE_BYTES / chunk.byteLength + 2);
  });
});
