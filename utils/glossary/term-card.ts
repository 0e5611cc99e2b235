import type { LocalizedText, UserGlossaryEntry } from './glossary-schema';

/**
 * What a page needs to explain one term found in a unit: the entry's explanation, and the text as
 * written on the page (the DOM contract's `data-rb-term`). Only the entries a unit mentions travel to
 * the content script; the glossary itself stays in the background.
 */
export type TermCard = Omit<UserGlossaryEntry, 'id' | 'aliases' | 'notInside'> & {
  /** The term as written in the source (e.g. `Ｖ我５０`). */
  readonly surface: string;
  readonly entryId: string;
  /** Bundled with RedBridge, or one of the user's own terms. */
  readonly kind: 'bundled' | 'user';
};

/** Picks the explanation in the reader's interface language, falling back to the other one. */
export function localized(text: Partial<LocalizedText> | undefined, locale: 'en' | 'zh-CN'): string {
  if (!text) return '';
  return text[locale] ?? text[locale === 'en' ? 'zh-CN' : 'en'] ?? '';
}
