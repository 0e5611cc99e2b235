import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { portPair } from '@/tests/support/fake-port';
import type { TranslateRequest } from '@/utils/translate/types';
import type { TranslatedUnit } from '@/utils/transport/translation-port';
import { ProviderError } from '@/utils/translate/types';
import { MAX_SEGMENT_CHARS } from '@/utils/translate/request-schema';
import { servePort } from './translation-port';
import type { TranslationService } from './translation-service';

const request = (requestId: string, text: string): TranslateRequest => ({
  requestId,
  segments: [text],
  from: 'zh-CN',
  to: 'en',
  priority: 'near',
});

function fakeService() {
  const cancelled: string[][] = [];
  const prioritized: string[][] = [];
  const service = {
    translate: vi.fn(async (r: TranslateRequest): Promise<TranslatedUnit> => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (r.segments[0] === 'fail')
        throw new ProviderError('rate-limited', 'All translation services failed (rate limited)');
      return { translations: [`en:${r.segments[0]}`], provider: 'google-html' };
    }),
    cancel: vi.fn(async (ids: string[]) => (cancelled.push(ids), ids.length)),
    prioritize: vi.fn(async (ids: string[]) => (prioritized.push(ids), ids.length)),
  };
  return {
    service: service as unknown as TranslationService,
    cancelled,
    prioritized,
    translate: service.translate,
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('translation port (background side)', () => {
  it('runs a batch and sends back the answers that settle together in one message', async () => {
    const { content, background } = portPair();
    const { service, prioritized } = fakeService();
    servePort(background, service);
    const received: unknown[] = [];
    content.onMessage.addListener((message) => received.push(message));
    content.postMessage({
      type: 'batch',
      translate: [request('a', '猫税'), request('b', 'fail')],
      cancel: [],
      prioritize: ['a'],
    });
    await vi.advanceTimersByTimeAsync(200);
    expect(prioritized).toEqual([['a']]);
    expect(received).toEqual([
      {
        type: 'results',
        results: [
          { requestId: 'a', ok: true, value: { translations: ['en:猫税'], provider: 'google-html' } },
          {
            requestId: 'b',
            ok: false,
            error: { kind: 'rate-limited', message: 'All translation services failed (rate limited)' },
          },
        ],
      },
    ]);
  });

  it('cancels what a tab still waited for when its port closes', async () => {
    const { content, background } = portPair();
    const { service, cancelled } = fakeService();
    servePort(background, service);
    content.postMessage({ type: 'batch', translate: [request('a', '猫税')], cancel: [], prioritize: [] });
    await vi.advanceTimersByTimeAsync(10);
    content.disconnect();
    await vi.advanceTimersByTimeAsync(0);
    expect(cancelled).toEqual([['a']]);
  });

  it('answers a malformed request with a clear error and still runs the good ones beside it', async () => {
    const { content, background } = portPair();
    const { service, translate } = fakeService();
    servePort(background, service);
    const received: { results: { requestId: string; ok: boolean; error?: { kind: string } }[] }[] = [];
    content.onMessage.addListener((message) => received.push(message as never));
    content.postMessage({
      type: 'batch',
      translate: [
        request('good', '猫税'),
        { ...request('long', ''), segments: ['长'.repeat(MAX_SEGMENT_CHARS + 1)] },
        { ...request('extra', '猫'), endpoint: 'https://attacker.example' },
        { requestId: { toString: 'x' } },
        null,
      ],
      cancel: [],
      prioritize: [],
    });
    await vi.advanceTimersByTimeAsync(200);
    expect(translate.mock.calls.map(([r]) => r.requestId)).toEqual(['good']);
    const results = received.flatMap((message) => message.results);
    expect(results.map(({ requestId, ok, error }) => [requestId, ok, error?.kind])).toEqual([
      ['long', false, 'bad-request'],
      ['extra', false, 'bad-request'],
      ['good', true, undefined],
    ]);
  });

  it('drops messages that are not batches and cancels only the port’s own requests', async () => {
    const { content, background } = portPair();
    const { service, cancelled, prioritized, translate } = fakeService();
    servePort(background, service);
    for (const message of [
      null,
      'batch',
      { type: 'batch' },
      { type: 'batch', translate: 'all', cancel: [], prioritize: [] },
      { type: 'batch', translate: [], cancel: Array(5_000).fill('x'), prioritize: [] },
      { __proto__: { type: 'batch', translate: [], cancel: [], prioritize: [] } },
    ]) {
      content.postMessage(message);
    }
    content.postMessage({
      type: 'batch',
      translate: [request('mine', '猫税')],
      cancel: ['another-tab-request'],
      prioritize: ['another-tab-request'],
    });
    await vi.advanceTimersByTimeAsync(10);
    content.postMessage({ type: 'batch', translate: [], cancel: ['mine', 'another-tab'], prioritize: [] });
    await vi.advanceTimersByTimeAsync(0);
    expect(translate).toHaveBeenCalledTimes(1);
    expect(cancelled).toEqual([['mine']]);
    expect(prioritized).toEqual([]);
  });
});
