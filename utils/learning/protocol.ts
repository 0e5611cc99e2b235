import type { UnreadableRow } from '../db/unreadable-rows';
import type { LanguageCode } from '../language/languages';
import type { ChineseLookUp } from '../dictionary/look-up';
import type { BackupProblem } from './backup';
import type { PhraseInput } from './phrase-merge';
import type { PhrasePatch, PhraseListItem, RemovedPhrase, ReviewItem, ReviewProgress } from './phrase-store';
import type { Grade, PhraseLanguage, PhraseRecord, ReviewCardRecord } from './records';

/** `storage.local` key bumped whenever phrases, cards or reviews change, so open pages reload them. */
export const LEARNING_REVISION_KEY = 'learningRevision';

/** What the look-up popover asks: the selected text and the sentence around it on the page. */
export interface LookUpRequest {
  text: string;
  sentence: string;
  /**
   * Alt+hover: `text` is a run of Chinese around the pointer and this is the pointed character's
   * index in it; the answer is about the dictionary word there.
   */
  at?: number;
}

export interface LookUpResult {
  text: string;
  lang: PhraseLanguage;
  /** Present for Chinese text: pinyin and dictionary entries of its words. */
  dictionary?: ChineseLookUp;
  /** The selection translated (Chinese → the reader's language; anything else → Chinese). */
  translation: string | null;
  /** The sentence translated the same way; null when it failed or equals the selection. */
  sentenceTranslation: string | null;
  /** The language translations are in. */
  translatedTo: LanguageCode;
  /** Why the translations are missing, when the translation service failed. */
  translationError?: string;
  /** Set when the reader's language model can explain the text: the language it explains in. */
  explainIn?: LanguageCode;
}

export type RestoreOutcome =
  | { restored: true; phrases: number; userTerms: number; reviews: number }
  | { restored: false; problem: BackupProblem; detail: string };

export interface ExportedFile {
  filename: string;
  mimeType: string;
  text: string;
}

/**
 * Messages of the learner features (look-up, phrasebook, review, backup), served by the background.
 * The payload schemas of those that carry records are in `record-schemas.ts`.
 */
export interface LearningProtocol {
  lookUp: { request: LookUpRequest; response: LookUpResult };
  savePhrase: { request: PhraseInput; response: { phrase: PhraseRecord; created: boolean } };
  /** The stored phrases that pass the phrase schema; `listUnreadablePhrases` reports the others. */
  listPhrases: { request: Record<string, never>; response: PhraseListItem[] };
  /** For the phrasebook to show, and to delete with `deletePhrase` by their keys. */
  listUnreadablePhrases: { request: Record<string, never>; response: UnreadableRow[] };
  updatePhrase: { request: { id: string; patch: PhrasePatch }; response: PhraseRecord };
  deletePhrase: { request: { id: string }; response: RemovedPhrase };
  undoDeletePhrase: { request: RemovedPhrase; response: Record<string, never> };
  getDueItems: { request: { limit?: number }; response: ReviewItem[] };
  gradeCard: { request: { cardId: string; grade: Grade }; response: ReviewCardRecord };
  getDueCount: { request: Record<string, never>; response: { due: number } };
  getReviewProgress: { request: { days: number }; response: ReviewProgress };
  exportPhrases: { request: { format: 'anki' | 'csv' }; response: ExportedFile };
  exportBackup: { request: Record<string, never>; response: ExportedFile };
  restoreBackup: { request: { text: string }; response: RestoreOutcome };
}
