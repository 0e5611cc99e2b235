import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { GlossaryService, setupGlossary } from '@/entrypoints/background/glossary';
import { I18nRoot } from '@/components/i18n-root';
import { RedBridgeDatabase } from '@/utils/db/database';
import { BUNDLED_GLOSSARY, BUNDLED_GLOSSARY_VERSION } from '@/utils/glossary/bundled-glossary';
import { sendMessage } from '@/utils/transport/messages';
import { updateSettings } from '@/utils/settings';
import { GlossarySection } from './glossary-section';

afterEach(cleanup);

let db: RedBridgeDatabase;
let glossary: GlossaryService;
beforeEach(() => {
  // The real background service, over a fresh in-memory database.
  db = new RedBridgeDatabase(`t-${crypto.randomUUID()}`);
  glossary = new GlossaryService(db);
  setupGlossary(glossary);
});

const renderSection = async (uiLanguage: 'en' | 'zh-CN') => {
  await updateSettings({ uiLanguage });
  render(
    <I18nRoot>
      <GlossarySection />
    </I18nRoot>,
  );
};

const csvFile = (name: string, text: string) => new File([text], name, { type: 'text/csv' });

describe('glossary section', () => {
  it('adds, edits, deletes and undoes, in English', async () => {
    await renderSection('en');
    await screen.findByText(
      'No terms yet. Add one above, from a chip on the page, or from the toolbar popup.',
    );
    fireEvent.change(screen.getByRole('textbox', { name: 'Term' }), { target: { value: '红薯' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Meaning (English)' }), {
      target: { value: 'A Xiaohongshu user' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Preferred English translation' }), {
      target: { value: 'RedNote user' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add term' }));
    const list = await screen.findByRole('list', { name: 'Your glossary terms' });
    expect(within(list).getByText('红薯')).toBeTruthy();
    expect(within(list).getByText('Translated as: RedNote user')).toBeTruthy();
    const [stored] = await glossary.store.list();
    expect(stored).toMatchObject({ term: '红薯', lang: 'zh', rendering: { en: 'RedNote user' } });

    fireEvent.click(screen.getByRole('button', { name: 'Edit “红薯”' }));
    const editor = screen.getAllByRole('form', { name: 'Glossary term' })[1]!;
    fireEvent.change(within(editor).getByRole('textbox', { name: 'Preferred English translation' }), {
      target: { value: 'RedNoter' },
    });
    fireEvent.click(within(editor).getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Translated as: RedNoter');
    expect((await glossary.store.list())[0]).toMatchObject({ id: stored!.id, rendering: { en: 'RedNoter' } });

    fireEvent.click(screen.getByRole('button', { name: 'Delete “红薯”' }));
    await screen.findByText('Deleted “红薯”.');
    expect(await glossary.store.list()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('Restored 1 terms.');
    expect((await glossary.store.list())[0]).toMatchObject({ id: stored!.id, rendering: { en: 'RedNoter' } });
  });

  it('names the built-in glossary in use: its size and version', async () => {
    await renderSection('en');
    const line = await screen.findByText(/^Built in: \d+ Chinese and \d+ English terms \(glossary /);
    expect(line.textContent).toContain(BUNDLED_GLOSSARY_VERSION);
    const zh = BUNDLED_GLOSSARY.filter((entry) => entry.lang === 'zh').length;
    expect(line.textContent).toContain(`${zh} Chinese`);
  });

  it('shows a term added elsewhere while it is open', async () => {
    await renderSection('en');
    await screen.findByText(
      'No terms yet. Add one above, from a chip on the page, or from the toolbar popup.',
    );
    // Added from a chip on the page or the toolbar popup: nothing on this page asked for it.
    await sendMessage('saveUserTerm', {
      entry: { term: '摸鱼', lang: 'zh', meaning: { en: 'slacking off' } },
    });
    const list = await screen.findByRole('list', { name: 'Your glossary terms' });
    expect(await within(list).findByText('摸鱼')).toBeTruthy();
  });

  it('says in Chinese when a term is already there or has no meaning', async () => {
    await glossary.store.save({ term: '蹲', lang: 'zh', meaning: { 'zh-CN': '等更新' } });
    await renderSection('zh-CN');
    await screen.findByRole('list', { name: '我的词汇表词条' });
    fireEvent.change(screen.getByRole('textbox', { name: '词条' }), { target: { value: '摸鱼' } });
    fireEvent.click(screen.getByRole('button', { name: '添加词条' }));
    expect((await screen.findByRole('alert')).textContent).toBe('请为词条填写释义或首选译法。');

    fireEvent.click(screen.getByRole('button', { name: '编辑“蹲”' }));
    const editor = screen.getAllByRole('form', { name: '词汇表词条' })[1]!;
    fireEvent.change(within(editor).getByRole('textbox', { name: '词条' }), { target: { value: '摸鱼' } });
    fireEvent.change(within(editor).getByRole('textbox', { name: '释义（中文）' }), {
      target: { value: '上班偷懒' },
    });
    fireEvent.click(within(editor).getByRole('button', { name: '保存修改' }));
    // Renaming onto nothing existing works; now add 蹲 again as a new term: a duplicate.
    await screen.findByText('已保存“摸鱼”。');
    await glossary.store.save({ term: '蹲', lang: 'zh', meaning: { 'zh-CN': '等更新' } });
    // The row shows its new name once the list is read again.
    fireEvent.click(await screen.findByRole('button', { name: '编辑“摸鱼”' }));
    const second = screen.getAllByRole('form', { name: '词汇表词条' })[1]!;
    fireEvent.change(within(second).getByRole('textbox', { name: '词条' }), { target: { value: '蹲' } });
    fireEvent.click(within(second).getByRole('button', { name: '保存修改' }));
    expect((await within(second).findByRole('alert')).textContent).toBe('“蹲”已在你的词汇表中。');
  });

  it('imports a CSV file, and refuses a malformed one with a clear message and no change', async () => {
    await renderSection('en');
    const input = (await screen.findByLabelText('Import a file…')) as HTMLInputElement;
    fireEvent.change(input, {
      target: {
        files: [csvFile('terms.csv', 'term,lang,meaning_en\n摸鱼,zh,slacking off at work\n蹲,zh,waiting\n')],
      },
    });
    await screen.findByText('Imported: 2 new, 0 updated.');
    const before = await glossary.store.list();
    expect(before).toHaveLength(2);

    fireEvent.change(input, { target: { files: [csvFile('broken.csv', 'word;meaning\n摸鱼;slacking\n')] } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('“broken.csv” was not imported, nothing changed.');
    expect(alert.textContent).toContain('including "term"');
    expect(await glossary.store.list()).toEqual(before);
  });

  it('reports a background that cannot load the glossary', async () => {
    vi.spyOn(glossary.store, 'list').mockRejectedValue(new Error('QuotaExceededError'));
    await renderSection('en');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Your glossary could not be loaded: QuotaExceededError',
    );
  });

  it('switches the explanations on the page off and on', async () => {
    await renderSection('en');
    const toggle = await screen.findByRole('switch', { name: 'Explain memes and slang on the page' });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    fireEvent.click(toggle);
    await waitFor(async () =>
      expect(
        ((await browser.storage.local.get('settings')).settings as { showTerms: boolean }).showTerms,
      ).toBe(false),
    );
  });

  it('lists the terms it cannot read apart from the others, and deletes them', async () => {
    await glossary.store.save({ term: '红薯', lang: 'zh', meaning: { en: 'A Xiaohongshu user' } });
    await db.userTerms.add({ id: 'user-bad', term: 42, lang: 'zh', createdAt: 1, updatedAt: 1 } as never);
    await renderSection('en');

    const list = await screen.findByRole('list', { name: 'Your glossary terms' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(within(list).getByText('红薯')).toBeTruthy();
    expect(await screen.findByText('Saved terms that could not be read and are not used: 1.')).toBeTruthy();
    const unreadable = screen.getByRole('list', { name: 'Saved entries that could not be read' });
    expect(within(unreadable).getByText('user-bad')).toBeTruthy();
    expect(within(unreadable).getByText('term: must be a non-empty string')).toBeTruthy();
    expect(within(unreadable).getByText(/"term":42/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Delete unreadable “user-bad”' }));
    await screen.findByText('Deleted 1 unreadable entries.');
    await waitFor(() => expect(screen.queryByText(/could not be read/)).toBeNull());
    expect(await db.userTerms.count()).toBe(1);
  });
});
