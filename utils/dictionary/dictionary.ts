import { parseCompactLine, type CedictEntry } from './cedict-format';

/**
 * The shipped CC-CEDICT, indexed by simplified and traditional headword. Only the index is built
 * up front: each headword maps to the raw lines of its entries, which are parsed when looked up,
 * so loading costs one pass over the text and the worker keeps strings, not 100k objects.
 */
export class ChineseDictionary {
  private readonly index = new Map<string, string[]>();
  /** Longest headword, in UTF-16 code units: bounds the segmenter's search. */
  readonly maxWordLength: number;
  readonly size: number;

  constructor(compactText: string) {
    let longest = 1;
    let count = 0;
    let start = 0;
    while (start < compactText.length) {
      let end = compactText.indexOf('\n', start);
      if (end < 0) end = compactText.length;
      const line = compactText.slice(start, end);
      start = end + 1;
      if (!line || line.startsWith('#')) continue;
      const firstTab = line.indexOf('\t');
      const secondTab = line.indexOf('\t', firstTab + 1);
      if (firstTab <= 0 || secondTab < 0) continue;
      const simplified = line.slice(0, firstTab);
      const traditional = line.slice(firstTab + 1, secondTab);
      this.add(simplified, line);
      if (traditional && traditional !== simplified) this.add(traditional, line);
      longest = Math.max(longest, simplified.length, traditional.length);
      count++;
    }
    this.maxWordLength = longest;
    this.size = count;
  }

  private add(headword: string, line: string): void {
    const lines = this.index.get(headword);
    if (lines) lines.push(line);
    else this.index.set(headword, [line]);
  }

  has(word: string): boolean {
    return this.index.has(word);
  }

  /**
   * The entries of a headword, everyday readings first: common-noun readings (lower-case pinyin)
   * before names, and real definitions before "variant of" cross-references.
   */
  lookup(word: string): CedictEntry[] {
    const entries = (this.index.get(word) ?? [])
      .map((line) => parseCompactLine(line))
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
