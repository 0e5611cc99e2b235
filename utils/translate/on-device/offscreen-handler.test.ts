import { ProviderError } from '../types';
import type { OnDeviceApis } from './chrome-ai';
import { FakeLanguageDetector, FakeTranslator } from './fake-chrome-ai.testing';
import { createOffscreenHandler, toFailure } from './offscreen-handler';
import type { DownloadProgress, OffscreenReply, OffscreenRequest, OffscreenRequestType } from './protocol';

function handlerWith(apis: OnDeviceApis, progress: DownloadProgress[] = []) {
  return createOffscreenHandler({ apis: () => apis, onProgress: (event) => progress.push(event) });
}

let nextId = 0;
function request<K extends OffscreenRequestType>(type: K, payload: OffscreenRequest<K>['payload']) {
  nextId += 1;
  return { rbOffscreen: 1 as const, type, requestId: `t-${nextId}`, payload };
}

describe('offscreen handler: availability', () => {
  it.each(['available', 'downloadable', 'downloading', 'unavailable'] as const)(
    'answers %s as the API does',
    async (state) => {
      const translator = new FakeTranslator({ defaultState: state });
      const handler = handlerWith({ translator });
      await expect(handler.availability({ from: 'ja', to: 'en' })).resolves.toBe(state);
      expect(translator.availabilityCalls).toEqual([{ sourceLanguage: 'ja', targetLanguage: 'en' }]);
    },
  );

  it("answers 'unsupported' when the Translator global is missing", async () => {
    await expect(handlerWith({}).availability({ from: 'ja', to: 'en' })).resolves.toBe('unsupported');
  });

  it("answers 'unavailable' when availability() throws or answers nonsense", async () => {
    const throwing = new FakeTranslator();
    throwing.availability = async () => {
      throw new RangeError('Invalid language tag');
    };
    await expect(handlerWith({ translator: throwing }).availability({ from: 'xx', to: 'en' })).resolves.toBe(
      'unavailable',
    );
    const odd = new FakeTranslator();
    odd.availability = async () => 'readily' as never;
    await expect(handlerWith({ translator: odd }).availability({ from: 'ja', to: 'en' })).resolves.toBe(
      'unavailable',
    );
  });

  it("with 'auto' reports the language detector's availability", async () => {
    const translator = new FakeTranslator();
    await expect(
      handlerWith({
        translator,
        languageDetector: new FakeLanguageDetector({ state: 'downloadable' }),
      }).availability({
        from: 'auto',
        to: 'en',
      }),
    ).resolves.toBe('downloadable');
    await expect(handlerWith({ translator }).availability({ from: 'auto', to: 'en' })).resolves.toBe(
      'unavailable',
    );
  });
});

describe('offscreen handler: translate', () => {
  it('translates each text and makes one translator per pair', async () => {
    const translator = new FakeTranslator();
    const handler = handlerWith({ translator });
    await expect(handler.translate({ from: 'zh', to: 'en', texts: ['你好', '谢谢'] })).resolves.toEqual({
      translations: ['[en] 你好', '[en] 谢谢'],
      detected: [null, null],
    });
    await handler.translate({ from: 'zh', to: 'en', texts: ['再见'] });
    await handler.translate({ from: 'ja', to: 'en', texts: ['こんにちは'] });
    expect(translator.created).toEqual([
      { sourceLanguage: 'zh', targetLanguage: 'en' },
      { sourceLanguage: 'ja', targetLanguage: 'en' },
    ]);
  });

  it('shares one creation between concurrent requests for a pair', async () => {
    const translator = new FakeTranslator();
    const handler = handlerWith({ translator });
    await Promise.all([
      handler.translate({ from: 'zh', to: 'en', texts: ['一'] }),
      handler.translate({ from: 'zh', to: 'en', texts: ['二'] }),
      handler.translate({ from: 'zh', to: 'en', texts: ['三'] }),
    ]);
    expect(translator.created).toHaveLength(1);
  });

  it.each(['downloadable', 'downloading', 'unavailable'] as const)(
    "fails 'unavailable' without calling create() when the model is %s",
    async (state) => {
      const translator = new FakeTranslator({ defaultState: state });
      const reply = await handlerWith({ translator }).handle(
        request('translate', { from: 'ko', to: 'en', texts: ['안녕'] }),
      );
      expect(reply).toEqual({
        ok: false,
        error: { kind: 'unavailable', message: expect.stringContaining('ko→en') },
      });
      // Never starts a download: that needs a user gesture and is the user's decision.
      expect(translator.created).toEqual([]);
    },
  );

  it('tries again after a failed creation instead of caching the failure', async () => {
    const translator = new FakeTranslator({ defaultState: 'downloadable' });
    const handler = handlerWith({ translator });
    await expect(handler.translate({ from: 'ko', to: 'en', texts: ['안녕'] })).rejects.toMatchObject({
      kind: 'unavailable',
    });
    translator.states.set('ko>en', 'available');
    await expect(handler.translate({ from: 'ko', to: 'en', texts: ['안녕'] })).resolves.toMatchObject({
      translations: ['[en] 안녕'],
    });
  });

  it('reports download progress of create() with its pair', async () => {
    const progress: DownloadProgress[] = [];
    const handler = handlerWith({ translator: new FakeTranslator({ progress: [0, 0.5, 1] }) }, progress);
    await handler.translate({ from: 'zh', to: 'en', texts: ['你好'] });
    expect(progress).toEqual([
      { from: 'zh', to: 'en', loaded: 0 },
      { from: 'zh', to: 'en', loaded: 0.5 },
      { from: 'zh', to: 'en', loaded: 1 },
    ]);
  });

  it("detects the source per text with 'auto' and leaves texts already in the target alone", async () => {
    const translator = new FakeTranslator();
    const languageDetector = new FakeLanguageDetector({
      detect: (text) =>
        text.startsWith('こ')
          ? [{ detectedLanguage: 'ja', confidence: 0.95 }]
          : [{ detectedLanguage: 'en', confidence: 0.9 }],
    });
    const handler = handlerWith({ translator, languageDetector });
    await expect(
      handler.translate({ from: 'auto', to: 'en', texts: ['こんにちは', 'hello'] }),
    ).resolves.toEqual({
      translations: ['[en] こんにちは', 'hello'],
      detected: ['ja', 'en'],
    });
    expect(translator.created).toEqual([{ sourceLanguage: 'ja', targetLanguage: 'en' }]);
    expect(languageDetector.created).toBe(1);
  });

  it("fails 'bad-response' when the detector cannot tell the language", async () => {
    const handler = handlerWith({
      translator: new FakeTranslator(),
      languageDetector: new FakeLanguageDetector({
        detect: () => [{ detectedLanguage: 'und', confidence: 1 }],
      }),
    });
    await expect(handler.translate({ from: 'auto', to: 'en', texts: ['🙂'] })).rejects.toMatchObject({
      kind: 'bad-response',
    });
  });

  it('drops a destroyed translator so the next request builds a new one', async () => {
    let calls = 0;
    const translator = new FakeTranslator({
      translate: (text) => {
        calls += 1;
        if (calls === 1) throw new DOMException('The translator has been destroyed', 'InvalidStateError');
        return `ok ${text}`;
      },
    });
    const handler = handlerWith({ translator });
    const first = await handler.handle(request('translate', { from: 'zh', to: 'en', texts: ['一'] }));
    expect(first).toMatchObject({ ok: false, error: { kind: 'server' } });
    await expect(handler.translate({ from: 'zh', to: 'en', texts: ['二'] })).resolves.toMatchObject({
      translations: ['ok 二'],
    });
    expect(translator.created).toHaveLength(2);
  });
});

describe('offscreen handler: detect', () => {
  it('answers the most confident language, skipping und', async () => {
    const handler = handlerWith({
      translator: new FakeTranslator(),
      languageDetector: new FakeLanguageDetector({
        detect: () => [
          { detectedLanguage: 'und', confidence: 0.5 },
          { detectedLanguage: 'zh', confidence: 0.4 },
        ],
      }),
    });
    await expect(handler.detect('你好')).resolves.toEqual({ language: 'zh', confidence: 0.4 });
  });

  it("fails 'unavailable' without a LanguageDetector global or model", async () => {
    await expect(handlerWith({ translator: new FakeTranslator() }).detect('hi')).rejects.toMatchObject({
      kind: 'unavailable',
    });
    const notDownloaded = handlerWith({
      languageDetector: new FakeLanguageDetector({ state: 'downloadable' }),
    });
    await expect(notDownloaded.detect('hi')).rejects.toMatchObject({ kind: 'unavailable' });
  });
});

describe('offscreen handler: messages', () => {
  it('answers only requests addressed to the offscreen document', () => {
    const handler = handlerWith({ translator: new FakeTranslator() });
    expect(handler.handle({ rb: 1, type: 'translate', payload: {} })).toBeUndefined();
    expect(
      handler.handle({ rbOffscreen: 1, type: 'progress', payload: { from: 'a', to: 'b', loaded: 1 } }),
    ).toBeUndefined();
    expect(handler.handle('hello')).toBeUndefined();
    expect(handler.handle(request('availability', { from: 'zh', to: 'en' }))).toBeInstanceOf(Promise);
  });

  it('wraps answers and failures as replies', async () => {
    const handler = handlerWith({ translator: new FakeTranslator() });
    await expect(handler.handle(request('availability', { from: 'zh', to: 'en' }))).resolves.toEqual({
      ok: true,
      value: 'available',
    });
    await expect(
      handler.handle({
        rbOffscreen: 1,
        type: 'translate',
        requestId: 'x',
        payload: { from: 'zh', to: 'en' },
      }),
    ).resolves.toMatchObject({ ok: false, error: { kind: 'bad-response' } });
  });

  it('cancel aborts the named request in flight', async () => {
    const translator = new FakeTranslator({
      translate: (_text, _pair, signal) =>
        new Promise<string>((_resolve, reject) =>
          signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))),
        ),
    });
    const handler = handlerWith({ translator });
    const work = request('translate', { from: 'zh', to: 'en', texts: ['一', '二'] });
    const reply = handler.handle(work) as Promise<OffscreenReply>;
    await vi.waitFor(() => expect(translator.translated).toHaveLength(1));
    await expect(handler.handle(request('cancel', { requestId: work.requestId }))).resolves.toEqual({
      ok: true,
      value: true,
    });
    await expect(reply).resolves.toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    // The second text was never started.
    expect(translator.translated).toHaveLength(1);
  });
});

describe('toFailure', () => {
  it.each([
    ['AbortError', 'cancelled'],
    ['NotAllowedError', 'unavailable'],
    ['NotSupportedError', 'unavailable'],
    ['QuotaExceededError', 'bad-response'],
    ['OperationError', 'server'],
    ['SyntaxError', 'bad-response'],
  ])('maps %s to %s', (name, kind) => {
    expect(toFailure(new DOMException('x', name)).kind).toBe(kind);
  });

  it('keeps a ProviderError as it is', () => {
    expect(toFailure(new ProviderError('timeout', 'slow'))).toEqual({ kind: 'timeout', message: 'slow' });
  });
});
