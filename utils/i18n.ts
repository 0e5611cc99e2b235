import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en/translation.json';
import zhCN from '../locales/zh-CN/translation.json';
import type { UiLanguage } from './settings-schema';

export const UI_LANGUAGES = ['en', 'zh-CN'] as const;
export type UiLocale = (typeof UI_LANGUAGES)[number];

export const resources = { en: { translation: en }, 'zh-CN': { translation: zhCN } } as const;

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
