import type { ExtensionBrowser } from './browser';

/**
 * Host permissions in an automated Chromium: `permissions.request` for a host not yet granted shows
 * a browser prompt that playwright cannot answer (it is browser UI, not a page dialog), so the
 * request would never settle. What the user can also do by hand is grant the site beforehand in
 * chrome://extensions → RedBridge → Site access → "On specific sites"; that page does it with
 * `chrome.developerPrivate.addHostPermission`. After that the extension's own
 * `permissions.request`, made from the options page's click as in production, resolves true at once
 * without a prompt and the host becomes an active permission. So the real request path runs; only
 * the user's "Allow" is given up front. (A refused permission is covered by the component tests.)
 */
export async function allowSiteAccess(browser: ExtensionBrowser, pattern: string): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(
    ({ id, pattern }) =>
      (
        globalThis as unknown as {
          chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } };
        }
      ).chrome.developerPrivate.addHostPermission(id, pattern),
    { id: browser.extensionId, pattern },
  );
  await page.close();
}
