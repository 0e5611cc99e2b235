import type { RedBridgeDatabase } from '@/utils/db/database';
import { isLanguageCode } from '@/utils/language/languages';
import { MAX_KEY_LENGTH } from '@/utils/transport/message-rules';
import { onMessage, type HandlerMap } from '@/utils/transport/messages';
import { endpointOrigin, type EndpointId } from '@/utils/translate/provider-config';
import type { ProviderConfigStore } from '@/utils/translate/provider-config-store';
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
import { BadRequestError } from '@/utils/validation/bad-request';
import { PROVIDER_IDS, isProviderId } from '@/utils/translate/types';
import type { TranslationService } from './translation-service';

/** Below this length the last characters would give away too much of the key to show them. */
const HINT_MIN_LENGTH = 16;
const HINT_LENGTH = 4;

export interface ProviderSetupDeps {
  translation: Pick<
    TranslationService,
    'buildProvider' | 'keysChanged' | 'resetProviderHealth' | 'cacheSize' | 'providerConfigChanged'
  >;
  db: RedBridgeDatabase;
  providerConfig: ProviderConfigStore;
  timers?: Timers;
  testTimeoutMs?: number;
}

/**
 * The background side of the options page's "Translation services" section: keys go into the
 * database and never come back out in full; tests run one provider as saved, outside the chain.
 */
export function providerSetupHandlers({
  translation,
  db,
  providerConfig,
  timers,
  testTimeoutMs,
}: ProviderSetupDeps) {
  const keyStatuses = async (): Promise<KeyStatuses> => {
    const records = await db.secrets.toArray();
    const statuses = Object.fromEntries(SECRET_IDS.map((id) => [id, { set: false }])) as KeyStatuses;
    for (const { id, value, origin } of records) if (isSecretId(id)) statuses[id] = statusOf(value, origin);
    return statuses;
  };

  /** The origin a key for `id` is bound to: its provider's saved, consented address. */
  const keyOrigin = async (id: SecretId): Promise<string | undefined> => {
    if (id === 'deepl') return undefined;
    const config = await providerConfig.read();
    const origin = endpointOrigin(config.providers, id);
    if (!origin) throw badRequest('save the address of the server before its key');
    if (config.unconfirmed.includes(id))
      throw badRequest('allow the restored address before saving a key for it');
    return origin;
  };

  const configChanged = () => {
    translation.providerConfigChanged();
    for (const id of ['deepl', 'openai-compatible', 'libretranslate'] as const)
      translation.resetProviderHealth(id);
  };

  const keysChanged = (id: SecretId) => {
    const provider = PROVIDER_IDS.find((candidate) => SECRET_OF_PROVIDER[candidate] === id);
    if (provider) translation.keysChanged(provider);
  };

  return {
    getProviderConfig: () => providerConfig.read(),
    saveProviderSettings: async ({ providers }) => {
      const saved = await providerConfig.saveFromOptions(providers);
      configChanged();
      return saved;
    },
    confirmProviderEndpoint: async ({ id }: { id: EndpointId }) => {
      const saved = await providerConfig.confirm(id);
      configChanged();
      return saved;
    },
    getKeyStatus: keyStatuses,
    saveProviderKey: async ({ id, key }) => {
      const value = typeof key === 'string' ? key.trim() : '';
      if (!isSecretId(id)) throw badRequest('unknown key');
      if (!value) throw badRequest('the key is empty');
      if (value.length > MAX_KEY_LENGTH || /\s/.test(value))
        throw badRequest('that does not look like a key');
      const origin = await keyOrigin(id);
      await db.secrets.put(origin ? { id, value, origin } : { id, value });
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

function statusOf(value: string, origin: string | undefined): KeyStatus {
  if (!value) return { set: false };
  return {
    set: true,
    ...(value.length >= HINT_MIN_LENGTH ? { hint: value.slice(-HINT_LENGTH) } : {}),
    ...(origin ? { origin } : {}),
  };
}

/** A request that cannot be carried out as sent; reaches the caller as a 'bad-request' failure. */
function badRequest(message: string): BadRequestError {
  return new BadRequestError(message);
}
