import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { UserTermRecord } from '@/utils/db/schema';
import type { ProviderConfig } from '@/utils/translate/provider-config';
import type { ExtensionBrowser } from './browser';
import { useExtensionSession } from './extension-session';
import { ask, dragSelect, lookUpPopover as popover } from './reader-actions';
import { allowSiteAccess } from './site-access';
import { NOTES, loadAllComments, openFixture } from './support';

const OPENAI = 'https://api.openai.com';
/** 东北老铁666: "小红书海关：猫税已收到，准予入境[派对R]"; 海关 is in no glossary. */
const COMMENT = '67875e8c000000002d6b415b';
/** The sentence as the page's text gives it: the site draws [派对R] as a picture. */
const SENTENCE = '小红书海关：猫税已收到，准予入境';
const TERM = '海关';

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

  it('shows the model’s explanation marked as AI-generated, caches it and keeps it in the glossary', async () => {
    const { browser, server } = session;
    await setUpLanguageModel(browser);
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
});
