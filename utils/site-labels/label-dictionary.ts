import type { LanguageCode } from '../language/languages';
import { normalizeLabelText, type LabelEntry, type LabelKind, type LabelLanguage } from './label-schema';
import { translatePattern } from './patterns';
import { SITE_LABEL_FILES } from './site-label-data';

export { SITE_LABELS_VERSION } from './site-label-data';

/** What the caller knows about where a label sits, to choose between renderings of one text. */
export type LabelContext = {
  /**
   * The kind of place the text sits in. 关注 is the button "Follow" but the profile counter
   * "Following"; 收藏 is the engage button "Save" but the profile tab "Saved". Without a kind (or when
   * the text has no entry of that kind) the first kind in `KIND_PRECEDENCE` wins.
   */
  kind?: LabelKind;
};

/** Which rendering a text shared by several kinds gets when the caller names none. */
const KIND_PRECEDENCE: readonly LabelKind[] = [
  'button',
  'engage',
  'nav',
  'tab',
  'menu',
  'comments',
  'profile',
  'placeholder',
  'search',
  'state',
  'login',
  'notification',
  'channel',
  'footer',
  'location',
];

type CompiledLanguage = {
  /** Text (zh or alias) → rendering, by `KIND_PRECEDENCE`. */
  labels: Map<string, string>;
  /** `kind + "\u0000" + text` → rendering, for callers that name the kind. */
  byKind: Map<string, string>;
  /** Place name → rendering, for the patterns that end in a place ("3天前 黑龙江"). */
  places: Map<string, string>;
};

const compiled = new Map<LabelLanguage, CompiledLanguage>();

let sortedEntries: LabelEntry[] | undefined;

/** Every entry, in `KIND_PRECEDENCE` order; within a kind, the data's own order (the sort is stable). */
function allEntries(): LabelEntry[] {
  if (sortedEntries) return sortedEntries;
  const rank = (entry: LabelEntry) => KIND_PRECEDENCE.indexOf(entry.kind);
  sortedEntries = Object.values(SITE_LABEL_FILES)
    .flatMap((file) => file.entries)
    .sort((a, b) => rank(a) - rank(b));
  return sortedEntries;
}

/** Builds the maps for one language on first use, so loading the module costs nothing. */
function compile(language: LabelLanguage): CompiledLanguage {
  const existing = compiled.get(language);
  if (existing) return existing;
  const result: CompiledLanguage = { labels: new Map(), byKind: new Map(), places: new Map() };
  for (const entry of allEntries()) {
    const rendering = entry[language] ?? entry.en;
    for (const text of [entry.zh, ...(entry.aliases ?? [])]) {
      if (!result.labels.has(text)) result.labels.set(text, rendering);
      result.byKind.set(`${entry.kind}\u0000${text}`, rendering);
      if (entry.kind === 'location') result.places.set(text, rendering);
    }
  }
  compiled.set(language, result);
  return result;
}

function lookUpExact(text: string, maps: CompiledLanguage, kind: LabelKind | undefined): string | undefined {
  return (kind && maps.byKind.get(`${kind}\u0000${text}`)) || maps.labels.get(text);
}

const TRAILING_ELLIPSIS = /^(.+?)(\.{3}|…+)$/;

/**
 * The site interface string `text` in the reader's language `to`, or undefined when it is not one
 * RedBridge knows (the caller then leaves it untouched), when `to` is Chinese, or when the rendering
 * would be the same text (`通知` in Japanese, a date already written the reader's way).
 *
 * Exact entries first (whitespace trimmed and collapsed; a trailing "..." or "…" is kept as written),
 * then the patterns with numbers: counts, comment totals, reply expanders, dates with an optional
 * place, the profile's IP location and ID. A reader language without a certain rendering gets English.
 */
export function translateLabel(
  text: string,
  to: LanguageCode,
  context: LabelContext = {},
): string | undefined {
  if (to === 'zh-CN') return undefined;
  const normalized = normalizeLabelText(text);
  if (normalized === '') return undefined;
  const maps = compile(to);
  let result = lookUpExact(normalized, maps, context.kind);
  const ellipsis = result === undefined ? TRAILING_ELLIPSIS.exec(normalized) : null;
  if (ellipsis) {
    const [, stem = '', dots = ''] = ellipsis;
    const rendering = lookUpExact(stem, maps, context.kind);
    if (rendering !== undefined) result = rendering + dots;
  }
  result ??= translatePattern(normalized, to, (place) => maps.places.get(place));
  return result === normalized ? undefined : result;
}
