import type { UserTermRecord } from '../db/schema';
import type { LanguageCode } from '../language/languages';
import { cyrb53 } from '../translate/cache-key';
import type { GlossaryRule } from '../translate/types';
import type { GlossaryEntry, GlossaryRendering, GlossaryTermLanguage } from './glossary-schema';
import { createMatcher, matchableEntriesFromGlossary, type TermMatcher } from './matcher';
import type { TermCard } from './term-card';

/** A bundled entry or a user term, as the index sees them. */
type IndexedEntry = (GlossaryEntry | UserTermRecord) & { readonly kind: 'bundled' | 'user' };

/**
 * The glossary as the background uses it: which terms a unit mentions (for chips), and which of the
 * user's preferred renderings a translation must respect (for the provider chain and cache keys).
 */
export interface GlossaryIndex {
  /** Terms worth explaining to this reader in these segments, once each, in order of appearance. */
  termsFor(segments: readonly string[], reader: LanguageCode): TermCard[];
  /** The user's preferred renderings that apply to these texts when translating into `to`. */
  rulesFor(texts: readonly string[], to: LanguageCode): GlossaryRule[];
  /**
   * A short signature of the renderings that apply to one text ('' when none), made part of its
   * cache key: a new or edited rendering re-translates exactly the texts it touches.
   */
  ruleKeyFor(text: string, to: LanguageCode): string;
}

/** Which rendering of an entry a translation into `to` uses, if the glossary has one. */
function renderingKey(to: LanguageCode): keyof GlossaryRendering | undefined {
  if (to === 'en') return 'en';
  if (to === 'zh-CN') return 'zh-CN';
  return undefined;
}

/** A term is explained to readers whose language is not the term's own. */
function explainsTo(lang: GlossaryTermLanguage, reader: LanguageCode): boolean {
  return lang === 'zh' ? reader !== 'zh-CN' : reader !== 'en';
}

export function createGlossaryIndex(
  bundled: readonly GlossaryEntry[],
  user: readonly UserTermRecord[],
): GlossaryIndex {
  // User terms come first so that one with the same spelling as a bundled entry takes its place.
  const entries: IndexedEntry[] = [
    ...user.map((entry) => ({ ...entry, kind: 'user' as const })),
    ...bundled.map((entry) => ({ ...entry, kind: 'bundled' as const })),
  ];
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const matcher = createMatcher(matchableEntriesFromGlossary(entries));

  // Only the user's renderings are enforced on machine translation: the bundled ones describe the
  // usual sense of a term for its chip, while a user's rendering is an instruction.
  const withRendering = user.filter((entry) => entry.rendering?.en || entry.rendering?.['zh-CN']);
  const renderingMatcher: TermMatcher | undefined =
    withRendering.length > 0 ? createMatcher(matchableEntriesFromGlossary(withRendering)) : undefined;
  const renderingById = new Map(withRendering.map((entry) => [entry.id, entry]));

  const rulesIn = (text: string, to: LanguageCode): GlossaryRule[] => {
    const key = renderingKey(to);
    if (!renderingMatcher || !key) return [];
    const rules: GlossaryRule[] = [];
    for (const match of renderingMatcher.match(text)) {
      const entry = renderingById.get(match.entryId)!;
      const target = entry.rendering?.[key];
      if (target && explainsTo(entry.lang, to)) rules.push({ source: match.surface, target });
    }
    return rules;
  };

  return {
    termsFor(segments, reader) {
      const cards: TermCard[] = [];
      const seen = new Set<string>();
      for (const segment of segments) {
        for (const match of matcher.match(segment)) {
          const entry = byId.get(match.entryId);
          if (!entry || seen.has(entry.id) || !explainsTo(entry.lang, reader)) continue;
          seen.add(entry.id);
          cards.push(cardOf(entry, match.surface));
        }
      }
      return cards;
    },

    rulesFor(texts, to) {
      const rules = new Map<string, GlossaryRule>();
      for (const text of texts) for (const rule of rulesIn(text, to)) rules.set(rule.source, rule);
      return [...rules.values()];
    },

    ruleKeyFor(text, to) {
      const rules = rulesIn(text, to);
      if (rules.length === 0) return '';
      const signature = rules.map((rule) => `${rule.source}\u0000${rule.target}`).join('\u0001');
      return cyrb53(signature).toString(36);
    },
  };
}

function cardOf(entry: IndexedEntry, surface: string): TermCard {
  // Everything that explains the term; matching data and bookkeeping stay in the background.
  const { id, aliases: _aliases, notInside: _notInside, ...explanation } = entry;
  const {
    createdAt: _created,
    updatedAt: _updated,
    ...card
  } = explanation as typeof explanation & {
    createdAt?: number;
    updatedAt?: number;
  };
  return { ...card, surface, entryId: id };
}
