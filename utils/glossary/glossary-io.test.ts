import { describe, expect, it } from 'vitest';
import type { UserTermRecord } from '../db/schema';
import { glossaryToCsv, parseCsv, parseGlossaryFile } from './glossary-io';

const term: UserTermRecord = {
  id: 'user-1',
  term: '-_-',
  lang: 'en',
  meaning: { 'zh-CN': '=无语' },
  rendering: { en: '+1' },
  aliases: ['@无语', "'=quoted"],
  literal: '\tspeechless',
  example: { text: '-_- ok', translation: '+无语' },
  createdAt: Date.UTC(2026, 0, 15),
  updatedAt: Date.UTC(2026, 0, 16),
};

describe('glossary CSV', () => {
  it('writes cells that would start a formula as text', () => {
    const [, row] = glossaryToCsv([term]).split('\r\n');
    expect(row!.startsWith("'-_-,en,,'=无语,'+1,")).toBe(true);
  });

  it('reads its own export back unchanged', () => {
    const [imported] = parseGlossaryFile('glossary.csv', glossaryToCsv([term]));
    expect(imported).toEqual(term);
  });

  it("keeps a hand-written quote that was not put before a formula's first character", () => {
    expect(parseCsv("term,lang\n'cause,en\n")).toEqual([
      ['term', 'lang'],
      ["'cause", 'en'],
    ]);
  });
});
