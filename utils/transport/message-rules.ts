import * as v from 'valibot';
import {
  deleteUserTermsPayload,
  importUserTermsPayload,
  saveUserTermPayload,
} from '../glossary/user-term-schema';
import {
  deletePhrasePayload,
  gradeCardPayload,
  lookUpPayload,
  restoreBackupPayload,
  savePhrasePayload,
  undoDeletePhrasePayload,
  updatePhrasePayload,
} from '../learning/record-schemas';
import { ENDPOINT_IDS, providerSettingsSchema } from '../translate/provider-config';
import {
  languageSchema,
  providerIdSchema,
  segmentsSchema,
  sourceLanguageSchema,
} from '../translate/request-schema';
import { SECRET_IDS } from '../translate/setup-protocol';
import { NO_PAYLOAD, type MessageRule } from './message-rule';
import type { MessageType } from './messages';

/** Keys are tokens of a few dozen characters; anything this long is a pasted page, not a key. */
export const MAX_KEY_LENGTH = 1_000;
/** The welcome page's sample is a note and two comments. */
const MAX_SAMPLE_UNITS = 8;
const MAX_SAMPLE_SEGMENTS = 8;
/** A comment is at most a few hundred characters; the popup's box takes a short post's worth. */
export const MAX_DRAFT_CHARS = 5_000;
/** A term to explain is a word or a phrase; its context one sentence. */
const MAX_EXPLAINED_TERM = 60;
const MAX_EXPLAIN_CONTEXT = 500;
/** A draft is cut into pieces at each @mention, emoji and hashtag it keeps. */
const MAX_DRAFT_PIECES = 200;

const secretId = v.picklist(SECRET_IDS);
const extension = (payload: v.GenericSchema): MessageRule => ({ access: 'extension', payload });
const site = (payload: v.GenericSchema): MessageRule => ({ access: 'site', payload });

/**
 * Every message the background answers, who may send it and the shape of its payload. A message
 * missing here cannot be answered (the type requires one rule per message).
 */
export const MESSAGE_RULES: { readonly [K in MessageType]: MessageRule } = {
  // The engine and the extension itself.
  ping: extension(NO_PAYLOAD),
  getStats: extension(NO_PAYLOAD),
  getProviderHealth: extension(NO_PAYLOAD),
  clearCache: extension(NO_PAYLOAD),

  // Provider set-up: keys and addresses never come from a content script.
  getProviderConfig: extension(NO_PAYLOAD),
  saveProviderSettings: extension(v.strictObject({ providers: providerSettingsSchema })),
  confirmProviderEndpoint: extension(v.strictObject({ id: v.picklist(ENDPOINT_IDS) })),
  getKeyStatus: extension(NO_PAYLOAD),
  saveProviderKey: extension(
    v.strictObject({ id: secretId, key: v.pipe(v.string(), v.maxLength(MAX_KEY_LENGTH)) }),
  ),
  removeProviderKey: extension(v.strictObject({ id: secretId })),
  testProvider: extension(v.strictObject({ id: providerIdSchema, to: languageSchema })),
  resetProviderHealth: extension(v.strictObject({ id: providerIdSchema })),
  getCacheSize: extension(NO_PAYLOAD),

  // The welcome page's sample note.
  translateSample: extension(
    v.strictObject({
      units: v.pipe(
        v.array(
          v.strictObject({
            segments: v.pipe(segmentsSchema, v.maxLength(MAX_SAMPLE_SEGMENTS)),
            from: sourceLanguageSchema,
          }),
        ),
        v.maxLength(MAX_SAMPLE_UNITS),
      ),
      to: languageSchema,
    }),
  ),

  // What the reader writes: the compose bar on the site and the popup's quick box.
  translateWriting: site(
    v.strictObject({
      texts: v.pipe(
        v.array(v.pipe(v.string(), v.maxLength(MAX_DRAFT_CHARS))),
        v.maxLength(MAX_DRAFT_PIECES, `a draft has more than ${MAX_DRAFT_PIECES} pieces`),
        v.check(
          (texts) => texts.reduce((sum, text) => sum + text.length, 0) <= MAX_DRAFT_CHARS,
          `a draft is longer than ${MAX_DRAFT_CHARS} characters`,
        ),
        v.check((texts) => texts.some((text) => text.trim() !== ''), 'a draft has no text to translate'),
      ),
      from: sourceLanguageSchema,
      to: languageSchema,
      writing: v.optional(v.strictObject({ register: v.picklist(['casual', 'neutral']) })),
      retryProvider: v.optional(providerIdSchema),
    }),
  ),

  // The user's glossary: a page may add a term the reader chose to keep, and nothing else.
  listUserTerms: extension(NO_PAYLOAD),
  listUnreadableUserTerms: extension(NO_PAYLOAD),
  saveUserTerm: site(saveUserTermPayload),
  explainTerm: site(
    v.strictObject({
      term: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_EXPLAINED_TERM)),
      context: v.pipe(v.string(), v.maxLength(MAX_EXPLAIN_CONTEXT)),
      to: languageSchema,
    }),
  ),
  deleteUserTerms: extension(deleteUserTermsPayload),
  importUserTerms: extension(importUserTermsPayload),
  clearUserTerms: extension(NO_PAYLOAD),

  // Learning: a page may look a phrase up and save it; the phrasebook is read by RedBridge's pages.
  lookUp: site(lookUpPayload),
  savePhrase: site(savePhrasePayload),
  listPhrases: extension(NO_PAYLOAD),
  listUnreadablePhrases: extension(NO_PAYLOAD),
  updatePhrase: extension(updatePhrasePayload),
  deletePhrase: extension(deletePhrasePayload),
  undoDeletePhrase: extension(undoDeletePhrasePayload),
  getDueItems: extension(
    v.strictObject({ limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000))) }),
  ),
  gradeCard: extension(gradeCardPayload),
  getDueCount: extension(NO_PAYLOAD),
  getReviewProgress: extension(
    v.strictObject({ days: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(366)) }),
  ),
  exportPhrases: extension(v.strictObject({ format: v.picklist(['anki', 'csv']) })),
  exportBackup: extension(NO_PAYLOAD),
  restoreBackup: extension(restoreBackupPayload),
};

/** The rule of a message type, looked up among the rules' own properties only. */
export function ruleOf(type: string): MessageRule | undefined {
  return Object.hasOwn(MESSAGE_RULES, type) ? MESSAGE_RULES[type as MessageType] : undefined;
}
