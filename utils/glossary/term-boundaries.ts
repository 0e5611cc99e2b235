/**
 * Where a pattern may match. Chinese has no spaces, so Chinese patterns match anywhere; Latin-script
 * and numeric patterns would otherwise fire inside unrelated words ("mid" in "midnight", "88" in
 * "1988", "L" in "L号") and show the reader a wrong explanation.
 */
export interface BoundaryRule {
  /** The pattern starts with a Latin letter or digit: the text must not continue a word before it. */
  readonly latinStart: boolean;
  /** The pattern ends with a Latin letter or digit: the text must not continue a word after it. */
  readonly latinEnd: boolean;
  /** One- or two-character Latin terms (W, L, fr, gg): must be a token of their own. */
  readonly standalone: boolean;
  /** Digit-only terms (666, 520, 88): must not be part of a longer number, a price or a quantity. */
  readonly numeric: boolean;
}

const HYPHEN = 0x2d;
const ANY_LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

// Around a digit-only term these mean "this is an amount, a date or a rank", not slang:
// ¥520, #88, 第88, 88元, 666个, 2333年, 88楼, 520%.
const NUMBER_PREFIXES = new Set([...'¥￥$€£#第'].map((char) => char.codePointAt(0) ?? 0));
const NUMBER_SUFFIXES = new Set(
  [...'元块毛角分岁个次号年月日天周点时秒米斤克件条位人楼层万千百亿%‰℃度折倍张台辆只份期届栋室名'].map(
    (char) => char.codePointAt(0) ?? 0,
  ),
);
const NUMBER_SEPARATORS = new Set([0x2e, 0x2c, 0x3a]); // . , :

export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Letters of the Latin script (after folding: lowercase ASCII and accented letters) and ASCII digits. */
export function isLatinLetterOrDigit(code: number): boolean {
  if (code < 0x80) return isDigit(code) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  return (
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) || (code >= 0x1e00 && code <= 0x1eff)
  );
}

function isLetterOrNumber(code: number): boolean {
  if (code < 0x80) return isLatinLetterOrDigit(code);
  return ANY_LETTER_OR_NUMBER.test(String.fromCodePoint(code));
}

export function boundaryRuleFor(pattern: string): BoundaryRule {
  const codePoints = [...pattern].map((char) => char.codePointAt(0) ?? 0);
  const first = codePoints[0] ?? 0;
  const last = codePoints[codePoints.length - 1] ?? 0;
  const numeric = codePoints.length > 0 && codePoints.every(isDigit);
  return {
    latinStart: isLatinLetterOrDigit(first),
    latinEnd: isLatinLetterOrDigit(last),
    standalone: !numeric && codePoints.length <= 2 && codePoints.every(isLatinLetterOrDigit),
    numeric,
  };
}

/** The code point ending just before `index`, or -1 at the start of the text. */
function codePointBefore(units: Uint16Array, index: number): number {
  if (index <= 0) return -1;
  const low = units[index - 1] ?? 0;
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = units[index - 2] ?? 0;
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** The code point starting at `index`, or -1 at the end of the text. */
function codePointAt(units: Uint16Array, length: number, index: number): number {
  if (index >= length) return -1;
  const high = units[index] ?? 0;
  if (high >= 0xd800 && high <= 0xdbff && index + 1 < length) {
    const low = units[index + 1] ?? 0;
    if (low >= 0xdc00 && low <= 0xdfff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return high;
}

/**
 * Whether a candidate match `[start, end)` in folded text respects its pattern's rule. A hyphen
 * between Latin letters counts as part of the word, so "mid" does not match in "mid-century".
 */
export function acceptsMatch(
  units: Uint16Array,
  length: number,
  start: number,
  end: number,
  rule: BoundaryRule,
): boolean {
  if (!rule.latinStart && !rule.latinEnd && !rule.numeric) return true;
  const before = codePointBefore(units, start);
  const after = codePointAt(units, length, end);

  if (rule.standalone) {
    if (before >= 0 && isLetterOrNumber(before)) return false;
    if (after >= 0 && isLetterOrNumber(after)) return false;
  }
  if (rule.latinStart) {
    if (isLatinLetterOrDigit(before)) return false;
    if (before === HYPHEN && isLatinLetterOrDigit(codePointBefore(units, start - 1))) return false;
  }
  if (rule.latinEnd) {
    if (isLatinLetterOrDigit(after)) return false;
    if (after === HYPHEN && isLatinLetterOrDigit(codePointAt(units, length, end + 1))) return false;
  }
  if (rule.numeric) {
    if (NUMBER_PREFIXES.has(before) || NUMBER_SUFFIXES.has(after)) return false;
    if (NUMBER_SEPARATORS.has(before) && isDigit(codePointBefore(units, start - 1))) return false;
    if (NUMBER_SEPARATORS.has(after) && isDigit(codePointAt(units, length, end + 1))) return false;
  }
  return true;
}
