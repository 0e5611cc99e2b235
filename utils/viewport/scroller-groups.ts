import { elementsInBand, placeOf, type Band, type Placed } from './band';
import type { BandReads } from './band-reads';

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
