import { TRADITIONAL_TO_SIMPLIFIED } from './traditional-to-simplified';

/**
 * Text folded for matching, with a map back to the original string. Matching runs on `units`
 * (UTF-16 code units, like a JS string) so that offsets found there can be mapped back exactly even
 * when folding changed the length (collapsed whitespace, removed zero-width characters, 'İ' → 'i̇').
 */
export interface NormalizedText {
  readonly original: string;
  /** Folded UTF-16 code units; only the first `length` are meaningful. */
  readonly units: Uint16Array;
  readonly length: number;
  /** `sourceStart[i]`: index in `original` where the character that produced unit `i` starts. */
  readonly sourceStart: Uint32Array;
  /** `sourceEnd[i]`: index in `original` just after that character. */
  readonly sourceEnd: Uint32Array;
}

const SPACE = 0x20;
const APOSTROPHE = 0x27;
const QUOTE = 0x22;

function isWhitespace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Invisible characters people paste (or insert to dodge filters) inside words. */
function isZeroWidth(code: number): boolean {
  return code === 0x00ad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}

/**
 * Folds one BMP code unit that maps to exactly one unit, or returns -1 when the generic lowercase path
 * must decide. Covers the hot path (ASCII, CJK) without allocating strings.
 */
function foldUnit(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  if (code >= 0xff01 && code <= 0xff5e) {
    // Full-width ASCII (Ｖ我５０) sits at a fixed offset from ASCII.
    const ascii = code - 0xfee0;
    return ascii >= 0x41 && ascii <= 0x5a ? ascii + 0x20 : ascii;
  }
  if (code === 0x2018 || code === 0x2019 || code === 0x201a || code === 0x201b || code === 0x2032) {
    return APOSTROPHE;
  }
  if (code === 0x201c || code === 0x201d || code === 0x201e || code === 0x201f || code === 0x2033) {
    return QUOTE;
  }
  const simplified = TRADITIONAL_TO_SIMPLIFIED.get(code);
  if (simplified !== undefined) return simplified;
  // Only scripts with letter case need String#toLowerCase; CJK and symbols pass through untouched.
  if (code < 0x0250 || (code >= 0x0370 && code < 0x0590) || (code >= 0x1e00 && code < 0x2000)) return -1;
  return code;
}

/**
 * Lowercases, folds full-width ASCII to half-width, traditional to simplified characters (for the
 * characters glossary terms use), curly quotes to straight ones, collapses whitespace runs to a single
 * space and drops zero-width characters. The same function folds patterns and page text, so both meet
 * in the same form.
 */
export function normalizeForMatching(original: string): NormalizedText {
  const inputLength = original.length;
  // Folding never turns one code unit into more than two (only 'İ' → 'i̇' grows at all), so 2× is enough.
  const capacity = inputLength * 2;
  const units = new Uint16Array(capacity);
  const sourceStart = new Uint32Array(capacity);
  const sourceEnd = new Uint32Array(capacity);
  let length = 0;
  let previousWasSpace = false;

  const push = (unit: number, start: number, end: number): void => {
    units[length] = unit;
    sourceStart[length] = start;
    sourceEnd[length] = end;
    length++;
  };

  for (let index = 0; index < inputLength; ) {
    const code = original.charCodeAt(index);

    if (code >= 0xd800 && code <= 0xdbff && index + 1 < inputLength) {
      const low = original.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        // Astral characters (emoji, rare CJK) are kept as they are, both halves pointing at the pair.
        push(code, index, index + 2);
        push(low, index, index + 2);
        previousWasSpace = false;
        index += 2;
        continue;
      }
    }

    if (isWhitespace(code)) {
      if (previousWasSpace) {
        sourceEnd[length - 1] = index + 1;
      } else {
        push(SPACE, index, index + 1);
        previousWasSpace = true;
      }
      index++;
      continue;
    }
    if (isZeroWidth(code)) {
      index++;
      continue;
    }
    previousWasSpace = false;

    const folded = foldUnit(code);
    if (folded >= 0) {
      push(folded, index, index + 1);
    } else {
      const lower = String.fromCharCode(code).toLowerCase();
      for (let offset = 0; offset < lower.length; offset++) push(lower.charCodeAt(offset), index, index + 1);
    }
    index++;
  }

  return { original, units, length, sourceStart, sourceEnd };
}

/** The folded form of `text` as a string: how patterns are stored and compared. */
export function normalizeTerm(text: string): string {
  const normalized = normalizeForMatching(text.trim());
  let result = '';
  // Chunked so very long inputs never exceed the engine's argument limit.
  for (let start = 0; start < normalized.length; start += 4096) {
    const end = Math.min(start + 4096, normalized.length);
    result += String.fromCharCode(...normalized.units.subarray(start, end));
  }
  return result;
}
