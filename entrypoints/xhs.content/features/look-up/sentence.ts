import { LOOK_UP_SENTENCE_MAX_LENGTH } from '@/utils/learning/look-up-limits';

/**
 * The sentence around a selection inside a unit's text: from just after the previous sentence end
 * (Chinese 。！？, Western .!? followed by a space, a line break) to the next one, inclusive. A
 * run-on "sentence" longer than a look-up may carry is cut to a window around the selection.
 */
const SENTENCE_END = /[。！？!?…]+[”’"')）]*|\.(?=\s)|\n/g;

export function sentenceAround(text: string, start: number, end: number): string {
  let from = 0;
  let to = text.length;
  for (const match of text.matchAll(SENTENCE_END)) {
    const stop = match.index + match[0].length;
    if (stop <= start) from = stop;
    else if (match.index >= end) {
      to = match[0] === '\n' ? match.index : stop;
      break;
    }
  }
  const max = LOOK_UP_SENTENCE_MAX_LENGTH;
  if (to - from > max) {
    const middle = Math.floor((start + end) / 2);
    from = Math.max(from, Math.min(middle - Math.floor(max / 2), to - max));
    to = Math.min(to, from + max);
  }
  return text.slice(from, to).replace(/\s+/g, ' ').trim();
}
