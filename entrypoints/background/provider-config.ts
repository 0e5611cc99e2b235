import { browser } from 'wxt/browser';
import { getDatabase } from '@/utils/db/database';
import { SETTINGS_KEY, updateSettings } from '@/utils/settings';
import { adoptLegacyProviderSettings } from '@/utils/translate/legacy-provider-settings';
import { ProviderConfigStore } from '@/utils/translate/provider-config-store';
import { hostPermissionPattern } from '@/utils/translate/providers';

/** Whether the user has granted the browser's access to an origin's host. */
export function hasHostAccess(origin: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [hostPermissionPattern(origin)] });
}

/** The store of provider addresses, once the settings of an older version have moved into it. */
export function setupProviderConfig(): ProviderConfigStore {
  const store = new ProviderConfigStore(getDatabase(), hasHostAccess);
  store.after(
    (async () => {
      const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
      await adoptLegacyProviderSettings(store, getDatabase(), stored, hasHostAccess);
      // Rewritten in the current shape: addresses no longer live in storage.local at all.
      if (stored && typeof stored === 'object' && 'providers' in stored) await updateSettings({});
    })().catch((error: unknown) => console.warn('[RedBridge] provider settings', error)),
  );
  return store;
}
