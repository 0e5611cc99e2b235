import { getDatabase } from '@/utils/db/database';
import { loadSettings, watchSettings } from '@/utils/settings';
import { createOffscreenBridge } from '@/utils/translate/on-device/chrome-on-device';
import { setupCacheMaintenance } from './cache-maintenance';
import { setupCommands } from './commands';
import { setupFirstRun } from './first-run';
import { GlossaryService, setupGlossary } from './glossary';
import { setupLearning } from './learning';
import { setupMessageRouter } from './message-router';
import { setupProviderConfig } from './provider-config';
import { setupProviderSetup } from './provider-setup';
import { setupTranslationPort } from './translation-port';
import { TranslationService } from './translation-service';

// The background only wires its services; each lives in its own module beside this one.
export default defineBackground(() => {
  const glossary = new GlossaryService(getDatabase());
  const providerConfig = setupProviderConfig();
  const translation = new TranslationService({
    db: getDatabase(),
    glossary,
    providerConfig,
    fetch: (input, init) => fetch(input, init),
    loadSettings,
    onDevice: createOffscreenBridge(),
  });
  watchSettings((settings) => translation.settingsChanged(settings));
  setupMessageRouter(translation);
  setupTranslationPort(translation);
  setupGlossary(glossary);
  setupLearning(translation, { glossaryReplaced: () => glossary.changed(), providers: providerConfig });
  setupCommands();
  setupFirstRun(translation);
  setupCacheMaintenance(translation);
  setupProviderSetup({ translation, db: getDatabase(), providerConfig });
});
