import type { RedBridgeDatabase } from '../db/database';
import { LATEST_SCHEMA_VERSION, type UserTermRecord } from '../db/schema';
import { migrateSettings, type Settings } from '../settings-schema';
import type { PhraseRecord, ReviewCardRecord, ReviewLogRecord } from './records';

/**
 * The full backup: everything the reader owns (settings, their glossary, phrases, review cards and
 * history) as one JSON file. Provider keys and the translation cache are not in it: keys are
 * credentials, the cache can be rebuilt.
 *
 * A backup names the database schema version it was written by. Restoring one from an earlier
 * version runs the steps in `UPGRADES` one version at a time, then checks every row, and only
 * then replaces what is stored: a file that fails anywhere changes nothing.
 */

export const BACKUP_FORMAT = 'redbridge-backup';

export interface BackupTables {
  userTerms: UserTermRecord[];
  phrases: PhraseRecord[];
  reviewCards: ReviewCardRecord[];
  reviewLog: ReviewLogRecord[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  settings: Settings;
  tables: BackupTables;
}

export type BackupProblem = 'unreadable' | 'not-a-backup' | 'newer-version' | 'invalid-rows';

/** Why a file cannot be restored; `detail` names the first bad place, for the message shown. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    readonly problem: BackupProblem,
    readonly detail = '',
  ) {
    super(detail ? `${problem}: ${detail}` : problem);
  }
}

type RawTables = Record<string, unknown>;

/** Step `n` turns the tables of a version `n - 1` backup into those of version `n`. */
const UPGRADES: Record<number, (tables: RawTables) => RawTables> = {
  // Version 2 added the user's glossary.
  2: (tables) => ({ ...tables, userTerms: tables.userTerms ?? [] }),
  // Version 3 added the phrasebook and review history.
  3: (tables) => ({
    ...tables,
    phrases: tables.phrases ?? [],
    reviewCards: tables.reviewCards ?? [],
    reviewLog: tables.reviewLog ?? [],
  }),
};

export function createBackup(settings: Settings, tables: BackupTables, now = Date.now()): Backup {
  return {
    format: BACKUP_FORMAT,
    schemaVersion: LATEST_SCHEMA_VERSION,
    exportedAt: new Date(now).toISOString(),
    settings,
    tables,
  };
}

export async function readTables(db: RedBridgeDatabase): Promise<BackupTables> {
  return db.transaction('r', db.userTerms, db.phrases, db.reviewCards, db.reviewLog, async () => ({
    userTerms: await db.userTerms.toArray(),
    phrases: await db.phrases.toArray(),
    reviewCards: await db.reviewCards.toArray(),
    reviewLog: await db.reviewLog.toArray(),
  }));
}

/* ---- checking rows ---- */

const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function check(condition: boolean, where: string): asserts condition {
  if (!condition) throw new BackupError('invalid-rows', where);
}

function checkStrings(row: Record<string, unknown>, fields: string[], where: string): void {
  for (const field of fields) check(isString(row[field]), `${where}.${field}`);
}

function checkNumbers(row: Record<string, unknown>, fields: string[], where: string): void {
  for (const field of fields) check(isNumber(row[field]), `${where}.${field}`);
}

function checkArray(tables: RawTables, name: string): Record<string, unknown>[] {
  const rows = tables[name];
  check(Array.isArray(rows), name);
  rows.forEach((row, index) => check(isObject(row), `${name}[${index}]`));
  return rows as Record<string, unknown>[];
}

function checkUniqueIds(rows: Record<string, unknown>[], name: string): void {
  const seen = new Set<unknown>();
  rows.forEach((row, index) => {
    check(!seen.has(row.id), `${name}[${index}].id`);
    seen.add(row.id);
  });
}

function checkTables(tables: RawTables): BackupTables {
  const userTerms = checkArray(tables, 'userTerms');
  userTerms.forEach((row, i) => {
    const where = `userTerms[${i}]`;
    checkStrings(row, ['id', 'term'], where);
    check(row.lang === 'zh' || row.lang === 'en', `${where}.lang`);
    checkNumbers(row, ['createdAt', 'updatedAt'], where);
  });
  checkUniqueIds(userTerms, 'userTerms');

  const phrases = checkArray(tables, 'phrases');
  const keys = new Set<unknown>();
  phrases.forEach((row, i) => {
    const where = `phrases[${i}]`;
    checkStrings(row, ['id', 'key', 'text', 'pinyin', 'meaning', 'notes'], where);
    check(['zh', 'en', 'other'].includes(row.lang as string), `${where}.lang`);
    check(Array.isArray(row.tags) && row.tags.every(isString), `${where}.tags`);
    check(Array.isArray(row.contexts), `${where}.contexts`);
    (row.contexts as unknown[]).forEach((context, j) => {
      check(isObject(context), `${where}.contexts[${j}]`);
      checkStrings(context, ['sentence', 'sentenceTranslation', 'url', 'title'], `${where}.contexts[${j}]`);
      checkNumbers(context, ['seenAt'], `${where}.contexts[${j}]`);
    });
    checkNumbers(row, ['createdAt', 'updatedAt'], where);
    check(!keys.has(row.key), `${where}.key`);
    keys.add(row.key);
  });
  checkUniqueIds(phrases, 'phrases');
  const phraseIds = new Set(phrases.map((row) => row.id));

  const reviewCards = checkArray(tables, 'reviewCards');
  reviewCards.forEach((row, i) => {
    const where = `reviewCards[${i}]`;
    checkStrings(row, ['id', 'phraseId'], where);
    check(phraseIds.has(row.phraseId), `${where}.phraseId`);
    check(row.direction === 'recognize' || row.direction === 'recall', `${where}.direction`);
    checkNumbers(
      row,
      ['due', 'stability', 'difficulty', 'elapsedDays', 'scheduledDays', 'learningSteps', 'reps', 'lapses'],
      where,
    );
    check([0, 1, 2, 3].includes(row.state as number), `${where}.state`);
    check(row.lastReview === undefined || isNumber(row.lastReview), `${where}.lastReview`);
  });
  checkUniqueIds(reviewCards, 'reviewCards');
  const cardIds = new Set(reviewCards.map((row) => row.id));

  const reviewLog = checkArray(tables, 'reviewLog');
  reviewLog.forEach((row, i) => {
    const where = `reviewLog[${i}]`;
    checkStrings(row, ['cardId', 'phraseId'], where);
    check(cardIds.has(row.cardId), `${where}.cardId`);
    check([1, 2, 3, 4].includes(row.grade as number), `${where}.grade`);
    check([0, 1, 2, 3].includes(row.state as number), `${where}.state`);
    checkNumbers(row, ['reviewedAt', 'previousDue', 'nextDue', 'scheduledDays', 'elapsedDays'], where);
    check(row.id === undefined || isNumber(row.id), `${where}.id`);
  });
  checkUniqueIds(
    reviewLog.filter((row) => row.id !== undefined),
    'reviewLog',
  );

  return {
    userTerms: userTerms as unknown as UserTermRecord[],
    phrases: phrases as unknown as PhraseRecord[],
    reviewCards: reviewCards as unknown as ReviewCardRecord[],
    reviewLog: reviewLog as unknown as ReviewLogRecord[],
  };
}

/** Reads a backup file of any earlier version as a current one, or throws a `BackupError`. */
export function parseBackup(text: string): Backup {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new BackupError('unreadable', error instanceof Error ? error.message : String(error));
  }
  if (!isObject(raw) || raw.format !== BACKUP_FORMAT) throw new BackupError('not-a-backup');
  const version = raw.schemaVersion;
  if (!Number.isInteger(version) || (version as number) < 1)
    throw new BackupError('not-a-backup', 'schemaVersion');
  if ((version as number) > LATEST_SCHEMA_VERSION) throw new BackupError('newer-version', String(version));
  if (!isObject(raw.tables)) throw new BackupError('invalid-rows', 'tables');
  if (!isObject(raw.settings)) throw new BackupError('invalid-rows', 'settings');

  let tables: RawTables = raw.tables;
  for (let step = (version as number) + 1; step <= LATEST_SCHEMA_VERSION; step++) {
    tables = UPGRADES[step]?.(tables) ?? tables;
  }
  return {
    format: BACKUP_FORMAT,
    schemaVersion: LATEST_SCHEMA_VERSION,
    exportedAt: isString(raw.exportedAt) ? raw.exportedAt : '',
    settings: migrateSettings(raw.settings),
    tables: checkTables(tables),
  };
}

/**
 * Replaces the reader's glossary, phrases and review history with the backup's in one
 * transaction, then its settings. Nothing is written unless the backup parsed cleanly.
 */
export async function restoreBackup(
  db: RedBridgeDatabase,
  backup: Backup,
  saveSettings: (settings: Settings) => Promise<unknown>,
): Promise<void> {
  await db.transaction('rw', db.userTerms, db.phrases, db.reviewCards, db.reviewLog, async () => {
    await Promise.all([
      db.userTerms.clear(),
      db.phrases.clear(),
      db.reviewCards.clear(),
      db.reviewLog.clear(),
    ]);
    await db.userTerms.bulkAdd(backup.tables.userTerms);
    await db.phrases.bulkAdd(backup.tables.phrases);
    await db.reviewCards.bulkAdd(backup.tables.reviewCards);
    await db.reviewLog.bulkAdd(backup.tables.reviewLog);
  });
  await saveSettings(backup.settings);
}
