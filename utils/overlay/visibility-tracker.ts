import {
  BandReads,
  READ_SLACK,
  ScrollerGroups,
  viewportChecksFor,
  type ViewportChecks,
  type ViewportClient,
} from './viewport-checks';

export type Proximity = 'visible' | 'near' | 'far';

export interface VisibilityTrackerOptions {
  win: Window & typeof globalThis;
  /** How far above and below the viewport "near" reaches, in viewport heights. */
  nearScreens: number;
  /**
   * The scroll container an element scrolls in (null for the window). Elements inside one (a note's
   * `.note-scroller`, which scrolls while the window does not) are measured against it: what is
   * about to scroll in is what lies beyond its edges.
   */
  findScroller: (element: Element) => Element | null;
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
    if (this.connected) this.checks.remove(this);
    this.connected = false;
  }

  check(): (() => void) | undefined {
    const seen = new Map<Element, Proximity>();
    // Scrollers whose elements keep what they had, but for those now on screen (when landing).
    const held = new Set<Element | null>();
    const roots = this.watched.containers();
    this.reads.keepOnly(roots);
    for (const root of roots) {
      const view = this.checks.viewOf(root);
      if (!view) continue; // a scroller with no box (closed, hidden): all far
      const motion = this.checks.motionOf(root);
      if (motion === 'flung') {
        held.add(root);
        continue;
      }
      const landing = motion === 'landing';
      const height = view.bottom - view.top;
      // Visible: on screen, or so close that a check may not run before it is (see `BandReads`),
      // or that a translation shown above it may push it there.
      const screen = { top: view.top - height * READ_SLACK, bottom: view.bottom + height * READ_SLACK };
      const margin = landing ? 0 : height * this.options.nearScreens;
      const band = { top: screen.top - margin, bottom: screen.bottom + margin };
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
      const read = this.watched.read(root, view, landing ? 'screen' : 'near', band, this.reads);
      if (landing || read.held) held.add(root);
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
}
