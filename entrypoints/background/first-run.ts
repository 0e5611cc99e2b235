import { browser } from 'wxt/browser';
import { onMessage } from '@/utils/transport/messages';
import { type TranslateRequest, type TranslateResult } from '@/utils/translate/types';
import { loadSettings } from '@/utils/settings';
import type { Settings } from '@/utils/settings-schema';
import type { WelcomeProtocol } from '@/utils/welcome-protocol';

/** The unlisted page built from `entrypoints/welcome/`. */
export const WELCOME_PATH = '/welcome.html';

export interface FirstRunDeps {
  loadSettings: () => Promise<Settings>;
  openTab: (url: string) => Promise<unknown>;
}

const defaultDeps: FirstRunDeps = {
  loadSettings,
  openTab: (url) => browser.tabs.create({ url }),
};

/**
 * Opens the welcome page when RedBridge is first installed: not on an update or a browser update,
 * and not when settings say the reader has already been through it (e.g. synced or restored).
 */
export async function welcomeOnInstall(
  details: { reason: string },
  deps: FirstRunDeps = defaultDeps,
): Promise<boolean> {
  if (details.reason !== 'install') return false;
  if ((await deps.loadSettings()).onboarded) return false;
  await deps.openTab(browser.runtime.getURL(WELCOME_PATH));
  return true;
}

type SampleRequest = WelcomeProtocol['translateSample']['request'];

/**
 * Translates the welcome page's sample like the page's own units: visible priority, same engine.
 * Its shape and size were checked on arrival (`utils/transport/message-rules.ts`).
 */
export async function translateSample(
  translate: (request: TranslateRequest) => Promise<TranslateResult>,
  payload: SampleRequest,
): Promise<WelcomeProtocol['translateSample']['response']> {
  const batch = `welcome-${Date.now().toString(36)}`;
  const results = await Promise.all(
    payload.units.map((unit, index) =>
      translate({
        requestId: `${batch}:${index}`,
        segments: unit.segments,
        from: unit.from,
        to: payload.to,
        priority: 'visible',
      }),
    ),
  );
  return { translations: results.map((result) => result.translations) };
}

/** First run: the welcome page on install, and the sample translations it asks for. */
export function setupFirstRun(translation: {
  translate(request: TranslateRequest): Promise<TranslateResult>;
}) {
  browser.runtime.onInstalled.addListener((details) => void welcomeOnInstall(details));
  onMessage({
    translateSample: (payload) => translateSample((request) => translation.translate(request), payload),
  });
}
