import { detectLanguage } from '../language/detect-language';
import { primarySource } from '../language/direction';
import type { LanguageCode, SourceLanguage } from '../language/languages';

/**
 * The language a reply is written in: the language of what is being answered (the comment replied
 * to, else the note). When that is the reader's own language, or has no words, the reply goes into
 * the site's other language: Chinese, or English for a Chinese reader.
 */
export function replyLanguage(answered: string | undefined, reader: LanguageCode): LanguageCode {
  const detected = answered ? detectLanguage(answered) : 'none';
  if (detected !== 'none' && detected !== reader) return detected;
  return primarySource(reader);
}

/** What the draft is written in, as the provider is told it. */
export function draftLanguage(draft: string): SourceLanguage {
  const detected = detectLanguage(draft);
  return detected === 'none' ? 'auto' : detected;
}
