import * as v from 'valibot';
import { ROW_KEY_MAX_LENGTH } from '../db/unreadable-rows';
import {
  boundedList,
  boundedText,
  filledText,
  nonNegative,
  objectOf,
  pathTo,
  time,
  upTo,
  wholeNumber,
} from '../validation/fields';
import { SITE_HOSTS, isSiteHost } from '../xhs/hosts';
import type { PhraseInput } from './phrase-merge';
import type { PhrasePatch, RemovedPhrase } from './phrase-store';
import { LOOK_UP_SENTENCE_MAX_LENGTH, LOOK_UP_TEXT_MAX_LENGTH } from './look-up-limits';
import {
  CARD_DIRECTIONS,
  GRADES,
  type PhraseContext,
  type PhraseRecord,
  type ReviewCardRecord,
  type ReviewLogRecord,
} from './records';

/**
 * The learner's records (`records.ts`) as schemas: what a page sends to save or edit a phrase, what
 * the database keeps, and the payloads of the learning messages. Saving, restoring a backup and
 * reading the database check records with these, so what can be saved can be restored, and a row
 * that fails is never used.
 */

/** Longest phrase id (`phrase-` and a UUID when RedBridge assigns it). */
export const PHRASE_ID_MAX_LENGTH = 100;
/** Longest phrase: the longest selection the background looks up. */
export const PHRASE_TEXT_MAX_LENGTH = 300;
/** A phrase's key is its normalized text (`phraseKey`), which Unicode normalization may lengthen. */
export const PHRASE_KEY_MAX_LENGTH = 4 * PHRASE_TEXT_MAX_LENGTH;
export const PHRASE_PINYIN_MAX_LENGTH = 2_000;
export const PHRASE_MEANING_MAX_LENGTH = 2_000;
export const PHRASE_NOTES_MAX_LENGTH = 10_000;
export const PHRASE_TAG_MAX_LENGTH = 50;
export const PHRASE_TAGS_MAX_ITEMS = 50;
/** Most sentences one phrase keeps: each save from a new sentence adds one. */
export const PHRASE_CONTEXTS_MAX_ITEMS = 500;
export const CONTEXT_SENTENCE_MAX_LENGTH = 2_000;
export const CONTEXT_TRANSLATION_MAX_LENGTH = 4_000;
export const CONTEXT_TITLE_MAX_LENGTH = 500;
export const CONTEXT_URL_MAX_LENGTH = 2_048;
/** Largest backup restored, in characters; checked before the file is parsed. */
export const BACKUP_MAX_LENGTH = 20 * 1024 * 1024;
/** Most reviews a deleted phrase brings back on undo: years of daily reviews of both its cards. */
export const REMOVED_PHRASE_MAX_REVIEWS = 100_000;
/** FSRS rates a card's difficulty from 1 to 10 (0 before its first review). */
export const CARD_MAX_DIFFICULTY = 10;

const PAGE_LINK_MESSAGE = `must be a Xiaohongshu or RedNote https link (${SITE_HOSTS.join(' or ')})`;

/**
 * A link to a page of the site, the only links a phrase keeps: the phrasebook shows them as links,
 * so anything else (`javascript:`, another host) could take the reader elsewhere.
 */
export function isSitePageLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    isSiteHost(parsed.hostname) &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** A context's page link, or '' for a sentence kept without its page. */
const pageLink = v.pipe(
  v.string(PAGE_LINK_MESSAGE),
  v.maxLength(CONTEXT_URL_MAX_LENGTH, `must be at most ${CONTEXT_URL_MAX_LENGTH} characters`),
  v.check((url) => url === '' || isSitePageLink(url), PAGE_LINK_MESSAGE),
);

const phraseLanguage = v.picklist(['zh', 'en', 'other'], 'must be one of zh, en, other');
const phraseId = filledText(PHRASE_ID_MAX_LENGTH);
/** `${phraseId}:${direction}`. */
const cardId = filledText(PHRASE_ID_MAX_LENGTH + ':recognize'.length);
const cardState = v.picklist([0, 1, 2, 3], 'must be 0, 1, 2 or 3');
const grade = v.picklist(GRADES, 'must be 1, 2, 3 or 4');

const contextFields = {
  sentence: boundedText(CONTEXT_SENTENCE_MAX_LENGTH),
  sentenceTranslation: boundedText(CONTEXT_TRANSLATION_MAX_LENGTH),
  url: pageLink,
  title: boundedText(CONTEXT_TITLE_MAX_LENGTH),
};

/** Where a phrase was met (`PhraseContext`). */
export const phraseContext = objectOf({ ...contextFields, seenAt: time });

/** What the look-up popover sends to save a phrase (`PhraseInput`). */
export const phraseInput = objectOf({
  text: filledText(PHRASE_TEXT_MAX_LENGTH),
  lang: phraseLanguage,
  pinyin: v.optional(boundedText(PHRASE_PINYIN_MAX_LENGTH)),
  meaning: v.optional(boundedText(PHRASE_MEANING_MAX_LENGTH)),
  tags: v.optional(boundedList(boundedText(PHRASE_TAG_MAX_LENGTH), PHRASE_TAGS_MAX_ITEMS)),
  context: v.optional(objectOf(contextFields)),
});

/** A saved phrase (`PhraseRecord`). */
export const phraseRecord = objectOf({
  id: phraseId,
  key: filledText(PHRASE_KEY_MAX_LENGTH),
  text: filledText(PHRASE_TEXT_MAX_LENGTH),
  lang: phraseLanguage,
  pinyin: boundedText(PHRASE_PINYIN_MAX_LENGTH),
  meaning: boundedText(PHRASE_MEANING_MAX_LENGTH),
  notes: boundedText(PHRASE_NOTES_MAX_LENGTH),
  tags: boundedList(filledText(PHRASE_TAG_MAX_LENGTH), PHRASE_TAGS_MAX_ITEMS),
  contexts: boundedList(phraseContext, PHRASE_CONTEXTS_MAX_ITEMS),
  createdAt: time,
  updatedAt: time,
});

/** The fields a reader edits in the phrasebook (`PhrasePatch`). */
export const phrasePatch = objectOf({
  meaning: v.optional(boundedText(PHRASE_MEANING_MAX_LENGTH)),
  notes: v.optional(boundedText(PHRASE_NOTES_MAX_LENGTH)),
  pinyin: v.optional(boundedText(PHRASE_PINYIN_MAX_LENGTH)),
  tags: v.optional(boundedList(boundedText(PHRASE_TAG_MAX_LENGTH), PHRASE_TAGS_MAX_ITEMS)),
});

/** An FSRS card (`ReviewCardRecord`), its numbers in the ranges FSRS gives them. */
export const reviewCardRecord = objectOf({
  id: cardId,
  phraseId,
  direction: v.picklist(CARD_DIRECTIONS, `must be one of ${CARD_DIRECTIONS.join(', ')}`),
  due: time,
  stability: nonNegative,
  difficulty: upTo(CARD_MAX_DIFFICULTY),
  elapsedDays: nonNegative,
  scheduledDays: nonNegative,
  learningSteps: wholeNumber,
  reps: wholeNumber,
  lapses: wholeNumber,
  state: cardState,
  lastReview: v.optional(time),
});

/** One graded review (`ReviewLogRecord`). */
export const reviewLogRecord = objectOf({
  id: v.optional(wholeNumber),
  cardId,
  phraseId,
  grade,
  state: cardState,
  reviewedAt: time,
  previousDue: time,
  nextDue: time,
  scheduledDays: nonNegative,
  elapsedDays: nonNegative,
});

/** A deleted phrase with its cards and reviews (`RemovedPhrase`), all of them its own. */
export const removedPhrase = v.pipe(
  objectOf({
    phrase: phraseRecord,
    cards: boundedList(reviewCardRecord, CARD_DIRECTIONS.length),
    log: boundedList(reviewLogRecord, REMOVED_PHRASE_MAX_REVIEWS),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const { phrase, cards, log } = dataset.value;
    const cardIds = new Set(cards.map((card) => card.id));
    cards.forEach((card, index) => {
      if (card.phraseId !== phrase.id)
        addIssue({
          message: 'must be the id of the phrase',
          path: pathTo(dataset.value, 'cards', index, 'phraseId'),
        });
    });
    log.forEach((review, index) => {
      if (review.phraseId !== phrase.id)
        addIssue({
          message: 'must be the id of the phrase',
          path: pathTo(dataset.value, 'log', index, 'phraseId'),
        });
      else if (!cardIds.has(review.cardId))
        addIssue({
          message: 'must be the id of one of the cards',
          path: pathTo(dataset.value, 'log', index, 'cardId'),
        });
    });
  }),
);

// The schemas read exactly the types the rest of the code works with.
const _phraseInput: PhraseInput = {} as v.InferOutput<typeof phraseInput>;
const _phraseContext: PhraseContext = {} as v.InferOutput<typeof phraseContext>;
const _phraseRecord: PhraseRecord = {} as v.InferOutput<typeof phraseRecord>;
const _phrasePatch: PhrasePatch = {} as v.InferOutput<typeof phrasePatch>;
const _reviewCard: ReviewCardRecord = {} as v.InferOutput<typeof reviewCardRecord>;
const _reviewLog: ReviewLogRecord = {} as v.InferOutput<typeof reviewLogRecord>;
const _removedPhrase: RemovedPhrase = {} as v.InferOutput<typeof removedPhrase>;
void [_phraseInput, _phraseContext, _phraseRecord, _phrasePatch, _reviewCard, _reviewLog, _removedPhrase];

/* ---- message payloads (`LearningProtocol` in `protocol.ts`) ---- */

/** `at`, the pointed character of an Alt+hover, lies within `text`. */
export const lookUpPayload = v.pipe(
  objectOf({
    text: boundedText(LOOK_UP_TEXT_MAX_LENGTH),
    sentence: boundedText(LOOK_UP_SENTENCE_MAX_LENGTH),
    at: v.optional(wholeNumber),
  }),
  v.forward(
    v.check(({ text, at }) => at === undefined || at < text.length, 'must be an index within text'),
    ['at'],
  ),
);

export const savePhrasePayload = phraseInput;

export const updatePhrasePayload = objectOf({ id: phraseId, patch: phrasePatch });

/** A phrase's id; an unreadable one's as `listUnreadablePhrases` gave it, which may be long. */
export const deletePhrasePayload = objectOf({ id: filledText(ROW_KEY_MAX_LENGTH) });

export const undoDeletePhrasePayload = removedPhrase;

export const gradeCardPayload = objectOf({ cardId, grade });

export const restoreBackupPayload = objectOf({
  text: v.pipe(
    v.string('must be text'),
    v.maxLength(BACKUP_MAX_LENGTH, `must be at most ${BACKUP_MAX_LENGTH / 1024 / 1024} MB`),
  ),
});

export const listUnreadablePhrasesPayload = v.strictObject({});
