import { useEffect, useMemo, useState } from 'react';
import type { LanguageCode } from '@/utils/language/languages';
import { MessageError, sendMessage } from '@/utils/transport/messages';
import type { SourceScope } from '@/utils/settings-schema';
import type { UnitPlan } from '@/utils/language/direction';
import { planSample, segmentsOf, type SampleNote, type SampleText } from './sample-note';

export interface PlannedText {
  sample: SampleText;
  plan: UnitPlan;
  /** Per segment once translated: the translation, or the segment as written when it was not sent. */
  translations?: string[];
}

export type SampleState =
  | { status: 'pending'; texts: PlannedText[] }
  | { status: 'done'; texts: PlannedText[] }
  | { status: 'error'; texts: PlannedText[]; kind: string; message: string };

/**
 * Plans the sample as the page would for this reader and scope, and has the background translate
 * what needs it. A newer choice supersedes an answer still on its way.
 */
export function useSampleTranslation(
  note: SampleNote,
  reader: LanguageCode,
  scope: SourceScope,
): SampleState & { retry: () => void } {
  const planned = useMemo(
    () =>
      [note.title, note.body, ...note.comments].map((sample) => ({
        sample,
        plan: planSample(sample, reader, scope),
      })),
    [note, reader, scope],
  );
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<{ for: PlannedText[]; attempt: number; state: SampleState }>();

  useEffect(() => {
    let current = true;
    const needed = planned.filter(({ plan }) => plan.translate);
    if (!needed.length) return;
    const units = needed.map(({ sample, plan }) => ({
      segments: segmentsOf(sample).filter((_, index) => plan.send[index]),
      from: plan.from,
    }));
    const settle = (state: SampleState) => current && setAnswer({ for: planned, attempt, state });
    sendMessage('translateSample', { units, to: reader }).then(
      ({ translations }) => {
        const texts = planned.map((text) => {
          const position = needed.indexOf(text);
          if (position < 0) return text;
          const answers = translations[position] ?? [];
          let next = 0;
          const segments = segmentsOf(text.sample).map((segment, index) =>
            text.plan.send[index] ? (answers[next++] ?? segment) : segment,
          );
          return { ...text, translations: segments };
        });
        settle({ status: 'done', texts });
      },
      (error: unknown) => {
        const failure = error instanceof MessageError ? error.failure : undefined;
        settle({
          status: 'error',
          texts: planned,
          kind: failure?.kind ?? 'internal',
          message: failure?.message ?? String(error),
        });
      },
    );
    return () => {
      current = false;
    };
  }, [planned, reader, attempt]);

  const retry = () => setAttempt((count) => count + 1);
  if (!planned.some(({ plan }) => plan.translate)) return { status: 'done', texts: planned, retry };
  if (answer?.for === planned && answer.attempt === attempt) return { ...answer.state, retry };
  return { status: 'pending', texts: planned, retry };
}
