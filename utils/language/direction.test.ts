import { describe, expect, it } from 'vitest';
import { decideDirection, planUnit, primarySource } from './direction';

const CHINESE = '买了三百块的猫窝，它非要睡快递箱';
const ENGLISH = 'Her name is Salem and she bit me twice while I took this picture';
const JAPANESE = '猫ちゃん可愛すぎる！日本からも猫税を払いに来ました🐱';
const KOREAN = '고양이 너무 귀여워요 ㅠㅠ 한국에서도 환영해요!';
const ENGLISH_WITH_CHINESE = 'Please be nice to me, I’m learning Chinese. 我叫Jess，谢谢大家！';

describe('decideDirection', () => {
  it('translates everything not in the reader’s language by default', () => {
    expect(decideDirection(CHINESE, 'en')).toEqual({ translate: true, from: 'zh-CN' });
    expect(decideDirection(JAPANESE, 'en')).toEqual({ translate: true, from: 'ja' });
    expect(decideDirection(ENGLISH, 'en')).toEqual({ translate: false, from: 'en' });
    expect(decideDirection(ENGLISH, 'zh-CN')).toEqual({ translate: true, from: 'en' });
    expect(decideDirection(KOREAN, 'zh-CN')).toEqual({ translate: true, from: 'ko' });
    expect(decideDirection(CHINESE, 'zh-CN')).toEqual({ translate: false, from: 'zh-CN' });
    expect(decideDirection('🐱🐱 123', 'en')).toEqual({ translate: false, from: 'auto' });
  });

  it('with the primary scope, translates only Chinese for a foreign reader and only English for a Chinese one', () => {
    expect(primarySource('en')).toBe('zh-CN');
    expect(primarySource('ja')).toBe('zh-CN');
    expect(primarySource('zh-CN')).toBe('en');
    expect(decideDirection(CHINESE, 'en', 'primary')).toEqual({ translate: true, from: 'zh-CN' });
    expect(decideDirection(JAPANESE, 'en', 'primary').translate).toBe(false);
    expect(decideDirection(KOREAN, 'ja', 'primary').translate).toBe(false);
    expect(decideDirection(ENGLISH, 'ja', 'primary').translate).toBe(false);
    expect(decideDirection(CHINESE, 'ja', 'primary')).toEqual({ translate: true, from: 'zh-CN' });
    expect(decideDirection(ENGLISH, 'zh-CN', 'primary')).toEqual({ translate: true, from: 'en' });
    expect(decideDirection(JAPANESE, 'zh-CN', 'primary').translate).toBe(false);
  });

  it('translates a unit in the reader’s language with Chinese mixed in, in either scope', () => {
    expect(decideDirection(ENGLISH_WITH_CHINESE, 'en')).toEqual({ translate: true, from: 'auto' });
    expect(decideDirection(ENGLISH_WITH_CHINESE, 'en', 'primary')).toEqual({ translate: true, from: 'auto' });
    // Korean mixed into English is not the primary language: only the wider scope sends it.
    const englishWithKorean = 'This is so cute, my friend said 너무 귀여워요 when she saw it';
    expect(decideDirection(englishWithKorean, 'en').translate).toBe(true);
    expect(decideDirection(englishWithKorean, 'en', 'primary').translate).toBe(false);
  });

  it('never sends a Japanese or Korean reader’s own language to be translated into itself', () => {
    expect(decideDirection('上海に住んで3年、お気に入りのカフェを紹介します！', 'ja')).toEqual({
      translate: false,
      from: 'ja',
    });
    expect(decideDirection(KOREAN, 'ko')).toEqual({ translate: false, from: 'ko' });
    expect(decideDirection(JAPANESE, 'ko')).toEqual({ translate: true, from: 'ja' });
  });
});

describe('planUnit', () => {
  it('sends only the segments the scope asks for', () => {
    const segments = [CHINESE, JAPANESE, '猫咪日常'];
    expect(planUnit(segments, 2, 'en')).toEqual({ translate: true, from: 'auto', send: [true, true, true] });
    expect(planUnit(segments, 2, 'en', 'primary')).toEqual({
      translate: true,
      from: 'zh-CN',
      send: [true, false, true],
    });
  });

  it('leaves a unit alone when none of its paragraphs is in the primary language', () => {
    expect(planUnit([JAPANESE], 1, 'en', 'primary')).toEqual({
      translate: false,
      from: 'auto',
      send: [false],
    });
    expect(planUnit([JAPANESE], 1, 'en')).toEqual({ translate: true, from: 'ja', send: [true] });
  });
});
