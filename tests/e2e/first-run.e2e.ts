import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { planUnit } from '@/utils/language/direction';
import { useExtensionSession } from './extension-session';
import { NOTES, expectedOverlayText, openFixture, readThrough, snapshotUnits } from './support';

/** An overlay's translation, without the term chips the glossary may add inside it. */
function translationText(overlay: Element): string {
  const copy = overlay.cloneNode(true) as Element;
  for (const chips of copy.querySelectorAll('[data-rb-term], .rb-terms')) chips.remove();
  return copy.textContent ?? '';
}

/**
 * A new user's first minutes: the welcome page opens on its own, the reader picks Japanese and
 * "only Chinese", the note they open follows both, and an appearance change in the settings
 * restyles the open note at once.
 */
describe('first run', () => {
  const session = useExtensionSession({ locale: 'en-US', keepWelcome: true });
  let note: Page;

  it('opens the welcome page by itself on install and applies the reader’s choices to the site', async () => {
    const { context } = session.browser;
    const isWelcome = (page: Page) => page.url().endsWith('/welcome.html');
    await expect.poll(() => context.pages().filter(isWelcome).length, { timeout: 10_000 }).toBe(1);
    const welcome = context.pages().find(isWelcome)!;
    await welcome.getByRole('heading', { level: 1, name: 'Welcome to RedBridge' }).waitFor();

    // The sample is translated live through the background, first into the browser's language.
    const sampleTitle = welcome.locator('[data-sample-key="note:title"] [data-rb-translation]');
    await expect.poll(() => sampleTitle.getAttribute('data-rb-state')).toBe('done');
    expect(await sampleTitle.textContent()).toBe('My feline overlord looked down on me again today');

    await welcome.getByRole('combobox', { name: 'My language' }).selectOption('ja');
    await expect.poll(() => sampleTitle.getAttribute('lang')).toBe('ja');
    await expect.poll(() => sampleTitle.textContent()).toBe('⟦ja⟧ 我的猫主子今天又嫌弃我了');
    await welcome.getByRole('radio', { name: /Only Chinese → Japanese/ }).check();
    await welcome.getByText('Not translated: you chose only Chinese').waitFor();
    const closed = welcome.waitForEvent('close');
    await welcome.getByRole('button', { name: 'Done', exact: true }).click();
    await closed;

    note = await context.newPage();
    await openFixture(note, `/explore/${NOTES.chengduFood}`, { apiDelay: 30 });
    await readThrough(note);
    const { units, strayOverlays } = await snapshotUnits(note);
    let translated = 0;
    let leftAlone = 0;
    for (const { unit, overlays } of units) {
      const plan = planUnit(unit.segments, unit.paragraphCount, 'ja', 'primary');
      const wider = planUnit(unit.segments, unit.paragraphCount, 'ja');
      if (!plan.translate) {
        expect(overlays, unit.key).toEqual([]);
        if (wider.translate) leftAlone++;
        continue;
      }
      // Units whose every sent segment is Chinese read the same under either scope.
      if (plan.send.some((send, index) => send !== wider.send[index])) continue;
      expect(
        overlays.map(({ key, state, lang }) => ({ key, state, lang })),
        unit.key,
      ).toEqual([{ key: unit.key, state: 'done', lang: 'ja' }]);
      expect(translationText(unit.source.nextElementSibling!), unit.key).toBe(
        expectedOverlayText(unit, 'ja', (name) => `Reply to ${name}:`),
      );
      translated++;
    }
    expect(translated).toBeGreaterThan(5);
    expect(leftAlone).toBeGreaterThan(2); // the English comments a wider choice would have sent
    expect(strayOverlays).toBe(0);
    const sent = session.server.provider.requests.filter((request) => request.target === 'ja');
    expect(sent.flatMap((request) => request.texts)).not.toContain('what is 蹄花? is it spicy?');
  });

  it('restyles the open note when an appearance setting changes, without a reload', async () => {
    const body = note.locator('#detail-desc + [data-rb-translation]');
    await expect.poll(() => body.getAttribute('data-rb-state')).toBe('done');
    await note.evaluate(() => ((window as { __rbNoReload?: boolean }).__rbNoReload = true));
    const style = () =>
      body.evaluate((element) => {
        const own = getComputedStyle(element);
        return {
          color: own.color,
          background: own.backgroundColor,
          ratio: parseFloat(own.fontSize) / parseFloat(getComputedStyle(element.parentElement!).fontSize),
        };
      });
    const before = await style();
    expect(before.ratio).toBeCloseTo(1, 2);

    const options = await session.browser.openExtensionPage('options.html#appearance');
    await options.getByText('Blue', { exact: true }).click();
    await options.getByLabel('Translation text size').selectOption('130');
    await expect.poll(style).toMatchObject({ color: 'rgb(26, 95, 180)', ratio: expect.closeTo(1.3, 2) });
    await options.getByText('Below the original, in a muted block').click();
    await expect.poll(style).toMatchObject({ background: 'rgb(242, 243, 245)' });
    // The site's own dark theme (an attribute it sets on <html>) gets the preset's dark colours.
    await note.evaluate(() => document.documentElement.setAttribute('dark', ''));
    await expect.poll(style).toMatchObject({ color: 'rgb(138, 180, 248)', background: 'rgb(35, 35, 39)' });
    expect(await note.evaluate(() => (window as { __rbNoReload?: boolean }).__rbNoReload)).toBe(true);
    await options.close();
    await note.close();
  });
});
