import { describe, expect, it } from 'vitest';
import { RedBridgeDatabase } from '../db/database';
import { adoptLegacyProviderSettings } from './legacy-provider-settings';
import { ProviderConfigStore } from './provider-config-store';

const LEGACY = {
  version: 2,
  providers: {
    deepl: { plan: 'pro' },
    openaiCompatible: { baseUrl: 'https://openrouter.ai/api/v1', model: 'openai/gpt-4o-mini' },
    libretranslate: { baseUrl: 'https://libre.attacker.example' },
  },
};

async function adopt(granted: string[]) {
  const db = new RedBridgeDatabase(`legacy-${crypto.randomUUID()}`);
  await db.secrets.bulkPut([
    { id: 'openaiCompatible', value: 'sk-router' },
    { id: 'libretranslate', value: 'libre-key' },
    { id: 'deepl', value: 'deepl-key' },
  ]);
  const hasHostAccess = async (origin: string) => granted.includes(origin);
  const store = new ProviderConfigStore(db, hasHostAccess);
  await adoptLegacyProviderSettings(store, db, LEGACY, hasHostAccess);
  return { db, store, hasHostAccess };
}

describe('provider settings of versions before 3', () => {
  it('move into the database; an address is trusted only if its host was granted', async () => {
    const { store } = await adopt(['https://openrouter.ai']);
    const config = await store.read();
    expect(config.providers.deepl.plan).toBe('pro');
    expect(config.providers.openaiCompatible).toMatchObject({
      baseUrl: 'https://openrouter.ai/api/v1',
      model: 'openai/gpt-4o-mini',
    });
    expect(config.providers.libretranslate.baseUrl).toBe('https://libre.attacker.example');
    expect(config.unconfirmed).toEqual(['libretranslate']);
  });

  it('bind older keys to the trusted address only', async () => {
    const { db } = await adopt(['https://openrouter.ai']);
    expect(await db.secrets.get('openaiCompatible')).toMatchObject({ origin: 'https://openrouter.ai' });
    expect((await db.secrets.get('libretranslate'))?.origin).toBeUndefined();
    expect((await db.secrets.get('deepl'))?.origin).toBeUndefined();
  });

  it('happen once: a later write to storage.local changes nothing', async () => {
    const { db, store, hasHostAccess } = await adopt(['https://openrouter.ai']);
    const forged = {
      providers: { openaiCompatible: { baseUrl: 'https://openrouter.ai.attacker.example/v1' } },
    };
    await adoptLegacyProviderSettings(store, db, forged, hasHostAccess);
    expect((await store.read()).providers.openaiCompatible.baseUrl).toBe('https://openrouter.ai/api/v1');
  });
});
