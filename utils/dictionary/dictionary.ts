import { parseCompactLine, type CedictEntry } from './cedict-format';

/**
 * The shipped CC-CEDICT, indexed by simplified and traditional headword. The index maps each
 * headword to where its lines start in the file's text (one number, or a list for a headword with
 * several readings); a line is parsed only when its headword is looked up. Loading costs one pass
 * over the text, and the worker keeps the text plus one small number per headword, not 100k objects.
 */
export class ChineseDictionary {
  private readonly index = new Map<string, number | number[]>();
  /** Longest headword, in UTF-16 code units: bounds the segmenter's search. */
  readonly maxWordLength: number;
  readonly size: number;

  constructor(private readonly text: string) {
    let longest = 1;
    let count = 0;
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const lineStart = start;
      start = end + 1;
      if (lineStart === end || text.charCodeAt(lineStart) === 35 /* # */) continue;
      const firstTab = text.indexOf('\t', lineStart);
      const secondTab = firstTab < 0 ? -1 : text.indexOf('\t', firstTab + 1);
      if (firstTab <= lineStart || secondTab < 0 || secondTab > end) continue;
      const simplified = text.slice(lineStart, firstTab);
      const traditional = text.slice(firstTab + 1, secondTab);
      this.add(simplified, lineStart);
      if (traditional && traditional !== simplified) this.add(traditional, lineStart);
      longest = Math.max(longest, simplified.length, traditional.length);
      count++;
    }
    this.maxWordLength = longest;
    this.size = count;
  }

  private add(headword: string, offset: number): void {
    const known = this.index.get(headword);
    if (known === undefined) this.index.set(headword, offset);
    else if (typeof known === 'number') this.index.set(headword, [known, offset]);
    else known.push(offset);
  }

  private line(offset: number): string {
    const end = this.text.indexOf('\n', offset);
    return this.text.slice(offset, end < 0 ? this.text.length : end);
  }

  has(word: string): boolean {
    return this.index.has(word);
  }

  /**
   * The entries of a headword, everyday readings first: common-noun readings (lower-case pinyin)
   * before names, and real definitions before "variant of" cross-references.
   */
  lookup(word: string): CedictEntry[] {
    const found = this.index.get(word);
    const offsets = found === undefined ? [] : typeof found === 'number' ? [found] : found;
    const entries = offsets
      .map((offset) => parseCompactLine(this.line(offset)))
      .filter((entry): entry is CedictEntry => !!entry);
    return entries
      .map((entry, order) => ({ entry, order, rank: entryRank(entry) }))
      .sort((a, b) => a.rank - b.rank || a.order - b.order)
      .map(({ entry }) => entry);
  }
}

const CROSS_REFERENCE = /^(old |archaic |unofficial |Japanese )?variant of |^used in |^surname /;

function entryRank(entry: CedictEntry): number {
  const properNoun = /^[A-Z]/.test(entry.pinyin) ? 2 : 0;
  const onlyReferences = entry.definitions.every((definition) => CROSS_REFERENCE.test(definition)) ? 1 : 0;
  return properNoun + onlyReferences;
}
