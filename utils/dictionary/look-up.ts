import type { ChineseDictionary } from './dictionary';
import { markPinyinReferences, numberedToMarked } from './pinyin';
import { segment, type Token } from './segment';

export interface DictionarySense {
  simplified: string;
  traditional: string;
  /** Tone-marked. */
  pinyin: string;
  definitions: string[];
}

export interface WordLookUp {
  word: string;
  /** Tone-marked pinyin of the word's everyday reading. */
  pinyin: string;
  senses: DictionarySense[];
}

export interface ChineseLookUp {
  /** The whole text with each dictionary word replaced by its tone-marked pinyin. */
  pinyin: string;
  /** Every distinct word of the text, in order, with its entries. */
  words: WordLookUp[];
}

/** At most this many readings per word and definitions per reading, so a popover stays a popover. */
const MAX_SENSES = 4;
const MAX_DEFINITIONS = 6;

function sensesOf(word: string, dictionary: ChineseDictionary): DictionarySense[] {
  return dictionary
    .lookup(word)
    .slice(0, MAX_SENSES)
    .map((entry) => ({
      simplified: entry.simplified,
      traditional: entry.traditional,
      pinyin: numberedToMarked(entry.pinyin),
      definitions: entry.definitions.slice(0, MAX_DEFINITIONS).map(markPinyinReferences),
    }));
}

function tokenPinyin(token: Token, dictionary: ChineseDictionary): string {
  if (token.kind !== 'word') return token.text;
  const [first] = dictionary.lookup(token.text);
  return first ? numberedToMarked(first.pinyin).replace(/ /g, '') : token.text;
}

/** Pinyin, words and definitions for a Chinese selection. */
export function lookUpChinese(text: string, dictionary: ChineseDictionary): ChineseLookUp {
  const tokens = segment(text.trim(), dictionary);
  const pinyin = tokens
    .map((token) => tokenPinyin(token, dictionary))
    .join(' ')
    .replace(/\s+([，。！？、：；,.!?:;）)])/g, '$1')
    .replace(/([，。！？、：；（])\s+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  const words: WordLookUp[] = [];
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind === 'other' || seen.has(token.text)) continue;
    seen.add(token.text);
    // A run the dictionary lacks is explained character by character.
    const pieces = token.kind === 'word' ? [token.text] : Array.from(token.text);
    for (const piece of pieces) {
      const senses = sensesOf(piece, dictionary);
      if (senses.length === 0 && token.kind === 'unknown') continue;
      words.push({ word: piece, pinyin: senses[0]?.pinyin ?? '', senses });
    }
  }
  return { pinyin, words };
}
