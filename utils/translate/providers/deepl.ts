import type { LanguageCode } from '../../language/languages';
import type {
  FetchLike,
  ProviderLimits,
  ProviderResult,
  SourceLanguage,
  TranslationProvider,
} from '../types';
import { normaliseDetectedLanguage } from './detected-language';
import { badResponse, expectCount, readJson, send, type StatusClassifier } from './http';
import { isRecord, optionalString } from './json-shape';
import { translateWithGlossary } from './machine-translation';

export type DeeplPlan = 'free' | 'pro';

export const DEEPL_ENDPOINTS: Record<DeeplPlan, string> = {
  free: 'https://api-free.deepl.com/v2/translate',
  pro: 'https://api.deepl.com/v2/translate',
};

/**
 * DeepL allows 50 texts and 128 KiB of request body. 30,000 characters stays under 128 KiB even
 * when every character is a 3-byte CJK character plus JSON quoting.
 */
export const DEEPL_LIMITS: ProviderLimits = {
  maxItems: 50,
  maxChars: 30_000,
  concurrency: 2,
  requestsPerSecond: 3,
};

/** Targets need a variant where DeepL has several; sources never take one. */
const DEEPL_TARGETS: Record<LanguageCode, string> = {
  'zh-CN': 'ZH-HANS',
  en: 'EN-US',
  ja: 'JA',
  ko: 'KO',
  es: 'ES',
  fr: 'FR',
  de: 'DE',
  ru: 'RU',
  pt: 'PT-BR',
};

export function deeplTargetLanguage(language: LanguageCode): string {
  return DEEPL_TARGETS[language];
}

export function deeplSourceLanguage(language: SourceLanguage): string | undefined {
  if (language === 'auto') return undefined;
  return language === 'zh-CN' ? 'ZH' : language.toUpperCase();
}

/** 456 is DeepL's "quota exceeded"; 529 is its documented "too many requests" besides 429. */
const classifyDeeplStatus: StatusClassifier = (status) => (status === 529 ? 'rate-limited' : undefined);

export interface DeeplDeps {
  fetch: FetchLike;
  apiKey: string;
  plan: DeeplPlan;
}

export function createDeeplProvider({ fetch, apiKey, plan }: DeeplDeps): TranslationProvider {
  const provider = 'deepl';
  return {
    id: provider,
    limits: DEEPL_LIMITS,
    translate: (request) =>
      translateWithGlossary(request, async (texts) => {
        const { signal } = request;
        const sourceLang = deeplSourceLanguage(request.from);
        const body = {
          text: texts,
          target_lang: deeplTargetLanguage(request.to),
          ...(sourceLang ? { source_lang: sourceLang } : {}),
        };
        const response = await send(
          fetch,
          DEEPL_ENDPOINTS[plan],
          {
            method: 'POST',
            headers: { Authorization: `DeepL-Auth-Key ${apiKey}`, 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          },
          { provider, signal, classify: classifyDeeplStatus },
        );
        return parseDeeplResponse(await readJson(response, { provider, signal }), texts.length);
      }),
  };
}

/** Response: `{"translations":[{"detected_source_language":"ZH","text":"…"}]}`. */
function parseDeeplResponse(body: unknown, expected: number): ProviderResult {
  if (!isRecord(body) || !Array.isArray(body.translations)) {
    throw badResponse('deepl', 'expected {"translations": [...]}');
  }
  const entries: unknown[] = body.translations;
  expectCount(entries, expected, 'deepl');
  const translations = entries.map((entry, index) => {
    const text = isRecord(entry) ? optionalString(entry.text) : undefined;
    if (text === undefined) throw badResponse('deepl', `translation ${index} has no text`);
    return text;
  });
  const detected = entries.map((entry) =>
    isRecord(entry) ? normaliseDetectedLanguage(optionalString(entry.detected_source_language)) : undefined,
  );
  return { translations, detected };
}
