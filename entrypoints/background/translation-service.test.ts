import { describe, expect, it, vi } from 'vitest';
import { RedBridgeDatabase } from '@/utils/db/database';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings-schema';
import { DEFAULT_PROVIDER_SETTINGS } from '@/utils/translate/provider-config';
import type { TranslateRequest } from '@/utils/translate/types';
import { TranslationService } from './translation-service';

function service(settings: () => Settings) {
  const loadSettings = vi.fn(async () => settings());
  const translation = new TranslationService({
    db: new RedBridgeDatabase(`t-${crypto.randomUUID()}`),
    fetch: vi.fn(),
    loadSettings,
    providerConfig: { read: async () => ({ providers: DEFAULT_PROVIDER_SETTINGS, unconfirmed: [] }) },
    onDevice: { supported: false, availability: vi.fn(), translate: vi.fn() },
  });
  return { translation, loadSettings };
}

describe('translation service engine', () => {
  it('is rebuilt when the provider settings change, and only then', async () => {
    let current: Settings = { ...DEFAULT_SETTINGS, providerOrder: ['google-html'] };
    const { translation, loadSettings } = service(() => current);
    await translation.providerHealth();
    expect(loadSettings).toHaveBeenCalledTimes(1);

    current = { ...current, displayMode: 'hover' };
    translation.settingsChanged(current);
    await translation.providerHealth();
    expect(loadSettings).toHaveBeenCalledTimes(1);

    current = { ...current, providerOrder: ['microsoft-edge', 'google-html'] };
    translation.settingsChanged(current);
    const health = await translation.providerHealth();
    expect(loadSettings).toHaveBeenCalledTimes(2);
    expect(health.map((view) => view.id)).toEqual(['microsoft-edge', 'google-html']);
  });
});

describe('a reader’s retry', () => {
  it('gives the provider whose failure the unit showed another try, and no other', async () => {
    const fetch = vi.fn(async (_url: string) => new Response('{"error":"forbidden"}', { status: 403 }));
    const translation = new TranslationService({
      db: new RedBridgeDatabase(`t-${crypto.randomUUID()}`),
      fetch,
      loadSettings: async () => ({ ...DEFAULT_SETTINGS, providerOrder: ['google-html', 'microsoft-edge'] }),
      providerConfig: { read: async () => ({ providers: DEFAULT_PROVIDER_SETTINGS, unconfirmed: [] }) },
      onDevice: { supported: false, availability: vi.fn(), translate: vi.fn() },
    });
    const ask = (requestId: string, retry?: Partial<TranslateRequest>) =>
      translation
        .translate({ requestId, segments: ['你好'], from: 'zh-CN', to: 'en', priority: 'visible', ...retry })
        .catch((error: unknown) => error);

    expect(await ask('r1')).toMatchObject({ kind: 'auth', details: { provider: 'google-html' } });
    const hostsAsked = () => fetch.mock.calls.map(([url]) => new URL(String(url)).host);
    const before = hostsAsked().length;

    await ask('r2', { retry: true, retryProvider: 'microsoft-edge' });
    const asked = hostsAsked().slice(before);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((host) => host === 'edge.microsoft.com')).toBe(true);
  });
});

describe('a keyed provider’s daily budget', () => {
  it('stops text going to the provider once spent, and the next provider translates', async () => {
    const db = new RedBridgeDatabase(`t-${crypto.randomUUID()}`);
    await db.secrets.put({ id: 'deepl', value: 'deepl-key:fx' });
    const fetch = vi.fn(async (url: string) =>
      url.includes('deepl')
        ? Response.json({ translations: [{ text: 'Hello', detected_source_language: 'ZH' }] })
        : Response.json([['Hello world'], ['zh-CN']]),
    );
    const providers = {
      ...DEFAULT_PROVIDER_SETTINGS,
      deepl: { plan: 'free' as const, dailyCharacterBudget: 5 },
    };
    const translation = new TranslationService({
      db,
      fetch,
      loadSettings: async () => ({ ...DEFAULT_SETTINGS, providerOrder: ['deepl', 'google-html'] }),
      providerConfig: { read: async () => ({ providers, unconfirmed: [] }) },
      onDevice: { supported: false, availability: vi.fn(), translate: vi.fn() },
    });
    const ask = (requestId: string, text: string) =>
      translation.translate({ requestId, segments: [text], from: 'zh-CN', to: 'en', priority: 'visible' });

    expect((await ask('a', '你好')).provider).toBe('deepl');
    expect((await ask('b', '你好世界')).provider).toBe('google-html');
    expect(fetch.mock.calls.filter(([url]) => url.includes('deepl'))).toHaveLength(1);
    expect((await translation.providerHealth())[0]).toMatchObject({ id: 'deepl', kind: 'budget' });
  });
});

describe('the cache, when the chosen provider cannot run here', () => {
  it.each(['unsupported', 'unavailable'] as const)(
    'serves a revisit from the fallback’s translations (on-device model %s)',
    async (state) => {
      const fetch = vi.fn(async () => Response.json([['Hello'], ['zh-CN']]));
      const translation = new TranslationService({
        db: new RedBridgeDatabase(`t-${crypto.randomUUID()}`),
        fetch,
        loadSettings: async () => ({ ...DEFAULT_SETTINGS, providerOrder: ['chrome-on-device', 'google-html'] }),
        providerConfig: { read: async () => ({ providers: DEFAULT_PROVIDER_SETTINGS, unconfirmed: [] }) },
        onDevice: { supported: true, availability: vi.fn(async () => state), translate: vi.fn() },
      });
      const ask = (requestId: string) =>
        translation.translate({ requestId, segments: ['你好'], from: 'zh-CN', to: 'en', priority: 'visible' });

      expect(await ask('first')).toMatchObject({ provider: 'google-html', translations: ['Hello'] });
      // The cache is written after the answer is handed out.
      await vi.waitFor(async () => expect((await translation.cacheSize()).entries).toBe(1));
      expect(await ask('revisit')).toMatchObject({ provider: 'cache', translations: ['Hello'] });
      expect(fetch).toHaveBeenCalledTimes(1);
    },
  );
});
