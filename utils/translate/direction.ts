import type { LanguageCode } from '../languages';
import { detectLanguage, profileScripts } from './detect-language';
import type { SourceLanguage } from './types';

export interface Direction {
  /** False when the unit is already in the reader's language or has nothing to translate. */
  translate: boolean;
  from: SourceLanguage;
}

/**
 * Decides per unit whether and from what to translate.
 * - A Chinese reader gets foreign units translated and Chinese ones left alone; a mostly-Chinese
 *   comment with a few English words stays as it is.
 * - Any other reader gets units translated unless they are entirely in the reader's language: a
 *   comment that mixes Chinese into English still has words the reader may not know.
 * - Units without words (emoji, numbers, links, mentions) are never sent.
 */
export function decideDirection(text: string, reader: LanguageCode): Direction {
  const detected = detectLanguage(text);
  if (detected === 'none') return { translate: false, from: 'auto' };
  if (detected !== reader) return { translate: true, from: detected };
  if (reader === 'zh-CN') return { translate: false, from: detected };
  // The dominant language is the reader's; translate anyway when other scripts are mixed in.
  const profile = profileScripts(text);
  const foreignScript =
    profile.han + profile.kana + profile.hangul + (reader === 'ru' ? 0 : profile.cyrillic);
  return foreignScript > 0 ? { translate: true, from: 'auto' } : { translate: false, from: detected };
}

export interface UnitPlan {
  translate: boolean;
  from: SourceLanguage;
  /** Per segment: sent for translation, or shown as written (already in the reader's language). */
  send: boolean[];
}

/**
 * Plans one unit made of several segments (a note body's paragraphs, then its hashtags): only the
 * segments not in the reader's language are sent; the rest are shown as written. A unit is
 * translated when one of its paragraphs needs it (its hashtags decide only when it has no text).
 */
export function planUnit(
  segments: readonly string[],
  paragraphCount: number,
  reader: LanguageCode,
): UnitPlan {
  const directions = segments.map((segment) => decideDirection(segment, reader));
  const deciding = paragraphCount > 0 ? directions.slice(0, paragraphCount) : directions;
  const translate = deciding.some((direction) => direction.translate);
  const send = directions.map((direction) => translate && direction.translate);
  const sources = new Set(directions.filter((_, index) => send[index]).map((direction) => direction.from));
  const [only] = sources;
  return { translate, from: sources.size === 1 && only ? only : 'auto', send };
}
