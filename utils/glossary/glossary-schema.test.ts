import { validateGlossaryEntry, validateGlossaryFile } from './glossary-schema';

const complete = {
  id: 'mao-shui',
  term: '猫税',
  aliases: ['交猫税'],
  lang: 'zh',
  pinyin: 'māo shuì',
  literal: 'cat tax',
  category: 'cross-border',
  meaning: { en: 'A photo of your cat, paid as an entry fee.', 'zh-CN': '发自家猫的照片当“入场费”。' },
  origin: { en: 'From the English "cat tax".', 'zh-CN': '译自英文 cat tax。' },
  example: { text: '新来的记得交猫税', translation: 'Newcomers, pay the cat tax!' },
  rendering: { en: 'cat tax' },
  notInside: ['交猫税收据'],
};

describe('validateGlossaryEntry (bundled)', () => {
  it('accepts a complete entry', () => {
    expect(validateGlossaryEntry(complete)).toEqual([]);
  });

  it('reports every missing or blank required field', () => {
    const problems = validateGlossaryEntry({
      ...complete,
      literal: '  ',
      meaning: { en: 'x' },
      example: undefined,
    });
    expect(problems).toEqual([
      'literal: must be a non-empty string',
      'meaning.zh-CN: must be a non-empty string',
      'example: must be an object with "text" and "translation"',
    ]);
  });

  it('checks id, lang, category and unknown fields', () => {
    expect(
      validateGlossaryEntry({ ...complete, id: 'Mao Shui', lang: 'fr', category: 'food', extra: 1 }),
    ).toEqual([
      'extra: unknown field',
      'id: must be a kebab-case slug (a-z, 0-9, single hyphens)',
      'lang: must be one of zh, en',
      'category: must be one of abbreviation, platform, meme, slang, cross-border, number, emotion, work-life',
    ]);
  });

  it('requires tone-marked pinyin without characters for Chinese terms', () => {
    const { pinyin: _pinyin, ...withoutPinyin } = complete;
    expect(validateGlossaryEntry(withoutPinyin)).toEqual(['pinyin: required for zh terms']);
    expect(validateGlossaryEntry({ ...complete, pinyin: 'mao shui' })).toEqual([
      'pinyin: needs tone marks (e.g. "yǒng yuǎn")',
    ]);
    expect(validateGlossaryEntry({ ...complete, pinyin: 'māo 税' })).toEqual([
      'pinyin: must not contain Chinese characters',
    ]);
  });

  it('rejects duplicate or blank aliases', () => {
    expect(validateGlossaryEntry({ ...complete, aliases: ['交猫税', '交猫税', ''] })).toEqual([
      'aliases[2]: must be a non-empty string',
      'aliases: contains duplicates',
    ]);
  });

  it('requires notInside expressions to contain, but not equal, a form of the term', () => {
    expect(validateGlossaryEntry({ ...complete, notInside: ['猫粮', '交猫税'] })).toEqual([
      'notInside[0]: does not contain the term or an alias',
      'notInside[1]: repeats the term or an alias',
    ]);
  });

  it('rejects a rendering with no language', () => {
    expect(validateGlossaryEntry({ ...complete, rendering: {} })).toEqual([
      'rendering: needs "en" or "zh-CN"',
    ]);
  });

  it('rejects non-objects', () => {
    expect(validateGlossaryEntry(null)).toEqual(['entry: must be an object']);
    expect(validateGlossaryEntry('yyds')).toEqual(['entry: must be an object']);
  });
});

describe('validateGlossaryFile', () => {
  it('checks the version and prefixes entry problems with the entry id', () => {
    expect(validateGlossaryFile({ version: '2025.01.15-1', entries: [complete] })).toEqual([]);
    expect(validateGlossaryFile({ version: 'v1', entries: [{ ...complete, term: '' }] })).toEqual([
      'version: must look like YYYY.MM.DD-n',
      'entries[mao-shui].term: must be a non-empty string',
    ]);
    expect(validateGlossaryFile([])).toEqual(['file: must be an object with "version" and "entries"']);
  });
});
