import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { I18nRoot } from '@/components/i18n-root';
import { updateSettings } from '@/utils/settings';
import { ReviewDue } from './review-due';

afterEach(cleanup);

function backgroundAnswers(reply: object) {
  vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(reply as never);
}

async function show(language: 'en' | 'zh-CN') {
  await updateSettings({ uiLanguage: language });
  render(
    <I18nRoot>
      <ReviewDue />
    </I18nRoot>,
  );
}

describe('due count in the popup', () => {
  it('shows how many cards are due and opens the review session', async () => {
    backgroundAnswers({ ok: true, value: { due: 7 } });
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    vi.spyOn(window, 'close').mockImplementation(() => {});
    await show('en');
    expect(await screen.findByText('Cards to review: 7')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    await waitFor(() =>
      expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/options\.html#review$/) }),
    );
  });

  it('renders in Chinese, with nothing due', async () => {
    backgroundAnswers({ ok: true, value: { due: 0 } });
    await show('zh-CN');
    expect(await screen.findByText('现在没有要复习的')).toBeTruthy();
    expect(screen.getByRole('button', { name: '复习' })).toBeTruthy();
  });

  it('says review is unavailable when the background fails', async () => {
    backgroundAnswers({ ok: false, error: { kind: 'internal', message: 'stopped' } });
    await show('en');
    expect(await screen.findByText('Review is not available right now.')).toBeTruthy();
  });
});
