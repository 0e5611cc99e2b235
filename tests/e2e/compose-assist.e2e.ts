import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useExtensionSession } from './extension-session';
import { NOTES, loadAllComments, openFixture } from './support';

const BAR = '[data-rb-compose]';
const TRANSLATE = `${BAR} [data-rb-compose-action="translate"]`;
const UNDO = `${BAR} [data-rb-compose-action="undo"]`;
const RETRY = `${BAR} [data-rb-compose-action="retry"]`;
const BACK = `${BAR} [data-rb-compose-back]`;
const EDITOR = '.engage-bar p#content-textarea';
const SEND = '.engage-bar .right-btn-area button.submit';
const JAPANESE_COMMENT = '67885b5f00000000bb147cb6';
const CHINESE_NOTIFICATION = '67877b9a000000007c1e4864';

/** Opens a note's comment box the way a reader does, by clicking "Say something...". */
async function openEditor(page: Page, note: string): Promise<void> {
  await openFixture(page, `/explore/${note}`);
  await page.locator('.engage-bar .content-edit').click();
  await page.locator(EDITOR).waitFor();
  await page.locator(BAR).waitFor();
}

function posts(page: Page) {
  return page.evaluate(() => window.__fixture!.posts);
}

function model(page: Page) {
  return page.evaluate(() => window.__fixture!.editorModel());
}

function editorHtml(page: Page) {
  return page.locator(EDITOR).innerHTML();
}

describe('compose assist for an English reader', () => {
  const session = useExtensionSession({ locale: 'en-US' });

  it('translates a comment on a Chinese note into Chinese, reads it back, and the site posts it', async () => {
    const page = await session.browser.context.newPage();
    await openEditor(page, NOTES.chengduFood);
    await page.evaluate(() => window.__fixture!.insertMention('吃货小王'));
    await page.locator(EDITOR).press('End');
    await page.keyboard.type('Your food guide is amazing, I want to try the hotpot! ');
    await page.evaluate(() => window.__fixture!.insertEmoji('[派对R]'));
    await expect.poll(() => page.locator(TRANSLATE).textContent()).toBe('Translate to 简体中文');

    await page.locator(TRANSLATE).click();
    await expect.poll(() => model(page)).toBe('@吃货小王 你的美食攻略太绝了，好想去吃火锅！ [派对R]');
    await expect
      .poll(() => page.locator(BACK).textContent())
      .toBe('@吃货小王 Your food guide is amazing, I really want to go eat hotpot! [派对R]');
    // The mention and the emoji are the site's own elements still, not text standing in for them.
    expect(await page.locator(`${EDITOR} .mention`).count()).toBe(1);
    expect(await page.locator(`${EDITOR} img.note-content-emoji`).count()).toBe(1);
    expect(await posts(page)).toEqual([]);

    await page.locator(SEND).click();
    await expect
      .poll(() => posts(page))
      .toEqual([
        { text: '@吃货小王 你的美食攻略太绝了，好想去吃火锅！ [派对R]', replyTo: null, trusted: true },
      ]);
    await page.close();
  });

  it('undoes to exactly what the reader wrote, and the site’s model follows', async () => {
    const page = await session.browser.context.newPage();
    await openEditor(page, NOTES.chengduFood);
    await page.locator(EDITOR).pressSequentially('Your food guide is amazing, I want to try the hotpot!');
    const before = { html: await editorHtml(page), model: await model(page) };

    await page.locator(TRANSLATE).click();
    await expect.poll(() => model(page)).toBe('你的美食攻略太绝了，好想去吃火锅！');
    await page.locator(UNDO).click();
    await expect.poll(() => model(page)).toBe(before.model);
    expect(await editorHtml(page)).toBe(before.html);
    await expect.poll(() => page.locator(UNDO).isHidden()).toBe(true);

    await page.locator(SEND).click();
    await expect
      .poll(() => posts(page))
      .toEqual([
        { text: 'Your food guide is amazing, I want to try the hotpot!', replyTo: null, trusted: true },
      ]);
    await page.close();
  });

  it('works by keyboard alone: Alt+Enter translates, the bar’s Undo is reached by Tab', async () => {
    const page = await session.browser.context.newPage();
    await openEditor(page, NOTES.chengduFood);
    await page.keyboard.type('Your food guide is amazing, I want to try the hotpot!');
    await page.keyboard.press('Alt+Enter');
    await expect.poll(() => model(page)).toBe('你的美食攻略太绝了，好想去吃火锅！');
    // The bar sits above the editor: Undo is the control right before it.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => model(page)).toBe('Your food guide is amazing, I want to try the hotpot!');
    expect(await posts(page)).toEqual([]);
    await page.close();
  });

  it('leaves the draft as it was and says why when translation fails, then retries', async () => {
    const { provider } = session.server;
    const page = await session.browser.context.newPage();
    await openEditor(page, NOTES.chengduFood);
    await page.keyboard.type('Your food guide is amazing, I want to try the hotpot!');
    const before = { html: await editorHtml(page), model: await model(page) };
    for (const id of ['google-html', 'microsoft-edge', 'google-gtx'] as const)
      provider.faults.failAlways(id, { status: 403 });
    try {
      await page.locator(TRANSLATE).click();
      await expect
        .poll(() => page.locator(`${BAR} [role="status"]`).textContent())
        .toMatch(/^Not translated, your draft is unchanged: /);
      expect({ html: await editorHtml(page), model: await model(page) }).toEqual(before);
    } finally {
      provider.faults.clear();
    }
    await page.locator(RETRY).click();
    await expect.poll(() => model(page), { timeout: 15_000 }).toBe('你的美食攻略太绝了，好想去吃火锅！');
    expect(await posts(page)).toEqual([]);
    await page.close();
  });

  it('ignores the page’s own clicks and keys on the bar', async () => {
    const page = await session.browser.context.newPage();
    await openEditor(page, NOTES.chengduFood);
    await page.keyboard.type('Your food guide is amazing, I want to try the hotpot!');
    const asked = session.server.provider.requests.length;
    await page.evaluate(() => {
      const bar = document.querySelector('[data-rb-compose]')!.shadowRoot!;
      bar.querySelector<HTMLButtonElement>('[data-rb-compose-action="translate"]')!.click();
      const editor = document.querySelector('#content-textarea')!;
      editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', altKey: true, bubbles: true }));
    });
    await page.waitForTimeout(500);
    expect(await model(page)).toBe('Your food guide is amazing, I want to try the hotpot!');
    expect(session.server.provider.requests.length).toBe(asked);
    await page.close();
  });

  it('answers a reply in the language of the comment replied to', async () => {
    const page = await session.browser.context.newPage();
    await openFixture(page, `/explore/${NOTES.catTax}`);
    await loadAllComments(page);
    // "猫ちゃん可愛すぎる！日本からも猫税を払いに来ました🐱"
    await page.locator(`#comment-${JAPANESE_COMMENT} .interactions .reply`).first().click();
    await page.locator(EDITOR).waitFor();
    const target = page.locator(`${BAR} select[data-rb-compose-target]`);
    await expect.poll(() => target.inputValue()).toBe('ja');
    // Cancelled, then a comment on the note itself: the English note is answered in Chinese again.
    await page.locator('.engage-bar .right-btn-area .cancel').click();
    await page.locator('.engage-bar .content-edit').click();
    await page.locator(EDITOR).waitFor();
    await expect.poll(() => target.inputValue()).toBe('zh-CN');
    await page.close();
  });
});

describe('compose assist on the notification page', () => {
  const session = useExtensionSession({ locale: 'en-US' });

  it('translates a reply typed into the plain reply box, and only the reader’s click posts it', async () => {
    const page = await session.browser.context.newPage();
    await openFixture(page, '/notification');
    // 猫猫教主 replied in Chinese: "胖橘不胖，只是毛比较蓬松（狗头）".
    const item = page.locator(`.container[data-comment-id="${CHINESE_NOTIFICATION}"]`);
    await item.locator('button.action-reply').click();
    const box = item.locator('textarea.comment-input');
    await box.waitFor();
    await page.keyboard.type('Thank you, he really is just fluffy!');
    await item.locator(TRANSLATE).click();
    await expect.poll(() => box.inputValue()).toBe('谢谢，他真的只是毛多！');
    await expect.poll(() => item.locator(BACK).textContent()).toBe('Thanks, he really is just fluffy!');
    expect(await posts(page)).toEqual([]);
    await item.locator('button.submit').click();
    await expect
      .poll(() => posts(page))
      .toEqual([{ text: '谢谢，他真的只是毛多！', replyTo: CHINESE_NOTIFICATION, trusted: true }]);
    await page.close();
  });
});

describe('compose assist for a Chinese reader', () => {
  const session = useExtensionSession({ locale: 'zh-CN' });

  it('translates a Chinese comment on an English note into English, with the bar in Chinese', async () => {
    const page = await session.browser.context.newPage();
    await openEditor(page, NOTES.catTax);
    await page.keyboard.type('你家猫好可爱，叫什么名字呀？');
    await expect.poll(() => page.locator(TRANSLATE).textContent()).toBe('翻译成English');
    await page.locator(TRANSLATE).click();
    await expect.poll(() => model(page)).toBe("Your cat is so cute, what's its name?");
    await expect.poll(() => page.locator(BACK).textContent()).toBe('你的猫好可爱，它叫什么名字？');
    await page.locator(SEND).click();
    await expect
      .poll(() => posts(page))
      .toEqual([{ text: "Your cat is so cute, what's its name?", replyTo: null, trusted: true }]);
    await page.close();
  });
});
