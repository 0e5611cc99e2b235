import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UserTermRecord } from '@/utils/db/schema';
import type { ProviderConfig } from '@/utils/translate/provider-config';
import type { ExtensionBrowser } from './browser';
import { useExtensionSession } from './extension-session';
import { ask, dragSelect, lookUpPopover as popover } from './reader-actions';
import { allowSiteAccess } from './site-access';
import { closedShadow } from './closed-shadow';
import { NOTES, loadAllComments, openFixture, setSettings } from './support';

const OPENAI = 'https://api.openai.com';
/** 东北老铁666: "小红书海关：猫税已收到，准予入境[派对R]"; 海关 is in no glossary. */
const COMMENT = '67875e8c000000002d6b415b';
/** The sentence as the page's text gives it: the site draws [派对R] as a picture. */
const SENTENCE = '小红书海关：猫税已收到，准予入境';
const TERM = '海关';
/** What the fake language model notes on slang in the same comment (tests/fixtures/data/slang-notes.json). */
const NOTED_TERM = '准予入境';
const SLANG_NOTE =
  'Entry granted: border-control language, joking that newcomers have been let into the app.';

/** An OpenAI-compatible provider on the fake service's host, set up as the options page does. */
async function setUpLanguageModel(browser: ExtensionBrowser): Promise<void> {
  await allowSiteAccess(browser, `${OPENAI}/*`);
  const options = await browser.openExtensionPage('options.html');
  const { providers } = await ask<ProviderConfig>(options, 'getProviderConfig');
  await ask(options, 'saveProviderSettings', {
    providers: {
      ...providers,
      openaiCompatible: { ...providers.openaiCompatible, baseUrl: `${OPENAI}/v1`, model: 'gpt-4o-mini' },
    },
  });
  await ask(options, 'saveProviderKey', { id: 'openaiCompatible', key: 'sk-e2e-explain-0001' });
  await options.close();
}

async function lookUp(page: Page, phrase: string) {
  await dragSelect(page, COMMENT, phrase);
  await popover(page).locator('button.explain').waitFor();
}

describe('explaining a term the glossary lacks, with a language model', () => {
  const session = useExtensionSession({ locale: 'en-US' });
  beforeAll(() => setUpLanguageModel(session.browser));

  it('shows the model’s explanation marked as AI-generated, caches it and keeps it in the glossary', async () => {
    const { browser, server } = session;
    const page = await browser.context.newPage();
    await openFixture(page, `/explore/${NOTES.catTax}`, { apiDelay: 20 });
    await loadAllComments(page);

    await lookUp(page, TERM);
    // The dictionary and translation are there as always.
    expect(await popover(page).locator('.pinyin').textContent()).toBe('hǎiguān');
    await popover(page).locator('button.explain').click();
    const explanation = popover(page).locator('[data-rb-ai-explanation]');
    await explanation.waitFor();
    expect(await explanation.locator('.meaning').textContent()).toBe(
      `⟦explained⟧ what “${TERM}” means in “${SENTENCE}”`,
    );
    expect(await explanation.getAttribute('lang')).toBe('en');
    expect(await popover(page).locator('.ai-badge').textContent()).toBe('AI-generated');
    const asked = server.provider.requestsFor('openai-compatible');
    expect(asked.map(({ texts, status }) => ({ texts, status }))).toEqual([{ texts: [TERM], status: 200 }]);

    await popover(page).locator('button.keep').click();
    await popover(page).getByText('Added to your glossary').waitFor();
    const options = await browser.openExtensionPage('options.html');
    const terms = await ask<UserTermRecord[]>(options, 'listUserTerms');
    expect(terms).toContainEqual(
      expect.objectContaining({
        term: TERM,
        lang: 'zh',
        meaning: { en: `⟦explained⟧ what “${TERM}” means in “${SENTENCE}”` },
      }),
    );
    await options.close();

    // Asked again, the explanation comes from the cache: no second request.
    await page.keyboard.press('Escape');
    await popover(page).waitFor({ state: 'detached' });
    await page.evaluate(() => document.getSelection()?.removeAllRanges());
    await lookUp(page, TERM);
    await popover(page).locator('button.explain').click();
    await popover(page).locator('[data-rb-ai-explanation]').waitFor();
    expect(server.provider.requestsFor('openai-compatible')).toHaveLength(1);
    await page.close();
  });

  it('shows the model’s notes on slang in a translated comment as AI-marked chips that can be kept', async () => {
    const { browser } = session;
    await setSettings(await browser.worker(), { providerOrder: ['openai-compatible', 'google-html'] });
    const page = await browser.context.newPage();
    await openFixture(page, `/explore/${NOTES.catTax}`, { apiDelay: 20 });
    await loadAllComments(page);
    const chip = page.locator(`#comment-${COMMENT} [data-rb-translation] [data-rb-term="${NOTED_TERM}"]`);
    await chip.scrollIntoViewIfNeeded({ timeout: 20_000 });
    expect(await chip.getAttribute('data-rb-ai')).toBe('');
    await chip.click();
    const dialog = closedShadow(page, 'rb-term-popover').locator('[role="dialog"]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(SLANG_NOTE);
    expect(await dialog.locator('[data-rb-ai-generated]').textContent()).toBe(
      'AI-generated: explained by your language model',
    );
    await dialog.locator('button.keep').click();
    await dialog.getByText('Added to your glossary. Edit it in RedBridge settings → Glossary.').waitFor();
    const options = await browser.openExtensionPage('options.html');
    const terms = await ask<UserTermRecord[]>(options, 'listUserTerms');
    expect(terms.filter((term) => term.term === NOTED_TERM).map((term) => term.meaning)).toContainEqual({
      en: SLANG_NOTE,
    });
    await options.close();
    await page.close();
  });
});
