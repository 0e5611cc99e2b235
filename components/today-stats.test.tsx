import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { I18nRoot } from '@/components/i18n-root';
import type { ProviderHealthView } from '@/utils/translate/types';
import { updateSettings } from '@/utils/settings';
import { TodayStats } from './today-stats';

afterEach(cleanup);

/** Answers getProviderHealth with `health`; returns a function that changes the answer. */
function mockHealth(health: ProviderHealthView[]) {
  let current = health;
  browser.runtime.onMessage.addListener(((message: { type?: string }) =>
    message.type === 'getProviderHealth'
      ? Promise.resolve({ ok: true, value: current })
      : undefined) as never);
  return (next: ProviderHealthView[]) => {
    current = next;
  };
}

const renderStats = () =>
  render(
    <I18nRoot>
      <TodayStats />
    </I18nRoot>,
  );

const FALLING_BACK: ProviderHealthView[] = [
  { id: 'chrome-on-device', state: 'skipped', kind: 'unavailable' },
  { id: 'libretranslate', state: 'skipped', kind: 'auth', lastError: 'libretranslate answered HTTP 403' },
  { id: 'google-html', state: 'working' },
];

describe('popup provider health', () => {
  it('says plainly when the first service fails and the next one answers', async () => {
    await updateSettings({ uiLanguage: 'en' });
    mockHealth(FALLING_BACK);
    const { container } = renderStats();
    expect(await screen.findByText('Translation service: Google Translate · Falling back')).toBeTruthy();
    expect(
      screen.getByText(
        'LibreTranslate is failing (API key refused), so Google Translate is translating instead.',
      ),
    ).toBeTruthy();
    expect(container.querySelector('.provider-health')?.getAttribute('data-state')).toBe('falling-back');
  });

  it('says when a service has reached the daily limit the reader set', async () => {
    await updateSettings({ uiLanguage: 'en' });
    mockHealth([
      { id: 'deepl', state: 'skipped', kind: 'budget', lastError: 'deepl: today’s budget is spent' },
      { id: 'google-html', state: 'working' },
    ]);
    renderStats();
    expect(
      await screen.findByText(
        'DeepL reached the daily limit you set, so Google Translate is translating until tomorrow.',
      ),
    ).toBeTruthy();
  });

  it('says it in Chinese', async () => {
    await updateSettings({ uiLanguage: 'zh-CN' });
    mockHealth(FALLING_BACK);
    renderStats();
    expect(
      await screen.findByText('LibreTranslate出错（API 密钥被拒绝），已改由谷歌翻译翻译。'),
    ).toBeTruthy();
  });

  it('shows a working first choice without any warning, and a chain where nothing answers', async () => {
    await updateSettings({ uiLanguage: 'en' });
    const setHealth = mockHealth([
      { id: 'chrome-on-device', state: 'skipped', kind: 'unavailable' },
      { id: 'microsoft-edge', state: 'slow' },
    ]);
    const { container, unmount } = renderStats();
    expect(await screen.findByText('Translation service: Microsoft Translator · Slow')).toBeTruthy();
    expect(container.querySelector('.provider-fallback')).toBeNull();
    unmount();

    setHealth([{ id: 'google-html', state: 'skipped', kind: 'network' }]);
    renderStats();
    expect(await screen.findByText('No service is answering: cannot be reached.')).toBeTruthy();
  });
});
