import type { ChineseDictionary } from '../dictionary/dictionary';
import { lookUpChinese } from '../dictionary/look-up';
import { segment } from '../dictionary/segment';
import type { LanguageCode } from '../language/languages';
import { detectLanguage } from '../language/detect-language';
import type { SourceLanguage } from '../translate/types';
import type { LookUpRequest, LookUpResult } from './protocol';
import type { PhraseLanguage } from './records';

export interface LookUpDependencies {
  /** The dictionary, loaded on first use. */
  dictionary: () => Promise<ChineseDictionary>;
  /** Translates segments through the extension's translation service. */
  translate: (segments: string[], from: SourceLanguage, to: LanguageCode) => Promise<string[]>;
  readerLanguage: () => Promise<LanguageCode>;
  /** Whether a language model is there to explain what the dictionary and glossary lack. */
  canExplain?: () => Promise<boolean>;
}

/** Longest selection looked up: the popover is for words and phrases, not whole notes. */
export const MAX_LOOK_UP_LENGTH = 300;

/** The dictionary word of `text` that covers its character `at` (Alt+hover on Chinese). */
function wordAtIndex(text: string, at: number, dictionary: ChineseDictionary): string | undefined {
  let end = 0;
  for (const token of segment(text, dictionary)) {
    end += token.text.length;
    if (at < end) return token.kind === 'other' ? undefined : token.text;
  }
  return undefined;
}

function phraseLanguage(text: string): PhraseLanguage {
  const detected = detectLanguage(text);
  if (detected === 'zh-CN') return 'zh';
  return detected === 'en' ? 'en' : 'other';
}

/**
 * Answers the look-up popover. Chinese text gets pinyin and dictionary entries, and its
 * translation into the reader's language (English for a Chinese reader); any other text is
 * translated into Chinese. The sentence around the selection is translated with it, in the same
 * request. A failed translation leaves the dictionary part standing.
 */
export function createLookUp(deps: LookUpDependencies): (request: LookUpRequest) => Promise<LookUpResult> {
  return async ({ text: rawText, sentence: rawSentence, at }) => {
    let text = rawText.trim().slice(0, MAX_LOOK_UP_LENGTH);
    if (!text) throw Object.assign(new Error('Nothing selected'), { kind: 'bad-request' });
    if (at !== undefined) text = wordAtIndex(rawText, at, await deps.dictionary()) ?? text;
    const sentence = rawSentence.trim();
    const lang = phraseLanguage(text);
    const reader = await deps.readerLanguage();
    const from: SourceLanguage = lang === 'zh' ? 'zh-CN' : lang === 'en' ? 'en' : 'auto';
    const to: LanguageCode = lang === 'zh' ? (reader === 'zh-CN' ? 'en' : reader) : 'zh-CN';

    const withSentence = sentence && sentence !== text;
    const [dictionary, translated, explainable] = await Promise.all([
      lang === 'zh' ? deps.dictionary().then((loaded) => lookUpChinese(text, loaded)) : undefined,
      deps.translate(withSentence ? [text, sentence] : [text], from, to).then(
        (translations) => ({ translations, error: undefined }),
        (error: unknown) => ({
          translations: [] as string[],
          error: error instanceof Error ? error.message : String(error),
        }),
      ),
      // Whether Explain is offered never stands in the way of the look-up itself.
      Promise.resolve()
        .then(() => deps.canExplain?.() ?? false)
        .catch(() => false),
    ]);
    return {
      text,
      lang,
      ...(dictionary && { dictionary }),
      translation: translated.translations[0] ?? null,
      sentenceTranslation: withSentence ? (translated.translations[1] ?? null) : null,
      translatedTo: to,
      ...(translated.error && { translationError: translated.error }),
      ...(explainable && { explainIn: reader }),
    };
  };
}
