import { browser } from 'wxt/browser';
import { isLanguageCode } from '@/utils/language/languages';
import { onMessage } from '@/utils/transport/messages';
import { type TranslateRequest, type TranslateResult } from '@/utils/translate/types';
import { loadSettings } from '@/utils/settings';
import type { Settings } from '@/utils/settings-schema';
import type { WelcomeProtocol } from '@/utils/welcome-protocol';

/** The unlisted page built from `entrypoints/welcome/`. */
export const WELCOME_PATH = '/welcome.html';

/** The sample is a note and two comments; anything much larger is not the welcome page asking. */
const MAX_SAMPLE_UNITS = 8;
const MAX_SAMPLE_SEGMENTS = 8;

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

/** Translates the welcome page's sample like the page's own units: visible priority, same engine. */
export async function translateSample(
  translate: (request: TranslateRequest) => Promise<TranslateResult>,
  payload: SampleRequest,
): Promise<WelcomeProtocol['translateSample']['response']> {
  if (!isValidSample(payload)) throw Object.assign(new Error('Not a sample note'), { kind: 'bad-request' });
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

function isValidSample(payload: SampleRequest): boolean {
  return (
    !!payload &&
    isLanguageCode(payload.to) &&
    Array.isArray(payload.units) &&
    payload.units.length <= MAX_SAMPLE_UNITS &&
    payload.units.every(
      (unit) =>
        Array.isArray(unit?.segments) &&
        unit.segments.length <= MAX_SAMPLE_SEGMENTS &&
        unit.segments.every((segment) => typeof segment === 'string') &&
        (unit.from === 'auto' || isLanguageCode(unit.from)),
    )
  );
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
