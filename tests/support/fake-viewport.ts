/**
 * jsdom lays nothing out: every box is empty. This stand-in gives each element a box by the zone a
 * test puts it in (on screen, within the screens fetched ahead, far below or far above), so the real
 * viewport checks run on it; scroll containers fill the screen. `rescan()` scrolls the page, which
 * makes the checks read the boxes again (after their throttle). Zones stay as the test sets them.
 */
import { CHECK_INTERVAL_MS } from '@/utils/viewport/scroll-motion';

/** `far` lies far below the screen, `above` far above it. */
type Zone = 'visible' | 'near' | 'far' | 'above';

const SCROLLERS = '.note-scroller';

export function installFakeViewport(zones: (element: Element) => Zone = () => 'visible') {
  let zoneOf = zones;
  const original = Element.prototype.getBoundingClientRect;
  // Checks read boxes again only once the page has moved: `rescan()` scrolls the window and every
  // scroller by a third of a screen, at a reader's pace.
  let scrolled = 0;
  const scrollTop = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop')!;
  Object.defineProperty(Element.prototype, 'scrollTop', {
    configurable: true,
    get(this: Element) {
      return this.matches(SCROLLERS) ? scrolled : 0;
    },
    set() {},
  });
  Object.defineProperty(window, 'scrollY', { configurable: true, get: () => scrolled });
  Element.prototype.getBoundingClientRect = function (this: Element): DOMRect {
    const screen = window.innerHeight;
    const box = (top: number, height: number) =>
      ({ top, bottom: top + height, height, left: 0, right: 400, width: 400, x: 0, y: top }) as DOMRect;
    if (!this.isConnected) return box(0, 0);
    if (this === document.documentElement || this === document.body || this.matches(SCROLLERS))
      return box(0, screen);
    const zone = zoneOf(this);
    if (zone === 'above') return box(-screen * 20, 20);
    return zone === 'visible' ? box(100, 20) : zone === 'near' ? box(screen + 200, 20) : box(screen * 20, 20);
  };
  return {
    setZones(next: (element: Element) => Zone) {
      zoneOf = next;
    },
    /** Scrolls, then waits out the checks' throttle so the next check has run. */
    async rescan() {
      scrolled += Math.round(window.innerHeight / 3);
      window.dispatchEvent(new Event('scroll'));
      await new Promise((resolve) => setTimeout(resolve, CHECK_INTERVAL_MS + 20));
    },
    uninstall() {
      Element.prototype.getBoundingClientRect = original;
      Object.defineProperty(Element.prototype, 'scrollTop', scrollTop);
      delete (window as { scrollY?: number }).scrollY;
    },
  };
}
