import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { I18nRoot } from '@/components/i18n-root';
import type { Envelope } from '@/utils/transport/messages';
import { loadSettings, updateSettings } from '@/utils/settings';
import type { WelcomeProtocol } from '@/utils/welcome-protocol';
import { WelcomeApp } from './welcome-app';

type SampleRequest = WelcomeProtocol['translateSample']['request'];

afterEach(cleanup);

/** A fake background: translates by marking each segment with its target, or fails when told to. */
function fakeBackground() {
  const requests: SampleRequest[] = [];
  const state = { fail: false };
  browser.runtime.onMessage.addListener(((message: Envelope) => {
    if (message.type !== 'translateSample') return undefined;
    const payload = message.payload as SampleRequest;
    requests.push(payload);
    if (state.fail) {
      return Promise.resolve({ ok: false, error: { kind: 'network', message: 'fetch failed' } });
    }
    return Promise.resolve({
      ok: true,
      value: {
        translations: payload.units.map((unit) => unit.segments.map((text) => `[${payload.to}] ${text}`)),
      },
    });
  }) as never);
  return { requests, state };
}

const renderWelcome = () =>
  render(
    <I18nRoot>
      <WelcomeApp />
    </I18nRoot>,
  );

const sampleUnit = (key: string) => document.querySelector<HTMLElement>(`[data-sample-key="${key}"]`)!;
const overlayText = (key: string) =>
  sampleUnit(key)?.querySelector('[data-rb-translation]')?.getAttribute('data-rb-state') === 'done'
    ? sampleUnit(key).querySelector('[data-rb-translation]')!.textContent
    : undefined;

describe('welcome page (English)', () => {
  beforeEach(() => updateSettings({ uiLanguage: 'en' }));

  it('translates the sample note live in the chosen language and direction, then saves on Done', async () => {
    const background = fakeBackground();
    const remove = vi.spyOn(browser.tabs, 'remove').mockResolvedValue();
    vi.spyOn(browser.tabs, 'getCurrent').mockResolvedValue({ id: 42 } as never);
    renderWelcome();

    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome to RedBridge' })).toBeTruthy();
    const language = screen.getByRole('combobox', { name: 'My language' }) as HTMLSelectElement;
    expect(language.value).toBe('en'); // the browser's language
    await waitFor(() => expect(overlayText('note:title')).toBe('[en] 我的猫主子今天又嫌弃我了'));
    expect(overlayText('note:body')).toBe('[en] 买了三百块的猫窝，它非要睡快递箱#[en] 猫咪日常#[en] 萌宠');
    expect(overlayText('comment:2')).toBe('[en] 猫ちゃん可愛すぎる！日本からも猫税を払いに来ました🐱');
    // The overlay follows the site's DOM contract, so the site's stylesheet styles it the same.
    const title = sampleUnit('note:title').querySelector('[data-rb-translation]')!;
    expect(title.getAttribute('lang')).toBe('en');
    expect(title.className).toBe('rb-translation rb-note-title');

    fireEvent.change(language, { target: { value: 'ja' } });
    await waitFor(() => expect(overlayText('note:title')).toBe('[ja] 我的猫主子今天又嫌弃我了'));
    // A Japanese reader's sample has a Korean comment in the other language.
    expect(overlayText('comment:2')).toBe('[ja] 고양이 너무 귀여워요 ㅠㅠ 한국에서도 환영해요!');

    fireEvent.click(screen.getByRole('radio', { name: /Only Chinese → Japanese/ }));
    await waitFor(() =>
      expect(
        within(sampleUnit('comment:2')).getByText('Not translated: you chose only Chinese'),
      ).toBeTruthy(),
    );
    expect(overlayText('comment:1')).toBe('[ja] 猫猫这么可爱，一定很会撒娇吧');
    const last = background.requests.at(-1)!;
    expect(last.to).toBe('ja');
    expect(last.units.every((unit) => unit.from === 'zh-CN')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(remove).toHaveBeenCalledWith(42));
    const saved = await loadSettings();
    expect([saved.readerLanguage, saved.sourceScope, saved.onboarded]).toEqual(['ja', 'primary', true]);
  });

  it('keeps following the browser’s language when the reader did not change it', async () => {
    fakeBackground();
    vi.spyOn(browser.tabs, 'getCurrent').mockResolvedValue({ id: 7 } as never);
    vi.spyOn(browser.tabs, 'remove').mockResolvedValue();
    renderWelcome();
    fireEvent.click(await screen.findByRole('button', { name: 'Done' }));
    await waitFor(async () => expect((await loadSettings()).onboarded).toBe(true));
    expect((await loadSettings()).readerLanguage).toBe('auto');
  });

  it('names the shortcut this browser’s build suggests', async () => {
    fakeBackground();
    try {
      vi.stubEnv('BROWSER', 'firefox');
      renderWelcome();
      // Firefox's menu bar takes Alt+T (utils/shortcuts.ts), so its build suggests another key.
      expect(await screen.findByText(/Alt\+R turns translation on or off/)).toBeTruthy();
      cleanup();
      vi.stubEnv('BROWSER', 'chrome');
      renderWelcome();
      expect(await screen.findByText(/Alt\+T turns translation on or off/)).toBeTruthy();
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('says clearly when the sample cannot be translated, and tries again on request', async () => {
    const background = fakeBackground();
    background.state.fail = true;
    renderWelcome();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'The sample could not be translated just now (the translation services could not be reached).',
    );
    // The originals are still there, with no overlay stuck on "Translating…".
    expect(screen.getByText('我的猫主子今天又嫌弃我了')).toBeTruthy();
    expect(document.querySelector('[data-rb-translation]')).toBeNull();

    background.state.fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(overlayText('note:title')).toBe('[en] 我的猫主子今天又嫌弃我了'));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('welcome page (Chinese)', () => {
  it('shows in Chinese, with an English note for a Chinese reader and Chinese left alone', async () => {
    await updateSettings({ uiLanguage: 'zh-CN', readerLanguage: 'zh-CN' });
    const background = fakeBackground();
    renderWelcome();
    expect(await screen.findByRole('heading', { level: 1, name: '欢迎使用 RedBridge' })).toBeTruthy();
    expect((screen.getByRole('combobox', { name: '我的语言' }) as HTMLSelectElement).value).toBe('zh-CN');
    await waitFor(() =>
      expect(overlayText('note:title')).toBe('[zh-CN] My black cat is very rude, is there a tax discount'),
    );
    // Chinese hashtags are already the reader's: only the English paragraph went out.
    expect(overlayText('note:body')).toBe(
      '[zh-CN] Her name is Salem and she bit me twice while I took this picture',
    );
    expect(screen.getByRole('radio', { name: /英语和其他语言 → 中文/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /只翻译英语 → 中文/ }));
    await waitFor(() =>
      expect(within(sampleUnit('comment:2')).getByText('不翻译：你选择了只翻译英语')).toBeTruthy(),
    );
    expect(background.requests.at(-1)!.units.map((unit) => unit.from)).toEqual(['en', 'en', 'en']);
  });

  it('explains a failure in Chinese', async () => {
    await updateSettings({ uiLanguage: 'zh-CN' });
    fakeBackground().state.fail = true;
    renderWelcome();
    expect((await screen.findByRole('alert')).textContent).toContain('示例暂时无法翻译');
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '完成并打开小红书' })).toBeTruthy();
  });
});
