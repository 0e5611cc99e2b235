import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Settings } from '@/utils/settings-schema';
import type { ExtensionBrowser } from './browser';
import { useExtensionSession } from './extension-session';
import { allowSiteAccess } from './site-access';
import {
  NOTES,
  expectedOverlayText,
  needsTranslation,
  openFixture,
  readThrough,
  snapshotUnits,
  waitForNoPending,
} from './support';

const LIBRE = 'https://libre.redbridge.test';

async function storedSettings(browser: ExtensionBrowser): Promise<Settings> {
  const worker = await browser.worker();
  return worker.evaluate(async () => {
    const { storage } = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    return (await storage.local.get('settings')).settings as Settings;
  });
}

/** Reads the whole note and checks that every unit needing it shows the fixture's translation. */
async function expectNoteTranslated(page: Page): Promise<void> {
  await readThrough(page);
  await waitForNoPending(page, 60_000);
  const { units } = await snapshotUnits(page);
  const needing = units.filter((view) => needsTranslation(view.unit, 'en'));
  expect(needing.length).toBeGreaterThan(5);
  for (const { unit, overlays } of needing) {
    expect(overlays[0]?.state, unit.key).toBe('done');
    // Term chips (memes, slang) may follow the translation inside the overlay.
    expect(
      overlays[0]?.text.startsWith(expectedOverlayText(unit, 'en', (name) => `Reply to ${name}:`)),
      unit.key,
    ).toBe(true);
  }
}

describe('setting up a self-hosted LibreTranslate', () => {
  const session = useExtensionSession({ locale: 'en-US' });

  it('saves it with the host permission, tests it, puts it first and translates a note through it', async () => {
    const { browser } = session;
    const fake = session.server.provider;
    await allowSiteAccess(browser, `${LIBRE}/*`);
    const options = await browser.openExtensionPage('options.html#providers');

    // The on-device translator's status settles quickly, whatever this Chromium has.
    await expect
      .poll(() => options.locator('[data-on-device]').getAttribute('data-on-device'), { timeout: 5_000 })
      .not.toBe('checking');

    const form = options.getByRole('group', { name: 'LibreTranslate' });
    await form.getByLabel('Server address').fill(LIBRE);
    await form.getByLabel('API key (optional)').fill('e2e-libre-key-0001');
    await form.getByRole('button', { name: 'Save LibreTranslate' }).click();
    await form.getByText('LibreTranslate saved.').waitFor();
    await form.getByText('A key ending in …0001 is saved.').waitFor();
    expect(await form.getByLabel('API key (optional)').inputValue()).toBe('');
    expect(
      await options.evaluate(
        (origin) =>
          (
            globalThis as unknown as { chrome: typeof import('wxt/browser').browser }
          ).chrome.permissions.contains({
            origins: [`${origin}/*`],
          }),
        LIBRE,
      ),
    ).toBe(true);

    // In the chain, then to the top: one click, then the keyboard (the focus stays on the button).
    await options.getByRole('checkbox', { name: 'Use LibreTranslate' }).check();
    await options.getByRole('button', { name: 'Move LibreTranslate up' }).click();
    for (let step = 0; step < 3; step++) await options.keyboard.press('Enter');
    await expect.poll(async () => (await storedSettings(browser)).providerOrder[0]).toBe('libretranslate');
    // The address lives with the key in the background's database, out of content scripts' reach.
    expect(JSON.stringify(await storedSettings(browser))).not.toContain(new URL(LIBRE).host);
    const config = await options.evaluate(() =>
      (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.runtime.sendMessage({
        rb: 1,
        type: 'getProviderConfig',
        payload: {},
      }),
    );
    expect(config).toMatchObject({ ok: true, value: { providers: { libretranslate: { baseUrl: LIBRE } } } });

    const row = options.locator('[data-provider="libretranslate"]');
    await row.getByRole('button', { name: 'Test LibreTranslate' }).click();
    await row.getByText(/^Works: “你好，世界” → “⟦en⟧ 你好，世界” \([\d,]+ ms\)$/).waitFor();
    expect(fake.requestsFor('libretranslate').map(({ texts, status }) => ({ texts, status }))).toEqual([
      { texts: ['你好，世界'], status: 200 },
    ]);

    fake.reset();
    const page = await browser.context.newPage();
    await openFixture(page, `/explore/${NOTES.chengduFood}`, { apiDelay: 30 });
    await expectNoteTranslated(page);
    const libre = fake.requestsFor('libretranslate');
    expect(libre.length).toBeGreaterThan(0);
    expect(libre.every((request) => request.status === 200)).toBe(true);
    expect(fake.requests.filter((request) => request.provider !== 'libretranslate')).toEqual([]);

    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByText('Translation service: LibreTranslate · Working').waitFor();
    await popup.close();
    await page.close();
    await options.close();
  });

  it('reports a wrong key clearly on Test, and the note is still translated by the next service', async () => {
    const { browser } = session;
    const fake = session.server.provider;
    const options = await browser.openExtensionPage('options.html#providers');
    const form = options.getByRole('group', { name: 'LibreTranslate' });
    await form.getByLabel('API key (optional)').fill('bad-key');
    await form.getByRole('button', { name: 'Save LibreTranslate' }).click();
    await form.getByText('LibreTranslate saved.').waitFor();

    const row = options.locator('[data-provider="libretranslate"]');
    await row.getByRole('button', { name: 'Test LibreTranslate' }).click();
    await row
      .getByText(
        'LibreTranslate refused the API key. Check the key (and, for DeepL, the plan it belongs to).',
      )
      .waitFor();
    expect(await row.getByText(/^Details: .*HTTP 403/).count()).toBe(1);

    fake.reset();
    const page = await browser.context.newPage();
    // Another note: the first one's translations are cached for this chain.
    await openFixture(page, `/explore/${NOTES.catTax}`, { apiDelay: 30 });
    await expectNoteTranslated(page);
    const refused = fake.requestsFor('libretranslate');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((request) => request.status === 403)).toBe(true);
    expect(fake.requestsFor('google-html').some((request) => request.status === 200)).toBe(true);

    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByText('Translation service: Google Translate · Falling back').waitFor();
    await popup
      .getByText('LibreTranslate is failing (API key refused), so Google Translate is translating instead.')
      .waitFor();
    await popup.close();

    // What the two notes left in the cache shows beside "Clear cache", and goes with it.
    const size = options.locator('.cache-size');
    await options.reload();
    await expect.poll(async () => Number(await size.getAttribute('data-cache-entries'))).toBeGreaterThan(10);
    expect(await size.textContent()).toMatch(/^[\d,]+ translations stored, about [\d.]+ kB\.$/);
    await options.getByRole('button', { name: 'Clear cache' }).click();
    await options.getByText('The cache is empty.').waitFor();
    await page.close();
    await options.close();
  });
});
