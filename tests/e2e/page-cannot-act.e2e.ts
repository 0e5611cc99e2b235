import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PhraseListItem } from '@/utils/learning/phrase-store';
import { closedShadow } from './closed-shadow';
import { useExtensionSession } from './extension-session';
import { ask, dragSelect, lookUpPopover } from './reader-actions';
import { NOTES, loadAllComments, openFixture } from './support';

/** 绝绝子！被这只猫种草了，我也想养橘猫 */
const COMMENT = '67875e8c0000000092041e73';
const PHRASE = '种草';
/** The reader's own term, in the same comment, with a meaning only the reader should see. */
const TERM = '橘猫';
const SECRET = 'My note 7Q4F: the ginger cat my grandmother kept';

const termPopover = (page: Page) => closedShadow(page, 'rb-term-popover').locator('[role="dialog"]');
const userChip = (page: Page) =>
  page.locator(`#comment-${COMMENT} [data-rb-translation] [data-rb-term="${TERM}"].rb-term-user`).first();

/**
 * What a script of the page does to make RedBridge act on its own: selects the phrase and
 * dispatches the events a reader's look-up would make (mouse, Shift, Alt+hover), clicks every
 * RedBridge control it can find (chips, buttons in translations, the popover hosts and whatever
 * their shadow roots let it reach), and then reads the whole document, every shadow root it can
 * open included. Runs in the page's main world, as the site's own scripts do.
 */
function actAsThePage(page: Page): Promise<{ seen: string; reached: number }> {
  return page.evaluate(
    async ({ commentId, phrase }) => {
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      const content = document.querySelector(`#comment-${commentId} .content .note-text`)!;
      const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
      let node = walker.nextNode();
      while (node && !node.textContent!.includes(phrase)) node = walker.nextNode();
      const at = node!.textContent!.indexOf(phrase);
      const range = document.createRange();
      range.setStart(node!, at);
      range.setEnd(node!, at + phrase.length);
      const box = range.getBoundingClientRect();
      const point = { clientX: (box.left + box.right) / 2, clientY: (box.top + box.bottom) / 2 };
      const target = node!.parentElement!;
      const mouse = (type: string, init: MouseEventInit = {}) =>
        target.dispatchEvent(
          new MouseEvent(type, {
            bubbles: true,
            cancelable: true,
            composed: true,
            view: window,
            ...point,
            ...init,
          }),
        );
      const key = (on: EventTarget, type: string, init: KeyboardEventInit) =>
        on.dispatchEvent(
          new KeyboardEvent(type, { bubbles: true, cancelable: true, composed: true, ...init }),
        );

      // A press, the phrase selected as a drag would, and the release once the browser has
      // announced the new selection; then the keyboard's way, and Alt+hover.
      mouse('mousedown');
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      await sleep(50);
      mouse('mouseup');
      mouse('click');
      key(target, 'keyup', { key: 'Shift', shiftKey: true });
      key(window, 'keydown', { key: 'Alt', altKey: true });
      mouse('mousemove', { altKey: true });
      await sleep(150);
      mouse('mousemove', { altKey: true, clientX: point.clientX + 1 });
      key(window, 'keyup', { key: 'Alt' });
      await sleep(300);

      // Every control of RedBridge's in the page's reach, pressed once each (a second click would
      // close what the first opened), then the keyboard's Enter.
      const pressed = new Set<Element>();
      const press = (control: Element) => {
        if (pressed.has(control)) return;
        pressed.add(control);
        control.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
        key(control, 'keydown', { key: 'Enter' });
        key(control, 'keyup', { key: 'Enter' });
      };
      const controls = document.querySelectorAll(
        '[data-rb-term], [data-rb-translation] button, [data-rb-lookup], rb-term-popover',
      );
      for (const control of controls) {
        press(control);
        for (const inner of control.shadowRoot?.querySelectorAll('button') ?? []) press(inner);
      }
      // Whatever lies at a chip's place on screen, as far as the page can tell.
      for (const chip of document.querySelectorAll('[data-rb-term]')) {
        const at = chip.getBoundingClientRect();
        const hit = document.elementFromPoint(at.left + at.width / 2, at.top + at.height / 2);
        if (hit) press(hit);
      }
      await sleep(500);

      // Everything the page can read: text, attributes and every shadow root it can open.
      const seen: string[] = [document.documentElement.textContent ?? ''];
      const read = (root: Document | ShadowRoot) => {
        for (const element of root.querySelectorAll('*')) {
          for (const attribute of element.attributes) seen.push(attribute.value);
          if (element.shadowRoot) {
            seen.push(element.shadowRoot.textContent ?? '');
            read(element.shadowRoot);
          }
        }
      };
      read(document);
      return { seen: seen.join('\n'), reached: pressed.size };
    },
    { commentId: COMMENT, phrase: PHRASE },
  );
}

describe('the page cannot act for the reader', () => {
  const session = useExtensionSession({ locale: 'en-US' });

  it('ignores a page script’s selection, keys and clicks, and keeps the reader’s terms from it; the reader still acts', async () => {
    // The reader's own term, so there is something of theirs to steal.
    const options = await session.browser.openExtensionPage('options.html#glossary');
    await options.getByRole('textbox', { name: 'Term', exact: true }).first().fill(TERM);
    await options.getByLabel('Meaning (English)').first().fill(SECRET);
    await options.getByRole('button', { name: 'Add term' }).click();
    await options.getByRole('status').filter({ hasText: TERM }).waitFor();

    const page = await session.browser.context.newPage();
    await openFixture(page, `/explore/${NOTES.catTax}`, { apiDelay: 20 });
    await loadAllComments(page);
    // Comments are translated as they come near the screen: the chip shows once its comment does.
    await page.locator(`#comment-${COMMENT}`).scrollIntoViewIfNeeded();
    const chip = userChip(page);
    await chip.waitFor({ timeout: 20_000 });
    await chip.scrollIntoViewIfNeeded();

    // The page acts on its own: nothing opens, nothing is saved, nothing of the reader's is read.
    const first = await actAsThePage(page);
    expect(first.reached).toBeGreaterThan(0);
    expect(await page.locator('[data-rb-lookup]').count()).toBe(0);
    expect(await page.locator('rb-term-popover').count()).toBe(0);
    expect(await chip.getAttribute('aria-expanded')).toBe('false');
    expect(first.seen).not.toContain(SECRET);
    expect(await ask<PhraseListItem[]>(options, 'listPhrases')).toEqual([]);

    // The reader opens their term; the page tries again, and can neither read it nor close it.
    await chip.click();
    const term = termPopover(page);
    await term.waitFor();
    expect(await term.locator('.meaning').textContent()).toBe(SECRET);
    const withTerm = await actAsThePage(page);
    expect(withTerm.seen).not.toContain(SECRET);
    expect(await page.locator('[data-rb-lookup]').count()).toBe(0);
    expect(await page.locator('rb-term-popover').evaluate((host) => host.shadowRoot)).toBeNull();
    expect(await term.locator('.meaning').textContent()).toBe(SECRET);
    expect(await chip.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await term.waitFor({ state: 'detached' });

    // The reader looks the phrase up; the page presses everything again, Save included if it can.
    // The page left the phrase selected: a drag starting on a selection would move it, not select.
    await page.evaluate(() => document.getSelection()?.removeAllRanges());
    await dragSelect(page, COMMENT, PHRASE);
    const lookUp = lookUpPopover(page);
    await lookUp.locator('button.save').waitFor();
    await actAsThePage(page);
    expect(await page.locator('[data-rb-lookup]').evaluate((host) => host.shadowRoot)).toBeNull();
    // Still open (a script's mousedown elsewhere did not close it), and nothing was saved.
    expect(await lookUp.locator('.status').textContent()).toBe('');
    expect(await ask<PhraseListItem[]>(options, 'listPhrases')).toEqual([]);

    // The reader's own click saves it.
    await lookUp.locator('button.save').click();
    await lookUp.getByText('Saved to your phrasebook').waitFor();
    const saved = await ask<PhraseListItem[]>(options, 'listPhrases');
    expect(saved.map((phrase) => phrase.text)).toEqual([PHRASE]);
    await page.keyboard.press('Escape');
    await lookUp.waitFor({ state: 'detached' });

    // And the reader's keyboard still opens and closes their term: Enter on the focused chip.
    await chip.focus();
    await page.keyboard.press('Enter');
    await term.waitFor();
    expect(await term.locator('.meaning').textContent()).toBe(SECRET);
    await page.keyboard.press('Escape');
    await term.waitFor({ state: 'detached' });
    expect(await chip.getAttribute('aria-expanded')).toBe('false');
    await options.close();
    await page.close();
  });
});
