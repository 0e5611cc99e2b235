import type { LanguageCode } from '../language/languages';
import type { SlangNote } from '../translate/types';
import type { LocalizedText, UserGlossaryEntry } from './glossary-schema';
import { normalizeTerm } from './normalize';

/**
 * What a page needs to explain one term found in a unit: the entry's explanation, and the text as
 * written on the page (the DOM contract's `data-rb-term`). Only the entries a unit mentions travel to
 * the content script; the glossary itself stays in the background.
 */
export type TermCard = Omit<UserGlossaryEntry, 'id' | 'aliases' | 'notInside'> & {
  /** The term as written in the source (e.g. `Ｖ我５０`). */
  readonly surface: string;
  readonly entryId: string;
  /** Bundled with RedBridge, one of the user's own terms, or a language model's note (AI-generated). */
  readonly kind: 'bundled' | 'user' | 'ai';
};

/**
 * A language model's notes on slang in a unit's texts, as cards beside the glossary's: only terms
 * the glossary did not already explain, once each, for readers the glossary's two explanation
 * languages serve.
 */
export function aiNoteCards(
  notes: readonly (readonly SlangNote[] | undefined)[] | undefined,
  explained: readonly TermCard[],
  reader: LanguageCode,
): TermCard[] {
  if (!notes || (reader !== 'en' && reader !== 'zh-CN')) return [];
  const seen = new Set(explained.map((card) => normalizeTerm(card.surface)));
  const cards: TermCard[] = [];
  for (const note of notes.flat()) {
    if (!note) continue;
    const folded = normalizeTerm(note.term);
    if (seen.has(folded)) continue;
    seen.add(folded);
    cards.push({
      term: note.term,
      surface: note.term,
      entryId: `ai:${folded}`,
      kind: 'ai',
      lang: /\p{Script=Han}/u.test(note.term) ? 'zh' : 'en',
      meaning: { [reader]: note.meaning },
    });
  }
  return cards;
}

/** Picks the explanation in the reader's interface language, falling back to the other one. */
export function localized(text: Partial<LocalizedText> | undefined, locale: 'en' | 'zh-CN'): string {
  if (!text) return '';
  return text[locale] ?? text[locale === 'en' ? 'zh-CN' : 'en'] ?? '';
}
