import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { INTERFACE_LABEL_SELECTOR } from '@/utils/xhs/interface-labels';
import { useExtensionSession } from './extension-session';
import { NOTES, expandAllReplies, loadAllComments, openFixture, readThrough, setSettings } from './support';

/** Han characters: what is left of the site's Chinese interface. */
const HAN = /\p{Script=Han}/u;

/** The page as the site drew it, without RedBridge's translation overlays. */
function siteMarkup(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    for (const overlay of copy.querySelectorAll('[data-rb-translation]')) overlay.remove();
    return copy.innerHTML;
  });
}

/** Every interface label on the page: its text now, and the original it carries. */
function labels(page: Page, selector: string): Promise<{ text: string; original: string | null }[]> {
  return page.$$eval(selector, (elements) =>
    elements.map((element) => ({
      text: (element.textContent ?? '').trim(),
      original: element.getAttribute('data-rb-label'),
    })),
  );
}

async function firstLabel(page: Page, selector: string) {
  const [label] = await labels(page, selector);
  return label;
}

describe('the site’s own interface for an English reader', () => {
  const session = useExtensionSession({ locale: 'en-US' });

  it('shows navigation, buttons, counts, dates, places and the engage bar in English', async () => {
    const page = await session.browser.context.newPage();
    await openFixture(page, `/explore/${NOTES.catTax}`, { apiDelay: 20 });
    await loadAllComments(page);
    await page.locator('.comments-container .show-more').first().waitFor();

    await expect
      .poll(() => firstLabel(page, '.side-bar span.channel'))
      .toEqual({ text: 'Explore', original: '发现' });
    expect(await labels(page, '.side-bar span.channel')).toContainEqual({
      text: 'Notifications',
      original: '通知',
    });
    expect(await firstLabel(page, '.author-container span.reds-button-new-text')).toEqual({
      text: 'Follow',
      original: '关注',
    });
    expect(await firstLabel(page, '.engage-bar .inner-when-not-active > span')).toEqual({
      text: 'Say something...',
      original: '说点什么...',
    });
    const total = await firstLabel(page, '.comments-container > .total');
    expect(total!.text).toMatch(/^\d+ comments$/);
    expect(total!.original).toMatch(/^共 \d+ 条评论$/);
    expect((await firstLabel(page, '.comments-container .show-more'))!.text).toMatch(
      /^Show \d+ repl(y|ies)$/,
    );

    // Every date and place of every comment, every reply control and the note's own date line.
    const dates = await labels(
      page,
      '.comment-item .info > .date > span, .note-content .bottom-container > span.date',
    );
    expect(dates.length).toBeGreaterThan(100);
    // Dates with no Chinese in them (12-05) need nothing and carry no original.
    for (const { text, original } of dates) {
      expect(text, `${original}`).not.toMatch(HAN);
      if (original !== null) expect(original).toMatch(HAN);
    }
    expect(dates.filter(({ original }) => original !== null).length).toBeGreaterThan(50);
    expect(dates.map(({ text }) => text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/ago|Yesterday|Just now|^\d{2}-\d{2}/)]),
    );
    const counts = await labels(page, '.comment-item .interactions span.count');
    for (const { text } of counts) expect(text).not.toMatch(HAN);
    expect(counts.some(({ text }) => text === 'Reply')).toBe(true);

    // Names and what users wrote are never touched.
    const names = await page.$$eval('.comment-item .author a.name, .author-container .username', (elements) =>
      elements.map((element) => element.hasAttribute('data-rb-label')),
    );
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((labelled) => !labelled)).toBe(true);
    expect(await page.locator('.note-text[data-rb-label], .note-text [data-rb-label]').count()).toBe(0);

    // No label went to a provider: they come from the bundled dictionary.
    const sent = session.server.provider.requests.flatMap((request) => request.texts);
    for (const { original } of [...dates, total!]) if (original) expect(sent).not.toContain(original);
    expect(sent.some((text) => /共 \d+ 条评论|展开 \d+ 条回复|^说点什么/.test(text))).toBe(false);

    // The open comment box's buttons.
    await page.locator('.engage-bar .content-edit').click();
    await expect
      .poll(() => labels(page, '.engage-bar .right-btn-area > button.btn'))
      .toEqual([
        { text: 'Send', original: '发送' },
        { text: 'Cancel', original: '取消' },
      ]);
    await page.close();
  });

  it('follows the site’s own update of a count within a second', async () => {
    const page = await session.browser.context.newPage();
    await openFixture(page, `/explore/${NOTES.catTax}`, { apiDelay: 20 });
    const total = page.locator('.comments-container > .total');
    await expect.poll(() => total.getAttribute('data-rb-label')).toMatch(/^共 \d+ 条评论$/);
    // As Vue does: the same text node, new data.
    await page.evaluate(() => {
      (document.querySelector('.comments-container > .total')!.firstChild as Text).nodeValue = '共 61 条评论';
    });
    await expect.poll(() => total.textContent(), { timeout: 1_000 }).toBe('61 comments');
    expect(await total.getAttribute('data-rb-label')).toBe('共 61 条评论');
    await page.close();
  });

  it('switched off, puts back the page exactly as the site drew it; switched on again, follows live', async () => {
    const worker = await session.browser.worker();
    await setSettings(worker, { siteInterface: 'off' });
    const page = await session.browser.context.newPage();
    await openFixture(page, `/explore/${NOTES.catTax}`, { apiDelay: 20 });
    await loadAllComments(page);
    await expandAllReplies(page);
    await readThrough(page);
    expect(await page.locator('[data-rb-label]').count()).toBe(0);
    const asDrawn = await siteMarkup(page);

    await setSettings(worker, { siteInterface: 'on' });
    await expect.poll(() => page.locator('[data-rb-label]').count()).toBeGreaterThan(100);
    expect(await siteMarkup(page)).not.toBe(asDrawn);

    await setSettings(worker, { siteInterface: 'off' });
    await expect.poll(() => page.locator('[data-rb-label]').count()).toBe(0);
    expect(await siteMarkup(page)).toBe(asDrawn);
    // Every label the site adapter names is back in Chinese.
    expect(await page.$$eval(INTERFACE_LABEL_SELECTOR, (all) => all.length)).toBeGreaterThan(100);
    await setSettings(worker, { siteInterface: 'auto' });
    await page.close();
  });

  it('shows the home page’s channels and side bar, and a profile’s counters and place, in English', async () => {
    const page = await session.browser.context.newPage();
    await openFixture(page, '/explore');
    await expect
      .poll(() => firstLabel(page, '#channel-container .channel'))
      .toEqual({ text: 'For you', original: '推荐' });
    const channels = await labels(page, '#channel-container .channel');
    expect(channels).toContainEqual({ text: 'Outfits', original: '穿搭' });
    expect(channels.every(({ text }) => !HAN.test(text))).toBe(true);

    await openFixture(page, '/user/profile/5ee1ca3d00000000566dda7a');
    // 关注 is a counter here ("Following"), not the button beside it ("Follow").
    await expect
      .poll(() => labels(page, '.user-interactions span.shows'))
      .toEqual([
        { text: 'Following', original: '关注' },
        { text: 'Followers', original: '粉丝' },
        { text: 'Likes and saves', original: '获赞与收藏' },
      ]);
    expect(await firstLabel(page, '.info-right-area span.reds-button-new-text')).toEqual({
      text: 'Follow',
      original: '关注',
    });
    expect(await firstLabel(page, '.user-content > span.user-IP')).toEqual({
      text: 'IP location: United States',
      original: 'IP属地：美国',
    });
    // The bio is the user's own text: translated below it, never relabelled.
    expect(await page.locator('.user-desc[data-rb-label], .user-name[data-rb-label]').count()).toBe(0);
    await page.close();
  });

  it('says “Show more replies” once a thread was expanded and more remain', async () => {
    const page = await session.browser.context.newPage();
    await openFixture(page, `/explore/${NOTES.catTax}`, { apiDelay: 20 });
    const more = page.locator('.comments-container .show-more');
    await more.first().waitFor();
    // A thread with more than one page of replies (5 each): after one click, more remain.
    await expect.poll(() => more.first().getAttribute('data-rb-label')).toMatch(/^展开 \d+ 条回复$/);
    const originals = (await labels(page, '.comments-container .show-more')).map(({ original }) => original);
    const long = originals.findIndex(
      (original) => Number(/^展开 (\d+) 条回复$/.exec(original ?? '')?.[1]) > 5,
    );
    expect(long).toBeGreaterThanOrEqual(0);
    await more.nth(long).click();
    await expect
      .poll(() => labels(page, '.comments-container .show-more'))
      .toContainEqual({ text: 'Show more replies', original: '展开更多回复' });
    await page.close();
  });
});
