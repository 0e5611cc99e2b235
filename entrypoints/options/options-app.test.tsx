import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nRoot } from '@/components/i18n-root';
import { loadSettings, updateSettings } from '@/utils/settings';
import { OptionsApp } from './options-app';
import { OPTIONS_SECTIONS } from './sections';

afterEach(cleanup);

const renderOptions = () =>
  render(
    <I18nRoot>
      <OptionsApp />
    </I18nRoot>,
  );

describe('options page', () => {
  it('renders in English and switches the interface to Chinese', async () => {
    await updateSettings({ uiLanguage: 'en' });
    renderOptions();
    expect(await screen.findByRole('heading', { name: 'RedBridge settings' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'About and privacy' })).toBeTruthy();
    fireEvent.change(await screen.findByLabelText('Interface language'), { target: { value: 'zh-CN' } });
    expect(await screen.findByRole('heading', { name: 'RedBridge 设置' })).toBeTruthy();
    expect((await loadSettings()).uiLanguage).toBe('zh-CN');
  });

  it('renders in Chinese with both sites’ switches', async () => {
    await updateSettings({ uiLanguage: 'zh-CN' });
    renderOptions();
    expect(await screen.findByRole('switch', { name: '在 xiaohongshu.com 上翻译' })).toBeTruthy();
    expect(screen.getByRole('switch', { name: '在 rednote.com 上翻译' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '清除缓存' })).toBeTruthy();
  });

  it('switches compose assist and the tone of translated comments', async () => {
    await updateSettings({ uiLanguage: 'en' });
    renderOptions();
    fireEvent.click(
      await screen.findByRole('switch', { name: 'Offer to translate what I write in the comment box' }),
    );
    await waitFor(async () => expect((await loadSettings()).compose.assist).toBe(false));
    fireEvent.change(screen.getByLabelText('How my translated comments sound'), {
      target: { value: 'neutral' },
    });
    await waitFor(async () =>
      expect((await loadSettings()).compose).toEqual({ assist: false, register: 'neutral' }),
    );
  });

  it('reports the background’s answer when the cache is cleared', async () => {
    await updateSettings({ uiLanguage: 'en' });
    const { browser } = await import('wxt/browser');
    browser.runtime.onMessage.addListener(((message: { type?: string }) =>
      message.type === 'clearCache'
        ? Promise.resolve({ ok: true, value: { removed: 12 } })
        : undefined) as never);
    renderOptions();
    fireEvent.click(await screen.findByRole('button', { name: 'Clear cache' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Removed 12 cached translations.'),
    );
  });

  it('keeps the page working when one section fails to render', async () => {
    await updateSettings({ uiLanguage: 'en' });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const about = OPTIONS_SECTIONS.find((section) => section.id === 'about')!;
    const { Component } = about;
    about.Component = () => {
      throw new Error('a malformed row');
    };
    try {
      renderOptions();
      expect((await screen.findByRole('alert')).textContent).toContain(
        'This section stopped working: a malformed row',
      );
      expect(screen.getByRole('heading', { name: 'About and privacy' })).toBeTruthy();
      expect(await screen.findByRole('button', { name: 'Clear cache' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Reload this section' })).toBeTruthy();
    } finally {
      about.Component = Component;
    }
  });
});
