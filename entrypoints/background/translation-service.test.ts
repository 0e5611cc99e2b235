import { describe, expect, it, vi } from 'vitest';
import { RedBridgeDatabase } from '@/utils/db/database';
import { createGlossaryIndex, type GlossaryIndex } from '@/utils/glossary/glossary-index';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings-schema';
import { DEFAULT_PROVIDER_SETTINGS } from '@/utils/translate/provider-config';
import type { FetchLike, TranslateRequest } from '@/utils/translate/types';
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

/**
 * A service whose only provider is a local OpenAI-compatible server (`baseUrl` empty: none set up),
 * with the glossary given.
 */
function languageModelService(
  fetch: FetchLike,
  { baseUrl = 'http://localhost:11434/v1', glossary }: { baseUrl?: string; glossary?: GlossaryIndex } = {},
) {
  return new TranslationService({
    db: new RedBridgeDatabase(`t-${crypto.randomUUID()}`),
    fetch,
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, providerOrder: ['openai-compatible'] }),
    providerConfig: {
      read: async () => ({
        providers: {
          ...DEFAULT_PROVIDER_SETTINGS,
          openaiCompatible: { ...DEFAULT_PROVIDER_SETTINGS.openaiCompatible, baseUrl },
        },
        unconfirmed: [],
      }),
    },
    onDevice: { supported: false, availability: vi.fn(), translate: vi.fn() },
    ...(glossary ? { glossary: { index: async () => glossary } } : {}),
  });
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
        loadSettings: async () => ({
          ...DEFAULT_SETTINGS,
          providerOrder: ['chrome-on-device', 'google-html'],
        }),
        providerConfig: { read: async () => ({ providers: DEFAULT_PROVIDER_SETTINGS, unconfirmed: [] }) },
        onDevice: { supported: true, availability: vi.fn(async () => state), translate: vi.fn() },
      });
      const ask = (requestId: string) =>
        translation.translate({
          requestId,
          segments: ['你好'],
          from: 'zh-CN',
          to: 'en',
          priority: 'visible',
        });

      expect(await ask('first')).toMatchObject({ provider: 'google-html', translations: ['Hello'] });
      // The cache is written after the answer is handed out.
      await vi.waitFor(async () => expect((await translation.cacheSize()).entries).toBe(1));
      expect(await ask('revisit')).toMatchObject({ provider: 'cache', translations: ['Hello'] });
      expect(fetch).toHaveBeenCalledTimes(1);
    },
  );
});

describe('what the reader writes', () => {
  it('goes to the provider with the writing style and the user’s renderings, and is never cached', async () => {
    const bodies: unknown[] = [];
    const fetch = vi.fn(async (_url: string, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as { messages: { content: string }[] };
      bodies.push(body);
      const { segments } = JSON.parse(body.messages[1]!.content) as { segments: { id: string }[] };
      const translations = segments.map(({ id }) => ({ id, text: '你的猫是我的猫主子' }));
      return Response.json({ choices: [{ message: { content: JSON.stringify({ translations }) } }] });
    });
    const cat = {
      id: 'user-cat',
      term: 'cat boss',
      lang: 'en' as const,
      rendering: { 'zh-CN': '猫主子' },
      createdAt: 1,
      updatedAt: 1,
    };
    const translation = languageModelService(fetch, { glossary: createGlossaryIndex([], [cat]) });
    const request = {
      texts: ['your cat is my cat boss'],
      from: 'en' as const,
      to: 'zh-CN' as const,
      writing: { register: 'neutral' as const },
    };

    expect(await translation.translateWriting(request)).toEqual({
      translations: ['你的猫是我的猫主子'],
      provider: 'openai-compatible',
    });
    const system = (bodies[0] as { messages: { content: string }[] }).messages[0]!.content;
    expect(system).toContain('neutral, polite register');
    expect(system).toContain('render "cat boss" as "猫主子"');

    await translation.translateWriting(request);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect((await translation.cacheSize()).entries).toBe(0);
  });
});

describe('explaining a term', () => {
  it('asks the language model once per term and language, then answers from the cache', async () => {
    const fetch = vi.fn(async () =>
      Response.json({ choices: [{ message: { content: '{"meaning": "customs", "origin": ""}' } }] }),
    );
    const translation = languageModelService(fetch);
    expect(await translation.canExplain()).toBe(true);
    const ask = () =>
      translation.explainTerm({ term: ' 海关 ', context: '小红书海关：猫税已收到', to: 'en' });
    expect(await ask()).toEqual({
      explanation: { meaning: 'customs' },
      provider: 'openai-compatible',
      cached: false,
    });
    expect(await ask()).toMatchObject({ explanation: { meaning: 'customs' }, cached: true });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('says explanations need a language model when none is set up', async () => {
    const translation = languageModelService(vi.fn(), { baseUrl: '' });
    expect(await translation.canExplain()).toBe(false);
    await expect(translation.explainTerm({ term: '海关', context: '', to: 'en' })).rejects.toMatchObject({
      kind: 'unavailable',
    });
  });
});

describe('a language model’s notes on slang', () => {
  it('come back as AI term cards beside the glossary’s, and again from the cache', async () => {
    const fetch = vi.fn(async (_url: string, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as { messages: { content: string }[] };
      const message = JSON.parse(body.messages[1]!.content) as { notes?: true; segments: { id: string }[] };
      expect(message.notes).toBe(true);
      const translations = message.segments.map(({ id }) => ({
        id,
        text: 'Online ibuprofen, honestly',
        notes: [
          { term: '电子布洛芬', meaning: 'something online that soothes you' },
          { term: '不在原文里', meaning: 'a note on a term the text does not have' },
        ],
      }));
      return Response.json({ choices: [{ message: { content: JSON.stringify({ translations }) } }] });
    });
    const translation = languageModelService(fetch);
    const ask = (requestId: string) =>
      translation.translate({
        requestId,
        segments: ['真的是电子布洛芬'],
        from: 'zh-CN',
        to: 'en',
        priority: 'visible',
      });
    const aiCard = {
      term: '电子布洛芬',
      surface: '电子布洛芬',
      entryId: 'ai:电子布洛芬',
      kind: 'ai',
      lang: 'zh',
      meaning: { en: 'something online that soothes you' },
    };

    const first = await ask('first');
    expect(first).toMatchObject({ translations: ['Online ibuprofen, honestly'], terms: [aiCard] });
    expect(first).not.toHaveProperty('notes');
    await vi.waitFor(async () => expect((await translation.cacheSize()).entries).toBe(1));
    expect(await ask('again')).toMatchObject({ provider: 'cache', terms: [aiCard] });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
