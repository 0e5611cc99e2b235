/**
 * Two text formats of CC-CEDICT:
 * - the published source, one entry a line: `傳統 传统 [chuan2 tong3] /tradition/traditional/`;
 * - the compact file RedBridge ships (`public/dictionary/cedict.txt`), one entry a line, tab
 *   separated: `simplified⇥traditional⇥pinyin⇥definition/definition`, the traditional form left
 *   empty when it is the same as the simplified one. Lines starting with `#` are the notice.
 */

export interface CedictEntry {
  simplified: string;
  traditional: string;
  /** Numbered pinyin as CEDICT writes it: `xie4 xie5`. */
  pinyin: string;
  definitions: string[];
}

const SOURCE_LINE = /^(\S+) (\S+) \[([^\]]*)\] \/(.*)\/\s*$/;

/** One line of the published CC-CEDICT file, or null for comments and lines it cannot read. */
export function parseSourceLine(line: string): CedictEntry | null {
  if (line.startsWith('#')) return null;
  const match = SOURCE_LINE.exec(line);
  if (!match) return null;
  const [, traditional, simplified, pinyin, definitions] = match;
  return {
    simplified: simplified!,
    traditional: traditional!,
    pinyin: pinyin!,
    definitions: definitions!.split('/').filter(Boolean),
  };
}

/** An entry as one line of the compact file. Definitions never contain tabs or newlines. */
export function toCompactLine(entry: CedictEntry): string {
  const traditional = entry.traditional === entry.simplified ? '' : entry.traditional;
  return [entry.simplified, traditional, entry.pinyin, entry.definitions.join('/')].join('\t');
}

/** One line of the compact file, or null for the notice and blank lines. */
export function parseCompactLine(line: string): CedictEntry | null {
  if (!line || line.startsWith('#')) return null;
  const [simplified, traditional, pinyin, definitions] = line.split('\t');
  if (!simplified || pinyin === undefined || definitions === undefined) return null;
  return {
    simplified,
    traditional: traditional || simplified,
    pinyin,
    definitions: definitions.split('/').filter(Boolean),
  };
}

/** The notice at the top of the shipped file: what it is, who made it, its licence. */
export function compactHeader(sourceHeader: string[]): string[] {
  const kept = sourceHeader.filter((line) => /^#! (date|entries|license|publisher)=/.test(line));
  return [
    '# CC-CEDICT, community maintained free Chinese-English dictionary, published by MDBG.',
    '# Licence: Creative Commons Attribution-ShareAlike 4.0 International',
    '# (https://creativecommons.org/licenses/by-sa/4.0/). Referenced works: CEDICT, Copyright (C)',
    '# 1997, 1998 Paul Andrew Denisowski. https://www.mdbg.net/chinese/dictionary?page=cc-cedict',
    '# Converted by RedBridge to one entry per line: simplified, traditional (if different), pinyin,',
    '# definitions, tab separated. The entries themselves are unchanged.',
    ...kept,
  ];
}

/** The whole shipped file built from the published source text. */
export function convertSource(source: string): string {
  const lines = source.split(/\r?\n/);
  const header = compactHeader(lines.filter((line) => line.startsWith('#')));
  const entries: string[] = [];
  for (const line of lines) {
    const entry = parseSourceLine(line);
    if (entry) entries.push(toCompactLine(entry));
  }
  return [...header, ...entries].join('\n') + '\n';
}
