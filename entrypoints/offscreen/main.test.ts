import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FakeTranslator } from '@/utils/translate/on-device/fake-chrome-ai.testing';
import type { OffscreenRequest } from '@/utils/translate/on-device/protocol';
import { contentScriptSender, sendAs } from '@/tests/support/senders';

/** Loads the page script afresh: the shared setup resets the fake browser's listeners per test. */
async function loadPage() {
  vi.resetModules();
  await import('./main');
}

function translateRequest(texts: string[]): OffscreenRequest<'translate'> {
  return { rbOffscreen: 1, type: 'translate', requestId: 'r1', payload: { from: 'zh', to: 'en', texts } };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('offscreen page', () => {
  it("answers the bridge's requests with the page's Translator global", async () => {
    vi.stubGlobal('Translator', new FakeTranslator());
    await loadPage();
    await expect(fakeBrowser.runtime.sendMessage(translateRequest(['你好']))).resolves.toEqual({
      ok: true,
      value: { translations: ['[en] 你好'], detected: [null] },
    });
  });

  it('answers only the extension: a content script’s request goes unanswered', async () => {
    const translator = new FakeTranslator();
    vi.stubGlobal('Translator', translator);
    await loadPage();
    expect(await sendAs(contentScriptSender(), translateRequest(['你好']))).toBeUndefined();
    expect(await sendAs(undefined, translateRequest(['你好']))).toBeUndefined();
  });

  it("answers 'unsupported' where the Translator global is missing", async () => {
    await loadPage();
    await expect(
      fakeBrowser.runtime.sendMessage({
        rbOffscreen: 1,
        type: 'availability',
        requestId: 'r2',
        payload: { from: 'zh', to: 'en' },
      }),
    ).resolves.toEqual({ ok: true, value: 'unsupported' });
  });

  it('sends download progress as runtime messages', async () => {
    vi.stubGlobal('Translator', new FakeTranslator({ progress: [0, 1] }));
    const seen: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      seen.push(message);
      return undefined;
    });
    await loadPage();
    await fakeBrowser.runtime.sendMessage(translateRequest(['你好']));
    await vi.waitFor(() =>
      expect(seen).toContainEqual({
        rbOffscreen: 1,
        type: 'progress',
        payload: { from: 'zh', to: 'en', loaded: 1 },
      }),
    );
  });

  it('leaves the main protocol to the background', async () => {
    vi.stubGlobal('Translator', new FakeTranslator());
    await loadPage();
    await expect(
      fakeBrowser.runtime.sendMessage({ rb: 1, type: 'ping', payload: {} }),
    ).resolves.toBeUndefined();
  });
});
