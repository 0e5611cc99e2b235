import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeViewport } from '@/tests/support/fake-viewport';
import { CHECK_INTERVAL_MS, JUMP_REST_MS } from './scroll-motion';
import { FLUNG_CHECK_INTERVAL_MS } from './viewport-checks';
import { VisibilityTracker, type Proximity } from './visibility-tracker';

const NEAR = { aheadScreens: 3, refillScreens: 1, behindScreens: 0.5 };

describe('VisibilityTracker', () => {
  let viewport: ReturnType<typeof installFakeViewport>;
  afterEach(() => viewport.uninstall());

  it('reports new elements once placed, then each change as the page scrolls, all of a check together', async () => {
    const zones = new Map<Element, 'visible' | 'near' | 'far' | 'above'>();
    viewport = installFakeViewport((element) => zones.get(element) ?? 'far');
    const [a, b, c] = [0, 1, 2].map((): Element => {
      const parent = document.createElement('div');
      const element = document.createElement('p');
      parent.append(element);
      document.body.append(parent);
      return element;
    }) as [Element, Element, Element];
    zones.set(a, 'visible').set(b, 'near');
    const reports: (readonly (readonly [Element, Proximity])[])[] = [];
    const tracker = new VisibilityTracker((changes) => reports.push(changes), {
      win: window,
      ...NEAR,
      findScroller: () => null,
    });
    for (const element of [a, b, c]) tracker.observe(element);
    expect(tracker.proximity(a)).toBe('far'); // not placed yet
    await vi.waitFor(() => expect(reports).toHaveLength(1));
    expect(reports[0]).toEqual([
      [a, 'visible'],
      [b, 'near'],
    ]);
    expect([a, b, c].map((element) => tracker.proximity(element))).toEqual(['visible', 'near', 'far']);

    // Scrolled on: a leaves, b is in view, c comes near; nothing is reported for an unchanged one.
    zones.set(a, 'above').set(b, 'visible').set(c, 'near');
    await viewport.rescan();
    expect(reports.slice(1)).toEqual([
      [
        [a, 'far'],
        [b, 'visible'],
        [c, 'near'],
      ],
    ]);
    tracker.unobserve(c);
    zones.set(c, 'visible');
    await viewport.rescan();
    expect(reports).toHaveLength(2);
    expect(tracker.proximity(c)).toBe('far');

    // Nothing watched: the page's scrolling no longer calls the checks.
    const removed = vi.spyOn(window, 'removeEventListener');
    tracker.disconnect();
    expect(removed).toHaveBeenCalledWith('scroll', expect.any(Function), { capture: true });
    document.body.replaceChildren();
  });

  it('reads boxes again once the page moved a quarter of a screen, and of new elements only their own', async () => {
    viewport = installFakeViewport(() => 'near');
    const element = () => document.body.appendChild(document.createElement('p'));
    const tracker = new VisibilityTracker(() => undefined, {
      win: window,
      ...NEAR,
      findScroller: () => null,
    });
    tracker.observe(element());
    await new Promise((resolve) => setTimeout(resolve, 20));
    const reads = vi.spyOn(Element.prototype, 'getBoundingClientRect');
    try {
      // A scroll event with the page where it was (or moved a few pixels): nothing to read.
      window.dispatchEvent(new Event('scroll'));
      await new Promise((resolve) => setTimeout(resolve, CHECK_INTERVAL_MS + 20));
      expect(reads).not.toHaveBeenCalled();
      await viewport.rescan(); // a third of a screen
      expect(reads).toHaveBeenCalled();
      reads.mockClear();
      const added = element();
      tracker.observe(added);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(reads.mock.contexts).toEqual([added]);
      expect(tracker.proximity(added)).toBe('near');
    } finally {
      reads.mockRestore();
    }
    tracker.disconnect();
    document.body.replaceChildren();
  });

  it('reads again as soon as a unit read below the screen may have come close to it', async () => {
    viewport = installFakeViewport(() => 'visible');
    let scrollY = 0;
    Object.defineProperty(window, 'scrollY', { configurable: true, get: () => scrollY });
    const unit = document.body.appendChild(document.createElement('p'));
    // 30 px further below the screen than a quarter screen (closer counts as visible already).
    const top = () => window.innerHeight * 1.25 + 30 - scrollY;
    unit.getBoundingClientRect = () =>
      ({ top: top(), bottom: top() + 20, height: 20, width: 300 }) as DOMRect;
    const tracker = new VisibilityTracker(() => undefined, {
      win: window,
      ...NEAR,
      findScroller: () => null,
    });
    tracker.observe(unit);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(tracker.proximity(unit)).toBe('near');
    scrollY = 50; // far less than a quarter of a screen, but the unit is close enough now
    window.dispatchEvent(new Event('scroll'));
    await new Promise((resolve) => setTimeout(resolve, CHECK_INTERVAL_MS + 20));
    expect(tracker.proximity(unit)).toBe('visible');
    tracker.disconnect();
    document.body.replaceChildren();
  });

  it('fetches nothing that flies past while the page is flung, and reads where it stopped at once', async () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'],
    });
    const zones = new Map<Element, 'visible' | 'near' | 'far' | 'above'>();
    viewport = installFakeViewport((element) => zones.get(element) ?? 'far');
    let scrollY = 0;
    Object.defineProperty(window, 'scrollY', { configurable: true, get: () => scrollY });
    /** Scrolls at `screensPerSecond` for `ms`, with a scroll event every 20 ms. */
    const scroll = async (screensPerSecond: number, ms: number) => {
      for (let elapsed = 0; elapsed < ms; elapsed += 20) {
        scrollY += (screensPerSecond * window.innerHeight) / 50;
        window.dispatchEvent(new Event('scroll'));
        await vi.advanceTimersByTimeAsync(20);
      }
    };
    const [passed, landed, ahead] = [0, 1, 2].map((): Element => {
      const parent = document.createElement('div');
      parent.append(document.createElement('p'));
      document.body.append(parent);
      return parent.firstElementChild!;
    }) as [Element, Element, Element];
    const reports: (readonly (readonly [Element, Proximity])[])[] = [];
    let watchOnReport: (() => void) | undefined;
    const tracker = new VisibilityTracker(
      (changes) => {
        reports.push(changes);
        watchOnReport?.();
        watchOnReport = undefined;
      },
      { win: window, ...NEAR, findScroller: () => null },
    );
    tracker.observe(passed);
    tracker.observe(landed);
    tracker.observe(ahead);
    await vi.advanceTimersByTimeAsync(500); // the first check records where the page is

    // Flung at 20 screens a second (its first check is a jump's, with nothing near yet): a unit on
    // screen for a moment, then gone by.
    await scroll(20, 200);
    zones.set(passed, 'visible');
    await scroll(20, 200);
    zones.set(passed, 'above').set(landed, 'visible').set(ahead, 'near');
    await scroll(20, 100);
    expect(reports).toEqual([]);

    // Stopped: the next beat reads what is on screen there and what lies ahead, in one report. What
    // that report makes the caller watch (the units of a thread it reads there) is placed next.
    const unit = landed.parentElement!.appendChild(document.createElement('span'));
    zones.set(unit, 'visible');
    watchOnReport = () => tracker.observe(unit);
    await vi.advanceTimersByTimeAsync(FLUNG_CHECK_INTERVAL_MS + CHECK_INTERVAL_MS);
    expect(reports).toEqual([
      [
        [landed, 'visible'],
        [ahead, 'near'],
      ],
      [[unit, 'visible']],
    ]);
    reports.splice(1);
    tracker.unobserve(unit);

    // One jump after a rest is not a fling: where it lands is reported at once.
    await vi.advanceTimersByTimeAsync(JUMP_REST_MS);
    zones.set(passed, 'visible').set(landed, 'far').set(ahead, 'far');
    scrollY -= 30 * window.innerHeight;
    window.dispatchEvent(new Event('scroll'));
    await vi.advanceTimersByTimeAsync(20);
    expect(reports.slice(1)).toEqual([
      [
        [landed, 'far'],
        [ahead, 'far'],
        [passed, 'visible'],
      ],
    ]);
    tracker.disconnect();
    delete (window as { scrollY?: number }).scrollY;
    document.body.replaceChildren();
    vi.useRealTimers();
  });

  it('renews what is near ahead in large steps, in the direction the reader travels', async () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'],
    });
    const screen = window.innerHeight;
    let scrollY = 0;
    Object.defineProperty(window, 'scrollY', { configurable: true, get: () => scrollY });
    // Eighty comments a hundred pixels tall, laid out down the page.
    const units = Array.from({ length: 80 }, (_, index) => {
      const unit = document.body.appendChild(document.createElement('p'));
      unit.getBoundingClientRect = () =>
        ({
          top: index * 100 - scrollY,
          bottom: index * 100 + 100 - scrollY,
          height: 100,
          width: 300,
        }) as DOMRect;
      return unit;
    });
    const near = new Set<number>();
    const tracker = new VisibilityTracker(
      (changes) => {
        for (const [unit, proximity] of changes)
          if (proximity === 'far') near.delete(units.indexOf(unit as HTMLParagraphElement));
          else near.add(units.indexOf(unit as HTMLParagraphElement));
      },
      { win: window, ...NEAR, findScroller: () => null },
    );
    for (const unit of units) tracker.observe(unit);
    await vi.advanceTimersByTimeAsync(50);
    const reach = () => Math.max(...near);
    // The screen with its quarter-screen slack, and three screens beyond it.
    const first = reach();
    expect(first * 100).toBeGreaterThanOrEqual(screen * 4.25 - 100);

    /** Reads downwards (or upwards) at a reader's pace: 100 px every 200 ms. */
    const read = async (px: number, steps: number) => {
      for (let step = 0; step < steps; step++) {
        scrollY += px;
        window.dispatchEvent(new Event('scroll'));
        await vi.advanceTimersByTimeAsync(200);
      }
    };
    // Not renewed while more than a screen of it is left ahead...
    await read(100, Math.floor((screen * 2) / 100) - 1);
    expect(reach()).toBe(first);
    // ...then renewed by two screens at once.
    await read(100, 3);
    expect((reach() - first) * 100).toBeGreaterThanOrEqual(screen * 2);

    // Turned around: what lies above is near now, what is far below is not.
    const before = Math.min(...near);
    await read(-100, 2);
    expect(Math.max(...near) * 100 - scrollY).toBeLessThan(screen * 2);
    expect(Math.min(...near)).toBeLessThan(before);
    tracker.disconnect();
    delete (window as { scrollY?: number }).scrollY;
    document.body.replaceChildren();
    vi.useRealTimers();
  });
});
