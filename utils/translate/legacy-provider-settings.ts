import type { RedBridgeDatabase } from '../db/database';
import { ENDPOINT_IDS, endpointOrigin } from './provider-config';
import type { HostAccessCheck, ProviderConfigStore } from './provider-config-store';

/**
 * Moves provider settings kept in `storage.local` by versions before 3 into the database, once.
 * An address is trusted only if the user already granted its host (the options page asked for it
 * when they saved it); otherwise it waits for their consent like a restored one. Keys saved
 * before keys carried an origin are bound to the address trusted here, and to nothing else.
 */
export async function adoptLegacyProviderSettings(
  store: ProviderConfigStore,
  db: RedBridgeDatabase,
  storedSettings: unknown,
  hasHostAccess: HostAccessCheck,
): Promise<void> {
  if (await store.exists()) return;
  const legacy = (storedSettings as { providers?: unknown } | undefined)?.providers;
  let config = await store.adopt(legacy);
  for (const id of config.unconfirmed) {
    const origin = endpointOrigin(config.providers, id);
    if (origin && (await hasHostAccess(origin))) config = await store.confirm(id);
  }
  for (const id of ENDPOINT_IDS) {
    const key = await db.secrets.get(id);
    const origin = endpointOrigin(config.providers, id);
    if (key && !key.origin && origin && !config.unconfirmed.includes(id))
      await db.secrets.put({ ...key, origin });
  }
}
