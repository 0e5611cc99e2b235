import {
  elementsInBand,
  ScrollerGroups,
  viewportChecksFor,
  type Band,
  type ViewportChecks,
  type ViewportClient,
} from './viewport-checks';

export type Proximity = 'visible' | 'near' | 'far';

/**
 * A scroller moving faster than this many of its own heights a second is being flung, not read,
 * unless it was still just before: one fast interval alone is a jump (back to the top, to a linked
 * comment), and where it lands is read at once. While a fling lasts, nothing comes near or into
 * view (see `check`).
 */
export const FLING_SCREENS_PER_SECOND = 4;

/**
 * How long after its last fast check a scroller counts as landing rather than settled: only what is
 * on screen is fetched then, and what lies ahead waits until the reader stays. A fling that stops
 * at the end of the loaded comments for a moment (while the site fetches the next page) and then
 * goes on is still a fling.
 */
export const SETTLE_MS = 400;

type Motion = 'settled' | 'jumped' | 'flung' | 'landing';

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
  private readonly watched = new ScrollerGroups();
  /** Watched elements that are not far. */
  private readonly close = new Map<Element, Proximity>();
  private readonly checks: ViewportChecks;
  /** Each scroller's scroll offset at the last check, to tell reading from flinging. */
  private readonly motion = new Map<Element | null, { offset: number; at: number; fastAt: number }>();
  /** The tallest element seen, how far above a band an element may start and still reach into it. */
  private readonly reach = { tallest: 0 };
  private connected = false;

  constructor(
    private readonly onChange: (changes: readonly (readonly [Element, Proximity])[]) => void,
    private readonly options: VisibilityTrackerOptions,
  ) {
    this.checks = viewportChecksFor(options.win);
  }

  get following(): boolean {
    return this.watched.size > 0;
  }

  observe(element: Element): void {
    if (this.watched.scrollerOf(element) !== undefined) return;
    const first = this.watched.size === 0;
    this.watched.add(element, this.options.findScroller(element));
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

  proximity(element: Element): Proximity {
    return this.close.get(element) ?? 'far';
  }

  disconnect(): void {
    this.watched.clear();
    this.close.clear();
    this.motion.clear();
    if (this.connected) this.checks.remove(this);
    this.connected = false;
  }

  check(): (() => void) | undefined {
    const seen = new Map<Element, Proximity>();
    // Scrollers whose elements keep what they had, but for those now on screen (when landing).
    const held = new Set<Element | null>();
    const scrollers = new Set<Element | null>();
    for (const [root, group] of this.watched.lists()) {
      scrollers.add(root);
      const view = this.viewOf(root);
      if (!view) continue; // a scroller with no box (closed, hidden): all far
      const motion = this.motionOf(root, view);
      if (motion === 'flung' || motion === 'landing') {
        held.add(root);
        // Checked again shortly: what a fling stops at is read once the reader stays.
        this.checks.requestSoon(this);
        if (motion === 'flung') continue;
      }
      const margin = motion === 'landing' ? 0 : (view.bottom - view.top) * this.options.nearScreens;
      const band = { top: view.top - margin, bottom: view.bottom + margin };
      for (const { element, box } of elementsInBand(group, band, this.reach)) {
        if (box.width === 0 && box.height === 0) continue; // not rendered, or gone from the page
        seen.set(element, box.bottom > view.top && box.top < view.bottom ? 'visible' : 'near');
      }
    }
    // A closed modal's scroller has nothing watched any more: its motion goes with it.
    for (const root of this.motion.keys()) if (!scrollers.has(root)) this.motion.delete(root);
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
   * How `root` moved since the last check: flung while it keeps moving fast (what flies past in a
   * blur is not fetched), landing for a moment after that (only what is on screen is), jumped when
   * it moved fast once from rest, settled otherwise.
   */
  private motionOf(root: Element | null, view: Band): Motion {
    const offset = root ? root.scrollTop : this.options.win.scrollY;
    const at = this.options.win.performance.now();
    const last = this.motion.get(root);
    const screensPerSecond =
      last && at > last.at
        ? (Math.abs(offset - last.offset) / (view.bottom - view.top)) * (1000 / (at - last.at))
        : 0;
    const fast = screensPerSecond > FLING_SCREENS_PER_SECOND;
    const recentlyFast = !!last && at - last.fastAt <= SETTLE_MS;
    this.motion.set(root, { offset, at, fastAt: fast ? at : (last?.fastAt ?? -Infinity) });
    if (fast) return recentlyFast ? 'flung' : 'jumped';
    return recentlyFast ? 'landing' : 'settled';
  }

  /** What of the root is on screen: the window's viewport, or the part of a scroller within it. */
  private viewOf(root: Element | null): Band | undefined {
    const height = this.options.win.innerHeight;
    if (!root) return { top: 0, bottom: height };
    if (!root.isConnected) return undefined;
    const box = root.getBoundingClientRect();
    const top = Math.max(0, box.top);
    const bottom = Math.min(height, box.bottom);
    return bottom > top ? { top, bottom } : undefined;
  }
}
