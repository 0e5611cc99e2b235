import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { I18nRoot } from '@/components/i18n-root';
import type { MessageFailure } from '@/utils/transport/messages';
import { loadSettings, updateSettings } from '@/utils/settings';
import {
  DEFAULT_PROVIDER_SETTINGS,
  type ProviderConfig,
  type ProviderSettings,
} from '@/utils/translate/provider-config';
import { FakeTranslator } from '@/utils/translate/on-device/fake-chrome-ai.testing';
import type { KeyStatuses } from '@/utils/translate/setup-protocol';
import { ProvidersSection } from './providers-section';

/** The provider settings the mocked background holds (in its database, in the extension). */
let providerConfig: ProviderConfig;

beforeEach(() => {
  providerConfig = { providers: structuredClone(DEFAULT_PROVIDER_SETTINGS), unconfirmed: [] };
});

afterEach(() => {
  cleanup();
  delete (globalThis as { Translator?: unknown }).Translator;
});

const NO_KEYS: KeyStatuses = {
  deepl: { set: false },
  openaiCompatible: { set: false },
  libretranslate: { set: false },
};

type Handler = (payload: Record<string, unknown>) => unknown;

/** Plays the background at the message level; records what the page sent. */
function mockBackground(handlers: Record<string, Handler> = {}) {
  const received: { type: string; payload: Record<string, unknown> }[] = [];
  const all: Record<string, Handler> = {
    getKeyStatus: () => NO_KEYS,
    getProviderConfig: () => providerConfig,
    saveProviderSettings: ({ providers }) => {
      providerConfig = { providers: providers as ProviderSettings, unconfirmed: [] };
      return providerConfig;
    },
    ...handlers,
  };
  browser.runtime.onMessage.addListener(((message: { type?: string; payload?: Record<string, unknown> }) => {
    const handler = message.type ? all[message.type] : undefined;
    if (!handler) return undefined;
    received.push({ type: message.type!, payload: message.payload ?? {} });
    return Promise.resolve()
      .then(() => handler(message.payload ?? {}))
      .then(
        (value) => ({ ok: true, value }),
        (error: MessageFailure) => ({ ok: false, error }),
      );
  }) as never);
  return received;
}

const fail = (kind: MessageFailure['kind'], message: string) => () => Promise.reject({ kind, message });

function grantPermissions(granted = true) {
  return vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(granted);
}

const renderSection = () =>
  render(
    <I18nRoot>
      <ProvidersSection />
    </I18nRoot>,
  );

const row = (id: string) => document.querySelector<HTMLElement>(`[data-provider="${id}"]`)!;

async function configureLibre(baseUrl = 'https://libre.example.org', key = '') {
  providerConfig.providers.libretranslate.baseUrl = baseUrl;
  await updateSettings({ providerOrder: ['libretranslate', 'google-html'] });
  if (key) return { ...NO_KEYS, libretranslate: { set: true } };
  return NO_KEYS;
}

describe('translation services: the chain', () => {
  it('lists the services in use in order with what each needs, and those not in use', async () => {
    await updateSettings({ uiLanguage: 'en' });
    mockBackground();
    renderSection();
    const inUse = await screen.findByRole('list', { name: 'Services in use, in order' });
    expect(
      within(inUse)
        .getAllByRole('checkbox')
        .map((box) => box.getAttribute('id')),
    ).toEqual([
      'provider-use-chrome-on-device',
      'provider-use-google-html',
      'provider-use-microsoft-edge',
      'provider-use-google-gtx',
    ]);
    expect(within(row('chrome-on-device')).getByText('On this device: text never leaves it')).toBeTruthy();
    expect(within(row('google-html')).getByText('Free, no key needed')).toBeTruthy();
    const notInUse = screen.getByRole('list', { name: 'Not in use' });
    expect(within(notInUse).getByRole('checkbox', { name: 'Use DeepL' })).toBeTruthy();
    expect(within(row('deepl')).getByText('Needs your API key')).toBeTruthy();
    expect(within(row('deepl')).getByText('Not set up: fill in its details below')).toBeTruthy();
    expect(within(row('libretranslate')).getByText('Your own server, key optional')).toBeTruthy();
    // Nothing to test before it is set up.
    expect(within(row('deepl')).getByRole('button', { name: 'Test DeepL' })).toHaveProperty('disabled', true);
  });

  it('moves a service with its buttons, keeping the focus on it, and switches services on and off', async () => {
    await updateSettings({ uiLanguage: 'en' });
    mockBackground();
    renderSection();
    const up = await screen.findByRole('button', { name: 'Move Microsoft Translator up' });
    up.focus();
    fireEvent.click(up);
    await waitFor(async () =>
      expect((await loadSettings()).providerOrder).toEqual([
        'chrome-on-device',
        'microsoft-edge',
        'google-html',
        'google-gtx',
      ]),
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Move Microsoft Translator up' }),
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Move Microsoft Translator up' }));
    // At the top its "up" button is disabled, so the focus goes to "down".
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Move Microsoft Translator down' }),
      ),
    );
    expect((await loadSettings()).providerOrder[0]).toBe('microsoft-edge');
    expect(screen.getByRole('button', { name: 'Move Microsoft Translator up' })).toHaveProperty(
      'disabled',
      true,
    );

    fireEvent.click(screen.getByRole('checkbox', { name: 'Use Google Translate (backup)' }));
    await waitFor(async () => expect((await loadSettings()).providerOrder).not.toContain('google-gtx'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Use LibreTranslate' }));
    await waitFor(async () => expect((await loadSettings()).providerOrder.at(-1)).toBe('libretranslate'));
  });

  it('keeps the last service in use', async () => {
    await updateSettings({ uiLanguage: 'en', providerOrder: ['google-html'] });
    mockBackground();
    renderSection();
    const last = await screen.findByRole('checkbox', { name: 'Use Google Translate' });
    expect(last).toHaveProperty('disabled', true);
    expect(screen.getByText('At least one service stays in use.')).toBeTruthy();
  });
});

describe('translation services: keys and servers', () => {
  it('saves a LibreTranslate server and key: asks for the host in the click, key to the background only', async () => {
    await updateSettings({ uiLanguage: 'en' });
    const request = grantPermissions();
    const received = mockBackground({
      saveProviderKey: () => ({ ...NO_KEYS, libretranslate: { set: true, hint: 'WXYZ' } }),
    });
    renderSection();
    const form = (await screen.findByRole('group', { name: 'LibreTranslate' })) as HTMLElement;
    fireEvent.change(within(form).getByLabelText('Server address'), {
      target: { value: ' https://libre.example.org/ ' },
    });
    fireEvent.change(within(form).getByLabelText('API key (optional)'), {
      target: { value: 'libre-secret-key-0123WXYZ' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save LibreTranslate' }));
    // Asked synchronously, while the click's user activation is live.
    expect(request).toHaveBeenCalledWith({ origins: ['https://libre.example.org/*'] });
    await within(form).findByText('LibreTranslate saved.');
    expect(providerConfig.providers.libretranslate.baseUrl).toBe('https://libre.example.org/');
    const sent = received.map((message) => message.type);
    expect(sent.indexOf('saveProviderSettings')).toBeLessThan(sent.indexOf('saveProviderKey'));
    expect(received.find((message) => message.type === 'saveProviderKey')?.payload).toEqual({
      id: 'libretranslate',
      key: 'libre-secret-key-0123WXYZ',
    });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('libre-secret');
    expect(within(form).getByText('A key ending in …WXYZ is saved.')).toBeTruthy();
    expect((within(form).getByLabelText('API key (optional)') as HTMLInputElement).value).toBe('');
  });

  it('says clearly when the permission for the host is refused, and saves nothing', async () => {
    await updateSettings({ uiLanguage: 'en' });
    grantPermissions(false);
    const received = mockBackground({ saveProviderKey: () => NO_KEYS });
    renderSection();
    const form = (await screen.findByRole('group', { name: 'OpenAI-compatible AI' })) as HTMLElement;
    fireEvent.change(within(form).getByRole('combobox', { name: 'Service' }), {
      target: { value: 'deepseek' },
    });
    expect((within(form).getByLabelText('Base URL') as HTMLInputElement).value).toBe(
      'https://api.deepseek.com/v1',
    );
    expect((within(form).getByLabelText('Model') as HTMLInputElement).value).toBe('deepseek-chat');
    fireEvent.change(within(form).getByLabelText('API key'), { target: { value: 'sk-deepseek' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save OpenAI-compatible AI' }));
    await within(form).findByText(
      'RedBridge was not allowed to reach api.deepseek.com, so it cannot use this service. Press the button again and choose Allow.',
    );
    expect(providerConfig.providers.openaiCompatible.baseUrl).toBe('https://api.openai.com/v1');
    expect(received.some((message) => message.type === 'saveProviderKey')).toBe(false);
    expect(received.some((message) => message.type === 'saveProviderSettings')).toBe(false);
  });

  it('offers Ollama without a key and checks the address before asking anything', async () => {
    await updateSettings({ uiLanguage: 'en' });
    const request = grantPermissions();
    mockBackground();
    renderSection();
    const form = (await screen.findByRole('group', { name: 'OpenAI-compatible AI' })) as HTMLElement;
    fireEvent.change(within(form).getByRole('combobox', { name: 'Service' }), {
      target: { value: 'ollama' },
    });
    expect(within(form).getByLabelText('API key (optional)')).toBeTruthy();
    expect(within(form).getByText(/needs no key/)).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Base URL'), { target: { value: 'localhost:11434' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save OpenAI-compatible AI' }));
    expect(
      within(form).getByText(
        'Enter a full address starting with https:// (http:// only for a server on this computer).',
      ),
    ).toBeTruthy();
    expect(request).not.toHaveBeenCalled();
  });

  it('shows a saved DeepL key only as saved, and removes it', async () => {
    await updateSettings({ uiLanguage: 'en' });
    const received = mockBackground({
      getKeyStatus: () => ({ ...NO_KEYS, deepl: { set: true, hint: 'ab12' } }),
      removeProviderKey: () => NO_KEYS,
    });
    renderSection();
    const form = (await screen.findByRole('group', { name: 'DeepL' })) as HTMLElement;
    await within(form).findByText('A key ending in …ab12 is saved.');
    expect((within(form).getByLabelText('API key') as HTMLInputElement).value).toBe('');
    fireEvent.click(within(form).getByRole('button', { name: 'Remove key' }));
    await within(form).findByText('The DeepL key was removed.');
    expect(within(form).getByText('No key saved.')).toBeTruthy();
    expect(received.at(-1)).toEqual({ type: 'removeProviderKey', payload: { id: 'deepl' } });
  });
});

describe('translation services: tests', () => {
  it('shows the sample and its translation when a provider works', async () => {
    const keys = await configureLibre();
    await updateSettings({ uiLanguage: 'en', readerLanguage: 'en' });
    const request = grantPermissions();
    const received = mockBackground({
      getKeyStatus: () => keys,
      testProvider: ({ id }) => ({
        provider: id,
        sample: { text: '你好，世界', from: 'zh-CN', to: 'en' },
        translation: 'Hello, world',
        elapsedMs: 1234,
      }),
    });
    renderSection();
    fireEvent.click(await screen.findByRole('button', { name: 'Test LibreTranslate' }));
    expect(request).toHaveBeenCalledWith({ origins: ['https://libre.example.org/*'] });
    await within(row('libretranslate')).findByText(
      `Works: “你好，世界” → “Hello, world” (${(1234).toLocaleString()} ms)`,
    );
    expect(received.find((message) => message.type === 'testProvider')?.payload).toEqual({
      id: 'libretranslate',
      to: 'en',
    });
  });

  it.each([
    [
      'a refused key',
      fail('auth', 'libretranslate answered HTTP 403: {"error":"Invalid API key"}'),
      'LibreTranslate refused the API key. Check the key (and, for DeepL, the plan it belongs to).',
    ],
    [
      'an unreachable server',
      fail('network', 'libretranslate could not be reached: Failed to fetch'),
      'Could not reach libre.example.org. Check the address and that the server is running and reachable from this computer.',
    ],
    [
      'a quota used up',
      fail('quota', 'libretranslate answered HTTP 456'),
      'LibreTranslate says the quota is used up. Check your plan or usage limits, or put another service first.',
    ],
    [
      'an answer of another shape',
      fail('bad-response', 'libretranslate: expected {"translatedText": [...]}'),
      'libre.example.org answered, but not the way LibreTranslate does. Check the address (and the model name).',
    ],
  ])('explains %s in English, with the details', async (_, answer, summary) => {
    const keys = await configureLibre();
    await updateSettings({ uiLanguage: 'en' });
    grantPermissions();
    mockBackground({ getKeyStatus: () => keys, testProvider: answer });
    renderSection();
    fireEvent.click(await screen.findByRole('button', { name: 'Test LibreTranslate' }));
    await within(row('libretranslate')).findByText(summary);
    expect(within(row('libretranslate')).getByText(/^Details: libretranslate/)).toBeTruthy();
  });

  it.each([
    ['auth', 'LibreTranslate拒绝了这个 API 密钥。请检查密钥（DeepL 还要检查密钥所属的套餐）。'],
    ['network', '无法连接到 libre.example.org。请检查地址，并确认服务器正在运行且这台电脑可以访问。'],
    ['quota', 'LibreTranslate表示额度已用完。请检查你的套餐或用量限制，或把其他服务排在前面。'],
  ] as const)('explains a %s failure in Chinese', async (kind, summary) => {
    const keys = await configureLibre();
    await updateSettings({ uiLanguage: 'zh-CN' });
    grantPermissions();
    mockBackground({ getKeyStatus: () => keys, testProvider: fail(kind, 'libretranslate failed') });
    renderSection();
    expect(await screen.findByRole('heading', { name: '顺序' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: '测试LibreTranslate' }));
    await within(row('libretranslate')).findByText(summary);
    expect(within(row('libretranslate')).getByText('详情：libretranslate failed')).toBeTruthy();
  });

  it('tests a keyless service without asking for any permission', async () => {
    await updateSettings({ uiLanguage: 'en' });
    const request = grantPermissions();
    mockBackground({ testProvider: fail('rate-limited', 'google-html answered HTTP 429') });
    renderSection();
    fireEvent.click(await screen.findByRole('button', { name: 'Test Google Translate' }));
    await within(row('google-html')).findByText(
      'Google Translate is limiting requests right now. Wait a minute and test again.',
    );
    expect(request).not.toHaveBeenCalled();
  });
});

describe('translation services: on-device', () => {
  it('says the built-in translator is not in this browser, in its status and in the chain', async () => {
    await updateSettings({ uiLanguage: 'en' });
    mockBackground();
    renderSection();
    expect(
      await screen.findByText('Not available in this browser (it needs Chrome 138 or newer on a computer).'),
    ).toBeTruthy();
    expect(within(row('chrome-on-device')).getByText('Not in this browser: skipped')).toBeTruthy();
    const test = within(row('chrome-on-device')).getByRole('button', { name: /^Test / });
    expect(test).toHaveProperty('disabled', true);
  });

  it('offers the built-in translator in the chain where the browser has it', async () => {
    await updateSettings({ uiLanguage: 'en' });
    (globalThis as { Translator?: unknown }).Translator = new FakeTranslator({ defaultState: 'available' });
    mockBackground();
    renderSection();
    await screen.findByRole('list', { name: 'Services in use, in order' });
    const test = within(row('chrome-on-device')).getByRole('button', { name: /^Test / });
    expect(test).toHaveProperty('disabled', false);
    expect(within(row('chrome-on-device')).queryByText('Not in this browser: skipped')).toBeNull();
  });

  it('downloads the model from the click, with progress, and tells the background', async () => {
    await updateSettings({ uiLanguage: 'en', readerLanguage: 'en' });
    const translator = new FakeTranslator({
      defaultState: 'downloadable',
      userActivation: true,
      progress: [0.25, 1],
    });
    (globalThis as { Translator?: unknown }).Translator = translator;
    const received = mockBackground({ resetProviderHealth: () => ({}) });
    renderSection();
    await screen.findByText(
      'The 简体中文 → English model can be downloaded once; after that, translation works on this device.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Download the 简体中文 → English model' }));
    expect(translator.created).toEqual([{ sourceLanguage: 'zh', targetLanguage: 'en' }]);
    await screen.findByText('Ready: the 简体中文 → English model is on this device.');
    await waitFor(() =>
      expect(received).toContainEqual({ type: 'resetProviderHealth', payload: { id: 'chrome-on-device' } }),
    );
  });

  it('calls a check that never answers unavailable instead of waiting forever', async () => {
    await updateSettings({ uiLanguage: 'zh-CN', readerLanguage: 'en' });
    (globalThis as { Translator?: unknown }).Translator = {
      availability: () => new Promise(() => undefined),
      create: () => new Promise(() => undefined),
    };
    mockBackground();
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      renderSection();
      await screen.findByText('正在检查这个浏览器能否在本机翻译…');
      await act(() => vi.advanceTimersByTimeAsync(3_000));
      await screen.findByText('Chrome 内置翻译无法在这里进行 简体中文 → English 翻译。');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('translation services: addresses from a backup', () => {
  it('are named with a button that asks for the host and then confirms them', async () => {
    await updateSettings({ uiLanguage: 'en' });
    providerConfig.providers.libretranslate.baseUrl = 'https://libre.restored.example';
    providerConfig.unconfirmed = ['libretranslate'];
    const request = grantPermissions();
    const received = mockBackground({
      confirmProviderEndpoint: () => {
        providerConfig = { ...providerConfig, unconfirmed: [] };
        return providerConfig;
      },
    });
    renderSection();
    const notice = await screen.findByRole('region', { name: 'Addresses from a backup' });
    expect(notice.textContent).toContain('LibreTranslate: https://libre.restored.example');
    fireEvent.click(within(notice).getByRole('button', { name: 'Allow libre.restored.example' }));
    expect(request).toHaveBeenCalledWith({ origins: ['https://libre.restored.example/*'] });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Addresses from a backup' })).toBeNull());
    expect(received.find((message) => message.type === 'confirmProviderEndpoint')?.payload).toEqual({
      id: 'libretranslate',
    });
  });

  it('stay waiting when the browser’s permission is refused', async () => {
    await updateSettings({ uiLanguage: 'en' });
    providerConfig.providers.libretranslate.baseUrl = 'https://libre.restored.example';
    providerConfig.unconfirmed = ['libretranslate'];
    grantPermissions(false);
    const received = mockBackground();
    renderSection();
    const notice = await screen.findByRole('region', { name: 'Addresses from a backup' });
    fireEvent.click(within(notice).getByRole('button', { name: 'Allow libre.restored.example' }));
    await within(notice).findByRole('alert');
    expect(received.some((message) => message.type === 'confirmProviderEndpoint')).toBe(false);
  });
});
