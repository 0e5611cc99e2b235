export type Proximity = 'visible' | 'near' | 'far';

/**
 * Tells how close each watched element is to being seen, so visible units are translated first and
 * far ones wait. Elements inside a scroll container (a note's `.note-scroller`, which scrolls while
 * the window does not) are measured against that container: the viewport's margin would be
 * clipped by the container and never see what is about to scroll in.
 */
export class VisibilityTracker {
  private readonly observers = new Map<
    Element | null,
    { near: IntersectionObserver; visible: IntersectionObserver }
  >();
  private readonly state = new Map<Element, { near: boolean; visible: boolean }>();
  private readonly rootOf = new Map<Element, Element | null>();
  private readonly watchedPerRoot = new Map<Element | null, number>();

  constructor(
    private readonly onChange: (element: Element, proximity: Proximity) => void,
    private readonly options: { nearMargin: string; findScroller: (element: Element) => Element | null },
  ) {}

  observe(element: Element): void {
    if (this.rootOf.has(element)) return;
    const root = this.options.findScroller(element);
    this.rootOf.set(element, root);
    this.state.set(element, { near: false, visible: false });
    this.watchedPerRoot.set(root, (this.watchedPerRoot.get(root) ?? 0) + 1);
    const { near, visible } = this.observersFor(root);
    near.observe(element);
    visible.observe(element);
  }

  unobserve(element: Element): void {
    const root = this.rootOf.get(element);
    if (root === undefined) return;
    const observers = this.observers.get(root);
    observers?.near.unobserve(element);
    observers?.visible.unobserve(element);
    this.rootOf.delete(element);
    this.state.delete(element);
    const remaining = (this.watchedPerRoot.get(root) ?? 1) - 1;
    this.watchedPerRoot.set(root, remaining);
    // A closed modal takes its scroller with it: drop that scroller's observers too.
    if (observers && root && remaining === 0) {
      observers.near.disconnect();
      observers.visible.disconnect();
      this.observers.delete(root);
      this.watchedPerRoot.delete(root);
    }
  }

  proximity(element: Element): Proximity {
    const state = this.state.get(element);
    if (!state) return 'far';
    return state.visible ? 'visible' : state.near ? 'near' : 'far';
  }

  disconnect(): void {
    for (const { near, visible } of this.observers.values()) {
      near.disconnect();
      visible.disconnect();
    }
    this.observers.clear();
    this.watchedPerRoot.clear();
    this.state.clear();
    this.rootOf.clear();
  }

  private observersFor(root: Element | null) {
    let pair = this.observers.get(root);
    if (!pair) {
      const update = (key: 'near' | 'visible') => (entries: IntersectionObserverEntry[]) => {
        for (const entry of entries) {
          const state = this.state.get(entry.target);
          if (!state) continue;
          state[key] = entry.isIntersecting;
          this.onChange(entry.target, this.proximity(entry.target));
        }
      };
      pair = {
        near: new IntersectionObserver(update('near'), { root, rootMargin: this.options.nearMargin }),
        visible: new IntersectionObserver(update('visible'), { root }),
      };
      this.observers.set(root, pair);
    }
    return pair;
  }
}
