import { TRADITIONAL_TO_SIMPLIFIED } from './traditional-to-simplified';

/**
 * Text folded for matching, with a map back to the original string. Matching runs on `units`
 * (UTF-16 code units, like a JS string) so that offsets found there can be mapped back exactly even
 * when folding changed the length (collapsed whitespace, removed zero-width characters, 'İ' → 'i̇').
 */
export interface NormalizedText {
  /** Folded UTF-16 code units; only the first `length` are meaningful. */
  readonly units: Uint16Array;
  readonly length: number;
  /** `sourceStart[i]`: index in the original where the character that produced unit `i` starts. */
  readonly sourceStart: Uint32Array;
  /** `sourceEnd[i]`: index in the original just after that character. */
  readonly sourceEnd: Uint32Array;
}

/**
 * Reusable output of `foldInto`. Allocating typed arrays costs more than folding a short comment, so
 * hot paths (matching every comment, folding thousands of patterns) keep one buffer and refill it.
 */
export class FoldBuffer implements NormalizedText {
  units: Uint16Array;
  sourceStart: Uint32Array;
  sourceEnd: Uint32Array;
  length = 0;

  constructor(capacity = 256) {
    this.units = new Uint16Array(capacity);
    this.sourceStart = new Uint32Array(capacity);
    this.sourceEnd = new Uint32Array(capacity);
  }

  /** Makes room for `capacity` units; existing content is discarded. */
  reserve(capacity: number): void {
    if (capacity <= this.units.length) return;
    const size = Math.max(capacity, this.units.length * 2);
    this.units = new Uint16Array(size);
    this.sourceStart = new Uint32Array(size);
    this.sourceEnd = new Uint32Array(size);
  }
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
 * space and drops zero-width characters. The same folding applies to patterns and page text, so both
 * meet in the same form. Writes into `buffer`, replacing its content.
 */
export function foldInto(original: string, buffer: FoldBuffer): void {
  const inputLength = original.length;
  // Folding never turns one code unit into more than two (only 'İ' → 'i̇' grows at all), so 2× is enough.
  buffer.reserve(inputLength * 2);
  const { units, sourceStart, sourceEnd } = buffer;
  let length = 0;
  let previousWasSpace = false;

  for (let index = 0; index < inputLength;) {
    const code = original.charCodeAt(index);

    if (code >= 0xd800 && code <= 0xdbff && index + 1 < inputLength) {
      const low = original.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        // Astral characters (emoji, rare CJK) are kept as they are, both halves pointing at the pair.
        units[length] = code;
        units[length + 1] = low;
        sourceStart[length] = sourceStart[length + 1] = index;
        sourceEnd[length] = sourceEnd[length + 1] = index + 2;
        length += 2;
        previousWasSpace = false;
        index += 2;
        continue;
      }
    }

    if (isWhitespace(code)) {
      if (previousWasSpace) {
        sourceEnd[length - 1] = index + 1;
      } else {
        units[length] = SPACE;
        sourceStart[length] = index;
        sourceEnd[length] = index + 1;
        length++;
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
      units[length] = folded;
      sourceStart[length] = index;
      sourceEnd[length] = index + 1;
      length++;
    } else {
      const lower = String.fromCharCode(code).toLowerCase();
      for (let offset = 0; offset < lower.length; offset++) {
        units[length] = lower.charCodeAt(offset);
        sourceStart[length] = index;
        sourceEnd[length] = index + 1;
        length++;
      }
    }
    index++;
  }
  buffer.length = length;
}

/** `foldInto` with a buffer of its own, for callers that keep the result. */
export function normalizeForMatching(original: string): NormalizedText {
  const buffer = new FoldBuffer(original.length * 2);
  foldInto(original, buffer);
  return buffer;
}

const termBuffer = new FoldBuffer();

/** The folded form of `text` as a string: how patterns are stored and compared. */
export function normalizeTerm(text: string): string {
  foldInto(text.trim(), termBuffer);
  let result = '';
  // Chunked so very long inputs never exceed the engine's argument limit.
  for (let start = 0; start < termBuffer.length; start += 4096) {
    const end = Math.min(start + 4096, termBuffer.length);
    result += String.fromCharCode(...termBuffer.units.subarray(start, end));
  }
  return result;
}
