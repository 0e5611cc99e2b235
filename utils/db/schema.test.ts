import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { RedBridgeDatabase } from './database';
import { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema';

/**
 * A row as each version stored it, per table. A version that adds or reshapes a table adds its
 * rows here; the test below then proves that a database written by every earlier version opens at
 * the latest one with nothing lost.
 */
const ROWS_WRITTEN_BY: Record<number, Record<string, object[]>> = {
  1: {
    translations: [
      {
        key: 'google-html|zh-CN|en|abc',
        text: '猫税',
        translation: 'cat tax',
        provider: 'google-html',
        createdAt: 1,
        usedAt: 2,
        size: 9,
      },
    ],
    secrets: [{ id: 'deepl', value: 'key-123' }],
    stats: [{ day: '2026-11-22', unitsTranslated: 3, requests: 1, characters: 9, cacheHits: 0 }],
  },
  2: {
    userTerms: [
      {
        id: 'user-1',
        term: '红薯',
        lang: 'zh',
        meaning: { en: 'A Xiaohongshu user' },
        rendering: { en: 'RedNote user' },
        createdAt: 1,
        updatedAt: 2,
      },
    ],
  },
  3: {
    phrases: [
      {
        id: 'phrase-1',
        key: 'zh|种草',
        text: '种草',
        lang: 'zh',
        pinyin: 'zhòng cǎo',
        meaning: 'to make someone want to buy something',
        notes: '',
        tags: ['slang'],
        contexts: [
          {
            sentence: '被这只猫种草了',
            sentenceTranslation: 'This cat sold me on it',
            url: 'https://www.xiaohongshu.com/explore/67875c34000000006f54d753',
            title: 'Paying my cat tax',
            seenAt: 3,
          },
        ],
        createdAt: 3,
        updatedAt: 3,
      },
    ],
    reviewCards: [
      {
        id: 'phrase-1:recognize',
        phraseId: 'phrase-1',
        direction: 'recognize',
        due: 4,
        stability: 2.3,
        difficulty: 5.1,
        elapsedDays: 0,
        scheduledDays: 1,
        learningSteps: 0,
        reps: 1,
        lapses: 0,
        state: 2,
        lastReview: 3,
      },
    ],
    reviewLog: [
      {
        id: 1,
        cardId: 'phrase-1:recognize',
        phraseId: 'phrase-1',
        grade: 3,
        state: 0,
        reviewedAt: 3,
        previousDue: 3,
        nextDue: 4,
        scheduledDays: 1,
        elapsedDays: 0,
      },
    ],
  },
};

/** A Dexie database declared only up to `version`, as an older release of RedBridge had it. */
function databaseAtVersion(name: string, version: number): Dexie {
  const db = new Dexie(name);
  for (const step of SCHEMA_VERSIONS.filter((candidate) => candidate.version <= version)) {
    const declared = db.version(step.version).stores(step.stores);
    if (step.upgrade) declared.upgrade(step.upgrade);
  }
  return db;
}

describe('database schema', () => {
  it('declares its versions in increasing order', () => {
    const versions = SCHEMA_VERSIONS.map((step) => step.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(LATEST_SCHEMA_VERSION).toBe(versions.at(-1));
  });

  for (const { version } of SCHEMA_VERSIONS) {
    it(`opens a database written by version ${version} at the latest version with every row kept`, async () => {
      const name = `t-${crypto.randomUUID()}`;
      const old = databaseAtVersion(name, version);
      await old.open();
      const written = ROWS_WRITTEN_BY[version] ?? {};
      for (const [table, rows] of Object.entries(written)) await old.table(table).bulkAdd(rows);
      old.close();

      const current = new RedBridgeDatabase(name);
      await current.open();
      expect(current.verno).toBe(LATEST_SCHEMA_VERSION);
      for (const [table, rows] of Object.entries(written)) {
        expect(await current.table(table).toArray(), table).toEqual(rows);
      }
      current.close();
    });
  }
});
