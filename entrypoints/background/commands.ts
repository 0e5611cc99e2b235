import { browser } from 'wxt/browser';
import { loadSettings, updateSettings } from '@/utils/settings';
import { SITE_HOSTS, type SiteHost } from '@/utils/xhs/hosts';

/**
 * Flips translation on or off for the site in the given tab. Open tabs of that site follow the
 * setting live through `storage.onChanged`; no reload.
 */
export async function toggleSiteForTab(tabUrl: string | undefined): Promise<boolean | undefined> {
  let host: string;
  try {
    host = new URL(tabUrl ?? '').host;
  } catch {
    return undefined;
  }
  const site = SITE_HOSTS.find((candidate) => candidate === host) as SiteHost | undefined;
  if (!site) return undefined;
  const settings = await loadSettings();
  const enabled = !settings.sites[site];
  await updateSettings({ sites: { ...settings.sites, [site]: enabled } });
  return enabled;
}

export function setupCommands(): void {
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-translation') return;
    void (async () => {
      const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      await toggleSiteForTab(target?.url);
    })();
  });
}
