import type { FetchLike, ProviderLimits, ProviderResult, TranslationProvider } from '../types';
import { normaliseDetectedLanguage } from './detected-language';
import { badResponse, readJson, send } from './http';
import { translateWithGlossary } from './machine-translation';

export const GOOGLE_GTX_ENDPOINT = 'https://translate.googleapis.com/translate_a/single';

/**
 * One text per GET (the text travels in the URL, so it also stays short) and a trickle of
 * requests: since 2026-09 this endpoint answers 429 readily, and it is only the last resort.
 */
export const GOOGLE_GTX_LIMITS: ProviderLimits = {
  maxItems: 1,
  maxChars: 1_500,
  concurrency: 1,
  requestsPerSecond: 1,
};

export interface GoogleGtxDeps {
  fetch: FetchLike;
}

export function createGoogleGtxProvider({ fetch }: GoogleGtxDeps): TranslationProvider {
  const provider = 'google-gtx';
  return {
    id: provider,
    limits: GOOGLE_GTX_LIMITS,
    translate: (request) =>
      translateWithGlossary(request, async (texts) => {
        const { signal } = request;
        const translations: string[] = [];
        const detected: (string | undefined)[] = [];
        // Sequential on purpose: a caller that ignored maxItems still gets one request at a time.
        for (const text of texts) {
          const query = new URLSearchParams({
            client: 'gtx',
            sl: request.from,
            tl: request.to,
            dt: 't',
            q: text,
          });
          const response = await send(
            fetch,
            `${GOOGLE_GTX_ENDPOINT}?${query}`,
            { method: 'GET' },
            { provider, signal },
          );
          const result = parseSingleResponse(await readJson(response, { provider, signal }));
          translations.push(result.translation);
          detected.push(result.detected);
        }
        return { translations, detected } satisfies ProviderResult;
      }),
  };
}

/**
 * Response: `[[["Hello","你好",null,null,10],["World","世界",…]],null,"zh-CN",…]` — the text
 * comes back in sentence pieces; the translation is their concatenation.
 */
function parseSingleResponse(body: unknown): { translation: string; detected: string | undefined } {
  if (!Array.isArray(body) || !Array.isArray(body[0])) {
    throw badResponse('google-gtx', 'expected nested arrays of sentence pieces');
  }
  const pieces = body[0].flatMap((sentence: unknown) =>
    Array.isArray(sentence) && typeof sentence[0] === 'string' ? [sentence[0]] : [],
  );
  // The caller never sends blank text, so an answer without pieces lost the translation.
  if (pieces.length === 0) throw badResponse('google-gtx', 'expected 1 translation, got 0');
  const detected: unknown = body[2];
  return {
    translation: pieces.join(''),
    detected: typeof detected === 'string' ? normaliseDetectedLanguage(detected) : undefined,
  };
}
