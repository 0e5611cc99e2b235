import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumPath } from './chromium-path';
import { PROVIDER_HOSTS, SITE_HOSTS } from './server/hosts';

export const EXTENSION_DIR = resolve(process.env.RB_OUTPUT_DIR ?? '.output', 'chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /**
   * The extension's service worker as it is now. Chrome stops an idle MV3 worker and starts a new
   * one on the next event, so a worker handle kept from start-up may be dead.
   */
  worker(): Promise<Worker>;
  /** Opens one of the extension's pages (popup.html, options.html…) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts Chromium with the built extension and every site/provider host mapped to the loopback
 * server, so content scripts and provider code run exactly as they do against the real hosts.
 */
export async function launchExtension(options: {
  port: number;
  locale?: string;
  headless?: boolean;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /**
   * A fresh profile is a fresh install, which opens the welcome page in front. It is closed unless
   * kept: left open, it would make the pages under test background tabs, whose timers Chromium
   * throttles to once a second.
   */
  keepWelcome?: boolean;
  /** The unpacked build to load (a benchmark compares two); `EXTENSION_DIR` by default. */
  extensionDir?: string;
}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run "npm run build" first.`);
  }
  const locale = options.locale ?? 'en-US';
  const rules = [...SITE_HOSTS, ...PROVIDER_HOSTS].map((host) => `MAP ${host} 127.0.0.1:${options.port}`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'rb-e2e-'));
  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    `--host-resolver-rules=${rules.join(', ')}, EXCLUDE localhost`,
    '--ignore-certificate-errors',
    `--lang=${locale}`,
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate,MediaRouter,OptimizationHints',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    args,
    locale,
    viewport: options.viewport ?? { width: 1280, height: 860 },
    colorScheme: options.colorScheme ?? 'light',
    env: { ...process.env, LANGUAGE: locale.replace('-', '_'), LANG: `${locale.replace('-', '_')}.UTF-8` },
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  if (!options.keepWelcome) await closeWelcomePage(context, extensionId);
  return {
    context,
    extensionId,
    async worker() {
      const live = context
        .serviceWorkers()
        .find((candidate) => candidate.url().startsWith(`chrome-extension://${extensionId}/`));
      if (live) return live;
      // Waking it: any extension page starts the worker again.
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      await page.close();
      return context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker');
    },
    async openExtensionPage(path: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Closes the welcome page a fresh install opens (it appears shortly after the worker starts). */
async function closeWelcomePage(context: BrowserContext, extensionId: string): Promise<void> {
  const welcome = `chrome-extension://${extensionId}/welcome.html`;
  for (let waited = 0; waited < 5_000; waited += 50) {
    const page = context.pages().find((candidate) => candidate.url().startsWith(welcome));
    if (page) return page.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
