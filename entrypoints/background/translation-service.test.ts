import { describe, expect, it, vi } from 'vitest';
import { RedBridgeDatabase } from '@/utils/db/database';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings-schema';
import { DEFAULT_PROVIDER_SETTINGS } from '@/utils/translate/provider-config';
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
