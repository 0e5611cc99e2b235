/**
 * The 'chrome-on-device' provider: Chrome's built-in Translator (Chrome 138+ desktop), free, private
 * and offline once a language pair's model is downloaded.
 *
 * Wiring (background):
 * - At start-up create one bridge: `const onDevice = createOffscreenBridge();`. It creates nothing
 *   yet; the offscreen document is made on the first request and reused afterwards.
 * - When building the chain, build this provider instead of calling `createProvider` for its id
 *   (that factory throws 'unavailable' for it): `createChromeOnDeviceProvider({ bridge: onDevice })`.
 *   Where `onDevice.supported` is false (Firefox) either skip it with the reason
 *   `ON_DEVICE_UNSUPPORTED` or build it anyway: every request then fails 'unavailable' at once.
 * - Progress: downloads start only in a page the user clicks in (`startDownload` from the options
 *   page, which gets its own `onProgress`). Progress of `create()` calls made by the offscreen
 *   document arrives through `onDevice.onProgress(listener)`; these are also runtime broadcasts
 *   (`isOffscreenProgress`) that any open extension page can listen to directly.
 * - Status for the popup/options: `onDevice.availability({ from: chromeLanguageTag(f), to: … })`
 *   from a message handler, or `localAvailability(f, t)` inside the page itself.
 *
 * A request for a pair whose model is missing fails 'unavailable' for that pair only
 * (`languagePair`): the chain falls back for it and keeps the provider for pairs whose models are
 * there. No translator API at all fails for every pair.
 */
import { normaliseDetectedLanguage } from '../providers/detected-language';
import { expectCount } from '../providers/http';
import { translateWithGlossary } from '../providers/machine-translation';
import { systemTimers, type Timers } from '../timers';
import { ProviderError, type ProviderLimits, type TranslationProvider } from '../types';
import { chromeLanguageTag, sameLanguageTag } from './language-tags';
import type { OffscreenBridge } from './offscreen-bridge';
import type { OnDeviceAvailability } from './protocol';

export { createOffscreenBridge, type OffscreenBridge } from './offscreen-bridge';
export { localAvailability, startDownload, type StartDownloadOptions } from './model-download';
export { chromeLanguageTag } from './language-tags';
export { isOffscreenProgress, type DownloadProgress, type OnDeviceAvailability } from './protocol';

/**
 * The API translates one string per call, but a batch crosses to the offscreen document in one
 * message and is translated there text by text. Batches as large as the keyless services' keep the
 * queue cutting the same batches whichever provider leads, so a provider being probed never shrinks
 * every batch to one text. Texts longer than the model's input quota fail one by one
 * ('bad-response') and go to the next provider.
 */
export const CHROME_ON_DEVICE_LIMITS: ProviderLimits = {
  maxItems: 20,
  maxChars: 4_000,
  concurrency: 2,
  requestsPerSecond: 20,
};

export const ON_DEVICE_UNSUPPORTED = "Chrome's built-in translator is not available in this browser";

export interface ChromeOnDeviceDeps {
  bridge: Pick<OffscreenBridge, 'supported' | 'availability' | 'translate'>;
  timers?: Timers;
  /**
   * How long a pair's 'available' answer is trusted before asking again. Saves a round trip per
   * text; a model removed meanwhile still fails cleanly in the document.
   */
  availabilityTtlMs?: number;
}

export function createChromeOnDeviceProvider({
  bridge,
  timers = systemTimers,
  availabilityTtlMs = 60_000,
}: ChromeOnDeviceDeps): TranslationProvider {
  const provider = 'chrome-on-device';
  const confirmedUntil = new Map<string, number>();
  /** Pairs found without a model, answered at once until they are worth asking about again. */
  const missingUntil = new Map<string, { until: number; error: ProviderError }>();

  async function ensureReady(from: string, to: string, signal: AbortSignal): Promise<void> {
    // Without the offscreen API nothing is asked: the answer is known and must come at once.
    if (!bridge.supported) throw unavailable(ON_DEVICE_UNSUPPORTED);
    const key = `${from}>${to}`;
    if ((confirmedUntil.get(key) ?? 0) > timers.now()) return;
    const missing = missingUntil.get(key);
    if (missing && missing.until > timers.now()) throw missing.error;
    const state = await bridge.availability({ from, to }, signal);
    if (state === 'unsupported') throw unavailable(ON_DEVICE_UNSUPPORTED);
    if (state !== 'available') {
      // Only this pair lacks a model: other pairs may well have theirs.
      const error = unavailable(reasonFor(state, from, to), true);
      missingUntil.set(key, { until: timers.now() + availabilityTtlMs, error });
      throw error;
    }
    missingUntil.delete(key);
    confirmedUntil.set(key, timers.now() + availabilityTtlMs);
  }

  return {
    id: provider,
    limits: CHROME_ON_DEVICE_LIMITS,
    translate: (request) =>
      translateWithGlossary(request, async (texts) => {
        const from = chromeLanguageTag(request.from);
        const to = chromeLanguageTag(request.to);
        if (request.signal.aborted) throw cancelled();
        if (sameLanguageTag(from, to)) return { translations: [...texts] };
        await ensureReady(from, to, request.signal);
        const answer = await bridge.translate({ from, to, texts }, request.signal).catch((error: unknown) => {
          // The model went missing since it was confirmed: ask again next time.
          if (error instanceof ProviderError && error.kind === 'unavailable')
            confirmedUntil.delete(`${from}>${to}`);
          throw error;
        });
        expectCount(answer.translations, texts.length, provider);
        return {
          translations: answer.translations,
          detected: answer.translations.map((_, index) => normaliseDetectedLanguage(answer.detected[index])),
        };
      }),
  };
}

function reasonFor(state: OnDeviceAvailability, from: string, to: string): string {
  const pair = from === 'auto' ? `language detection (→ ${to})` : `${from}→${to}`;
  switch (state) {
    case 'unsupported':
      return ON_DEVICE_UNSUPPORTED;
    case 'unavailable':
      return `Chrome's on-device translator cannot do ${pair}`;
    case 'downloadable':
      return `the on-device model for ${pair} is not downloaded yet (download it from the options page)`;
    case 'downloading':
      return `the on-device model for ${pair} is still downloading`;
    case 'available':
      return `the on-device model for ${pair} is ready`;
  }
}

function unavailable(message: string, languagePair = false): ProviderError {
  return new ProviderError('unavailable', message, {
    provider: 'chrome-on-device',
    ...(languagePair ? { languagePair } : {}),
  });
}

function cancelled(): ProviderError {
  return new ProviderError('cancelled', 'chrome-on-device request was cancelled', {
    provider: 'chrome-on-device',
  });
}
