import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language';
import { decideDirection, planUnit } from './direction';

describe('detectLanguage', () => {
  it.each([
    ['我家猫咪今天又拆家了，V我50安抚一下', 'zh-CN'],
    ['疯狂星期四，谁请我吃肯德基', 'zh-CN'],
    ['Here is my cat tax, his name is Mochi', 'en'],
    ['哈哈哈 your cat is so cute', 'en'],
    ['这个 cat tax 我收下了', 'zh-CN'],
    ['我の猫超可爱', 'zh-CN'],
    ['猫がかわいすぎて毎日癒されています', 'ja'],
    ['고양이 너무 귀여워요', 'ko'],
    ['Мой кот самый лучший', 'ru'],
    ['Mi gato es muy bonito, ¿verdad?', 'es'],
    ['Mon chat est très mignon avec vous', 'fr'],
    ['Meine Katze ist nicht sehr müde', 'de'],
    ['O meu gato é muito fofo, não é?', 'pt'],
  ])('%s → %s', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it.each(['😂😂😂', '666', '2333', 'https://example.com/some/path', '@小红薯 ', '#猫咪日常 ', '  ', '!!!'])(
    'finds no words in %j',
    (text) => {
      expect(detectLanguage(text)).toBe('none');
    },
  );
});

describe('decideDirection', () => {
  it('translates English for a Chinese reader and leaves Chinese alone', () => {
    expect(decideDirection('cat tax paid, no cap', 'zh-CN')).toEqual({ translate: true, from: 'en' });
    expect(decideDirection('猫税已交', 'zh-CN')).toEqual({ translate: false, from: 'zh-CN' });
    expect(decideDirection('这个 cat tax 我收下了', 'zh-CN').translate).toBe(false);
  });

  it('translates Chinese and other languages for an English reader', () => {
    expect(decideDirection('猫税已交', 'en')).toEqual({ translate: true, from: 'zh-CN' });
    expect(decideDirection('猫がかわいい', 'en')).toEqual({ translate: true, from: 'ja' });
    expect(decideDirection('Here is my cat tax', 'en')).toEqual({ translate: false, from: 'en' });
  });

  it('translates an English comment that mixes in Chinese for an English reader', () => {
    expect(decideDirection('哈哈哈 your cat is so cute', 'en')).toEqual({ translate: true, from: 'auto' });
  });

  it('never sends units without words', () => {
    for (const reader of ['en', 'zh-CN'] as const) {
      expect(decideDirection('😂😂😂', reader).translate).toBe(false);
      expect(decideDirection('666', reader).translate).toBe(false);
      expect(decideDirection('https://www.xiaohongshu.com/explore/abc', reader).translate).toBe(false);
    }
  });
});

describe('planUnit', () => {
  it('sends only the paragraphs and hashtags that are not in the reader’s language', () => {
    const segments = ['Hi RedNote! I am Jess from Ohio', '我叫Jess，谢谢大家！', '猫税', 'CatTax'];
    expect(planUnit(segments, 2, 'en')).toEqual({
      translate: true,
      from: 'zh-CN',
      send: [false, true, true, false],
    });
  });

  it('leaves a unit whose paragraphs are all in the reader’s language alone, whatever its hashtags', () => {
    expect(planUnit(['Meet Mochi', '猫税'], 1, 'en')).toEqual({
      translate: false,
      from: 'auto',
      send: [false, false],
    });
  });

  it('lets hashtags decide when there is no text, and says "auto" for mixed sources', () => {
    expect(planUnit(['猫咪日常'], 0, 'en').translate).toBe(true);
    expect(planUnit(['我的猫', '猫がかわいい'], 2, 'en').from).toBe('auto');
  });
});
