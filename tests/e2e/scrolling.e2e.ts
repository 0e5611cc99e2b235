import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useExtensionSession } from './extension-session';
import { needsTranslation, openFixture, snapshotUnits, waitForNoPending } from './support';

/** A note with 150 synthetic comment threads, all loaded with the note (no paging to wait for). */
const LONG_NOTE = '/explore/67875c34000000006f54d753?comments=150&commentPageSize=150';

/** Comment units that need translation, split by whether they show a finished translation. */
async function commentStates(page: Page) {
  const { units } = await snapshotUnits(page);
  const comments = units.filter((view) => view.unit.kind === 'comment' && needsTranslation(view.unit, 'en'));
  const done = comments.filter((view) => view.overlays[0]?.state === 'done');
  return {
    total: comments.length,
    /** Keys of all of them, in page order. */
    keys: comments.map((view) => view.unit.key),
    done: done.map((view) => view.unit.key),
  };
}

describe('scrolling a long comment list', () => {
  const session = useExtensionSession({ locale: 'en-US' });

  it('fetches nothing a fling passes over, translates where the reader lands, and what they scroll back to', async () => {
    session.server.provider.reset();
    const page = await session.browser.context.newPage();
    await openFixture(page, LONG_NOTE, { apiDelay: 0 });
    await page.locator('.end-container').waitFor({ state: 'attached' });
    await waitForNoPending(page);
    const atTop = await commentStates(page);
    expect(atTop.total).toBeGreaterThan(80);

    // A fling to the bottom with the mouse wheel: 700 px every frame or two.
    const scroller = page.locator('.note-scroller');
    const box = (await scroller.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let step = 0; step < 200; step++) {
      await page.mouse.wheel(0, 700);
      await page.waitForTimeout(20);
      const atEnd = await scroller.evaluate(
        (element) => element.scrollTop + element.clientHeight >= element.scrollHeight - 4,
      );
      if (atEnd) break;
    }
    await page.waitForTimeout(400);
    await waitForNoPending(page);
    const landed = await commentStates(page);
    // The comments on screen at the bottom are translated…
    const last = landed.keys.at(-1)!;
    await expect.poll(async () => (await commentStates(page)).done, { timeout: 10_000 }).toContain(last);
    // …and most of those flown past were never sent.
    expect(landed.done.length).toBeLessThan(atTop.done.length + 0.5 * (atTop.total - atTop.done.length));

    // Back to the middle: what comes into view there is translated then.
    const middle = landed.keys[Math.floor(landed.keys.length / 2)]!;
    expect(landed.done).not.toContain(middle);
    await page.evaluate(
      (id) => {
        document.getElementById(id)!.scrollIntoView({ block: 'center' });
      },
      middle.replace(/^comment:/, 'comment-'),
    );
    await expect.poll(async () => (await commentStates(page)).done, { timeout: 10_000 }).toContain(middle);
    await page.close();
  });
});
