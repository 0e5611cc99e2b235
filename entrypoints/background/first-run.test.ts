import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MessageError, sendMessage } from '@/utils/transport/messages';
import { type TranslateRequest } from '@/utils/translate/types';
import { updateSettings } from '@/utils/settings';
import { setupFirstRun, translateSample, welcomeOnInstall } from './first-run';

const fakeTranslate = vi.fn(async (request: TranslateRequest) => ({
  translations: request.segments.map((segment) => `${request.to}:${segment}`),
  provider: 'google-html' as const,
}));

const openTabs = async () => (await fakeBrowser.tabs.query({})).map((tab) => tab.url);

describe('first run', () => {
  it('opens the welcome page once, on install only', async () => {
    const opened: string[] = [];
    const deps = {
      loadSettings: async () => (await import('@/utils/settings')).loadSettings(),
      openTab: async (url: string) => opened.push(url),
    };
    expect(await welcomeOnInstall({ reason: 'update' }, deps)).toBe(false);
    expect(await welcomeOnInstall({ reason: 'chrome_update' }, deps)).toBe(false);
    expect(opened).toEqual([]);
    expect(await welcomeOnInstall({ reason: 'install' }, deps)).toBe(true);
    expect(opened).toEqual([fakeBrowser.runtime.getURL('/welcome.html')]);

    await updateSettings({ onboarded: true });
    expect(await welcomeOnInstall({ reason: 'install' }, deps)).toBe(false);
    expect(opened).toHaveLength(1);
  });

  it('listens for the browser’s install event', async () => {
    setupFirstRun({ translate: fakeTranslate });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(async () =>
      expect(await openTabs()).toContain(fakeBrowser.runtime.getURL('/welcome.html')),
    );
  });

  it('does not open it on an update', async () => {
    setupFirstRun({ translate: fakeTranslate });
    await fakeBrowser.runtime.onInstalled.trigger({
      reason: 'update',
      previousVersion: '0.1.0',
      temporary: false,
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await openTabs()).not.toContain(fakeBrowser.runtime.getURL('/welcome.html'));
  });
});

describe('sample translation', () => {
  it('translates each unit through the engine at visible priority', async () => {
    fakeTranslate.mockClear();
    const result = await translateSample(fakeTranslate, {
      units: [
        { segments: ['我的猫主子今天又嫌弃我了'], from: 'zh-CN' },
        { segments: ['买了三百块的猫窝', '猫咪日常'], from: 'zh-CN' },
      ],
      to: 'ja',
    });
    expect(result.translations).toEqual([
      ['ja:我的猫主子今天又嫌弃我了'],
      ['ja:买了三百块的猫窝', 'ja:猫咪日常'],
    ]);
    expect(fakeTranslate.mock.calls.map(([request]) => [request.priority, request.from, request.to])).toEqual(
      [
        ['visible', 'zh-CN', 'ja'],
        ['visible', 'zh-CN', 'ja'],
      ],
    );
    expect(new Set(fakeTranslate.mock.calls.map(([request]) => request.requestId)).size).toBe(2);
  });

  it('refuses what is not a sample note', async () => {
    fakeTranslate.mockClear();
    setupFirstRun({ translate: fakeTranslate });
    const refused = (payload: unknown) =>
      sendMessage('translateSample', payload as never).catch((error: MessageError) => error.failure);
    expect(await refused({ units: [], to: 'xx' })).toMatchObject({ kind: 'bad-request' });
    const many = Array.from({ length: 20 }, () => ({ segments: ['a'], from: 'auto' as const }));
    expect(await refused({ units: many, to: 'en' })).toMatchObject({ kind: 'bad-request' });
    expect(fakeTranslate).not.toHaveBeenCalled();
  });

  it('answers the welcome page’s message, and reports a failed translation as data', async () => {
    const failing = vi.fn(async () => {
      throw Object.assign(new Error('All translation services failed'), { kind: 'network' });
    });
    setupFirstRun({ translate: failing });
    const error = await sendMessage('translateSample', {
      units: [{ segments: ['好可爱'], from: 'zh-CN' }],
      to: 'en',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MessageError);
    expect((error as MessageError).failure).toEqual({
      kind: 'network',
      message: 'All translation services failed',
    });
  });
});
