import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedShadow } from './closed-shadow';
import {
  EXTENSION_ORIGIN,
  FIREFOX_EXTENSION_DIR,
  firefoxPath,
  launchFirefoxExtension,
  type FirefoxExtensionBrowser,
} from './firefox-browser';
import { startTestServer, type TestServer } from './server';
import {
  NOTES,
  SITE,
  expectedOverlayText,
  needsTranslation,
  openFixture,
  readThrough,
  snapshotUnits,
} from './support';

const firefox = firefoxPath();
if (!firefox) {
  console.warn(
    'Skipping the Firefox end-to-end test: no Firefox found (apt-get install firefox-esr, or set FIREFOX_PATH).',
  );
}

/**
 * The Firefox build (Manifest V2, background page, no offscreen documents) in a real Firefox ESR:
 * installed from RB_OUTPUT_DIR/firefox-mv2, reaching the fixture site and the fake provider by
 * their real hostnames. A smoke test of each context the extension runs in: content script,
 * background page, popup, options page and welcome page.
 */
describe.skipIf(!firefox)('the Firefox build in Firefox', () => {
  let server: TestServer;
  let browser: FirefoxExtensionBrowser;
  let note: Page;
  let shortcut: string;

  beforeAll(async () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
    shortcut = manifest.commands['toggle-translation'].suggested_key.default;
    server = await startTestServer();
    browser = await launchFirefoxExtension({ port: server.port, locale: 'en-US' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('installs and opens its welcome page on first install, which names Firefox’s shortcut', async () => {
    await expect
      .poll(() => browser.tabUrls(), { timeout: 10_000 })
      .toContain(`${EXTENSION_ORIGIN}/welcome.html`);
    const welcome = await browser.useExtensionPage('welcome.html', [{ waitFor: 'h1' }]);
    expect(welcome.title).toBe('Welcome to RedBridge');
    expect(welcome.text).toContain(`${shortcut} turns translation on or off`);
  });

  it('translates a note’s title, body and comments through the background and the provider’s real hostname', async () => {
    note = await browser.context.newPage();
    await openFixture(note, `/explore/${NOTES.chengduFood}`, { apiDelay: 20 });
    for (const source of ['#detail-title', '#detail-desc']) {
      const overlay = note.locator(`${source} + [data-rb-translation]`);
      await expect.poll(() => overlay.getAttribute('data-rb-state'), { timeout: 15_000 }).toBe('done');
    }
    await readThrough(note);

    const { units, strayOverlays } = await snapshotUnits(note);
    const needing = units.filter((view) => needsTranslation(view.unit, 'en'));
    const kinds = new Set(needing.map((view) => view.unit.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(['note-title', 'note-body', 'comment']));
    expect(needing.filter((view) => view.unit.kind === 'comment').length).toBeGreaterThan(5);
    for (const { unit, overlays } of needing) {
      expect(overlays, unit.key).toEqual([
        {
          key: unit.key,
          state: 'done',
          lang: 'en',
          text: expectedOverlayText(unit, 'en', (name) => `Reply to ${name}:`),
          terms: expect.any(Array),
        },
      ]);
    }
    for (const { unit, overlays } of units.filter((view) => !needsTranslation(view.unit, 'en'))) {
      expect(overlays, unit.key).toEqual([]);
    }
    expect(strayOverlays).toBe(0);

    // The background page's own fetch went to the provider's real endpoint, through the proxy.
    const google = server.provider.requestsFor('google-html');
    expect(google.length).toBeGreaterThan(0);
    expect(google.every((request) => request.status === 200)).toBe(true);
    expect(browser.refusedHosts).toEqual([]);
  });

  it('explains a term in a popover the content script renders with React in a closed shadow root', async () => {
    const page = await browser.context.newPage();
    await openFixture(page, `/explore/${NOTES.catTax}`, { apiDelay: 20 });
    const chip = page.locator('#detail-desc + [data-rb-translation] [data-rb-term="猫税"]');
    await chip.waitFor({ timeout: 15_000 });
    await chip.click();
    // Read through WebDriver BiDi: the page, and Playwright's locators with it, cannot see inside.
    const dialog = closedShadow(page, 'rb-term-popover', browser.shadowEvaluator(page)).locator(
      '[role="dialog"]',
    );
    await dialog.waitFor();
    expect(await dialog.locator('h2').textContent()).toBe('猫税');
    expect(await page.locator('rb-term-popover').evaluate((host) => host.shadowRoot)).toBeNull();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.close();
  });

  it('renders the popup, talking to the background, and its display mode reaches the open note live', async () => {
    const popup = await browser.useExtensionPage('popup.html', [
      { waitFor: '.provider-health[data-state="working"]' },
      { click: 'input[name="display-mode"][value="translation-only"]' },
      { waitFor: '.segment.selected input[value="translation-only"]' },
    ]);
    expect(popup.title).toBe('RedBridge');
    expect(popup.text).toContain('Translate on xiaohongshu.com');
    expect(popup.text).toContain('Translation service: Google Translate');
    await expect
      .poll(() => note.locator('#detail-desc + [data-rb-translation]').getAttribute('data-rb-mode'))
      .toBe('translation-only');
  });

  it('renders every section of the options page, with Firefox’s own shortcut help', async () => {
    const options = await browser.useExtensionPage('options.html', [
      { waitFor: '#about h2' },
      { waitFor: '#shortcuts kbd' },
      { waitFor: '[data-on-device]:not([data-on-device="checking"])' },
    ]);
    for (const heading of ['General', 'Translation services', 'Glossary', 'Shortcuts and help'])
      expect(options.text).toContain(heading);
    expect(options.text).toContain(shortcut);
    expect(options.text).toContain('In Firefox, open about:addons');
    // Firefox has no Translator API: the on-device section says so instead of checking forever.
    expect(options.text).toContain('Not available in this browser');
    expect(options.text).toContain('Not in this browser: skipped');
  });

  it('turns translation off and on for the site with its keyboard shortcut', async () => {
    const overlays = note.locator('[data-rb-translation]');
    // What the reader sees: translations on screen (the display mode here is translation only).
    // Units far above the screen are translated again once the reader scrolls back to them.
    const doneInView = () =>
      note.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-rb-translation][data-rb-state="done"]')]
          .filter((overlay) => {
            const box = overlay.getBoundingClientRect();
            return box.bottom > 0 && box.top < innerHeight;
          })
          .map((overlay) => overlay.dataset.rbKey)
          .sort(),
      );
    const before = await doneInView();
    expect(before.length).toBeGreaterThan(3);
    await browser.pressKeys(shortcut, `${SITE}/explore/${NOTES.chengduFood}`);
    await expect.poll(() => overlays.count(), { timeout: 5_000 }).toBe(0);
    await browser.pressKeys(shortcut, `${SITE}/explore/${NOTES.chengduFood}`);
    await expect.poll(doneInView, { timeout: 10_000 }).toEqual(before);
  });

  it('translates a comment in the site’s editor so that the site posts the translation', async () => {
    const page = await browser.context.newPage();
    await openFixture(page, `/explore/${NOTES.chengduFood}`, { apiDelay: 20 });
    await page.locator('.engage-bar .content-edit').click();
    const editor = page.locator('.engage-bar p#content-textarea');
    await editor.waitFor();
    await page.keyboard.type('Your food guide is amazing, I want to try the hotpot!');
    await page.locator('[data-rb-compose] [data-rb-compose-action="translate"]').click();
    const model = () => page.evaluate(() => window.__fixture!.editorModel());
    await expect.poll(model, { timeout: 15_000 }).toBe('你的美食攻略太绝了，好想去吃火锅！');
    await page.locator('.engage-bar .right-btn-area button.submit').click();
    await expect
      .poll(() => page.evaluate(() => window.__fixture!.posts))
      .toEqual([{ text: '你的美食攻略太绝了，好想去吃火锅！', replyTo: null, trusted: true }]);
    await page.close();
  });

  it('logs no errors from its own code', async () => {
    const errors = await browser.extensionErrors();
    // Closing an extension tab with a message in flight is reported against it; that is this
    // test's doing, not the extension's.
    expect(errors.filter((error) => !error.includes('after context unloaded'))).toEqual([]);
  });
});
