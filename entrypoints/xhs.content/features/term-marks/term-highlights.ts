/**
 * Marks explained terms in the site's own text with the CSS Custom Highlight API: ranges over the
 * page's text nodes, painted by a `::highlight(rb-term)` rule, so no node of the site is touched.
 * Browsers without the API simply show no marks.
 */

import { hidesSource } from '@/utils/overlay/overlay-element';
import { BandReads, READ_SLACK } from '@/utils/viewport/band-reads';
import { ScrollerGroups } from '@/utils/viewport/scroller-groups';
import {
  viewportChecksFor,
  type ViewportChecks,
  type ViewportClient,
} from '@/utils/viewport/viewport-checks';

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
 * Which units are on screen is read by the window's shared viewport checks (after a layout, at
 * most every 100 ms while the page scrolls), bisecting the marked units of each scroll container in
 * document order: a dozen or two boxes read per check. An intersection observer would make the
 * browser compute the geometry of every marked unit on every frame (≈ 0.35 ms a frame on a
 * 1,000-comment note, more than all of RedBridge's scripting there).
 */
export class TermHighlighter implements ViewportClient {
  private readonly ranges = new Map<Element, StaticRange[]>();
  /** Marked sources per scroll container, in document order. */
  private readonly marked: ScrollerGroups;
  private readonly shown = new Set<Element>();
  private readonly highlight: HighlightLike | undefined;
  private readonly checks: ViewportChecks | undefined;
  private readonly reads: BandReads | undefined;
  private disposed = false;

  constructor(
    private readonly win: Window & typeof globalThis,
    options: TermHighlighterOptions = {},
  ) {
    this.marked = new ScrollerGroups(options.findScroller ?? (() => null));
    const registry = (win.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
    const HighlightClass = (win as unknown as { Highlight?: new () => HighlightLike }).Highlight;
    if (!registry || !HighlightClass) return;
    this.highlight = new HighlightClass();
    registry.set(TERM_HIGHLIGHT, this.highlight);
    this.checks = viewportChecksFor(win);
    this.reads = new BandReads(this.checks);
    this.checks.add(this);
  }

  /** Followed while there are marks: a page without terms, or with RedBridge off, is never called on scroll. */
  get following(): boolean {
    return !this.disposed && this.ranges.size > 0;
  }

  get supported(): boolean {
    return !!this.highlight;
  }

  /** Marks `surfaces` in `source` (replacing what was marked there before); none clears it. */
  mark(source: Element, surfaces: readonly string[]): void {
    if (!this.highlight || this.disposed) return;
    this.clear(source);
    if (surfaces.length === 0) return;
    const ranges = findTermRanges(source, surfaces);
    if (ranges.length === 0) return;
    const wasFollowing = this.following;
    this.ranges.set(source, ranges);
    this.marked.add(source);
    if (!wasFollowing) this.checks?.sync();
    this.checks?.request(this);
  }

  clear(source: Element): void {
    if (!this.ranges.has(source)) return;
    this.hide(source);
    this.ranges.delete(source);
    this.marked.delete(source);
    if (this.ranges.size === 0) this.checks?.sync();
  }

  /** The page changed shape without scrolling (a new display mode): marks on screen are read again. */
  recheck(): void {
    if (!this.checks || this.disposed) return;
    this.reads!.clear();
    this.checks.request(this);
  }

  clearAll(): void {
    for (const source of [...this.ranges.keys()]) this.clear(source);
  }

  /** Removes every mark and stops following the page. */
  dispose(): void {
    this.clearAll();
    this.disposed = true;
    this.checks?.remove(this);
  }

  check(): () => void {
    const onScreen = new Set<Element>();
    // Scrollers whose marks stay as they are: flung past them, or not moved enough to matter.
    const held = new Set<Element | null>();
    const height = this.win.innerHeight;
    const scrollers = this.marked.containers();
    this.reads!.keepOnly(scrollers);
    for (const scroller of scrollers) {
      const view = this.checks!.viewOf(scroller) ?? { top: 0, bottom: height };
      if (this.checks!.motionOf(scroller).motion === 'flung') {
        held.add(scroller);
        continue;
      }
      // Marks reach a little beyond the screen: what scrolls in before the next read has them.
      const slack = (view.bottom - view.top) * READ_SLACK;
      const band = { top: -slack, bottom: height + slack };
      const show = (source: Element, box: DOMRect) => {
        // A source hidden behind its translation shows no marks.
        if (box.bottom > band.top && box.top < band.bottom && source.isConnected && !hidesSource(source))
          onScreen.add(source);
      };
      const read = this.marked.read(scroller, view, 'screen', band, this.reads!);
      if (read.held) held.add(scroller);
      for (const { element, box } of read.placed) show(element, box);
    }
    return () => {
      for (const source of [...this.shown])
        if (!onScreen.has(source) && !held.has(this.marked.scrollerOf(source)!)) this.hide(source);
      for (const source of onScreen) this.show(source);
    };
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
