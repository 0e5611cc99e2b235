import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GlossaryService, setupGlossary } from '@/entrypoints/background/glossary';
import { RedBridgeDatabase } from '@/utils/db/database';
import { PAGE_TERM_DRAFT } from '@/utils/glossary/protocol';
import { updateSettings } from '@/utils/settings';
import { I18nRoot } from './i18n-root';
import { QuickAddTerm } from './quick-add-term';

afterEach(cleanup);

let glossary: GlossaryService;
beforeEach(() => {
  glossary = new GlossaryService(new RedBridgeDatabase(`t-${crypto.randomUUID()}`));
  setupGlossary(glossary);
});

async function renderQuickAdd(uiLanguage: 'en' | 'zh-CN', pageAnswer?: unknown) {
  await updateSettings({ uiLanguage });
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as never]);
  const asked = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => {
    if (pageAnswer === undefined)
      throw new Error('Could not establish connection. Receiving end does not exist.');
    return pageAnswer;
  });
  render(
    <I18nRoot>
      <QuickAddTerm />
    </I18nRoot>,
  );
  return asked;
}

describe('quick add in the popup', () => {
  it('starts from the selection on the page and saves the term', async () => {
    const asked = await renderQuickAdd('en', {
      selection: ' 泼天的富贵 ',
      chip: { term: '猫税', lang: 'zh' },
    });
    const term = (await screen.findByRole('textbox', { name: 'Term' })) as HTMLInputElement;
    expect(asked).toHaveBeenCalledWith(7, { type: PAGE_TERM_DRAFT });
    expect(term.value).toBe('泼天的富贵');
    expect(screen.getByText('From your selection on the page.')).toBeTruthy();
    // The short form asks only in the interface language.
    expect(screen.queryByRole('textbox', { name: 'Meaning (Chinese)' })).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: 'Meaning (English)' }), {
      target: { value: 'Wealth falling from the sky' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add term' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      '“泼天的富贵” is in your glossary and shows on the page now.',
    );
    expect(await glossary.store.list()).toMatchObject([{ term: '泼天的富贵', lang: 'zh' }]);
  });

  it('starts from the term opened last when nothing is selected, in Chinese', async () => {
    await renderQuickAdd('zh-CN', { selection: '', chip: { term: 'no cap', lang: 'en' } });
    expect(((await screen.findByRole('textbox', { name: '词条' })) as HTMLInputElement).value).toBe('no cap');
    expect(screen.getByText('来自你在页面上最近打开的词条。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '添加词条' }));
    expect((await screen.findByRole('alert')).textContent).toBe('请为词条填写释义或首选译法。');
    expect(await glossary.store.list()).toEqual([]);
  });

  it('stays folded and empty away from the site', async () => {
    await renderQuickAdd('en');
    const summary = await screen.findByText('Add to my glossary');
    expect(summary.closest('details')!.open).toBe(false);
    expect(
      ((await screen.findByRole('textbox', { name: 'Term', hidden: true })) as HTMLInputElement).value,
    ).toBe('');
  });
});
