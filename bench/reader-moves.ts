/**
 * How a reader moves through a note's comments (`.note-scroller` on a standalone note page), as
 * small steps the reading patterns are made of. Each waits on the page, never on RedBridge.
 */
import type { Locator, Page } from 'playwright-core';
import { seededRandom } from '../tests/fixtures/site/model.js';

const scrollerOf = (page: Page): Locator => page.locator('.note-scroller');

/** Puts the mouse over the comments, so wheel events scroll them. */
async function pointAtComments(page: Page): Promise<void> {
  const box = (await scrollerOf(page).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

/** True at the end of the comments (the end marker in, scrolled to the bottom) or at the top. */
function atEdge(page: Page, direction: 1 | -1): Promise<boolean> {
  return scrollerOf(page).evaluate((element, down) => {
    if (!down) return element.scrollTop <= 0;
    const bottom = element.scrollTop + element.clientHeight >= element.scrollHeight - 4;
    return bottom && !!element.querySelector('.end-container');
  }, direction === 1);
}

/**
 * Reads with the mouse wheel at a steady pace: `stepPx` every `everyMs`, for `seconds` or until the
 * comments end (upwards with `direction: -1`, until the top). Steps keep to the clock, so a slow
 * round trip to the browser delays one step, not the pace.
 */
export async function wheelAtPace(
  page: Page,
  {
    stepPx,
    everyMs,
    seconds,
    direction = 1,
  }: { stepPx: number; everyMs: number; seconds: number; direction?: 1 | -1 },
): Promise<void> {
  await pointAtComments(page);
  const start = Date.now();
  for (let step = 0; Date.now() < start + seconds * 1000; step++) {
    await page.mouse.wheel(0, direction * stepPx);
    // Asking the page every step would add a round trip to each; every fifth is often enough.
    if (step % 5 === 4 && (await atEdge(page, direction))) return;
    await page.waitForTimeout(Math.max(0, start + (step + 1) * everyMs - Date.now()));
  }
}

/**
 * Keyboard paging (Page Down, Space): instant jumps of 0.8 of the scroller's height, 0.5–1 s apart
 * (seeded, so every run pauses the same way).
 */
export async function pageDown(page: Page, { jumps, seed }: { jumps: number; seed: number }): Promise<void> {
  const pause = seededRandom(seed);
  for (let jump = 0; jump < jumps; jump++) {
    const end = await scrollerOf(page).evaluate((element) => {
      element.scrollBy({ top: element.clientHeight * 0.8, behavior: 'instant' });
      return (
        !!element.querySelector('.end-container') &&
        element.scrollTop + element.clientHeight >= element.scrollHeight - 4
      );
    });
    if (end) return;
    await page.waitForTimeout(500 + Math.round(500 * pause()));
  }
}

/**
 * A trackpad fling: wheel events of 400–600 px every 16 ms (seeded) for `seconds`, loading comment
 * pages on the way as the list's end comes near. Resolves once the list has stopped moving.
 */
export async function fling(page: Page, { seconds, seed }: { seconds: number; seed: number }): Promise<void> {
  await pointAtComments(page);
  const size = seededRandom(seed);
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    await page.mouse.wheel(0, 400 + Math.round(200 * size()));
    await page.waitForTimeout(16);
  }
  await untilStill(page);
}

/** Waits until the scroller's position has not changed for 150 ms (a wheel scroll animates). */
export async function untilStill(page: Page): Promise<void> {
  // Polled from here: a function defined inside page.evaluate would be renamed by the bundler tsx
  // uses, into a helper the page does not have.
  const scroller = scrollerOf(page);
  let last = await scroller.evaluate((element) => element.scrollTop);
  for (let still = 0; still < 3;) {
    await page.waitForTimeout(50);
    const now = await scroller.evaluate((element) => element.scrollTop);
    still = now === last ? still + 1 : 0;
    last = now;
  }
}

/** Loads `pages` more comment pages the way scrolling near the end would, without scrolling. */
export async function loadCommentPages(page: Page, pages: number): Promise<void> {
  await page.evaluate(async (count) => {
    const fixture = window.__fixture as unknown as { loadMoreComments(): Promise<unknown> };
    for (let loaded = 0; loaded < count; loaded++) await fixture.loadMoreComments();
  }, pages);
}

/** Jumps at once to the end of the comments loaded so far (the End key). */
export async function jumpToEnd(page: Page): Promise<void> {
  await scrollerOf(page).evaluate((element) =>
    element.scrollTo({ top: element.scrollHeight, behavior: 'instant' }),
  );
  await untilStill(page);
}
