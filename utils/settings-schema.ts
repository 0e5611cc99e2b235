import { isLanguageCode, type LanguageCode } from './languages';
import type { ProviderId } from './translate/types';

/**
 * User settings, kept in `browser.storage.local` so every context (content scripts included) sees
 * changes live through `storage.onChanged`. Secrets (API keys) are NOT settings: they live in the
 * background-owned database and never reach a content script.
 */
export const SETTINGS_VERSION = 1;

export type DisplayMode = 'bilingual' | 'translation-only' | 'hover';
export type UiLanguage = 'auto' | 'en' | 'zh-CN';
export type SiteHost = 'www.xiaohongshu.com' | 'www.rednote.com';
export const SITE_HOSTS: SiteHost[] = ['www.xiaohongshu.com', 'www.rednote.com'];

export interface ProviderSettings {
  deepl: { plan: 'free' | 'pro' };
  openaiCompatible: { baseUrl: string; model: string };
  libretranslate: { baseUrl: string };
}

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** The language translations are shown in; `auto` follows the browser. */
  readerLanguage: LanguageCode | 'auto';
  /** The language of RedBridge's own interface; `auto` follows the browser. */
  uiLanguage: UiLanguage;
  displayMode: DisplayMode;
  sites: Record<SiteHost, boolean>;
  /** Providers tried in order; the chain falls back along this list. */
  providerOrder: ProviderId[];
  providers: ProviderSettings;
  /** Explain memes and slang found in units. */
  showTerms: boolean;
  onboarded: boolean;
}

/**
 * Private first: Chrome's on-device translator when its model is there (text never leaves the
 * machine), then the keyless services, Google's batch endpoint before Microsoft's, and Google's
 * single-text endpoint as the last resort.
 */
export const DEFAULT_PROVIDER_ORDER: ProviderId[] = [
  'chrome-on-device',
  'google-html',
  'microsoft-edge',
  'google-gtx',
];

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  readerLanguage: 'auto',
  uiLanguage: 'auto',
  displayMode: 'bilingual',
  sites: { 'www.xiaohongshu.com': true, 'www.rednote.com': true },
  providerOrder: DEFAULT_PROVIDER_ORDER,
  providers: {
    deepl: { plan: 'free' },
    openaiCompatible: { baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' },
    libretranslate: { baseUrl: '' },
  },
  showTerms: true,
  onboarded: false,
};

const DISPLAY_MODES: DisplayMode[] = ['bilingual', 'translation-only', 'hover'];

/**
 * Brings stored settings of any earlier version up to the current shape. Unknown or invalid values
 * fall back to defaults field by field, so one bad field never costs the user the rest.
 * Each future version adds a step here and a golden example in `settings-schema.test.ts`.
 */
export function migrateSettings(stored: unknown): Settings {
  const raw = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const base = structuredClone(DEFAULT_SETTINGS);
  const readerLanguage = raw.readerLanguage;
  const uiLanguage = raw.uiLanguage;
  const sites = (raw.sites ?? {}) as Record<string, unknown>;
  const providers = (raw.providers ?? {}) as Partial<Record<keyof ProviderSettings, Record<string, unknown>>>;
  return {
    ...base,
    readerLanguage:
      readerLanguage === 'auto' || isLanguageCode(readerLanguage) ? readerLanguage : base.readerLanguage,
    uiLanguage:
      uiLanguage === 'en' || uiLanguage === 'zh-CN' || uiLanguage === 'auto' ? uiLanguage : base.uiLanguage,
    displayMode: DISPLAY_MODES.includes(raw.displayMode as DisplayMode)
      ? (raw.displayMode as DisplayMode)
      : base.displayMode,
    sites: Object.fromEntries(
      SITE_HOSTS.map((host) => [host, typeof sites[host] === 'boolean' ? sites[host] : base.sites[host]]),
    ) as Record<SiteHost, boolean>,
    providerOrder: migrateProviderOrder(raw.providerOrder, base.providerOrder),
    providers: {
      deepl: { plan: providers.deepl?.plan === 'pro' ? 'pro' : 'free' },
      openaiCompatible: {
        baseUrl: stringOr(providers.openaiCompatible?.baseUrl, base.providers.openaiCompatible.baseUrl),
        model: stringOr(providers.openaiCompatible?.model, base.providers.openaiCompatible.model),
      },
      libretranslate: { baseUrl: stringOr(providers.libretranslate?.baseUrl, '') },
    },
    showTerms: typeof raw.showTerms === 'boolean' ? raw.showTerms : base.showTerms,
    onboarded: typeof raw.onboarded === 'boolean' ? raw.onboarded : base.onboarded,
  };
}

const PROVIDER_IDS: readonly ProviderId[] = [
  'chrome-on-device',
  'google-html',
  'microsoft-edge',
  'google-gtx',
  'deepl',
  'openai-compatible',
  'libretranslate',
];

/** Known providers in the stored order, each once; the default chain if none is left. */
function migrateProviderOrder(stored: unknown, fallback: ProviderId[]): ProviderId[] {
  if (!Array.isArray(stored)) return fallback;
  const known = stored.filter((id): id is ProviderId => PROVIDER_IDS.includes(id as ProviderId));
  const unique = [...new Set(known)];
  return unique.length > 0 ? unique : fallback;
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}
