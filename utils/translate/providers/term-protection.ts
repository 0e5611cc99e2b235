import type { GlossaryRule } from '../types';

/**
 * Glossary support for machine-translation engines, which have no way to be told "render X as Y".
 * Each source term is swapped for a placeholder the engine passes through untouched; the preferred
 * rendering is put in its place afterwards. Engines do mangle placeholders now and then (spaces
 * inside, lower case, full-width braces), so restoring is lenient about the shape and strict about
 * completeness: if any placeholder went missing, the caller gets `undefined` and should translate
 * the unprotected text instead.
 */
export interface ProtectedText {
  /** What to send to the engine. */
  text: string;
  /** The engine's output with renderings in place, or `undefined` when a placeholder was lost. */
  restore(translated: string): string | undefined;
}

const placeholder = (index: number) => `{RB${index}}`;

/** Tolerates what engines do to `{RB0}`: `{ RB0 }`, `{rb 0}`, `｛RB0｝`, spaces added around it. */
const PLACEHOLDER_IN_OUTPUT = /([ \t\u00a0]*)[{｛]\s*r\s*b\s*(\d+)\s*[}｝]([ \t\u00a0]*)/giu;
/** Fragments of a placeholder the lenient pattern could not recognise: treat as lost. */
const PLACEHOLDER_DEBRIS = /[{｛]\s*r\s*b|r\s*b\s*\d+\s*[}｝]/iu;

/** Scripts written without spaces between words; an engine-added space next to them is noise. */
const SPACELESS_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

const UNPROTECTED = (text: string): ProtectedText => ({ text, restore: (translated) => translated });

export function protectTerms(text: string, glossary: readonly GlossaryRule[] | undefined): ProtectedText {
  const rules = usableRules(glossary);
  // A text that already contains something placeholder-like cannot be protected unambiguously.
  if (rules.length === 0 || PLACEHOLDER_DEBRIS.test(text)) return UNPROTECTED(text);

  const indexByTerm = new Map(rules.map((rule, index) => [rule.source.toLowerCase(), index]));
  const used = new Set<number>();
  const protectedText = text.replace(termPattern(rules), (match) => {
    const index = indexByTerm.get(match.toLowerCase());
    if (index === undefined) return match;
    used.add(index);
    return placeholder(index);
  });
  if (used.size === 0) return UNPROTECTED(text);

  return {
    text: protectedText,
    restore(translated) {
      const seen = new Set<number>();
      let lostOrForeign = false;
      const restored = translated.replace(
        PLACEHOLDER_IN_OUTPUT,
        (match, before: string, digits: string, after: string, offset: number, whole: string) => {
          const index = Number(digits);
          const rule = used.has(index) ? rules[index] : undefined;
          if (!rule) {
            lostOrForeign = true;
            return match;
          }
          seen.add(index);
          const previous = whole[offset - 1];
          const next = whole[offset + match.length];
          return (
            keepSpace(before, previous, rule.target.at(0)) +
            rule.target +
            keepSpace(after, next, rule.target.at(-1))
          );
        },
      );
      if (lostOrForeign || seen.size !== used.size || PLACEHOLDER_DEBRIS.test(restored)) return undefined;
      return restored;
    },
  };
}

function usableRules(glossary: readonly GlossaryRule[] | undefined): GlossaryRule[] {
  const seen = new Set<string>();
  const rules: GlossaryRule[] = [];
  for (const rule of glossary ?? []) {
    const source = rule.source.trim();
    const key = source.toLowerCase();
    if (!source || seen.has(key)) continue;
    seen.add(key);
    rules.push({ source, target: rule.target });
  }
  return rules;
}

/** One alternation, longest terms first so "绝绝子" wins over "绝". */
function termPattern(rules: readonly GlossaryRule[]): RegExp {
  const alternatives = [...rules]
    .sort((a, b) => b.source.length - a.source.length)
    .map(({ source }) => {
      // Latin terms must not match inside a longer word ("cat" in "category"); CJK has no word
      // boundaries, so CJK edges match anywhere.
      const start = /^[a-z0-9]/i.test(source) ? '(?<![a-z0-9])' : '';
      const end = /[a-z0-9]$/i.test(source) ? '(?![a-z0-9])' : '';
      return start + escapeRegExp(source) + end;
    });
  return new RegExp(alternatives.join('|'), 'giu');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Drops a space the engine put between a spaceless-script character and a spaceless rendering. */
function keepSpace(space: string, neighbour: string | undefined, renderingEdge: string | undefined): string {
  if (!space) return '';
  if (neighbour === undefined) return '';
  if (SPACELESS_CHAR.test(neighbour) && renderingEdge !== undefined && SPACELESS_CHAR.test(renderingEdge))
    return '';
  return space;
}
