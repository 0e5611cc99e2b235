import type { PhraseContext, PhraseLanguage, PhraseRecord } from './records';

/** What the look-up popover sends when the reader presses Save. */
export interface PhraseInput {
  text: string;
  lang: PhraseLanguage;
  pinyin?: string;
  meaning?: string;
  tags?: string[];
  context?: Omit<PhraseContext, 'seenAt'>;
}

/**
 * Two phrases are the same when their texts match after Unicode normalization (full-width letters
 * and digits folded), trimmed of surrounding spaces and punctuation, with runs of spaces collapsed
 * and Latin letters lower-cased: "Cat tax!" and "cat  tax" are one phrase, 猫税 and 猫税。 too.
 */
export function phraseKey(text: string, lang: PhraseLanguage): string {
  const normalized = text
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
    .toLowerCase();
  return `${lang}|${normalized}`;
}

function sameContext(a: Omit<PhraseContext, 'seenAt'>, b: Omit<PhraseContext, 'seenAt'>): boolean {
  return a.sentence.trim() === b.sentence.trim() && a.url === b.url;
}

function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];
}

/**
 * The record after saving `input`. A new phrase gets `id`. An existing one keeps its id, creation
 * date, text, and the meaning, pinyin and notes the reader has (filled in only where empty, so
 * edits are never overwritten by a later save); its tags gain the new ones; its sentence list gains
 * the new sentence, or, when the same sentence on the same page was saved before, only that
 * sentence's date and missing translation are refreshed.
 */
export function mergePhrase(
  existing: PhraseRecord | undefined,
  input: PhraseInput,
  now: number,
  id: string,
): PhraseRecord {
  const text = input.text.trim();
  const context: PhraseContext | undefined = input.context && { ...input.context, seenAt: now };
  if (!existing) {
    return {
      id,
      key: phraseKey(text, input.lang),
      text,
      lang: input.lang,
      pinyin: input.pinyin?.trim() ?? '',
      meaning: input.meaning?.trim() ?? '',
      notes: '',
      tags: uniqueTags(input.tags ?? []),
      contexts: context ? [context] : [],
      createdAt: now,
      updatedAt: now,
    };
  }
  let contexts = existing.contexts;
  if (context) {
    const index = contexts.findIndex((known) => sameContext(known, context));
    contexts =
      index < 0
        ? [...contexts, context]
        : contexts.map((known, i) =>
            i === index
              ? {
                  ...known,
                  seenAt: now,
                  sentenceTranslation: known.sentenceTranslation || context.sentenceTranslation,
                  title: known.title || context.title,
                }
              : known,
          );
  }
  return {
    ...existing,
    pinyin: existing.pinyin || (input.pinyin?.trim() ?? ''),
    meaning: existing.meaning || (input.meaning?.trim() ?? ''),
    tags: uniqueTags([...existing.tags, ...(input.tags ?? [])]),
    contexts,
    updatedAt: now,
  };
}
