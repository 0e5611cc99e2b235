import type { DisplayMode } from '../settings-schema';
import type { Unit } from '../xhs/units';

/**
 * The element that shows one unit's translation, per the DOM contract: `data-rb-translation`,
 * `data-rb-state` (pending | done | error) and `lang`, placed right after the unit's source element.
 * Everything in it is built with DOM APIs and `textContent`: page and provider text is never HTML.
 */

export type OverlayState = 'pending' | 'done' | 'error';

export interface OverlayLabels {
  translating: string;
  retry: string;
  failed: (reason: string) => string;
  /** A short reason in the reader's interface language for a kind of failure, when one is known. */
  reason: (kind: string) => string | undefined;
  replyTo: (name: string) => string;
}

export const OVERLAY_ATTRIBUTE = 'data-rb-translation';
export const OVERLAY_SELECTOR = `[${OVERLAY_ATTRIBUTE}]`;

export function isOverlay(node: Node | null | undefined): node is HTMLElement {
  return !!node && node.nodeType === 1 && (node as Element).hasAttribute(OVERLAY_ATTRIBUTE);
}

/**
 * Blank overlays with their fixed attributes (and a pending one's placeholder), one per document and
 * kind of unit, reader language, display mode and state: cloning one costs a single DOM call where
 * setting each attribute costs one apiece, and a long comment list makes hundreds of overlays.
 */
const blanks = new WeakMap<Document, Map<string, HTMLElement>>();

export function createOverlay(
  doc: Document,
  unit: Unit,
  lang: string,
  mode: DisplayMode,
  state: OverlayState,
  labels: OverlayLabels,
): HTMLElement {
  let perDocument = blanks.get(doc);
  if (!perDocument) blanks.set(doc, (perDocument = new Map()));
  const placeholder = state === 'pending' ? labels.translating : '';
  const key = `${unit.kind}\u0000${lang}\u0000${mode}\u0000${state}\u0000${placeholder}`;
  let blank = perDocument.get(key);
  if (!blank) {
    blank = doc.createElement('div');
    blank.setAttribute(OVERLAY_ATTRIBUTE, '');
    // Keep the site's selection search pop-up away from our text (the site honours this attribute).
    blank.setAttribute('selected-disabled-search', '');
    blank.className = `rb-translation rb-${unit.kind}`;
    blank.setAttribute('data-rb-mode', mode);
    blank.lang = lang;
    if (state === 'pending') renderPending(blank, labels);
    else setState(blank, state);
    perDocument.set(key, blank);
  }
  const element = blank.cloneNode(state === 'pending') as HTMLElement;
  element.setAttribute('data-rb-key', unit.key);
  return element;
}

/**
 * Whether the unit's source is hidden behind its translation (translation-only mode, once done),
 * read from the overlay's attributes rather than from layout.
 */
export function hidesSource(source: Element): boolean {
  const overlay = source.nextElementSibling;
  return (
    isOverlay(overlay) &&
    overlay.getAttribute('data-rb-mode') === 'translation-only' &&
    overlay.getAttribute('data-rb-state') === 'done'
  );
}

/**
 * Points an existing overlay at a (possibly new) unit and language. Writes only what changed: each
 * attribute write invalidates style, and this runs for every unit the page re-renders.
 */
export function retargetOverlay(element: HTMLElement, unit: Unit, lang: string): void {
  if (element.getAttribute('data-rb-key') !== unit.key) element.setAttribute('data-rb-key', unit.key);
  const className = `rb-translation rb-${unit.kind}`;
  if (element.className !== className) element.className = className;
  if (element.getAttribute('lang') !== lang) element.lang = lang;
}

function setState(element: HTMLElement, state: OverlayState): void {
  if (element.getAttribute('data-rb-state') === state) return;
  element.setAttribute('data-rb-state', state);
  element.setAttribute('aria-busy', state === 'pending' ? 'true' : 'false');
}

export function renderPending(element: HTMLElement, labels: OverlayLabels): void {
  setState(element, 'pending');
  const placeholder = element.ownerDocument.createElement('span');
  placeholder.className = 'rb-pending';
  placeholder.textContent = labels.translating;
  element.replaceChildren(placeholder);
}

/**
 * Shows the translation: one line per paragraph, hashtags as "#name" after them, and a reply's
 * "回复 X：" prefix rendered in the reader's language with the nickname left as written.
 * Segments already in the reader's language (`verbatim`) are kept, marked `rb-same`: shown when
 * the translation replaces the original, hidden when it sits below it.
 */
export function renderDone(
  element: HTMLElement,
  unit: Unit,
  translations: string[],
  labels: OverlayLabels,
  verbatim: boolean[] = [],
): void {
  const doc = element.ownerDocument;
  setState(element, 'done');
  const children: Node[] = [];
  const paragraphs = translations.slice(0, unit.paragraphCount);
  paragraphs.forEach((text, index) => {
    const paragraph = doc.createElement('div');
    paragraph.className = verbatim[index] ? 'rb-paragraph rb-same' : 'rb-paragraph';
    if (index === 0 && unit.replyTo) {
      const prefix = doc.createElement('span');
      prefix.className = 'rb-reply-to';
      prefix.textContent = `${labels.replyTo(unit.replyTo)} `;
      paragraph.append(prefix, text);
    } else paragraph.textContent = text;
    children.push(paragraph);
  });
  const hashtags = translations.slice(unit.paragraphCount);
  if (hashtags.length > 0) {
    const line = doc.createElement('div');
    line.className = 'rb-hashtags';
    hashtags.forEach((tag, index) => {
      const chip = doc.createElement('span');
      chip.className = verbatim[unit.paragraphCount + index] ? 'rb-hashtag rb-same' : 'rb-hashtag';
      chip.textContent = `#${tag.replace(/^#\s*/, '')}`;
      line.append(chip);
    });
    children.push(line);
  }
  element.replaceChildren(...children);
  if (unit.kind === 'card-title') element.title = translations.join(' ');
}

export function renderError(
  element: HTMLElement,
  reason: string,
  labels: OverlayLabels,
  onRetry: () => void,
): void {
  const doc = element.ownerDocument;
  setState(element, 'error');
  const message = doc.createElement('span');
  message.className = 'rb-error-message';
  message.textContent = labels.failed(reason);
  const retry = doc.createElement('button');
  retry.type = 'button';
  retry.className = 'rb-retry';
  retry.textContent = labels.retry;
  retry.addEventListener('click', (event) => {
    // The card or comment around us has its own click handlers (open note, reply): keep them out.
    event.preventDefault();
    event.stopPropagation();
    onRetry();
  });
  element.replaceChildren(message, retry);
}

export function setOverlayMode(element: HTMLElement, mode: DisplayMode): void {
  if (element.getAttribute('data-rb-mode') !== mode) element.setAttribute('data-rb-mode', mode);
}
