import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
import { BACKUP_MAX_LENGTH } from './record-schemas';

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

  it('refuses a version written as text', () => {
    const file = { format: 'redbridge-backup', schemaVersion: '3', settings: {}, tables: {} };
    expect(() => parseBackup(JSON.stringify(file))).toThrow(
      new BackupError('not-a-backup', 'schemaVersion: must be a whole number, not "3"'),
    );
  });

  it('refuses a file over 20 MB without parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const huge = JSON.stringify({ format: 'redbridge-backup', padding: ' '.repeat(BACKUP_MAX_LENGTH) });
    expect(problemOf(huge)).toBe('too-large');
    expect(parse).not.toHaveBeenCalled();
  });
});

describe('every row of a backup', () => {
  type Tables = Record<'userTerms' | 'phrases' | 'reviewCards' | 'reviewLog', Record<string, unknown>[]>;

  /** A real backup of everything, changed by `change` before it is written out. */
  async function backupWith(change: (tables: Tables) => void): Promise<string> {
    await fillEverything();
    const { settings, tables } = await snapshot();
    const file = JSON.parse(JSON.stringify(createBackup(settings, tables))) as { tables: Tables };
    // Phrases in a known order: 种草 (saved with its sentence) first, then cat tax.
    file.tables.phrases.sort((a, b) => (a.text === '种草' ? -1 : b.text === '种草' ? 1 : 0));
    change(file.tables);
    return JSON.stringify(file);
  }

  /** The detail of the refusal, after checking that it is for invalid rows and changed nothing. */
  async function refusal(text: string): Promise<string> {
    const before = await snapshot();
    try {
      parseBackup(text);
    } catch (error) {
      expect(error).toMatchObject({ problem: 'invalid-rows' });
      expect(await snapshot()).toEqual(before);
      return (error as BackupError).detail;
    }
    throw new Error('the backup was accepted');
  }

  it.each<[string, (tables: Tables) => void, string]>([
    [
      'a glossary term whose aliases are text',
      (t) => (t.userTerms[0]!.aliases = '红薯们'),
      'userTerms[0].aliases: must be an array of strings',
    ],
    [
      'a glossary term without a meaning or rendering',
      (t) => delete t.userTerms[0]!.meaning,
      'userTerms[0]: meaning: a user term needs a meaning or a rendering',
    ],
    [
      'a glossary term too long',
      (t) => (t.userTerms[0]!.term = '红'.repeat(101)),
      'userTerms[0].term: must be at most 100 characters',
    ],
    [
      'a sentence linking to a script',
      (t) => ((t.phrases[0]!.contexts as { url: string }[])[0]!.url = 'javascript:alert(1)'),
      'phrases[0].contexts[0].url: must be a Xiaohongshu or RedNote https link (www.xiaohongshu.com or www.rednote.com)',
    ],
    [
      'a sentence linking to another site over http',
      (t) => ((t.phrases[0]!.contexts as { url: string }[])[0]!.url = 'http://evil.example/explore/1'),
      'phrases[0].contexts[0].url: must be a Xiaohongshu or RedNote https link (www.xiaohongshu.com or www.rednote.com)',
    ],
    [
      'notes too long',
      (t) => (t.phrases[1]!.notes = 'x'.repeat(10_001)),
      'phrases[1].notes: must be at most 10000 characters',
    ],
    [
      'a card too difficult',
      (t) => (t.reviewCards[0]!.difficulty = 11),
      'reviewCards[0].difficulty: must be at most 10',
    ],
    [
      'a card reviewed -1 times',
      (t) => (t.reviewCards[0]!.reps = -1),
      'reviewCards[0].reps: must not be negative',
    ],
    ['a card in state 7', (t) => (t.reviewCards[2]!.state = 7), 'reviewCards[2].state: must be 0, 1, 2 or 3'],
    [
      'a card due never',
      (t) => (t.reviewCards[0]!.due = null),
      'reviewCards[0].due: must be a time in milliseconds',
    ],
    ['a review graded 0', (t) => (t.reviewLog[0]!.grade = 0), 'reviewLog[0].grade: must be 1, 2, 3 or 4'],
    [
      'two terms with one id',
      (t) => t.userTerms.push({ ...t.userTerms[0], term: '薯条' }),
      'userTerms[1].id: repeats the id of userTerms[0]',
    ],
    [
      'two phrases with one id',
      (t) => t.phrases.push({ ...t.phrases[0], key: 'zh|拔草', text: '拔草' }),
      'phrases[2].id: repeats the id of phrases[0]',
    ],
    [
      'two phrases with one key',
      (t) => t.phrases.push({ ...t.phrases[0], id: 'phrase-copy' }),
      'phrases[2].key: repeats the key of phrases[0]',
    ],
    [
      'two cards with one id',
      (t) => t.reviewCards.push({ ...t.reviewCards[0] }),
      'reviewCards[4].id: repeats the id of reviewCards[0]',
    ],
    [
      'two reviews with one id',
      (t) => t.reviewLog.push({ ...t.reviewLog[0] }),
      'reviewLog[2].id: repeats the id of reviewLog[0]',
    ],
    [
      'a card of a phrase not in the file',
      (t) => (t.reviewCards[1]!.phraseId = 'phrase-gone'),
      'reviewCards[1].phraseId: names no phrase in this file',
    ],
    [
      'a review of a card not in the file',
      (t) => (t.reviewLog[1]!.cardId = 'phrase-gone:recall'),
      'reviewLog[1].cardId: names no review card in this file',
    ],
    [
      "a review filed under another phrase than its card's",
      (t) => {
        // Whichever phrase the review's card is not of: reviews are stored in no fixed order.
        const review = t.reviewLog[1]!;
        const card = t.reviewCards.find((candidate) => candidate.id === review.cardId)!;
        review.phraseId = t.phrases.find((phrase) => phrase.id !== card.phraseId)!.id;
      },
      "reviewLog[1].phraseId: is not its card's phrase",
    ],
  ])('is checked: refuses %s, naming the row and field', async (_name, change, detail) => {
    expect(await refusal(await backupWith(change))).toBe(detail);
  });

  it('names the first problem and counts the others', async () => {
    const text = await backupWith((t) => {
      t.userTerms[0]!.lang = 'fr';
      t.reviewLog[0]!.grade = 9;
      t.reviewLog[1]!.grade = 9;
    });
    expect(await refusal(text)).toBe('userTerms[0].lang: must be one of zh, en (and 2 more problems)');
  });
});
