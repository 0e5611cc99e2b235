import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { I18nRoot } from '@/components/i18n-root';
import { setupLearning } from '@/entrypoints/background/learning';
import type { TranslationService } from '@/entrypoints/background/translation-service';
import { getDatabase } from '@/utils/db/database';
import { sendMessage } from '@/utils/transport/messages';
import { updateSettings } from '@/utils/settings';
import { BackupControls } from './backup-controls';
import { PhrasebookSection } from './phrasebook-section';
import { ProgressSection } from './progress-section';
import { ReviewSection } from './review-section';

const translation = {
  translate: async ({ segments }: { segments: string[] }) => ({
    translations: segments,
    provider: 'google-html',
  }),
} as unknown as TranslationService;

const context = {
  sentence: '绝绝子！被这只猫种草了，我也想养橘猫',
  sentenceTranslation: 'Amazing! This cat sold me on it; I want an orange cat too',
  url: 'https://www.xiaohongshu.com/explore/67875c34000000006f54d753',
  title: 'Paying my cat tax to Xiaohongshu',
};

async function show(ui: ReactNode, language: 'en' | 'zh-CN' = 'en') {
  await updateSettings({ uiLanguage: language });
  return render(<I18nRoot>{ui}</I18nRoot>);
}

/** Makes every message fail the way a stopped or broken background answers. */
function failingBackground() {
  vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({
    ok: false,
    error: { kind: 'internal', message: 'database closed' },
  } as never);
}

beforeEach(async () => {
  const db = getDatabase();
  await Promise.all([db.phrases.clear(), db.reviewCards.clear(), db.reviewLog.clear(), db.userTerms.clear()]);
  Object.assign(browser, {
    action: { setBadgeText: async () => {}, setBadgeBackgroundColor: async () => {} },
  });
});
afterEach(cleanup);

async function withPhrases() {
  setupLearning(translation);
  await sendMessage('savePhrase', {
    text: '种草',
    lang: 'zh',
    pinyin: 'zhòng cǎo',
    meaning: 'to recommend',
    tags: ['slang'],
    context,
  });
  await sendMessage('savePhrase', {
    text: 'cat tax',
    lang: 'en',
    meaning: '猫税',
    context: { ...context, sentence: 'Paying my cat tax' },
  });
}

describe('phrasebook', () => {
  it('lists phrases with their sentence and link, filters them, and edits a meaning', async () => {
    await withPhrases();
    await show(<PhrasebookSection />);
    const list = await screen.findByRole('list', { name: 'Saved phrases' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    const link = within(list).getAllByRole('link', { name: 'Paying my cat tax to Xiaohongshu' })[0]!;
    expect(link.getAttribute('href')).toBe(context.url);
    expect(within(list).getByText(context.sentence)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'en' } });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('Tag'), { target: { value: 'slang' } });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    fireEvent.change(screen.getByLabelText('Tag'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: '橘猫' } });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'nothing like this' } });
    expect(screen.getByText('No phrase matches these filters.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: '' } });

    const entry = within(list).getByText('种草').closest('li')!;
    fireEvent.change(within(entry).getByLabelText('Meaning'), {
      target: { value: 'to get someone hooked on a product' },
    });
    fireEvent.click(within(entry).getByRole('button', { name: 'Save changes' }));
    await waitFor(async () =>
      expect((await sendMessage('listPhrases', {})).find((p) => p.text === '种草')?.meaning).toBe(
        'to get someone hooked on a product',
      ),
    );
  });

  it('deletes a phrase and brings it back with Undo, in Chinese', async () => {
    await withPhrases();
    await show(<PhrasebookSection />, 'zh-CN');
    fireEvent.click(await screen.findByRole('button', { name: '删除“种草”' }));
    expect(await screen.findByText(/已删除“种草”/)).toBeTruthy();
    await waitFor(async () => expect(await sendMessage('listPhrases', {})).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: '撤销' }));
    expect(await screen.findByText(/“种草”已恢复/)).toBeTruthy();
    await waitFor(async () => expect(await sendMessage('listPhrases', {})).toHaveLength(2));
    expect(screen.getByRole('button', { name: '导出到 Anki' })).toBeTruthy();
  });

  it('shows a phrase saved on the site while it is open', async () => {
    await withPhrases();
    await show(<PhrasebookSection />);
    const list = await screen.findByRole('list', { name: 'Saved phrases' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    // Saved by the look-up popover in another tab: nothing on this page asked for it.
    await sendMessage('savePhrase', { text: '橘猫', lang: 'zh', meaning: 'orange cat', context });
    expect(await within(list).findByText('橘猫')).toBeTruthy();
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
  });

  it('says so when the background fails', async () => {
    failingBackground();
    await show(<PhrasebookSection />);
    expect((await screen.findByRole('alert')).textContent).toBe('Something went wrong: database closed');
  });
  it('lists the phrases it can read, and reports and deletes one it cannot', async () => {
    await withPhrases();
    await getDatabase().phrases.add({
      id: 'phrase-bad',
      key: 'zh|拔草',
      text: '拔草',
      lang: 'zh',
      tags: 'x',
    } as never);
    await show(<PhrasebookSection />);
    const list = await screen.findByRole('list', { name: 'Saved phrases' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(
      await screen.findByText('Saved phrases that could not be read and are not shown: 1.'),
    ).toBeTruthy();
    const unreadable = screen.getByRole('list', { name: 'Saved entries that could not be read' });
    expect(within(unreadable).getByText('拔草')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Delete unreadable “拔草”' }));
    await screen.findByText('Deleted 1 unreadable entries.');
    await waitFor(() => expect(screen.queryByText(/could not be read/)).toBeNull());
    expect(await getDatabase().phrases.count()).toBe(2);
  });
});

describe('review session', () => {
  it('is driven by the keyboard alone: Space reveals, 3 grades Good and moves the due date', async () => {
    await withPhrases();
    await show(<ReviewSection />);
    expect(await screen.findByText('Due now: 4 · reviewed this session: 0')).toBeTruthy();
    const card = document.querySelector<HTMLElement>('.review-card')!;
    const cardId = card.dataset.cardId!;
    const before = (await getDatabase().reviewCards.get(cardId))!.due;
    fireEvent.keyDown(window, { key: ' ' });
    expect(await screen.findByRole('group', { name: 'How well did you remember?' })).toBeTruthy();
    fireEvent.keyDown(window, { key: '3' });
    expect(await screen.findByText('Due now: 3 · reviewed this session: 1')).toBeTruthy();
    const after = (await getDatabase().reviewCards.get(cardId))!;
    expect(after.due).toBeGreaterThan(before);
    expect(after.reps).toBe(1);
    expect((await getDatabase().reviewLog.toArray()).map((review) => [review.cardId, review.grade])).toEqual([
      [cardId, 3],
    ]);
  });

  it('leaves Space and digits alone while focus is in another section', async () => {
    await withPhrases();
    render(<button type="button">elsewhere</button>);
    await show(<ReviewSection />);
    await screen.findByText('Due now: 4 · reviewed this session: 0');
    const elsewhere = screen.getByRole('button', { name: 'elsewhere' });
    elsewhere.focus();
    fireEvent.keyDown(elsewhere, { key: ' ' });
    fireEvent.keyDown(elsewhere, { key: '3' });
    expect(screen.queryByRole('group', { name: 'How well did you remember?' })).toBeNull();
    expect(await getDatabase().reviewLog.count()).toBe(0);
  });

  it('hides the phrase in the sentence of a recall card, in Chinese', async () => {
    await withPhrases();
    await show(<ReviewSection />, 'zh-CN');
    await screen.findByText(/待复习：4/);
    // Grade until a recall card of 种草 comes up; each grade sends the card away for a while.
    for (let i = 0; i < 4; i++) {
      const card = document.querySelector<HTMLElement>('.review-card')!;
      if (card.dataset.cardId?.endsWith(':recall') && card.textContent?.includes('to recommend')) break;
      fireEvent.keyDown(window, { key: ' ' });
      fireEvent.click(await screen.findByRole('button', { name: /简单/ }));
      await screen.findByText(new RegExp(`本轮已复习：${i + 1}`));
    }
    const card = document.querySelector<HTMLElement>('.review-card')!;
    expect(card.textContent).toContain('这个怎么说？');
    expect(card.textContent).toContain('绝绝子！被这只猫＿＿了');
    expect(card.textContent).not.toContain('种草');
  });

  it('says when nothing is due, and when the background fails', async () => {
    setupLearning(translation);
    await show(<ReviewSection />);
    expect(await screen.findByText('Nothing to review right now.')).toBeTruthy();
    cleanup();
    failingBackground();
    await show(<ReviewSection />, 'zh-CN');
    expect((await screen.findByRole('alert')).textContent).toBe('出错了：database closed');
  });
});

describe('progress', () => {
  it('draws one bar per day with the day’s reviews, and the retention', async () => {
    await withPhrases();
    const [first] = await sendMessage('getDueItems', {});
    await sendMessage('gradeCard', { cardId: first!.card.id, grade: 3 });
    await show(<ProgressSection />);
    const chart = await screen.findByRole('img', { name: 'Reviews per day over the last 30 days: 1 in all' });
    const bars = chart.querySelectorAll('[data-day]');
    expect(bars).toHaveLength(30);
    expect(bars[29]!.getAttribute('data-reviews')).toBe('1');
    expect(screen.getByText('Retention')).toBeTruthy();
  });

  it('renders in Chinese and reports a failure', async () => {
    setupLearning(translation);
    await show(<ProgressSection />, 'zh-CN');
    expect(await screen.findByText('记忆保持率')).toBeTruthy();
    cleanup();
    failingBackground();
    await show(<ProgressSection />, 'zh-CN');
    expect((await screen.findByRole('alert')).textContent).toMatch(/出错了/);
  });
});

describe('backup', () => {
  it('refuses a corrupted file with a clear message and changes nothing', async () => {
    await withPhrases();
    await show(<BackupControls />);
    const input = await screen.findByLabelText('Restore from a backup file');
    const broken = new File(
      ['{"format":"redbridge-backup","schemaVersion":3,"settings":{},"tables":{"phrases":[{"id":1}]'],
      'backup.json',
      {
        type: 'application/json',
      },
    );
    fireEvent.change(input, { target: { files: [broken] } });
    fireEvent.click(await screen.findByRole('button', { name: 'Restore' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^This file was not restored and nothing was changed: it is not valid JSON/,
    );
    expect(await sendMessage('listPhrases', {})).toHaveLength(2);
  });

  it('restores a good file, in Chinese', async () => {
    await withPhrases();
    const backup = await sendMessage('exportBackup', {});
    await sendMessage('deletePhrase', { id: (await sendMessage('listPhrases', {}))[0]!.id });
    await show(<BackupControls />, 'zh-CN');
    fireEvent.change(await screen.findByLabelText('从备份文件恢复'), {
      target: { files: [new File([backup.text], backup.filename)] },
    });
    fireEvent.click(await screen.findByRole('button', { name: '恢复' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      '已恢复 2 个词语、0 个词库条目和 0 条复习记录。',
    );
    expect(await sendMessage('listPhrases', {})).toHaveLength(2);
  });
});
