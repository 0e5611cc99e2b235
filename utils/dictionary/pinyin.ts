/**
 * CC-CEDICT writes pinyin with tone numbers (`xie4 xie5`, `nu:3`); readers expect tone marks
 * (`xièxie`, `nǚ`). The mark goes on `a` or `e` when present, on the `o` of `ou`, otherwise on
 * the last vowel; tone 5 (neutral) carries no mark.
 */

const MARKS: Record<string, string[]> = {
  a: ['ā', 'á', 'ǎ', 'à'],
  e: ['ē', 'é', 'ě', 'è'],
  i: ['ī', 'í', 'ǐ', 'ì'],
  o: ['ō', 'ó', 'ǒ', 'ò'],
  u: ['ū', 'ú', 'ǔ', 'ù'],
  ü: ['ǖ', 'ǘ', 'ǚ', 'ǜ'],
};

function markVowel(vowel: string, tone: number): string {
  const lower = vowel.toLowerCase();
  const marked = MARKS[lower]?.[tone - 1];
  if (!marked) return vowel;
  return vowel === lower ? marked : marked.toUpperCase();
}

/** One numbered syllable (`hao3`, `Lu:4`, `r5`) with its tone mark; anything else is returned as is. */
export function markSyllable(syllable: string): string {
  const match = /^([A-Za-zÜü:]+?)([1-5])$/.exec(syllable);
  const letters = (match ? match[1]! : syllable).replace(/u:|v/g, 'ü').replace(/U:|V/g, 'Ü');
  if (!match) return letters;
  const tone = Number(match[2]);
  if (tone === 5) return letters;
  const lower = letters.toLowerCase();
  let index = lower.search(/[ae]/);
  if (index < 0) index = lower.indexOf('ou');
  if (index < 0) {
    for (let i = lower.length - 1; i >= 0; i--) {
      if ('iouü'.includes(lower[i]!)) {
        index = i;
        break;
      }
    }
  }
  // Syllabic nasals (`m2`, `ng4`, `n2`) have no vowel: keep the letters and the tone number.
  if (index < 0) return `${letters}${tone}`;
  return letters.slice(0, index) + markVowel(letters[index]!, tone) + letters.slice(index + 1);
}

/** A CEDICT pinyin field (`ni3 hao3`) as tone-marked syllables (`nǐ hǎo`). */
export function numberedToMarked(pinyin: string): string {
  return pinyin
    .split(/\s+/)
    .filter(Boolean)
    .map((syllable) => markSyllable(syllable))
    .join(' ');
}

/** Inline pinyin references inside CEDICT definitions (`used in 道行[dao4 heng2]`), tone-marked. */
export function markPinyinReferences(text: string): string {
  return text.replace(/\[([A-Za-z:0-9 ,]+)\]/g, (_whole, inner: string) => `[${numberedToMarked(inner)}]`);
}
