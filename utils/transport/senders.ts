import { browser } from 'wxt/browser';
import { isSiteHost } from '../xhs/hosts';

/**
 * Who is calling the background. RedBridge's own pages (popup, options, welcome, offscreen) may
 * ask for everything; a content script runs inside the site's renderer, which the site controls,
 * so it may only ask for what a page needs.
 */
export type Caller = 'extension-page' | 'content-script';

/** The parts of `runtime.MessageSender` the check reads. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
}

export interface ExtensionIdentity {
  /** `runtime.id`. */
  id: string;
  /** `runtime.getURL('/')`: the origin of the extension's own pages, with a trailing slash. */
  baseUrl: string;
}

/** Who this extension is, as `callerOf` compares senders with it. */
export function extensionIdentity(): ExtensionIdentity {
  return { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };
}

/**
 * What kind of caller `sender` is, or undefined for one that may ask nothing: another extension,
 * a page of another site (a content script only runs on the site's https pages), or a sender the
 * browser did not describe.
 */
export function callerOf(sender: SenderLike | undefined, self: ExtensionIdentity): Caller | undefined {
  if (!sender || sender.id !== self.id || typeof sender.url !== 'string') return undefined;
  if (sender.url.startsWith(self.baseUrl)) return 'extension-page';
  if (!sender.tab) return undefined;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return undefined;
  }
  return url.protocol === 'https:' && isSiteHost(url.hostname) ? 'content-script' : undefined;
}
