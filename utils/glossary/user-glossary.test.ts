import { describe, expect, it, vi } from 'vitest';
import { RedBridgeDatabase } from '../db/database';
import {
  GLOSSARY_FILE_MAX_LENGTH,
  GlossaryFileError,
  glossaryToCsv,
  glossaryToJson,
  parseCsv,
  parseGlossaryFile,
} from './glossary-io';
import type { UserTermInput } from './protocol';
import { InvalidTermError, UserGlossaryStore } from './user-glossary-store';
import { USER_TERMS_MAX_PER_REQUEST } from './user-term-schema';

function freshStore() {
  let clock = 1_700_000_000_000;
  const db = new RedBridgeDatabase(`t-${crypto.randomUUID()}`);
  return { db, store: new UserGlossaryStore(db, () => (clock += 1000)) };
}

const TERMS: UserTermInput[] = [
  {
    term: '红薯',
    lang: 'zh',
    pinyin: 'hóng shǔ',
    aliases: ['小红薯'],
    meaning: { en: 'A Xiaohongshu user', 'zh-CN': '小红书用户' },
    rendering: { en: 'RedNote user' },
    category: 'platform',
  },
  {
    term: 'you swan he frog',
    lang: 'en',
    meaning: { 'zh-CN': '你是天鹅，他是青蛙：“癞蛤蟆想吃天鹅肉”的直译梗' },
    example: { text: 'Leave him, "you swan, he frog"', translation: '离开他，你是天鹅他是青蛙' },
    origin: { en: 'A word-for-word English rendering, with "quotes", commas,\nand a line break' },
  },
  { term: '  蹲  ', lang: 'zh', meaning: { en: 'Waiting for updates (lit. squatting)' } },
];

describe('user glossary store', () => {
  it('saves trimmed terms with ids and times, and updates a term saved again under the same spelling', async () => {
    const { store } = freshStore();
    const saved = await store.save(TERMS[2]!);
    expect(saved).toMatchObject({ term: '蹲', lang: 'zh' });
    expect(saved.id).toMatch(/^user-[a-z0-9]+$/);
    const again = await store.save({ term: '蹲', lang: 'zh', rendering: { en: 'waiting for updates' } });
    expect(again.id).toBe(saved.id);
    expect(again.createdAt).toBe(saved.createdAt);
    expect(again.updatedAt).toBeGreaterThan(saved.updatedAt);
    expect(await store.list()).toHaveLength(1);
  });

  it('refuses an invalid term with every problem named, and stores nothing', async () => {
    const { store } = freshStore();
    const attempt = store.save({ term: '', lang: 'fr' as never });
    await expect(attempt).rejects.toBeInstanceOf(InvalidTermError);
    await expect(store.save({ term: 'x', lang: 'fr' as never })).rejects.toThrow(
      /lang: must be one of zh, en/,
    );
    await expect(store.save({ term: 'rizz', lang: 'en' })).rejects.toThrow(/needs a meaning or a rendering/);
    expect(await store.list()).toEqual([]);
  });

  it('refuses to rename a term onto another one', async () => {
    const { store } = freshStore();
    await store.save(TERMS[0]!);
    const other = await store.save(TERMS[2]!);
    await expect(store.save({ ...other, term: '红薯' })).rejects.toThrow(/already in your glossary/);
  });

  it('removes terms and hands them back for an undo', async () => {
    const { store } = freshStore();
    const saved = await store.save(TERMS[0]!);
    expect(await store.remove([saved.id, 'user-missing'])).toEqual([saved]);
    expect(await store.list()).toEqual([]);
    await store.import([saved]);
    expect(await store.list()).toEqual([saved]);
  });
});

describe('glossary files', () => {
  for (const [format, write, name] of [
    ['JSON', glossaryToJson, 'glossary.json'],
    ['CSV', glossaryToCsv, 'glossary.csv'],
  ] as const) {
    it(`export → clear → import restores the glossary exactly (${format})`, async () => {
      const { store } = freshStore();
      for (const term of TERMS) await store.save(term);
      const before = await store.list();
      const file = write(before);
      expect(await store.clear()).toBe(3);
      expect(await store.import(parseGlossaryFile(name, file))).toEqual({ added: 3, updated: 0 });
      expect(await store.list()).toEqual(before);
      // Importing the same file again changes nothing but counts updates.
      expect(await store.import(parseGlossaryFile(name, file))).toEqual({ added: 0, updated: 3 });
      expect(await store.list()).toEqual(before);
    });
  }

  it('writes CSV a spreadsheet reads back cell by cell', async () => {
    const { store } = freshStore();
    await store.save(TERMS[1]!);
    const [header, row] = parseCsv(glossaryToCsv(await store.list()));
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('term')).toBe('you swan he frog');
    expect(cell('origin_en')).toBe(TERMS[1]!.origin!.en);
    expect(cell('example')).toBe('Leave him, "you swan, he frog"');
  });

  it.each([
    ['bad.json', '{"terms": [', /Not valid JSON/],
    ['bad.json', '{"hello": 1}', /Expected a RedBridge glossary export/],
    ['bad.json', '[1, 2]', /Term #1 is not an object/],
    ['bad.json', '{"format":"redbridge-glossary","version":9,"terms":[]}', /newer RedBridge/],
    ['bad.csv', 'word,meaning\n猫税,cat tax\n', /including "term"/],
    ['bad.csv', 'term,lang,colour\n猫税,zh,red\n', /Unknown column: colour/],
    ['bad.csv', 'term,lang,meaning_en\n"猫税,zh,cat tax\n', /never closed/],
    ['bad.csv', 'term,lang\n猫税,zh,extra,cells\n', /Row 2: 4 cells for 2 columns/],
    ['empty.csv', '  \n', /empty/],
  ])('refuses malformed %s (%s) with a clear message', (name, text, message) => {
    expect(() => parseGlossaryFile(name, text)).toThrow(GlossaryFileError);
    expect(() => parseGlossaryFile(name, text)).toThrow(message);
  });

  it('refuses an import with one invalid or repeated term and changes nothing', async () => {
    const { store } = freshStore();
    await store.save(TERMS[0]!);
    const before = await store.list();
    const invalid: UserTermInput[] = [
      { term: '猫税', lang: 'zh', meaning: { en: 'Post a cat' } },
      { term: 'rizz', lang: 'en' },
    ];
    await expect(store.import(invalid)).rejects.toThrow(/#2 rizz: meaning: a user term needs/);
    const repeated = parseGlossaryFile('terms.csv', 'term,lang,meaning_en\n猫税,zh,a\n貓稅,zh,b\n');
    await expect(store.import(repeated)).rejects.toThrow(/#2 貓稅: repeats #1/);
    const sameId: UserTermInput[] = [
      { id: 'mao-shui', term: '猫税', lang: 'zh', meaning: { en: 'a' } },
      { id: 'mao-shui', term: '交猫税', lang: 'zh', meaning: { en: 'b' } },
    ];
    await expect(store.import(sameId)).rejects.toThrow(/#2 交猫税: id: repeats the id of #1/);
    expect(await store.list()).toEqual(before);
  });

  it('refuses more terms than one import takes, and changes nothing', async () => {
    const { store } = freshStore();
    const many = Array.from({ length: USER_TERMS_MAX_PER_REQUEST + 1 }, (_, index) => ({
      term: `term ${index}`,
      lang: 'en' as const,
      meaning: { 'zh-CN': '词' },
    }));
    await expect(store.import(many)).rejects.toThrow(/at most 5000 terms/);
    expect(await store.list()).toEqual([]);
  });

  it.each([
    [
      'bad.csv',
      'term,lang,meaning_en\n猫税,zh,Post a cat\nrizz,en,\n',
      /^Row 3 \(rizz\): meaning: a user term needs/,
    ],
    [
      'bad.csv',
      'term,lang,meaning_en\n猫税,jp,Post a cat\n',
      /^Row 2 \(猫税\): lang: must be one of zh, en$/,
    ],
    [
      'bad.json',
      JSON.stringify([{ term: '猫税', lang: 'zh', meaning: { en: 'x' }, aliases: Array(21).fill('a') }]),
      /^Term #1 \(猫税\): aliases: must have at most 20 items/,
    ],
    [
      'bad.json',
      JSON.stringify([{ term: 'x'.repeat(101), lang: 'en', meaning: { en: 'x' } }]),
      /term: must be at most 100 characters/,
    ],
    [
      'bad.json',
      JSON.stringify({
        format: 'redbridge-glossary',
        version: 1,
        terms: [
          { id: 'mao-shui', term: '猫税', lang: 'zh', meaning: { en: 'a' } },
          { id: 'mao-shui', term: '交猫税', lang: 'zh', meaning: { en: 'b' } },
        ],
      }),
      /^Term #2 \(交猫税\): id: repeats the id of term #1$/,
    ],
    [
      'bad.csv',
      'term,lang,meaning_en,id\n猫税,zh,a,mao-shui\n交猫税,zh,b,mao-shui\n',
      /^Row 3 \(交猫税\): id: repeats the id of row 2$/,
    ],
    [
      'bad.json',
      '{"format":"redbridge-glossary","version":"1","terms":[{"term":"猫税","lang":"zh","meaning":{"en":"a"}}]}',
      /"version" must be a whole number, not "1"/,
    ],
    ['bad.json', '{"format":"redbridge-glossary","terms":[]}', /"version" must be a whole number/],
  ])('refuses a file the store would refuse (%s: %s)', (name, text, message) => {
    expect(() => parseGlossaryFile(name, text)).toThrow(GlossaryFileError);
    expect(() => parseGlossaryFile(name, text)).toThrow(message);
  });

  it('refuses a file over the size limit before reading it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const huge = `[${' '.repeat(GLOSSARY_FILE_MAX_LENGTH)}]`;
    expect(() => parseGlossaryFile('huge.json', huge)).toThrow(/larger than 10 MB/);
    expect(parse).not.toHaveBeenCalled();
  });

  it('refuses a file with more terms than one import takes', () => {
    const rows = Array.from({ length: USER_TERMS_MAX_PER_REQUEST + 1 }, (_, index) => `t${index},en,词`);
    const text = ['term,lang,meaning_zh', ...rows].join('\n');
    expect(() => parseGlossaryFile('many.csv', text)).toThrow(/5001 terms; one import takes at most 5000/);
  });
});

describe('a malformed row in the database', () => {
  /** Rows as an older version, or a restored file it did not check, could have left them. */
  const MALFORMED = [
    { id: 'user-bad-term', term: 42, lang: 'zh', meaning: { en: 'x' }, createdAt: 1, updatedAt: 2 },
    { id: 'user-no-meaning', term: '蹲', lang: 'zh', createdAt: 1, updatedAt: 2 },
    {
      id: 'user-bad-alias',
      term: '蹲',
      lang: 'zh',
      aliases: 'x',
      meaning: { en: 'x' },
      createdAt: 1,
      updatedAt: 2,
    },
    { id: 'user-no-time', term: '蹲', lang: 'zh', meaning: { en: 'x' } },
    {
      id: 'user-long',
      term: '蹲',
      lang: 'zh',
      meaning: { en: 'x'.repeat(2001) },
      createdAt: 1,
      updatedAt: 2,
    },
    { id: 'Not A Slug', term: '蹲', lang: 'zh', meaning: { en: 'x' }, createdAt: 1, updatedAt: 2 },
  ];

  it.each(MALFORMED)('is left out of the list and reported, and saving still works ($id)', async (row) => {
    const { db, store } = freshStore();
    await db.userTerms.add(row as never);
    const saved = await store.save(TERMS[0]!);
    expect(await store.list()).toEqual([saved]);
    const [unreadable, ...others] = await store.unreadable();
    expect(others).toEqual([]);
    expect(unreadable).toMatchObject({ key: row.id });
    expect(unreadable!.problems.length).toBeGreaterThan(0);
    // The stored data as it is, cut short when long.
    expect(JSON.stringify(row).startsWith(unreadable!.preview.replace(/…$/, ''))).toBe(true);
    expect(unreadable!.preview.length).toBeLessThanOrEqual(1001);
    expect(await store.remove([row.id])).toEqual([row]);
    expect(await store.unreadable()).toEqual([]);
  });
});
