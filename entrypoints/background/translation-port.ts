import { browser } from 'wxt/browser';
import { toFailure } from '@/utils/transport/messages';
import { callerOf, extensionIdentity, type SenderLike } from '@/utils/transport/senders';
import { TRANSLATION_PORT, type PortOutcome } from '@/utils/transport/translation-port';
import type { PortLike } from '@/utils/transport/translation-port';
import { checkPortBatch } from '@/utils/transport/translation-port-schema';
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
    const batch = checkPortBatch(message);
    if (!batch) return;
    // Only this port's own requests (open, or asked in this batch): a page cannot cancel or hurry
    // another tab's.
    const asked = new Set(
      batch.translate.flatMap((checked) => (checked.ok ? [checked.request.requestId] : [])),
    );
    const own = (id: string) => open.has(id) || asked.has(id);
    const cancel = batch.cancel.filter(own);
    const prioritize = batch.prioritize.filter(own);
    if (cancel.length) void translation.cancel(cancel);
    if (prioritize.length) void translation.prioritize(prioritize, 'visible');
    for (const checked of batch.translate) {
      if (!checked.ok) {
        const { requestId, problem } = checked;
        if (requestId) deliver({ requestId, ok: false, error: { kind: 'bad-request', message: problem } });
        continue;
      }
      const { request } = checked;
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

/** Serves translation ports opened by RedBridge's content scripts on the site and its own pages. */
export function setupTranslationPort(translation: TranslationService): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== TRANSLATION_PORT) return;
    if (!callerOf(port.sender as SenderLike | undefined, extensionIdentity())) {
      port.disconnect();
      return;
    }
    servePort(port as unknown as PortLike, translation);
  });
}
