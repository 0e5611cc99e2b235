import { ProviderError, type FetchLike, type ProviderRequest, type TranslationProvider } from '../types';
import {
  jsonResponse,
  networkFailure,
  recordedFetch,
  signal,
  textResponse,
  type ScriptedAnswer,
} from './recorded-fetch.testing';

/** Test support: the error mapping every HTTP provider must honour, run against each of them. */

export interface ErrorContract {
  create(fetch: FetchLike): TranslationProvider;
  request?: Partial<ProviderRequest>;
  /** A well-formed answer carrying one translation fewer than `request.texts`. */
  misaligned(): Response;
  misalignedMessage: string | RegExp;
}

export async function translationError(
  provider: TranslationProvider,
  request: ProviderRequest,
): Promise<ProviderError> {
  try {
    await provider.translate(request);
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
  throw new Error('expected translate() to fail');
}

export function describeErrorMapping(contract: ErrorContract): void {
  const fail = (answer: ScriptedAnswer) => {
    const { fetch } = recordedFetch(answer);
    const provider = contract.create(fetch);
    return translationError(provider, {
      texts: ['你好', '世界'],
      from: 'auto',
      to: 'en',
      signal: signal(),
      ...contract.request,
    });
  };

  describe('error mapping', () => {
    it('429 with Retry-After → rate-limited with retryAfterMs', async () => {
      const error = await fail(
        textResponse('Too Many Requests', { status: 429, headers: { 'Retry-After': '3' } }),
      );
      expect(error.kind).toBe('rate-limited');
      expect(error.details).toMatchObject({ status: 429, retryAfterMs: 3000 });
      expect(error.details.provider).toBeTruthy();
    });

    it('500 → server', async () => {
      expect((await fail(textResponse('Internal Server Error', { status: 500 }))).kind).toBe('server');
    });

    it('401 and 403 → auth', async () => {
      expect((await fail(jsonResponse({ message: 'Unauthorized' }, { status: 401 }))).kind).toBe('auth');
      expect((await fail(jsonResponse({ message: 'Forbidden' }, { status: 403 }))).kind).toBe('auth');
    });

    it('456 → quota', async () => {
      expect((await fail(jsonResponse({ message: 'Quota Exceeded' }, { status: 456 }))).kind).toBe('quota');
    });

    it('fetch failure → network', async () => {
      expect((await fail(networkFailure())).kind).toBe('network');
    });

    it('AbortError → cancelled', async () => {
      expect((await fail(new DOMException('The user aborted a request.', 'AbortError'))).kind).toBe(
        'cancelled',
      );
    });

    it('a body that is not JSON → bad-response', async () => {
      const error = await fail(textResponse('<!DOCTYPE html><html><title>Error 502</title></html>'));
      expect(error.kind).toBe('bad-response');
      expect(error.message).toContain('not JSON');
    });

    it('JSON of the wrong shape → bad-response', async () => {
      expect((await fail(jsonResponse({ unexpected: true }))).kind).toBe('bad-response');
    });

    it('one translation fewer than asked → bad-response saying so', async () => {
      const error = await fail(contract.misaligned());
      expect(error.kind).toBe('bad-response');
      expect(error.message).toMatch(contract.misalignedMessage);
    });
  });
}
