import type { RedBridgeDatabase } from '../db/database';
import { BadRequestError, checked } from '../validation/bad-request';
import {
  providerSettingsSchema,
  DEFAULT_PROVIDER_SETTINGS,
  ENDPOINT_IDS,
  endpointOrigin,
  readProviderSettings,
  type EndpointId,
  type ProviderConfig,
  type ProviderSettings,
} from './provider-config';

/** Whether the browser lets the extension reach an origin (its host permission is granted). */
export type HostAccessCheck = (origin: string) => Promise<boolean>;

/** Raised when the options page saves an address whose host the user has not granted. */
export class HostAccessError extends BadRequestError {
  constructor(readonly origin: string) {
    super(`RedBridge may not reach ${new URL(origin).host}: allow it when the browser asks`);
  }
}

const ROW_ID = 'providers';

/**
 * The background's record of how the user's own providers are reached. Only the options page
 * changes it directly; a backup's addresses are kept but wait for the user's consent, and a key is
 * bound to the address it was saved with (see `providers/index.ts`).
 */
export class ProviderConfigStore {
  /** Work that must finish before the first read (adopting an older version's settings). */
  private gate: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: RedBridgeDatabase,
    private readonly hasHostAccess: HostAccessCheck,
  ) {}

  /** Holds every read and change until `work` has settled. */
  after(work: Promise<unknown>): void {
    this.gate = work.catch(() => undefined);
  }

  async read(): Promise<ProviderConfig> {
    await this.gate;
    return this.readRow();
  }

  private async readRow(): Promise<ProviderConfig> {
    const row = await this.db.providerConfig.get(ROW_ID);
    if (!row) return { providers: structuredClone(DEFAULT_PROVIDER_SETTINGS), unconfirmed: [] };
    // The row may come from any version (or be damaged): read it field by field.
    return {
      providers: readProviderSettings(row.providers),
      unconfirmed: ENDPOINT_IDS.filter(
        (id) => Array.isArray(row.unconfirmed) && row.unconfirmed.includes(id),
      ),
    };
  }

  /**
   * Settings the user saved in the options page. An address they changed is used from now on, so
   * its host must already be granted (the page asks inside the click); otherwise nothing is
   * written. An address they left as it was keeps its state: one waiting for consent still waits.
   */
  async saveFromOptions(providers: ProviderSettings): Promise<ProviderConfig> {
    await this.gate;
    const valid = checked(providerSettingsSchema, providers, 'providers');
    const current = await this.readRow();
    const changed = ENDPOINT_IDS.filter((id) => providers[id].baseUrl !== current.providers[id].baseUrl);
    for (const id of changed) {
      const origin = endpointOrigin(providers, id);
      if (origin && !(await this.hasHostAccess(origin))) throw new HostAccessError(origin);
    }
    const unconfirmed = current.unconfirmed.filter((id) => !changed.includes(id));
    return this.write({ providers: valid, unconfirmed });
  }

  /** The user allowed a waiting address from the options page: it is used once its host is granted. */
  async confirm(id: EndpointId): Promise<ProviderConfig> {
    const config = await this.readRow();
    const origin = endpointOrigin(config.providers, id);
    if (origin && !(await this.hasHostAccess(origin))) throw new HostAccessError(origin);
    return this.write({ ...config, unconfirmed: config.unconfirmed.filter((other) => other !== id) });
  }

  /**
   * Settings from a backup (or an older version's `storage.local`): plan, model and budgets apply;
   * an address that differs from the one in use waits for the user's consent.
   */
  async adopt(stored: unknown): Promise<ProviderConfig> {
    const current = await this.readRow();
    const providers = readProviderSettings(stored);
    const unconfirmed = ENDPOINT_IDS.filter((id) => {
      const unchanged = providers[id].baseUrl === current.providers[id].baseUrl;
      return unchanged ? current.unconfirmed.includes(id) : providers[id].baseUrl !== '';
    });
    return this.write({ providers, unconfirmed });
  }

  /** Whether a row exists yet (an install from before addresses moved here has none). */
  async exists(): Promise<boolean> {
    return (await this.db.providerConfig.get(ROW_ID)) !== undefined;
  }

  private async write(config: ProviderConfig): Promise<ProviderConfig> {
    await this.db.providerConfig.put({ id: ROW_ID, ...structuredClone(config) });
    return config;
  }
}
