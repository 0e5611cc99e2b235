import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nRoot } from '@/components/i18n-root';
import { loadSettings, updateSettings } from '@/utils/settings';
import { DEFAULT_SETTINGS } from '@/utils/settings-schema';
import { AppearanceSection } from './appearance-section';

afterEach(() => {
  cleanup();
  document.querySelector('style[data-rb-appearance]')?.remove();
});

const renderSection = () =>
  render(
    <I18nRoot>
      <AppearanceSection />
    </I18nRoot>,
  );
const appearanceStyle = () => document.querySelector('style[data-rb-appearance]')?.textContent ?? '';

describe('appearance section', () => {
  it('changes size, colour and placement, saves them and restyles the preview at once', async () => {
    await updateSettings({ uiLanguage: 'en' });
    renderSection();
    fireEvent.change(await screen.findByLabelText('Translation text size'), { target: { value: '130' } });
    await waitFor(async () => expect((await loadSettings()).appearance.fontScale).toBe(130));
    await waitFor(() => expect(appearanceStyle()).toContain('--rb-font-scale: 1.3'));

    fireEvent.click(screen.getByRole('radio', { name: 'Blue' }));
    await waitFor(async () => expect((await loadSettings()).appearance.colors).toBe('blue'));
    await waitFor(() => expect(appearanceStyle()).toContain('--rb-text-color: #1a5fb4'));

    fireEvent.click(screen.getByRole('radio', { name: 'Below the original, in a muted block' }));
    await waitFor(async () => expect((await loadSettings()).appearance.placement).toBe('block'));
    expect(appearanceStyle()).toContain('--rb-block-bg');

    const light = screen.getByRole('group', { name: 'On the light site' });
    const dark = screen.getByRole('group', { name: 'On the dark site' });
    expect(within(light).getByText('A kitty this cute must be great at acting spoiled')).toBeTruthy();
    expect(dark.className).toContain('rb-preview-dark');
    expect(light.querySelector('[data-rb-translation][data-rb-state="done"]')).toBeTruthy();
  });

  it('warns when a custom colour is hard to read and says the contrast when it is not', async () => {
    await updateSettings({
      uiLanguage: 'en',
      appearance: { ...DEFAULT_SETTINGS.appearance, colors: 'custom' },
    });
    renderSection();
    const lightInput = await screen.findByLabelText('Colour on the light site');
    expect(screen.getByText('Contrast 6.0:1')).toBeTruthy();
    fireEvent.change(lightInput, { target: { value: '#cccccc' } });
    expect(
      await screen.findByText('Contrast 1.5:1, hard to read: pick a colour further from the background.'),
    ).toBeTruthy();
    await waitFor(async () => expect((await loadSettings()).appearance.customColors.light).toBe('#cccccc'));
    // The same colour is fine on the dark site.
    fireEvent.change(screen.getByLabelText('Colour on the dark site'), { target: { value: '#cccccc' } });
    await waitFor(async () => expect((await loadSettings()).appearance.customColors.dark).toBe('#cccccc'));
    expect(screen.getByLabelText('Colour on the dark site').getAttribute('aria-describedby')).toBeTruthy();
  });

  it('renders in Chinese', async () => {
    await updateSettings({ uiLanguage: 'zh-CN' });
    renderSection();
    expect(await screen.findByLabelText('译文字号')).toBeTruthy();
    expect(screen.getByRole('radio', { name: '蓝色' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '在原文下方，浅色底块' })).toBeTruthy();
    expect(screen.getByRole('group', { name: '深色网站' })).toBeTruthy();
    expect(screen.getAllByText('天哪，小爪爪 🥺')).toHaveLength(2);
  });
});
