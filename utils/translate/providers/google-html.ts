import type { FetchLike, ProviderLimits, ProviderResult, TranslationProvider } from '../types';
import { normaliseDetectedLanguage } from './detected-language';
import { decodeHtmlEntities, escapeHtmlText } from './html-text';
import { badResponse, expectCount, readJson, send } from './http';
import { isStringArray } from './json-shape';
import { translateWithGlossary } from './machine-translation';

export const GOOGLE_HTML_ENDPOINT = 'https://translate-pa.googleapis.com/v1/translateHtml';
/** The public key Chrome's own translate element sends; not a secret and not ours. */
export const GOOGLE_HTML_API_KEY = 'AIzaSyATBXajvzQLTDHEQbcpq0Ihe0vWDHmO520';

/** Undocumented; peers run about 20 items / 10,000 characters per request without trouble. */
export const GOOGLE_HTML_LIMITS: ProviderLimits = {
  maxItems: 20,
  maxChars: 10_000,
  concurrency: 4,
  requestsPerSecond: 5,
};

export interface GoogleHtmlDeps {
  fetch: FetchLike;
}

/** Google's batch endpoint behind Chrome's page translation. Our language codes are Google's. */
export function createGoogleHtmlProvider({ fetch }: GoogleHtmlDeps): TranslationProvider {
  const provider = 'google-html';
  return {
    id: provider,
    limits: GOOGLE_HTML_LIMITS,
    translate: (request) =>
      translateWithGlossary(request, async (texts) => {
        const { signal } = request;
        const response = await send(
          fetch,
          GOOGLE_HTML_ENDPOINT,
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json+protobuf', 'X-Goog-API-Key': GOOGLE_HTML_API_KEY },
            body: JSON.stringify([[texts.map(plainTextToHtml), request.from, request.to], 'wt_lib']),
          },
          { provider, signal },
        );
        return parseTranslateHtmlResponse(await readJson(response, { provider, signal }), texts.length);
      }),
  };
}

/** The endpoint collapses whitespace like any HTML parser would, so line breaks travel as `<br>`. */
export function plainTextToHtml(text: string): string {
  return escapeHtmlText(text.replace(/\r\n?/g, '\n')).replace(/\n/g, '<br>');
}

export function htmlToPlainText(html: string): string {
  // Tags first, entities second: an escaped `&lt;br&gt;` typed by the author must stay text.
  return decodeHtmlEntities(html.replace(/[ \t]*<br\s*\/?>[ \t]*/gi, '\n'));
}

/** Response: `[["translation 1","translation 2"],["zh-CN","zh-CN"]]`. */
function parseTranslateHtmlResponse(body: unknown, expected: number): ProviderResult {
  if (!Array.isArray(body) || !isStringArray(body[0])) {
    throw badResponse('google-html', 'expected [[translations], [detected languages]]');
  }
  const translations = body[0];
  expectCount(translations, expected, 'google-html');
  const detectedField: unknown = body[1];
  const detected = translations.map((_, index) => {
    const tag = Array.isArray(detectedField) ? detectedField[index] : detectedField;
    return typeof tag === 'string' ? normaliseDetectedLanguage(tag) : undefined;
  });
  return { translations: translations.map(htmlToPlainText), detected };
}
