import { OVERLAY_SELECTOR } from '@/utils/overlay/overlay-element';
import { enclosingUnitSource, noteAround, type PageLocation } from '@/utils/xhs/units';
import { sentenceAround } from './sentence';

/** A selection the reader can look up: its text, the sentence around it, and where it is. */
export interface SelectionContext {
  text: string;
  sentence: string;
  url: string;
  title: string;
  /** Where the selection is on screen, to place the popover next to it. */
  rect: { top: number; bottom: number; left: number; right: number };
}

/** Longest selection worth a popover: a phrase or a sentence, not a whole note. */
export const MAX_SELECTION = 120;

/** The unit source or translation overlay holding a node: the only places look-up answers. */
function lookUpScope(node: Node): Element | null {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return enclosingUnitSource(node) ?? element?.closest(OVERLAY_SELECTOR) ?? null;
}

/**
 * The look-up context of a range inside one unit (a note's title or body, a comment, a card title,
 * a bio) or inside one of our translations; null when it is anywhere else.
 */
export function contextOfRange(
  range: Range,
  location: PageLocation & { href: string; origin: string },
): SelectionContext | null {
  const text = range.toString().replace(/\s+/g, ' ').trim();
  if (!text || text.length > MAX_SELECTION) return null;
  const scope = lookUpScope(range.startContainer);
  if (!scope || scope !== lookUpScope(range.endContainer)) return null;

  const doc = scope.ownerDocument;
  const before = doc.createRange();
  before.selectNodeContents(scope);
  before.setEnd(range.startContainer, range.startOffset);
  const whole = doc.createRange();
  whole.selectNodeContents(scope);
  const start = before.toString().length;
  const sentence = sentenceAround(whole.toString(), start, start + range.toString().length);

  const note = noteAround(scope, location);
  // Ranges have no layout box outside a real browser (jsdom): fall back to the unit's.
  const box =
    typeof range.getBoundingClientRect === 'function'
      ? range.getBoundingClientRect()
      : scope.getBoundingClientRect();
  return {
    text,
    sentence: sentence || text,
    url: note.noteId ? `${location.origin}/explore/${note.noteId}` : location.href,
    title: note.title || doc.title,
    rect: { top: box.top, bottom: box.bottom, left: box.left, right: box.right },
  };
}

/** The current selection's look-up context, when it lies inside one unit or translation. */
export function readSelection(
  selection: Selection | null,
  location: PageLocation & { href: string; origin: string },
): SelectionContext | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  return contextOfRange(selection.getRangeAt(0), location);
}
