import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { closedShadow } from './closed-shadow';
import { useExtensionSession } from './extension-session';
import { NOTES, openFixture, waitForNoPending } from './support';

/**
 * Screenshots for the README, taken from the real extension on the fixture site. Each one is also
 * a check: the page it shows must have finished translating.
 */
// `npm run screenshots` writes them into docs/ for the README; a plain test run keeps the tree clean.
const DIR = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

for (const locale of ['en', 'zh-CN'] as const) {
  describe(`screenshots (${locale})`, () => {
    const session = useExtensionSession({
      locale: locale === 'en' ? 'en-US' : 'zh-CN',
      viewport: { width: 1280, height: 800 },
    });
    beforeAll(() => mkdirSync(DIR, { recursive: true }));

    it('a translated note', async () => {
      const page = await session.browser.context.newPage();
      await openFixture(page, `/explore/${NOTES.catTax}`, { apiDelay: 30 });
      // Down to where the note ends and the comment section begins.
      await page.locator('.note-scroller').evaluate((scroller) => {
        const comments = scroller.querySelector<HTMLElement>('.comments-el')!;
        scroller.scrollTo({ top: comments.offsetTop - 260 });
      });
      await page
        .locator('.comment-item [data-rb-translation][data-rb-state="done"]')
        .first()
        .waitFor({ state: 'attached' });
      await page.waitForTimeout(600);
      await waitForNoPending(page);
      await page.screenshot({ path: `${DIR}/note-${locale}.png` });
      await page.close();
    });

    it('a meme explained', async () => {
      const page = await session.browser.context.newPage();
      await openFixture(page, `/explore/${NOTES.catTax}`, { apiDelay: 30 });
      // A Chinese term for the English reader, an English one for the Chinese reader.
      const chip = page
        .locator(`[data-rb-translation] [data-rb-term="${locale === 'en' ? '猫税' : 'cat tax'}"]`)
        .first();
      await page.locator('.note-scroller').evaluate((scroller) => scroller.scrollBy({ top: 900 }));
      await chip.waitFor();
      await chip.evaluate((element) => element.scrollIntoView({ block: 'center' }));
      await page.waitForTimeout(400);
      await waitForNoPending(page);
      await chip.click();
      await closedShadow(page, 'rb-term-popover').locator('[role="dialog"]').waitFor();
      await page.waitForTimeout(200);
      await page.screenshot({ path: `${DIR}/term-${locale}.png` });
      await page.close();
    });

    it('a comment translated before it is posted', async () => {
      const page = await session.browser.context.newPage();
      // The English reader answers a Chinese note; the Chinese reader an English one.
      const [note, draft] =
        locale === 'en'
          ? [NOTES.chengduFood, 'Your food guide is amazing, I want to try the hotpot!']
          : [NOTES.catTax, '你家猫好可爱，叫什么名字呀？'];
      await openFixture(page, `/explore/${note}`, { apiDelay: 30 });
      await page.locator('.engage-bar .content-edit').click();
      await page.locator('.engage-bar p#content-textarea').waitFor();
      await page.keyboard.type(draft);
      await page.locator('[data-rb-compose] [data-rb-compose-action="translate"]').click();
      await expect
        .poll(() => page.locator('[data-rb-compose] [data-rb-compose-back]').textContent())
        .not.toMatch(/…|\.\.\.$/);
      await waitForNoPending(page);
      await page.screenshot({ path: `${DIR}/compose-${locale}.png` });
      await page.close();
    });

    it('the popup and the options page', async () => {
      const popup = await session.browser.openExtensionPage('popup.html');
      await popup.setViewportSize({ width: 372, height: 520 });
      await popup.getByRole('switch').first().waitFor();
      await popup.waitForTimeout(300);
      await popup.screenshot({ path: `${DIR}/popup-${locale}.png` });
      const options = await session.browser.openExtensionPage('options.html');
      await options.getByRole('heading', { level: 1 }).waitFor();
      expect(await options.getByRole('heading', { level: 1 }).textContent()).toBe(
        locale === 'en' ? 'RedBridge settings' : 'RedBridge 设置',
      );
      // The top of the page: with every section, the whole page is too long for a screenshot.
      await options.screenshot({ path: `${DIR}/options-${locale}.png` });
      await popup.close();
      await options.close();
    });

    it('the welcome page, with its sample note translated', async () => {
      const welcome = await session.browser.openExtensionPage('welcome.html');
      await welcome
        .locator('[data-sample-key="note:title"] [data-rb-translation][data-rb-state="done"]')
        .waitFor();
      expect(await welcome.getByRole('heading', { level: 1 }).textContent()).toBe(
        locale === 'en' ? 'Welcome to RedBridge' : '欢迎使用 RedBridge',
      );
      expect(await welcome.locator('[data-rb-translation][data-rb-state="pending"]').count()).toBe(0);
      expect(await welcome.getByRole('alert').count()).toBe(0);
      await welcome.screenshot({ path: `${DIR}/welcome-${locale}.png` });
      await welcome.close();
    });
  });
}
