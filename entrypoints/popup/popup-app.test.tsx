import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nRoot } from '@/components/i18n-root';
import { loadSettings, updateSettings } from '@/utils/settings';
import { PopupApp } from './popup-app';

afterEach(cleanup);

const renderPopup = () =>
  render(
    <I18nRoot>
      <PopupApp />
    </I18nRoot>,
  );

describe('popup', () => {
  it('renders in English and changes settings', async () => {
    await updateSettings({ uiLanguage: 'en' });
    renderPopup();
    const toggle = await screen.findByRole('switch', { name: 'Translate on xiaohongshu.com' });
    expect(screen.getByText('Open Xiaohongshu or RedNote to see translations.')).toBeTruthy();
    fireEvent.click(toggle);
    await waitFor(async () => expect((await loadSettings()).sites['www.xiaohongshu.com']).toBe(false));
    fireEvent.click(screen.getByRole('radio', { name: 'Translation only' }));
    await waitFor(async () => expect((await loadSettings()).displayMode).toBe('translation-only'));
    fireEvent.change(screen.getByLabelText('Translate into'), { target: { value: 'ja' } });
    await waitFor(async () => expect((await loadSettings()).readerLanguage).toBe('ja'));
  });

  it('renders in Chinese', async () => {
    await updateSettings({ uiLanguage: 'zh-CN' });
    renderPopup();
    expect(await screen.findByRole('switch', { name: '在 xiaohongshu.com 上翻译' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '显示在原文下方' })).toBeTruthy();
    expect(screen.getByLabelText('翻译成')).toBeTruthy();
    expect(screen.getByText('设置')).toBeTruthy();
  });

  it('follows an interface language change made elsewhere without reopening', async () => {
    await updateSettings({ uiLanguage: 'en' });
    renderPopup();
    await screen.findByText('Settings');
    await updateSettings({ uiLanguage: 'zh-CN' });
    expect(await screen.findByText('设置')).toBeTruthy();
  });
});

describe('popup figures', () => {
  it('shows today’s units, requests, characters and cache hits, and the provider in use', async () => {
    await updateSettings({ uiLanguage: 'en' });
    const { browser } = await import('wxt/browser');
    browser.runtime.onMessage.addListener(((message: { type?: string }) => {
      if (message.type === 'getStats') {
        return Promise.resolve({
          ok: true,
          value: { day: '2026-11-22', unitsTranslated: 42, requests: 3, characters: 1234, cacheHits: 7 },
        });
      }
      if (message.type === 'getProviderHealth') {
        return Promise.resolve({
          ok: true,
          value: [
            { id: 'chrome-on-device', state: 'skipped' },
            { id: 'google-html', state: 'working' },
          ],
        });
      }
      return undefined;
    }) as never);
    const { container } = renderPopup();
    await waitFor(() => expect(container.querySelector('[data-stat="units"]')?.textContent).toBe('42'));
    expect(container.querySelector('[data-stat="requests"]')?.textContent).toBe('3');
    expect(container.querySelector('[data-stat="characters"]')?.textContent).toBe((1234).toLocaleString());
    expect(container.querySelector('[data-stat="cache-hits"]')?.textContent).toBe('7');
    expect(screen.getByText('Translation service: Google Translate · Working')).toBeTruthy();
  });
});
