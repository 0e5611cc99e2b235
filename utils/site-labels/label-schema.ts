import { LANGUAGES, type LanguageCode } from '../language/languages';

/**
 * The shape of the bundled dictionary of the site's own interface strings (`data/*.json`).
 *
 * Facts carry over from the site (its Chinese strings, the names of places); the renderings are ours.
 * English is required; another reader language appears only where its rendering is certain, and the
 * lookup falls back to English for the rest.
 */

export const LABEL_KINDS = [
  'nav',
  'button',
  'placeholder',
  'tab',
  'menu',
  'search',
  'state',
  'login',
  'comments',
  'engage',
  'profile',
  'notification',
  'channel',
  'footer',
  'location',
] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];

/** What a `location` entry names: a provincial-level division of China, a city, or a country or region. */
export const PLACE_TYPES = ['province', 'city', 'country'] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];

/** The reader languages an entry can render into: every RedBridge language but Chinese. */
export type LabelLanguage = Exclude<LanguageCode, 'zh-CN'>;
export const LABEL_LANGUAGES = LANGUAGES.filter((code): code is LabelLanguage => code !== 'zh-CN');

export type LabelEntry = {
  /** The string as the site shows it, whitespace collapsed, without a trailing ellipsis. */
  zh: string;
  /** Other spellings the site uses for the same thing (`黑龙江省`, `中国香港`, `《用户协议》`). */
  aliases?: string[];
  kind: LabelKind;
  /** Only on `location` entries. */
  place?: PlaceType;
  /** ISO 3166 code of a place (`US`, `CN-HL`), where it has one. */
  code?: string;
  /** Which capture or reference in shared/reference shows the string, where one does. */
  seen?: string;
  en: string;
} & Partial<Record<Exclude<LabelLanguage, 'en'>, string>>;

export type LabelFile = {
  /** `YYYY.MM.DD-n`: changes whenever the file does. */
  version: string;
  entries: LabelEntry[];
};

const KNOWN_FIELDS = new Set<string>(['zh', 'aliases', 'kind', 'place', 'code', 'seen', ...LABEL_LANGUAGES]);
const VERSION_PATTERN = /^\d{4}\.(0[1-9]|1[0-2])\.(0[1-9]|[12]\d|3[01])-[1-9]\d*$/;
const TRAILING_ELLIPSIS = /(\.{3}|…+)$/;
// A place name in English: starts with a capital letter, no digits, no trailing punctuation.
const PLACE_NAME = /^\p{Lu}[\p{L}\p{M}' .’()-]*[\p{L})]$/u;

/** Collapses runs of whitespace (including no-break and ideographic spaces) and trims the ends. */
export function normalizeLabelText(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

function isNonEmptyTrimmed(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value === value.trim();
}

function checkKey(field: string, value: unknown, problems: string[]): void {
  if (!isNonEmptyTrimmed(value)) {
    problems.push(`${field}: must be a non-empty string without surrounding spaces`);
    return;
  }
  if (normalizeLabelText(value) !== value) problems.push(`${field}: must have its whitespace collapsed`);
  if (TRAILING_ELLIPSIS.test(value))
    problems.push(`${field}: must not end in an ellipsis (matched separately)`);
  if (!/\p{Script=Han}/u.test(value)) problems.push(`${field}: must contain Chinese characters`);
}

/** Problems with one entry, as `field: message` strings; empty when the entry is sound. */
export function validateLabelEntry(entry: unknown): string[] {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
    return ['entry: must be an object'];
  const record = entry as Record<string, unknown>;
  const problems: string[] = [];
  for (const field of Object.keys(record)) {
    if (!KNOWN_FIELDS.has(field)) problems.push(`${field}: unknown field`);
  }
  checkKey('zh', record.zh, problems);
  if (record.aliases !== undefined) {
    if (!Array.isArray(record.aliases) || record.aliases.length === 0) {
      problems.push('aliases: must be a non-empty array when present');
    } else {
      record.aliases.forEach((alias, index) => checkKey(`aliases[${index}]`, alias, problems));
      const all = [record.zh, ...record.aliases];
      if (new Set(all).size !== all.length) problems.push('aliases: must differ from zh and from each other');
    }
  }
  if (!(LABEL_KINDS as readonly unknown[]).includes(record.kind)) {
    problems.push(`kind: must be one of ${LABEL_KINDS.join(', ')}`);
  }
  for (const language of LABEL_LANGUAGES) {
    const value = record[language];
    if (language === 'en' || value !== undefined) {
      if (!isNonEmptyTrimmed(value))
        problems.push(`${language}: must be a non-empty string without surrounding spaces`);
    }
  }
  if (record.kind === 'location') {
    if (!(PLACE_TYPES as readonly unknown[]).includes(record.place)) {
      problems.push(`place: location entries need one of ${PLACE_TYPES.join(', ')}`);
    }
    if (typeof record.en === 'string' && !PLACE_NAME.test(record.en)) {
      problems.push(
        'en: a place name starts with a capital letter and has no digits or trailing punctuation',
      );
    }
    if (
      record.code !== undefined &&
      !(typeof record.code === 'string' && /^[A-Z]{2}(-[A-Z]{2})?$/.test(record.code))
    ) {
      problems.push('code: must be an ISO 3166 code like "US" or "CN-HL"');
    }
  } else {
    if (record.place !== undefined) problems.push('place: only location entries have one');
    if (record.code !== undefined) problems.push('code: only location entries have one');
  }
  if (record.seen !== undefined && !isNonEmptyTrimmed(record.seen))
    problems.push('seen: must be a non-empty string');
  return problems;
}

/**
 * Problems with a whole file: its version, each entry (prefixed with its index and text), and a text
 * claimed twice within one kind.
 */
export function validateLabelFile(file: unknown): string[] {
  if (typeof file !== 'object' || file === null) return ['file: must be an object'];
  const record = file as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof record.version !== 'string' || !VERSION_PATTERN.test(record.version)) {
    problems.push('version: must look like YYYY.MM.DD-n');
  }
  if (!Array.isArray(record.entries)) return [...problems, 'entries: must be an array'];
  record.entries.forEach((entry: unknown, index) => {
    const name = (entry as { zh?: unknown } | null)?.zh;
    for (const problem of validateLabelEntry(entry))
      problems.push(`entries[${index}] ${String(name)}: ${problem}`);
  });
  problems.push(...findDuplicates(record.entries as LabelEntry[]));
  return problems;
}

/**
 * Texts (zh or alias) claimed twice within one kind, where the lookup could not tell which rendering
 * is meant. The same text in two kinds is fine (关注 is the button "Follow" and the counter
 * "Following"); a caller names the kind to pick one.
 */
export function findDuplicates(entries: readonly LabelEntry[]): string[] {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const entry of entries) {
    for (const text of [entry.zh, ...(entry.aliases ?? [])]) {
      const key = `${entry.kind}:${text}`;
      const english = seen.get(key);
      if (english === undefined) seen.set(key, entry.en);
      else problems.push(`${key}: claimed twice ("${english}", "${entry.en}")`);
    }
  }
  return problems;
}
