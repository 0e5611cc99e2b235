import { isLanguageCode, type LanguageCode } from './language/languages';
import { SITE_HOSTS, type SiteHost } from './xhs/hosts';
import type { SourceScope } from './language/direction';
import { isProviderId, type ProviderId, type WritingRegister } from './translate/types';

/**
 * User settings, kept in `browser.storage.local` so every context (content scripts included) sees
 * changes live through `storage.onChanged`. Secrets (API keys) are NOT settings: they live in the
 * background-owned database and never reach a content script.
 */
export const SETTINGS_VERSION = 4;

export type DisplayMode = 'bilingual' | 'translation-only' | 'hover';
export type UiLanguage = 'auto' | 'en' | 'zh-CN';

export type { SourceScope } from './language/direction';

/** Named colour pairs (light and dark site) for translations; `site` keeps a quieter site text colour. */
export type ColorPreset = 'site' | 'grey' | 'blue' | 'green' | 'purple' | 'brown' | 'custom';
export const COLOR_PRESETS: ColorPreset[] = ['site', 'grey', 'blue', 'green', 'purple', 'brown', 'custom'];

/**
 * Whether the site's own interface (navigation, buttons, counts, dates, places) is shown in the
 * reader's language: `auto` does it for every reader but a Chinese one.
 */
export type SiteInterface = 'auto' | 'on' | 'off';

/** Where a translation sits: below the original with an accent line, or below it in a muted block. */
export type Placement = 'line' | 'block';

export interface Appearance {
  /** Size of a translation relative to the text it translates, in percent. */
  fontScale: number;
  colors: ColorPreset;
  /** Used when `colors` is `custom`: `#rrggbb` on the light site and on the dark site. */
  customColors: { light: string; dark: string };
  placement: Placement;
}

/** The compose bar with the site's comment box, and how the reader's words should sound translated. */
export interface ComposeSettings {
  assist: boolean;
  register: WritingRegister;
}

export const FONT_SCALE_MIN = 80;
export const FONT_SCALE_MAX = 160;

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
  /** Explain memes and slang found in units. */
  showTerms: boolean;
  onboarded: boolean;
  /** Added in version 2. */
  sourceScope: SourceScope;
  /** Added in version 2. */
  appearance: Appearance;
  /** Added in version 3. */
  siteInterface: SiteInterface;
  /** Added in version 4. */
  compose: ComposeSettings;
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
  showTerms: true,
  onboarded: false,
  sourceScope: 'all',
  appearance: {
    fontScale: 100,
    colors: 'site',
    customColors: { light: '#1a5fb4', dark: '#8ab4f8' },
    placement: 'line',
  },
  siteInterface: 'auto',
  compose: { assist: true, register: 'casual' },
};

const DISPLAY_MODES: DisplayMode[] = ['bilingual', 'translation-only', 'hover'];

/**
 * Brings stored settings of any earlier version up to the current shape. Unknown or invalid values
 * fall back to defaults field by field, so one bad field never costs the user the rest.
 * Each future version adds a step here and a golden example in `settings-schema.test.ts`.
 * Version 2 added `sourceScope` and `appearance`; a version-1 object gets their defaults (which keep
 * the version-1 behaviour: everything not in the reader's language, the original overlay look).
 * Version 3 moved `providers` (addresses, model, plan) into the background's database beside the
 * keys (`utils/translate/provider-config.ts`); the background adopts an older object's once. It
 * added `siteInterface`, whose default (`auto`) shows the site's interface in the reader's language
 * for every reader but a Chinese one.
 * Version 4 added `compose`: the compose bar on, casual comments, for everyone who had an earlier one.
 */
export function migrateSettings(stored: unknown): Settings {
  const raw = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const base = structuredClone(DEFAULT_SETTINGS);
  const readerLanguage = raw.readerLanguage;
  const uiLanguage = raw.uiLanguage;
  const sites = (raw.sites ?? {}) as Record<string, unknown>;
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
    showTerms: typeof raw.showTerms === 'boolean' ? raw.showTerms : base.showTerms,
    onboarded: typeof raw.onboarded === 'boolean' ? raw.onboarded : base.onboarded,
    sourceScope:
      raw.sourceScope === 'primary' || raw.sourceScope === 'all' ? raw.sourceScope : base.sourceScope,
    appearance: migrateAppearance(raw.appearance, base.appearance),
    siteInterface:
      raw.siteInterface === 'on' || raw.siteInterface === 'off' ? raw.siteInterface : base.siteInterface,
    compose: migrateCompose(raw.compose, base.compose),
  };
}

function migrateCompose(stored: unknown, fallback: ComposeSettings): ComposeSettings {
  const raw = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  return {
    assist: typeof raw.assist === 'boolean' ? raw.assist : fallback.assist,
    register: raw.register === 'casual' || raw.register === 'neutral' ? raw.register : fallback.register,
  };
}

function migrateAppearance(stored: unknown, fallback: Appearance): Appearance {
  const raw = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const custom = (raw.customColors ?? {}) as Record<string, unknown>;
  const scale = raw.fontScale;
  return {
    fontScale:
      typeof scale === 'number' && Number.isFinite(scale)
        ? Math.min(FONT_SCALE_MAX, Math.max(FONT_SCALE_MIN, Math.round(scale)))
        : fallback.fontScale,
    colors: COLOR_PRESETS.includes(raw.colors as ColorPreset) ? (raw.colors as ColorPreset) : fallback.colors,
    customColors: {
      light: isHexColor(custom.light) ? custom.light.toLowerCase() : fallback.customColors.light,
      dark: isHexColor(custom.dark) ? custom.dark.toLowerCase() : fallback.customColors.dark,
    },
    placement: raw.placement === 'block' || raw.placement === 'line' ? raw.placement : fallback.placement,
  };
}

/** `#rrggbb`, the form `<input type="color">` gives; anything else could break the page's CSS. */
export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value);
}

/** Known providers in the stored order, each once; the default chain if none is left. */
function migrateProviderOrder(stored: unknown, fallback: ProviderId[]): ProviderId[] {
  if (!Array.isArray(stored)) return fallback;
  const known = stored.filter(isProviderId);
  const unique = [...new Set(known)];
  return unique.length > 0 ? unique : fallback;
}
