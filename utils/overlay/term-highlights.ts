/**
 * Marks explained terms in the site's own text with the CSS Custom Highlight API: ranges over the
 * page's text nodes, painted by a `::highlight(rb-term)` rule, so no node of the site is touched.
 * Browsers without the API simply show no marks.
 */

export const TERM_HIGHLIGHT = 'rb-term';

interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): unknown;
}

interface HighlightRegistry {
  set(name: string, highlight: HighlightLike): unknown;
  delete(name: string): unknown;
}

/**
 * Ranges of each occurrence of `surfaces` in the text under `root`, across text-node boundaries.
 * They are `StaticRange`s: a live `Range` is updated by the browser on every DOM change anywhere in
 * the document, so hundreds of them held for a comment list made each node the site (or RedBridge)
 * inserts slower. Static ones cost nothing; a unit whose text changes is marked again anyway.
 */
export function findTermRanges(root: Element, surfaces: readonly string[]): StaticRange[] {
  const doc = root.ownerDocument;
  const StaticRangeClass = doc.defaultView?.StaticRange ?? StaticRange;
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    starts.push(text.length);
    text += (node as Text).data;
  }
  // Case-insensitive for English terms, unless lower-casing would move offsets (e.g. "İ").
  const lowered = text.toLowerCase();
  const folded = lowered.length === text.length;
  const haystack = folded ? lowered : text;
  const ranges: StaticRange[] = [];
  const locate = (offset: number, isEnd: boolean): [Text, number] => {
    // The node holding `offset` (for an end, the node holding the character before it).
    let low = 0;
    let high = nodes.length - 1;
    const target = isEnd ? offset - 1 : offset;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= target) low = middle;
      else high = middle - 1;
    }
    return [nodes[low]!, offset - starts[low]!];
  };
  for (const surface of new Set(surfaces)) {
    const needle = folded ? surface.toLowerCase() : surface;
    if (!needle) continue;
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
      const [startContainer, startOffset] = locate(at, false);
      const [endContainer, endOffset] = locate(at + needle.length, true);
      ranges.push(new StaticRangeClass({ startContainer, startOffset, endContainer, endOffset }));
    }
  }
  return ranges;
}

/**
 * One highlight for the page, holding only the ranges of units on screen: Chromium's paint work
 * grows with every range a highlight holds, and a long comment list would otherwise carry hundreds.
 * Each unit's ranges are computed once and enter or leave the highlight as the unit is seen.
 */
export class TermHighlighter {
  private readonly ranges = new Map<Element, StaticRange[]>();
  private readonly shown = new Set<Element>();
  private readonly highlight: HighlightLike | undefined;
  private readonly observer: IntersectionObserver | undefined;

  constructor(private readonly win: Window & typeof globalThis) {
    const registry = (win.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
    const HighlightClass = (win as unknown as { Highlight?: new () => HighlightLike }).Highlight;
    if (!registry || !HighlightClass) return;
    this.highlight = new HighlightClass();
    registry.set(TERM_HIGHLIGHT, this.highlight);
    const Observer = (win as unknown as { IntersectionObserver?: typeof IntersectionObserver })
      .IntersectionObserver;
    if (Observer) this.observer = new Observer((entries) => this.onIntersection(entries));
  }

  get supported(): boolean {
    return !!this.highlight;
  }

  /** Marks `surfaces` in `source` (replacing what was marked there before); none clears it. */
  mark(source: Element, surfaces: readonly string[]): void {
    if (!this.highlight) return;
    this.clear(source);
    if (surfaces.length === 0) return;
    const ranges = findTermRanges(source, surfaces);
    if (ranges.length === 0) return;
    this.ranges.set(source, ranges);
    if (this.observer) this.observer.observe(source);
    else this.show(source);
  }

  clear(source: Element): void {
    if (!this.ranges.has(source)) return;
    this.hide(source);
    this.observer?.unobserve(source);
    this.ranges.delete(source);
  }

  clearAll(): void {
    for (const source of [...this.ranges.keys()]) this.clear(source);
  }

  private onIntersection(entries: IntersectionObserverEntry[]): void {
    for (const { target, isIntersecting } of entries) {
      if (isIntersecting) this.show(target);
      // A unit that left the page takes its ranges with it.
      else if (!target.isConnected) this.clear(target);
      else this.hide(target);
    }
  }

  private show(source: Element): void {
    if (this.shown.has(source)) return;
    for (const range of this.ranges.get(source) ?? []) this.highlight?.add(range);
    this.shown.add(source);
  }

  private hide(source: Element): void {
    if (!this.shown.delete(source)) return;
    for (const range of this.ranges.get(source) ?? []) this.highlight?.delete(range);
  }
}
