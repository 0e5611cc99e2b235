import type { LanguageCode } from '../../language/languages';
import { ProviderError, type SourceLanguage } from '../types';
import { readOnDeviceApis, type OnDeviceApis } from './chrome-ai';
import { chromeLanguageTag } from './language-tags';
import { createOffscreenHandler, toFailure } from './offscreen-handler';
import type { OnDeviceAvailability } from './protocol';

/**
 * Model management for extension pages (the options page). Chrome only starts a model download from
 * `create()` with transient user activation, which the service worker and the offscreen document
 * never have; a page the user clicks in does. The model is shared by the whole browser profile, so
 * once it is downloaded here the offscreen document sees the pair as 'available'.
 */

export interface StartDownloadOptions {
  /** Download progress of the translation model, in [0, 1]. */
  onProgress?: (loaded: number) => void;
  signal?: AbortSignal;
  /** Also fetch the language detector, which translating from 'auto' needs. Default true. */
  includeDetector?: boolean;
  /** Defaults to this window's globals. */
  apis?: OnDeviceApis;
}

/**
 * Downloads the on-device model for `from` → `to` in this window. Call it directly from a click
 * handler: `create()` is started before anything is awaited, while the user activation is still
 * live. Resolves 'available' when the model is ready, 'unsupported' without the Translator API;
 * rejects with a ProviderError ('unavailable' for a pair Chrome cannot do or a missing gesture,
 * 'cancelled' on abort).
 */
export async function startDownload(
  from: LanguageCode,
  to: LanguageCode,
  options: StartDownloadOptions = {},
): Promise<OnDeviceAvailability> {
  const { translator, languageDetector } = options.apis ?? readOnDeviceApis();
  if (!translator) return 'unsupported';
  const { signal, onProgress } = options;
  const translatorReady = translator.create({
    sourceLanguage: chromeLanguageTag(from),
    targetLanguage: chromeLanguageTag(to),
    monitor: (monitor) => monitor.addEventListener('downloadprogress', (event) => onProgress?.(event.loaded)),
    ...(signal ? { signal } : {}),
  });
  // The detector is a convenience: its failure must not fail the pair the user asked for.
  const detectorReady =
    options.includeDetector !== false && languageDetector
      ? languageDetector.create(signal ? { signal } : {}).then(
          (detector) => detector.destroy?.(),
          () => undefined,
        )
      : Promise.resolve();
  try {
    const instance = await translatorReady;
    // Only the download was wanted; the offscreen document makes its own translator.
    instance.destroy?.();
  } catch (error) {
    const { kind, message } = toFailure(error);
    throw new ProviderError(kind, message, { provider: 'chrome-on-device' });
  } finally {
    await detectorReady;
  }
  return 'available';
}

/** The state of one pair as this window sees it, for the options page's status line. */
export function localAvailability(
  from: SourceLanguage,
  to: LanguageCode,
  apis: OnDeviceApis = readOnDeviceApis(),
): Promise<OnDeviceAvailability> {
  return createOffscreenHandler({ apis: () => apis }).availability({
    from: chromeLanguageTag(from),
    to: chromeLanguageTag(to),
  });
}
