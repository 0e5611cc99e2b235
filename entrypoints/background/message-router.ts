import { browser } from 'wxt/browser';
import { onMessage } from '@/utils/messages';

export function setupMessageRouter(): void {
  onMessage({
    ping: () => ({ version: browser.runtime.getManifest().version }),
  });
}
