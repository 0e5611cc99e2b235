import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MessageError, type TranslateRequest, type TranslateResult } from '../messages';
import { createTranslationClient } from './translation-client';

const request: TranslateRequest = {
  requestId: 'r1',
  segments: ['猫税'],
  from: 'zh-CN',
  to: 'en',
  priority: 'visible',
};
const result: TranslateResult = { translations: ['cat tax'], provider: 'google-html' };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('translation client', () => {
  it('sends again when the background could not be reached (a stopped worker), with growing pauses', async () => {
    const send = vi
      .fn<(request: TranslateRequest) => Promise<TranslateResult>>()
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockRejectedValueOnce(new Error('The message port closed before a response was received.'))
      .mockResolvedValueOnce(result);
    const translate = createTranslationClient({ send, retryDelayMs: 100, timeoutMessage: 'no answer' });
    const answer = translate(request);
    await vi.advanceTimersByTimeAsync(99);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(200);
    await expect(answer).resolves.toEqual(result);
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('passes on a failure the background reported, without sending again', async () => {
    const failure = new MessageError({
      kind: 'rate-limited',
      message: 'All translation services failed (rate limited)',
    });
    const send = vi.fn<(request: TranslateRequest) => Promise<TranslateResult>>().mockRejectedValue(failure);
    const translate = createTranslationClient({ send, timeoutMessage: 'no answer' });
    await expect(translate(request)).rejects.toBe(failure);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('gives up after its attempts', async () => {
    const send = vi
      .fn<(request: TranslateRequest) => Promise<TranslateResult>>()
      .mockRejectedValue(new Error('gone'));
    const translate = createTranslationClient({
      send,
      attempts: 3,
      retryDelayMs: 10,
      timeoutMessage: 'no answer',
    });
    const answer = translate(request).catch((error: Error) => error.message);
    await vi.advanceTimersByTimeAsync(100);
    expect(await answer).toBe('gone');
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('never leaves a unit waiting: an answer that does not come becomes a timeout failure', async () => {
    const send = vi.fn<(request: TranslateRequest) => Promise<TranslateResult>>(
      () => new Promise(() => undefined),
    );
    const translate = createTranslationClient({
      send,
      timeoutMs: 5_000,
      timeoutMessage: 'no answer from RedBridge',
    });
    const answer = translate(request).catch((error: MessageError) => error.failure);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await answer).toEqual({ kind: 'timeout', message: 'no answer from RedBridge' });
  });
});
