import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { I18nRoot } from '@/components/i18n-root';
import { updateSettings } from '@/utils/settings';
import { CacheControls } from './cache-section';
import { approximateBytes, formatBytes } from './cache-size';

afterEach(cleanup);

/** A background whose cache holds `entries` until it is cleared. */
function mockCache(entries: number, characters: number) {
  let stored = { entries, characters };
  browser.runtime.onMessage.addListener(((message: { type?: string }) => {
    if (message.type === 'getCacheSize') return Promise.resolve({ ok: true, value: stored });
    if (message.type === 'clearCache') {
      const removed = stored.entries;
      stored = { entries: 0, characters: 0 };
      return Promise.resolve({ ok: true, value: { removed } });
    }
    return undefined;
  }) as never);
}

const renderControls = () =>
  render(
    <I18nRoot>
      <CacheControls />
    </I18nRoot>,
  );

describe('cache size', () => {
  it('is shown next to Clear cache and refreshed after clearing', async () => {
    await updateSettings({ uiLanguage: 'en' });
    mockCache(1234, 2_600_000);
    renderControls();
    expect(await screen.findByText('1,234 translations stored, about 5.2 MB.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear cache' }));
    await screen.findByText('The cache is empty.');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Removed 1234 cached translations.'),
    );
  });

  it('is shown in Chinese', async () => {
    await updateSettings({ uiLanguage: 'zh-CN' });
    mockCache(12, 900);
    renderControls();
    expect(await screen.findByText(`已存储 12 条翻译，约 ${formatBytes(1800, 'zh-CN')}。`)).toBeTruthy();
  });

  it('is counted in bytes of UTF-16 and written with the right unit', () => {
    expect(approximateBytes(1000)).toBe(2000);
    expect(formatBytes(0, 'en')).toBe('0 kB');
    expect(formatBytes(840, 'en')).toBe('0.8 kB');
    expect(formatBytes(1500, 'en')).toBe('1.5 kB');
    expect(formatBytes(52_400_000, 'en')).toBe('52.4 MB');
    expect(formatBytes(3_000_000_000, 'en')).toBe('3 GB');
  });
});
