import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, migrateSettings, SETTINGS_VERSION } from './settings-schema';

/**
 * Golden examples: what each stored shape becomes. A new settings version adds its stored shape
 * here, so every earlier shape keeps migrating to the current one.
 */
describe('settings migration', () => {
  it('gives defaults to a fresh install', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps every valid field of version 1 and gives the fields added since their defaults', () => {
    const stored = {
      version: 1,
      readerLanguage: 'ja',
      uiLanguage: 'zh-CN',
      displayMode: 'hover',
      sites: { 'www.xiaohongshu.com': false, 'www.rednote.com': true },
      providerOrder: ['deepl', 'google-html'],
      providers: {
        deepl: { plan: 'pro' },
        openaiCompatible: { baseUrl: 'http://localhost:11434/v1', model: 'qwen2.5' },
        libretranslate: { baseUrl: 'https://libre.example.org' },
      },
      showTerms: false,
      onboarded: true,
    };
    // Written out in full: a change to the defaults must not silently change what a version-1 user gets.
    // `providers` moves to the background's database (see legacy-provider-settings.test.ts).
    expect(migrateSettings(stored)).toEqual({
      version: 4,
      readerLanguage: 'ja',
      uiLanguage: 'zh-CN',
      displayMode: 'hover',
      sites: { 'www.xiaohongshu.com': false, 'www.rednote.com': true },
      providerOrder: ['deepl', 'google-html'],
      showTerms: false,
      onboarded: true,
      sourceScope: 'all',
      appearance: {
        fontScale: 100,
        colors: 'site',
        customColors: { light: '#1a5fb4', dark: '#8ab4f8' },
        placement: 'line',
      },
      siteInterface: 'auto',
      compose: { assist: true, register: 'casual' },
    });
    expect(SETTINGS_VERSION).toBe(4);
  });

  it('keeps every valid field of version 2 but its provider addresses', () => {
    const stored = {
      ...DEFAULT_SETTINGS,
      version: 2,
      providers: { libretranslate: { baseUrl: 'https://libre.example.org' } },
      sourceScope: 'primary',
      appearance: {
        fontScale: 130,
        colors: 'custom',
        customColors: { light: '#224466', dark: '#aaccee' },
        placement: 'block',
      },
    };
    const { providers: _moved, ...kept } = stored;
    expect(migrateSettings(stored)).toEqual({ ...kept, version: 4 });
  });

  it('keeps every valid field of version 3 and turns the compose bar on', () => {
    const { compose: _added, ...version3 } = {
      ...DEFAULT_SETTINGS,
      version: 3,
      readerLanguage: 'ko',
      sourceScope: 'primary',
      siteInterface: 'off',
    };
    expect(migrateSettings(version3)).toEqual({
      ...version3,
      version: 4,
      compose: { assist: true, register: 'casual' },
    });
    expect(migrateSettings({ ...version3, siteInterface: 'sometimes' }).siteInterface).toBe('auto');
  });

  it('keeps every valid field of version 4', () => {
    const stored = { ...DEFAULT_SETTINGS, compose: { assist: false, register: 'neutral' } };
    expect(migrateSettings(stored)).toEqual(stored);
    expect(migrateSettings({ ...stored, compose: { assist: 'yes', register: 'rude' } }).compose).toEqual({
      assist: true,
      register: 'casual',
    });
  });

  it('repairs the appearance field by field', () => {
    expect(
      migrateSettings({
        sourceScope: 'sideways',
        appearance: {
          fontScale: 400,
          colors: 'rainbow',
          customColors: { light: 'red; } body { display: none', dark: '#ABCDEF' },
          placement: 'block',
        },
      }),
    ).toMatchObject({
      sourceScope: 'all',
      appearance: {
        fontScale: 160,
        colors: 'site',
        customColors: { light: '#1a5fb4', dark: '#abcdef' },
        placement: 'block',
      },
    });
    expect(migrateSettings({ appearance: { fontScale: 12.4 } }).appearance.fontScale).toBe(80);
    expect(migrateSettings({ appearance: { fontScale: Number.NaN } }).appearance.fontScale).toBe(100);
    expect(migrateSettings({ appearance: 'big' }).appearance).toEqual(DEFAULT_SETTINGS.appearance);
  });

  it('replaces only the fields that are invalid, keeping the rest of the user’s choices', () => {
    const migrated = migrateSettings({
      readerLanguage: 'klingon',
      displayMode: 'sideways',
      sites: { 'www.xiaohongshu.com': 'yes', 'www.rednote.com': false },
      providerOrder: ['not-a-provider', 'microsoft-edge', 'microsoft-edge', 42],
      providers: { deepl: { plan: 'enterprise' } },
      showTerms: false,
    });
    expect(migrated).toEqual({
      ...DEFAULT_SETTINGS,
      sites: { 'www.xiaohongshu.com': true, 'www.rednote.com': false },
      providerOrder: ['microsoft-edge'],
      showTerms: false,
    });
  });

  it('falls back to the default chain when nothing usable is left of a stored order', () => {
    expect(migrateSettings({ providerOrder: ['gone'] }).providerOrder).toEqual(
      DEFAULT_SETTINGS.providerOrder,
    );
  });
});
