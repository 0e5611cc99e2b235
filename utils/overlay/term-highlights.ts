/**
 * Marks explained terms in the site's own text with the CSS Custom Highlight API: ranges over the
 * page's text nodes, painted by a `::highlight(rb-term)` rule, so no node of the site is touched.
 * Browsers without the API simply show no marks.
 */

export const TERM_HIGHLIGHT = 'rb-term';

interface HighlightLike {
  add(range: Range): unknown;
  delete(range: Range): unknown;
}

interface HighlightRegistry {
  set(name: string, highlight: HighlightLike): unknown;
  delete(name: string): unknown;
}

/** Ranges of each occurrence of `surfaces` in the text under `root`, across text-node boundaries. */
export function findTermRanges(root: Element, surfaces: readonly string[]): Range[] {
  const doc = root.ownerDocument;
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
  const ranges: Range[] = [];
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
      const range = doc.createRange();
      range.setStart(...locate(at, false));
      range.setEnd(...locate(at + needle.length, true));
      ranges.push(range);
    }
  }
  return ranges;
}

/** One highlight for the page; each unit's ranges are replaced as its terms change. */
export class TermHighlighter {
  private readonly ranges = new Map<Element, Range[]>();
  private readonly highlight: HighlightLike | undefined;

  constructor(private readonly win: Window & typeof globalThis) {
    const registry = (win.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
    const HighlightClass = (win as unknown as { Highlight?: new () => HighlightLike }).Highlight;
    if (registry && HighlightClass) {
      this.highlight = new HighlightClass();
      registry.set(TERM_HIGHLIGHT, this.highlight);
    }
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
    for (const range of ranges) this.highlight.add(range);
    if (ranges.length) this.ranges.set(source, ranges);
    // Units that left the page take their ranges with them.
    for (const element of this.ranges.keys()) if (!element.isConnected) this.clear(element);
  }

  clear(source: Element): void {
    const ranges = this.ranges.get(source);
    if (!ranges) return;
    for (const range of ranges) this.highlight?.delete(range);
    this.ranges.delete(source);
  }

  clearAll(): void {
    for (const source of [...this.ranges.keys()]) this.clear(source);
  }
}
