import { browser } from 'wxt/browser';
import { languageFromLocale, type LanguageCode } from './language/languages';
import { migrateSettings, type Settings } from './settings-schema';

/** Storage key of the settings object in `browser.storage.local`. */
export const SETTINGS_KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return migrateSettings(stored[SETTINGS_KEY]);
}

/** Applies a partial change on top of what is stored now (not on a stale copy) and saves it. */
/** Writes of this context, one at a time: two overlapping read-merge-writes would lose the first. */
let writes: Promise<unknown> = Promise.resolve();

export function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const write = writes.then(async () => {
    const next = { ...(await loadSettings()), ...change };
    await browser.storage.local.set({ [SETTINGS_KEY]: next });
    return next;
  });
  writes = write.catch(() => undefined);
  return write;
}

/** Calls `listener` with the new settings whenever any context changes them. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes)
      listener(migrateSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

let cachedLocale: string | undefined;

/**
 * The browser's UI locale; `navigator.language` is the fallback where `i18n` is not exposed.
 * Read once per context: it cannot change without a browser restart, and the call is synchronous.
 */
export function browserLocale(): string {
  if (cachedLocale) return cachedLocale;
  try {
    cachedLocale = browser.i18n?.getUILanguage?.() || navigator.language;
  } catch {
    cachedLocale = navigator.language;
  }
  return cachedLocale;
}

/** Whether the site's own interface is shown in the reader's language (never for a Chinese reader by default). */
export function showsSiteInterface(settings: Settings, locale = browserLocale()): boolean {
  if (settings.siteInterface !== 'auto') return settings.siteInterface === 'on';
  return resolveReaderLanguage(settings, locale) !== 'zh-CN';
}

/** The language translations are shown in: the user's choice, or the browser's language. */
export function resolveReaderLanguage(settings: Settings, locale = browserLocale()): LanguageCode {
  return settings.readerLanguage === 'auto' ? languageFromLocale(locale) : settings.readerLanguage;
}
