/**
 * What the learner features store (database schema version 3): the phrases a reader saved, one
 * review card per phrase and direction, and every review ever graded.
 */

/** Language of a saved phrase: Chinese, or the foreign language it was written in. */
export type PhraseLanguage = 'zh' | 'en' | 'other';

/** Where a phrase was met: the sentence around it, its translation, and the note it was on. */
export interface PhraseContext {
  sentence: string;
  sentenceTranslation: string;
  url: string;
  title: string;
  seenAt: number;
}

export interface PhraseRecord {
  /** `phrase-…`, assigned when the phrase is first saved. */
  id: string;
  /** `lang|normalized text`: two saves with the same key are one phrase (see `phrase-merge.ts`). */
  key: string;
  text: string;
  lang: PhraseLanguage;
  /** Tone-marked pinyin, for Chinese phrases. */
  pinyin: string;
  /** What the phrase means, in the reader's language (its translation, or the reader's own words). */
  meaning: string;
  notes: string;
  tags: string[];
  /** Every distinct sentence the phrase was saved from, oldest first. */
  contexts: PhraseContext[];
  createdAt: number;
  updatedAt: number;
}

/**
 * `recognize`: the phrase is shown, the reader recalls its meaning. `recall`: the meaning is shown,
 * the reader recalls the phrase. Both show the original sentence as context.
 */
export type CardDirection = 'recognize' | 'recall';
export const CARD_DIRECTIONS: CardDirection[] = ['recognize', 'recall'];

/** 0 new, 1 learning, 2 review, 3 relearning: the FSRS states, numbered as `ts-fsrs` numbers them. */
export type CardState = 0 | 1 | 2 | 3;

/** An FSRS card, with dates as epoch milliseconds so rows survive JSON backups unchanged. */
export interface ReviewCardRecord {
  /** `${phraseId}:${direction}`. */
  id: string;
  phraseId: string;
  direction: CardDirection;
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardState;
  lastReview?: number;
}

/** 1 again, 2 hard, 3 good, 4 easy. */
export type Grade = 1 | 2 | 3 | 4;
export const GRADES: Grade[] = [1, 2, 3, 4];

export interface ReviewLogRecord {
  /** Assigned by the database. */
  id?: number;
  cardId: string;
  phraseId: string;
  grade: Grade;
  /** The card's state before this review. */
  state: CardState;
  reviewedAt: number;
  /** When the card was due before, and when it is due after this review. */
  previousDue: number;
  nextDue: number;
  scheduledDays: number;
  elapsedDays: number;
}
