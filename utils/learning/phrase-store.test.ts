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

  it.each([
    ['a script link', { ...context, url: 'javascript:alert(1)' }],
    ['an http link', { ...context, url: 'http://www.xiaohongshu.com/explore/1' }],
    ['a link to another site', { ...context, url: 'https://evil.example/explore/1' }],
  ])('refuses to save a sentence with %s, and writes nothing', async (_name, bad) => {
    const attempt = store.save({ text: '种草', lang: 'zh', context: bad });
    await expect(attempt).rejects.toMatchObject({
      kind: 'bad-request',
      message: expect.stringMatching(/^context\.url: must be a Xiaohongshu or RedNote https link/),
    });
    expect(await db.phrases.count()).toBe(0);
    expect(await db.reviewCards.count()).toBe(0);
  });

  it('refuses a save that would grow a phrase past what a backup restores', async () => {
    await store.save({ text: '种草', lang: 'zh', tags: Array.from({ length: 50 }, (_, i) => `t${i}`) });
    const before = await db.phrases.toArray();
    await expect(store.save({ text: '种草', lang: 'zh', tags: ['one-more'] })).rejects.toThrow(
      'tags: must have at most 50 items',
    );
    expect(await db.phrases.toArray()).toEqual(before);
  });

  it('refuses edits over the limits, and grades outside 1 to 4', async () => {
    await store.save({ text: '种草', lang: 'zh', context });
    await expect(store.update('phrase-1', { notes: 'x'.repeat(10_001) })).rejects.toThrow(
      'patch: notes: must be at most 10000 characters',
    );
    await expect(store.grade('phrase-1:recall', 5 as never)).rejects.toThrow('grade: must be 1, 2, 3 or 4');
    expect((await db.phrases.get('phrase-1'))!.notes).toBe('');
    expect(await db.reviewLog.count()).toBe(0);
  });

  it('refuses to undo a deletion with cards of another phrase', async () => {
    await store.save({ text: '种草', lang: 'zh', context });
    const removed = await store.remove('phrase-1');
    const tampered = { ...removed, cards: removed.cards.map((card) => ({ ...card, phraseId: 'phrase-9' })) };
    await expect(store.restore(tampered)).rejects.toThrow('cards[0].phraseId: must be the id of the phrase');
    expect(await db.phrases.count()).toBe(0);
  });

  it('lists the readable phrases and reports a malformed one, which can still be deleted', async () => {
    await store.save({ text: '种草', lang: 'zh', context });
    await db.phrases.add({
      id: 'phrase-bad',
      key: 'zh|拔草',
      text: '拔草',
      lang: 'zh',
      contexts: 'not a list',
    } as never);
    await db.reviewCards.add({
      id: 'phrase-bad:recall',
      phraseId: 'phrase-bad',
      due: clock,
      difficulty: 99,
    } as never);

    expect((await store.list()).map((phrase) => phrase.text)).toEqual(['种草']);
    const [unreadable, ...others] = await store.unreadable();
    expect(others).toEqual([]);
    expect(unreadable).toMatchObject({ key: 'phrase-bad', label: '拔草' });
    expect(unreadable!.problems).toContain('contexts: must be a list');
    // Review leaves the bad card out, instead of failing on it.
    expect((await store.dueItems()).map((item) => item.card.id).sort()).toEqual([
      'phrase-1:recall',
      'phrase-1:recognize',
    ]);
    // Saving the same text again does not build on the unreadable row.
    await expect(store.save({ text: '拔草', lang: 'zh' })).rejects.toThrow(/phrase-bad could not be read/);

    await store.remove('phrase-bad');
    expect(await store.unreadable()).toEqual([]);
    expect(await db.reviewCards.get('phrase-bad:recall')).toBeUndefined();
  });
});
