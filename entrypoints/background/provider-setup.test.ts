import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RedBridgeDatabase } from '@/utils/db/database';
import { MessageError, sendMessage } from '@/utils/transport/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings-schema';
import type { FetchLike } from '@/utils/translate/types';
import { providerSetupHandlers, setupProviderSetup } from './provider-setup';
import { TranslationService } from './translation-service';

const LIBRE = 'https://libre.example.org';

function setup(options: { settings?: Partial<Settings>; fetch?: FetchLike } = {}) {
  const db = new RedBridgeDatabase(`setup-${crypto.randomUUID()}`);
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    providerOrder: ['libretranslate', 'deepl', 'google-html'],
    providers: { ...DEFAULT_SETTINGS.providers, libretranslate: { baseUrl: LIBRE } },
    ...options.settings,
  };
  const fetch = vi.fn<FetchLike>(options.fetch ?? (async () => json({ translatedText: ['Hello, world'] })));
  const translation = new TranslationService({
    db,
    fetch,
    loadSettings: async () => settings,
    onDevice: { supported: false, availability: vi.fn(), translate: vi.fn() },
  });
  return { db, fetch, translation, handlers: providerSetupHandlers({ translation, db }) };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const KEY = 'sk-live-0123456789abcdefWXYZ';

describe('provider keys', () => {
  it('are stored in the database, reported only as set, and removed on request', async () => {
    const { db, handlers } = setup();
    expect(await handlers.getKeyStatus()).toEqual({
      deepl: { set: false },
      openaiCompatible: { set: false },
      libretranslate: { set: false },
    });
    const saved = await handlers.saveProviderKey({ id: 'openaiCompatible', key: `  ${KEY}\n` });
    expect(saved.openaiCompatible).toEqual({ set: true, hint: 'WXYZ' });
    expect(JSON.stringify(saved)).not.toContain(KEY.slice(0, 12));
    expect(await db.secrets.get('openaiCompatible')).toEqual({ id: 'openaiCompatible', value: KEY });
    // Nothing of it in storage.local, which content scripts can read.
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(KEY);

    await handlers.saveProviderKey({ id: 'libretranslate', key: 'short-key' });
    expect((await handlers.getKeyStatus()).libretranslate).toEqual({ set: true });

    const removed = await handlers.removeProviderKey({ id: 'openaiCompatible' });
    expect(removed.openaiCompatible).toEqual({ set: false });
    expect(await db.secrets.get('openaiCompatible')).toBeUndefined();
  });

  it('refuses an empty key, a key with spaces in it and an unknown id', async () => {
    const { db, handlers } = setup();
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
    const { handlers, translation } = setup();
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
    const { fetch, handlers } = setup();
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
    const { handlers } = setup({ fetch: answer });
    await expect(handlers.testProvider({ id: 'libretranslate', to: 'en' })).rejects.toMatchObject({ kind });
  });

  it('reports DeepL’s 456 as quota used up and a missing key as not set up', async () => {
    const { handlers } = setup({ fetch: async () => json({ message: 'Quota Exceeded' }, 456) });
    await expect(handlers.testProvider({ id: 'deepl', to: 'en' })).rejects.toMatchObject({
      kind: 'unavailable',
    });
    await handlers.saveProviderKey({ id: 'deepl', key: KEY });
    await expect(handlers.testProvider({ id: 'deepl', to: 'en' })).rejects.toMatchObject({ kind: 'quota' });
  });

  it('gives a provider that passes a fresh start in the chain', async () => {
    let status = 403;
    const { handlers, translation } = setup({
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
    const { db, translation } = setup({ fetch: async () => json({ error: 'Invalid API key' }, 403) });
    setupProviderSetup({ translation, db });
    const failure = await sendMessage('testProvider', { id: 'libretranslate', to: 'en' }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(MessageError);
    expect((failure as MessageError).failure.kind).toBe('auth');
    expect(await sendMessage('getCacheSize', {})).toEqual({ entries: 0, characters: 0 });
  });
});
