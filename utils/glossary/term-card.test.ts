import { describe, expect, it } from 'vitest';
import { aiNoteCards, type TermCard } from './term-card';

const glossaryCard: TermCard = {
  term: '猫税',
  surface: '猫税',
  entryId: 'mao-shui',
  kind: 'bundled',
  lang: 'zh',
  meaning: { en: 'cat tax' },
};

describe('aiNoteCards', () => {
  it('turns a model’s notes into AI cards, once each, leaving out what the glossary explains', () => {
    const notes = [
      [
        { term: '猫税', meaning: 'a cat photo as an entry fee' },
        { term: '电子布洛芬', meaning: 'something online that soothes you' },
      ],
      undefined,
      [
        { term: '电子布洛芬', meaning: 'again' },
        { term: 'unc', meaning: '大叔' },
      ],
    ];
    expect(aiNoteCards(notes, [glossaryCard], 'en')).toEqual([
      {
        term: '电子布洛芬',
        surface: '电子布洛芬',
        entryId: 'ai:电子布洛芬',
        kind: 'ai',
        lang: 'zh',
        meaning: { en: 'something online that soothes you' },
      },
      { term: 'unc', surface: 'unc', entryId: 'ai:unc', kind: 'ai', lang: 'en', meaning: { en: '大叔' } },
    ]);
  });

  it('gives none to readers whose language the glossary does not explain in, or without notes', () => {
    expect(aiNoteCards([[{ term: 'unc', meaning: 'おじさん' }]], [], 'ja')).toEqual([]);
    expect(aiNoteCards(undefined, [], 'en')).toEqual([]);
  });
});
