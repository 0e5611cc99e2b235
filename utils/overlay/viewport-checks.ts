/**
 * Geometry checks for everything in the content script that follows the viewport (units waiting to
 * be fetched, marked terms), run right after the browser lays the page out, so reading boxes never
 * forces a layout of its own.
 *
 * One set of checks per window, shared: the page calls into RedBridge once per scroll event and once
 * per check, however many elements are followed. Intersection observers would cost the page far
 * more on a long comment list: the browser computes every target's geometry on every frame, and
 * calls each observer's callback whenever any target crosses its edge.
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

export class ViewportChecks {
  private readonly clients = new Set<ViewportClient>();
  /** Clients that asked for the next check; a check after scrolling runs every following client. */
  private readonly asked = new Set<ViewportClient>();
  private scrolled = false;
  private readonly afterLayout: ResizeObserver | undefined;
  /** The throttled or delayed check's timer. */
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Where there is no resize observer: the timer standing in for the next layout. */
  private layoutTimer: ReturnType<typeof setTimeout> | undefined;
  private waitingForLayout = false;
  private lastCheck = -Infinity;
  private listening = false;
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
    this.afterLayout?.disconnect();
    this.waitingForLayout = false;
    this.lastCheck = -Infinity;
  }

  /** `client` has something new to place (elements just added): checks it after the next layout. */
  request(client: ViewportClient): void {
    this.asked.add(client);
    if (this.waitingForLayout) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.cueAfterLayout();
  }

  /**
   * Checks `client` again one interval from now, e.g. to see where a fling landed. (A `scrollend`
   * event would not do: Chromium fires one after every wheel notch's short animation.)
   */
  requestSoon(client: ViewportClient): void {
    this.asked.add(client);
    if (this.timer !== undefined || this.waitingForLayout) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.cueAfterLayout();
    }, CHECK_INTERVAL_MS);
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
      this.win.addEventListener('scroll', this.onViewportChange, { capture: true, passive: true });
      this.win.addEventListener('resize', this.onViewportChange, { passive: true });
    } else {
      this.win.removeEventListener('scroll', this.onViewportChange, { capture: true });
      this.win.removeEventListener('resize', this.onViewportChange);
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private scheduleThrottled(): void {
    this.scrolled = true;
    if (this.timer !== undefined || this.waitingForLayout) return;
    const wait = this.lastCheck + CHECK_INTERVAL_MS - this.win.performance.now();
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
    const writes = due.map((client) => client.check());
    for (const write of writes) write?.();
    this.sync();
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
 * Where an element lies, read from its parent: a source hidden behind its translation has no box,
 * but its parent keeps its place in the list.
 */
export function placeOf(element: Element): DOMRect {
  return (element.parentElement ?? element).getBoundingClientRect();
}

/** An element and the place `placeOf` read for it. */
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
 * so far can.
 */
export function elementsInBand(
  ordered: readonly Element[],
  band: Band,
  reach: { tallest: number },
): Placed[] {
  // The bisection's last reads are next to where the scan starts: each box is read once.
  const reads = new Map<number, Placed>();
  const read = (index: number): Placed => {
    let placed = reads.get(index);
    if (placed) return placed;
    const element = ordered[index]!;
    placed = { element, box: placeOf(element) };
    if (placed.box.height > reach.tallest) reach.tallest = placed.box.height;
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
 * in document order, as `elementsInBand` needs them. Removal is cheap: lists are compacted when next
 * read.
 */
export class ScrollerGroups {
  private readonly groups = new Map<Element | null, Element[]>();
  private readonly scrollers = new Map<Element, Element | null>();
  /** Containers with elements removed since their list was last read. */
  private readonly loose = new Set<Element | null>();

  get size(): number {
    return this.scrollers.size;
  }

  scrollerOf(element: Element): Element | null | undefined {
    return this.scrollers.get(element);
  }

  /** Adds `element`, in `scroller`; false when it was there already. */
  add(element: Element, scroller: Element | null): boolean {
    if (this.scrollers.has(element)) return false;
    this.scrollers.set(element, scroller);
    let list = this.groups.get(scroller);
    if (!list) this.groups.set(scroller, (list = []));
    insertInDocumentOrder(list, element);
    return true;
  }

  /** Removes `element`; false when it was not there. */
  delete(element: Element): boolean {
    const scroller = this.scrollers.get(element);
    if (scroller === undefined) return false;
    this.scrollers.delete(element);
    this.loose.add(scroller);
    return true;
  }

  clear(): void {
    this.groups.clear();
    this.scrollers.clear();
    this.loose.clear();
  }

  /** Each container and its elements, in document order. */
  lists(): MapIterator<[Element | null, Element[]]> {
    for (const scroller of this.loose) {
      const kept = this.groups.get(scroller)?.filter((element) => this.scrollers.has(element)) ?? [];
      if (kept.length) this.groups.set(scroller, kept);
      else this.groups.delete(scroller);
    }
    this.loose.clear();
    return this.groups.entries();
  }
}

/** Inserts `element` into `list`, kept in document order; new elements usually come last. */
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
