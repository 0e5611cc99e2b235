import { describe, expect, it } from 'vitest';
import { mergePhrase, phraseKey, type PhraseInput } from './phrase-merge';

const context = {
  sentence: '被这只猫种草了',
  sentenceTranslation: 'This cat sold me on it',
  url: 'https://www.xiaohongshu.com/explore/67875c34000000006f54d753',
  title: 'Paying my cat tax',
};
const input: PhraseInput = {
  text: '种草',
  lang: 'zh',
  pinyin: 'zhòng cǎo',
  meaning: 'to recommend',
  context,
};

describe('phrase keys', () => {
  it('treat spacing, case, full-width forms and surrounding punctuation as the same phrase', () => {
    expect(phraseKey('  Cat   Tax! ', 'en')).toBe(phraseKey('cat tax', 'en'));
    expect(phraseKey('ｃａｔ tax', 'en')).toBe(phraseKey('cat tax', 'en'));
    expect(phraseKey('种草。', 'zh')).toBe(phraseKey('种草', 'zh'));
  });

  it('keep different texts and languages apart', () => {
    expect(phraseKey('种草', 'zh')).not.toBe(phraseKey('拔草', 'zh'));
    expect(phraseKey('tax', 'en')).not.toBe(phraseKey('tax', 'other'));
    expect(phraseKey('cat-tax', 'en')).not.toBe(phraseKey('cat tax', 'en'));
  });
});

describe('merging a saved phrase', () => {
  it('creates a record with the sentence it was met in', () => {
    const record = mergePhrase(undefined, { ...input, tags: ['slang', ' slang ', ''] }, 100, 'phrase-1');
    expect(record).toEqual({
      id: 'phrase-1',
      key: 'zh|种草',
      text: '种草',
      lang: 'zh',
      pinyin: 'zhòng cǎo',
      meaning: 'to recommend',
      notes: '',
      tags: ['slang'],
      contexts: [{ ...context, seenAt: 100 }],
      createdAt: 100,
      updatedAt: 100,
    });
  });

  it('adds a new sentence to the same phrase instead of repeating it', () => {
    const first = mergePhrase(undefined, input, 100, 'phrase-1');
    const other = { ...context, sentence: '我又被种草了', url: 'https://www.xiaohongshu.com/explore/other' };
    const merged = mergePhrase(first, { ...input, context: other, tags: ['shopping'] }, 200, 'unused');
    expect(merged.id).toBe('phrase-1');
    expect(merged.createdAt).toBe(100);
    expect(merged.updatedAt).toBe(200);
    expect(merged.contexts.map((known) => known.sentence)).toEqual(['被这只猫种草了', '我又被种草了']);
    expect(merged.tags).toEqual(['shopping']);
  });

  it('refreshes, not repeats, a sentence saved again from the same page', () => {
    const first = mergePhrase(
      undefined,
      { ...input, context: { ...context, sentenceTranslation: '' } },
      100,
      'p',
    );
    const merged = mergePhrase(first, input, 300, 'unused');
    expect(merged.contexts).toEqual([{ ...context, seenAt: 300 }]);
  });

  it('never overwrites what the reader wrote, and fills what was empty', () => {
    const first = {
      ...mergePhrase(undefined, { ...input, pinyin: '' }, 100, 'p'),
      meaning: 'my own words',
      notes: 'n',
    };
    const merged = mergePhrase(first, { ...input, meaning: 'machine meaning' }, 200, 'unused');
    expect(merged.meaning).toBe('my own words');
    expect(merged.notes).toBe('n');
    expect(merged.pinyin).toBe('zhòng cǎo');
  });
});
