import { normalizeTerm } from './normalize';

/**
 * Shape of a glossary entry: the bundled meme & slang data in `data/*.json` and terms users import.
 * Explanations are shown to readers in both directions, so every text that matters exists in English
 * and in Simplified Chinese.
 */

export const GLOSSARY_CATEGORIES = [
  'abbreviation',
  'platform',
  'meme',
  'slang',
  'cross-border',
  'number',
  'emotion',
  'work-life',
] as const;
export type GlossaryCategory = (typeof GLOSSARY_CATEGORIES)[number];

/** Language of the term itself (not of its explanation). */
export const GLOSSARY_TERM_LANGUAGES = ['zh', 'en'] as const;
export type GlossaryTermLanguage = (typeof GLOSSARY_TERM_LANGUAGES)[number];

/** Explanation languages. */
export interface LocalizedText {
  readonly en: string;
  readonly 'zh-CN': string;
}

export interface GlossaryExample {
  /** A natural sentence using the term, in the term's language. */
  readonly text: string;
  /** The sentence in the other language. */
  readonly translation: string;
}

/** What a machine translation should write for the term (红薯 → "RedNote user", not "sweet potato"). */
export interface GlossaryRendering {
  readonly en?: string;
  readonly 'zh-CN'?: string;
}

export interface GlossaryEntry {
  /** Stable kebab-case slug (pinyin for Chinese terms); other data refers to entries by it. */
  readonly id: string;
  readonly term: string;
  /** Same-language variants and spellings that should be recognized as this term. */
  readonly aliases: readonly string[];
  readonly lang: GlossaryTermLanguage;
  /** Tone-marked pinyin; required for Chinese terms (for letter abbreviations, of what they stand for). */
  readonly pinyin?: string;
  /** Word-for-word rendering in the other language. */
  readonly literal: string;
  readonly category: GlossaryCategory;
  readonly meaning: LocalizedText;
  readonly origin: LocalizedText;
  readonly example: GlossaryExample;
  readonly rendering?: GlossaryRendering;
  /**
   * Longer expressions that contain the term but use it in its ordinary sense ("milk tea" for tea,
   * 哈尔滨 for 尔滨); the matcher does not report the term inside them.
   */
  readonly notInside?: readonly string[];
}

/** One bundled data file. */
export interface GlossaryFile {
  /** `YYYY.MM.DD-n`; bump it whenever the data changes so caches keyed on it are refreshed. */
  readonly version: string;
  readonly entries: readonly GlossaryEntry[];
}

/**
 * A term the user imported: the same shape, but only `term`, `lang` and a meaning (in at least one
 * language) or a rendering are required. The importer assigns the id. Checked by the schemas in
 * `user-term-schema.ts`.
 */
export interface UserGlossaryEntry {
  readonly id?: string;
  readonly term: string;
  readonly lang: GlossaryTermLanguage;
  readonly aliases?: readonly string[];
  readonly pinyin?: string;
  readonly literal?: string;
  readonly category?: GlossaryCategory;
  readonly meaning?: Partial<LocalizedText>;
  readonly origin?: Partial<LocalizedText>;
  readonly example?: GlossaryExample;
  readonly rendering?: GlossaryRendering;
  readonly notInside?: readonly string[];
}

const ENTRY_KEYS = new Set([
  'id',
  'term',
  'aliases',
  'lang',
  'pinyin',
  'literal',
  'category',
  'meaning',
  'origin',
  'example',
  'rendering',
  'notInside',
]);
/** Entry ids, bundled and user: a kebab-case slug. */
export const ENTRY_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const VERSION_PATTERN = /^\d{4}\.\d{2}\.\d{2}-\d+$/;
const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/;
const HAN = /\p{Script=Han}/u;

type Fields = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFilledString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isOneOf<T extends string>(options: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (options as readonly string[]).includes(value);
}

/** Collects problems as `field: message` lines so one pass reports everything wrong with an entry. */
class Problems {
  readonly list: string[] = [];

  add(field: string, message: string): void {
    this.list.push(`${field}: ${message}`);
  }

  /** `required` strings must be non-empty after trimming; optional ones, when present, too. */
  string(fields: Fields, field: string, required: boolean): void {
    const value = fields[field];
    if (value === undefined && !required) return;
    if (!isFilledString(value)) this.add(field, 'must be a non-empty string');
  }

  /** An array of distinct non-empty strings. */
  stringList(fields: Fields, field: string, required: boolean): void {
    const value = fields[field];
    if (value === undefined && !required) return;
    if (!Array.isArray(value)) {
      this.add(field, 'must be an array of strings');
      return;
    }
    value.forEach((item: unknown, index) => {
      if (!isFilledString(item)) this.add(`${field}[${index}]`, 'must be a non-empty string');
    });
    if (new Set(value).size !== value.length) this.add(field, 'contains duplicates');
  }

  /**
   * An `{ en, zh-CN }` object; `complete` requires it and both languages, otherwise (when present)
   * at least one.
   */
  localized(fields: Fields, field: string, complete: boolean): void {
    const value = fields[field];
    if (value === undefined && !complete) return;
    if (!isRecord(value)) {
      this.add(field, 'must be an object with "en" and "zh-CN"');
      return;
    }
    for (const key of Object.keys(value)) {
      if (key !== 'en' && key !== 'zh-CN') this.add(field, `unknown language "${key}"`);
    }
    for (const language of ['en', 'zh-CN']) {
      const text = value[language];
      if (text === undefined && !complete) continue;
      if (!isFilledString(text)) this.add(`${field}.${language}`, 'must be a non-empty string');
    }
    if (!complete && value['en'] === undefined && value['zh-CN'] === undefined) {
      this.add(field, 'needs "en" or "zh-CN"');
    }
  }
}

/**
 * Each `notInside` expression must contain one of the entry's forms (its term or an alias), or it
 * could never apply. Answers the index and problem of each expression that breaks the rule.
 */
export function notInsideProblems(
  term: string,
  aliases: readonly string[],
  notInside: readonly string[],
): { index: number; message: string }[] {
  const forms = [term, ...aliases].map(normalizeTerm);
  const problems: { index: number; message: string }[] = [];
  notInside.forEach((expression, index) => {
    const folded = normalizeTerm(expression);
    if (forms.includes(folded)) problems.push({ index, message: 'repeats the term or an alias' });
    else if (!forms.some((form) => folded.includes(form))) {
      problems.push({ index, message: 'does not contain the term or an alias' });
    }
  });
  return problems;
}

function checkNotInside(entry: Fields, problems: Problems): void {
  const notInside = entry['notInside'];
  if (!Array.isArray(notInside) || !isFilledString(entry['term'])) return;
  const aliases = Array.isArray(entry['aliases']) ? entry['aliases'].filter(isFilledString) : [];
  const expressions = notInside.map((expression: unknown) => (isFilledString(expression) ? expression : ''));
  for (const { index, message } of notInsideProblems(entry['term'], aliases, expressions)) {
    if (expressions[index]) problems.add(`notInside[${index}]`, message);
  }
}

/** Problems with one bundled entry, empty when it is valid: every field is required and checked. */
export function validateGlossaryEntry(entry: unknown): string[] {
  const problems = new Problems();
  if (!isRecord(entry)) {
    problems.add('entry', 'must be an object');
    return problems.list;
  }

  for (const key of Object.keys(entry)) {
    if (!ENTRY_KEYS.has(key)) problems.add(key, 'unknown field');
  }

  if (typeof entry['id'] !== 'string' || !ENTRY_ID_PATTERN.test(entry['id'])) {
    problems.add('id', 'must be a kebab-case slug (a-z, 0-9, single hyphens)');
  }
  problems.string(entry, 'term', true);
  if (!isOneOf(GLOSSARY_TERM_LANGUAGES, entry['lang'])) {
    problems.add('lang', `must be one of ${GLOSSARY_TERM_LANGUAGES.join(', ')}`);
  }

  problems.stringList(entry, 'aliases', true);
  problems.stringList(entry, 'notInside', false);
  checkNotInside(entry, problems);

  const pinyin = entry['pinyin'];
  if (entry['lang'] === 'zh' && pinyin === undefined) problems.add('pinyin', 'required for zh terms');
  if (pinyin !== undefined) {
    if (!isFilledString(pinyin)) problems.add('pinyin', 'must be a non-empty string');
    else if (HAN.test(pinyin)) problems.add('pinyin', 'must not contain Chinese characters');
    else if (!TONE_MARK.test(pinyin)) problems.add('pinyin', 'needs tone marks (e.g. "yǒng yuǎn")');
  }

  problems.string(entry, 'literal', true);
  if (!isOneOf(GLOSSARY_CATEGORIES, entry['category'])) {
    problems.add('category', `must be one of ${GLOSSARY_CATEGORIES.join(', ')}`);
  }
  problems.localized(entry, 'meaning', true);
  problems.localized(entry, 'origin', true);

  const example = entry['example'];
  if (!isRecord(example)) {
    problems.add('example', 'must be an object with "text" and "translation"');
  } else {
    problems.string(example, 'text', true);
    problems.string(example, 'translation', true);
  }

  if (entry['rendering'] !== undefined) problems.localized(entry, 'rendering', false);
  return problems.list;
}

/** Problems with a whole data file's envelope and entries, each prefixed with the entry's index. */
export function validateGlossaryFile(file: unknown): string[] {
  if (!isRecord(file)) return ['file: must be an object with "version" and "entries"'];
  const problems: string[] = [];
  if (typeof file['version'] !== 'string' || !VERSION_PATTERN.test(file['version'])) {
    problems.push('version: must look like YYYY.MM.DD-n');
  }
  const entries = file['entries'];
  if (!Array.isArray(entries)) return [...problems, 'entries: must be an array'];
  entries.forEach((entry: unknown, index) => {
    const label = isRecord(entry) && typeof entry['id'] === 'string' ? entry['id'] : `#${index}`;
    for (const problem of validateGlossaryEntry(entry)) problems.push(`entries[${label}].${problem}`);
  });
  return problems;
}
