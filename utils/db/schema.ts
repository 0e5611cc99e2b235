import type { UserGlossaryEntry } from '../glossary/glossary-schema';
import type { ProviderConfig } from '../translate/provider-config';
import type { SlangNote, ProviderId } from '../translate/types';

/**
 * The database schema, one entry per version. Dexie applies the versions in order; a version that
 * reshapes existing rows carries an `upgrade` step. Never edit a released version: add a new one
 * and a test in `schema.test.ts` that opens a database written by every earlier version.
 */

export interface CachedTranslation {
  /** `${engine}|${from}|${to}|${textHash}`: see `utils/translate/cache-key.ts`. */
  key: string;
  /** The source text, kept to rule out hash collisions. */
  text: string;
  translation: string;
  provider: ProviderId;
  createdAt: number;
  usedAt: number;
  /** Characters stored (source + translation), summed for the size cap. */
  size: number;
  /** A language model's notes on slang in the text, when it gave any (not indexed: older rows lack it). */
  notes?: SlangNote[];
}

/** API keys and other credentials. Only the background and extension pages open this table. */
export interface SecretRecord {
  id: 'deepl' | 'openaiCompatible' | 'libretranslate';
  value: string;
  /** For providers with a user-typed address: the origin the key was given for (added in version 4). */
  origin?: string;
}

/** Characters sent to each keyed provider on one local day. */
export interface ProviderSpending {
  /** Local day, `YYYY-MM-DD`. */
  day: string;
  characters: Partial<Record<ProviderId, number>>;
}

/** The one row of `providerConfig`: how the user's own providers are reached. */
export interface ProviderConfigRecord extends ProviderConfig {
  id: 'providers';
}

export interface DailyStats {
  /** Local day, `YYYY-MM-DD`. */
  day: string;
  unitsTranslated: number;
  requests: number;
  characters: number;
  cacheHits: number;
}

/** A glossary term the user owns: their own meme explanations and preferred renderings. */
export interface UserTermRecord extends UserGlossaryEntry {
  /** `user-…`, assigned when the term is first saved. */
  readonly id: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: import('dexie').Transaction) => Promise<void> | void;
}

export const DATABASE_NAME = 'redbridge';

export const SCHEMA_VERSIONS: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      translations: 'key, usedAt, createdAt',
      secrets: 'id',
      stats: 'day',
    },
  },
  {
    // The user's glossary.
    version: 2,
    stores: {
      userTerms: 'id, term, updatedAt',
    },
  },
  {
    // The learner's phrasebook and review history (types in utils/learning/records.ts).
    version: 3,
    stores: {
      phrases: 'id, &key, lang, createdAt, updatedAt, *tags',
      reviewCards: 'id, phraseId, due',
      reviewLog: '++id, cardId, phraseId, reviewedAt',
    },
  },
  {
    // Provider addresses and budgets, moved here from `storage.local` to live beside the keys, and
    // what each keyed provider has been sent per day, against its budget.
    version: 4,
    stores: {
      providerConfig: 'id',
      spending: 'day',
    },
  },
];

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
