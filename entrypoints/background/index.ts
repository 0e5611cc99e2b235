import { getDatabase } from '@/utils/db/database';
import { loadSettings, watchSettings } from '@/utils/settings';
import { setupCacheMaintenance } from './cache-maintenance';
import { setupCommands } from './commands';
import { setupMessageRouter } from './message-router';
import { TranslationService } from './translation-service';

// The background only wires its services; each lives in its own module beside this one.
export default defineBackground(() => {
  const translation = new TranslationService({
    db: getDatabase(),
    fetch: (input, init) => fetch(input, init),
    loadSettings,
  });
  // Provider order and endpoints live in settings: rebuild the engine when they change.
  watchSettings(() => translation.invalidate());
  setupMessageRouter(translation);
  setupCommands();
  setupCacheMaintenance(translation);
});
