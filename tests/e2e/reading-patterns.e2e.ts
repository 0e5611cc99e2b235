/**
 * The ways of reading the benchmark measures (bench/reading-patterns.ts), held to what a reader
 * needs whatever the speed: every comment they stop on (in view once the movement has ended) shows
 * its translation right after its text, if it needs one. Waits on the page, never on a clock.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fling, jumpToEnd, loadCommentPages, untilStill, wheelAtPace } from '../../bench/reader-moves';
import { model } from '../fixtures/dataset';
import { useExtensionSession } from './extension-session';
import { NOTES, needsTranslation, openFixture, snapshotUnits, waitForNoPending } from './support';

const COMMENTS = 200;
const NOTE = `/explore/${NOTES.chengduFood}?comments=${COMMENTS}&apiDelay=50`;

/** Ids of the comments whose text is in `.note-scroller`'s view now. */
function commentsInView(page: Page): Promise<string[]> {
  return page.locator('.note-scroller').evaluate((scroller) => {
    const view = scroller.getBoundingClientRect();
    const ids: string[] = [];
    for (const content of scroller.querySelectorAll(
      '.comment-item > .comment-inner-container > .right > .content',
    )) {
      const box = content.getBoundingClientRect();
      if (box.bottom > view.top && box.top < view.bottom) ids.push(content.closest('.comment-item')!.id);
    }
    return ids.map((id) => id.replace(/^comment-/, ''));
  });
}

/** Of `ids`, the unit keys of those an English reader needs translated. */
async function needingTranslation(page: Page, ids: string[]): Promise<string[]> {
  const keys = new Set(ids.map((id) => `comment:${id}`));
  const { units } = await snapshotUnits(page);
  return units
    .filter((view) => keys.has(view.unit.key) && needsTranslation(view.unit, 'en'))
    .map((view) => view.unit.key);
}

/** Of `keys`, those without a finished translation right after their text. */
async function untranslated(page: Page, keys: string[]): Promise<string[]> {
  const { units } = await snapshotUnits(page);
  const done = new Set(
    units
      .filter((view) => view.overlays.length === 1 && view.overlays[0]!.state === 'done')
      .map((view) => view.unit.key),
  );
  return keys.filter((key) => !done.has(key));
}

/**
 * The comments in view now, taken as where the reader stopped, must each end up translated. The
 * set is taken before any translation lands: those push later comments out of view, but the reader
 * stopped on them all the same. Returns how many there were.
 */
async function expectStopTranslated(page: Page): Promise<number> {
  await untilStill(page);
  const stoppedOn = await needingTranslation(page, await commentsInView(page));
  await waitForNoPending(page);
  await expect.poll(() => untranslated(page, stoppedOn), { timeout: 15_000 }).toEqual([]);
  return stoppedOn.length;
}

describe('every way of reading translates what the reader stops on', () => {
  const session = useExtensionSession({ locale: 'en-US', viewport: { width: 1280, height: 860 } });

  it('keyboard paging: each page jumped to', async () => {
    const page = await session.browser.context.newPage();
    await openFixture(page, NOTE);
    let stoppedOn = 0;
    for (let jump = 0; jump < 6; jump++) {
      await page
        .locator('.note-scroller')
        .evaluate((element) => element.scrollBy({ top: element.clientHeight * 0.8, behavior: 'instant' }));
      // The first page may still show the note's body rather than comments.
      stoppedOn += await expectStopTranslated(page);
    }
    expect(stoppedOn).toBeGreaterThan(10);
    await page.close();
  });

  it('a fling: where it stops, then reading on', async () => {
    const page = await session.browser.context.newPage();
    await openFixture(page, NOTE);
    await fling(page, { seconds: 1.5, seed: 11 });
    expect(await expectStopTranslated(page)).toBeGreaterThan(0);
    await wheelAtPace(page, { stepPx: 120, everyMs: 200, seconds: 3 });
    expect(await expectStopTranslated(page)).toBeGreaterThan(0);
    await page.close();
  });

  it('a link to a comment deep in the list: the comment and those around it', async () => {
    const linked = model.rawThreads(NOTES.chengduFood, COMMENTS)[79]!.id;
    const page = await session.browser.context.newPage();
    await openFixture(page, `${NOTE}&anchorComment=${linked}`);
    // The fixture has loaded its way to the comment and put it at the top of the view.
    expect((await commentsInView(page))[0]).toBe(linked);
    expect(await expectStopTranslated(page)).toBeGreaterThan(0);
    await page.close();
  });

  it('reading back up from the end of the loaded comments', async () => {
    const page = await session.browser.context.newPage();
    await openFixture(page, NOTE);
    await loadCommentPages(page, 5);
    await jumpToEnd(page);
    expect(await expectStopTranslated(page)).toBeGreaterThan(0);
    await wheelAtPace(page, { stepPx: 120, everyMs: 200, seconds: 3, direction: -1 });
    expect(await expectStopTranslated(page)).toBeGreaterThan(0);
    await page.close();
  });
});
