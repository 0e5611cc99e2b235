import { collapseWhitespace, readRichText } from './note-text';
import { NOTE_ID_PATTERN, SELECTORS, UNIT_SOURCE_SELECTOR, UNIT_SOURCE_TAIL_SELECTOR } from './selectors';

export type UnitKind = 'card-title' | 'note-title' | 'note-body' | 'comment' | 'reply' | 'profile-bio';

/** One translatable piece of page text, with a key that stays stable across re-renders. */
export interface Unit {
  /** `note:<id>:title`, `note:<id>:body`, `comment:<id>`, `card:<noteId>`, `profile:<uid>:bio`. */
  key: string;
  kind: UnitKind;
  /** The site's element holding the text; the overlay is inserted right after it. */
  source: Element;
  /** Plain-text segments to translate: paragraphs first, then hashtag names. */
  segments: string[];
  /** How many of `segments` are paragraphs (the rest are hashtags). */
  paragraphCount: number;
  /** Nickname in a reply's "回复 X：" prefix, shown untranslated in the overlay. */
  replyTo?: string;
  /** Mentions as written, to keep them untranslated. */
  mentions: string[];
  /** Fingerprint of the unit's text: a change means the translation must be redone. */
  text: string;
}

/** Where the page is, for units whose id lives in the URL (standalone note pages, profiles). */
export interface PageLocation {
  pathname: string;
}

const warned = new Set<string>();
/** Reports a page shape the adapter does not recognize, once per kind, and keeps going. */
export function warnOnce(kind: string, message: string): void {
  if (warned.has(kind)) return;
  warned.add(kind);
  console.warn(`[RedBridge] ${message}`);
}

function noteIdFromPath(pathname: string): string | undefined {
  // /explore/<id>, /discovery/item/<id>, /search_result/<id>, /user/profile/<uid>/<id>
  const last = pathname.split('/').filter(Boolean).pop();
  return last && NOTE_ID_PATTERN.test(last) && last.length === 24 ? last.toLowerCase() : undefined;
}

function noteIdFor(element: Element, location: PageLocation): string | undefined {
  const modal = element.closest(SELECTORS.noteModal);
  return modal?.getAttribute('note-id') ?? noteIdFromPath(location.pathname);
}

/** The note a feed card shows: its `data-note-id` (2026), or the id in its links (2025). */
function cardNoteId(card: Element): string | undefined {
  const attribute = card.getAttribute(SELECTORS.cardNoteIdAttribute);
  if (attribute && /^[0-9a-f]{24}$/i.test(attribute)) return attribute.toLowerCase();
  for (const link of card.querySelectorAll(SELECTORS.cardNoteLink)) {
    const match = link.getAttribute('href')?.match(/\/([0-9a-f]{24})(?:[?#/]|$)/i);
    if (match) return match[1]!.toLowerCase();
  }
  return undefined;
}

function plainUnit(key: string, kind: UnitKind, source: Element, segments: string[]): Unit | null {
  if (segments.length === 0) return null;
  return {
    key,
    kind,
    source,
    segments,
    paragraphCount: segments.length,
    mentions: [],
    text: segments.join('\n'),
  };
}

function noteUnit(source: Element, location: PageLocation): Unit | null {
  const noteId = noteIdFor(source, location);
  if (!noteId) {
    warnOnce('note-id', 'Could not find the id of an open note; its title and body are skipped.');
    return null;
  }
  if (source.id === 'detail-title') {
    return plainUnit(
      `note:${noteId}:title`,
      'note-title',
      source,
      [collapseWhitespace(source.textContent ?? '')].filter(Boolean),
    );
  }
  const noteText = source.querySelector(SELECTORS.noteText);
  if (!noteText) {
    warnOnce('note-body', 'A note body without span.note-text: the layout may have changed.');
    return null;
  }
  const rich = readRichText(noteText, true);
  const segments = [...rich.paragraphs, ...rich.hashtags];
  if (segments.length === 0) return null;
  return {
    key: `note:${noteId}:body`,
    kind: 'note-body',
    source,
    segments,
    paragraphCount: rich.paragraphs.length,
    mentions: rich.mentions,
    text: segments.join('\n'),
  };
}

function commentUnit(source: Element): Unit | null {
  const item = source.closest(SELECTORS.commentItem);
  const id = item?.id.replace(/^comment-/, '');
  const noteText = source.querySelector(SELECTORS.noteText);
  if (!item || !id || !noteText) {
    warnOnce('comment', 'A comment without an id or span.note-text: the layout may have changed.');
    return null;
  }
  const rich = readRichText(noteText, false);
  if (rich.paragraphs.length === 0) return null;
  const nickname = source.querySelector(`:scope > ${SELECTORS.replyNickname}`);
  const isReply = !!item.closest(SELECTORS.replyContainer) || item.classList.contains('comment-item-sub');
  return {
    key: `comment:${id}`,
    kind: isReply ? 'reply' : 'comment',
    source,
    segments: rich.paragraphs,
    paragraphCount: rich.paragraphs.length,
    replyTo: nickname ? collapseWhitespace(nickname.textContent ?? '') || undefined : undefined,
    mentions: rich.mentions,
    text: rich.paragraphs.join('\n'),
  };
}

/**
 * A feed card's title, keyed by its note: a recycled card that shows another note is another unit.
 * Live cards and hot-search blocks are not notes, and a card whose note cannot be told is skipped
 * rather than keyed by its text, so no translation can follow a card to the wrong note.
 */
function cardUnit(source: Element): Unit | null {
  const card = source.closest(SELECTORS.card);
  if (!card || card.matches(SELECTORS.nonNoteCard)) return null;
  const noteId = cardNoteId(card);
  const title = collapseWhitespace(source.textContent ?? '');
  if (!noteId || !title) return null;
  return plainUnit(`card:${noteId}`, 'card-title', source, [title]);
}

function bioUnit(source: Element, location: PageLocation): Unit | null {
  const uid = location.pathname.match(/\/user\/profile\/([0-9a-z]+)/i)?.[1] ?? 'unknown';
  const lines = (source.textContent ?? '').split('\n').map(collapseWhitespace).filter(Boolean);
  return plainUnit(`profile:${uid}:bio`, 'profile-bio', source, lines);
}

/** Builds the unit for one source element (one of UNIT_SOURCE_SELECTOR), or null if it has no text. */
export function unitFromSource(source: Element, location: PageLocation): Unit | null {
  try {
    if (source.matches(SELECTORS.commentContent)) return commentUnit(source);
    if (source.matches(SELECTORS.cardTitle)) return cardUnit(source);
    if (source.matches(SELECTORS.profileBio)) return bioUnit(source, location);
    if (source.matches(`${SELECTORS.noteTitle}, ${SELECTORS.noteBody}`)) return noteUnit(source, location);
  } catch (error) {
    warnOnce(`unit-error:${source.tagName}`, `Skipped a unit the adapter could not read: ${String(error)}`);
  }
  return null;
}

/** Every unit source inside `root` (and `root` itself when it is one). */
export function findUnitSources(root: ParentNode): Element[] {
  const found = Array.from(root.querySelectorAll(UNIT_SOURCE_SELECTOR));
  if ((root as Node).nodeType === 1 && (root as Element).matches(UNIT_SOURCE_SELECTOR))
    found.unshift(root as Element);
  return found;
}

/**
 * Whether a subtree the page removed may have taken unit sources with it. Loose on purpose (by the
 * sources' own class or id): a yes costs one pass over the units, a wrong no would leave one behind.
 */
export function mayHoldUnitSource(removed: Element): boolean {
  return (
    removed.matches(UNIT_SOURCE_TAIL_SELECTOR) || removed.querySelector(UNIT_SOURCE_TAIL_SELECTOR) !== null
  );
}

/**
 * The unit sources whose unit an attribute change on `target` changes (a reused card's new note id):
 * read again as a whole, like a change in their text.
 */
export function sourcesChangedWith(target: Element): Element[] {
  return findUnitSources(target);
}

/** The unit source that contains `node`, if any: where a text change inside a unit lands. */
export function enclosingUnitSource(node: Node): Element | null {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return element?.closest(UNIT_SOURCE_SELECTOR) ?? null;
}

/** All units under `root`, in document order. */
export function collectUnits(root: ParentNode, location: PageLocation): Unit[] {
  const units: Unit[] = [];
  for (const source of findUnitSources(root)) {
    const unit = unitFromSource(source, location);
    if (unit) units.push(unit);
  }
  return units;
}

/**
 * The note a node is part of (an open modal, or the note page itself), for a link back to it:
 * its id when known, and its title text. Elsewhere (feed, profile) both are empty.
 */
export function noteAround(node: Node, location: PageLocation): { noteId?: string; title: string } {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  const modal = element?.closest(SELECTORS.noteModal);
  const scope: ParentNode = modal ?? element?.ownerDocument ?? document;
  const titleElement = scope.querySelector(SELECTORS.noteTitle);
  const noteId =
    modal?.getAttribute('note-id') ?? (titleElement ? noteIdFromPath(location.pathname) : undefined);
  return { noteId: noteId ?? undefined, title: collapseWhitespace(titleElement?.textContent ?? '') };
}
