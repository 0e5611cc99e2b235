/**
 * How each scroller moved between two checks. Only speed is judged, never intent: what moves past
 * faster than a reader can read is not fetched, and a scroller that stops is read where it stopped.
 */

/** At most one check per this many milliseconds while the page scrolls. */
export const CHECK_INTERVAL_MS = 100;

/**
 * A scroller moving faster than this many of its own heights a second is being flung, not read,
 * unless it had not moved fast for `JUMP_REST_MS`: one fast interval from rest is a jump (back to
 * the top, to a linked comment, a page key), and where it lands is read at once.
 */
export const FLING_SCREENS_PER_SECOND = 4;

/**
 * How long a scroller must not have moved fast for a fast move to count as a jump. A fling that
 * pauses at the end of the loaded comments while the next page loads, then goes on, is still a
 * fling: read at the pause, not read again when it goes on.
 */
export const JUMP_REST_MS = 500;

/** settled: moving at a reading pace or still; jumped: fast once from rest; flung: fast again. */
export type Motion = 'settled' | 'jumped' | 'flung';

/** Down the page (1) or up it (-1): what lies ahead in this direction is fetched first. */
export type Direction = 1 | -1;

export interface MotionReading {
  motion: Motion;
  direction: Direction;
}

interface Last extends MotionReading {
  offset: number;
  at: number;
  /** When it last moved fast. */
  fastAt: number;
}

export class ScrollMotion {
  /** Each scroller's (null: the window's) offset and reading when it was last judged. */
  private readonly last = new Map<Element | null, Last>();

  /**
   * How `root` moved since it was last judged, given where it is now (`offset`), how tall its view
   * is and the time. Speed over less than a check interval is noise (a wheel notch scrolls in one
   * short burst): a check that soon after the last one goes by what that one saw.
   */
  judge(root: Element | null, offset: number, height: number, at: number): MotionReading {
    const last = this.last.get(root);
    if (last && at - last.at < CHECK_INTERVAL_MS) return { motion: last.motion, direction: last.direction };
    const moved = last ? offset - last.offset : 0;
    const screensPerSecond =
      last && at > last.at && height > 0 ? (Math.abs(moved) / height) * (1000 / (at - last.at)) : 0;
    const fast = screensPerSecond > FLING_SCREENS_PER_SECOND;
    const fastAt = last?.fastAt ?? -Infinity;
    const motion: Motion = fast ? (at - fastAt <= JUMP_REST_MS ? 'flung' : 'jumped') : 'settled';
    // A few pixels of drift (a layout shift, a bounce) do not turn the reader around.
    const direction: Direction =
      Math.abs(moved) > Math.max(4, height / 50) ? (moved > 0 ? 1 : -1) : (last?.direction ?? 1);
    const reading = { motion, direction };
    this.last.set(root, { ...reading, offset, at, fastAt: fast ? at : fastAt });
    return reading;
  }

  /** Forgets scrollers that left the page (a closed note's). */
  prune(): void {
    for (const root of this.last.keys()) if (root && !root.isConnected) this.last.delete(root);
  }

  clear(): void {
    this.last.clear();
  }
}
