import * as v from 'valibot';
import type { UserTermRecord } from '../db/schema';
import { ROW_KEY_MAX_LENGTH } from '../db/unreadable-rows';
import {
  boundedList,
  filledText,
  objectOf,
  pathTo,
  repeatsIn,
  time,
  type IssuePath,
} from '../validation/fields';
import {
  ENTRY_ID_PATTERN,
  GLOSSARY_CATEGORIES,
  GLOSSARY_TERM_LANGUAGES,
  notInsideProblems,
} from './glossary-schema';
import type { UserTermInput } from './protocol';

/**
 * The user's glossary terms, as pages send them (`userTermInput`) and as the database keeps them
 * (`userTermRecord`). Saving, importing, restoring a backup and reading the database all check
 * terms with these, so a term that can be saved can be restored, and one that cannot is never used.
 */

/** Longest term, alias or id. */
export const USER_TERM_MAX_LENGTH = 100;
/** Longest pinyin, word-for-word rendering, preferred translation or `notInside` expression. */
export const USER_TERM_SHORT_TEXT_MAX_LENGTH = 200;
/** Longest meaning, origin or example sentence. */
export const USER_TERM_TEXT_MAX_LENGTH = 2_000;
/** Most aliases, and most `notInside` expressions, one term has. */
export const USER_TERM_LIST_MAX_ITEMS = 20;
/** Most terms one import (or one delete) carries. */
export const USER_TERMS_MAX_PER_REQUEST = 5_000;

const HAN = /\p{Script=Han}/u;
const SLUG_MESSAGE = 'must be a kebab-case slug (a-z, 0-9, single hyphens)';
/** The rule a user term must meet beyond its fields; the term form recognizes this message. */
export const NEEDS_MEANING_MESSAGE = 'meaning: a user term needs a meaning or a rendering';

const termId = v.pipe(
  v.string(SLUG_MESSAGE),
  v.maxLength(USER_TERM_MAX_LENGTH, `must be at most ${USER_TERM_MAX_LENGTH} characters`),
  v.regex(ENTRY_ID_PATTERN, SLUG_MESSAGE),
);

/** Distinct filled strings: aliases, `notInside` expressions. */
function distinctTexts(max: number) {
  return v.pipe(
    v.array(filledText(max), 'must be an array of strings'),
    v.maxLength(USER_TERM_LIST_MAX_ITEMS, `must have at most ${USER_TERM_LIST_MAX_ITEMS} items`),
    v.check((items) => new Set(items).size === items.length, 'contains duplicates'),
  );
}

/** An explanation in English and/or Chinese. */
function localizedText(max: number) {
  return v.pipe(
    v.strictObject({ en: v.optional(filledText(max)), 'zh-CN': v.optional(filledText(max)) }, (issue) =>
      issue.expected === 'never' ? 'unknown language' : 'must be an object with "en" and/or "zh-CN"',
    ),
    v.check((text) => text.en !== undefined || text['zh-CN'] !== undefined, 'needs "en" or "zh-CN"'),
  );
}

const termFields = {
  term: filledText(USER_TERM_MAX_LENGTH),
  lang: v.picklist(GLOSSARY_TERM_LANGUAGES, `must be one of ${GLOSSARY_TERM_LANGUAGES.join(', ')}`),
  aliases: v.optional(distinctTexts(USER_TERM_MAX_LENGTH)),
  pinyin: v.optional(
    v.pipe(
      filledText(USER_TERM_SHORT_TEXT_MAX_LENGTH),
      v.check((pinyin) => !HAN.test(pinyin), 'must not contain Chinese characters'),
    ),
  ),
  literal: v.optional(filledText(USER_TERM_SHORT_TEXT_MAX_LENGTH)),
  category: v.optional(v.picklist(GLOSSARY_CATEGORIES, `must be one of ${GLOSSARY_CATEGORIES.join(', ')}`)),
  meaning: v.optional(localizedText(USER_TERM_TEXT_MAX_LENGTH)),
  origin: v.optional(localizedText(USER_TERM_TEXT_MAX_LENGTH)),
  example: v.optional(
    objectOf(
      { text: filledText(USER_TERM_TEXT_MAX_LENGTH), translation: filledText(USER_TERM_TEXT_MAX_LENGTH) },
      'must be an object with "text" and "translation"',
    ),
  ),
  rendering: v.optional(localizedText(USER_TERM_SHORT_TEXT_MAX_LENGTH)),
  notInside: v.optional(distinctTexts(USER_TERM_SHORT_TEXT_MAX_LENGTH)),
};

interface TermForms {
  term: string;
  aliases?: readonly string[];
  notInside?: readonly string[];
}

/** Reports each `notInside` expression that could never apply (see `notInsideProblems`). */
function reportNotInside(entry: TermForms, addIssue: (info: { message: string; path: IssuePath }) => void) {
  const notInside = entry.notInside ?? [];
  for (const { index, message } of notInsideProblems(entry.term, entry.aliases ?? [], notInside)) {
    addIssue({ message, path: pathTo(entry, 'notInside', index) });
  }
}

const TEXT_FIELDS = ['term', 'pinyin', 'literal'] as const;
const LIST_FIELDS = ['aliases', 'notInside'] as const;
const LOCALIZED_FIELDS = ['meaning', 'origin', 'rendering'] as const;
const KEPT_AS_SENT = ['id', 'category', 'example', 'createdAt', 'updatedAt'] as const;

/**
 * What a form or a file sent, trimmed, with blank texts and empty lists left out and only the
 * fields a user term has. Values of the wrong type are kept, for the schema to name them.
 */
export function cleanUserTerm(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const sent = input as Record<string, unknown>;
  const entry: Record<string, unknown> = { lang: sent.lang };
  for (const field of KEPT_AS_SENT) if (sent[field] !== undefined) entry[field] = sent[field];
  for (const field of TEXT_FIELDS) {
    const value = sent[field];
    if (typeof value === 'string') {
      if (value.trim() !== '') entry[field] = value.trim();
    } else if (value !== undefined) entry[field] = value;
  }
  for (const field of LIST_FIELDS) {
    const list = sent[field];
    if (Array.isArray(list)) {
      const kept = list
        .map((item: unknown) => (typeof item === 'string' ? item.trim() : item))
        .filter((item) => item !== '');
      if (kept.length > 0) entry[field] = kept;
    } else if (list !== undefined) entry[field] = list;
  }
  for (const field of LOCALIZED_FIELDS) {
    const value = sent[field];
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      if (value !== undefined) entry[field] = value;
      continue;
    }
    const kept: Record<string, unknown> = {};
    for (const [language, text] of Object.entries(value)) {
      if (typeof text === 'string' && text.trim() === '') continue;
      kept[language] = typeof text === 'string' ? text.trim() : text;
    }
    if (Object.keys(kept).length > 0) entry[field] = kept;
  }
  return entry;
}

/**
 * A user term as pages send it (`UserTermInput`): a new one has no id; an imported one may keep the
 * id and times it was exported with. The output is the cleaned term (`cleanUserTerm`).
 */
export const userTermInput = v.pipe(
  v.unknown(),
  v.transform(cleanUserTerm),
  objectOf({
    id: v.optional(termId),
    ...termFields,
    createdAt: v.optional(time),
    updatedAt: v.optional(time),
  }),
  v.check((entry) => entry.meaning !== undefined || entry.rendering !== undefined, NEEDS_MEANING_MESSAGE),
  v.rawCheck(({ dataset, addIssue }) => {
    if (dataset.typed) reportNotInside(dataset.value, addIssue);
  }),
);

/** A user term as the database keeps it (`UserTermRecord`): cleaned, with its id and times. */
export const userTermRecord = v.pipe(
  objectOf({ id: termId, ...termFields, createdAt: time, updatedAt: time }),
  v.check((entry) => entry.meaning !== undefined || entry.rendering !== undefined, NEEDS_MEANING_MESSAGE),
  v.rawCheck(({ dataset, addIssue }) => {
    if (dataset.typed) reportNotInside(dataset.value, addIssue);
  }),
);

// The schemas read exactly the types the rest of the code works with.
export type CheckedUserTerm = v.InferOutput<typeof userTermInput>;
const _inputMatches: UserTermInput = {} as CheckedUserTerm;
const _recordMatches: UserTermRecord = {} as v.InferOutput<typeof userTermRecord>;
void _inputMatches;
void _recordMatches;

/* ---- message payloads (`GlossaryProtocol` in `protocol.ts`) ---- */

export const saveUserTermPayload = objectOf({ entry: userTermInput });

/** All or nothing, at most `USER_TERMS_MAX_PER_REQUEST` terms, no two with the same id. */
export const importUserTermsPayload = objectOf({
  terms: v.pipe(
    boundedList(userTermInput, USER_TERMS_MAX_PER_REQUEST),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const terms = dataset.value;
      for (const { index, first } of repeatsIn(terms, (term) => term.id ?? {})) {
        addIssue({ message: `repeats the id of [${first}]`, path: pathTo(terms, index, 'id') });
      }
    }),
  ),
});

/** Ids of terms to delete; an unreadable row is deleted by the key `listUnreadableUserTerms` gave. */
export const deleteUserTermsPayload = objectOf({
  ids: boundedList(
    v.pipe(v.string('must be an id'), v.maxLength(ROW_KEY_MAX_LENGTH, 'is too long for an id')),
    USER_TERMS_MAX_PER_REQUEST,
  ),
});

export const listUnreadableUserTermsPayload = v.strictObject({});
