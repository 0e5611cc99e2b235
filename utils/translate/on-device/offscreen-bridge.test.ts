import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FakeTranslator, flushPromises } from './fake-chrome-ai.testing';
import {
  BRIDGE_DEFAULTS,
  createOffscreenBridge,
  type BridgeRuntime,
  type OffscreenApi,
} from './offscreen-bridge';
import { createOffscreenHandler } from './offscreen-handler';
import type { DownloadProgress, OffscreenProgressMessage, OffscreenRequest } from './protocol';

/**
 * The background and the offscreen document share the fake browser's in-memory messaging, so the
 * real handler answers the real bridge: only `chrome.offscreen` and `getContexts` are faked.
 */
function fakeChrome(
  options: { translator?: FakeTranslator; createDelayMs?: number; loadsListener?: boolean } = {},
) {
  const translator = options.translator ?? new FakeTranslator();
  const handler = createOffscreenHandler({ apis: () => ({ translator }) });
  let open = false;
  const sent: unknown[] = [];
  const offscreen: OffscreenApi & { createDocument: ReturnType<typeof vi.fn> } = {
    createDocument: vi.fn(async () => {
      if (open) throw new Error('Only a single offscreen document may be created.');
      if (options.createDelayMs) await new Promise((resolve) => setTimeout(resolve, options.createDelayMs));
      open = true;
      if (options.loadsListener !== false)
        fakeBrowser.runtime.onMessage.addListener((message: unknown) => handler.handle(message));
    }),
  };
  const runtime: BridgeRuntime = {
    sendMessage: (message) => {
      sent.push(message);
      return fakeBrowser.runtime.sendMessage(message);
    },
    getURL: (path) => fakeBrowser.runtime.getURL(path as never),
    getContexts: vi.fn(async () => (open ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : [])),
    onMessage: fakeBrowser.runtime.onMessage as unknown as BridgeRuntime['onMessage'],
  };
  return { translator, offscreen, runtime, sent, isOpen: () => open };
}

function progressMessage(payload: DownloadProgress): OffscreenProgressMessage {
  return { rbOffscreen: 1, type: 'progress', payload };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('offscreen bridge: the document', () => {
  it('creates the document once when requests arrive together', async () => {
    const chrome = fakeChrome({ createDelayMs: 5 });
    const bridge = createOffscreenBridge({ runtime: chrome.runtime, offscreen: chrome.offscreen });
    const answers = await Promise.all([
      bridge.availability({ from: 'zh', to: 'en' }),
      bridge.availability({ from: 'ja', to: 'en' }),
      bridge.translate({ from: 'zh', to: 'en', texts: ['你好'] }),
    ]);
    expect(answers).toEqual(['available', 'available', { translations: ['[en] 你好'], detected: [null] }]);
    expect(chrome.offscreen.createDocument).toHaveBeenCalledTimes(1);
    expect(chrome.offscreen.createDocument).toHaveBeenCalledWith({
      url: 'offscreen.html',
      reasons: ['WORKERS'],
      justification: expect.stringContaining('Translator'),
    });
    // Later requests find the document through getContexts and create nothing.
    await bridge.availability({ from: 'zh', to: 'en' });
    expect(chrome.offscreen.createDocument).toHaveBeenCalledTimes(1);
    expect(chrome.runtime.getContexts).toHaveBeenLastCalledWith({
      contextTypes: ['OFFSCREEN_DOCUMENT'],
      documentUrls: [fakeBrowser.runtime.getURL('/offscreen.html')],
    });
  });

  it('falls back to offscreen.hasDocument() where getContexts is missing', async () => {
    const chrome = fakeChrome();
    const { getContexts: _unused, ...runtime } = chrome.runtime;
    const hasDocument = vi.fn(async () => chrome.isOpen());
    const bridge = createOffscreenBridge({ runtime, offscreen: { ...chrome.offscreen, hasDocument } });
    await bridge.availability({ from: 'zh', to: 'en' });
    await bridge.availability({ from: 'zh', to: 'en' });
    expect(hasDocument).toHaveBeenCalledTimes(2);
    expect(chrome.offscreen.createDocument).toHaveBeenCalledTimes(1);
  });

  it('accepts a document another worker instance created first', async () => {
    const chrome = fakeChrome();
    await chrome.offscreen.createDocument({ url: 'offscreen.html', reasons: ['WORKERS'], justification: '' });
    // The check raced the other creation: it still says "no document".
    const runtime = { ...chrome.runtime, getContexts: async () => [] };
    const bridge = createOffscreenBridge({ runtime, offscreen: chrome.offscreen });
    await expect(bridge.availability({ from: 'zh', to: 'en' })).resolves.toBe('available');
  });

  it("fails 'unavailable' when the document cannot be created", async () => {
    const chrome = fakeChrome();
    chrome.offscreen.createDocument.mockRejectedValueOnce(new Error('Permission offscreen is required'));
    const bridge = createOffscreenBridge({ runtime: chrome.runtime, offscreen: chrome.offscreen });
    await expect(bridge.availability({ from: 'zh', to: 'en' })).rejects.toMatchObject({
      kind: 'unavailable',
      message: expect.stringContaining('could not be created'),
    });
    // The failure is not remembered: the next request tries again.
    await expect(bridge.availability({ from: 'zh', to: 'en' })).resolves.toBe('available');
  });

  it("answers 'unsupported' at once without the offscreen API (Firefox)", async () => {
    const chrome = fakeChrome();
    const bridge = createOffscreenBridge({ runtime: chrome.runtime, offscreen: null });
    expect(bridge.supported).toBe(false);
    await expect(bridge.availability({ from: 'zh', to: 'en' })).resolves.toBe('unsupported');
    await expect(bridge.translate({ from: 'zh', to: 'en', texts: ['x'] })).rejects.toMatchObject({
      kind: 'unavailable',
    });
    expect(chrome.sent).toEqual([]);
  });
});

describe('offscreen bridge: deadlines', () => {
  it("fails 'unavailable' within the control timeout when the document never answers", async () => {
    vi.useFakeTimers();
    // The document is created but its script never registers a listener that answers.
    const chrome = fakeChrome({ loadsListener: false });
    const runtime = { ...chrome.runtime, sendMessage: () => new Promise<unknown>(() => undefined) };
    const bridge = createOffscreenBridge({ runtime, offscreen: chrome.offscreen });
    const outcome = bridge.availability({ from: 'zh', to: 'en' }).then(
      () => 'answered',
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(BRIDGE_DEFAULTS.controlTimeoutMs - 1);
    let settled = false;
    void outcome.then(() => (settled = true));
    await flushPromises();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(outcome).resolves.toMatchObject({
      kind: 'unavailable',
      message: 'the on-device translator did not answer within 2 s',
    });
  });

  it("fails 'unavailable' within the control timeout when document creation hangs", async () => {
    vi.useFakeTimers();
    const chrome = fakeChrome();
    chrome.offscreen.createDocument.mockImplementation(() => new Promise<void>(() => undefined));
    const bridge = createOffscreenBridge({
      runtime: chrome.runtime,
      offscreen: chrome.offscreen,
      controlTimeoutMs: 1_000,
    });
    const outcome = bridge.availability({ from: 'zh', to: 'en' }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(outcome).resolves.toMatchObject({ kind: 'unavailable' });
  });

  it("fails 'unavailable' when nobody answers or the receiving end does not exist", async () => {
    const chrome = fakeChrome({ loadsListener: false });
    const silent = createOffscreenBridge({ runtime: chrome.runtime, offscreen: chrome.offscreen });
    silent.onProgress(() => undefined); // a listener that never answers requests
    await expect(silent.availability({ from: 'zh', to: 'en' })).rejects.toMatchObject({
      kind: 'unavailable',
      message: expect.stringContaining('no answer'),
    });
    const runtime = {
      ...chrome.runtime,
      sendMessage: async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    };
    const gone = createOffscreenBridge({ runtime, offscreen: chrome.offscreen });
    await expect(gone.availability({ from: 'zh', to: 'en' })).rejects.toMatchObject({
      kind: 'unavailable',
      message: expect.stringContaining('Receiving end does not exist'),
    });
  });

  it("fails 'timeout' when a translation takes too long, and tells the document to stop", async () => {
    vi.useFakeTimers();
    const translator = new FakeTranslator({ translate: () => new Promise<string>(() => undefined) });
    const chrome = fakeChrome({ translator });
    const bridge = createOffscreenBridge({ runtime: chrome.runtime, offscreen: chrome.offscreen });
    const outcome = bridge
      .translate({ from: 'zh', to: 'en', texts: ['你好'] })
      .catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(BRIDGE_DEFAULTS.translateTimeoutMs);
    await expect(outcome).resolves.toMatchObject({ kind: 'timeout' });
    const [translate] = chrome.sent as OffscreenRequest[];
    expect(chrome.sent).toContainEqual(
      expect.objectContaining({ type: 'cancel', payload: { requestId: translate?.requestId } }),
    );
  });
});

describe('offscreen bridge: cancellation and errors', () => {
  it("rejects 'cancelled' at once on abort and aborts the work in the document", async () => {
    let aborted = false;
    const translator = new FakeTranslator({
      translate: (_text, _pair, signal) =>
        new Promise<string>((_resolve, reject) =>
          signal?.addEventListener('abort', () => {
            aborted = true;
            reject(new DOMException('Aborted', 'AbortError'));
          }),
        ),
    });
    const chrome = fakeChrome({ translator });
    const bridge = createOffscreenBridge({ runtime: chrome.runtime, offscreen: chrome.offscreen });
    const controller = new AbortController();
    const outcome = bridge.translate({ from: 'zh', to: 'en', texts: ['你好'] }, controller.signal);
    await vi.waitFor(() => expect(translator.translated).toHaveLength(1));
    controller.abort();
    await expect(outcome).rejects.toMatchObject({ kind: 'cancelled' });
    await vi.waitFor(() => expect(aborted).toBe(true));
  });

  it('sends nothing for an already aborted signal', async () => {
    const chrome = fakeChrome();
    const bridge = createOffscreenBridge({ runtime: chrome.runtime, offscreen: chrome.offscreen });
    await expect(
      bridge.translate({ from: 'zh', to: 'en', texts: ['x'] }, AbortSignal.abort()),
    ).rejects.toMatchObject({ kind: 'cancelled' });
    expect(chrome.sent).toEqual([]);
  });

  it("passes the document's error kind through", async () => {
    const chrome = fakeChrome({ translator: new FakeTranslator({ defaultState: 'downloadable' }) });
    const bridge = createOffscreenBridge({ runtime: chrome.runtime, offscreen: chrome.offscreen });
    await expect(bridge.translate({ from: 'ko', to: 'en', texts: ['안녕'] })).rejects.toMatchObject({
      name: 'ProviderError',
      kind: 'unavailable',
      message: expect.stringContaining('not downloaded'),
      details: { provider: 'chrome-on-device' },
    });
  });
});

describe('offscreen bridge: download progress', () => {
  it('forwards progress messages to listeners until they unsubscribe', async () => {
    const chrome = fakeChrome();
    const bridge = createOffscreenBridge({ runtime: chrome.runtime, offscreen: chrome.offscreen });
    const seen: DownloadProgress[] = [];
    const unsubscribe = bridge.onProgress((progress) => seen.push(progress));
    await fakeBrowser.runtime.sendMessage(progressMessage({ from: 'zh', to: 'en', loaded: 0.25 }));
    await fakeBrowser.runtime.sendMessage({ rb: 1, type: 'ping', payload: {} });
    unsubscribe();
    await fakeBrowser.runtime.sendMessage(progressMessage({ from: 'zh', to: 'en', loaded: 1 }));
    expect(seen).toEqual([{ from: 'zh', to: 'en', loaded: 0.25 }]);
  });

  it('never answers messages itself', async () => {
    const chrome = fakeChrome();
    const bridge = createOffscreenBridge({ runtime: chrome.runtime, offscreen: chrome.offscreen });
    bridge.onProgress(() => undefined);
    await expect(
      fakeBrowser.runtime.sendMessage(progressMessage({ from: 'zh', to: 'en', loaded: 1 })),
    ).resolves.toBeUndefined();
    bridge.dispose();
    expect((fakeBrowser.runtime.onMessage as unknown as { hasListeners(): boolean }).hasListeners()).toBe(
      false,
    );
  });

  it('carries progress from create() in the document to the background', async () => {
    const translator = new FakeTranslator({ progress: [0, 1] });
    const handler = createOffscreenHandler({
      apis: () => ({ translator }),
      onProgress: (payload) => void fakeBrowser.runtime.sendMessage(progressMessage(payload)),
    });
    const chrome = fakeChrome();
    chrome.offscreen.createDocument.mockImplementation(async () => {
      fakeBrowser.runtime.onMessage.addListener((message: unknown) => handler.handle(message));
    });
    const bridge = createOffscreenBridge({ runtime: chrome.runtime, offscreen: chrome.offscreen });
    const seen: number[] = [];
    bridge.onProgress(({ loaded }) => seen.push(loaded));
    await bridge.translate({ from: 'zh', to: 'en', texts: ['你好'] });
    await vi.waitFor(() => expect(seen).toEqual([0, 1]));
  });
});
