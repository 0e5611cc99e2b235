import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SenderLike } from '@/utils/transport/senders';

/** A RedBridge page (the options page), as the browser describes it to the background. */
export function extensionPageSender(): SenderLike {
  return { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
}

/** RedBridge's content script on a note of the site. */
export function contentScriptSender(url = 'https://www.xiaohongshu.com/explore/6789abcd'): SenderLike {
  return { id: fakeBrowser.runtime.id, url, tab: { id: 7, url } };
}

/** Delivers `message` to the background's listeners as if `sender` had sent it; resolves with the answer. */
export async function sendAs(sender: SenderLike | undefined, message: unknown): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender as never);
  return answers.find((answer: unknown) => answer !== undefined);
}

/**
 * Makes `runtime.sendMessage` describe its sender as a RedBridge page, as the browser does for the
 * popup and the options page (the fake browser describes no sender at all).
 */
export function sendMessagesAsExtensionPage(): void {
  fakeBrowser.runtime.sendMessage = ((message: unknown) =>
    sendAs(extensionPageSender(), message)) as typeof fakeBrowser.runtime.sendMessage;
}
