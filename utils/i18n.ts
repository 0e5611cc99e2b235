import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from './settings-schema';

export const UI_LANGUAGES = ['en', 'zh-CN'] as const;
export type UiLocale = (typeof UI_LANGUAGES)[number];

type Strings = { [key: string]: string | Strings };

/**
 * Each locale folder holds `translation.json` (shared strings) plus one file per feature
 * (`glossary.json`, `welcome.json`…), whose strings live under a key named after the file:
 * `t('glossary.title')` reads `locales/<lang>/glossary.json` → `title`.
 */
const localeFiles = import.meta.glob<Strings>('../locales/*/*.json', { eager: true, import: 'default' });

function stringsFor(locale: UiLocale): Strings {
  const strings: Strings = {};
  for (const [path, content] of Object.entries(localeFiles)) {
    const [, folder, file] = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path)!;
    if (folder !== locale) continue;
    if (file === 'translation') Object.assign(strings, content);
    else strings[file!] = content;
  }
  return strings;
}

export const resources = {
  en: { translation: stringsFor('en') },
  'zh-CN': { translation: stringsFor('zh-CN') },
};

/** Chinese browsers get the Chinese interface; everyone else gets English. */
export function uiLocaleFor(setting: UiLanguage, browserLocale: string): UiLocale {
  if (setting !== 'auto') return setting;
  return browserLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** Creates an i18next instance for one page or content script. */
export async function createI18n(locale: UiLocale, withReact = true): Promise<i18n> {
  const instance = i18next.createInstance();
  if (withReact) instance.use(initReactI18next);
  await instance.init({
    resources,
    lng: locale,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React and textContent escape already
    returnNull: false,
  });
  return instance;
}
