import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeViewport } from '@/tests/support/fake-viewport';
import {
  CHECK_INTERVAL_MS,
  elementsInBand,
  FLUNG_CHECK_INTERVAL_MS,
  ScrollerGroups,
  SETTLE_MS,
  type Placed,
} from './viewport-checks';
import { VisibilityTracker, type Proximity } from './visibility-tracker';

/** Elements with no box of their own (a source hidden behind its translation), placed by their parent's. */
function placed(boxes: readonly [top: number, height: number][]): Element[] & { reads: number[] } {
  const reads: number[] = [];
  const elements = boxes.map(([top, height], index) => {
    const parent = document.createElement('div');
    const element = document.createElement('p');
    parent.append(element);
    parent.getBoundingClientRect = () => {
      reads.push(index);
      return { top, bottom: top + height, height } as DOMRect;
    };
    return element as Element;
  });
  return Object.assign(elements, { reads });
}

describe('elementsInBand', () => {
  it('finds the elements of a long list that meet the band by bisection', () => {
    const list = placed(Array.from({ length: 1000 }, (_, index) => [index * 100 - 20_030, 100] as const));
    const found = elementsInBand(list, { top: 0, bottom: 800 }, { tallest: 0 });
    expect(found.map(({ element }) => list.indexOf(element))).toEqual([
      200, 201, 202, 203, 204, 205, 206, 207, 208,
    ]);
    expect(found[0]!.box.top).toBe(-30);
    expect(list.reads.length).toBeLessThan(25);
  });

  it('reads each box it returns no more than once', () => {
    const list = placed(Array.from({ length: 200 }, (_, index) => [index * 100 - 5_030, 100] as const));
    const found = elementsInBand(list, { top: -1600, bottom: 2400 }, { tallest: 100 });
    expect(found).toHaveLength(41);
    for (const { element } of found)
      expect(list.reads.filter((read) => read === list.indexOf(element)).length).toBeLessThanOrEqual(1);
  });

  it('keeps a tall card of another masonry column that reaches into the band, once one that tall was seen', () => {
    // Two columns: card 0 (left) is tall; cards 1–4 fill the right column; card 5 starts lower.
    const cards = placed([
      [-900, 1200],
      [-800, 200],
      [-600, 200],
      [-400, 200],
      [-200, 150],
      [350, 300],
    ]);
    const reach = { tallest: 0 };
    // While card 0 was on screen, an earlier check read its box.
    expect(
      elementsInBand(cards, { top: -1000, bottom: -700 }, reach).map(({ element }) => cards.indexOf(element)),
    ).toEqual([0, 1]);
    expect(reach.tallest).toBe(1200);
    const found = elementsInBand(cards, { top: 0, bottom: 800 }, reach);
    expect(found.map(({ element }) => cards.indexOf(element))).toEqual([0, 5]);
  });
});

describe('ScrollerGroups', () => {
  afterEach(() => document.body.replaceChildren());

  /** A thousand units a hundred pixels apart in the page, the 200th at the top of the screen. */
  function longList() {
    const list = placed(Array.from({ length: 1000 }, (_, index) => [index * 100 - 20_030, 100] as const));
    for (const element of list) document.body.append(element.parentElement!);
    const groups = new ScrollerGroups(() => null);
    for (const element of list) groups.add(element);
    return { list, groups, indices: (found: Placed[]) => found.map(({ element }) => list.indexOf(element)) };
  }

  it('keeps each list in document order, whatever order elements come in', () => {
    const { list, groups } = longList();
    const order = (elements: Element[]) => elements.map((element) => list.indexOf(element));
    const everything = { top: -Infinity, bottom: Infinity };
    // Read in runs (the units of one subtree), the runs in any order, single ones anywhere.
    for (const element of list) groups.delete(element);
    const runs = [
      list.slice(500, 520),
      list.slice(100, 110),
      list.slice(510, 530),
      [list[5]!],
      list.slice(900, 905),
    ];
    for (const run of runs) for (const element of run) groups.add(element);
    const expected = [...new Set(runs.flat())].sort((a, b) => list.indexOf(a) - list.indexOf(b));
    expect(order(groups.inBand(null, everything).map(({ element }) => element))).toEqual(order(expected));
  });

  it('never returns an element once it is removed, whether or not its list was compacted yet', () => {
    const { list, groups, indices } = longList();
    groups.delete(list[203]!);
    expect(indices(groups.inBand(null, { top: 0, bottom: 500 }))).toEqual([200, 201, 202, 204, 205]);
    for (const element of list.slice(0, 300)) groups.delete(element);
    expect(groups.size).toBe(700);
    expect(groups.inBand(null, { top: 0, bottom: 500 })).toEqual([]);
    expect(indices(groups.inBand(null, { top: 10_000, bottom: 10_200 }))).toEqual([300, 301, 302]);
  });

  it('drops followed elements the page removed once a check meets one', () => {
    const { list, groups, indices } = longList();
    expect(indices(groups.inBand(null, { top: 10_000, bottom: 10_200 }))).toEqual([300, 301, 302]);
    for (const element of list.slice(450, 550)) element.remove();
    groups.noteRemovals();
    expect(indices(groups.inBand(null, { top: 10_000, bottom: 10_200 }))).toEqual([300, 301, 302]);
    expect(groups.size).toBe(900);
  });

  it('lists an element followed again once, where it was', () => {
    const { list, groups, indices } = longList();
    groups.delete(list[201]!);
    groups.add(list[201]!);
    groups.delete(list[202]!);
    expect(indices(groups.inBand(null, { top: 0, bottom: 250 }))).toEqual([200, 201]);
    for (const element of list.slice(0, 300)) groups.delete(element); // compacted on the way
    groups.add(list[201]!);
    expect(indices(groups.inBand(null, { top: 0, bottom: 250 }))).toEqual([201]);
  });

  it('is not misled by elements that left the page before their list was compacted', () => {
    const { list, groups, indices } = longList();
    // A hundred units around the middle leave the page: their boxes read empty, as if at the top.
    for (const element of list.slice(450, 550)) {
      element.remove();
      groups.delete(element);
    }
    expect(indices(groups.inBand(null, { top: 10_000, bottom: 10_200 }))).toEqual([300, 301, 302]);
  });
});

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
      nearScreens: 2,
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
      nearScreens: 2,
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
      nearScreens: 2,
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

  it('fetches nothing that flies past while the page is flung, and reports where it landed', async () => {
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
    const tracker = new VisibilityTracker((changes) => reports.push(changes), {
      win: window,
      nearScreens: 2,
      findScroller: () => null,
    });
    tracker.observe(passed);
    tracker.observe(landed);
    tracker.observe(ahead);
    await vi.advanceTimersByTimeAsync(500); // the first check records where the page is

    // Flung at 20 screens a second (its first check is a jump's): a unit on screen for a moment,
    // then gone by.
    await scroll(20, 200);
    zones.set(passed, 'visible');
    await scroll(20, 200);
    zones.set(passed, 'above').set(landed, 'visible').set(ahead, 'near');
    await scroll(20, 100);
    expect(reports).toEqual([]);

    // Landed: the page stays put, and a check soon after reports what is on screen there, only that.
    await vi.advanceTimersByTimeAsync(FLUNG_CHECK_INTERVAL_MS + 100);
    expect(reports).toEqual([[[landed, 'visible']]]);

    // Flung on at once: that pause (a page of comments loading) was part of the fling.
    zones.set(landed, 'above').set(ahead, 'above');
    await scroll(20, 200);
    zones.set(landed, 'visible').set(ahead, 'near');
    await scroll(-20, 200);
    await vi.advanceTimersByTimeAsync(FLUNG_CHECK_INTERVAL_MS);
    expect(reports).toHaveLength(1);

    // Once the reader stays, what lies ahead is fetched too.
    await vi.advanceTimersByTimeAsync(SETTLE_MS + FLUNG_CHECK_INTERVAL_MS);
    expect(reports.slice(1)).toEqual([[[ahead, 'near']]]);

    // One jump is not a fling: where it lands is reported at once.
    zones.set(passed, 'visible').set(landed, 'far').set(ahead, 'far');
    scrollY -= 30 * window.innerHeight;
    window.dispatchEvent(new Event('scroll'));
    await vi.advanceTimersByTimeAsync(20);
    expect(reports.slice(2)).toEqual([
      [
        [landed, 'far'],
        [ahead, 'far'],
        [passed, 'visible'],
      ],
    ]);

    // After a jump the reader reads where it went: what lies ahead is fetched as they scroll on.
    zones.set(landed, 'near').set(ahead, 'near');
    await scroll(2, 300);
    expect(reports.slice(3)).toEqual([
      [
        [landed, 'near'],
        [ahead, 'near'],
      ],
    ]);
    tracker.disconnect();
    delete (window as { scrollY?: number }).scrollY;
    document.body.replaceChildren();
    vi.useRealTimers();
  });
});
