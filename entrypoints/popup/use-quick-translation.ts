import { useCallback, useRef, useState } from 'react';
import type { LanguageCode } from '@/utils/language/languages';
import type { ProviderId, WritingRegister } from '@/utils/translate/types';
import { MessageError, sendMessage } from '@/utils/transport/messages';
import type { TranslateWriting } from '@/utils/compose/translate-draft';
import { quickPlan, readBack, translateQuick } from './quick-translation';

/** Why a request failed: the kind picks the words shown, the message is the fallback. */
export interface QuickFailure {
  kind: string;
  message: string;
}

export type BackState =
  | { kind: 'none' }
  | { kind: 'busy' }
  | { kind: 'done'; text: string }
  | { kind: 'failed'; failure: QuickFailure };

export type QuickState =
  | { kind: 'idle' }
  | { kind: 'already-in'; language: LanguageCode }
  | { kind: 'busy' }
  | { kind: 'failed'; failure: QuickFailure; provider?: ProviderId }
  | { kind: 'done'; translation: string; to: LanguageCode; back: BackState };

/** What a state was made from: it is shown only while the box still holds exactly that. */
interface Source {
  text: string;
  to: LanguageCode;
  reader: LanguageCode;
}

const IDLE: QuickState = { kind: 'idle' };

function sameSource(a: Source, b: Source): boolean {
  return a.text === b.text && a.to === b.to && a.reader === b.reader;
}

function failureOf(error: unknown): QuickFailure {
  if (error instanceof MessageError) return { kind: error.failure.kind, message: error.failure.message };
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}

const sendWriting: TranslateWriting = (request) => sendMessage('translateWriting', request);

/**
 * The quick box's translation of `text` into `to`, and its read-back in the reader's language.
 * A translation of anything else (the text was edited, another language picked) is never shown,
 * so an outdated one cannot be copied; a late answer to a superseded request is dropped.
 */
export function useQuickTranslation(options: {
  text: string;
  to: LanguageCode;
  reader: LanguageCode;
  register: WritingRegister;
  send?: TranslateWriting;
}) {
  const { text, to, reader, register, send = sendWriting } = options;
  const [made, setMade] = useState<{ source: Source; state: QuickState }>();
  const attempt = useRef(0);
  const source: Source = { text, to, reader };
  const state = made && sameSource(made.source, source) ? made.state : IDLE;

  const translate = useCallback(
    async (retryProvider?: ProviderId) => {
      const current = ++attempt.current;
      const show = (next: QuickState) => {
        if (attempt.current === current) setMade({ source: { text, to, reader }, state: next });
      };
      const plan = quickPlan(text, to);
      if (plan === 'nothing') return show(IDLE);
      if (plan === 'already-in') return show({ kind: 'already-in', language: to });
      show({ kind: 'busy' });
      let translation: string;
      try {
        translation = await translateQuick(text, { to, register, retryProvider }, send);
      } catch (error) {
        const provider = error instanceof MessageError ? error.failure.provider : undefined;
        return show({ kind: 'failed', failure: failureOf(error), provider });
      }
      // Translated into the reader's own language, the result needs no reading back.
      if (to === reader) return show({ kind: 'done', translation, to, back: { kind: 'none' } });
      show({ kind: 'done', translation, to, back: { kind: 'busy' } });
      try {
        const back = await readBack(translation, to, reader, send);
        show({ kind: 'done', translation, to, back: { kind: 'done', text: back } });
      } catch (error) {
        show({ kind: 'done', translation, to, back: { kind: 'failed', failure: failureOf(error) } });
      }
    },
    [text, to, reader, register, send],
  );

  return { state, translate };
}
