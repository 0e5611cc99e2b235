import type { Page } from 'playwright-core';
import { closedShadow } from './closed-shadow';
import { waitForNoPending } from './support';

/**
 * What a reader does on the fixture site and in the extension's pages, shared by the journeys that
 * look things up: select text with the mouse, and read what the background keeps.
 */

/** Sends one protocol message from an extension page, as the extension's own pages do. */
export async function ask<T>(page: Page, type: string, payload: object = {}): Promise<T> {
  const reply = (await page.evaluate(
    ({ type, payload }) => {
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
      };
      return chrome.runtime.sendMessage({ rb: 1, type, payload });
    },
    { type, payload },
  )) as { ok: boolean; value: T; error?: { message: string } };
  if (!reply.ok) throw new Error(reply.error?.message);
  return reply.value;
}

/** The look-up popover's panel, in its closed shadow root. */
export const lookUpPopover = (page: Page) =>
  closedShadow(page, '[data-rb-lookup]').locator('[role="dialog"]');

/** Where the first `text` in the comment `commentId` is on screen. */
export function textBox(page: Page, commentId: string, text: string) {
  return page
    .locator(`#comment-${commentId} .content .note-text`)
    .first()
    .evaluate((element, text) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const { left, right, top, bottom } = range.getBoundingClientRect();
        return { left, right, top, bottom };
      }
      throw new Error(`${text} is not in the comment`);
    }, text);
}

/**
 * Where `text` in the comment `commentId` is once the comment is translated and has kept its place
 * for 400 ms. Translations arriving above it move it: after a jump to it, those around it are
 * fetched then (comments flung past on the way were not), and each one shown above it pushes it
 * down. A jump soon after other scrolls counts as part of a fling, so those requests may go out
 * only half a second later: the comment's own translation, fetched with them, says they went.
 */
export async function settledTextBox(page: Page, commentId: string, text: string) {
  await page
    .locator(
      `#comment-${commentId} > .comment-inner-container > .right > [data-rb-translation][data-rb-state="done"]`,
    )
    .waitFor();
  let box = await textBox(page, commentId, text);
  for (let attempt = 0; attempt < 40; attempt++) {
    await waitForNoPending(page);
    await page.waitForTimeout(400);
    const now = await textBox(page, commentId, text);
    if (JSON.stringify(now) === JSON.stringify(box)) return now;
    box = now;
  }
  throw new Error(`"${text}" kept moving`);
}

/** Selects `phrase` inside the comment `commentId` by dragging the mouse over it, as a reader does. */
export async function dragSelect(page: Page, commentId: string, phrase: string): Promise<void> {
  const content = page.locator(`#comment-${commentId} .content .note-text`).first();
  // Bring the comment into view and drag once it keeps its place, and again if it moved under the
  // pointer anyway. Before another try, the popover opened for the wrong text is closed: it may
  // cover the phrase, and a drag starting on it selects nothing.
  for (let attempt = 0; attempt < 5; attempt++) {
    if (attempt > 0) {
      await page.keyboard.press('Escape');
      await lookUpPopover(page).waitFor({ state: 'detached' });
      await page.evaluate(() => document.getSelection()?.removeAllRanges());
    }
    await content.scrollIntoViewIfNeeded();
    const box = await settledTextBox(page, commentId, phrase);
    const y = (box.top + box.bottom) / 2;
    await page.mouse.move(box.left + 1, y);
    await page.mouse.down();
    await page.mouse.move((box.left + box.right) / 2, y, { steps: 3 });
    await page.mouse.move(box.right - 1, y, { steps: 3 });
    await page.mouse.up();
    if ((await page.evaluate(() => String(document.getSelection()))) === phrase) return;
  }
  throw new Error(`could not select "${phrase}": the comment kept moving`);
}
