import { describe, expect, it } from 'vitest';
import { markPinyinReferences, markSyllable, numberedToMarked } from './pinyin';

describe('numbered pinyin to tone marks', () => {
  it.each([
    ['ni3 hao3', 'nǐ hǎo'],
    ['xie4 xie5', 'xiè xie'],
    ['zhong4 cao3', 'zhòng cǎo'],
    ['gui1 mi4', 'guī mì'],
    ['liu2', 'liú'],
    ['dou1', 'dōu'],
    ['nu:3 er2', 'nǚ ér'],
    ['lv4', 'lǜ'],
    ['Lu:4', 'Lǜ'],
    ['Bei3 jing1', 'Běi jīng'],
    ['huai4', 'huài'],
    ['xue2', 'xué'],
    ['r5', 'r'],
    ['san1 C', 'sān C'],
  ])('%s → %s', (numbered, marked) => {
    expect(numberedToMarked(numbered)).toBe(marked);
  });

  it('keeps syllabic nasals readable', () => {
    expect(markSyllable('m2')).toBe('m2');
  });

  it('marks pinyin references inside definitions', () => {
    expect(markPinyinReferences('used in 道行[dao4 heng2]')).toBe('used in 道行[dào héng]');
  });
});
