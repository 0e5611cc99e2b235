import { describe, expect, it, vi } from 'vitest';
import { shippedDictionary } from '../dictionary/shipped-dictionary.testing';
import type { LanguageCode } from '../language/languages';
import { createLookUp } from './look-up-service';

function setup(
  reader: LanguageCode,
  translate = vi.fn(async (segments: string[]) => segments.map((s) => `⟦${s}⟧`)),
) {
  const lookUp = createLookUp({
    dictionary: async () => shippedDictionary(),
    translate,
    readerLanguage: async () => reader,
  });
  return { lookUp, translate };
}

describe('look-up', () => {
  it('gives Chinese text pinyin, definitions and a translation into the reader’s language', async () => {
    const { lookUp, translate } = setup('en');
    const result = await lookUp({ text: '种草', sentence: '绝绝子！被这只猫种草了，我也想养橘猫' });
    expect(result.lang).toBe('zh');
    expect(result.dictionary?.pinyin).toBe('zhòngcǎo');
    expect(result.dictionary?.words[0]?.senses[0]?.definitions.join()).toMatch(/recommend/);
    expect(translate).toHaveBeenCalledWith(['种草', '绝绝子！被这只猫种草了，我也想养橘猫'], 'zh-CN', 'en');
    expect(result).toMatchObject({
      translation: '⟦种草⟧',
      sentenceTranslation: '⟦绝绝子！被这只猫种草了，我也想养橘猫⟧',
      translatedTo: 'en',
    });
  });

  it('translates English into Chinese, with no dictionary part', async () => {
    const { lookUp, translate } = setup('zh-CN');
    const result = await lookUp({
      text: 'mandatory',
      sentence: 'wait is the cat tax mandatory?? I only have a dog',
    });
    expect(result.lang).toBe('en');
    expect(result.dictionary).toBeUndefined();
    expect(translate).toHaveBeenCalledWith(
      ['mandatory', 'wait is the cat tax mandatory?? I only have a dog'],
      'en',
      'zh-CN',
    );
    expect(result.translatedTo).toBe('zh-CN');
  });

  it('translates Chinese for a Chinese reader into English, and sends a lone sentence once', async () => {
    const { lookUp, translate } = setup('zh-CN');
    const result = await lookUp({ text: '谢谢', sentence: '谢谢' });
    expect(translate).toHaveBeenCalledWith(['谢谢'], 'zh-CN', 'en');
    expect(result.sentenceTranslation).toBeNull();
  });

  it('looks up the dictionary word under the pointer of an Alt+hover', async () => {
    const { lookUp, translate } = setup('en');
    const sentence = '绝绝子！被这只猫种草了，我也想养橘猫';
    const result = await lookUp({ text: '被这只猫种草了', sentence, at: 5 });
    expect(result.text).toBe('种草');
    expect(result.dictionary?.words.map((word) => word.word)).toEqual(['种草']);
    expect(translate).toHaveBeenCalledWith(['种草', sentence], 'zh-CN', 'en');
    expect((await lookUp({ text: '被这只猫种草了', sentence, at: 3 })).text).toBe('猫');
  });

  it('offers an explanation in the reader’s language only when a language model can give one', async () => {
    const withModel = createLookUp({
      dictionary: async () => shippedDictionary(),
      translate: async (segments) => segments,
      readerLanguage: async () => 'en',
      canExplain: async () => true,
    });
    expect((await withModel({ text: '海关', sentence: '小红书海关' })).explainIn).toBe('en');
    const broken = createLookUp({
      dictionary: async () => shippedDictionary(),
      translate: async (segments) => segments,
      readerLanguage: async () => 'en',
      canExplain: () => {
        throw new Error('no engine');
      },
    });
    const result = await broken({ text: '海关', sentence: '小红书海关' });
    expect(result.explainIn).toBeUndefined();
    expect(result.dictionary?.pinyin).toBe('hǎiguān');
    const { lookUp } = setup('en');
    expect((await lookUp({ text: '海关', sentence: '' })).explainIn).toBeUndefined();
  });

  it('keeps the dictionary part when translation fails', async () => {
    const { lookUp } = setup(
      'en',
      vi.fn(async () => {
        throw new Error('All translation services failed');
      }),
    );
    const result = await lookUp({ text: '谢谢', sentence: '我叫Jess，谢谢大家！' });
    expect(result.translation).toBeNull();
    expect(result.translationError).toMatch(/failed/);
    expect(result.dictionary?.words[0]?.pinyin).toBe('xiè xie');
  });
});
