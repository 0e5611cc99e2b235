import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RedBridgeDatabase } from '../db/database';
import { PhraseStore } from './phrase-store';

const DAY = 24 * 60 * 60 * 1000;
const context = {
  sentence: '被这只猫种草了',
  sentenceTranslation: 'This cat sold me on it',
  url: 'https://www.xiaohongshu.com/explore/67875c34000000006f54d753',
  title: 'Paying my cat tax',
};

let db: RedBridgeDatabase;
let clock: number;
let store: PhraseStore;
let ids: number;

beforeEach(async () => {
  db = new RedBridgeDatabase(`t-${crypto.randomUUID()}`);
  await db.open();
  clock = new Date(2026, 0, 15, 9, 0).getTime();
  ids = 0;
  store = new PhraseStore(
    db,
    () => clock,
    () => `phrase-${++ids}`,
  );
});
afterEach(() => db.close());

describe('phrase store', () => {
  it('saves a phrase once with two cards due now, and merges a second save into it', async () => {
    const first = await store.save({ text: '种草', lang: 'zh', meaning: 'to recommend', context });
    expect(first.created).toBe(true);
    expect((await db.reviewCards.toArray()).map((card) => [card.id, card.due])).toEqual([
      ['phrase-1:recall', clock],
      ['phrase-1:recognize', clock],
    ]);
    clock += 1000;
    const second = await store.save({
      text: '种草。',
      lang: 'zh',
      context: { ...context, sentence: '又被种草' },
    });
    expect(second.created).toBe(false);
    expect(await db.phrases.count()).toBe(1);
    expect(await db.reviewCards.count()).toBe(2);
    expect(second.phrase.contexts).toHaveLength(2);
    expect(await store.dueCount()).toBe(2);
  });

  it('moves a card’s due date as its grades say', async () => {
    await store.save({ text: '种草', lang: 'zh', meaning: 'to recommend', context });
    const start = clock;
    const again = await store.grade('phrase-1:recognize', 1);
    const good = await store.grade('phrase-1:recall', 3);
    // Again keeps a new card in short-term learning; Good moves it further out, both after now.
    expect(again.due).toBeGreaterThan(start);
    expect(good.due).toBeGreaterThan(again.due);
    expect(await store.dueCount()).toBe(0);

    // A learnt card graded Easy is due later than one graded Hard from the same state.
    clock = good.due;
    const item = (await store.dueItems()).find((due) => due.card.id === 'phrase-1:recall');
    expect(item).toBeDefined();
    expect(item!.preview[4]).toBeGreaterThan(item!.preview[2]);
    expect(item!.preview[2]).toBeGreaterThan(clock);
    const easy = await store.grade('phrase-1:recall', 4);
    expect(easy.due).toBe(item!.preview[4]);
    expect(easy.due - clock).toBeGreaterThanOrEqual(DAY);
    expect(easy.reps).toBe(2);

    const log = await db.reviewLog.toArray();
    expect(log.map((review) => [review.cardId, review.grade, review.previousDue, review.nextDue])).toEqual([
      ['phrase-1:recognize', 1, start, again.due],
      ['phrase-1:recall', 3, start, good.due],
      ['phrase-1:recall', 4, good.due, easy.due],
    ]);
  });

  it('deletes a phrase with its cards and history, and undoes the deletion exactly', async () => {
    await store.save({ text: '种草', lang: 'zh', context });
    await store.grade('phrase-1:recognize', 3);
    const before = {
      phrases: await db.phrases.toArray(),
      cards: await db.reviewCards.toArray(),
      log: await db.reviewLog.toArray(),
    };
    const removed = await store.remove('phrase-1');
    expect(await db.phrases.count()).toBe(0);
    expect(await db.reviewCards.count()).toBe(0);
    expect(await db.reviewLog.count()).toBe(0);
    await store.restore(removed);
    expect({
      phrases: await db.phrases.toArray(),
      cards: await db.reviewCards.toArray(),
      log: await db.reviewLog.toArray(),
    }).toEqual(before);
  });

  it('edits meaning, notes and tags', async () => {
    await store.save({ text: 'cat tax', lang: 'en', meaning: '猫税', context });
    const edited = await store.update('phrase-1', {
      meaning: ' 晒猫 ',
      notes: 'a meme',
      tags: ['meme', 'meme', ' cats '],
    });
    expect(edited).toMatchObject({ meaning: '晒猫', notes: 'a meme', tags: ['meme', 'cats'] });
    expect((await store.list())[0]).toMatchObject({ meaning: '晒猫', nextDue: clock });
  });

  it('counts reviews per day and retention of learnt cards', async () => {
    await store.save({ text: '种草', lang: 'zh', context });
    await store.grade('phrase-1:recognize', 3);
    clock += DAY;
    await db.reviewCards.update('phrase-1:recognize', { state: 2 });
    await store.grade('phrase-1:recognize', 1);
    await db.reviewCards.update('phrase-1:recognize', { state: 2 });
    await store.grade('phrase-1:recognize', 3);
    const progress = await store.progress(7);
    expect(progress.days).toHaveLength(7);
    expect(progress.days.slice(-2).map((day) => [day.reviews, day.remembered])).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect(progress.retention).toBe(0.5);
    expect(progress.phrases).toBe(1);
  });
});
