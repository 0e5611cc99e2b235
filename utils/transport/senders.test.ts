import { describe, expect, it } from 'vitest';
import { callerOf } from './senders';

const self = { id: 'redbridge-id', baseUrl: 'chrome-extension://redbridge-id/' };

describe('who is calling the background', () => {
  it.each([
    [
      'the options page',
      { id: 'redbridge-id', url: 'chrome-extension://redbridge-id/options.html' },
      'extension-page',
    ],
    [
      'the options page in a tab',
      { id: 'redbridge-id', url: 'chrome-extension://redbridge-id/options.html', tab: { id: 3 } },
      'extension-page',
    ],
    [
      'the content script on a note',
      { id: 'redbridge-id', url: 'https://www.xiaohongshu.com/explore/1', tab: { id: 3 } },
      'content-script',
    ],
    [
      'the content script on RedNote',
      { id: 'redbridge-id', url: 'https://www.rednote.com/user/profile/9', tab: { id: 3 } },
      'content-script',
    ],
    ['another extension', { id: 'other', url: 'chrome-extension://other/page.html' }, undefined],
    [
      'another extension naming RedBridge’s pages',
      { id: 'other', url: 'chrome-extension://redbridge-id/options.html' },
      undefined,
    ],
    [
      'a tab of another site',
      { id: 'redbridge-id', url: 'https://attacker.example/', tab: { id: 3 } },
      undefined,
    ],
    [
      'a look-alike host',
      { id: 'redbridge-id', url: 'https://www.xiaohongshu.com.attacker.example/', tab: { id: 3 } },
      undefined,
    ],
    [
      'the site over http',
      { id: 'redbridge-id', url: 'http://www.xiaohongshu.com/', tab: { id: 3 } },
      undefined,
    ],
    ['a site page without a tab', { id: 'redbridge-id', url: 'https://www.xiaohongshu.com/' }, undefined],
    ['a sender without a URL', { id: 'redbridge-id', tab: { id: 3 } }, undefined],
    ['no sender at all', undefined, undefined],
  ])('%s is %s', (_, sender, caller) => {
    expect(callerOf(sender, self)).toBe(caller);
  });
});
