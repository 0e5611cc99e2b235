import type { Band } from './band';
import type { ViewportChecks } from './viewport-checks';

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
