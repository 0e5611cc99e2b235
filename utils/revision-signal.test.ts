import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { bumpRevision, watchRevision } from './revision-signal';

describe('revision signal', () => {
  it('writes a new value on every bump, even two in the same millisecond', async () => {
    // Browsers report a key as changed only when its value differs.
    vi.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000);
    await bumpRevision('someRevision');
    const first = (await browser.storage.local.get('someRevision')).someRevision as number;
    await bumpRevision('someRevision');
    const second = (await browser.storage.local.get('someRevision')).someRevision as number;
    expect(second).toBeGreaterThan(first);
  });

  it('calls back for its own key in local storage only, until unwatched', async () => {
    const onChange = vi.fn();
    const unwatch = watchRevision('someRevision', onChange);
    await bumpRevision('otherRevision');
    await browser.storage.session.set({ someRevision: 1 });
    expect(onChange).not.toHaveBeenCalled();
    await bumpRevision('someRevision');
    expect(onChange).toHaveBeenCalledOnce();
    unwatch();
    await bumpRevision('someRevision');
    expect(onChange).toHaveBeenCalledOnce();
  });
});
