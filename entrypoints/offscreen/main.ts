import { browser } from 'wxt/browser';
import { createOffscreenHandler } from '@/utils/translate/on-device/offscreen-handler';
import type { OffscreenProgressMessage } from '@/utils/translate/on-device/protocol';
import { callerOf, extensionIdentity, type SenderLike } from '@/utils/transport/senders';

// The offscreen document that hosts Chrome's built-in Translator for the background (the API exists
// in windows only). All logic lives in the handler; this page only connects it to messaging.
const handler = createOffscreenHandler({
  onProgress: (payload) => {
    const message: OffscreenProgressMessage = { rbOffscreen: 1, type: 'progress', payload };
    // Nobody may be listening (the background went idle): progress is informative, never required.
    browser.runtime.sendMessage(message).catch(() => undefined);
  },
});

// Registered at module evaluation, before the document finishes loading, so the bridge's first
// request after `createDocument` resolves always finds a listener. Returning `undefined` for other
// messages leaves them to their own receivers. Content scripts' messages reach this document too;
// only the extension's own contexts are answered.
browser.runtime.onMessage.addListener((message: unknown, sender: SenderLike) =>
  callerOf(sender, extensionIdentity()) === 'extension-page' ? handler.handle(message) : undefined,
);
