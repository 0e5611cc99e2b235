import type { LanguageCode, SourceLanguage } from './languages';

/**
 * Which foreign text is translated: only the reader's primary foreign language on the site (Chinese;
 * English for a Chinese reader), or everything not in the reader's language.
 */
export type SourceScope = 'primary' | 'all';
import { detectLanguage, profileScripts, type ScriptProfile } from './detect-language';

export interface Direction {
  /** False when the unit is already in the reader's language or has nothing to translate. */
  translate: boolean;
  from: SourceLanguage;
}

/**
 * The foreign language a reader mostly meets on the site, the only one translated when the reader
 * chose the `primary` scope: Chinese, or English for a Chinese reader.
 */
export function primarySource(reader: LanguageCode): LanguageCode {
  return reader === 'zh-CN' ? 'en' : 'zh-CN';
}

/**
 * Decides per unit whether and from what to translate.
 * - A Chinese reader gets foreign units translated and Chinese ones left alone; a mostly-Chinese
 *   comment with a few English words stays as it is.
 * - Any other reader gets units translated unless they are entirely in the reader's language: a
 *   comment that mixes Chinese into English still has words the reader may not know.
 * - Units without words (emoji, numbers, links, mentions) are never sent.
 * - With the `primary` scope only units in the reader's primary foreign language (or, for a mixed
 *   unit, with that language's script in it) are translated; the rest are left as written.
 */
export function decideDirection(text: string, reader: LanguageCode, scope: SourceScope = 'all'): Direction {
  const detected = detectLanguage(text);
  if (detected === 'none') return { translate: false, from: 'auto' };
  if (detected !== reader) {
    const wanted = scope === 'all' || detected === primarySource(reader);
    return { translate: wanted, from: detected };
  }
  if (reader === 'zh-CN') return { translate: false, from: detected };
  // The dominant language is the reader's; translate anyway when other scripts are mixed in.
  const profile = profileScripts(text);
  const mixedIn = scope === 'all' ? foreignScripts(profile, reader) : primaryScript(profile, reader);
  return mixedIn > 0 ? { translate: true, from: 'auto' } : { translate: false, from: detected };
}

/** Characters of scripts the reader's own language does not use (Japanese writes with kanji). */
function foreignScripts(profile: ScriptProfile, reader: LanguageCode): number {
  const { han, kana, hangul, cyrillic } = profile;
  if (reader === 'ja') return hangul + cyrillic;
  if (reader === 'ko') return han + kana + cyrillic;
  if (reader === 'ru') return han + kana + hangul;
  return han + kana + hangul + cyrillic;
}

/** Characters of the primary foreign language's script (Chinese, for every reader but a Chinese one). */
function primaryScript(profile: ScriptProfile, reader: LanguageCode): number {
  return reader === 'ja' ? 0 : profile.han;
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
  scope: SourceScope = 'all',
): UnitPlan {
  const directions = segments.map((segment) => decideDirection(segment, reader, scope));
  const deciding = paragraphCount > 0 ? directions.slice(0, paragraphCount) : directions;
  const translate = deciding.some((direction) => direction.translate);
  const send = directions.map((direction) => translate && direction.translate);
  const sources = new Set(directions.filter((_, index) => send[index]).map((direction) => direction.from));
  const [only] = sources;
  return { translate, from: sources.size === 1 && only ? only : 'auto', send };
}
