import { browser } from 'wxt/browser';

/**
 * A change signal between the background and every open page: the background bumps a
 * `storage.local` key after a write, and pages listening to that key load what they show again.
 * Storage reaches every extension page and content script, open or opened later, with no list of
 * receivers to keep.
 */

/** The last revision written: storage reports no change when two bumps write the same time. */
let lastRevision = 0;

/** Tells every listening page that what `key` stands for changed. */
export async function bumpRevision(key: string): Promise<void> {
  lastRevision = Math.max(Date.now(), lastRevision + 1);
  await browser.storage.local.set({ [key]: lastRevision });
}

/** Calls `onChange` whenever `key` is bumped, by any page. Returns the unsubscribe. */
export function watchRevision(key: string, onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && key in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
