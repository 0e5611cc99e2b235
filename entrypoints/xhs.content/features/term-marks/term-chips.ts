import type { TermCard } from '@/utils/glossary/term-card';
import { isFromReader } from '@/utils/overlay/trusted-events';

/**
 * Term chips, per the DOM contract: one `data-rb-term="<the term as written>"` button per explained
 * term, inside the unit's translation element, after the translation. Built with DOM APIs only.
 */

export const TERM_ATTRIBUTE = 'data-rb-term';
const CHIPS_CLASS = 'rb-terms';

export interface TermChipLabels {
  /** Accessible name of a chip: "Explain “V我50”". */
  explain: (term: string) => string;
  /** A short gloss in the reader's language shown after the term, when there is one. */
  gloss: (card: TermCard) => string | undefined;
}

/** Replaces the overlay's chips (if any) with one chip per card; no cards, no chip row. */
export function renderTermChips(
  overlay: HTMLElement,
  cards: readonly TermCard[],
  labels: TermChipLabels,
  onOpen: (card: TermCard, chip: HTMLElement) => void,
): void {
  overlay.querySelector(`:scope > .${CHIPS_CLASS}`)?.remove();
  if (cards.length === 0) return;
  const doc = overlay.ownerDocument;
  const row = doc.createElement('div');
  row.className = CHIPS_CLASS;
  for (const card of cards) {
    const chip = doc.createElement('button');
    chip.type = 'button';
    chip.className = card.kind === 'bundled' ? 'rb-term' : `rb-term rb-term-${card.kind}`;
    // A language model's note, marked as such on the page as well as in its popover.
    if (card.kind === 'ai') chip.setAttribute('data-rb-ai', '');
    chip.setAttribute(TERM_ATTRIBUTE, card.surface);
    chip.setAttribute('aria-haspopup', 'dialog');
    chip.setAttribute('aria-expanded', 'false');
    chip.setAttribute('aria-label', labels.explain(card.surface));
    const term = doc.createElement('span');
    term.className = 'rb-term-text';
    term.textContent = card.surface;
    chip.append(term);
    const gloss = labels.gloss(card);
    if (gloss) {
      const note = doc.createElement('span');
      note.className = 'rb-term-gloss';
      note.textContent = gloss;
      chip.append(note);
    }
    chip.addEventListener('click', (event) => {
      // The comment or card around us opens the note or a reply box on click: keep it out.
      event.preventDefault();
      event.stopPropagation();
      // Chips are in the page's reach: a script's click must not open the reader's term.
      if (isFromReader(event)) onOpen(card, chip);
    });
    row.append(chip);
  }
  overlay.append(row);
}
