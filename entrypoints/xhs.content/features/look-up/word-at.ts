/**
 * What a pointer at `offset` of `text` points at, for Alt+hover look-up: a Latin word (letters,
 * digits, inner apostrophes and hyphens) as a whole, or the run of Han characters around it (at
 * most `HAN_REACH` each side), with the pointed character's place in that run, for the background
 * to find the dictionary word there. Null over spaces, punctuation and emoji.
 */
export interface PointedText {
  start: number;
  end: number;
  /** For a Han run: the index in the run of the character under the pointer. */
  at?: number;
}

const HAN_REACH = 6;
const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;

export function wordAt(text: string, offset: number): PointedText | null {
  const char = text[offset];
  if (!char) return null;
  if (HAN.test(char)) {
    let start = offset;
    while (start > 0 && offset - start < HAN_REACH && HAN.test(text[start - 1]!)) start--;
    let end = offset + 1;
    while (end < text.length && end - offset <= HAN_REACH && HAN.test(text[end]!)) end++;
    return { start, end, at: offset - start };
  }
  if (!WORD.test(char)) return null;
  const inWord = (i: number) =>
    (WORD.test(text[i] ?? '') && !HAN.test(text[i]!)) ||
    (/['’-]/.test(text[i] ?? '') && WORD.test(text[i - 1] ?? '') && WORD.test(text[i + 1] ?? ''));
  let start = offset;
  while (start > 0 && inWord(start - 1)) start--;
  let end = offset + 1;
  while (end < text.length && inWord(end)) end++;
  return { start, end };
}
