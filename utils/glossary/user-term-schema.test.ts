import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { BadRequestError, checked, problemsOf } from '../validation/bad-request';
import {
  deleteUserTermsPayload,
  importUserTermsPayload,
  saveUserTermPayload,
  USER_TERMS_MAX_PER_REQUEST,
  userTermInput,
  userTermRecord,
} from './user-term-schema';

/** Every problem `schema` finds in `value`, as `path: message` lines; [] when it passes. */
function problems(schema: v.GenericSchema, value: unknown): string[] {
  const result = v.safeParse(schema, value);
  return result.success ? [] : problemsOf(result.issues);
}

const record = {
  id: 'user-1',
  term: '打工人',
  lang: 'zh',
  meaning: { en: 'working stiff' },
  createdAt: 1,
  updatedAt: 2,
};

describe('a user term as pages send it', () => {
  it('needs only term, lang and a meaning or rendering', () => {
    expect(problems(userTermInput, { term: '打工人', lang: 'zh', meaning: { en: 'working stiff' } })).toEqual(
      [],
    );
    expect(problems(userTermInput, { term: 'rizz', lang: 'en', rendering: { 'zh-CN': '撩人魅力' } })).toEqual(
      [],
    );
  });

  it('rejects a term with neither meaning nor rendering, blank ones included', () => {
    expect(problems(userTermInput, { term: '打工人', lang: 'zh' })).toEqual([
      'meaning: a user term needs a meaning or a rendering',
    ]);
    expect(problems(userTermInput, { term: '打工人', lang: 'zh', meaning: { en: '  ' } })).toEqual([
      'meaning: a user term needs a meaning or a rendering',
    ]);
  });

  it('still checks the optional fields a user term carries', () => {
    expect(
      problems(userTermInput, {
        term: ' ',
        lang: 'zh',
        meaning: { fr: 'x' },
        category: 'misc',
        aliases: 'x',
        id: 'Bad Id',
      }),
    ).toEqual([
      'id: must be a kebab-case slug (a-z, 0-9, single hyphens)',
      'term: is required',
      'aliases: must be an array of strings',
      'category: must be one of abbreviation, platform, meme, slang, cross-border, number, emotion, work-life',
      'meaning.fr: unknown language',
    ]);
  });

  it('accepts pinyin without tone marks, not with Chinese in it', () => {
    const term = { term: '打工人', lang: 'zh', rendering: { en: 'x' } };
    expect(problems(userTermInput, { ...term, pinyin: 'da gong ren' })).toEqual([]);
    expect(problems(userTermInput, { ...term, pinyin: 'da 工 ren' })).toEqual([
      'pinyin: must not contain Chinese characters',
    ]);
  });

  it('reads the term trimmed, without blank fields or fields a term does not have', () => {
    expect(
      v.parse(userTermInput, {
        term: '  蹲 ',
        lang: 'zh',
        pinyin: ' ',
        aliases: [' 蹲一个 ', ''],
        meaning: { en: ' waiting ', 'zh-CN': '' },
        colour: 'red',
      }),
    ).toEqual({ term: '蹲', lang: 'zh', aliases: ['蹲一个'], meaning: { en: 'waiting' } });
  });

  it('keeps every text within its limit', () => {
    const term = { term: '打工人', lang: 'zh', meaning: { en: 'x' } };
    expect(problems(userTermInput, { ...term, term: '打'.repeat(101) })).toEqual([
      'term: must be at most 100 characters',
    ]);
    expect(problems(userTermInput, { ...term, meaning: { en: 'x'.repeat(2001) } })).toEqual([
      'meaning.en: must be at most 2000 characters',
    ]);
    expect(problems(userTermInput, { ...term, rendering: { en: 'x'.repeat(201) } })).toEqual([
      'rendering.en: must be at most 200 characters',
    ]);
    expect(
      problems(userTermInput, { ...term, example: { text: 'x', translation: 'y'.repeat(2001) } }),
    ).toEqual(['example.translation: must be at most 2000 characters']);
    const aliases = Array.from({ length: 21 }, (_, index) => `打工${index}`);
    expect(problems(userTermInput, { ...term, aliases })).toEqual(['aliases: must have at most 20 items']);
  });

  it('refuses a notInside expression that could never apply', () => {
    expect(
      problems(userTermInput, {
        term: '尔滨',
        lang: 'zh',
        meaning: { en: 'x' },
        notInside: ['哈尔滨', '猫'],
      }),
    ).toEqual(['notInside[1]: does not contain the term or an alias']);
  });

  it('refuses times that are not times', () => {
    const term = { term: '打工人', lang: 'zh', meaning: { en: 'x' } };
    expect(problems(userTermInput, { ...term, createdAt: 'yesterday', updatedAt: -1 })).toEqual([
      'createdAt: must be a time in milliseconds',
      'updatedAt: must be a time in milliseconds',
    ]);
  });
});

describe('a stored user term', () => {
  it('needs its id and times', () => {
    expect(problems(userTermRecord, record)).toEqual([]);
    const { id: _id, createdAt: _created, ...withoutThem } = record;
    expect(problems(userTermRecord, withoutThem)).toEqual(['id: is required', 'createdAt: is required']);
  });

  it.each([
    ['a number for a term', { term: 7 }, 'term: must be a non-empty string'],
    ['a blank term', { term: ' ' }, 'term: must be a non-empty string'],
    ['another language', { lang: 'ja' }, 'lang: must be one of zh, en'],
    ['a string for aliases', { aliases: '打工' }, 'aliases: must be an array of strings'],
    ['repeated aliases', { aliases: ['打工', '打工'] }, 'aliases: contains duplicates'],
    ['a meaning that is text', { meaning: 'x' }, 'meaning: must be an object with "en" and/or "zh-CN"'],
    ['an empty meaning', { meaning: {} }, 'meaning: needs "en" or "zh-CN"'],
    ['an example without translation', { example: { text: 'x' } }, 'example.translation: is required'],
    ['an infinite time', { updatedAt: Infinity }, 'updatedAt: must be a time in milliseconds'],
    ['an id too long', { id: 'a'.repeat(101) }, 'id: must be at most 100 characters'],
    ['not an object', null, 'must be an object'],
  ])('is refused with %s', (_name, change, problem) => {
    const row = change === null ? null : { ...record, ...change };
    expect(problems(userTermRecord, row)).toEqual([problem]);
  });
});

describe('glossary message payloads', () => {
  it('name the field of a bad term, as a bad request', () => {
    const attempt = () =>
      checked(saveUserTermPayload, { entry: { term: '打工人', lang: 'fr', meaning: { en: 'x' } } });
    expect(attempt).toThrow(BadRequestError);
    expect(attempt).toThrow('entry.lang: must be one of zh, en');
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ kind: 'bad-request' });
    }
  });

  it('refuse an import with two terms of the same id, or too many terms', () => {
    const term = { term: '打工人', lang: 'zh', meaning: { en: 'x' } };
    expect(
      problems(importUserTermsPayload, {
        terms: [
          { ...term, id: 'da-gong-ren' },
          { ...term, term: '打工', id: 'da-gong' },
          { ...term, term: '打工仔', id: 'da-gong-ren' },
        ],
      }),
    ).toEqual(['terms[2].id: repeats the id of [0]']);
    const many = Array.from({ length: USER_TERMS_MAX_PER_REQUEST + 1 }, () => term);
    expect(problems(importUserTermsPayload, { terms: many })).toEqual([
      'terms: must have at most 5000 items',
    ]);
    expect(problems(importUserTermsPayload, { terms: [term, { ...term, lang: 1 }] })).toEqual([
      'terms[1].lang: must be one of zh, en',
    ]);
  });

  it('take ids to delete as strings only', () => {
    expect(problems(deleteUserTermsPayload, { ids: ['user-1'] })).toEqual([]);
    expect(problems(deleteUserTermsPayload, { ids: [{ $gt: '' }] })).toEqual(['ids[0]: must be an id']);
  });
});
