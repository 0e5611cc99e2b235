import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RedBridgeDatabase } from '../db/database';
import { LATEST_SCHEMA_VERSION } from '../db/schema';
import { loadSettings, updateSettings } from '../settings';
import { DEFAULT_SETTINGS } from '../settings-schema';
import {
  BackupError,
  createBackup,
  parseBackup,
  readTables,
  restoreBackup,
  type BackupProblem,
} from './backup';
import { PhraseStore } from './phrase-store';

let db: RedBridgeDatabase;
let clock = new Date(2026, 0, 15, 9).getTime();

const userTerm = {
  id: 'user-1',
  term: '红薯',
  lang: 'zh' as const,
  meaning: { en: 'A Xiaohongshu user' },
  createdAt: 1,
  updatedAt: 2,
};

/** A database with something in every table a backup holds, and settings that differ from defaults. */
async function fillEverything(): Promise<void> {
  const store = new PhraseStore(db, () => clock);
  await db.userTerms.add(userTerm);
  await store.save({
    text: '种草',
    lang: 'zh',
    pinyin: 'zhòng cǎo',
    meaning: 'to recommend',
    tags: ['slang'],
    context: {
      sentence: '被这只猫种草了',
      sentenceTranslation: 'sold',
      url: 'https://www.xiaohongshu.com/explore/1',
      title: 't',
    },
  });
  await store.save({ text: 'cat tax', lang: 'en', meaning: '猫税' });
  const [card] = await db.reviewCards.toArray();
  await store.grade(card!.id, 3);
  clock += 60_000;
  await store.grade(card!.id, 1);
  await updateSettings({ readerLanguage: 'ja', displayMode: 'hover' });
}

async function snapshot() {
  return { settings: await loadSettings(), tables: await readTables(db) };
}

function problemOf(text: string): BackupProblem | undefined {
  try {
    parseBackup(text);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(BackupError);
    return (error as BackupError).problem;
  }
}

beforeEach(async () => {
  db = new RedBridgeDatabase(`t-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(() => db.close());

describe('full backup', () => {
  it('restores to exactly what was backed up', async () => {
    await fillEverything();
    const before = await snapshot();
    const file = JSON.stringify(createBackup(before.settings, before.tables));

    // Everything changes after the backup…
    await db.phrases.clear();
    await db.reviewCards.clear();
    await db.reviewLog.clear();
    await db.userTerms.clear();
    await updateSettings({ readerLanguage: 'fr' });

    // …and comes back identical, review history ids included.
    await restoreBackup(db, parseBackup(file), updateSettings);
    expect(await snapshot()).toEqual(before);
    expect(before.tables.reviewLog).toHaveLength(2);
    expect(before.tables.phrases).toHaveLength(2);
  });

  it('restores a backup written by schema version 2 with version 1 settings', async () => {
    await fillEverything();
    const old = {
      format: 'redbridge-backup',
      schemaVersion: 2,
      exportedAt: '2026-01-01T00:00:00.000Z',
      settings: { version: 1, readerLanguage: 'de', uiLanguage: 'en', displayMode: 'translation-only' },
      tables: { userTerms: [{ ...userTerm, id: 'user-9', term: '集美' }] },
    };
    const backup = parseBackup(JSON.stringify(old));
    expect(backup.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    await restoreBackup(db, backup, updateSettings);

    const after = await snapshot();
    expect(after.tables).toEqual({
      userTerms: [old.tables.userTerms[0]],
      phrases: [],
      reviewCards: [],
      reviewLog: [],
    });
    expect(after.settings).toEqual({
      ...DEFAULT_SETTINGS,
      readerLanguage: 'de',
      uiLanguage: 'en',
      displayMode: 'translation-only',
    });
  });

  it('restores a version 1 backup, which had settings only', async () => {
    const backup = parseBackup(
      JSON.stringify({ format: 'redbridge-backup', schemaVersion: 1, settings: {}, tables: {} }),
    );
    expect(backup.tables).toEqual({ userTerms: [], phrases: [], reviewCards: [], reviewLog: [] });
  });

  it.each<[string, string, BackupProblem]>([
    ['not JSON', '{"format": "redbridge-backup", ', 'unreadable'],
    ['another file', JSON.stringify({ hello: 'world' }), 'not-a-backup'],
    [
      'a newer version',
      JSON.stringify({ format: 'redbridge-backup', schemaVersion: 99, settings: {}, tables: {} }),
      'newer-version',
    ],
    [
      'a phrase without text',
      JSON.stringify({
        format: 'redbridge-backup',
        schemaVersion: 3,
        settings: {},
        tables: { userTerms: [], phrases: [{ id: 'p' }], reviewCards: [], reviewLog: [] },
      }),
      'invalid-rows',
    ],
    [
      'a card of no phrase',
      JSON.stringify({
        format: 'redbridge-backup',
        schemaVersion: 3,
        settings: {},
        tables: {
          userTerms: [],
          phrases: [],
          reviewCards: [
            {
              id: 'x:recall',
              phraseId: 'x',
              direction: 'recall',
              due: 1,
              stability: 0,
              difficulty: 0,
              elapsedDays: 0,
              scheduledDays: 0,
              learningSteps: 0,
              reps: 0,
              lapses: 0,
              state: 0,
            },
          ],
          reviewLog: [],
        },
      }),
      'invalid-rows',
    ],
  ])('refuses %s and changes nothing', async (_name, text, problem) => {
    await fillEverything();
    const before = await snapshot();
    expect(problemOf(text)).toBe(problem);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a truncated real backup, naming where it is broken', async () => {
    await fillEverything();
    const { settings, tables } = await snapshot();
    const backup = createBackup(settings, tables);
    const broken = JSON.parse(JSON.stringify(backup)) as { tables: { reviewLog: { grade: unknown }[] } };
    broken.tables.reviewLog[1]!.grade = 7;
    expect(() => parseBackup(JSON.stringify(broken))).toThrow(/reviewLog\[1\]\.grade/);
  });
});
