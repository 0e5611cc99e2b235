import type { LanguageCode } from '../language/languages';
import type { SourceLanguage } from './types';

/**
 * cyrb53: a fast, well-mixed 53-bit string hash (public domain, by bryc). 53 bits keep it exact in a
 * JS number; collisions are still possible in principle, so the cache also stores and compares the
 * source text.
 */
export function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The cache key of one translation: `${engine}|${from}|${to}|${hash(text)}`.
 * `engine` is the caller's signature of every setting that shapes the output (e.g. `default` for the
 * keyless chain, `deepl`, `openai:gpt-4o-mini:<glossaryVersion>`), so changing one of them never
 * serves a translation made under the old setting.
 */
export function cacheKey(engine: string, from: SourceLanguage, to: LanguageCode, text: string): string {
  return `${engine}|${from}|${to}|${cyrb53(text).toString(36)}`;
}
