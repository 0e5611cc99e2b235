import { createMatcher, matchableEntriesFromGlossary, type MatchableEntry, type TermMatch } from './matcher';

const entries: MatchableEntry[] = [
  { id: 'crazy-thursday', patterns: ['疯狂星期四', '疯四'] },
  { id: 'thursday', patterns: ['星期四'] },
  { id: 'v-me-50', patterns: ['V我50'] },
  { id: 'cat-tax', patterns: ['cat tax', '猫税'] },
  { id: 'cat', patterns: ['cat'] },
  { id: 'mid', patterns: ['mid'] },
  { id: 'ate', patterns: ['ate'] },
  { id: 'w', patterns: ['W'] },
  { id: 'l', patterns: ['L'] },
  { id: 'fr', patterns: ['fr'] },
  { id: 'gg', patterns: ['gg'] },
  { id: 'mm', patterns: ['mm'] },
  { id: 'i-ren', patterns: ['i人'] },
  { id: '666', patterns: ['666'] },
  { id: '88', patterns: ['88'] },
  { id: '520', patterns: ['520'] },
  { id: 'tiktok-refugee', patterns: ['TikTok难民'] },
  { id: 'its-giving', patterns: ["it's giving"] },
];
const matcher = createMatcher(entries);

/** `[entryId, surface]` pairs, the shape most assertions care about. */
const found = (text: string, using = matcher): [string, string][] =>
  using.match(text).map((match) => [match.entryId, match.surface]);

/** Every match's offsets must point at its surface in the original text. */
function expectOffsetsConsistent(text: string, matches: readonly TermMatch[]): void {
  for (const match of matches) expect(text.slice(match.start, match.end)).toBe(match.surface);
}

describe('createMatcher', () => {
  it('returns nothing for empty text or text without terms', () => {
    expect(matcher.match('')).toEqual([]);
    expect(matcher.match('今天天气不错')).toEqual([]);
    expect(createMatcher([]).match('anything')).toEqual([]);
  });

  it('reports offsets, entry id and the original surface', () => {
    expect(matcher.match('今天是疯狂星期四')).toEqual([
      { start: 3, end: 8, entryId: 'crazy-thursday', surface: '疯狂星期四' },
    ]);
  });

  describe('leftmost-longest', () => {
    it('prefers the longest pattern at a position', () => {
      expect(found('疯狂星期四快乐')).toEqual([['crazy-thursday', '疯狂星期四']]);
      expect(found('pay the cat tax')).toEqual([['cat-tax', 'cat tax']]);
    });

    it('still finds the shorter term where the longer one is absent', () => {
      expect(found('星期四见')).toEqual([['thursday', '星期四']]);
      expect(found('my cat')).toEqual([['cat', 'cat']]);
    });

    it('resolves overlapping candidates left to right without overlaps', () => {
      const overlapping = createMatcher([
        { id: 'abc', patterns: ['红薯条'] },
        { id: 'ab', patterns: ['红薯'] },
        { id: 'bcd', patterns: ['薯条哥'] },
        { id: 'd', patterns: ['哥'] },
      ]);
      expect(found('红薯条哥', overlapping)).toEqual([
        ['abc', '红薯条'],
        ['d', '哥'],
      ]);
      expect(found('小红薯条', overlapping)).toEqual([['abc', '红薯条']]);
      expect(found('大薯条哥', overlapping)).toEqual([['bcd', '薯条哥']]);
    });

    it('finds adjacent and repeated terms', () => {
      expect(found('疯四疯四V我50')).toEqual([
        ['crazy-thursday', '疯四'],
        ['crazy-thursday', '疯四'],
        ['v-me-50', 'V我50'],
      ]);
    });

    it('falls back to a shorter term when the longer one fails its boundary check', () => {
      const nested = createMatcher([
        { id: 'cat-tax', patterns: ['cat tax'] },
        { id: 'cat', patterns: ['cat'] },
      ]);
      // "cat taxes": 'cat tax' runs into a letter, so only 'cat' is a whole word here.
      expect(found('cat taxes', nested)).toEqual([['cat', 'cat']]);
    });
  });

  describe('word boundaries for Latin patterns', () => {
    it('does not match inside longer words', () => {
      expect(found('midnight snack')).toEqual([]);
      expect(found('too late, he ate it')).toEqual([['ate', 'ate']]);
      expect(found('catalog, concatenate')).toEqual([]);
      expect(found('that was mid')).toEqual([['mid', 'mid']]);
    });

    it('treats a hyphen between letters as part of the word', () => {
      expect(found('mid-century chair')).toEqual([]);
      expect(found('honestly mid - sorry')).toEqual([['mid', 'mid']]);
    });

    it('matches Latin terms right next to Chinese characters', () => {
      expect(found('这个真的mid')).toEqual([['mid', 'mid']]);
      expect(found('我是i人')).toEqual([['i-ren', 'i人']]);
      expect(found('hi人')).toEqual([]);
    });

    it('requires one- and two-letter terms to stand alone', () => {
      expect(found('W')).toEqual([['w', 'W']]);
      expect(found('Free dessert? W!')).toEqual([['w', 'W']]);
      expect(found('took the L.')).toEqual([['l', 'L']]);
      expect(found('买L号')).toEqual([]);
      expect(found('WL')).toEqual([]);
      expect(found('this is good fr')).toEqual([['fr', 'fr']]);
      expect(found('from fr-ance')).toEqual([]);
      expect(found('egg gg')).toEqual([['gg', 'gg']]);
      expect(found('明天考试gg了')).toEqual([]);
      expect(found('5mm screws')).toEqual([]);
      expect(found('mm 🌸')).toEqual([['mm', 'mm']]);
    });

    it('lets Chinese patterns match anywhere', () => {
      expect(found('交猫税了')).toEqual([['cat-tax', '猫税']]);
      expect(found('ok猫税ok')).toEqual([['cat-tax', '猫税']]);
    });
  });

  describe('digit-only terms', () => {
    it('match standalone numbers and numbers beside Chinese text', () => {
      expect(found('666')).toEqual([['666', '666']]);
      expect(found('太强了666')).toEqual([['666', '666']]);
      expect(found('那我先88了')).toEqual([['88', '88']]);
      expect(found('520快乐')).toEqual([['520', '520']]);
    });

    it('do not match inside longer numbers, decimals, prices or quantities', () => {
      expect(found('6666')).toEqual([]);
      expect(found('born in 1988')).toEqual([]);
      expect(found('5.20 or 1,520')).toEqual([]);
      expect(found('¥520 ￥88 #88 第88')).toEqual([]);
      expect(found('88元 666个 88楼 520%')).toEqual([]);
      expect(found('88kg')).toEqual([]);
    });
  });

  describe('folded input', () => {
    it('matches full-width text and reports the original characters', () => {
      expect(matcher.match('快Ｖ我５０！')).toEqual([
        { start: 1, end: 5, entryId: 'v-me-50', surface: 'Ｖ我５０' },
      ]);
      expect(found('ＣＡＴ ＴＡＸ')).toEqual([['cat-tax', 'ＣＡＴ ＴＡＸ']]);
    });

    it('matches traditional characters', () => {
      expect(found('交貓稅')).toEqual([['cat-tax', '貓稅']]);
      expect(found('瘋狂星期四')).toEqual([['crazy-thursday', '瘋狂星期四']]);
      expect(found('我是TikTok難民')).toEqual([['tiktok-refugee', 'TikTok難民']]);
    });

    it('matches any case and curly apostrophes', () => {
      expect(found('It’s Giving main character')).toEqual([['its-giving', 'It’s Giving']]);
      expect(found('CAT TAX')).toEqual([['cat-tax', 'CAT TAX']]);
    });

    it('matches across collapsed whitespace and keeps it in the surface', () => {
      const text = 'my cat \u3000  tax!';
      const matches = matcher.match(text);
      expect(matches.map((match) => match.surface)).toEqual(['cat \u3000  tax']);
      expectOffsetsConsistent(text, matches);
    });
  });

  it('maps offsets back correctly around emoji and surrogate pairs', () => {
    const text = '🐱🐱 cat tax 👉疯狂星期四👈 𠮷V我50 😀W😀';
    const matches = matcher.match(text);
    expect(matches.map((match) => match.entryId)).toEqual(['cat-tax', 'crazy-thursday', 'v-me-50', 'w']);
    expectOffsetsConsistent(text, matches);
    expect(matches[0]).toMatchObject({ start: 5, end: 12 });
  });

  it('skips terms inside a notInside expression but finds them elsewhere', () => {
    const withExceptions = createMatcher([
      { id: 'er-bin', patterns: ['尔滨'], notInside: ['哈尔滨'] },
      { id: 'tea', patterns: ['tea'], notInside: ['milk tea'] },
    ]);
    expect(found('哈尔滨冰雪大世界', withExceptions)).toEqual([]);
    expect(found('尔滨太热情了', withExceptions)).toEqual([['er-bin', '尔滨']]);
    expect(found('one milk tea please', withExceptions)).toEqual([]);
    expect(found('spill the tea', withExceptions)).toEqual([['tea', 'tea']]);
    expect(withExceptions.patternCount).toBe(2);
  });

  it('never lets a notInside expression hide an entry pattern with the same text', () => {
    const clash = createMatcher([
      { id: 'tea', patterns: ['tea'], notInside: ['milk tea'] },
      { id: 'milk-tea', patterns: ['milk tea'] },
    ]);
    expect(found('milk tea', clash)).toEqual([['milk-tea', 'milk tea']]);
  });

  it('gives a pattern shared by several entries to the first one listed', () => {
    const shared = createMatcher([
      { id: 'user-yyds', patterns: ['YYDS'] },
      { id: 'bundled-yyds', patterns: ['yyds', '永远的神'] },
    ]);
    expect(found('yyds 永远的神', shared)).toEqual([
      ['user-yyds', 'yyds'],
      ['bundled-yyds', '永远的神'],
    ]);
    expect(shared.patternCount).toBe(2);
  });

  it('handles many patterns sharing long prefixes', () => {
    const prefixes = Array.from({ length: 200 }, (_, index) => ({
      id: `p${index}`,
      patterns: [`共同前缀${'一'.repeat(index % 20)}${index}号`],
    }));
    const many = createMatcher([...prefixes, { id: 'short', patterns: ['共同前缀'] }]);
    expect(found('共同前缀一一一23号', many)).toEqual([['p23', '共同前缀一一一23号']]);
    expect(found('共同前缀一一一24号', many)).toEqual([['short', '共同前缀']]);
    expect(found('xx共同前缀', many)).toEqual([['short', '共同前缀']]);
  });

  it('agrees with a brute-force leftmost-longest search on random input', () => {
    // Chinese-only alphabet so boundary rules stay out of the way; the automaton alone is under test.
    const alphabet = '猫狗税红薯';
    let seed = 42;
    const random = (limit: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % limit;
    };
    const word = (maxLength: number): string =>
      Array.from({ length: 1 + random(maxLength) }, () => alphabet[random(alphabet.length)]).join('');

    for (let round = 0; round < 50; round++) {
      const patterns = [...new Set(Array.from({ length: 1 + random(12) }, () => word(4)))];
      const randomMatcher = createMatcher(patterns.map((pattern) => ({ id: pattern, patterns: [pattern] })));
      const text = word(40);

      const expected: [string, string][] = [];
      for (let start = 0; start < text.length;) {
        const longest = patterns
          .filter((pattern) => text.startsWith(pattern, start))
          .sort((a, b) => b.length - a.length)[0];
        if (longest === undefined) start++;
        else {
          expected.push([longest, longest]);
          start += longest.length;
        }
      }
      expect(found(text, randomMatcher)).toEqual(expected);
    }
  });
});

describe('matchableEntriesFromGlossary', () => {
  it('uses the term and its aliases as patterns and carries notInside', () => {
    expect(
      matchableEntriesFromGlossary([
        { id: 'yyds', term: 'yyds', aliases: ['永远的神'] },
        { id: 'er-bin', term: '尔滨', notInside: ['哈尔滨'] },
      ]),
    ).toEqual([
      { id: 'yyds', patterns: ['yyds', '永远的神'], notInside: [] },
      { id: 'er-bin', patterns: ['尔滨'], notInside: ['哈尔滨'] },
    ]);
  });
});
