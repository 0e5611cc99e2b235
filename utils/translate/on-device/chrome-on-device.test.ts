import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ProviderError, type ProviderRequest } from '../types';
import {
  CHROME_ON_DEVICE_LIMITS,
  createChromeOnDeviceProvider,
  type ChromeOnDeviceDeps,
} from './chrome-on-device';
import { FakeLanguageDetector, FakeTranslator } from './fake-chrome-ai.testing';
import { createOffscreenBridge, type BridgeRuntime, type TranslateAnswer } from './offscreen-bridge';
import { createOffscreenHandler } from './offscreen-handler';
import type { LanguagePair, OnDeviceAvailability } from './protocol';

type Bridge = ChromeOnDeviceDeps['bridge'];

/** A bridge that answers as told and records what the provider asked. */
function fakeBridge(
  options: {
    supported?: boolean;
    state?: OnDeviceAvailability;
    translate?: (
      request: LanguagePair & { texts: string[] },
      signal?: AbortSignal,
    ) => Promise<TranslateAnswer>;
  } = {},
) {
  const availabilityCalls: LanguagePair[] = [];
  const translateCalls: (LanguagePair & { texts: string[] })[] = [];
  const bridge: Bridge = {
    supported: options.supported ?? true,
    availability: vi.fn(async (pair: LanguagePair) => {
      availabilityCalls.push(pair);
      return options.state ?? 'available';
    }),
    translate: vi.fn(async (request: LanguagePair & { texts: string[] }, signal?: AbortSignal) => {
      translateCalls.push(request);
      if (options.translate) return options.translate(request, signal);
      return {
        translations: request.texts.map((text) => `[${request.to}] ${text}`),
        detected: request.texts.map(() => null),
      };
    }),
  };
  return { bridge, availabilityCalls, translateCalls };
}

function request(overrides: Partial<ProviderRequest> = {}): ProviderRequest {
  return { texts: ['你好'], from: 'zh-CN', to: 'en', signal: new AbortController().signal, ...overrides };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('chrome-on-device provider', () => {
  it('takes batches as large as the keyless services, with small concurrency', () => {
    expect(CHROME_ON_DEVICE_LIMITS.maxItems).toBe(20);
    expect(CHROME_ON_DEVICE_LIMITS.concurrency).toBeLessThanOrEqual(2);
    expect(createChromeOnDeviceProvider(fakeBridge()).id).toBe('chrome-on-device');
  });

  it("maps zh-CN to the API's zh in both directions", async () => {
    const fake = fakeBridge();
    const provider = createChromeOnDeviceProvider(fake);
    await expect(provider.translate(request())).resolves.toMatchObject({ translations: ['[en] 你好'] });
    await provider.translate(request({ texts: ['Hello'], from: 'en', to: 'zh-CN' }));
    expect(fake.availabilityCalls).toEqual([
      { from: 'zh', to: 'en' },
      { from: 'en', to: 'zh' },
    ]);
    expect(fake.translateCalls).toEqual([
      { from: 'zh', to: 'en', texts: ['你好'] },
      { from: 'en', to: 'zh', texts: ['Hello'] },
    ]);
  });

  it('normalises detected languages onto our codes', async () => {
    const fake = fakeBridge({ translate: async () => ({ translations: ['Hello'], detected: ['zh'] }) });
    await expect(createChromeOnDeviceProvider(fake).translate(request({ from: 'auto' }))).resolves.toEqual({
      translations: ['Hello'],
      detected: ['zh-CN'],
    });
    expect(fake.availabilityCalls).toEqual([{ from: 'auto', to: 'en' }]);
  });

  it('answers blank texts locally', async () => {
    const fake = fakeBridge();
    await expect(
      createChromeOnDeviceProvider(fake).translate(request({ texts: ['  '] })),
    ).resolves.toMatchObject({
      translations: ['  '],
    });
    expect(fake.translateCalls).toEqual([]);
  });

  it("fails 'unavailable' at once where there is no offscreen API", async () => {
    const fake = fakeBridge({ supported: false });
    await expect(createChromeOnDeviceProvider(fake).translate(request())).rejects.toMatchObject({
      kind: 'unavailable',
      details: { provider: 'chrome-on-device' },
    });
    expect(fake.bridge.availability).not.toHaveBeenCalled();
  });

  it.each([
    ['unsupported', 'not available in this browser'],
    ['unavailable', 'cannot do zh→en'],
    ['downloadable', 'not downloaded yet'],
    ['downloading', 'still downloading'],
  ] as const)("fails 'unavailable' when the pair is %s, without translating", async (state, message) => {
    const fake = fakeBridge({ state });
    const error = await createChromeOnDeviceProvider(fake)
      .translate(request())
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'unavailable', message: expect.stringContaining(message) });
    expect(fake.translateCalls).toEqual([]);
  });

  it("passes the bridge's deadline failure through", async () => {
    const fake = fakeBridge();
    vi.mocked(fake.bridge.availability).mockRejectedValueOnce(
      new ProviderError('unavailable', 'the on-device translator did not answer within 2 s'),
    );
    await expect(createChromeOnDeviceProvider(fake).translate(request())).rejects.toMatchObject({
      kind: 'unavailable',
      message: expect.stringContaining('2 s'),
    });
  });

  it("trusts an 'available' answer for a while, and forgets it when the model goes missing", async () => {
    vi.useFakeTimers();
    let missing = false;
    const fake = fakeBridge({
      translate: async (req) => {
        if (missing)
          throw new ProviderError('unavailable', 'the on-device model for zh→en is not downloaded');
        return { translations: req.texts, detected: [null] };
      },
    });
    const provider = createChromeOnDeviceProvider({ ...fake, availabilityTtlMs: 60_000 });
    await provider.translate(request());
    await provider.translate(request());
    expect(fake.availabilityCalls).toHaveLength(1);
    vi.advanceTimersByTime(60_001);
    await provider.translate(request());
    expect(fake.availabilityCalls).toHaveLength(2);
    missing = true;
    await expect(provider.translate(request())).rejects.toMatchObject({ kind: 'unavailable' });
    missing = false;
    await provider.translate(request());
    expect(fake.availabilityCalls).toHaveLength(3);
  });

  it("fails 'bad-response' when the answer is misaligned", async () => {
    const fake = fakeBridge({ translate: async () => ({ translations: [], detected: [] }) });
    await expect(createChromeOnDeviceProvider(fake).translate(request())).rejects.toMatchObject({
      kind: 'bad-response',
    });
  });

  it("fails 'cancelled' for an aborted request without asking the bridge", async () => {
    const fake = fakeBridge();
    await expect(
      createChromeOnDeviceProvider(fake).translate(request({ signal: AbortSignal.abort() })),
    ).rejects.toMatchObject({ kind: 'cancelled' });
    expect(fake.bridge.availability).not.toHaveBeenCalled();
  });

  it('hands the request signal to the bridge so an abort stops the translation', async () => {
    const controller = new AbortController();
    const fake = fakeBridge({
      translate: (_req, signal) =>
        new Promise((_resolve, reject) =>
          signal?.addEventListener('abort', () => reject(new ProviderError('cancelled', 'cancelled'))),
        ),
    });
    const outcome = createChromeOnDeviceProvider(fake).translate(request({ signal: controller.signal }));
    await vi.waitFor(() => expect(fake.translateCalls).toHaveLength(1));
    controller.abort();
    await expect(outcome).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('does not translate between two spellings of the same language', async () => {
    const fake = fakeBridge();
    await expect(
      createChromeOnDeviceProvider(fake).translate(request({ from: 'en', to: 'en', texts: ['Hi'] })),
    ).resolves.toMatchObject({ translations: ['Hi'] });
    expect(fake.bridge.availability).not.toHaveBeenCalled();
  });
});

describe('chrome-on-device provider through the offscreen document', () => {
  /** Provider → bridge → fake messaging → handler → fake Translator global. */
  function wired(apis: Parameters<typeof createOffscreenHandler>[0]) {
    const handler = createOffscreenHandler(apis);
    const createDocument = vi.fn(async () => {
      fakeBrowser.runtime.onMessage.addListener((message: unknown) => handler.handle(message));
    });
    const runtime: BridgeRuntime = {
      sendMessage: (message) => fakeBrowser.runtime.sendMessage(message),
      getURL: (path) => fakeBrowser.runtime.getURL(path as never),
      getContexts: async () => (createDocument.mock.calls.length > 0 ? [{}] : []),
      onMessage: fakeBrowser.runtime.onMessage as unknown as BridgeRuntime['onMessage'],
    };
    const bridge = createOffscreenBridge({ runtime, offscreen: { createDocument } });
    return { provider: createChromeOnDeviceProvider({ bridge }), createDocument };
  }

  it('translates with a downloaded model', async () => {
    const translator = new FakeTranslator();
    const { provider } = wired({ apis: () => ({ translator }) });
    await expect(provider.translate(request())).resolves.toEqual({
      translations: ['[en] 你好'],
      detected: [undefined],
    });
    expect(translator.created).toEqual([{ sourceLanguage: 'zh', targetLanguage: 'en' }]);
  });

  it("translates from 'auto' with the language detector", async () => {
    const translator = new FakeTranslator();
    const languageDetector = new FakeLanguageDetector({
      detect: () => [{ detectedLanguage: 'ja', confidence: 1 }],
    });
    const { provider } = wired({ apis: () => ({ translator, languageDetector }) });
    await expect(provider.translate(request({ from: 'auto', texts: ['こんにちは'] }))).resolves.toEqual({
      translations: ['[en] こんにちは'],
      detected: ['ja'],
    });
  });

  it("reports 'unavailable' quickly when the page has no Translator global", async () => {
    const { provider } = wired({ apis: () => ({}) });
    await expect(provider.translate(request())).rejects.toMatchObject({
      kind: 'unavailable',
      message: expect.stringContaining('not available in this browser'),
    });
  });

  it('does not start a download for a model that is only downloadable', async () => {
    const translator = new FakeTranslator({ defaultState: 'downloadable' });
    const { provider } = wired({ apis: () => ({ translator }) });
    await expect(provider.translate(request())).rejects.toMatchObject({ kind: 'unavailable' });
    expect(translator.created).toEqual([]);
  });
});

describe('a pair without its on-device model', () => {
  it('falls back for that pair only and keeps on-device translation for the others', async () => {
    const { createProviderChain } = await import('../provider-chain');
    const { ProviderHealth } = await import('../provider-health');
    const { FakeProvider } = await import('../fakes.testing');
    const { bridge, availabilityCalls } = fakeBridge();
    vi.mocked(bridge.availability).mockImplementation(async (pair: LanguagePair) => {
      availabilityCalls.push(pair);
      return pair.to === 'zh' ? 'downloadable' : 'available';
    });
    const onDevice = createChromeOnDeviceProvider({ bridge });
    const google = new FakeProvider('google-html');
    const health = new ProviderHealth();
    const chain = createProviderChain({ providers: [onDevice, google], health, random: () => 0.5 });

    const first = await chain.translateBatch(['hello'], 'en', 'zh-CN');
    expect(first.providers).toEqual(['google-html']);
    const second = await chain.translateBatch(['hi there'], 'en', 'zh-CN');
    expect(second.providers).toEqual(['google-html']);
    // The missing model is remembered: the offscreen document is not asked again for it.
    expect(availabilityCalls.filter((pair) => pair.to === 'zh')).toHaveLength(1);

    expect(health.circuit('chrome-on-device')).toBe('closed');
    // Shown as skipped (for this pair), with the reason, until it translates something.
    expect(health.view(['chrome-on-device'])).toEqual([
      expect.objectContaining({ state: 'skipped', kind: 'unavailable' }),
    ]);
    const other = await chain.translateBatch(['你好'], 'zh-CN', 'en');
    expect(other.providers).toEqual(['chrome-on-device']);
    expect(health.view(['chrome-on-device'])).toEqual([{ id: 'chrome-on-device', state: 'working' }]);
  });
});
