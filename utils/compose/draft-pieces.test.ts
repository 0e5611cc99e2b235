import { describe, expect, it } from 'vitest';
import { assembleDraft, planDraft, splitDraftText } from './draft-pieces';

const join = (pieces: { text: string }[]) => pieces.map((piece) => piece.text).join('');

describe('splitDraftText', () => {
  it.each([
    '@小猫咪 your cat is so cute 😻😻',
    'Thanks!! [笑哭R] see #猫咪日常[话题]# too',
    '  spaces around  ',
    'link https://example.com/a?b=1 here',
    '👍🏻 family 👨‍👩‍👧 flags 🇨🇳',
    '',
  ])('gives %j back exactly when joined', (text) => {
    expect(join(splitDraftText(text))).toBe(text);
  });

  it('keeps mentions, emoji, site emoji codes, hashtags and links out of translation', () => {
    const pieces = splitDraftText('@Anna your cat is cute 😻 [赞R] #猫咪[话题]# https://x.com/y ok');
    expect(pieces.filter((piece) => piece.translate).map((piece) => piece.text)).toEqual([
      'your cat is cute',
      'ok',
    ]);
  });

  it('leaves runs without letters where they are', () => {
    expect(splitDraftText('!!! 123 😂')).toEqual([{ text: '!!! 123 😂', translate: false }]);
  });

  it('keeps the whitespace around the words it sends', () => {
    expect(splitDraftText('  hello there \n')).toEqual([
      { text: '  ', translate: false },
      { text: 'hello there', translate: true },
      { text: ' \n', translate: false },
    ]);
  });
});

describe('planDraft and assembleDraft', () => {
  it('puts each translation back between the kept pieces of every slot', () => {
    const plan = planDraft(['Hi ', ' where did you adopt her? 🐱']);
    expect(plan.texts).toEqual(['Hi', 'where did you adopt her?']);
    expect(assembleDraft(plan, ['嗨', ' 你在哪里领养的她？ '])).toEqual(['嗨 ', ' 你在哪里领养的她？ 🐱']);
  });

  it('refuses translations that do not line up with the pieces', () => {
    expect(() => assembleDraft(planDraft(['one', 'two']), ['一'])).toThrow(/expected 2/);
  });
});
