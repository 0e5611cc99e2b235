import type { RedBridgeDatabase } from '@/utils/db/database';
import { isLanguageCode } from '@/utils/language/languages';
import { onMessage, type HandlerMap } from '@/utils/transport/messages';
import { runProviderTest, testSample } from '@/utils/translate/provider-test';
import {
  SECRET_IDS,
  SECRET_OF_PROVIDER,
  isSecretId,
  type KeyStatus,
  type KeyStatuses,
  type SecretId,
} from '@/utils/translate/setup-protocol';
import type { Timers } from '@/utils/translate/timers';
import { PROVIDER_IDS, isProviderId } from '@/utils/translate/types';
import type { TranslationService } from './translation-service';

/** Keys are tokens of a few dozen characters; anything this long is a pasted page, not a key. */
const MAX_KEY_LENGTH = 1_000;
/** Below this length the last characters would give away too much of the key to show them. */
const HINT_MIN_LENGTH = 16;
const HINT_LENGTH = 4;

export interface ProviderSetupDeps {
  translation: Pick<
    TranslationService,
    'buildProvider' | 'keysChanged' | 'resetProviderHealth' | 'cacheSize'
  >;
  db: RedBridgeDatabase;
  timers?: Timers;
  testTimeoutMs?: number;
}

/**
 * The background side of the options page's "Translation services" section: keys go into the
 * database and never come back out in full; tests run one provider as saved, outside the chain.
 */
export function providerSetupHandlers({ translation, db, timers, testTimeoutMs }: ProviderSetupDeps) {
  const keyStatuses = async (): Promise<KeyStatuses> => {
    const records = await db.secrets.toArray();
    const statuses = Object.fromEntries(SECRET_IDS.map((id) => [id, { set: false }])) as KeyStatuses;
    for (const { id, value } of records) if (isSecretId(id)) statuses[id] = statusOf(value);
    return statuses;
  };

  const keysChanged = (id: SecretId) => {
    const provider = PROVIDER_IDS.find((candidate) => SECRET_OF_PROVIDER[candidate] === id);
    if (provider) translation.keysChanged(provider);
  };

  return {
    getKeyStatus: keyStatuses,
    saveProviderKey: async ({ id, key }) => {
      const value = typeof key === 'string' ? key.trim() : '';
      if (!isSecretId(id)) throw badRequest('unknown key');
      if (!value) throw badRequest('the key is empty');
      if (value.length > MAX_KEY_LENGTH || /\s/.test(value))
        throw badRequest('that does not look like a key');
      await db.secrets.put({ id, value });
      keysChanged(id);
      return keyStatuses();
    },
    removeProviderKey: async ({ id }) => {
      if (!isSecretId(id)) throw badRequest('unknown key');
      await db.secrets.delete(id);
      keysChanged(id);
      return keyStatuses();
    },
    testProvider: async ({ id, to }) => {
      if (!isProviderId(id)) throw badRequest('unknown provider');
      if (!isLanguageCode(to)) throw badRequest('unknown language');
      const provider = await translation.buildProvider(id);
      const result = await runProviderTest(provider, testSample(to), {
        ...(timers ? { timers } : {}),
        ...(testTimeoutMs ? { timeoutMs: testTimeoutMs } : {}),
      });
      // It answers now: a circuit opened by earlier failures (say, the old key) should not hold it back.
      translation.resetProviderHealth(id);
      return result;
    },
    resetProviderHealth: ({ id }) => {
      if (!isProviderId(id)) throw badRequest('unknown provider');
      translation.resetProviderHealth(id);
      return {};
    },
    getCacheSize: () => translation.cacheSize(),
  } satisfies HandlerMap;
}

export function setupProviderSetup(deps: ProviderSetupDeps): void {
  onMessage(providerSetupHandlers(deps));
}

function statusOf(value: string): KeyStatus {
  if (!value) return { set: false };
  return value.length >= HINT_MIN_LENGTH ? { set: true, hint: value.slice(-HINT_LENGTH) } : { set: true };
}

/** A request the page should never send; reaches the caller as a 'bad-request' failure. */
class SetupRequestError extends Error {
  readonly kind = 'bad-request';
}

function badRequest(message: string): SetupRequestError {
  return new SetupRequestError(message);
}
