/** The attribute a relabelled element carries: its original text, shown on hover or focus. */
export const LABEL_ATTRIBUTE = 'data-rb-label';

const HAN = /\p{Script=Han}/u;

export interface SiteLabelerOptions {
  doc: Document;
  /** The site's interface elements (from the site adapter); only their own text nodes change. */
  selector: string;
  /** The label in the reader's language, or undefined for a string the dictionary lacks. */
  translate(text: string, element: Element): string | undefined;
  /** A label the dictionary lacks, once per string: left as it is, and reported for the dictionary. */
  onUnknown?(text: string): void;
  /** Elements RedBridge itself adds (translations, bars): nothing in them is the site's. */
  ownElements?: string;
}

interface Written {
  /** The text node's data as the site wrote it. */
  original: string;
  /** What it holds now: the original with the label in the reader's language. */
  written: string;
}

/**
 * Shows the site's own interface in the reader's language, in place. The site (Vue) owns these text
 * nodes and updates them later (a count goes from 60 to 61), so each keeps its identity: only its
 * data changes, and a change the site makes afterwards is read as the new original and labelled
 * again. Stopping writes every original back exactly as it was.
 */
export class SiteLabeler {
  private readonly labeled = new Map<Text, Written>();
  private readonly marked = new Set<Element>();
  private readonly unknown = new Set<string>();
  private readonly observer: MutationObserver;
  /** Past this many entries, those whose node the site has removed are forgotten. */
  private sweepAt = 512;

  constructor(private readonly options: SiteLabelerOptions) {
    const view = options.doc.defaultView!;
    this.observer = new view.MutationObserver((records) => this.changed(records));
  }

  start(): void {
    const { body } = this.options.doc;
    this.labelWithin(body);
    this.observer.observe(body, { childList: true, subtree: true, characterData: true });
  }

  /** Stops following the page and puts every original text back. */
  stop(): void {
    this.observer.disconnect();
    for (const [node, { original, written }] of this.labeled) {
      // A text the site has since replaced is the site's; leave it.
      if (node.data === written) node.data = original;
    }
    for (const element of this.marked) element.removeAttribute(LABEL_ATTRIBUTE);
    this.labeled.clear();
    this.marked.clear();
  }

  /** How many text nodes show a label in the reader's language now. */
  get count(): number {
    return this.labeled.size;
  }

  private changed(records: MutationRecord[]): void {
    const elements = new Set<Element>();
    for (const record of records) {
      if (record.type === 'characterData') {
        const parent = record.target.parentElement;
        if (parent) elements.add(parent);
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType === 3 && node.parentElement) elements.add(node.parentElement);
        else if (node.nodeType === 1 && !this.isOwn(node as Element)) this.collect(node as Element, elements);
      }
    }
    for (const element of elements) if (element.matches(this.options.selector)) this.label(element);
    // Our own writes come back as records: drop them, they are already in place.
    this.observer.takeRecords();
    if (this.labeled.size > this.sweepAt) this.sweep();
  }

  /** Forgets labels of nodes the site removed, so a long session does not keep them alive. */
  private sweep(): void {
    for (const node of this.labeled.keys()) if (!node.isConnected) this.labeled.delete(node);
    for (const element of this.marked) if (!element.isConnected) this.marked.delete(element);
    this.sweepAt = Math.max(512, this.labeled.size * 2);
  }

  private labelWithin(root: Element): void {
    const elements = new Set<Element>();
    this.collect(root, elements);
    for (const element of elements) this.label(element);
  }

  private isOwn(element: Element): boolean {
    return !!this.options.ownElements && element.matches(this.options.ownElements);
  }

  private collect(root: Element, into: Set<Element>): void {
    if (root.matches(this.options.selector)) into.add(root);
    for (const element of root.querySelectorAll(this.options.selector)) into.add(element);
  }

  /** Relabels the element's own text nodes; its attribute holds their original text. */
  private label(element: Element): void {
    const originals: string[] = [];
    for (const child of element.childNodes) {
      if (child.nodeType !== 3) continue;
      const node = child as Text;
      const known = this.labeled.get(node);
      if (known && node.data === known.written) {
        originals.push(known.original);
        continue;
      }
      // New, or changed by the site since: its data now is the original.
      const original = node.data;
      const label = original.trim();
      // The site's interface speaks Chinese: a text without it (a bare count, a date) stays as it is.
      const chinese = HAN.test(label);
      const translated = chinese ? this.options.translate(label.replace(/\s+/g, ' '), element) : undefined;
      if (translated === undefined) {
        this.labeled.delete(node);
        if (chinese) this.reportUnknown(label);
        continue;
      }
      const written = original.replace(label, translated);
      this.labeled.set(node, { original, written });
      if (node.data !== written) node.data = written;
      originals.push(original);
    }
    const text = originals.join('').trim();
    if (text) {
      if (element.getAttribute(LABEL_ATTRIBUTE) !== text) element.setAttribute(LABEL_ATTRIBUTE, text);
      this.marked.add(element);
    } else if (this.marked.delete(element)) {
      element.removeAttribute(LABEL_ATTRIBUTE);
    }
  }

  private reportUnknown(label: string): void {
    if (this.unknown.has(label)) return;
    this.unknown.add(label);
    this.options.onUnknown?.(label);
  }
}
