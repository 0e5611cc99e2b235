import { describe, expect, it } from 'vitest';
import { SITE_MATCHES } from '@/utils/xhs/hosts';
import config from '../../wxt.config';

type Manifest = Record<string, unknown>;
const manifestFor = (browser: string, manifestVersion: 2 | 3) =>
  (config.manifest as (env: { browser: string; manifestVersion: number }) => Manifest)({
    browser,
    manifestVersion,
  });

/** Hosts over plain http only on this computer; everything else over https. */
const SAFE_PATTERN = /^(https:\/\/[^/]+\/\*|http:\/\/(localhost|\*\.localhost|127\.0\.0\.1|\[::1\])\/\*)$/;

describe('the manifest asks for no more than it needs', () => {
  it('runs the content script on the site over https only', () => {
    expect(SITE_MATCHES).toEqual(['https://www.xiaohongshu.com/*', 'https://www.rednote.com/*']);
  });

  it.each([
    ['chrome', 3],
    ['firefox', 2],
  ] as const)('%s: fixed and optional hosts are https, or http on this computer', (browser, version) => {
    const manifest = manifestFor(browser, version);
    const optional = (manifest.optional_host_permissions ?? manifest.optional_permissions) as string[];
    for (const pattern of [...(manifest.host_permissions as string[]), ...optional])
      expect(pattern).toMatch(SAFE_PATTERN);
    expect(optional).toContain('https://*/*');
  });
});
