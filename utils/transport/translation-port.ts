import type { TermCard } from '../glossary/term-card';
import type { TranslateRequest, TranslateResult } from '../translate/types';
import type { MessageFailure } from './messages';

/*
 * Translation traffic from content scripts goes over a long-lived port, not `sendMessage`: one
 * message per turn of the page's loop each way, however many units it carries. Both ends import
 * this file: the page's client (`translation-port-client.ts`) and the background's server.
 */

/** The port name the background listens on for translation traffic. */
export const TRANSLATION_PORT = 'rb-translate';

/** A unit's translation as the page receives it: the engine's result and the terms worth explaining. */
export interface TranslatedUnit extends TranslateResult {
  /** Glossary terms found in the segments that are worth explaining to this reader. */
  terms?: TermCard[];
}

/** What a content script sends in one port message: everything gathered in one turn of its loop. */
export interface PortBatch {
  type: 'batch';
  translate: TranslateRequest[];
  cancel: string[];
  prioritize: string[];
}

export type PortOutcome =
  | { requestId: string; ok: true; value: TranslatedUnit }
  | { requestId: string; ok: false; error: MessageFailure };

/** What the background sends back: the answers that settled together. */
export interface PortResults {
  type: 'results';
  results: PortOutcome[];
}

/** The parts of `runtime.Port` both ends use, so tests can hand them a fake. */
export interface PortLike {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}
