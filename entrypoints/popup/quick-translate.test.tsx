import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { I18nRoot } from '@/components/i18n-root';
import type { ComposeProtocol } from '@/utils/compose/protocol';
import type { LanguageCode } from '@/utils/language/languages';
import { updateSettings } from '@/utils/settings';
import { ProviderError } from '@/utils/translate/types';
import { onMessage } from '@/utils/transport/messages';
import { PopupApp } from './popup-app';
import { QuickTranslate } from './quick-translate';

type WritingRequest = ComposeProtocol['translateWriting']['request'];

/** Plain-English ↔ Chinese pairs the fake background knows, in both directions. */
const PHRASES: Record<string, string> = {
  'your cat is cute': '你的猫好可爱',
  你的猫好可爱: 'your cat is so cute',
  'see you tomorrow': '明天见',
  明天见: 'see you tomorrow',
};

/** The background's `translateWriting`, answering from PHRASES; every request it got, in order. */
function background(
  answer = (request: WritingRequest) => request.texts.map((text) => PHRASES[text] ?? text),
) {
  const requests: WritingRequest[] = [];
  const handler = vi.fn(async (request: WritingRequest) => {
    requests.push(request);
    return { translations: answer(request), provider: 'google-html' as const };
  });
  onMessage({ translateWriting: handler });
  return { requests, handler };
}

const LABELS = { text: 'Your text', target: 'Translate my text into' };

async function showBox(reader: LanguageCode = 'en') {
  await updateSettings({ uiLanguage: 'en' });
  const view = render(
    <I18nRoot>
      <QuickTranslate reader={reader} register="casual" />
    </I18nRoot>,
  );
  const text = (await screen.findByLabelText(LABELS.text)) as HTMLTextAreaElement;
  return { view, text, target: screen.getByLabelText(LABELS.target) as HTMLSelectElement };
}

const resultOf = (container: HTMLElement) => container.querySelector<HTMLElement>('[data-rb-quick-result]');
const backOf = (container: HTMLElement) => container.querySelector<HTMLElement>('[data-rb-quick-back]');
const status = () => screen.getByRole('status');

afterEach(cleanup);

describe('quick translate in the popup', () => {
  it('translates a draft as the reader would write it, keeping mentions and emoji, and reads it back', async () => {
    const { requests } = background();
    const { view, text } = await showBox('en');
    fireEvent.change(text, { target: { value: '@Anna your cat is cute 😻' } });
    fireEvent.click(screen.getByRole('button', { name: 'Translate' }));

    await waitFor(() => expect(backOf(view.container)?.textContent).toBe('@Anna your cat is so cute 😻'));
    expect(requests).toEqual([
      { texts: ['your cat is cute'], from: 'en', to: 'zh-CN', writing: { register: 'casual' } },
      // The read-back is a plain translation, not written as a commenter would.
      { texts: ['你的猫好可爱'], from: 'zh-CN', to: 'en' },
    ]);
    const result = resultOf(view.container)!;
    expect(result.textContent).toBe('@Anna 你的猫好可爱 😻');
    expect(result.lang).toBe('zh-CN');
    expect(backOf(view.container)!.lang).toBe('en');
    expect(status().getAttribute('aria-live')).toBe('polite');
  });

  it('translates with Ctrl+Enter (or Cmd+Enter) in the text box', async () => {
    const { requests } = background();
    const { view, text } = await showBox('en');
    fireEvent.change(text, { target: { value: 'see you tomorrow' } });
    fireEvent.keyDown(text, { key: 'Enter', metaKey: true });
    await waitFor(() => expect(resultOf(view.container)?.textContent).toBe('明天见'));
    expect(requests[0]).toMatchObject({ texts: ['see you tomorrow'], to: 'zh-CN' });
  });

  it('says the text is already in the target language, and sends nothing', async () => {
    const { handler } = background();
    const { view, text, target } = await showBox('zh-CN');
    expect(target.value).toBe('en');
    fireEvent.change(text, { target: { value: 'I really love this little cafe' } });
    fireEvent.click(screen.getByRole('button', { name: 'Translate' }));
    await waitFor(() => expect(status().textContent).toBe('Your draft is already in English.'));
    expect(handler).not.toHaveBeenCalled();
    expect(resultOf(view.container)).toBeNull();
  });

  it('keeps the text when translation fails, and Retry gives the failed provider another chance', async () => {
    let fail = true;
    const { requests } = background((request) => {
      if (fail) {
        fail = false;
        throw new ProviderError('network', 'fetch failed', { provider: 'google-html' });
      }
      return request.texts.map((text) => PHRASES[text] ?? text);
    });
    const { view, text } = await showBox('en');
    fireEvent.change(text, { target: { value: 'see you tomorrow' } });
    fireEvent.click(screen.getByRole('button', { name: 'Translate' }));

    await waitFor(() =>
      expect(status().textContent).toBe(
        'Not translated, your draft is unchanged: the translation services could not be reached',
      ),
    );
    expect(text.value).toBe('see you tomorrow');
    expect(resultOf(view.container)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(resultOf(view.container)?.textContent).toBe('明天见'));
    expect(requests[1]).toMatchObject({ texts: ['see you tomorrow'], retryProvider: 'google-html' });
    expect(status().textContent).toBe('');
  });

  it('copies the translation, or selects it for copying by hand when the clipboard refuses', async () => {
    background();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { view, text } = await showBox('en');
    fireEvent.change(text, { target: { value: 'see you tomorrow' } });
    fireEvent.click(screen.getByRole('button', { name: 'Translate' }));
    await screen.findByRole('button', { name: 'Copy' });

    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith('明天见');
    await waitFor(() => expect(status().textContent).toBe('Copied'));

    writeText.mockRejectedValue(new DOMException('Document is not focused.', 'NotAllowedError'));
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() =>
      expect(status().textContent).toMatch(/^Could not copy\. The translation is selected/),
    );
    expect(document.getSelection()?.toString()).toBe('明天见');
    expect(document.activeElement).toBe(resultOf(view.container));
  });

  it('drops a shown translation once the text changes, so an old one is never copied', async () => {
    background();
    const { view, text } = await showBox('en');
    fireEvent.change(text, { target: { value: 'see you tomorrow' } });
    fireEvent.click(screen.getByRole('button', { name: 'Translate' }));
    await waitFor(() => expect(resultOf(view.container)).not.toBeNull());
    fireEvent.change(text, { target: { value: 'see you tomorrow!' } });
    expect(resultOf(view.container)).toBeNull();
  });
});

describe('quick translate draft', () => {
  beforeEach(() => background());

  it('keeps the text and the chosen language in session storage when the popup closes', async () => {
    const first = await showBox('en');
    fireEvent.change(first.text, { target: { value: 'see you tomorrow' } });
    fireEvent.change(first.target, { target: { value: 'ja' } });
    await waitFor(async () =>
      expect((await browser.storage.session.get('quickTranslateDraft')).quickTranslateDraft).toEqual({
        text: 'see you tomorrow',
        target: 'ja',
      }),
    );
    first.view.unmount();

    const again = await showBox('en');
    expect(again.text.value).toBe('see you tomorrow');
    expect(again.target.value).toBe('ja');
    expect(again.view.container.querySelector('details')!.open).toBe(true);
  });

  it('keeps the text in memory when session storage cannot be used', async () => {
    const refused = new Error('Access to storage is not allowed from this context.');
    vi.spyOn(browser.storage.session, 'get').mockRejectedValue(refused);
    vi.spyOn(browser.storage.session, 'set').mockRejectedValue(refused);
    const first = await showBox('en');
    fireEvent.change(first.text, { target: { value: 'see you tomorrow' } });
    first.view.unmount();

    const again = await showBox('en');
    expect(again.text.value).toBe('see you tomorrow');
  });

  it('starts empty and closed', async () => {
    const { view, text } = await showBox('en');
    expect(text.value).toBe('');
    expect(view.container.querySelector('details')!.open).toBe(false);
    expect(screen.getByRole('button', { name: 'Translate' })).toHaveProperty('disabled', true);
  });
});

describe('quick translate in the popup, from settings', () => {
  const renderPopup = () =>
    render(
      <I18nRoot>
        <PopupApp />
      </I18nRoot>,
    );

  it('writes into Chinese for an English reader, in the register from settings', async () => {
    const { requests } = background();
    await updateSettings({
      uiLanguage: 'en',
      readerLanguage: 'en',
      compose: { assist: true, register: 'neutral' },
    });
    renderPopup();
    const target = (await screen.findByLabelText(LABELS.target)) as HTMLSelectElement;
    expect(target.value).toBe('zh-CN');
    expect(target.selectedOptions[0]!.textContent).toBe('简体中文');
    fireEvent.change(screen.getByLabelText(LABELS.text), { target: { value: 'see you tomorrow' } });
    fireEvent.click(screen.getByRole('button', { name: 'Translate' }));
    await waitFor(() => expect(requests[0]).toMatchObject({ to: 'zh-CN', writing: { register: 'neutral' } }));
  });

  it('writes into English for a Chinese reader', async () => {
    await updateSettings({ uiLanguage: 'en', readerLanguage: 'zh-CN' });
    renderPopup();
    const target = (await screen.findByLabelText(LABELS.target)) as HTMLSelectElement;
    expect(target.value).toBe('en');
    expect(target.selectedOptions[0]!.textContent).toBe('English');
  });
});
