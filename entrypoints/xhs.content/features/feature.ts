import type { i18n } from 'i18next';
import type { Settings } from '@/utils/settings-schema';
import type { TranslationTransport } from '@/utils/transport/translation-port-client';
import type { SiteHost } from '@/utils/xhs/hosts';
import type { PageLocation } from '@/utils/xhs/units';
import type { OverlayDecorations } from './overlay-decorations';

/** Where a feature runs: the site's host and where in the app the page is now. */
export interface PageInfo {
  host: SiteHost;
  location(): PageLocation & { href: string; origin: string };
}

/** What a feature is given when it starts. Everything it adds to the page goes when `signal` aborts. */
export interface FeatureContext {
  doc: Document;
  page: PageInfo;
  /** The settings as they are now (a feature's session hears of changes through `onSettings`). */
  settings(): Settings;
  /** The interface language's strings; features relabel on its `languageChanged` event. */
  i18n: i18n;
  /** The translation port to the background. */
  transport: TranslationTransport;
  /** Translated units' overlays, which other features decorate (term chips and marks). */
  overlays: OverlayDecorations;
  signal: AbortSignal;
}

/** What a started feature wants to hear of while it runs. */
export interface FeatureSession {
  /** Settings changed and the feature stays enabled. */
  onSettings?(next: Settings, previous: Settings): void;
  /** The single-page app moved to another URL (a note opened or closed, another list). */
  onNavigate?(url: string): void;
}

/**
 * One on-page feature: a folder under `features/` whose `index.ts` exports one of these, and one line
 * in `features.ts`. The runner starts it when `enabled` says so, stops it (aborting its signal) when
 * it no longer does, and passes settings changes and navigation to the session it returned.
 */
export interface PageFeature {
  name: string;
  enabled(settings: Settings, page: PageInfo): boolean;
  start(ctx: FeatureContext): FeatureSession | void;
}

/** Whether RedBridge is switched on for this site (the popup's switch, Alt+T). */
export function siteEnabled(settings: Settings, page: PageInfo): boolean {
  return settings.sites[page.host] ?? true;
}
