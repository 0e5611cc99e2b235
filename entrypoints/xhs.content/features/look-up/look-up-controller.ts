import type { LanguageCode } from '@/utils/language/languages';
import type { PhraseInput } from '@/utils/learning/phrase-merge';
import type { LookUpRequest, LookUpResult } from '@/utils/learning/protocol';
import type { PhraseLanguage } from '@/utils/learning/records';
import type { TermExplanation } from '@/utils/translate/types';
import { readerOnly } from '@/utils/overlay/trusted-events';
import { LookUpPopover, type PopoverLabels } from './popover';
import { contextOfRange, readSelection, type SelectionContext } from './selection-context';
import { wordAt } from './word-at';

/** Alt+hover looks at the pointer at most this often. */
const HOVER_INTERVAL_MS = 80;

export interface LookUpControllerOptions {
  doc: Document;
  location: () => { pathname: string; href: string; origin: string };
  labels: PopoverLabels;
  lookUp: (request: LookUpRequest) => Promise<LookUpResult>;
  save: (input: PhraseInput) => Promise<{ created: boolean }>;
  /** Explains a term in its sentence with the reader's language model (when the answer offers it). */
  explain?: (request: { term: string; context: string; to: LanguageCode }) => Promise<TermExplanation>;
  /** How an explained term is kept in the reader's glossary; undefined when it cannot be. */
  keepTerm?: (term: {
    term: string;
    lang: PhraseLanguage;
    to: LanguageCode;
    explanation: TermExplanation;
  }) => (() => Promise<void>) | undefined;
}

/** What a look-up saves: the phrase, its meaning, and the sentence and page it came from. */
export function phraseToSave(result: LookUpResult, context: SelectionContext): PhraseInput {
  const firstSense = result.dictionary?.words[0]?.senses[0];
  const meaning = result.translation ?? firstSense?.definitions.slice(0, 3).join('; ') ?? '';
  const sentenceTranslation =
    result.sentenceTranslation ?? (context.sentence === result.text ? (result.translation ?? '') : '');
  return {
    text: result.text,
    lang: result.lang,
    pinyin: result.dictionary?.pinyin ?? '',
    meaning,
    context: { sentence: context.sentence, sentenceTranslation, url: context.url, title: context.title },
  };
}

/**
 * Opens the look-up popover when the reader selects text in a unit, with the mouse or the keyboard.
 * It only reads the selection: the selection, copying and the site's own pop-up are left alone.
 * Escape, the close button or a click elsewhere closes it. Only the reader's own input opens it:
 * the page's scripts can select text and dispatch events, but never with `isTrusted`.
 */
export class LookUpController {
  private readonly popover: LookUpPopover;
  private openText: string | undefined;
  /** Answers to an older selection are dropped when they arrive late. */
  private generation = 0;
  /** Present while started; aborting it removes every listener. */
  private abort: AbortController | undefined;
  private lastHover = -Infinity;
  /** The newest Alt+hover position not yet looked at, and the timer that will look at it. */
  private pendingHover: { x: number; y: number } | undefined;
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  /** The text the open popover is about; a live range, so it follows the page's layout. */
  private range: Range | undefined;
  /**
   * Whether the selection changed since the reader last pressed the mouse button or Shift. A press
   * that leaves it as it was (a click on a button) looks nothing up: a selection a page script
   * left behind does not wait for the reader's next click to be read.
   */
  private selectionMoved = false;

  /**
   * The popover follows its text when the page or the note scrolls, and closes once the text has
   * left the screen. Listened to only while it is open: every scroll of the page would otherwise
   * call into RedBridge. Not limited to the reader: it only reads where the text really is.
   */
  private readonly onScroll = (event: Event) => {
    if (this.popover.isOpen && !this.popover.contains(event.target as Node)) this.follow();
  };

  constructor(private readonly options: LookUpControllerOptions) {
    this.popover = new LookUpPopover(options.doc, options.labels);
  }

  setLabels(labels: PopoverLabels): void {
    this.popover.setLabels(labels);
  }

  start(): void {
    const { doc } = this.options;
    if (this.abort) return;
    this.abort = new AbortController();
    const signal = this.abort.signal;
    // Every trigger below hears the reader only: a page script's own selection plus a synthetic
    // mouseup, keyup or Alt+move must not look anything up (see trusted-events.ts).
    doc.addEventListener(
      'mousedown',
      readerOnly((event) => {
        this.selectionMoved = false;
        if (this.popover.isOpen && !this.popover.contains(event.target as Node)) this.popover.close();
      }),
      { capture: true, signal },
    );
    // Fired by the browser for every change, whoever made it; a script's own event is ignored.
    doc.addEventListener(
      'selectionchange',
      readerOnly(() => (this.selectionMoved = true)),
      { signal },
    );
    doc.addEventListener(
      'mouseup',
      readerOnly((event: MouseEvent) => {
        if (event.button !== 0 || this.popover.contains(event.target as Node)) return;
        // The selection is final only after the browser has handled the mouseup.
        setTimeout(() => this.fromSelection(false), 0);
      }),
      { signal },
    );
    doc.addEventListener(
      'keyup',
      readerOnly((event: KeyboardEvent) => {
        if (event.shiftKey || event.key === 'Shift') this.fromSelection(true);
      }),
      { signal },
    );
    // Alt+hover: the word under the pointer, without selecting anything.
    doc.addEventListener(
      'mousemove',
      readerOnly((event: MouseEvent) => {
        // Alt may have been let go outside the page, where its keyup never came.
        if (!event.altKey) this.popover.letPointerThrough(false);
        if (!event.altKey || event.buttons !== 0) return;
        // At most one look at the pointer per interval, and always at where it stopped: a move
        // that comes too soon is kept for the end of the interval, not dropped.
        this.pendingHover = { x: event.clientX, y: event.clientY };
        if (this.hoverTimer !== undefined) return;
        const wait = Math.max(0, this.lastHover + HOVER_INTERVAL_MS - event.timeStamp);
        this.hoverTimer = setTimeout(() => {
          this.hoverTimer = undefined;
          const point = this.pendingHover;
          this.pendingHover = undefined;
          this.lastHover = event.timeStamp + wait;
          if (point) this.fromPoint(point.x, point.y);
        }, wait);
      }),
      { passive: true, signal },
    );
    const win = doc.defaultView ?? window;
    // On the window, capturing: this Escape closes the popover, not the note under it as well.
    win.addEventListener(
      'keydown',
      readerOnly((event: KeyboardEvent) => {
        if (event.key === 'Shift') this.selectionMoved = false;
        if (event.key === 'Alt') this.popover.letPointerThrough(true);
        if (event.key !== 'Escape' || !this.popover.isOpen) return;
        event.stopPropagation();
        this.popover.close();
      }),
      { capture: true, signal },
    );
    // While Alt is held the pointer reads words through the popover: one opened for a word crossed
    // on the way may lie over the word the reader is heading for.
    win.addEventListener(
      'keyup',
      readerOnly((event: KeyboardEvent) => {
        if (event.key === 'Alt') this.popover.letPointerThrough(false);
      }),
      { capture: true, signal },
    );
    // Only ever gives the popover its clicks back, which a page script could not misuse.
    win.addEventListener('blur', () => this.popover.letPointerThrough(false), { signal });
  }

  /** The page moved to another note or list: a look-up about the old one closes, late answers too. */
  close(): void {
    this.generation++;
    this.popover.close();
  }

  stop(): void {
    this.abort?.abort();
    this.abort = undefined;
    clearTimeout(this.hoverTimer);
    this.hoverTimer = undefined;
    this.popover.letPointerThrough(false);
    this.popover.close();
  }

  private follow(): void {
    const range = this.range;
    if (!range || typeof range.getBoundingClientRect !== 'function') return;
    const box = range.getBoundingClientRect();
    const view = this.options.doc.defaultView;
    const offScreen =
      box.bottom < 0 || box.top > (view?.innerHeight ?? Infinity) || (box.width === 0 && box.height === 0);
    if (offScreen) this.popover.close();
    else this.popover.moveTo(box);
  }

  private fromSelection(byKeyboard: boolean): void {
    if (!this.selectionMoved) return;
    const { doc, location } = this.options;
    const selection = doc.getSelection();
    const context = readSelection(selection, location());
    if (!context || (this.popover.isOpen && context.text === this.openText)) return;
    this.range = selection!.getRangeAt(0).cloneRange();
    void this.show(context, byKeyboard);
  }

  /** The text node and offset of the character under a point, where the browser can tell. */
  private characterAt(x: number, y: number): { node: Text; offset: number } | null {
    const doc = this.options.doc as Document & {
      caretRangeFromPoint?: (x: number, y: number) => Range | null;
      caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    };
    const caret = doc.caretPositionFromPoint?.(x, y);
    const range = caret ? null : doc.caretRangeFromPoint?.(x, y);
    const node = caret?.offsetNode ?? range?.startContainer;
    const offset = caret?.offset ?? range?.startOffset ?? 0;
    if (!node || node.nodeType !== Node.TEXT_NODE) return null;
    // The caret sits between characters: take the one whose box holds the point.
    for (const candidate of [offset, offset - 1]) {
      if (candidate < 0 || candidate >= (node.textContent ?? '').length) continue;
      const char = doc.createRange();
      char.setStart(node, candidate);
      char.setEnd(node, candidate + 1);
      const box = typeof char.getBoundingClientRect === 'function' ? char.getBoundingClientRect() : null;
      if (!box || (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom))
        return { node: node as Text, offset: candidate };
    }
    return null;
  }

  private fromPoint(x: number, y: number): void {
    const { doc, location } = this.options;
    const hit = this.characterAt(x, y);
    if (!hit) return;
    const pointed = wordAt(hit.node.data, hit.offset);
    if (!pointed) return;
    const range = doc.createRange();
    range.setStart(hit.node, pointed.start);
    range.setEnd(hit.node, pointed.end);
    const context = contextOfRange(range, location());
    if (!context) return;
    const key = `${context.text}#${pointed.at ?? ''}`;
    if (this.popover.isOpen && key === this.openText) return;
    this.range = range;
    void this.show(context, false, pointed.at, key);
  }

  private async show(
    context: SelectionContext,
    byKeyboard: boolean,
    at?: number,
    key = context.text,
  ): Promise<void> {
    const generation = ++this.generation;
    this.openText = key;
    const { doc } = this.options;
    this.popover.open(context.rect, context.text, () => {
      this.openText = undefined;
      this.range = undefined;
      this.generation++;
      doc.removeEventListener('scroll', this.onScroll, { capture: true });
    });
    doc.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    let result: LookUpResult;
    try {
      result = await this.options.lookUp({
        text: context.text,
        sentence: context.sentence,
        ...(at !== undefined && { at }),
      });
    } catch (error) {
      if (generation === this.generation)
        this.popover.showError(context.text, error instanceof Error ? error.message : String(error));
      return;
    }
    if (generation !== this.generation) return;
    const { explain, keepTerm } = this.options;
    const to = result.explainIn;
    this.popover.showResult(
      result,
      async () => ((await this.options.save(phraseToSave(result, context))).created ? 'created' : 'merged'),
      explain && to
        ? {
            explain: () => explain({ term: result.text, context: context.sentence, to }),
            keeping: (explanation) => keepTerm?.({ term: result.text, lang: result.lang, to, explanation }),
          }
        : undefined,
    );
    if (byKeyboard) this.popover.focus();
  }
}
