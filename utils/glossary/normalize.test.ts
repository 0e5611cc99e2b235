import { normalizeForMatching, normalizeTerm } from './normalize';

/** The original substring behind folded units [start, end). */
function originalOf(text: string, start: number, end: number): string {
  const folded = normalizeForMatching(text);
  return text.slice(folded.sourceStart[start], folded.sourceEnd[end - 1]);
}

describe('normalizeTerm', () => {
  it('lowercases and folds full-width ASCII to half-width', () => {
    expect(normalizeTerm('Ｖ我５０')).toBe('v我50');
    expect(normalizeTerm('ＹＹＤＳ')).toBe('yyds');
    expect(normalizeTerm('No Cap')).toBe('no cap');
  });

  it('folds the traditional characters glossary terms use onto simplified ones', () => {
    expect(normalizeTerm('貓稅')).toBe('猫税');
    expect(normalizeTerm('瘋狂星期四')).toBe('疯狂星期四');
    expect(normalizeTerm('TikTok難民')).toBe('tiktok难民');
    expect(normalizeTerm('紅薯')).toBe('红薯');
    expect(normalizeTerm('週末')).toBe('周末');
  });

  it('straightens curly quotes and apostrophes', () => {
    expect(normalizeTerm('it’s giving')).toBe("it's giving");
    expect(normalizeTerm('“slay”')).toBe('"slay"');
  });

  it('collapses whitespace runs (including ideographic and no-break spaces) and trims', () => {
    expect(normalizeTerm('  cat \u3000\u00a0 tax\n')).toBe('cat tax');
  });

  it('drops zero-width characters slipped inside words', () => {
    expect(normalizeTerm('y\u200byds')).toBe('yyds');
  });

  it('keeps emoji and astral characters as they are', () => {
    expect(normalizeTerm('猫🐱税')).toBe('猫🐱税');
    expect(normalizeTerm('𠮷')).toBe('𠮷');
  });
});

describe('normalizeForMatching offsets', () => {
  it('is one-to-one for text that needs no folding', () => {
    const folded = normalizeForMatching('好吃😋yyds');
    expect(folded.length).toBe('好吃😋yyds'.length);
    expect([...folded.sourceStart.subarray(0, folded.length)]).toEqual([0, 1, 2, 2, 4, 5, 6, 7]);
  });

  it('maps both halves of a surrogate pair to the whole pair', () => {
    const folded = normalizeForMatching('a😀b');
    expect([...folded.sourceStart.subarray(0, folded.length)]).toEqual([0, 1, 1, 3]);
    expect([...folded.sourceEnd.subarray(0, folded.length)]).toEqual([1, 3, 3, 4]);
  });

  it('maps a collapsed whitespace run back to the whole run', () => {
    expect(originalOf('cat \u3000 tax', 0, 7)).toBe('cat \u3000 tax');
    expect(normalizeForMatching('cat \u3000 tax').length).toBe(7);
  });

  it('maps around removed and expanded characters', () => {
    // 'İ' lowercases to two units ('i' + combining dot); the zero-width space disappears.
    const text = 'İ\u200bX';
    const folded = normalizeForMatching(text);
    expect(folded.length).toBe(3);
    expect(originalOf(text, 0, 2)).toBe('İ');
    expect(originalOf(text, 2, 3)).toBe('X');
  });

  it('handles empty text and a lone surrogate', () => {
    expect(normalizeForMatching('').length).toBe(0);
    expect(normalizeTerm('a\ud800b')).toBe('a\ud800b');
  });
});
