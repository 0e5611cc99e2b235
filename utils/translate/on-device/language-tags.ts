import type { SourceLanguage } from '../types';

/**
 * Chrome's Translator names Simplified Chinese `zh` (Traditional is `zh-Hant`); every other
 * language we route is already the bare tag it expects.
 */
export function chromeLanguageTag(language: SourceLanguage): string {
  return language === 'zh-CN' ? 'zh' : language;
}

/** Whether two API tags name the same language, so there is nothing to translate. */
export function sameLanguageTag(a: string, b: string): boolean {
  const normalise = (tag: string) => {
    const lower = tag.trim().replace('_', '-').toLowerCase();
    // Simplified Chinese has three spellings; Traditional (`zh-hant`, `zh-tw`) stays distinct.
    return lower === 'zh-cn' || lower === 'zh-hans' || lower === 'zh-sg' ? 'zh' : lower;
  };
  return normalise(a) === normalise(b);
}
