import type {
  FetchLike,
  ProviderLimits,
  ProviderResult,
  SourceLanguage,
  TranslationProvider,
} from '../types';
import { endpointUrl } from './base-url';
import { normaliseDetectedLanguage } from './detected-language';
import { badResponse, expectCount, readJson, send } from './http';
import { isRecord, isStringArray, optionalString } from './json-shape';
import { translateWithGlossary } from './machine-translation';

/**
 * A self-hosted server has whatever limits its operator set (`--char-limit`, `--batch-limit`);
 * these fit the defaults of public instances and a small machine running Argos models.
 */
export const LIBRETRANSLATE_LIMITS: ProviderLimits = {
  maxItems: 20,
  maxChars: 5_000,
  concurrency: 2,
  requestsPerSecond: 2,
};

/** `zh` is Simplified Chinese on every LibreTranslate version; newer ones also alias `zh-Hans`. */
export function libretranslateLanguageCode(language: SourceLanguage): string {
  if (language === 'auto') return 'auto';
  return language === 'zh-CN' ? 'zh' : language;
}

export interface LibretranslateDeps {
  fetch: FetchLike;
  baseUrl: string;
  apiKey?: string;
}

export function createLibretranslateProvider({
  fetch,
  baseUrl,
  apiKey,
}: LibretranslateDeps): TranslationProvider {
  const provider = 'libretranslate';
  const url = endpointUrl(baseUrl, 'translate');
  return {
    id: provider,
    limits: LIBRETRANSLATE_LIMITS,
    translate: (request) =>
      translateWithGlossary(request, async (texts) => {
        const { signal } = request;
        const body = {
          q: texts,
          source: libretranslateLanguageCode(request.from),
          target: libretranslateLanguageCode(request.to),
          format: 'text',
          ...(apiKey ? { api_key: apiKey } : {}),
        };
        const response = await send(
          fetch,
          url,
          { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
          { provider, signal },
        );
        return parseLibretranslateResponse(await readJson(response, { provider, signal }), texts.length);
      }),
  };
}

/**
 * Response: `{"translatedText":["…"],"detectedLanguage":[{"language":"zh","confidence":90}]}`;
 * both fields are single values instead of arrays when `q` was a single string.
 */
function parseLibretranslateResponse(body: unknown, expected: number): ProviderResult {
  if (!isRecord(body)) throw badResponse('libretranslate', 'expected {"translatedText": [...]}');
  const { translatedText } = body;
  const translations =
    typeof translatedText === 'string' && expected === 1
      ? [translatedText]
      : isStringArray(translatedText)
        ? translatedText
        : undefined;
  if (!translations) throw badResponse('libretranslate', 'expected {"translatedText": [...]}');
  expectCount(translations, expected, 'libretranslate');
  const detections: unknown[] = Array.isArray(body.detectedLanguage)
    ? body.detectedLanguage
    : [body.detectedLanguage];
  const detected = translations.map((_, index) => {
    const detection = detections[index];
    return isRecord(detection) ? normaliseDetectedLanguage(optionalString(detection.language)) : undefined;
  });
  return { translations, detected };
}
