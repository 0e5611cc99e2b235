import type { Band } from './band';
import { CHECK_INTERVAL_MS, ScrollMotion, type MotionReading } from './scroll-motion';

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

/**
 * Between checks while every scroller looked at is flung: nothing is fetched or marked then, and
 * only where the fling stops matters.
 */
export const FLUNG_CHECK_INTERVAL_MS = 250;

export class ViewportChecks {
  private readonly clients = new Set<ViewportClient>();
  /** Clients that asked for the next check; a check after scrolling runs every following client. */
  private readonly asked = new Set<ViewportClient>();
  private scrolled = false;
  private readonly afterLayout: ResizeObserver | undefined;
  /** The throttled check's timer. */
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** While a scroller is flung: checks on a steady beat, not a timer set per check. */
  private ticker: ReturnType<typeof setInterval> | undefined;
  /** Where there is no resize observer: the timer standing in for the next layout. */
  private layoutTimer: ReturnType<typeof setTimeout> | undefined;
  private waitingForLayout = false;
  private lastCheck = -Infinity;
  /** Until the next throttled check: longer while everything looked at is flung. */
  private interval = CHECK_INTERVAL_MS;
  private listening = false;
  /** Whether scroll events come to us: not while the beat runs, which reads the motion itself. */
  private scrollListened = false;
  private readonly motion = new ScrollMotion();
  /** What this check has read of each scroller, read once however many clients ask. */
  private readonly views = new Map<Element | null, Band | undefined>();
  private readonly motions = new Map<Element | null, MotionReading>();
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
    this.motion.clear();
  }

  /** `client` has something new to place (elements just added): checks it after the next layout. */
  request(client: ViewportClient): void {
    this.asked.add(client);
    // While a scroller is flung, the next beat is soon enough: nothing is fetched then.
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
    // What the writes asked for (units just read, to place) waited for the beat; with the beat over,
    // it is placed after the next layout.
    if (this.asked.size > 0 && this.ticker === undefined && !this.waitingForLayout) this.cueAfterLayout();
  }

  /**
   * A scroller still flung is looked at again one beat later even if no scroll event comes: that
   * check sees where the fling stopped.
   */
  private followMotion(): void {
    this.motion.prune();
    const flung = [...this.motions.values()].some(({ motion }) => motion === 'flung');
    this.interval = flung ? FLUNG_CHECK_INTERVAL_MS : CHECK_INTERVAL_MS;
    if (!flung || !this.listening) {
      this.stopTicker();
      return;
    }
    this.scrolled = true;
    if (this.ticker !== undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.ticker = setInterval(() => {
      if (!this.waitingForLayout) this.cueAfterLayout();
    }, FLUNG_CHECK_INTERVAL_MS);
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

  /** How `root` moved since the last check that looked at it, and which way. Read once per check. */
  motionOf(root: Element | null): MotionReading {
    let reading = this.motions.get(root);
    if (!reading) {
      const view = this.viewOf(root);
      const height = view ? view.bottom - view.top : 0;
      reading = this.motion.judge(root, this.offsetOf(root), height, this.win.performance.now());
      this.motions.set(root, reading);
    }
    return reading;
  }

  /** How far `root` (null: the window) is scrolled. Read once per check. */
  offsetOf(root: Element | null): number {
    let offset = this.scrollOffsets.get(root);
    if (offset === undefined)
      this.scrollOffsets.set(root, (offset = root ? root.scrollTop : this.win.scrollY));
    return offset;
  }
}

const perWindow = new WeakMap<Window, ViewportChecks>();

/** The window's shared checks. */
export function viewportChecksFor(win: Window & typeof globalThis): ViewportChecks {
  let checks = perWindow.get(win);
  if (!checks) perWindow.set(win, (checks = new ViewportChecks(win)));
  return checks;
}
