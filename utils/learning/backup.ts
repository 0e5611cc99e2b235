import * as v from 'valibot';
import type { RedBridgeDatabase } from '../db/database';
import { LATEST_SCHEMA_VERSION, type UserTermRecord } from '../db/schema';
import { userTermRecord } from '../glossary/user-term-schema';
import { migrateSettings, type Settings } from '../settings-schema';
import { readProviderSettings, type ProviderSettings } from '../translate/provider-config';
import { problemsOf } from '../validation/bad-request';
import { objectOf, pathTo, repeatsIn, type IssuePath } from '../validation/fields';
import { BACKUP_MAX_LENGTH, phraseRecord, reviewCardRecord, reviewLogRecord } from './record-schemas';
import type { PhraseRecord, ReviewCardRecord, ReviewLogRecord } from './records';

/**
 * The full backup: everything the reader owns (settings, their glossary, phrases, review cards and
 * history) as one JSON file. Provider keys and the translation cache are not in it: keys are
 * credentials, the cache can be rebuilt.
 *
 * A backup names the database schema version it was written by. Restoring one from an earlier
 * version runs the steps in `UPGRADES` one version at a time, then checks every row with the
 * schemas saving uses (`record-schemas.ts`, `user-term-schema.ts`) and every link between rows, and
 * only then replaces what is stored: a file that fails anywhere changes nothing.
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
  /**
   * How the user's own providers are reached (never their keys). Restored addresses are not used
   * until the user allows them in the options page. Absent from backups that predate it and carry
   * them in `settings.providers` instead (read from there), or none at all.
   */
  providers?: ProviderSettings;
  tables: BackupTables;
}

export type BackupProblem = 'too-large' | 'unreadable' | 'not-a-backup' | 'newer-version' | 'invalid-rows';

/**
 * Why a file cannot be restored; `detail` names the first bad row and field and what is wrong
 * there (`phrases[3].contexts[0].url: must be …`), for the message shown.
 */
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

export function createBackup(
  settings: Settings,
  tables: BackupTables,
  providers?: ProviderSettings,
  now = Date.now(),
): Backup {
  return {
    format: BACKUP_FORMAT,
    schemaVersion: LATEST_SCHEMA_VERSION,
    exportedAt: new Date(now).toISOString(),
    settings,
    ...(providers ? { providers } : {}),
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

type CrossRowProblem = { message: string; path: IssuePath };

/**
 * What no single row shows: ids (and phrase keys) used twice, cards of phrases the file does not
 * hold, and reviews of cards it does not hold or filed under another phrase than their card's.
 */
function crossRowProblems(tables: BackupTables): CrossRowProblem[] {
  const problems: CrossRowProblem[] = [];
  const repeated = <T>(
    table: keyof BackupTables,
    rows: readonly T[],
    field: string,
    keyOf: (row: T) => unknown,
  ) => {
    for (const { index, first } of repeatsIn(rows, keyOf))
      problems.push({
        message: `repeats the ${field} of ${table}[${first}]`,
        path: pathTo(tables, table, index, field),
      });
  };
  repeated('userTerms', tables.userTerms, 'id', (term) => term.id);
  repeated('phrases', tables.phrases, 'id', (phrase) => phrase.id);
  repeated('phrases', tables.phrases, 'key', (phrase) => phrase.key);
  repeated('reviewCards', tables.reviewCards, 'id', (card) => card.id);
  // Reviews without an id are given one by the database.
  repeated('reviewLog', tables.reviewLog, 'id', (review) => review.id ?? {});

  const phraseIds = new Set(tables.phrases.map((phrase) => phrase.id));
  tables.reviewCards.forEach((card, index) => {
    if (!phraseIds.has(card.phraseId))
      problems.push({
        message: 'names no phrase in this file',
        path: pathTo(tables, 'reviewCards', index, 'phraseId'),
      });
  });
  const cards = new Map(tables.reviewCards.map((card) => [card.id, card]));
  tables.reviewLog.forEach((review, index) => {
    const card = cards.get(review.cardId);
    if (!card)
      problems.push({
        message: 'names no review card in this file',
        path: pathTo(tables, 'reviewLog', index, 'cardId'),
      });
    else if (card.phraseId !== review.phraseId)
      problems.push({
        message: "is not its card's phrase",
        path: pathTo(tables, 'reviewLog', index, 'phraseId'),
      });
  });
  return problems;
}

const backupTables = v.pipe(
  objectOf({
    userTerms: v.array(userTermRecord, 'must be a list'),
    phrases: v.array(phraseRecord, 'must be a list'),
    reviewCards: v.array(reviewCardRecord, 'must be a list'),
    reviewLog: v.array(reviewLogRecord, 'must be a list'),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (dataset.typed) for (const problem of crossRowProblems(dataset.value)) addIssue(problem);
  }),
);

function checkTables(tables: RawTables): BackupTables {
  const result = v.safeParse(backupTables, tables);
  if (result.success) return result.output;
  const [first, ...rest] = problemsOf(result.issues);
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
  throw new BackupError('invalid-rows', `${first}${more}`);
}

/** Reads a backup file of any earlier version as a current one, or throws a `BackupError`. */
export function parseBackup(text: string): Backup {
  // Checked before parsing: a huge file would take the background's memory and time to parse.
  if (text.length > BACKUP_MAX_LENGTH)
    throw new BackupError('too-large', `${BACKUP_MAX_LENGTH / 1024 / 1024} MB`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new BackupError('unreadable', error instanceof Error ? error.message : String(error));
  }
  if (!isObject(raw) || raw.format !== BACKUP_FORMAT) throw new BackupError('not-a-backup');
  const version = raw.schemaVersion;
  // A number, as RedBridge writes it: "3" is a hand-edited file, not a backup of version 3.
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new BackupError(
      'not-a-backup',
      `schemaVersion: must be a whole number, not ${JSON.stringify(version)}`,
    );
  if (version > LATEST_SCHEMA_VERSION) throw new BackupError('newer-version', String(version));
  if (!isObject(raw.tables)) throw new BackupError('invalid-rows', 'tables: must be an object');
  if (!isObject(raw.settings)) throw new BackupError('invalid-rows', 'settings: must be an object');

  let tables: RawTables = raw.tables;
  for (let step = version + 1; step <= LATEST_SCHEMA_VERSION; step++) {
    tables = UPGRADES[step]?.(tables) ?? tables;
  }
  const providers = raw.providers ?? raw.settings.providers;
  return {
    format: BACKUP_FORMAT,
    schemaVersion: LATEST_SCHEMA_VERSION,
    exportedAt: typeof raw.exportedAt === 'string' ? raw.exportedAt : '',
    settings: migrateSettings(raw.settings),
    ...(isObject(providers) ? { providers: readProviderSettings(providers) } : {}),
    tables: checkTables(tables),
  };
}

/**
 * Replaces the reader's glossary, phrases and review history with the backup's in one
 * transaction, then its settings and provider settings (whose new addresses wait for the user's
 * consent). Nothing is written unless the backup parsed cleanly.
 */
export async function restoreBackup(
  db: RedBridgeDatabase,
  backup: Backup,
  saveSettings: (settings: Settings) => Promise<unknown>,
  adoptProviders: (providers: ProviderSettings) => Promise<unknown> = async () => undefined,
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
  if (backup.providers) await adoptProviders(backup.providers);
}
