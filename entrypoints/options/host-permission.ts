import { browser } from 'wxt/browser';
import { hostPermissionPattern } from '@/utils/translate/providers';

/**
 * Asks the browser for access to the hosts a user-configured provider is reached at. Call it
 * straight from a click handler, before anything is awaited: browsers only show the prompt during
 * the user's gesture. Resolves true at once, without a prompt, for hosts already granted (the
 * keyless services are in the manifest). Resolves false when the user declines or the browser
 * refuses to ask.
 */
export function requestHostAccess(origins: readonly string[]): Promise<boolean> {
  if (origins.length === 0) return Promise.resolve(true);
  const patterns = [...new Set(origins.map(hostPermissionPattern))];
  try {
    return browser.permissions.request({ origins: patterns }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}
