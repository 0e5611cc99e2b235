/**
 * The site's comment editor as RedBridge writes into it. A draft is read as slots: the text
 * between the elements it keeps exactly (a mention Tribute inserted, an emoji picture), so a
 * translation replaces the words and leaves those elements, and the site's data in them, alone.
 *
 * Text goes in the way the reader's own typing or pasting arrives, so the site's model (Vue's, which
 * learns the draft from input events) sees it. Each way of inserting is one method here; which to
 * use, and whether it took, is decided in `draft-writer.ts`.
 */
export type InsertionMethod =
  /** The browser's own editing command: input events exactly as typing makes them. */
  | 'input-command'
  /** A paste event carrying the text, for editors that insert pasted text themselves. */
  | 'paste'
  /** The text set directly, announced with `beforeinput` and `input` events. */
  | 'input-event';

export interface EditorField {
  readonly element: HTMLElement;
  /** The draft's text between kept elements, in order (one slot more than there are kept elements). */
  slots(): string[];
  /** How each kept element reads (a mention's name, an emoji's code), in order. */
  keptTexts(): string[];
  /** Replaces one slot's text by `method`; false when the method could not run at all here. */
  replaceSlot(index: number, text: string, method: InsertionMethod): boolean;
}

/** The draft as it reads: its slots with the kept elements' text between them, spaces plain. */
export function draftText(slots: readonly string[], kept: readonly string[]): string {
  return slots
    .map((slot, index) => slot + (kept[index] ?? ''))
    .join('')
    .replace(/\u00a0/g, ' ');
}

/** Text as the site posts it compares equal whatever spaces the browser's editing made hard. */
export function sameDraftText(a: string, b: string): boolean {
  return a.replace(/\u00a0/g, ' ') === b.replace(/\u00a0/g, ' ');
}

function pasteEvent(view: Window & typeof globalThis, text: string): ClipboardEvent | undefined {
  try {
    const data = new view.DataTransfer();
    data.setData('text/plain', text);
    return new view.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
  } catch {
    return undefined;
  }
}

/**
 * Replaces the selection as typing would. `execCommand` is deprecated but remains the one way to
 * edit as the reader's own typing does, undo history included; where it is missing it did not run.
 */
function editingCommand(doc: Document, text: string): boolean {
  if (typeof doc.execCommand !== 'function') return false;
  try {
    return text ? doc.execCommand('insertText', false, text) : doc.execCommand('delete');
  } catch {
    return false;
  }
}

/** Announces a direct change the way the browser would; false when the site refused it. */
function announce(target: HTMLElement, text: string, change: () => void): boolean {
  const view = target.ownerDocument.defaultView as Window & typeof globalThis;
  const init = { bubbles: true, inputType: 'insertReplacementText', data: text };
  const before = new view.InputEvent('beforeinput', { ...init, cancelable: true });
  if (!target.dispatchEvent(before)) return false;
  change();
  target.dispatchEvent(new view.InputEvent('input', init));
  return true;
}

/** A `contenteditable` editor such as the note's comment box. */
export class ContentEditableField implements EditorField {
  constructor(
    readonly element: HTMLElement,
    /** Elements kept as they are (site adapter: mentions, emoji pictures). */
    private readonly keptSelector: string,
  ) {}

  private kept(): Element[] {
    // Only the outermost: a mention's inner link is part of the mention.
    return [...this.element.querySelectorAll(this.keptSelector)].filter((element) => {
      const outer = element.parentElement?.closest(this.keptSelector);
      return !outer || !this.element.contains(outer);
    });
  }

  keptTexts(): string[] {
    return this.kept().map((element) => element.textContent || element.getAttribute('alt') || '');
  }

  slots(): string[] {
    const slots = [''];
    const walk = (node: Node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) slots[slots.length - 1] += (child as Text).data;
        else if (child.nodeType !== Node.ELEMENT_NODE) continue;
        else if ((child as Element).matches(this.keptSelector)) slots.push('');
        else if ((child as Element).localName === 'br') {
          // The line break an editor keeps at the very end to hold the caret is not text.
          if (child.nextSibling || child.parentNode !== this.element) slots[slots.length - 1] += '\n';
        } else walk(child);
      }
    };
    walk(this.element);
    return slots;
  }

  private rangeOf(index: number): Range {
    const kept = this.kept();
    const range = this.element.ownerDocument.createRange();
    range.selectNodeContents(this.element);
    const before = kept[index - 1];
    const after = kept[index];
    if (before) range.setStartAfter(before);
    if (after) range.setEndBefore(after);
    return range;
  }

  replaceSlot(index: number, text: string, method: InsertionMethod): boolean {
    const doc = this.element.ownerDocument;
    const view = doc.defaultView as Window & typeof globalThis;
    const range = this.rangeOf(index);
    if (method === 'input-event') {
      return announce(this.element, text, () => {
        range.deleteContents();
        if (text) range.insertNode(doc.createTextNode(text));
      });
    }
    this.element.focus({ preventScroll: true });
    const selection = doc.getSelection();
    if (!selection) return false;
    selection.removeAllRanges();
    selection.addRange(range);
    if (method === 'paste') {
      const event = pasteEvent(view, text);
      // An editor that inserts pasted text itself cancels the event; otherwise nothing happened.
      return !!event && !this.element.dispatchEvent(event);
    }
    return editingCommand(doc, text);
  }
}

/** A plain `textarea`, such as the notification page's reply box. */
export class TextAreaField implements EditorField {
  constructor(readonly element: HTMLTextAreaElement) {}

  slots(): string[] {
    return [this.element.value];
  }

  keptTexts(): string[] {
    return [];
  }

  replaceSlot(_index: number, text: string, method: InsertionMethod): boolean {
    const field = this.element;
    const doc = field.ownerDocument;
    if (method === 'paste') return false;
    if (method === 'input-event') {
      const view = doc.defaultView as Window & typeof globalThis;
      // The prototype's setter, as typing sets it: a framework's own setter on the element is skipped.
      const setter = Object.getOwnPropertyDescriptor(view.HTMLTextAreaElement.prototype, 'value')?.set;
      return announce(field, text, () => (setter ? setter.call(field, text) : (field.value = text)));
    }
    field.focus({ preventScroll: true });
    field.select();
    return editingCommand(doc, text);
  }
}
