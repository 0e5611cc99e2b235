import * as v from 'valibot';
import type { RedBridgeDatabase } from '../db/database';
import { sortRows, type UnreadableRow } from '../db/unreadable-rows';
import { BadRequestError, checked, problemsOf } from '../validation/bad-request';
import { localDay, startOfLocalDay } from './local-day';
import { mergePhrase, phraseKey, type PhraseInput } from './phrase-merge';
import {
  gradeCardPayload,
  phraseInput,
  phrasePatch,
  phraseRecord,
  removedPhrase,
  reviewCardRecord,
} from './record-schemas';
import {
  CARD_DIRECTIONS,
  type Grade,
  type PhraseRecord,
  type ReviewCardRecord,
  type ReviewLogRecord,
} from './records';
import { gradeCard, newCard, previewDue } from './scheduler';

/** The fields a reader edits in the phrasebook. */
export interface PhrasePatch {
  meaning?: string;
  notes?: string;
  pinyin?: string;
  tags?: string[];
}

/** A phrase with the cards and history it had when deleted, so the deletion can be undone. */
export interface RemovedPhrase {
  phrase: PhraseRecord;
  cards: ReviewCardRecord[];
  log: ReviewLogRecord[];
}

/** A phrase in the phrasebook, with when its cards are due next. */
export interface PhraseListItem extends PhraseRecord {
  /** When its earliest card is due; null for a phrase without cards. */
  nextDue: number | null;
}

export interface ReviewItem {
  card: ReviewCardRecord;
  phrase: PhraseRecord;
  /** When each grade would make the card due next, if graded at `previewedAt`. */
  preview: Record<Grade, number>;
  previewedAt: number;
}

export interface DayReviews {
  day: string;
  reviews: number;
  /** Reviews graded Hard, Good or Easy. */
  remembered: number;
}

export interface ReviewProgress {
  days: DayReviews[];
  /** Share of reviews of already-learnt cards (FSRS review state) not graded Again; null without any. */
  retention: number | null;
  phrases: number;
  /** Cards the reader has graded at least once. */
  learning: number;
  dueNow: number;
}

/** A stored phrase as its schema reads it, or a refusal naming what is wrong with it. */
function readablePhrase(row: PhraseRecord): PhraseRecord {
  const result = v.safeParse(phraseRecord, row);
  if (result.success) return result.output;
  const [problem] = problemsOf(result.issues);
  throw new BadRequestError(
    `The saved phrase ${row.id} could not be read (${problem}); delete it in the phrasebook first.`,
  );
}

/**
 * The phrasebook and its review cards, in the extension's database. Each write is one
 * transaction, so a phrase never exists without its two cards. What is written is checked with
 * the schemas restore uses (`record-schemas.ts`); a stored row that fails them is never used, and
 * is listed by `unreadable` instead.
 */
export class PhraseStore {
  constructor(
    private readonly db: RedBridgeDatabase,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = () => `phrase-${crypto.randomUUID()}`,
  ) {}

  /** Saves a phrase, merged into the existing one with the same text (`phrase-merge.ts`). */
  async save(input: PhraseInput): Promise<{ phrase: PhraseRecord; created: boolean }> {
    const sent = checked(phraseInput, input);
    const now = this.now();
    return this.db.transaction('rw', this.db.phrases, this.db.reviewCards, async () => {
      const stored = await this.db.phrases.where('key').equals(phraseKey(sent.text, sent.lang)).first();
      const existing = stored && readablePhrase(stored);
      // The merged phrase must be one a restore takes back: a phrase grown past a limit is refused.
      const phrase = checked(phraseRecord, mergePhrase(existing, sent, now, existing?.id ?? this.newId()));
      await this.db.phrases.put(phrase);
      if (!existing) {
        await this.db.reviewCards.bulkPut(
          CARD_DIRECTIONS.map((direction) => newCard(phrase.id, direction, now)),
        );
      }
      return { phrase, created: !existing };
    });
  }

  /** Every readable phrase, most recently saved or edited first. */
  async list(): Promise<PhraseListItem[]> {
    const [rows, cards] = await Promise.all([this.db.phrases.toArray(), this.db.reviewCards.toArray()]);
    const nextDue = new Map<string, number>();
    for (const card of cards.filter((card) => v.is(reviewCardRecord, card)))
      nextDue.set(card.phraseId, Math.min(card.due, nextDue.get(card.phraseId) ?? Infinity));
    return sortRows(rows, phraseRecord, 'text')
      .readable.map((phrase) => ({ ...phrase, nextDue: nextDue.get(phrase.id) ?? null }))
      .sort((a, b) => b.updatedAt - a.updatedAt);
  }

  /** Stored phrases that fail the phrase schema: not listed, shown for the reader to delete. */
  async unreadable(): Promise<UnreadableRow[]> {
    return sortRows(await this.db.phrases.toArray(), phraseRecord, 'text').unreadable;
  }

  async update(id: string, patch: PhrasePatch): Promise<PhraseRecord> {
    const edits = checked(phrasePatch, patch, 'patch');
    return this.db.transaction('rw', this.db.phrases, async () => {
      const stored = await this.db.phrases.get(id);
      if (!stored) throw new Error(`No phrase ${id}`);
      const phrase = readablePhrase(stored);
      const next = checked(phraseRecord, {
        ...phrase,
        ...(edits.meaning !== undefined && { meaning: edits.meaning.trim() }),
        ...(edits.notes !== undefined && { notes: edits.notes }),
        ...(edits.pinyin !== undefined && { pinyin: edits.pinyin.trim() }),
        ...(edits.tags !== undefined && {
          tags: [...new Set(edits.tags.map((tag) => tag.trim()).filter(Boolean))],
        }),
        updatedAt: this.now(),
      });
      await this.db.phrases.put(next);
      return next;
    });
  }

  /** Deletes a phrase, readable or not, with its cards and history, and returns them for `restore`. */
  async remove(id: string): Promise<RemovedPhrase> {
    return this.db.transaction('rw', this.db.phrases, this.db.reviewCards, this.db.reviewLog, async () => {
      const phrase = await this.db.phrases.get(id);
      if (!phrase) throw new Error(`No phrase ${id}`);
      const cards = await this.db.reviewCards.where('phraseId').equals(id).toArray();
      const log = await this.db.reviewLog.where('phraseId').equals(id).toArray();
      await this.db.phrases.delete(id);
      await this.db.reviewCards.where('phraseId').equals(id).delete();
      await this.db.reviewLog.where('phraseId').equals(id).delete();
      return { phrase, cards, log };
    });
  }

  /** Puts a deleted phrase back exactly as it was (the phrasebook's Undo). */
  async restore(removed: RemovedPhrase): Promise<void> {
    const { phrase, cards, log } = checked(removedPhrase, removed);
    await this.db.transaction('rw', this.db.phrases, this.db.reviewCards, this.db.reviewLog, async () => {
      await this.db.phrases.put(phrase);
      await this.db.reviewCards.bulkPut(cards);
      await this.db.reviewLog.bulkPut(log);
    });
  }

  /** Cards due now, earliest first, each with its phrase; unreadable cards and phrases are left out. */
  async dueItems(limit = 50): Promise<ReviewItem[]> {
    const now = this.now();
    const cards = await this.db.reviewCards.where('due').belowOrEqual(now).sortBy('due');
    const items: ReviewItem[] = [];
    for (const card of cards) {
      if (items.length >= limit) break;
      if (!v.is(reviewCardRecord, card)) continue;
      const phrase = await this.db.phrases.get(card.phraseId);
      if (phrase && v.is(phraseRecord, phrase))
        items.push({ card, phrase, preview: previewDue(card, now), previewedAt: now });
    }
    return items;
  }

  async dueCount(): Promise<number> {
    return this.db.reviewCards.where('due').belowOrEqual(this.now()).count();
  }

  /** Records the reader's grade for a card and schedules its next review. */
  async grade(cardId: string, grade: Grade): Promise<ReviewCardRecord> {
    checked(gradeCardPayload, { cardId, grade });
    const now = this.now();
    return this.db.transaction('rw', this.db.reviewCards, this.db.reviewLog, async () => {
      const stored = await this.db.reviewCards.get(cardId);
      if (!stored) throw new Error(`No card ${cardId}`);
      const current = checked(reviewCardRecord, stored, `card ${cardId}`);
      const { card, log } = gradeCard(current, grade, now);
      await this.db.reviewCards.put(card);
      await this.db.reviewLog.add(log);
      return card;
    });
  }

  /** Reviews per local day over the last `days` days (today last), and overall figures. */
  async progress(days = 30): Promise<ReviewProgress> {
    const now = this.now();
    const since = startOfLocalDay(now, -(days - 1));
    const log = await this.db.reviewLog.where('reviewedAt').aboveOrEqual(since).toArray();
    const byDay = new Map<string, DayReviews>();
    for (let i = 0; i < days; i++) {
      const day = localDay(startOfLocalDay(now, -(days - 1) + i));
      byDay.set(day, { day, reviews: 0, remembered: 0 });
    }
    let mature = 0;
    let matureRemembered = 0;
    for (const review of log) {
      const entry = byDay.get(localDay(review.reviewedAt));
      if (!entry) continue;
      entry.reviews++;
      if (review.grade > 1) entry.remembered++;
      if (review.state === 2) {
        mature++;
        if (review.grade > 1) matureRemembered++;
      }
    }
    const cards = await this.db.reviewCards.toArray();
    return {
      days: [...byDay.values()],
      retention: mature ? matureRemembered / mature : null,
      phrases: await this.db.phrases.count(),
      learning: cards.filter((card) => card.reps > 0).length,
      dueNow: cards.filter((card) => card.due <= now).length,
    };
  }
}
