import Dexie, { type EntityTable } from 'dexie';
import type { PhraseRecord, ReviewCardRecord, ReviewLogRecord } from '../learning/records';
import {
  DATABASE_NAME,
  SCHEMA_VERSIONS,
  type CachedTranslation,
  type DailyStats,
  type ProviderConfigRecord,
  type ProviderSpending,
  type SecretRecord,
  type UserTermRecord,
} from './schema';

/**
 * RedBridge's IndexedDB database. Opened only in extension contexts (background, popup, options):
 * a content script that opened it would create it in the site's origin, readable by the site.
 */
export class RedBridgeDatabase extends Dexie {
  translations!: EntityTable<CachedTranslation, 'key'>;
  secrets!: EntityTable<SecretRecord, 'id'>;
  stats!: EntityTable<DailyStats, 'day'>;
  userTerms!: EntityTable<UserTermRecord, 'id'>;
  phrases!: EntityTable<PhraseRecord, 'id'>;
  reviewCards!: EntityTable<ReviewCardRecord, 'id'>;
  reviewLog!: EntityTable<ReviewLogRecord, 'id'>;
  providerConfig!: EntityTable<ProviderConfigRecord, 'id'>;
  spending!: EntityTable<ProviderSpending, 'day'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}

let shared: RedBridgeDatabase | undefined;

/** The database of this extension context, opened on first use. */
export function getDatabase(): RedBridgeDatabase {
  shared ??= new RedBridgeDatabase();
  return shared;
}
