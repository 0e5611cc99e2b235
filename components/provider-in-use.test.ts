import { describe, expect, it } from 'vitest';
import type { ProviderHealthView } from '@/utils/translate/types';
import { providerInUse } from './provider-in-use';

const view = (
  id: ProviderHealthView['id'],
  state: ProviderHealthView['state'],
  kind?: ProviderHealthView['kind'],
) => ({ id, state, ...(kind ? { kind } : {}) }) as ProviderHealthView;

describe('provider in use', () => {
  it('is the first provider answering when nothing before it failed', () => {
    expect(providerInUse([view('google-html', 'working'), view('microsoft-edge', 'unused')])).toEqual({
      state: 'working',
      provider: 'google-html',
    });
    expect(providerInUse([view('deepl', 'slow')])).toEqual({ state: 'slow', provider: 'deepl' });
  });

  it('does not call a missing on-device model falling back', () => {
    expect(
      providerInUse([view('chrome-on-device', 'skipped', 'unavailable'), view('google-html', 'working')]),
    ).toEqual({ state: 'working', provider: 'google-html' });
    expect(providerInUse([view('chrome-on-device', 'skipped'), view('google-html', 'unused')])).toEqual({
      state: 'unused',
      provider: 'google-html',
    });
  });

  it('says falling back when the first choice fails and a later one answers', () => {
    expect(
      providerInUse([
        view('chrome-on-device', 'skipped', 'unavailable'),
        view('libretranslate', 'skipped', 'auth'),
        view('google-html', 'working'),
      ]),
    ).toEqual({ state: 'falling-back', provider: 'google-html', failed: 'libretranslate', kind: 'auth' });
    // A provider the user chose but never set up is a fallback too.
    expect(
      providerInUse([view('deepl', 'failing', 'unavailable'), view('microsoft-edge', 'unused')]),
    ).toEqual({
      state: 'falling-back',
      provider: 'microsoft-edge',
      failed: 'deepl',
      kind: 'unavailable',
    });
    // The on-device translator failing for another reason than its model is worth saying.
    expect(
      providerInUse([view('chrome-on-device', 'failing', 'timeout'), view('google-html', 'working')]),
    ).toMatchObject({ state: 'falling-back', failed: 'chrome-on-device' });
  });

  it('says failing when nothing answers', () => {
    expect(
      providerInUse([
        view('google-html', 'skipped', 'rate-limited'),
        view('microsoft-edge', 'failing', 'server'),
      ]),
    ).toEqual({ state: 'failing', provider: 'google-html', kind: 'rate-limited' });
    expect(providerInUse([])).toBeUndefined();
  });
});
