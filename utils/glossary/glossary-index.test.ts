import { describe, expect, it } from 'vitest';
import type { UserTermRecord } from '../db/schema';
import { BUNDLED_GLOSSARY } from './bundled-glossary';
import { createGlossaryIndex } from './glossary-index';

const sweetPotato: UserTermRecord = {
  id: 'user-hongshu',
  term: '红薯',
  lang: 'zh',
  meaning: { en: 'What Xiaohongshu users call themselves' },
  rendering: { en: 'RedNote user' },
  createdAt: 1,
  updatedAt: 1,
};

describe('glossary index', () => {
  const index = createGlossaryIndex(BUNDLED_GLOSSARY, [sweetPotato]);

  it('finds Chinese terms for an English reader, once each, in order of appearance', () => {
    const cards = index.termsFor(['疯狂星期四，V我50', '今天也是疯狂星期四', '#猫税'], 'en');
    expect(cards.map((card) => card.surface)).toEqual(['疯狂星期四', 'V我50', '猫税']);
    const crazy = cards[0]!;
    expect(crazy.kind).toBe('bundled');
    expect(crazy.pinyin).toMatch(/xīng/);
    expect(crazy.meaning?.en).toBeTruthy();
    expect(crazy.meaning?.['zh-CN']).toBeTruthy();
  });

  it('explains English slang to a Chinese reader and not Chinese terms', () => {
    const cards = index.termsFor(['no cap this cat tax is worth it, 猫税'], 'zh-CN');
    expect(cards.map((card) => card.surface)).toEqual(['no cap', 'cat tax']);
    expect(cards.every((card) => card.lang === 'en')).toBe(true);
  });

  it('lets a user term stand in for the bundled entry of the same spelling', () => {
    const [card] = index.termsFor(['我是一个红薯'], 'en');
    expect(card).toMatchObject({ entryId: 'user-hongshu', kind: 'user', surface: '红薯' });
  });

  it("turns the user's renderings, not the bundled ones, into rules for the target language", () => {
    expect(index.rulesFor(['新来的红薯们好', '疯狂星期四'], 'en')).toEqual([
      { source: '红薯', target: 'RedNote user' },
    ]);
    // No Chinese rendering was given, and no rule turns Chinese into Chinese.
    expect(index.rulesFor(['新来的红薯们好'], 'zh-CN')).toEqual([]);
    expect(index.rulesFor(['新来的红薯们好'], 'ja')).toEqual([]);
  });

  it('changes a text’s rule key exactly when the renderings that apply to it change', () => {
    expect(index.ruleKeyFor('疯狂星期四', 'en')).toBe('');
    const before = index.ruleKeyFor('新来的红薯们好', 'en');
    expect(before).not.toBe('');
    const edited = createGlossaryIndex(BUNDLED_GLOSSARY, [{ ...sweetPotato, rendering: { en: 'RedNoter' } }]);
    expect(edited.ruleKeyFor('新来的红薯们好', 'en')).not.toBe(before);
    expect(edited.ruleKeyFor('疯狂星期四', 'en')).toBe('');
  });
});
