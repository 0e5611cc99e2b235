import { csvRow, delimitedRow } from '../delimited';
import type { PhraseRecord } from './records';

/**
 * Phrasebook exports. Both are plain text a spreadsheet or Anki reads without help:
 * - Anki: tab-separated, with Anki's file headers (`#separator:tab`, `#html:false`, `#columns`,
 *   `#tags column`), one note per phrase; fields follow the columns line.
 * - CSV: RFC 4180, comma-separated, with a header row and a byte-order mark so spreadsheet
 *   programs read it as UTF-8, and cells that would start a formula made text (`csvRow`).
 * Anki's file gets no such prefix: Anki evaluates no formulas, and a `'` would show on the card.
 */

export const ANKI_COLUMNS = [
  'Phrase',
  'Pinyin',
  'Meaning',
  'Sentence',
  'Sentence translation',
  'Source',
  'Notes',
  'Tags',
] as const;

export const CSV_COLUMNS = [
  'phrase',
  'language',
  'pinyin',
  'meaning',
  'notes',
  'tags',
  'sentence',
  'sentence_translation',
  'source_url',
  'source_title',
  'saved_at',
] as const;

/** Anki tags are space-separated words: spaces inside one tag become underscores. */
function ankiTags(phrase: PhraseRecord): string {
  return ['redbridge', `redbridge::${phrase.lang}`, ...phrase.tags]
    .map((tag) => tag.trim().replace(/\s+/g, '_'))
    .join(' ');
}

export function toAnkiFile(phrases: readonly PhraseRecord[]): string {
  const lines = [
    '#separator:tab',
    '#html:false',
    `#columns:${ANKI_COLUMNS.join('\t')}`,
    `#tags column:${ANKI_COLUMNS.length}`,
  ];
  for (const phrase of phrases) {
    const context = phrase.contexts.at(-1);
    lines.push(
      delimitedRow(
        [
          phrase.text,
          phrase.pinyin,
          phrase.meaning,
          context?.sentence ?? '',
          context?.sentenceTranslation ?? '',
          context?.url ?? '',
          phrase.notes,
          ankiTags(phrase),
        ],
        '\t',
      ),
    );
  }
  return lines.join('\n') + '\n';
}

export function toCsvFile(phrases: readonly PhraseRecord[]): string {
  const lines = [csvRow(CSV_COLUMNS)];
  for (const phrase of phrases) {
    const context = phrase.contexts.at(-1);
    lines.push(
      csvRow([
        phrase.text,
        phrase.lang,
        phrase.pinyin,
        phrase.meaning,
        phrase.notes,
        phrase.tags.join('; '),
        context?.sentence ?? '',
        context?.sentenceTranslation ?? '',
        context?.url ?? '',
        context?.title ?? '',
        new Date(phrase.createdAt).toISOString(),
      ]),
    );
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}
