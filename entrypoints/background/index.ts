import { getDatabase } from '@/utils/db/database';
import { loadSettings, watchSettings } from '@/utils/settings';
import { createOffscreenBridge } from '@/utils/translate/on-device/chrome-on-device';
import type { Settings } from '@/utils/settings-schema';
import { setupCacheMaintenance } from './cache-maintenance';
import { setupCommands } from './commands';
import { setupMessageRouter } from './message-router';
import { setupTranslationPort } from './translation-port';
import { TranslationService } from './translation-service';

function engineSettingsOf(settings: Settings): string {
  return JSON.stringify([settings.providerOrder, settings.providers]);
}

// The background only wires its services; each lives in its own module beside this one.
export default defineBackground(() => {
  const translation = new TranslationService({
    db: getDatabase(),
    fetch: (input, init) => fetch(input, init),
    loadSettings,
    onDevice: createOffscreenBridge(),
  });
  // Provider order and endpoints live in settings: rebuild the engine when they change, and only
  // then, so requests in flight stay cancellable through the same queue.
  let engineSettings: string | undefined;
  void loadSettings().then((settings) => (engineSettings ??= engineSettingsOf(settings)));
  watchSettings((settings) => {
    const next = engineSettingsOf(settings);
    if (next !== engineSettings) translation.invalidate();
    engineSettings = next;
  });
  setupMessageRouter(translation);
  setupTranslationPort(translation);
  setupCommands();
  setupCacheMaintenance(translation);
});
