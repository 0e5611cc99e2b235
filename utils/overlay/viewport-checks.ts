/**
 * Geometry checks for everything in the content script that follows the viewport (units waiting to
 * be fetched, marked terms), run right after the browser lays the page out, so reading boxes never
 * forces a layout of its own.
 *
 * One set of checks per window, shared: the page calls into RedBridge once per scroll event (none
 * while a fling lasts) and once per check, however many elements are followed. Intersection
 * observers would cost the page far more on a long comment list: the browser computes every
 * target's geometry on every frame, and calls each observer's callback whenever any target crosses
 * its edge.
 */

/** Something that reads boxes when the checks run. */
export interface ViewportClient {
  /**
   * Reads the boxes it needs (layout is clean now) and returns what to do about them, if anything:
   * every client reads before any writes, so no client's read forces a layout after another's write.
   */
  check(): (() => void) | undefined;
  /** Whether it has elements to follow while the page scrolls; `sync()` after this changes. */
  readonly following: boolean;
}

/** At most one check per this many milliseconds while the page scrolls. */
export const CHECK_INTERVAL_MS = 100;

/**
 * Between checks while every scroller looked at is flung: nothing is fetched or marked then, and
 * only where the fling stops matters.
 */
export const FLUNG_CHECK_INTERVAL_MS = 250;

/**
 * A scroller moving faster than this many of its own heights a second is being flung, not read,
 * unless it was still just before: one fast interval alone is a jump (back to the top, to a linked
 * comment), and where it lands is read at once.
 */
export const FLING_SCREENS_PER_SECOND = 4;

/**
 * How long after it was last flung a scroller counts as landing rather than settled: only what is
 * on screen is fetched then, and what lies ahead waits until the reader stays. A fling that stops at
 * the end of the loaded comments for a moment (while the site fetches the next page) and goes on is
 * still a fling. (A jump is settled at once: the reader is reading where it went.)
 */
export const SETTLE_MS = 500;

/**
 * How a scroller moved since the last check: flung while it keeps moving fast (what flies past in a
 * blur is neither fetched nor marked), landing for a moment after that, jumped when it moved fast
 * once from rest, settled otherwise.
 */
export type Motion = 'settled' | 'jumped' | 'flung' | 'landing';

export class ViewportChecks {
  private readonly clients = new Set<ViewportClient>();
  /** Clients that asked for the next check; a check after scrolling runs every following client. */
  private readonly asked = new Set<ViewportClient>();
  private scrolled = false;
  private readonly afterLayout: ResizeObserver | undefined;
  /** The throttled check's timer. */
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** While a scroller is flung or landing: checks on a steady beat, not a timer set per check. */
  private ticker: ReturnType<typeof setInterval> | undefined;
  private tickerInterval = 0;
  /** Where there is no resize observer: the timer standing in for the next layout. */
  private layoutTimer: ReturnType<typeof setTimeout> | undefined;
  private waitingForLayout = false;
  private lastCheck = -Infinity;
  /** Until the next throttled check: longer while everything looked at is flung. */
  private interval = CHECK_INTERVAL_MS;
  private listening = false;
  /** Whether scroll events come to us: not while the beat runs, which reads the motion itself. */
  private scrollListened = false;
  /** Each scroller's (null: the window's) offset and motion when its motion was last judged. */
  private readonly lastMotion = new Map<
    Element | null,
    { offset: number; at: number; fastAt: number; flungAt: number; motion: Motion }
  >();
  /** What this check has read of each scroller, read once however many clients ask. */
  private readonly views = new Map<Element | null, Band | undefined>();
  private readonly motions = new Map<Element | null, Motion>();
  private readonly scrollOffsets = new Map<Element | null, number>();
  private readonly onViewportChange = () => this.scheduleThrottled();

  constructor(private readonly win: Window & typeof globalThis) {
    // A resize observer reports a newly observed element right after the next layout: that report
    // is the cue. (A timer or animation frame may land while the page's latest inserts wait for
    // layout, and the first box read would then lay the page out on the spot.)
    if (win.ResizeObserver)
      this.afterLayout = new win.ResizeObserver(() => {
        this.afterLayout?.disconnect();
        this.run();
      });
  }

  add(client: ViewportClient): void {
    this.clients.add(client);
    this.sync();
  }

  remove(client: ViewportClient): void {
    this.clients.delete(client);
    this.asked.delete(client);
    this.sync();
    if (this.clients.size > 0) return;
    // Nobody left: nothing stays scheduled.
    clearTimeout(this.timer);
    clearTimeout(this.layoutTimer);
    this.timer = this.layoutTimer = undefined;
    this.stopTicker();
    this.afterLayout?.disconnect();
    this.waitingForLayout = false;
    this.lastCheck = -Infinity;
    this.interval = CHECK_INTERVAL_MS;
    this.lastMotion.clear();
  }

  /** `client` has something new to place (elements just added): checks it after the next layout. */
  request(client: ViewportClient): void {
    this.asked.add(client);
    // While a scroller is flung or landing, the next beat is soon enough: little is fetched then.
    if (this.waitingForLayout || this.ticker !== undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.cueAfterLayout();
  }

  /**
   * Follows scrolling only while a client has something to follow. Scroll events do not bubble:
   * captured at the window, they come from any scroller (a note's `.note-scroller` scrolls while
   * the window does not).
   */
  sync(): void {
    const wanted = [...this.clients].some((client) => client.following);
    if (wanted === this.listening) return;
    this.listening = wanted;
    if (wanted) {
      this.win.addEventListener('resize', this.onViewportChange, { passive: true });
      this.listenToScroll(this.ticker === undefined);
    } else {
      this.win.removeEventListener('resize', this.onViewportChange);
      clearTimeout(this.timer);
      this.timer = undefined;
      this.stopTicker();
      this.listenToScroll(false);
    }
  }

  private listenToScroll(on: boolean): void {
    if (on === this.scrollListened) return;
    this.scrollListened = on;
    if (on) this.win.addEventListener('scroll', this.onViewportChange, { capture: true, passive: true });
    else this.win.removeEventListener('scroll', this.onViewportChange, { capture: true });
  }

  private scheduleThrottled(): void {
    this.scrolled = true;
    if (this.timer !== undefined || this.ticker !== undefined || this.waitingForLayout) return;
    const wait = this.lastCheck + this.interval - this.win.performance.now();
    if (wait <= 0) {
      this.cueAfterLayout();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.cueAfterLayout();
    }, wait);
  }

  private cueAfterLayout(): void {
    this.waitingForLayout = true;
    if (this.afterLayout) this.afterLayout.observe(this.win.document.documentElement);
    else
      this.layoutTimer = setTimeout(() => {
        this.layoutTimer = undefined;
        this.run();
      }, 0);
  }

  private run(): void {
    this.waitingForLayout = false;
    const due = this.scrolled ? [...this.clients].filter((client) => client.following) : [];
    for (const client of this.asked) if (this.clients.has(client) && !due.includes(client)) due.push(client);
    if (this.scrolled) this.lastCheck = this.win.performance.now();
    this.scrolled = false;
    this.asked.clear();
    this.views.clear();
    this.motions.clear();
    this.scrollOffsets.clear();
    const writes = due.map((client) => client.check());
    for (const write of writes) write?.();
    this.sync();
    this.followMotion();
  }

  /**
   * A scroller still moving fast, or just stopped, is looked at again one interval later even if no
   * scroll event comes: that check sees where the fling landed, and the one after where it settled.
   */
  private followMotion(): void {
    for (const root of this.lastMotion.keys()) if (root && !root.isConnected) this.lastMotion.delete(root);
    const motions = [...this.motions.values()];
    const moving = motions.some((motion) => motion === 'flung' || motion === 'landing');
    this.interval =
      moving && motions.every((motion) => motion === 'flung') ? FLUNG_CHECK_INTERVAL_MS : CHECK_INTERVAL_MS;
    if (!moving || !this.listening) {
      this.stopTicker();
      return;
    }
    this.scrolled = true;
    if (this.ticker !== undefined && this.tickerInterval === this.interval) return;
    this.stopTicker();
    clearTimeout(this.timer);
    this.timer = undefined;
    this.tickerInterval = this.interval;
    this.ticker = setInterval(() => {
      if (!this.waitingForLayout) this.cueAfterLayout();
    }, this.interval);
    this.listenToScroll(false);
  }

  private stopTicker(): void {
    if (this.ticker === undefined) return;
    clearInterval(this.ticker);
    this.ticker = undefined;
    this.listenToScroll(this.listening);
  }

  /**
   * What of `root` is on screen: the window's viewport, or the part of a scroller within it;
   * undefined for a scroller with no box (closed, hidden). Read once per check.
   */
  viewOf(root: Element | null): Band | undefined {
    if (this.views.has(root)) return this.views.get(root);
    const height = this.win.innerHeight;
    let view: Band | undefined = { top: 0, bottom: height };
    if (root) {
      const box = root.isConnected ? root.getBoundingClientRect() : undefined;
      const top = Math.max(0, box?.top ?? 0);
      const bottom = Math.min(height, box?.bottom ?? 0);
      view = bottom > top ? { top, bottom } : undefined;
    }
    this.views.set(root, view);
    return view;
  }

  /** How `root` moved since the last check that looked at it (see `Motion`). Read once per check. */
  motionOf(root: Element | null): Motion {
    const known = this.motions.get(root);
    if (known) return known;
    const at = this.win.performance.now();
    const last = this.lastMotion.get(root);
    // Speed over less than an interval is noise (a wheel notch scrolls in one short burst): a check
    // that soon after the last one (asked for by new elements) goes by what that one saw.
    if (last && at - last.at < CHECK_INTERVAL_MS) {
      this.motions.set(root, last.motion);
      return last.motion;
    }
    const view = this.viewOf(root);
    const height = view ? view.bottom - view.top : 0;
    const offset = this.offsetOf(root);
    const screensPerSecond =
      last && at > last.at && height > 0
        ? (Math.abs(offset - last.offset) / height) * (1000 / (at - last.at))
        : 0;
    const fast = screensPerSecond > FLING_SCREENS_PER_SECOND;
    // Fast twice within the settling time is a fling; fast once from rest, a jump, read at once.
    const motion: Motion = fast
      ? !!last && at - last.fastAt <= SETTLE_MS
        ? 'flung'
        : 'jumped'
      : !!last && at - last.flungAt <= SETTLE_MS
        ? 'landing'
        : 'settled';
    this.lastMotion.set(root, {
      offset,
      at,
      fastAt: fast ? at : (last?.fastAt ?? -Infinity),
      flungAt: motion === 'flung' ? at : (last?.flungAt ?? -Infinity),
      motion,
    });
    this.motions.set(root, motion);
    return motion;
  }

  /** How far `root` (null: the window) is scrolled. Read once per check. */
  offsetOf(root: Element | null): number {
    let offset = this.scrollOffsets.get(root);
    if (offset === undefined)
      this.scrollOffsets.set(root, (offset = root ? root.scrollTop : this.win.scrollY));
    return offset;
  }
}

/**
 * How far, in heights of its scroller, the page may move before a band is read again (see
 * `BandReads`). Clients reach this far beyond the screen, so nothing comes on screen unread.
 */
export const READ_SLACK = 1 / 4;

/**
 * Whether a client's band around a scroller needs reading again: when the band changes kind (e.g.
 * from the screen alone to the screen and what lies near), or when the scroller or its place on
 * screen moved by a quarter of its height, or by as far as the nearest element read outside the
 * screen lay from it (it may be on screen now), since the last read. In between, what was read still
 * holds (new elements are placed by their own boxes): a reader's slow scroll asks for a read every
 * few checks instead of at each, and a band that reaches that far beyond the screen misses nothing.
 */
export class BandReads {
  private readonly last = new Map<
    Element | null,
    { offset: number; view: Band; kind: string; nearest: number }
  >();

  constructor(private readonly checks: ViewportChecks) {}

  due(root: Element | null, view: Band, kind: string): boolean {
    const offset = this.checks.offsetOf(root);
    const last = this.last.get(root);
    const slack = Math.min((view.bottom - view.top) * READ_SLACK, last?.nearest ?? Infinity);
    if (
      last?.kind === kind &&
      Math.abs(offset - last.offset) < slack &&
      Math.abs(view.top - last.view.top) < slack &&
      Math.abs(view.bottom - last.view.bottom) < slack
    )
      return false;
    this.last.set(root, { offset, view, kind, nearest: Infinity });
    return true;
  }

  /** After a read: an element read off screen lies `distance` px from it. */
  noteOffScreen(root: Element | null, distance: number): void {
    const last = this.last.get(root);
    if (last && distance < last.nearest) last.nearest = Math.max(0, distance);
  }

  /** Forgets scrollers not in `kept` (a closed note's). */
  keepOnly(kept: readonly (Element | null)[]): void {
    for (const root of this.last.keys()) if (!kept.includes(root)) this.last.delete(root);
  }

  clear(): void {
    this.last.clear();
  }
}

const perWindow = new WeakMap<Window, ViewportChecks>();

/** The window's shared checks. */
export function viewportChecksFor(win: Window & typeof globalThis): ViewportChecks {
  let checks = perWindow.get(win);
  if (!checks) perWindow.set(win, (checks = new ViewportChecks(win)));
  return checks;
}

/** A vertical stretch of the viewport, in client coordinates. */
export interface Band {
  top: number;
  bottom: number;
}

/**
 * Where an element lies: its box, or its parent's when it has none (a source hidden behind its
 * translation has no box, but its parent keeps its place in the list).
 */
export function placeOf(element: Element): DOMRect {
  const box = element.getBoundingClientRect();
  return box.width === 0 && box.height === 0 && element.parentElement
    ? element.parentElement.getBoundingClientRect()
    : box;
}

/** An element and the place read for it. */
export interface Placed {
  element: Element;
  box: DOMRect;
}

/**
 * The elements of `ordered` (one scroller's, in document order) whose place meets `band`, with
 * those places, found by bisection: a dozen or so boxes read instead of every element's. Their tops
 * never decrease in document order, in a list and in the site's masonry alike (each card goes into
 * the shortest column, so it starts no higher than the one before). An element that starts above
 * the band may still reach into it; none that starts higher above it than the tallest element seen
 * so far can. `reach.sawEmpty` tells whether any box read was empty (an element not rendered, or
 * gone from the page), which may have misled the bisection.
 */
export function elementsInBand(
  ordered: readonly Element[],
  band: Band,
  reach: { tallest: number; sawEmpty?: boolean },
): Placed[] {
  // The bisection's last reads are next to where the scan starts: each box is read once.
  const reads = new Map<number, Placed>();
  const read = (index: number): Placed => {
    let placed = reads.get(index);
    if (placed) return placed;
    const element = ordered[index]!;
    placed = { element, box: placeOf(element) };
    if (placed.box.height > reach.tallest) reach.tallest = placed.box.height;
    else if (placed.box.height === 0 && placed.box.width === 0) reach.sawEmpty = true;
    reads.set(index, placed);
    return placed;
  };
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (read(middle).box.top < band.top) low = middle + 1;
    else high = middle;
  }
  const found: Placed[] = [];
  for (let index = low - 1; index >= 0; index--) {
    const placed = read(index);
    if (placed.box.top + reach.tallest <= band.top) break;
    if (placed.box.bottom > band.top) found.unshift(placed);
  }
  for (let index = low; index < ordered.length; index++) {
    const placed = read(index);
    if (placed.box.top >= band.bottom) break;
    found.push(placed);
  }
  return found;
}

/**
 * Followed elements by the scroll container they scroll in (null for the window), each container's
 * in document order, as `elementsInBand` needs them. Removal is cheap: an element removed stays in
 * its list, where its box still marks a place, until a quarter of the list is such, or until a
 * check meets an empty box (one gone from the page would mislead the bisection).
 */
export class ScrollerGroups {
  private readonly groups = new Map<Element | null, Element[]>();
  private readonly scrollers = new Map<Element, Element | null>();
  /** How many of each container's list are no longer followed. */
  private readonly removed = new Map<Element | null, number>();
  /** Elements no longer followed that still sit in a list, and which container's list. */
  private readonly stale = new Map<Element, Element | null>();
  /** Elements added since their container was last read (see `read`). */
  private readonly fresh = new Set<Element>();
  /** Containers whose lists were cleared of elements gone from the page since the page last removed any. */
  private readonly prunedSinceRemovals = new Set<Element | null>();
  /** The tallest element seen, how far above a band an element may start and still reach into it. */
  private readonly reach: { tallest: number; sawEmpty?: boolean } = { tallest: 0 };
  /** The last element added, its container and its index there: siblings added together share one. */
  private lastAdded: { parent: Element | null; scroller: Element | null; index: number } | undefined;

  constructor(private readonly findScroller: (element: Element) => Element | null) {}

  get size(): number {
    return this.scrollers.size;
  }

  scrollerOf(element: Element): Element | null | undefined {
    return this.scrollers.get(element);
  }

  /** Adds `element`; false when it was there already. */
  add(element: Element): boolean {
    if (this.scrollers.has(element)) return false;
    const parent = element.parentElement;
    const last = this.lastAdded;
    const scroller = last && parent && parent === last.parent ? last.scroller : this.findScroller(element);
    this.scrollers.set(element, scroller);
    this.fresh.add(element);
    if (this.stale.get(element) === scroller) {
      // Followed again (asked for again after a glossary change): it never left its place.
      this.stale.delete(element);
      this.removed.set(scroller, this.removed.get(scroller)! - 1);
      return true;
    }
    let list = this.groups.get(scroller);
    if (!list) this.groups.set(scroller, (list = []));
    const hint = last?.scroller === scroller ? last.index : -1;
    this.lastAdded = { parent, scroller, index: insertInDocumentOrder(list, element, hint) };
    return true;
  }

  /** Removes `element`; false when it was not there. */
  delete(element: Element): boolean {
    const scroller = this.scrollers.get(element);
    if (scroller === undefined) return false;
    this.scrollers.delete(element);
    this.fresh.delete(element);
    this.stale.set(element, scroller);
    const removed = (this.removed.get(scroller) ?? 0) + 1;
    this.removed.set(scroller, removed);
    if (removed * 4 > (this.groups.get(scroller)?.length ?? 0)) this.compact(scroller);
    return true;
  }

  clear(): void {
    this.groups.clear();
    this.scrollers.clear();
    this.removed.clear();
    this.stale.clear();
    this.fresh.clear();
    this.prunedSinceRemovals.clear();
    this.lastAdded = undefined;
  }

  /** The page removed elements: followed ones may have gone with them (see `inBand`). */
  noteRemovals(): void {
    this.prunedSinceRemovals.clear();
  }

  /** The containers that have followed elements. */
  containers(): (Element | null)[] {
    return [...this.groups.keys()];
  }

  /**
   * What to place of `scroller`'s elements in this check: those whose place meets `band` when
   * `reads` says the band is due (`held` false), otherwise only the elements added since the last
   * read, by their own boxes (`held` true: what was read before still holds for the rest).
   */
  read(
    scroller: Element | null,
    view: Band,
    kind: string,
    band: Band,
    reads: BandReads,
  ): { held: boolean; placed: Placed[] } {
    const fresh: Element[] = [];
    for (const element of this.fresh)
      if (this.scrollers.get(element) === scroller) {
        fresh.push(element);
        this.fresh.delete(element);
      }
    if (reads.due(scroller, view, kind)) return { held: false, placed: this.inBand(scroller, band) };
    return { held: true, placed: fresh.map((element) => ({ element, box: placeOf(element) })) };
  }

  /** The followed elements of `scroller` whose place meets `band`, with their places. */
  inBand(scroller: Element | null, band: Band): Placed[] {
    const list = this.groups.get(scroller);
    if (!list) return [];
    this.lastAdded = undefined; // a parent may have moved since
    this.reach.sawEmpty = false;
    let found = elementsInBand(list, band, this.reach);
    // An empty box is an element not rendered, or one gone from the page, which would mislead the
    // bisection: those gone (followed or not) leave the list, and the band is read again.
    const mayHaveGone = !this.prunedSinceRemovals.has(scroller);
    if (this.reach.sawEmpty && (this.removed.get(scroller) || mayHaveGone)) {
      if (mayHaveGone) {
        this.prunedSinceRemovals.add(scroller);
        for (const element of list)
          if (this.scrollers.get(element) === scroller && !element.isConnected)
            this.scrollers.delete(element);
      }
      this.compact(scroller);
      found = elementsInBand(this.groups.get(scroller) ?? [], band, this.reach);
    }
    return this.removed.get(scroller)
      ? found.filter(({ element }) => this.scrollers.get(element) === scroller)
      : found;
  }

  private compact(scroller: Element | null): void {
    this.removed.delete(scroller);
    this.lastAdded = undefined;
    const kept: Element[] = [];
    for (const element of this.groups.get(scroller) ?? []) {
      if (this.scrollers.get(element) === scroller) kept.push(element);
      else if (this.stale.get(element) === scroller) this.stale.delete(element);
    }
    if (kept.length) this.groups.set(scroller, kept);
    else this.groups.delete(scroller);
  }
}

/**
 * Inserts `element` into `list`, kept in document order, and returns where. New elements usually
 * come last (the page appends), or right after the one inserted before (the units of one subtree
 * just read): `hint` is that one's index.
 */
function insertInDocumentOrder(list: Element[], element: Element, hint: number): number {
  const follows = (a: Element, b: Element) =>
    (b.compareDocumentPosition(a) & 4) /* Node.DOCUMENT_POSITION_FOLLOWING */ !== 0;
  const last = list[list.length - 1];
  if (!last || element.previousElementSibling === last || follows(element, last)) {
    list.push(element);
    return list.length - 1;
  }
  let low = 0;
  let high = list.length - 1; // it precedes the last
  const before = list[hint];
  if (before && hint < high && follows(element, before)) {
    low = hint + 1;
    if (!follows(element, list[low]!)) high = low;
  }
  while (low < high) {
    const middle = (low + high) >> 1;
    if (follows(element, list[middle]!)) low = middle + 1;
    else high = middle;
  }
  list.splice(low, 0, element);
  return low;
}
