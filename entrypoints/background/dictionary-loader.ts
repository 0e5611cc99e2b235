import { browser } from 'wxt/browser';
import { ChineseDictionary } from '@/utils/dictionary/dictionary';

/** Path of the shipped dictionary inside the extension (from `public/dictionary/`). */
export const DICTIONARY_PATH = '/dictionary/cedict.txt';

let loading: Promise<ChineseDictionary> | undefined;

/**
 * The dictionary, read and indexed on the first look-up of a worker's life, not at start-up: most
 * runs of the worker translate and never look a word up. A failed load is retried on the next call.
 */
export function loadDictionary(): Promise<ChineseDictionary> {
  loading ??= (async () => {
    const started = performance.now();
    const response = await fetch(browser.runtime.getURL(DICTIONARY_PATH as '/'));
    if (!response.ok) throw new Error(`Dictionary not found (${response.status})`);
    const dictionary = new ChineseDictionary(await response.text());
    console.info(
      `[RedBridge] dictionary: ${dictionary.size} entries in ${Math.round(performance.now() - started)} ms`,
    );
    return dictionary;
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
