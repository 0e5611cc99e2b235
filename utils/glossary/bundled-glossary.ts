import enTerms from './data/en-terms.json';
import zhTerms from './data/zh-terms.json';
import type { GlossaryEntry, GlossaryFile } from './glossary-schema';

// The JSON modules' inferred types widen unions to `string`; bundled-glossary.test.ts validates every
// entry against the schema, which is what makes these casts safe.
export const BUNDLED_GLOSSARY_FILES: Readonly<Record<'zh' | 'en', GlossaryFile>> = {
  zh: zhTerms as GlossaryFile,
  en: enTerms as GlossaryFile,
};

/** All bundled entries, Chinese terms first. */
export const BUNDLED_GLOSSARY: readonly GlossaryEntry[] = [
  ...BUNDLED_GLOSSARY_FILES.zh.entries,
  ...BUNDLED_GLOSSARY_FILES.en.entries,
];

/** Changes whenever either data file does; fit for cache keys (e.g. an LLM prompt built from it). */
export const BUNDLED_GLOSSARY_VERSION = `zh@${BUNDLED_GLOSSARY_FILES.zh.version}+en@${BUNDLED_GLOSSARY_FILES.en.version}`;
