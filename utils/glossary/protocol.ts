import type { UserTermRecord } from '../db/schema';
import type { LanguageCode } from '../language/languages';
import type { ProviderId, TermExplanation } from '../translate/types';
import type { UnreadableRow } from '../db/unreadable-rows';
import type { UserGlossaryEntry } from './glossary-schema';
import { watchRevision } from '../revision-signal';

/**
 * A user term as pages send it: a new term has no id; an imported one may keep the id and times it
 * was exported with, so export → clear → import gives back exactly what was there.
 */
export type UserTermInput = UserGlossaryEntry & {
  readonly id?: string;
  readonly createdAt?: number;
  readonly updatedAt?: number;
};

/**
 * Messages of the user's glossary, served by the background (`entrypoints/background/glossary.ts`).
 * Their payload schemas are in `user-term-schema.ts`.
 */
export interface GlossaryProtocol {
  /** The stored terms that pass the term schema (`user-term-schema.ts`); only these are used. */
  listUserTerms: { request: Record<string, never>; response: UserTermRecord[] };
  /** Stored rows that fail it, for the options page to show; `deleteUserTerms` takes their keys. */
  listUnreadableUserTerms: { request: Record<string, never>; response: UnreadableRow[] };
  /** Adds a term, or updates the one with the same id (or, without an id, the same term). */
  saveUserTerm: { request: { entry: UserTermInput }; response: UserTermRecord };
  /** Answers with the removed terms, so the page can offer to undo. */
  deleteUserTerms: { request: { ids: string[] }; response: { removed: UserTermRecord[] } };
  /** All or nothing: one invalid term and nothing is written. */
  importUserTerms: { request: { terms: UserTermInput[] }; response: { added: number; updated: number } };
  clearUserTerms: { request: Record<string, never>; response: { removed: number } };
  /**
   * A term the glossary lacks, explained in its sentence by the reader's language model (an
   * OpenAI-compatible provider); fails `unavailable` without one. Explanations are cached per term.
   */
  explainTerm: {
    request: { term: string; context: string; to: LanguageCode };
    response: { explanation: TermExplanation; provider: ProviderId; cached: boolean };
  };
}

/** `storage.local` key bumped whenever the user's glossary changes, so open pages refresh their terms. */
export const GLOSSARY_REVISION_KEY = 'glossaryRevision';

/**
 * Asked of a tab's content script by the popup (`tabs.sendMessage`): what the reader has selected,
 * or the term they last opened, to start a quick add from.
 */
export const PAGE_TERM_DRAFT = 'rbGlossaryDraft';
export interface PageTermDraft {
  selection?: string;
  /** The term of the chip opened last, as written on the page. */
  chip?: { term: string; lang: 'zh' | 'en' };
}

/** Calls `onChange` whenever the user's glossary changes, from any page. Returns the unsubscribe. */
export function watchGlossary(onChange: () => void): () => void {
  return watchRevision(GLOSSARY_REVISION_KEY, onChange);
}
