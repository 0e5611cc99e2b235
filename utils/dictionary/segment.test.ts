import { describe, expect, it } from 'vitest';
import { dataset } from '@/tests/fixtures/dataset';
import { ChineseDictionary } from './dictionary';
import { lookUpChinese } from './look-up';
import { segment } from './segment';
import { shippedDictionary } from './shipped-dictionary.testing';

const words = (text: string, dictionary = shippedDictionary()) =>
  segment(text, dictionary).map((token) => token.text);

/** Every comment and reply text of the fixture site. */
function fixtureComments(): string[] {
  const texts: string[] = [];
  for (const threads of Object.values(dataset.comments)) {
    for (const comment of threads) {
      texts.push(comment.content);
      for (const reply of comment.replies ?? []) texts.push(reply.content);
    }
  }
  return texts;
}

describe('segmentation', () => {
  it('prefers the fewest, most even pieces', () => {
    const tiny = new ChineseDictionary(
      [
        '研究\t\tyan2 jiu1\tresearch',
        '研究生\t\tyan2 jiu1 sheng1\tgraduate student',
        '生命\t\tsheng1 ming4\tlife',
        '命\t\tming4\tfate',
      ].join('\n'),
    );
    expect(words('研究生命', tiny)).toEqual(['研究', '生命']);
  });

  it('keeps Latin words, digits and punctuation whole between Chinese words', () => {
    expect(words('V我50，我替Mochi保管猫粮')).toEqual([
      'V',
      '我',
      '50，',
      '我',
      '替',
      'Mochi',
      '保管',
      '猫',
      '粮',
    ]);
  });

  it.each([
    ['海关效率可以啊，秒批', ['海关', '效率', '可以', '啊', '，', '秒', '批']],
    [
      '欢迎常来，我们这里的人都很热情',
      ['欢迎', '常', '来', '，', '我们', '这里', '的', '人', '都', '很', '热情'],
    ],
    [
      '绝绝子！被这只猫种草了，我也想养橘猫',
      [
        '绝',
        '绝',
        '子',
        '！',
        '被',
        '这',
        '只',
        '猫',
        '种草',
        '了',
        '，',
        '我',
        '也',
        '想',
        '养',
        '橘',
        '猫',
      ],
    ],
    [
      '今天疯狂星期四，谁请Mochi吃原味鸡',
      ['今天', '疯狂', '星期四', '，', '谁', '请', 'Mochi', '吃', '原味', '鸡'],
    ],
  ])('cuts the fixture comment %s into dictionary words', (sentence, expected) => {
    expect(fixtureComments()).toContain(sentence);
    expect(words(sentence)).toEqual(expected);
  });

  it('loses no character of any fixture comment', () => {
    for (const text of fixtureComments()) expect(words(text).join('')).toBe(text);
  });
});

describe('look-up', () => {
  it('gives tone-marked pinyin and definitions for a phrase', () => {
    expect(lookUpChinese('欢迎常来，我们这里的人都很热情', shippedDictionary()).pinyin).toBe(
      'huānyíng cháng lái，wǒmen zhèlǐ de rén dōu hěn rèqíng',
    );
    const result = lookUpChinese('被这只猫种草了', shippedDictionary());
    const grass = result.words.find((word) => word.word === '种草');
    expect(grass?.pinyin).toBe('zhòng cǎo');
    expect(grass?.senses[0]?.definitions.join(' ')).toMatch(/recommend a product/);
    expect(result.words.map((word) => word.word)).toEqual(['被', '这', '只', '猫', '种草', '了']);
  });

  it('puts everyday readings before names and variants', () => {
    const [first] = lookUpChinese('谢谢', shippedDictionary()).words;
    expect(first?.senses[0]?.pinyin).toBe('xiè xie');
    expect(first?.senses[0]?.definitions).toContain('thank you');
    const le = lookUpChinese('了', shippedDictionary()).words[0];
    expect(le?.senses[0]?.pinyin).toBe('le');
  });

  it('finds traditional characters too', () => {
    const result = lookUpChinese('謝謝大家', shippedDictionary());
    expect(result.words.map((word) => word.word)).toEqual(['謝謝', '大家']);
    expect(result.words[0]?.senses[0]?.simplified).toBe('谢谢');
  });

  it('explains characters one by one when the dictionary lacks the word', () => {
    const result = lookUpChinese('小红书', shippedDictionary());
    expect(result.words.length).toBeGreaterThan(1);
    expect(result.words.every((word) => word.senses.length > 0)).toBe(true);
  });
});
