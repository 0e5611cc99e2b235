/**
 * jsdom has no IntersectionObserver. This stand-in lets a test decide which elements are visible,
 * near or far, and delivers entries the way the browser does (asynchronously, per observer).
 */
type Zone = 'visible' | 'near' | 'far';

const instances = new Set<FakeIntersectionObserver>();
let zoneOf: (element: Element) => Zone = () => 'visible';

export class FakeIntersectionObserver {
  readonly root: Element | null;
  readonly rootMargin: string;
  readonly thresholds = [0];
  private readonly targets = new Set<Element>();

  constructor(
    private readonly callback: IntersectionObserverCallback,
    options: IntersectionObserverInit = {},
  ) {
    this.root = (options.root as Element | null) ?? null;
    this.rootMargin = options.rootMargin ?? '0px';
    instances.add(this);
  }

  /** Observers created with a margin report "near" elements as intersecting too. */
  private intersects(element: Element): boolean {
    const zone = zoneOf(element);
    return zone === 'visible' || (zone === 'near' && this.rootMargin !== '0px');
  }

  observe(element: Element): void {
    this.targets.add(element);
    queueMicrotask(() => this.deliver([element]));
  }
  unobserve(element: Element): void {
    this.targets.delete(element);
  }
  disconnect(): void {
    this.targets.clear();
    instances.delete(this);
  }
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }

  deliver(elements: Iterable<Element>): void {
    const entries = [...elements]
      .filter((element) => this.targets.has(element))
      .map((target) => ({ target, isIntersecting: this.intersects(target) }) as IntersectionObserverEntry);
    if (entries.length) this.callback(entries, this as unknown as IntersectionObserver);
  }
}

/** Installs the fake and sets how visible each element is; `rescan()` re-delivers after a change. */
export function installFakeIntersectionObserver(zones: (element: Element) => Zone = () => 'visible') {
  zoneOf = zones;
  globalThis.IntersectionObserver = FakeIntersectionObserver as unknown as typeof IntersectionObserver;
  return {
    setZones(next: (element: Element) => Zone) {
      zoneOf = next;
    },
    rescan() {
      for (const observer of instances)
        observer.deliver((observer as unknown as { targets: Set<Element> }).targets);
    },
  };
}
