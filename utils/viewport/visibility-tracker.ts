import type { Band } from './band';
import { BandReads, READ_SLACK } from './band-reads';
import type { Direction } from './scroll-motion';
import { ScrollerGroups } from './scroller-groups';
import { viewportChecksFor, type ViewportChecks, type ViewportClient } from './viewport-checks';

export type Proximity = 'visible' | 'near' | 'far';

export interface VisibilityTrackerOptions {
  win: Window & typeof globalThis;
  /**
   * How far ahead of the screen, in the direction of travel, "near" reaches when it is renewed, in
   * heights of the element's scroller.
   */
  aheadScreens: number;
  /**
   * "Near" is renewed once the reader comes this close to its far edge: each renewal adds
   * `aheadScreens - refillScreens` screens of units at once, so what lies ahead is asked for in a
   * few large groups rather than a few units at every check.
   */
  refillScreens: number;
  /** How far behind the screen "near" reaches (the reader may turn back). */
  behindScreens: number;
  /**
   * The scroll container an element scrolls in (null for the window). Elements inside one (a note's
   * `.note-scroller`, which scrolls while the window does not) are measured against it: what is
   * about to scroll in is what lies beyond its edges.
   */
  findScroller: (element: Element) => Element | null;
}

/** Where "near" ends ahead of the reader, in the scroller's content coordinates. */
interface Frontier {
  direction: Direction;
  edge: number;
}

/**
 * Tells how close each watched element is to being seen, so visible units are translated first and
 * far ones wait. Checked after layout by the window's shared viewport checks: once soon after an
 * element starts being watched, then as the page scrolls. Changes are reported together, once per
 * check, so a caller can act on the visible ones first.
 */
export class VisibilityTracker implements ViewportClient {
  /** Watched elements per scroll container, in document order. */
  private readonly watched: ScrollerGroups;
  /** Watched elements that are not far. */
  private readonly close = new Map<Element, Proximity>();
  private readonly checks: ViewportChecks;
  private readonly reads: BandReads;
  private readonly frontiers = new Map<Element | null, Frontier>();
  private connected = false;

  constructor(
    private readonly onChange: (changes: readonly (readonly [Element, Proximity])[]) => void,
    private readonly options: VisibilityTrackerOptions,
  ) {
    this.checks = viewportChecksFor(options.win);
    this.watched = new ScrollerGroups(options.findScroller);
    this.reads = new BandReads(this.checks);
  }

  get following(): boolean {
    return this.watched.size > 0;
  }

  observe(element: Element): void {
    if (this.watched.scrollerOf(element) !== undefined) return;
    const first = this.watched.size === 0;
    this.watched.add(element);
    // Whether anything follows scrolling changes only with the first element, not with every unit.
    if (!this.connected) {
      this.connected = true;
      this.checks.add(this);
    } else if (first) this.checks.sync();
    this.checks.request(this);
  }

  unobserve(element: Element): void {
    if (!this.watched.delete(element)) return;
    this.close.delete(element);
    if (this.watched.size === 0) this.checks.sync();
  }

  /** The page removed elements: watched ones that went with them are dropped when a check meets them. */
  noteRemovals(): void {
    this.watched.noteRemovals();
  }

  proximity(element: Element): Proximity {
    return this.close.get(element) ?? 'far';
  }

  disconnect(): void {
    this.watched.clear();
    this.close.clear();
    this.reads.clear();
    this.frontiers.clear();
    if (this.connected) this.checks.remove(this);
    this.connected = false;
  }

  check(): (() => void) | undefined {
    const seen = new Map<Element, Proximity>();
    // Scrollers whose elements keep what they had: flung past, or not moved enough to read again.
    const held = new Set<Element | null>();
    const roots = this.watched.containers();
    this.reads.keepOnly(roots);
    for (const frontier of this.frontiers.keys())
      if (!roots.includes(frontier)) this.frontiers.delete(frontier);
    for (const root of roots) {
      const view = this.checks.viewOf(root);
      if (!view) continue; // a scroller with no box (closed, hidden): all far
      const { motion, direction } = this.checks.motionOf(root);
      if (motion === 'flung') {
        held.add(root);
        continue;
      }
      const height = view.bottom - view.top;
      // Visible: on screen, or so close that a check may not run before it is (see `BandReads`),
      // or that a translation shown above it may push it there.
      const screen = { top: view.top - height * READ_SLACK, bottom: view.bottom + height * READ_SLACK };
      const band = this.nearBand(root, screen, height, direction);
      const place = (element: Element, box: DOMRect) => {
        if (box.width === 0 && box.height === 0) return; // not rendered, or gone from the page
        if (box.bottom <= band.top || box.top >= band.bottom) return;
        if (box.bottom > screen.top && box.top < screen.bottom) seen.set(element, 'visible');
        else {
          seen.set(element, 'near');
          // Read again once it may be that close: a unit in view is asked for first.
          this.reads.noteOffScreen(
            root,
            box.top >= screen.bottom ? box.top - screen.bottom : screen.top - box.bottom,
          );
        }
      };
      const kind = `${band.top - screen.top}:${band.bottom - screen.bottom}`;
      const read = this.watched.read(root, view, kind, band, this.reads);
      if (read.held) held.add(root);
      for (const { element, box } of read.placed) place(element, box);
    }
    const changes: [Element, Proximity][] = [];
    for (const element of this.close.keys())
      if (!seen.has(element) && !held.has(this.watched.scrollerOf(element)!)) {
        this.close.delete(element);
        changes.push([element, 'far']);
      }
    for (const [element, now] of seen)
      if (this.close.get(element) !== now) {
        this.close.set(element, now);
        changes.push([element, now]);
      }
    return changes.length ? () => this.onChange(changes) : undefined;
  }

  /**
   * The stretch around the screen that counts as near, in client coordinates: a little behind the
   * reader, and ahead of them up to the frontier, which is pushed `aheadScreens` beyond the screen
   * whenever the reader comes within `refillScreens` of it or turns around.
   */
  private nearBand(root: Element | null, screen: Band, height: number, direction: Direction): Band {
    const { aheadScreens, refillScreens, behindScreens } = this.options;
    const offset = this.checks.offsetOf(root);
    const leading = (direction === 1 ? screen.bottom : screen.top) + offset;
    let frontier = this.frontiers.get(root);
    if (
      !frontier ||
      frontier.direction !== direction ||
      (frontier.edge - leading) * direction < refillScreens * height
    ) {
      frontier = { direction, edge: leading + direction * aheadScreens * height };
      this.frontiers.set(root, frontier);
    }
    const edge = frontier.edge - offset;
    return direction === 1
      ? { top: screen.top - behindScreens * height, bottom: edge }
      : { top: edge, bottom: screen.bottom + behindScreens * height };
  }
}
