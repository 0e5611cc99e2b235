import type { LanguageCode } from './languages';

/**
 * Script-and-stopword language detection, fast enough to run on every unit in the content script.
 * It only has to route text between the languages RedBridge supports; anything with no letters
 * (emoji, numbers, links, mentions) is 'none' and never sent to a provider.
 */
export type DetectedLanguage = LanguageCode | 'none';

export interface ScriptProfile {
  han: number;
  kana: number;
  hangul: number;
  cyrillic: number;
  /** Latin words of two or more letters. */
  latinWords: number;
  /** Lowercased Latin words, for stopword voting. */
  words: string[];
}

const URL_PATTERN = /\b(?:https?:\/\/|www\.)\S+/gi;
const MENTION_PATTERN = /@[^\s@#]+/g;
const HASHTAG_PATTERN = /#[^\s#]+#?/g;

/** Text with the parts that carry no language removed: links, mentions, hashtags. */
export function stripNonLanguage(text: string): string {
  return text.replace(URL_PATTERN, ' ').replace(MENTION_PATTERN, ' ').replace(HASHTAG_PATTERN, ' ');
}

export function profileScripts(text: string): ScriptProfile {
  const cleaned = stripNonLanguage(text);
  const profile: ScriptProfile = { han: 0, kana: 0, hangul: 0, cyrillic: 0, latinWords: 0, words: [] };
  for (const char of cleaned) {
    const code = char.codePointAt(0)!;
    if (
      (code >= 0x4e00 && code <= 0x9fff) ||
      (code >= 0x3400 && code <= 0x4dbf) ||
      (code >= 0x20000 && code <= 0x2ebef)
    ) {
      profile.han++;
    } else if (code >= 0x3040 && code <= 0x30ff) {
      profile.kana++;
    } else if (
      (code >= 0xac00 && code <= 0xd7af) ||
      (code >= 0x1100 && code <= 0x11ff) ||
      (code >= 0x3130 && code <= 0x318f)
    ) {
      profile.hangul++;
    } else if (code >= 0x0400 && code <= 0x04ff) {
      profile.cyrillic++;
    }
  }
  for (const match of cleaned.matchAll(/\p{Script=Latin}[\p{Script=Latin}'’]+/gu)) {
    profile.latinWords++;
    profile.words.push(match[0].toLowerCase());
  }
  return profile;
}

const STOPWORDS: Partial<Record<LanguageCode, Set<string>>> = {
  en: new Set(
    "the and is are you your to of it this that in for my on with so what no yes i’m i'm not be have just like me we was do".split(
      ' ',
    ),
  ),
  es: new Set(
    'el la los las que de y es en un una por para con mi tu muy pero no se lo más qué está'.split(' '),
  ),
  fr: new Set(
    "le la les des est et que une un pour pas dans ce je tu mon très sur avec c'est qui vous nous".split(' '),
  ),
  de: new Set(
    'der die das und ist nicht ich du ein eine mit zu auf für sehr mein wie auch sie wir'.split(' '),
  ),
  pt: new Set('o a os as que de e é em um uma não com para meu muito mas você isso está'.split(' ')),
};

/** English unless another language has clearly more evidence: XHS's Latin text is mostly English. */
function latinLanguage(words: string[], text: string): LanguageCode {
  let best: LanguageCode = 'en';
  let bestScore = 1;
  for (const [code, stopwords] of Object.entries(STOPWORDS) as [LanguageCode, Set<string>][]) {
    let score = 0;
    for (const word of words) if (stopwords.has(word)) score++;
    // Diacritics that English does not use tip short texts towards the right language.
    if (code === 'es' && /[ñ¿¡]/i.test(text)) score += 2;
    if (code === 'fr' && /[çèêàù]/i.test(text)) score += 1;
    if (code === 'de' && /[äöüß]/i.test(text)) score += 2;
    if (code === 'pt' && /[ãõç]/i.test(text)) score += 2;
    if (score > bestScore) {
      best = code;
      bestScore = score;
    }
  }
  return best;
}

/** The dominant language of `text`, or 'none' when it has no words at all. */
export function detectLanguage(text: string): DetectedLanguage {
  const profile = profileScripts(text);
  const { han, kana, hangul, cyrillic, latinWords } = profile;
  // Kana mark Japanese, but Chinese posts borrow a lone "の" for 的: ask for a real share of kana.
  if (kana >= 2 && kana >= han * 0.15 && kana + han >= latinWords) return 'ja';
  // Han characters count one token each, Latin words one token each: "哈哈哈 your cat is so cute" is English.
  const scores: [DetectedLanguage, number][] = [
    ['zh-CN', han],
    ['ko', hangul / 2],
    ['ru', cyrillic / 4],
    ['en', latinWords],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  const [top, score] = scores[0]!;
  if (score <= 0) return 'none';
  if (top === 'en') return latinLanguage(profile.words, text);
  return top;
}
