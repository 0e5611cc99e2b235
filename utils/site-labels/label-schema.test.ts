import { findDuplicates, normalizeLabelText, validateLabelEntry, validateLabelFile } from './label-schema';

const follow = { zh: '关注', kind: 'button', en: 'Follow', ja: 'フォロー', seen: 'explore.html' };
const heilongjiang = {
  zh: '黑龙江',
  aliases: ['黑龙江省'],
  kind: 'location',
  place: 'province',
  code: 'CN-HL',
  en: 'Heilongjiang',
};

describe('validateLabelEntry', () => {
  it('accepts sound entries', () => {
    expect(validateLabelEntry(follow)).toEqual([]);
    expect(validateLabelEntry(heilongjiang)).toEqual([]);
  });

  it('requires English and non-empty renderings for every language claimed', () => {
    expect(validateLabelEntry({ zh: '发送', kind: 'button', ja: '送信', ko: ' ', fr: '' })).toEqual([
      'en: must be a non-empty string without surrounding spaces',
      'ko: must be a non-empty string without surrounding spaces',
      'fr: must be a non-empty string without surrounding spaces',
    ]);
  });

  it('rejects unknown fields, kinds and languages (Chinese is the source, never a rendering)', () => {
    expect(validateLabelEntry({ ...follow, kind: 'widget', 'zh-CN': '关注', it: 'Segui' })).toEqual([
      'zh-CN: unknown field',
      'it: unknown field',
      expect.stringMatching(/^kind: must be one of nav, button/),
    ]);
  });

  it('keeps the source text in the form the lookup compares', () => {
    expect(validateLabelEntry({ ...follow, zh: ' 关注' })).toEqual([
      'zh: must be a non-empty string without surrounding spaces',
    ]);
    expect(validateLabelEntry({ ...follow, zh: '共  条评论' })).toEqual([
      'zh: must have its whitespace collapsed',
    ]);
    expect(validateLabelEntry({ ...follow, zh: '说点什么...' })).toEqual([
      'zh: must not end in an ellipsis (matched separately)',
    ]);
    expect(validateLabelEntry({ ...follow, zh: 'Follow' })).toEqual(['zh: must contain Chinese characters']);
    expect(validateLabelEntry({ ...heilongjiang, aliases: ['黑龙江'] })).toEqual([
      'aliases: must differ from zh and from each other',
    ]);
  });

  it('asks places for a type and an English name that looks like a name', () => {
    expect(validateLabelEntry({ ...heilongjiang, place: undefined })).toEqual([
      'place: location entries need one of province, city, country',
    ]);
    for (const en of ['heilongjiang', 'Heilongjiang 2', 'Heilongjiang.', '']) {
      expect(validateLabelEntry({ ...heilongjiang, en })).toContainEqual(expect.stringMatching(/^en: /));
    }
    for (const en of [
      "Xi'an",
      'Côte d’Ivoire',
      'Guinea-Bissau',
      'Cocos (Keeling) Islands',
      'U.S. Virgin Islands',
    ]) {
      expect(validateLabelEntry({ ...heilongjiang, en })).toEqual([]);
    }
    expect(validateLabelEntry({ ...heilongjiang, code: 'cn-hl' })).toEqual([
      'code: must be an ISO 3166 code like "US" or "CN-HL"',
    ]);
    expect(validateLabelEntry({ ...follow, place: 'city', code: 'US' })).toEqual([
      'place: only location entries have one',
      'code: only location entries have one',
    ]);
  });
});

describe('validateLabelFile', () => {
  it('checks the version and prefixes entry problems with where they are', () => {
    expect(validateLabelFile({ version: '2026.12.07-1', entries: [follow] })).toEqual([]);
    expect(validateLabelFile({ version: '2026-12-07', entries: [follow, { ...follow, zh: '' }] })).toEqual([
      'version: must look like YYYY.MM.DD-n',
      'entries[1] : zh: must be a non-empty string without surrounding spaces',
    ]);
  });
});

describe('findDuplicates', () => {
  it('allows one text in two kinds but not twice in one kind', () => {
    const counter = { zh: '关注', kind: 'profile' as const, en: 'Following' };
    const button = { zh: '关注', kind: 'button' as const, en: 'Follow' };
    expect(findDuplicates([button, counter])).toEqual([]);
    expect(findDuplicates([button, { ...button, en: 'Follow us' }])).toEqual([
      'button:关注: claimed twice ("Follow", "Follow us")',
    ]);
    const place = {
      zh: '香港',
      aliases: ['中国香港'],
      kind: 'location' as const,
      place: 'province' as const,
      en: 'Hong Kong',
    };
    expect(findDuplicates([place, { ...place, zh: '中国香港', aliases: undefined }])).toEqual([
      'location:中国香港: claimed twice ("Hong Kong", "Hong Kong")',
    ]);
  });
});

describe('normalizeLabelText', () => {
  it('trims and collapses every kind of space', () => {
    expect(normalizeLabelText(' 共\u00a0178\u3000 条评论\n')).toBe('共 178 条评论');
  });
});
