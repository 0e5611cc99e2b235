import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RedBridgeDatabase } from '@/utils/db/database';
import { MessageError, sendMessage } from '@/utils/transport/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings-schema';
import type { FetchLike } from '@/utils/translate/types';
import { DEFAULT_PROVIDER_SETTINGS, type ProviderSettings } from '@/utils/translate/provider-config';
import { ProviderConfigStore } from '@/utils/translate/provider-config-store';
import { providerSetupHandlers, setupProviderSetup } from './provider-setup';
import { TranslationService } from './translation-service';

const LIBRE = 'https://libre.example.org';

async function setup(options: { settings?: Partial<Settings>; fetch?: FetchLike } = {}) {
  const db = new RedBridgeDatabase(`setup-${crypto.randomUUID()}`);
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    providerOrder: ['libretranslate', 'deepl', 'google-html'],
    ...options.settings,
  };
  /** Origins the user has granted, as the browser's permissions would answer. */
  const granted = new Set([LIBRE, 'https://api.openai.com']);
  const providerConfig = new ProviderConfigStore(db, async (origin) => granted.has(origin));
  await providerConfig.saveFromOptions({
    ...DEFAULT_PROVIDER_SETTINGS,
    libretranslate: { ...DEFAULT_PROVIDER_SETTINGS.libretranslate, baseUrl: LIBRE },
  });
  const fetch = vi.fn<FetchLike>(options.fetch ?? (async () => json({ translatedText: ['Hello, world'] })));
  const translation = new TranslationService({
    db,
    fetch,
    loadSettings: async () => settings,
    providerConfig,
    onDevice: { supported: false, availability: vi.fn(), translate: vi.fn() },
  });
  const handlers = providerSetupHandlers({ translation, db, providerConfig });
  return { db, fetch, translation, handlers, granted, providerConfig };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const KEY = 'sk-live-0123456789abcdefWXYZ';

describe('provider keys', () => {
  it('are stored in the database, reported only as set, and removed on request', async () => {
    const { db, handlers } = await setup();
    expect(await handlers.getKeyStatus()).toEqual({
      deepl: { set: false },
      openaiCompatible: { set: false },
      libretranslate: { set: false },
    });
    const saved = await handlers.saveProviderKey({ id: 'openaiCompatible', key: `  ${KEY}\n` });
    expect(saved.openaiCompatible).toEqual({ set: true, hint: 'WXYZ', origin: 'https://api.openai.com' });
    expect(JSON.stringify(saved)).not.toContain(KEY.slice(0, 12));
    expect(await db.secrets.get('openaiCompatible')).toEqual({
      id: 'openaiCompatible',
      value: KEY,
      origin: 'https://api.openai.com',
    });
    // Nothing of it in storage.local, which content scripts can read.
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(KEY);

    await handlers.saveProviderKey({ id: 'libretranslate', key: 'short-key' });
    expect((await handlers.getKeyStatus()).libretranslate).toEqual({ set: true, origin: LIBRE });

    const removed = await handlers.removeProviderKey({ id: 'openaiCompatible' });
    expect(removed.openaiCompatible).toEqual({ set: false });
    expect(await db.secrets.get('openaiCompatible')).toBeUndefined();
  });

  it('refuses an empty key, a key with spaces in it and an unknown id', async () => {
    const { db, handlers } = await setup();
    await expect(handlers.saveProviderKey({ id: 'deepl', key: '   ' })).rejects.toMatchObject({
      kind: 'bad-request',
    });
    await expect(handlers.saveProviderKey({ id: 'deepl', key: 'two words' })).rejects.toMatchObject({
      kind: 'bad-request',
    });
    await expect(handlers.saveProviderKey({ id: 'google' as never, key: KEY })).rejects.toMatchObject({
      kind: 'bad-request',
    });
    expect(await db.secrets.count()).toBe(0);
  });

  it('reach the engine at once: a provider that lacked its key is built with it', async () => {
    const { handlers, translation } = await setup();
    const before = await translation.providerHealth();
    expect(before.find((view) => view.id === 'deepl')).toMatchObject({
      state: 'failing',
      kind: 'unavailable',
    });
    await handlers.saveProviderKey({ id: 'deepl', key: KEY });
    const after = await translation.providerHealth();
    expect(after.map((view) => [view.id, view.state])).toEqual([
      ['libretranslate', 'unused'],
      ['deepl', 'unused'],
      ['google-html', 'unused'],
    ]);
  });
});

describe('provider test', () => {
  it('translates the sample with the provider as saved, key included', async () => {
    const { fetch, handlers } = await setup();
    await handlers.saveProviderKey({ id: 'libretranslate', key: 'libre-key' });
    const result = await handlers.testProvider({ id: 'libretranslate', to: 'en' });
    expect(result).toMatchObject({
      provider: 'libretranslate',
      sample: { text: '你好，世界', from: 'zh-CN', to: 'en' },
      translation: 'Hello, world',
    });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(`${LIBRE}/translate`);
    expect(JSON.parse(String(init?.body))).toMatchObject({
      q: ['你好，世界'],
      target: 'en',
      api_key: 'libre-key',
    });
  });

  it.each([
    ['a refused key', async () => json({ error: 'Invalid API key' }, 403), 'auth'],
    ['an unreachable server', async () => Promise.reject(new TypeError('Failed to fetch')), 'network'],
    ['too many requests', async () => json({ error: 'Slowdown' }, 429), 'rate-limited'],
    ['an answer of another shape', async () => json({ result: 'Hello' }), 'bad-response'],
  ] as const)('reports %s as its own error kind', async (_, answer, kind) => {
    const { handlers } = await setup({ fetch: answer });
    await expect(handlers.testProvider({ id: 'libretranslate', to: 'en' })).rejects.toMatchObject({ kind });
  });

  it('reports DeepL’s 456 as quota used up and a missing key as not set up', async () => {
    const { handlers } = await setup({ fetch: async () => json({ message: 'Quota Exceeded' }, 456) });
    await expect(handlers.testProvider({ id: 'deepl', to: 'en' })).rejects.toMatchObject({
      kind: 'unavailable',
    });
    await handlers.saveProviderKey({ id: 'deepl', key: KEY });
    await expect(handlers.testProvider({ id: 'deepl', to: 'en' })).rejects.toMatchObject({ kind: 'quota' });
  });

  it('gives a provider that passes a fresh start in the chain', async () => {
    let status = 403;
    const { handlers, translation } = await setup({
      settings: { providerOrder: ['libretranslate', 'google-html'] },
      fetch: async (url) =>
        url.startsWith(LIBRE)
          ? status === 200
            ? json({ translatedText: ['Hello, world'] })
            : json({ error: 'Invalid API key' }, status)
          : json([['Hello'], ['zh-CN']]),
    });
    await translation.translate({
      requestId: 'r1',
      segments: ['你好'],
      from: 'zh-CN',
      to: 'en',
      priority: 'visible',
    });
    expect((await translation.providerHealth())[0]).toMatchObject({
      id: 'libretranslate',
      state: 'skipped',
      kind: 'auth',
    });
    status = 200;
    await handlers.testProvider({ id: 'libretranslate', to: 'en' });
    expect((await translation.providerHealth())[0]).toEqual({ id: 'libretranslate', state: 'unused' });
  });

  it('answers over the message protocol, errors included', async () => {
    const { db, translation, providerConfig } = await setup({
      fetch: async () => json({ error: 'Invalid API key' }, 403),
    });
    setupProviderSetup({ translation, db, providerConfig });
    const failure = await sendMessage('testProvider', { id: 'libretranslate', to: 'en' }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(MessageError);
    expect((failure as MessageError).failure.kind).toBe('auth');
    expect(await sendMessage('getCacheSize', {})).toEqual({ entries: 0, characters: 0 });
  });
});

describe('provider addresses and the keys bound to them', () => {
  const withLibre = (baseUrl: string): ProviderSettings => ({
    ...DEFAULT_PROVIDER_SETTINGS,
    libretranslate: { ...DEFAULT_PROVIDER_SETTINGS.libretranslate, baseUrl },
  });
  const translateOnce = (translation: TranslationService) =>
    translation
      .translate({ requestId: 'r', segments: ['你好'], from: 'zh-CN', to: 'en', priority: 'visible' })
      .catch((error: unknown) => error);

  it('live in the database, not in storage.local', async () => {
    const { handlers } = await setup();
    expect((await handlers.getProviderConfig()).providers.libretranslate.baseUrl).toBe(LIBRE);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('libre.example.org');
  });

  it('are saved only once the browser grants their host; nothing is written otherwise', async () => {
    const { handlers } = await setup();
    await expect(
      handlers.saveProviderSettings({ providers: withLibre('https://elsewhere.example.net') }),
    ).rejects.toMatchObject({ kind: 'bad-request' });
    expect((await handlers.getProviderConfig()).providers.libretranslate.baseUrl).toBe(LIBRE);
  });

  it('need the host only of the address that changed', async () => {
    const { handlers, granted } = await setup();
    granted.delete('https://api.openai.com');
    granted.add('https://libre2.example.org');
    await handlers.saveProviderSettings({ providers: withLibre('https://libre2.example.org') });
    expect((await handlers.getProviderConfig()).providers.libretranslate.baseUrl).toBe(
      'https://libre2.example.org',
    );
  });

  it('send a key only to the origin it was saved for', async () => {
    const { handlers, translation, fetch, granted } = await setup({
      settings: { providerOrder: ['libretranslate'] },
    });
    await handlers.saveProviderKey({ id: 'libretranslate', key: 'libre-key' });
    granted.add('https://elsewhere.example.net');
    await handlers.saveProviderSettings({ providers: withLibre('https://elsewhere.example.net/') });

    expect(await translateOnce(translation)).toMatchObject({ kind: 'unavailable' });
    expect((await translation.providerHealth())[0]?.lastError).toContain('given for libre.example.org');
    expect(fetch).not.toHaveBeenCalled();
    expect((await handlers.getKeyStatus()).libretranslate).toMatchObject({ set: true, origin: LIBRE });

    // Given again for the new address, it goes there.
    await handlers.saveProviderKey({ id: 'libretranslate', key: 'other-key' });
    await translateOnce(translation);
    expect(fetch.mock.calls.map(([url]) => new URL(url).origin)).toEqual(['https://elsewhere.example.net']);
  });

  it('refuse a key before there is an address to bind it to', async () => {
    const { handlers, db } = await setup();
    await handlers.saveProviderSettings({ providers: withLibre('') });
    await expect(handlers.saveProviderKey({ id: 'libretranslate', key: 'k' })).rejects.toMatchObject({
      kind: 'bad-request',
    });
    expect(await db.secrets.get('libretranslate')).toBeUndefined();
  });

  it('refuse plain http to another computer', async () => {
    const { handlers } = await setup();
    await expect(
      handlers.saveProviderSettings({ providers: withLibre('http://libre.example.org') }),
    ).rejects.toBeTruthy();
    expect((await handlers.getProviderConfig()).providers.libretranslate.baseUrl).toBe(LIBRE);
  });

  it('from a backup wait for the user: nothing is sent until the host is granted and confirmed', async () => {
    const { handlers, translation, fetch, providerConfig, granted } = await setup({
      settings: { providerOrder: ['libretranslate'] },
    });
    await providerConfig.adopt(withLibre('https://attacker.example'));
    translation.providerConfigChanged();
    expect((await handlers.getProviderConfig()).unconfirmed).toEqual(['libretranslate']);
    expect(await translateOnce(translation)).toMatchObject({ kind: 'unavailable' });
    expect(fetch).not.toHaveBeenCalled();

    await expect(handlers.confirmProviderEndpoint({ id: 'libretranslate' })).rejects.toBeTruthy();
    granted.add('https://attacker.example');
    expect((await handlers.confirmProviderEndpoint({ id: 'libretranslate' })).unconfirmed).toEqual([]);
    await translateOnce(translation);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
