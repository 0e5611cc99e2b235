import { describe, expect, it } from 'vitest';
import { FakeProvider, ManualTimers, hang } from './fakes.testing';
import { runProviderTest, testSample } from './provider-test';
import { ProviderError } from './types';

describe('provider test', () => {
  it('translates Chinese for foreign readers and English for Chinese readers', () => {
    expect(testSample('en')).toEqual({ text: '你好，世界', from: 'zh-CN', to: 'en' });
    expect(testSample('ja')).toEqual({ text: '你好，世界', from: 'zh-CN', to: 'ja' });
    expect(testSample('zh-CN')).toEqual({ text: 'Hello, world', from: 'en', to: 'zh-CN' });
  });

  it('reports the answer and how long it took', async () => {
    const timers = new ManualTimers();
    const provider = new FakeProvider('libretranslate', (request) => {
      timers.time += 240;
      return { translations: request.texts.map(() => ' Hello, world ') };
    });
    const result = await runProviderTest(provider, testSample('en'), { timers });
    expect(result).toEqual({
      provider: 'libretranslate',
      sample: testSample('en'),
      translation: 'Hello, world',
      elapsedMs: 240,
    });
    expect(provider.calls[0]).toMatchObject({ texts: ['你好，世界'], from: 'zh-CN', to: 'en' });
    expect(timers.pending).toBe(0);
  });

  it('passes the provider’s own error on', async () => {
    const provider = new FakeProvider('deepl', () => {
      throw new ProviderError('quota', 'deepl answered HTTP 456', { status: 456 });
    });
    await expect(runProviderTest(provider, testSample('en'))).rejects.toMatchObject({ kind: 'quota' });
  });

  it('calls an empty or echoed answer a bad response', async () => {
    for (const answer of ['', '你好，世界']) {
      const provider = new FakeProvider('libretranslate', () => ({ translations: [answer] }));
      await expect(runProviderTest(provider, testSample('en'))).rejects.toMatchObject({
        kind: 'bad-response',
      });
    }
  });

  it('gives up with a timeout and aborts the request when nothing comes back', async () => {
    const timers = new ManualTimers();
    const provider = new FakeProvider('openai-compatible', hang);
    const outcome = runProviderTest(provider, testSample('en'), { timers, timeoutMs: 5_000 });
    const settled = expect(outcome).rejects.toMatchObject({ kind: 'timeout' });
    timers.advance(4_999);
    expect(provider.calls[0]!.signal.aborted).toBe(false);
    timers.advance(1);
    await settled;
    expect(provider.calls[0]!.signal.aborted).toBe(true);
  });
});
