import { isLanguageCode } from '../../language/languages';

/**
 * Providers report detected languages in their own dialects (`zh-Hans`, `ZH`, `zh-CN`, `EN`,
 * `pt-BR`). Maps them onto our codes where one fits, otherwise keeps the tag lower-cased so a
 * caller can still tell "Traditional Chinese" from "unknown".
 */
export function normaliseDetectedLanguage(tag: string | undefined | null): string | undefined {
  if (!tag) return undefined;
  const lower = tag.trim().replace('_', '-').toLowerCase();
  if (lower === '' || lower === 'auto' || lower === 'und') return undefined;
  if (lower === 'zh' || lower === 'zh-cn' || lower === 'zh-sg' || lower.startsWith('zh-hans')) return 'zh-CN';
  if (lower.startsWith('zh-')) return lower;
  const base = lower.split('-')[0] ?? lower;
  return isLanguageCode(base) ? base : lower;
}
