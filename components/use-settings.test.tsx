import { act, cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, updateSettings } from '@/utils/settings';
import type { Settings } from '@/utils/settings-schema';
import { useSettings } from './use-settings';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('useSettings', () => {
  it('never goes back to an earlier change while a later one is written', async () => {
    const shown: string[] = [];
    let update: ((change: Partial<Settings>) => Promise<void>) | undefined;
    function Probe() {
      const [settings, change] = useSettings();
      update = change;
      if (settings) shown.push(settings.displayMode);
      return null;
    }
    render(<Probe />);
    await waitFor(() => expect(shown).toContain('bilingual'));
    // Two quick changes, the second made before the first is stored (a double click, a held key).
    // Storage takes its time with the second write, as it may on a busy machine.
    const write = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let writes = 0;
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) =>
      ++writes === 2 ? gate.then(() => write(items)) : write(items),
    );
    let second: Promise<void> | undefined;
    await act(async () => {
      const first = update!({ displayMode: 'translation-only' });
      second = update!({ displayMode: 'hover' });
      await first;
    });
    // The first change is stored; the second, shown already, must stay shown.
    expect(shown.at(-1)).toBe('hover');
    release();
    await act(() => second!);
    await act(() => new Promise((resolve) => setTimeout(resolve, 20))); // storage events delivered
    const afterSecond = shown.slice(shown.indexOf('hover'));
    expect(afterSecond.every((mode) => mode === 'hover')).toBe(true);
    expect((await loadSettings()).displayMode).toBe('hover');
  });

  it('keeps both of two changes to different settings written at once', async () => {
    await Promise.all([updateSettings({ displayMode: 'hover' }), updateSettings({ showTerms: false })]);
    const stored = await loadSettings();
    expect([stored.displayMode, stored.showTerms]).toEqual(['hover', false]);
  });
});
