import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { I18nRoot } from '@/components/i18n-root';
import { updateSettings } from '@/utils/settings';
import { ShortcutsSection, isFirefox } from './shortcuts-section';

afterEach(cleanup);

const renderSection = () =>
  render(
    <I18nRoot>
      <ShortcutsSection />
    </I18nRoot>,
  );

function commandsAre(commands: { name: string; shortcut?: string; description?: string }[]) {
  vi.spyOn(browser.commands, 'getAll').mockResolvedValue(commands as never);
}

describe('shortcuts section', () => {
  it('lists the shortcuts the browser has now and opens its shortcut page', async () => {
    await updateSettings({ uiLanguage: 'en' });
    commandsAre([
      { name: '_execute_action', shortcut: '', description: '' },
      { name: 'toggle-translation', shortcut: 'Alt+T', description: 'Turn translations on or off' },
    ]);
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    renderSection();
    const toggle = await screen.findByText('Turn translation on or off for the site you are on');
    expect(toggle.nextElementSibling?.textContent).toBe('Alt+T');
    expect(screen.getByText('Open the RedBridge popup').nextElementSibling?.textContent).toBe('Not set');
    fireEvent.click(screen.getByRole('button', { name: 'Change shortcuts' }));
    expect(create).toHaveBeenCalledWith({ url: 'chrome://extensions/shortcuts' });
    expect(screen.getByRole('link', { name: 'Open the welcome page again' }).getAttribute('href')).toBe(
      '/welcome.html',
    );
  });

  it('shows a shortcut the user changed, in Chinese', async () => {
    await updateSettings({ uiLanguage: 'zh-CN' });
    commandsAre([{ name: 'toggle-translation', shortcut: 'Ctrl+Shift+Y' }]);
    renderSection();
    const toggle = await screen.findByText('在当前网站上开启或关闭翻译');
    expect(toggle.nextElementSibling?.textContent).toBe('Ctrl+Shift+Y');
    expect(screen.getByRole('button', { name: '修改快捷键' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '再次打开欢迎页' })).toBeTruthy();
  });

  it('says so when the browser cannot list shortcuts', async () => {
    await updateSettings({ uiLanguage: 'en' });
    vi.spyOn(browser.commands, 'getAll').mockRejectedValue(new Error('not supported'));
    renderSection();
    expect(await screen.findByText('This browser does not say which shortcuts are set.')).toBeTruthy();
  });

  it('explains Firefox’s own shortcut page, which no extension can open', async () => {
    await updateSettings({ uiLanguage: 'en' });
    commandsAre([{ name: 'toggle-translation', shortcut: 'Alt+T' }]);
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(
      'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
    );
    renderSection();
    expect(await screen.findByText(/open about:addons, click the gear button/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Change shortcuts' })).toBeNull();
  });

  it('tells Firefox from Chromium browsers', () => {
    expect(isFirefox('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe(true);
    expect(
      isFirefox(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0 Safari/537.36',
      ),
    ).toBe(false);
  });
});
