import { browser } from 'wxt/browser';
import { onMessage } from '@/utils/transport/messages';
import type { TranslationService } from './translation-service';

/** Answers the typed protocol of utils/messages.ts; each handler delegates to a service. */
export function setupMessageRouter(translation: TranslationService): void {
  const startedAt = Date.now();
  onMessage({
    ping: () => ({ version: browser.runtime.getManifest().version, startedAt }),
    getStats: () => translation.todayStats(),
    getProviderHealth: () => translation.providerHealth(),
    clearCache: async () => ({ removed: await translation.clearCache() }),
    translateWriting: (request) => translation.translateWriting(request),
    explainTerm: (request) => translation.explainTerm(request),
  });
}
