import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { portPair } from '@/tests/support/fake-port';
import type { TranslateRequest } from '../translate/types';
import type { PortBatch, PortLike, PortResults } from './translation-port';
import { createPortTranslationClient } from './translation-port-client';

const request = (
  requestId: string,
  text = '猫税',
  priority: TranslateRequest['priority'] = 'visible',
): TranslateRequest => ({
  requestId,
  segments: [text],
  from: 'zh-CN',
  to: 'en',
  priority,
});

/** A background end that answers every request after `answerAfterMs`, recording what it got. */
function fakeBackground(background: PortLike & { posted: unknown[] }, answerAfterMs = 0) {
  const batches: PortBatch[] = [];
  background.onMessage.addListener((message) => {
    const batch = message as PortBatch;
    batches.push(batch);
    setTimeout(() => {
      const answer: PortResults = {
        type: 'results',
        results: batch.translate.map((r) =>
          r.segments[0] === 'fail'
            ? {
                requestId: r.requestId,
                ok: false,
                error: { kind: 'server', message: 'All translation services failed (server error)' },
              }
            : {
                requestId: r.requestId,
                ok: true,
                value: { translations: [`en:${r.segments[0]}`], provider: 'google-html' },
              },
        ),
      };
      try {
        background.postMessage(answer);
      } catch {
        // The port was closed meanwhile, like a worker that died mid-batch.
      }
    }, answerAfterMs);
  });
  return batches;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('port translation client', () => {
  it('sends everything asked in one turn as one message and settles each request with its answer', async () => {
    const { content, background } = portPair();
    const batches = fakeBackground(background);
    const connect = vi.fn(() => content);
    const client = createPortTranslationClient({ connect, timeoutMessage: 'no answer' });
    const answers = [client.translate(request('a', '猫税', 'near')), client.translate(request('b', 'fail'))];
    client.prioritize(['a']);
    const settled = Promise.allSettled(answers);
    await vi.advanceTimersByTimeAsync(0);
    expect(connect).toHaveBeenCalledTimes(1);
    expect(batches).toHaveLength(1);
    // Promoted before it left: changed in place, no separate promotion.
    expect(batches[0]).toMatchObject({
      translate: [
        { requestId: 'a', priority: 'visible' },
        { requestId: 'b', priority: 'visible' },
      ],
      prioritize: [],
      cancel: [],
    });
    const [first, second] = await settled;
    expect(first).toEqual({
      status: 'fulfilled',
      value: { translations: ['en:猫税'], provider: 'google-html' },
    });
    expect(second?.status).toBe('rejected');
    expect((second as PromiseRejectedResult).reason.failure).toEqual({
      kind: 'server',
      message: 'All translation services failed (server error)',
    });
  });

  it('sends the requests still waiting again on a new port when the worker goes away mid-batch', async () => {
    const first = portPair();
    const second = portPair();
    const firstBatches = fakeBackground(first.background, 1_000);
    const secondBatches = fakeBackground(second.background);
    const ports = [first.content, second.content];
    const client = createPortTranslationClient({
      connect: () => ports.shift()!,
      timeoutMessage: 'no answer',
      reconnectDelayMs: 50,
    });
    const answer = client.translate(request('a'));
    await vi.advanceTimersByTimeAsync(10);
    expect(firstBatches).toHaveLength(1);
    first.background.disconnect(); // Chrome stopped the worker before it answered
    await vi.advanceTimersByTimeAsync(60);
    expect(secondBatches.map((batch) => batch.translate.map((r) => r.requestId))).toEqual([['a']]);
    await expect(answer).resolves.toEqual({ translations: ['en:猫税'], provider: 'google-html' });
  });

  it('cancels: the request settles at once and the background is told', async () => {
    const { content, background } = portPair();
    const batches = fakeBackground(background, 1_000);
    const client = createPortTranslationClient({ connect: () => content, timeoutMessage: 'no answer' });
    const answer = client.translate(request('a')).catch((error) => error.failure.kind);
    await vi.advanceTimersByTimeAsync(0);
    client.cancel(['a']);
    expect(await answer).toBe('cancelled');
    await vi.advanceTimersByTimeAsync(0);
    expect(batches.map((batch) => batch.cancel)).toEqual([[], ['a']]);
  });

  it('never leaves a unit waiting: no answer becomes a timeout failure', async () => {
    const { content } = portPair();
    const client = createPortTranslationClient({
      connect: () => content,
      timeoutMs: 5_000,
      timeoutMessage: 'no answer from RedBridge',
    });
    const answer = client.translate(request('a')).catch((error) => error.failure);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await answer).toEqual({ kind: 'timeout', message: 'no answer from RedBridge' });
  });

  it("carries each priority as asked: holding and batching are the background queue's", async () => {
    const { content, background } = portPair();
    const batches = fakeBackground(background, 1_000);
    const client = createPortTranslationClient({ connect: () => content, timeoutMessage: 'no answer' });
    void client.translate(request('a', '一', 'near'));
    void client.translate(request('b', '二', 'visible'));
    await vi.advanceTimersByTimeAsync(0);
    expect(batches.map((batch) => batch.translate.map((r) => [r.requestId, r.priority]))).toEqual([
      [
        ['a', 'near'],
        ['b', 'visible'],
      ],
    ]);
  });

  it("tells the background of a promotion once the request has left, in the next turn's message", async () => {
    const { content, background } = portPair();
    const batches = fakeBackground(background, 1_000);
    const client = createPortTranslationClient({ connect: () => content, timeoutMessage: 'no answer' });
    void client.translate(request('a', '一', 'near'));
    await vi.advanceTimersByTimeAsync(0);
    client.prioritize(['a', 'unknown']);
    await vi.advanceTimersByTimeAsync(0);
    expect(batches.map((batch) => [batch.translate.length, batch.prioritize])).toEqual([
      [1, []],
      [0, ['a']],
    ]);
  });

  it('drops a cancelled request that has not left yet instead of sending it and its cancellation', async () => {
    const { content, background } = portPair();
    const batches = fakeBackground(background, 1_000);
    const client = createPortTranslationClient({ connect: () => content, timeoutMessage: 'no answer' });
    const first = client.translate(request('a', '一', 'near')).catch((error) => error.failure.kind);
    void client.translate(request('b', '二', 'near'));
    client.cancel(['a']);
    expect(await first).toBe('cancelled');
    await vi.advanceTimersByTimeAsync(300);
    expect(batches.map((batch) => [batch.translate.map((r) => r.requestId), batch.cancel])).toEqual([
      [['b'], []],
    ]);
  });

  it('times out each request after its own wait, with requests asked at different times', async () => {
    const { content } = portPair();
    const client = createPortTranslationClient({
      connect: () => content,
      timeoutMs: 5_000,
      timeoutMessage: 'no answer',
    });
    const kinds: string[] = [];
    void client.translate(request('a')).catch((error) => kinds.push(`a:${error.failure.kind}`));
    await vi.advanceTimersByTimeAsync(3_000);
    void client.translate(request('b')).catch((error) => kinds.push(`b:${error.failure.kind}`));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(kinds).toEqual(['a:timeout']);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(kinds).toEqual(['a:timeout']);
    await vi.advanceTimersByTimeAsync(1);
    expect(kinds).toEqual(['a:timeout', 'b:timeout']);
  });

  it('fails every waiting request with a reason when the extension can no longer be reached', async () => {
    const client = createPortTranslationClient({
      connect: () => {
        throw new Error('Extension context invalidated.');
      },
      timeoutMessage: 'no answer',
    });
    const answer = client.translate(request('a')).catch((error) => error.failure);
    await vi.advanceTimersByTimeAsync(0);
    expect(await answer).toEqual({ kind: 'internal', message: 'Extension context invalidated.' });
  });
});
