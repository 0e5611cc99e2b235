import { browser } from 'wxt/browser';
import type { TranslationService } from './translation-service';

const ALARM = 'prune-translation-cache';

/** Expires old translations and enforces the size cap a few times a day, off the request path. */
export function setupCacheMaintenance(translation: TranslationService): void {
  void browser.alarms.create(ALARM, { periodInMinutes: 360, delayInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM)
      translation.pruneCache().catch((error: unknown) => console.warn('[RedBridge] prune', error));
  });
}
