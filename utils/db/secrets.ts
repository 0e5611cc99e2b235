import type { ProviderSecrets } from '../translate/providers';
import type { RedBridgeDatabase } from './database';
import type { SecretRecord } from './schema';

/**
 * Provider keys, kept in the extension's own IndexedDB: unlike `storage.local`, content scripts
 * cannot read it, so a key never reaches a page.
 */
export async function readSecrets(db: RedBridgeDatabase): Promise<ProviderSecrets> {
  const records = await db.secrets.toArray();
  return Object.fromEntries(records.map((record) => [record.id, record.value]));
}

export async function writeSecret(
  db: RedBridgeDatabase,
  id: SecretRecord['id'],
  value: string,
): Promise<void> {
  const trimmed = value.trim();
  if (trimmed) await db.secrets.put({ id, value: trimmed });
  else await db.secrets.delete(id);
}
