import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { GeneralSection } from '@/entrypoints/options/general-section';
import { loadSettings, updateSettings } from '@/utils/settings';
import { I18nRoot } from './i18n-root';

afterEach(cleanup);

const renderGeneral = () =>
  render(
    <I18nRoot>
      <GeneralSection />
    </I18nRoot>,
  );

describe('which text to translate, in the settings', () => {
  it('names the choices after the reader’s language and saves the choice', async () => {
    await updateSettings({ uiLanguage: 'en', readerLanguage: 'fr' });
    renderGeneral();
    fireEvent.click(await screen.findByRole('radio', { name: /Only Chinese → French/ }));
    await waitFor(async () => expect((await loadSettings()).sourceScope).toBe('primary'));
    expect(
      (screen.getByRole('radio', { name: /Everything not in French/ }) as HTMLInputElement).checked,
    ).toBe(false);

    fireEvent.change(screen.getByLabelText('Translate into'), { target: { value: 'zh-CN' } });
    expect(await screen.findByRole('radio', { name: /Only English → Chinese/ })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /English and other languages → Chinese/ })).toBeTruthy();
  });

  it('reads in Chinese', async () => {
    await updateSettings({ uiLanguage: 'zh-CN', readerLanguage: 'en', sourceScope: 'primary' });
    renderGeneral();
    const primary = (await screen.findByRole('radio', { name: /只翻译中文 → 英语/ })) as HTMLInputElement;
    expect(primary.checked).toBe(true);
    expect(screen.getByRole('group', { name: 'RedBridge 要翻译哪些内容？' })).toBeTruthy();
  });
});
