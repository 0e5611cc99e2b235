import type { ProviderSecrets } from '../translate/providers';
import type { RedBridgeDatabase } from './database';

/**
 * Provider keys, kept in the extension's own IndexedDB: unlike `storage.local`, content scripts
 * cannot read it, so a key never reaches a page.
 */
export async function readSecrets(db: RedBridgeDatabase): Promise<ProviderSecrets> {
  const records = await db.secrets.toArray();
  return Object.fromEntries(
    records.map(({ id, value, origin }) => [id, origin ? { value, origin } : { value }]),
  );
}
