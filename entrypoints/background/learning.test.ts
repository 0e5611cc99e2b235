import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDatabase } from '@/utils/db/database';
import { sendMessage } from '@/utils/transport/messages';
import { DEFAULT_PROVIDER_SETTINGS } from '@/utils/translate/provider-config';
import { ProviderConfigStore } from '@/utils/translate/provider-config-store';
import { setupLearning } from './learning';
import type { TranslationService } from './translation-service';

vi.mock('./dictionary-loader', async () => {
  const { shippedDictionary } = await import('@/utils/dictionary/shipped-dictionary.testing');
  return { loadDictionary: async () => shippedDictionary() };
});

const translation = {
  translate: vi.fn(async ({ segments }: { segments: string[] }) => ({
    translations: segments.map((segment) => `⟦${segment}⟧`),
    provider: 'google-html',
  })),
  canExplain: vi.fn(async () => false),
} as unknown as TranslationService;

describe('learning in the background', () => {
  it('looks up, saves, reviews and shows the due count on the badge', async () => {
    const setBadgeText = vi.fn(async () => {});
    Object.assign(fakeBrowser, { action: { setBadgeText, setBadgeBackgroundColor: async () => {} } });
    const glossaryReplaced = vi.fn(async () => {});
    setupLearning(translation, { glossaryReplaced });

    const found = await sendMessage('lookUp', { text: '种草', sentence: '被这只猫种草了' });
    expect(found.dictionary?.pinyin).toBe('zhòngcǎo');
    expect(found.translation).toBe('⟦种草⟧');

    const saved = await sendMessage('savePhrase', {
      text: found.text,
      lang: found.lang,
      pinyin: found.dictionary?.pinyin,
      meaning: found.translation ?? '',
      context: {
        sentence: '被这只猫种草了',
        sentenceTranslation: '',
        url: 'https://www.xiaohongshu.com/explore/1',
        title: '',
      },
    });
    expect(saved.created).toBe(true);
    expect(await sendMessage('getDueCount', {})).toEqual({ due: 2 });
    await vi.waitFor(() => expect(setBadgeText).toHaveBeenLastCalledWith({ text: '2' }));

    const [item] = await sendMessage('getDueItems', {});
    const graded = await sendMessage('gradeCard', { cardId: item!.card.id, grade: 3 });
    expect(graded.due).toBeGreaterThan(item!.card.due);
    await vi.waitFor(() => expect(setBadgeText).toHaveBeenLastCalledWith({ text: '1' }));

    const refused = await sendMessage('restoreBackup', { text: 'not json' });
    expect(refused).toMatchObject({ restored: false, problem: 'unreadable' });
    expect(await sendMessage('listPhrases', {})).toHaveLength(1);

    expect(glossaryReplaced).not.toHaveBeenCalled();

    const backup = await sendMessage('exportBackup', {});
    expect(JSON.parse(backup.text).tables.phrases).toHaveLength(1);
    expect(await sendMessage('restoreBackup', { text: backup.text })).toMatchObject({
      restored: true,
      phrases: 1,
    });
    expect(glossaryReplaced).toHaveBeenCalledTimes(1);
    const anki = await sendMessage('exportPhrases', { format: 'anki' });
    expect(anki.text).toContain('种草\tzhòngcǎo\t⟦种草⟧');
  });
});

describe('provider settings in backups', () => {
  async function setup() {
    const db = getDatabase();
    await db.secrets.clear();
    await db.providerConfig.clear();
    const providers = new ProviderConfigStore(db, async () => true);
    await providers.saveFromOptions({
      ...DEFAULT_PROVIDER_SETTINGS,
      libretranslate: { baseUrl: 'https://libre.example.org', dailyCharacterBudget: 50_000 },
    });
    await db.secrets.put({
      id: 'libretranslate',
      value: 'libre-secret-key',
      origin: 'https://libre.example.org',
    });
    const engine = { ...translation, providerConfigChanged: vi.fn() } as unknown as TranslationService;
    setupLearning(engine, { providers });
    return { providers };
  }

  it('are exported without keys', async () => {
    await setup();
    const { text } = await sendMessage('exportBackup', {});
    expect(JSON.parse(text).providers.libretranslate).toEqual({
      baseUrl: 'https://libre.example.org',
      dailyCharacterBudget: 50_000,
    });
    expect(text).not.toContain('libre-secret-key');
  });

  it.each([
    ['a backup’s own section', (libre: object) => ({ providers: { libretranslate: libre } })],
    [
      'an older backup’s settings',
      (libre: object) => ({ providers: undefined, settings: { providers: { libretranslate: libre } } }),
    ],
  ])('come back from %s with a new address waiting for the user', async (_, place) => {
    const { providers } = await setup();
    const { text } = await sendMessage('exportBackup', {});
    const hostile = { ...JSON.parse(text), ...place({ baseUrl: 'https://attacker.example' }) };
    expect(await sendMessage('restoreBackup', { text: JSON.stringify(hostile) })).toMatchObject({
      restored: true,
    });
    const config = await providers.read();
    expect(config.providers.libretranslate.baseUrl).toBe('https://attacker.example');
    expect(config.unconfirmed).toEqual(['libretranslate']);
  });
});
