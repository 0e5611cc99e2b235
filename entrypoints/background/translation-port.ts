import { browser } from 'wxt/browser';
import { toFailure } from '@/utils/transport/messages';
import { TRANSLATION_PORT, type PortBatch, type PortOutcome } from '@/utils/transport/translation-port';
import type { PortLike } from '@/utils/transport/translation-port';
import type { TranslationService } from './translation-service';

/**
 * Serves one content script's port: runs each batch's cancellations, promotions and requests, and
 * sends back the answers that settle together in one message. When the tab goes away, whatever it
 * still waited for is cancelled before it costs a request.
 */
export function servePort(port: PortLike, translation: TranslationService): void {
  const open = new Set<string>();
  let outgoing: PortOutcome[] = [];
  let connected = true;

  const deliver = (outcome: PortOutcome) => {
    open.delete(outcome.requestId);
    if (!connected) return;
    if (outgoing.length === 0) {
      // Answers of one batch settle in the same turn: gather them into one message.
      setTimeout(() => {
        const results = outgoing;
        outgoing = [];
        if (connected) port.postMessage({ type: 'results', results });
      }, 0);
    }
    outgoing.push(outcome);
  };

  port.onMessage.addListener((message) => {
    const batch = message as PortBatch;
    if (batch?.type !== 'batch') return;
    if (batch.cancel.length) void translation.cancel(batch.cancel);
    if (batch.prioritize.length) void translation.prioritize(batch.prioritize, 'visible');
    for (const request of batch.translate) {
      open.add(request.requestId);
      translation.translate(request).then(
        (value) => deliver({ requestId: request.requestId, ok: true, value }),
        (error: unknown) => deliver({ requestId: request.requestId, ok: false, error: toFailure(error) }),
      );
    }
  });
  port.onDisconnect.addListener(() => {
    connected = false;
    if (open.size) void translation.cancel([...open]);
  });
}

export function setupTranslationPort(translation: TranslationService): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === TRANSLATION_PORT) servePort(port as unknown as PortLike, translation);
  });
}
