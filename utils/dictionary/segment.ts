import type { ChineseDictionary } from './dictionary';

export interface Token {
  text: string;
  /** `word`: a dictionary headword; `unknown`: Han characters the dictionary lacks; `other`: the rest. */
  kind: 'word' | 'unknown' | 'other';
}

const HAN = /\p{Script=Han}/u;

/**
 * Cost of a way to cut a run of Han characters, compared field by field: fewest pieces first
 * (longest matches), then fewest characters outside the dictionary, then the most even pieces
 * (smallest sum of squared lengths: 研究/生命 beats 研究生/命). Costs add up piece by piece, so
 * the best cut of the whole run is found by dynamic programming over its positions.
 */
type Cost = [pieces: number, unknown: number, squares: number];

function less(a: Cost, b: Cost): boolean {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

function segmentHan(run: string, dictionary: ChineseDictionary): Token[] {
  const chars = Array.from(run);
  const n = chars.length;
  const best: (Cost | undefined)[] = new Array<Cost | undefined>(n + 1);
  const cut: number[] = new Array<number>(n + 1).fill(0);
  best[0] = [0, 0, 0];
  for (let end = 1; end <= n; end++) {
    for (let start = Math.max(0, end - dictionary.maxWordLength); start < end; start++) {
      const before = best[start];
      if (!before) continue;
      const length = end - start;
      const piece = chars.slice(start, end).join('');
      const known = dictionary.has(piece);
      if (!known && length > 1) continue;
      const cost: Cost = [before[0] + 1, before[1] + (known ? 0 : 1), before[2] + length * length];
      if (!best[end] || less(cost, best[end]!)) {
        best[end] = cost;
        cut[end] = start;
      }
    }
  }
  const tokens: Token[] = [];
  for (let end = n; end > 0; end = cut[end]!) {
    const text = chars.slice(cut[end], end).join('');
    tokens.unshift({ text, kind: dictionary.has(text) ? 'word' : 'unknown' });
  }
  return tokens;
}

/**
 * Splits text into dictionary words. Runs of Han characters are cut by dictionary matching; any
 * other run (Latin words, digits, spaces, punctuation) is kept whole as one `other` token.
 */
export function segment(text: string, dictionary: ChineseDictionary): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/\p{Script=Han}+|[^\p{Script=Han}]+/gu)) {
    const run = match[0];
    if (HAN.test(run)) tokens.push(...segmentHan(run, dictionary));
    else tokens.push({ text: run, kind: 'other' });
  }
  return tokens;
}
