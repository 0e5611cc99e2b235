/**
 * Languages RedBridge routes between. Codes are BCP-47 tags; providers map them to their own codes.
 */
export const LANGUAGES = ['zh-CN', 'en', 'ja', 'ko', 'es', 'fr', 'de', 'ru', 'pt'] as const;
export type LanguageCode = (typeof LANGUAGES)[number];

/** Native names, shown in language pickers so each reader finds their own language. */
export const LANGUAGE_NATIVE_NAMES: Record<LanguageCode, string> = {
  'zh-CN': '简体中文',
  en: 'English',
  ja: '日本語',
  ko: '한국어',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  ru: 'Русский',
  pt: 'Português',
};

export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Maps a browser/UI locale (`zh-TW`, `en-US`, `pt_BR`) to the closest supported language.
 * Falls back to English, the language most non-Chinese readers of the site share.
 */
export function languageFromLocale(locale: string | undefined | null): LanguageCode {
  if (!locale) return 'en';
  const normalized = locale.replace('_', '-').toLowerCase();
  if (normalized.startsWith('zh')) return 'zh-CN';
  const base = normalized.split('-')[0];
  const match = LANGUAGES.find((code) => code.toLowerCase() === base);
  return match ?? 'en';
}

/** A text's language as a provider is told it: known, or left to the provider to detect. */
export type SourceLanguage = LanguageCode | 'auto';
