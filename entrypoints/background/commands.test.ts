import { describe, expect, it } from 'vitest';
import { loadSettings } from '@/utils/settings';
import { toggleSiteForTab } from './commands';

describe('toggle shortcut', () => {
  it('turns translation off and on again for the tab’s site only', async () => {
    expect(await toggleSiteForTab('https://www.rednote.com/explore/0123456789abcdef01234567')).toBe(false);
    let settings = await loadSettings();
    expect(settings.sites).toEqual({ 'www.xiaohongshu.com': true, 'www.rednote.com': false });
    expect(await toggleSiteForTab('https://www.rednote.com/explore')).toBe(true);
    settings = await loadSettings();
    expect(settings.sites['www.rednote.com']).toBe(true);
  });

  it('ignores tabs on other sites', async () => {
    expect(await toggleSiteForTab('https://example.com/')).toBeUndefined();
    expect(await toggleSiteForTab(undefined)).toBeUndefined();
    expect((await loadSettings()).sites['www.xiaohongshu.com']).toBe(true);
  });
});
