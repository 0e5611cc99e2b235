import type { LanguageCode } from '../../language/languages';
import type {
  FetchLike,
  ProviderLimits,
  ProviderResult,
  SourceLanguage,
  TranslationProvider,
} from '../types';
import { normaliseDetectedLanguage } from './detected-language';
import { badResponse, expectCount, readJson, send } from './http';
import { isRecord, optionalString } from './json-shape';
import { translateWithGlossary } from './machine-translation';

export const MICROSOFT_EDGE_ENDPOINT = 'https://edge.microsoft.com/translate/translatetext';

/**
 * The service itself takes 1,000 items / 50,000 characters, but this is an unofficial door into
 * it; staying at peer-sized requests keeps us from being the client that gets it closed.
 */
export const MICROSOFT_EDGE_LIMITS: ProviderLimits = {
  maxItems: 50,
  maxChars: 1_800,
  concurrency: 4,
  requestsPerSecond: 5,
};

/** Microsoft names scripts, not regions; its `pt` is Brazilian Portuguese, which is our `pt`. */
const MICROSOFT_CODES: Record<LanguageCode, string> = {
  'zh-CN': 'zh-Hans',
  en: 'en',
  ja: 'ja',
  ko: 'ko',
  es: 'es',
  fr: 'fr',
  de: 'de',
  ru: 'ru',
  pt: 'pt',
};

export function microsoftLanguageCode(language: SourceLanguage): string {
  return language === 'auto' ? '' : MICROSOFT_CODES[language];
}

export interface MicrosoftEdgeDeps {
  fetch: FetchLike;
}

/** The keyless endpoint Edge's built-in translator uses (the JWT flow died in 2026-08). */
export function createMicrosoftEdgeProvider({ fetch }: MicrosoftEdgeDeps): TranslationProvider {
  const provider = 'microsoft-edge';
  return {
    id: provider,
    limits: MICROSOFT_EDGE_LIMITS,
    translate: (request) =>
      translateWithGlossary(request, async (texts) => {
        const { signal } = request;
        const query = new URLSearchParams({
          from: microsoftLanguageCode(request.from),
          to: microsoftLanguageCode(request.to),
          isEnterpriseClient: 'false',
        });
        const response = await send(
          fetch,
          `${MICROSOFT_EDGE_ENDPOINT}?${query}`,
          { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(texts) },
          { provider, signal },
        );
        return parseTranslateTextResponse(await readJson(response, { provider, signal }), texts.length);
      }),
  };
}

/** Response: `[{"detectedLanguage":{"language":"zh-Hans","score":1},"translations":[{"text","to"}]}]`. */
function parseTranslateTextResponse(body: unknown, expected: number): ProviderResult {
  if (!Array.isArray(body)) throw badResponse('microsoft-edge', 'expected an array of results');
  expectCount(body, expected, 'microsoft-edge');
  const translations: string[] = [];
  const detected: (string | undefined)[] = [];
  body.forEach((entry: unknown, index) => {
    const first: unknown =
      isRecord(entry) && Array.isArray(entry.translations) ? entry.translations[0] : undefined;
    const text = isRecord(first) ? optionalString(first.text) : undefined;
    if (text === undefined) throw badResponse('microsoft-edge', `result ${index} has no translation text`);
    translations.push(text);
    const detection = isRecord(entry) ? entry.detectedLanguage : undefined;
    detected.push(
      isRecord(detection) ? normaliseDetectedLanguage(optionalString(detection.language)) : undefined,
    );
  });
  return { translations, detected };
}
