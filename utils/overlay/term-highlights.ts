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

/** How often, at most, the marks follow the page while it scrolls. */
const CHECK_INTERVAL_MS = 120;

export interface TermHighlighterOptions {
  /**
   * The scroll container an element scrolls in (null for the window). Within one container, units
   * lie top to bottom in document order, which lets a check find the ones on screen by bisection.
   */
  findScroller?: (element: Element) => Element | null;
}

/**
 * One highlight for the page, holding only the ranges of units on screen: Chromium's paint work
 * grows with every range a highlight holds, and a long comment list would otherwise carry hundreds.
 *
 * Which units are on screen is checked after the page scrolls, at most every 120 ms and right
 * after a layout, by bisecting the marked units of each scroll container in document order: a
 * dozen or two boxes read per check. An IntersectionObserver would make the browser compute the
 * geometry of every marked unit on every frame (≈ 0.35 ms a frame on a 1,000-comment note, more
 * than all of RedBridge's scripting there).
 */
export class TermHighlighter {
  private readonly ranges = new Map<Element, StaticRange[]>();
  /** Marked sources per scroll container, in document order. */
  private readonly groups = new Map<Element | null, Element[]>();
  private readonly groupOf = new Map<Element, Element | null>();
  private readonly shown = new Set<Element>();
  private readonly highlight: HighlightLike | undefined;
  private checkTimer: ReturnType<typeof setTimeout> | undefined;
  /** Reports the page's root element after the next layout whenever it starts observing it. */
  private readonly afterLayout: ResizeObserver | undefined;
  private waitingForLayout = false;
  private lastCheck = -Infinity;
  private disposed = false;
  private listening = false;
  private readonly onViewportChange = () => this.scheduleCheck();

  constructor(
    private readonly win: Window & typeof globalThis,
    private readonly options: TermHighlighterOptions = {},
  ) {
    const registry = (win.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
    const HighlightClass = (win as unknown as { Highlight?: new () => HighlightLike }).Highlight;
    if (!registry || !HighlightClass || !win.ResizeObserver) return;
    this.highlight = new HighlightClass();
    registry.set(TERM_HIGHLIGHT, this.highlight);
    this.afterLayout = new win.ResizeObserver(() => {
      this.afterLayout?.disconnect();
      this.waitingForLayout = false;
      this.lastCheck = this.win.performance.now();
      this.check();
    });
  }

  /**
   * Scroll events do not bubble: captured at the window, they come from any scroller (a note's
   * `.note-scroller` scrolls while the window does not). Listened to only while there are marks: a
   * page without terms, or with RedBridge switched off, is never called on scroll.
   */
  private syncListening(): void {
    const wanted = !this.disposed && this.ranges.size > 0;
    if (wanted === this.listening) return;
    this.listening = wanted;
    if (wanted) {
      this.win.addEventListener('scroll', this.onViewportChange, { capture: true, passive: true });
      this.win.addEventListener('resize', this.onViewportChange, { passive: true });
    } else {
      this.win.removeEventListener('scroll', this.onViewportChange, { capture: true });
      this.win.removeEventListener('resize', this.onViewportChange);
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
    if (ranges.length === 0) return;
    this.ranges.set(source, ranges);
    this.syncListening();
    const scroller = this.options.findScroller?.(source) ?? null;
    this.groupOf.set(source, scroller);
    let group = this.groups.get(scroller);
    if (!group) this.groups.set(scroller, (group = []));
    insertInDocumentOrder(group, source);
    this.scheduleCheck();
  }

  clear(source: Element): void {
    if (!this.ranges.has(source)) return;
    this.hide(source);
    this.ranges.delete(source);
    const scroller = this.groupOf.get(source) ?? null;
    this.groupOf.delete(source);
    const group = this.groups.get(scroller);
    group?.splice(group.indexOf(source), 1);
    if (group?.length === 0) this.groups.delete(scroller);
    this.syncListening();
  }

  clearAll(): void {
    for (const source of [...this.ranges.keys()]) this.clear(source);
  }

  /** Removes every mark and stops following the page. */
  dispose(): void {
    this.disposed = true;
    this.clearAll();
    clearTimeout(this.checkTimer);
    this.checkTimer = undefined;
    this.afterLayout?.disconnect();
    this.waitingForLayout = false;
    this.syncListening();
  }

  /**
   * Checks after the next layout, when reading boxes forces none: a resize observer reports a newly
   * observed element right after the browser lays the page out, and that report is the cue. (A
   * timer or animation frame may land while the page's or RedBridge's latest inserts wait for
   * layout, and the first box read would then lay the page out on the spot.)
   */
  private scheduleCheck(): void {
    if (this.checkTimer !== undefined || this.waitingForLayout || this.ranges.size === 0) return;
    const wait = Math.max(0, this.lastCheck + CHECK_INTERVAL_MS - this.win.performance.now());
    this.checkTimer = setTimeout(() => {
      this.checkTimer = undefined;
      this.waitingForLayout = true;
      this.afterLayout?.observe(this.win.document.documentElement);
    }, wait);
  }

  private check(): void {
    const onScreen = new Set<Element>();
    const height = this.win.innerHeight;
    for (const group of [...this.groups.values()]) {
      // A unit that left the page takes its ranges with it.
      for (const source of group.filter((candidate) => !candidate.isConnected)) this.clear(source);
      // The first unit not wholly above the screen, then on down while units start on screen.
      let low = 0;
      let high = group.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (placeOf(group[middle]!).bottom <= 0) low = middle + 1;
        else high = middle;
      }
      for (let index = low; index < group.length; index++) {
        const source = group[index]!;
        if (placeOf(source).top >= height) break;
        // A source hidden behind its translation has an empty box and shows no marks.
        const box = source.getBoundingClientRect();
        if (box.height > 0 && box.bottom > 0 && box.top < height) onScreen.add(source);
      }
    }
    for (const source of [...this.shown]) if (!onScreen.has(source)) this.hide(source);
    for (const source of onScreen) this.show(source);
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

/**
 * Where a unit lies, read from its parent: a source hidden behind its translation has no box, but
 * its parent keeps its place in the list.
 */
function placeOf(source: Element): DOMRect {
  return (source.parentElement ?? source).getBoundingClientRect();
}

/** Inserts `element` into `list`, kept in document order; new units usually come last. */
function insertInDocumentOrder(list: Element[], element: Element): void {
  const follows = (a: Element, b: Element) =>
    (b.compareDocumentPosition(a) & 4) /* Node.DOCUMENT_POSITION_FOLLOWING */ !== 0;
  const last = list[list.length - 1];
  if (!last || follows(element, last)) {
    list.push(element);
    return;
  }
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (follows(element, list[middle]!)) low = middle + 1;
    else high = middle;
  }
  list.splice(low, 0, element);
}
