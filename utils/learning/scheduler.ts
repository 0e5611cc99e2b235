import { createEmptyCard, fsrs, type Card, type Grade as FsrsGrade } from 'ts-fsrs';
import type { CardDirection, CardState, Grade, ReviewCardRecord, ReviewLogRecord } from './records';

/**
 * FSRS scheduling through `ts-fsrs`, with its default parameters (90% requested retention) and
 * without interval fuzz, so the same history always gives the same due date.
 */
const scheduler = fsrs({ enable_fuzz: false });

function toCard(record: ReviewCardRecord): Card {
  return {
    due: new Date(record.due),
    stability: record.stability,
    difficulty: record.difficulty,
    elapsed_days: record.elapsedDays,
    scheduled_days: record.scheduledDays,
    learning_steps: record.learningSteps,
    reps: record.reps,
    lapses: record.lapses,
    state: record.state,
    last_review: record.lastReview === undefined ? undefined : new Date(record.lastReview),
  };
}

function fromCard(id: string, phraseId: string, direction: CardDirection, card: Card): ReviewCardRecord {
  const record: ReviewCardRecord = {
    id,
    phraseId,
    direction,
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as CardState,
  };
  if (card.last_review) record.lastReview = card.last_review.getTime();
  return record;
}

export function cardId(phraseId: string, direction: CardDirection): string {
  return `${phraseId}:${direction}`;
}

/** A card never reviewed, due now. */
export function newCard(phraseId: string, direction: CardDirection, now: number): ReviewCardRecord {
  return fromCard(cardId(phraseId, direction), phraseId, direction, createEmptyCard(new Date(now)));
}

/** The card after the reader graded it at `now`, and the review to log. */
export function gradeCard(
  record: ReviewCardRecord,
  grade: Grade,
  now: number,
): { card: ReviewCardRecord; log: ReviewLogRecord } {
  const { card } = scheduler.next(toCard(record), new Date(now), grade as FsrsGrade);
  const next = fromCard(record.id, record.phraseId, record.direction, card);
  return {
    card: next,
    log: {
      cardId: record.id,
      phraseId: record.phraseId,
      grade,
      state: record.state,
      reviewedAt: now,
      previousDue: record.due,
      nextDue: next.due,
      scheduledDays: next.scheduledDays,
      elapsedDays: next.elapsedDays,
    },
  };
}

/** When each grade would make the card due next, for the grade buttons' hints. */
export function previewDue(record: ReviewCardRecord, now: number): Record<Grade, number> {
  const preview = {} as Record<Grade, number>;
  for (const grade of [1, 2, 3, 4] as Grade[]) preview[grade] = gradeCard(record, grade, now).card.due;
  return preview;
}
