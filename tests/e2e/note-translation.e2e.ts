import { describe, expect, it } from 'vitest';
import { useExtensionSession } from './extension-session';
import {
  NOTES,
  expandAllReplies,
  expectedOverlayText,
  loadAllComments,
  needsTranslation,
  openFixture,
  readThrough,
  setSettings,
  siteText,
  snapshotUnits,
  waitForNoPending,
} from './support';

const replyTo = (name: string) => `Reply to ${name}:`;

describe('an English reader on a note with 60 comment threads', () => {
  const session = useExtensionSession({ locale: 'en-US' });

  it('the content script reaches the background, and the background reaches the provider by its real hostname', async () => {
    const page = await session.browser.context.newPage();
    await openFixture(page, `/explore/${NOTES.catTax}`);
    // The note's title is English: nothing to do for an English reader. Its body mixes in Chinese.
    const body = page.locator('#detail-desc + [data-rb-translation]');
    await body.waitFor({ state: 'attached' });
    await expect.poll(() => body.getAttribute('data-rb-state')).toBe('done');
    expect(await page.locator('#detail-title + [data-rb-translation]').count()).toBe(0);
    expect(await body.textContent()).toContain('My name is Jess, thank you everyone!');
    // The request went through the provider module's real endpoint and wire format.
    const googleRequests = session.server.provider.requestsFor('google-html');
    expect(googleRequests.length).toBeGreaterThan(0);
    expect(googleRequests[0]!.status).toBe(200);
    const sent = googleRequests.flatMap((request) => request.texts);
    expect(sent).toContain("Please be nice to me, I'm trying to learn Chinese. 我叫Jess，谢谢大家！");
    // English paragraphs are not sent to be "translated" into English.
    expect(sent).not.toContain("Hi RedNote! I'm Jess from Ohio, one of the TikTok refugees 👋");
    await page.close();
  });

  it('translates every unit once all comments and replies are loaded, with no duplicates and the site’s text untouched', async () => {
    const page = await session.browser.context.newPage();
    // First the page as the site renders it, with RedBridge switched off for the site…
    await setSettings(await session.browser.worker(), {
      sites: { 'www.xiaohongshu.com': false, 'www.rednote.com': true },
    });
    await openFixture(page, `/explore/${NOTES.catTax}`, { apiDelay: 30 });
    await loadAllComments(page);
    await expandAllReplies(page);
    const before = await snapshotUnits(page);
    expect(await page.locator('.parent-comment').count()).toBe(60);
    expect(before.units.some((view) => view.overlays.length > 0)).toBe(false);

    // …then switched on, live, without a reload.
    await setSettings(await session.browser.worker(), {
      sites: { 'www.xiaohongshu.com': true, 'www.rednote.com': true },
    });
    await readThrough(page);
    const after = await snapshotUnits(page);

    const needing = after.units.filter((view) => needsTranslation(view.unit, 'en'));
    const notNeeding = after.units.filter((view) => !needsTranslation(view.unit, 'en'));
    expect(needing.length).toBeGreaterThan(60);
    expect(notNeeding.length).toBeGreaterThan(0); // English comments, emoji, numbers, a link
    for (const { unit, overlays } of needing) {
      expect(overlays, unit.key).toHaveLength(1);
      expect(overlays[0], unit.key).toEqual({
        key: unit.key,
        state: 'done',
        lang: 'en',
        text: expectedOverlayText(unit, 'en', replyTo),
        terms: expect.any(Array),
      });
    }
    for (const { unit, overlays } of notNeeding) expect(overlays, unit.key).toEqual([]);
    expect(after.strayOverlays).toBe(0);
    // The site's interface is shown in English on purpose (interface-labels.e2e.ts); without it,
    // every text of the site is as it was.
    expect(await page.locator('[data-rb-label]').count()).toBeGreaterThan(0);
    await setSettings(await session.browser.worker(), { siteInterface: 'off' });
    await expect.poll(() => page.locator('[data-rb-label]').count()).toBe(0);
    expect(siteText((await snapshotUnits(page)).dom)).toBe(siteText(before.dom));
    await setSettings(await session.browser.worker(), { siteInterface: 'auto' });
    await page.close();
  });

  it('shows comment text that looks like HTML or script as text, and never runs it', async () => {
    const page = await session.browser.context.newPage();
    await openFixture(page, `/explore/${NOTES.catTax}`, { apiDelay: 30 });
    await loadAllComments(page);
    await readThrough(page);
    const { units } = await snapshotUnits(page);
    const scripty = units.filter(
      (view) => /<script>|onerror=/.test(view.unit.text) && needsTranslation(view.unit, 'en'),
    );
    expect(scripty.map((view) => view.overlays)).toEqual([
      [
        expect.objectContaining({
          state: 'done',
          text: 'Just testing whether <script>window.__rbXss=1</script> gets executed',
        }),
      ],
    ]);
    expect(await page.evaluate(() => window.__rbXss)).toBeUndefined();
    expect(await page.locator('[data-rb-translation] img, [data-rb-translation] script').count()).toBe(0);
    await page.close();
  });

  it('keeps exactly one translation through Vue re-rendering a comment body, a like count or the whole comment', async () => {
    const page = await session.browser.context.newPage();
    await openFixture(page, `/explore/${NOTES.catTax}`, { apiDelay: 30 });
    await page
      .locator('.comment-item [data-rb-translation][data-rb-state="done"]')
      .first()
      .waitFor({ state: 'attached' });
    await waitForNoPending(page);
    const { units } = await snapshotUnits(page);
    const target = units.find((view) => view.unit.kind === 'comment' && view.overlays[0]?.state === 'done')!;
    const commentId = target.unit.key.replace('comment:', '');
    const overlay = page.locator(
      `#comment-${commentId} > .comment-inner-container > .right > [data-rb-translation]`,
    );
    await expect.poll(() => overlay.getAttribute('data-rb-state')).toBe('done');
    const text = await overlay.textContent();
    const requestsBefore = session.server.provider.requests.length;

    await page.evaluate((id) => window.__fixture!.rerenderCommentBody(id), commentId);
    await page.evaluate((id) => window.__fixture!.setLikeCount(id, 4242), commentId);
    await page.waitForTimeout(150);
    await expect.poll(() => overlay.count()).toBe(1);
    expect(await overlay.textContent()).toBe(text);

    await page.evaluate((id) => window.__fixture!.rerenderComment(id), commentId);
    await page.waitForTimeout(150);
    await expect.poll(() => overlay.count()).toBe(1);
    expect(await overlay.getAttribute('data-rb-state')).toBe('done');
    expect(await overlay.textContent()).toBe(text);
    expect(session.server.provider.requests.length).toBe(requestsBefore);
    await page.close();
  });
});
