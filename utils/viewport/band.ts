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
