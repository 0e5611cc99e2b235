import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewItem } from '@/utils/learning/phrase-store';
import { GRADES, type Grade } from '@/utils/learning/records';
import { sendMessage } from '@/utils/transport/messages';
import './learning.css';
import { formatDateTime, useLearningData } from './learning-data';

const GRADE_KEYS: Record<Grade, string> = { 1: 'again', 2: 'hard', 3: 'good', 4: 'easy' };

/** The sentence with the phrase blanked out, so a recall card does not give the answer away. */
function cloze(sentence: string, phrase: string): string {
  if (!phrase || !sentence.includes(phrase)) return sentence;
  return sentence.split(phrase).join('＿＿');
}

function relativeWait(due: number, now: number, language: string): string {
  const minutes = Math.max(1, Math.round((due - now) / 60_000));
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'always', style: 'short' });
  if (minutes < 60) return format.format(minutes, 'minute');
  if (minutes < 60 * 24) return format.format(Math.round(minutes / 60), 'hour');
  return format.format(Math.round(minutes / (60 * 24)), 'day');
}

/** One card: the question side, then (after Space) the answer and the four grades. */
function ReviewCard({ item, onGrade }: { item: ReviewItem; onGrade: (grade: Grade) => void }) {
  const { t, i18n } = useTranslation();
  const [revealed, setRevealed] = useState(false);
  const { phrase, card } = item;
  const context = phrase.contexts.at(-1);
  const recall = card.direction === 'recall';

  // A layout effect: the keys for what the card shows are live from the moment it shows it, not
  // one passive-effect turn later (a Space pressed in between was lost).
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      // Keys count when nothing else has focus or focus is in the session, not while the reader
      // types in a field or presses Space on a button of another section.
      const free = !target || target === document.body || target === document.documentElement;
      if (!free && !target?.closest('.review')) return;
      if (target?.closest('input, textarea, select')) return;
      if (!revealed && (event.key === ' ' || event.key === 'Enter')) {
        if (target?.tagName === 'BUTTON' && event.key === 'Enter') return;
        event.preventDefault();
        setRevealed(true);
      } else if (revealed && ['1', '2', '3', '4'].includes(event.key)) {
        event.preventDefault();
        onGrade(Number(event.key) as Grade);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [revealed, onGrade]);

  return (
    <div className="review-card" data-card-id={card.id} data-direction={card.direction} aria-live="polite">
      <p className="muted">
        {t(recall ? 'learning.review.recallPrompt' : 'learning.review.recognizePrompt')}
      </p>
      <p className="review-question">
        {recall ? phrase.meaning || context?.sentenceTranslation : phrase.text}
      </p>
      {context && (
        <p className="review-context">
          {recall ? cloze(context.sentence, phrase.text) : context.sentence}
          {recall && context.sentenceTranslation && (
            <span className="muted"> {context.sentenceTranslation}</span>
          )}
        </p>
      )}
      {!revealed ? (
        <button type="button" className="primary" onClick={() => setRevealed(true)}>
          {t('learning.review.show')}
        </button>
      ) : (
        <>
          <div className="review-answer">
            <p className="review-question">{recall ? phrase.text : phrase.meaning}</p>
            {phrase.pinyin && <p className="phrase-pinyin">{phrase.pinyin}</p>}
            {!recall && context?.sentenceTranslation && (
              <p className="muted">{context.sentenceTranslation}</p>
            )}
            {phrase.notes && <p className="muted">{phrase.notes}</p>}
          </div>
          <div className="review-grades" role="group" aria-label={t('learning.review.gradesLabel')}>
            {GRADES.map((grade) => (
              <button key={grade} type="button" onClick={() => onGrade(grade)}>
                <kbd>{grade}</kbd> {t(`learning.review.grades.${GRADE_KEYS[grade]}`)}
                <span className="muted">
                  {' '}
                  {relativeWait(item.preview[grade], item.previewedAt, i18n.language)}
                </span>
              </button>
            ))}
          </div>
        </>
      )}
      {!revealed && <p className="muted">{t('learning.review.keys')}</p>}
      {revealed && (
        <p className="muted">
          {t('learning.review.dueWas', { date: formatDateTime(card.due, i18n.language) })}
        </p>
      )}
    </div>
  );
}

/** The daily review: due cards one by one, usable with the keyboard alone. */
export function ReviewSection() {
  const { t, i18n } = useTranslation();
  const load = useCallback(() => sendMessage('getDueItems', { limit: 100 }), []);
  const { data: queue, error: loadError } = useLearningData(load);
  const [done, setDone] = useState(0);
  const [lastNext, setLastNext] = useState<number>();
  const [gradeError, setGradeError] = useState<string>();
  const heading = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Opened from the popup's Review button: bring the session into view, ready for keys.
    if (location.hash === '#review') heading.current?.focus();
  }, []);

  const grade = useCallback(
    async (value: Grade) => {
      const current = queue?.[0];
      if (!current) return;
      try {
        const card = await sendMessage('gradeCard', { cardId: current.card.id, grade: value });
        setDone((count) => count + 1);
        setLastNext(card.due);
        setGradeError(undefined);
      } catch (failure) {
        setGradeError(failure instanceof Error ? failure.message : String(failure));
      }
    },
    [queue],
  );

  const current = queue?.[0];
  const error = gradeError ?? loadError;
  return (
    <div className="learning review" ref={heading} tabIndex={-1}>
      {error && <p role="alert">{t('learning.error', { message: error })}</p>}
      {queue && (
        <p className="review-progress" data-due={queue.length}>
          {t('learning.review.status', { due: queue.length, done })}
        </p>
      )}
      {lastNext !== undefined && (
        <p className="muted" role="status">
          {t('learning.review.scheduled', { date: formatDateTime(lastNext, i18n.language) })}
        </p>
      )}
      {current ? (
        <ReviewCard
          key={`${current.card.id}:${current.card.reps}:${done}`}
          item={current}
          onGrade={(value) => void grade(value)}
        />
      ) : (
        queue && (
          <p className="notice">{t(done > 0 ? 'learning.review.finished' : 'learning.review.nothingDue')}</p>
        )
      )}
    </div>
  );
}
