import { describe, expect, it } from 'vitest';
import { parseDelimited } from './delimited.testing';
import { ANKI_COLUMNS, CSV_COLUMNS, toAnkiFile, toCsvFile } from './exports';
import type { PhraseRecord } from './records';

const phrases: PhraseRecord[] = [
  {
    id: 'phrase-1',
    key: 'zh|种草',
    text: '种草',
    lang: 'zh',
    pinyin: 'zhòng cǎo',
    meaning: 'to make someone want to buy something',
    notes: 'XHS slang;\n"grass" = desire',
    tags: ['slang', 'shopping list'],
    contexts: [
      {
        sentence: '绝绝子！被这只猫种草了，我也想养橘猫',
        sentenceTranslation: 'Amazing!\tThis cat sold me on it, I want an orange cat too',
        url: 'https://www.xiaohongshu.com/explore/67875c34000000006f54d753',
        title: 'Paying my cat tax',
        seenAt: 1,
      },
    ],
    createdAt: Date.UTC(2026, 0, 15),
    updatedAt: 1,
  },
  {
    id: 'phrase-2',
    key: 'en|cat tax',
    text: 'cat tax',
    lang: 'en',
    pinyin: '',
    meaning: '猫税',
    notes: '',
    tags: [],
    contexts: [],
    createdAt: Date.UTC(2026, 0, 16),
    updatedAt: 2,
  },
];

describe('Anki export', () => {
  const file = toAnkiFile(phrases);
  const lines = file.split('\n');

  it('starts with the headers Anki reads', () => {
    expect(lines.slice(0, 4)).toEqual([
      '#separator:tab',
      '#html:false',
      `#columns:${ANKI_COLUMNS.join('\t')}`,
      '#tags column:8',
    ]);
  });

  it('reads back field by field, quotes, tabs and line breaks included', () => {
    const rows = parseDelimited(lines.slice(4).join('\n'), '\t');
    expect(rows).toEqual([
      [
        '种草',
        'zhòng cǎo',
        'to make someone want to buy something',
        '绝绝子！被这只猫种草了，我也想养橘猫',
        'Amazing!\tThis cat sold me on it, I want an orange cat too',
        'https://www.xiaohongshu.com/explore/67875c34000000006f54d753',
        'XHS slang;\n"grass" = desire',
        'redbridge redbridge::zh slang shopping_list',
      ],
      ['cat tax', '', '猫税', '', '', '', '', 'redbridge redbridge::en'],
    ]);
    for (const row of rows) expect(row).toHaveLength(ANKI_COLUMNS.length);
  });
});

describe('CSV export', () => {
  it('has a header row and reads back field by field', () => {
    const file = toCsvFile(phrases);
    expect(file.startsWith('\ufeff')).toBe(true);
    const rows = parseDelimited(file.slice(1), ',');
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows[1]).toEqual([
      '种草',
      'zh',
      'zhòng cǎo',
      'to make someone want to buy something',
      'XHS slang;\n"grass" = desire',
      'slang; shopping list',
      '绝绝子！被这只猫种草了，我也想养橘猫',
      'Amazing!\tThis cat sold me on it, I want an orange cat too',
      'https://www.xiaohongshu.com/explore/67875c34000000006f54d753',
      'Paying my cat tax',
      '2026-01-15T00:00:00.000Z',
    ]);
    expect(rows[2]?.[0]).toBe('cat tax');
    expect(rows).toHaveLength(3);
  });
});

describe('exports opened in a spreadsheet app', () => {
  const risky: PhraseRecord = {
    ...phrases[1]!,
    text: '=HYPERLINK("https://example.com","click")',
    meaning: '-2+3',
    notes: '@cmd',
    tags: ['+tag'],
  };

  it('CSV: a cell that would start a formula starts with a quote instead', () => {
    const [, row] = parseDelimited(toCsvFile([risky]).slice(1), ',');
    expect(row!.slice(0, 6)).toEqual([
      `'=HYPERLINK("https://example.com","click")`,
      'en',
      '',
      "'-2+3",
      "'@cmd",
      "'+tag",
    ]);
  });

  it('Anki: fields are kept as they are, since Anki runs no formulas', () => {
    const rows = parseDelimited(toAnkiFile([risky]).split('\n').slice(4).join('\n'), '\t');
    expect(rows[0]!.slice(0, 3)).toEqual(['=HYPERLINK("https://example.com","click")', '', '-2+3']);
  });
});
