import enInternetTerms from './data/en-internet-terms.json';
import enTerms from './data/en-terms.json';
import zhPlatformTerms from './data/zh-platform-terms.json';
import zhSlangTerms from './data/zh-slang-terms.json';
import zhTerms from './data/zh-terms.json';
import type { GlossaryEntry, GlossaryFile, GlossaryTermLanguage } from './glossary-schema';

export interface BundledGlossaryFile {
  /** The data file's name, without `.json`. */
  name: string;
  lang: GlossaryTermLanguage;
  file: GlossaryFile;
}

// The JSON modules' inferred types widen unions to `string`; bundled-glossary.test.ts validates every
// entry against the schema, which is what makes these casts safe.
/** The bundled data files, one language each, grouped by theme; Chinese first. */
export const BUNDLED_GLOSSARY_FILES: readonly BundledGlossaryFile[] = [
  { name: 'zh-terms', lang: 'zh', file: zhTerms as GlossaryFile },
  { name: 'zh-platform-terms', lang: 'zh', file: zhPlatformTerms as GlossaryFile },
  { name: 'zh-slang-terms', lang: 'zh', file: zhSlangTerms as GlossaryFile },
  { name: 'en-terms', lang: 'en', file: enTerms as GlossaryFile },
  { name: 'en-internet-terms', lang: 'en', file: enInternetTerms as GlossaryFile },
];

/** All bundled entries, Chinese terms first. */
export const BUNDLED_GLOSSARY: readonly GlossaryEntry[] = BUNDLED_GLOSSARY_FILES.flatMap(
  ({ file }) => file.entries,
);

/** Changes whenever a data file does; fit for cache keys (e.g. an LLM prompt built from it). */
export const BUNDLED_GLOSSARY_VERSION = BUNDLED_GLOSSARY_FILES.map(
  ({ name, file }) => `${name}@${file.version}`,
).join('+');
