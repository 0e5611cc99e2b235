import { readFileSync } from 'node:fs';
import { ChineseDictionary } from './dictionary';

let shipped: ChineseDictionary | undefined;

/** The dictionary file the extension ships, read from disk once per test file. */
export function shippedDictionary(): ChineseDictionary {
  shipped ??= new ChineseDictionary(readFileSync('public/dictionary/cedict.txt', 'utf8'));
  return shipped;
}
