import { describe, expect, it, vi } from 'vitest';
import { clickAsReader, dispatchAsReader } from '@/tests/support/reader-events';
import { dropScriptEvents, isFromReader, readerOnly } from './trusted-events';

describe('events from the reader', () => {
  it('tells the reader’s events from those a script made', () => {
    const seen: boolean[] = [];
    const button = document.createElement('button');
    button.addEventListener('click', (event) => seen.push(isFromReader(event)));
    button.click();
    button.dispatchEvent(new MouseEvent('click'));
    clickAsReader(button);
    expect(seen).toEqual([false, false, true]);
  });

  it('calls a reader-only listener for the reader’s events alone', () => {
    const listener = vi.fn();
    const button = document.createElement('button');
    button.addEventListener('click', readerOnly(listener));
    button.click();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(listener).not.toHaveBeenCalled();
    clickAsReader(button);
    expect(listener).toHaveBeenCalledOnce();
  });

  it('stops a script’s events before listeners it does not own, on the target or below it', () => {
    const root = document.createElement('div');
    const button = document.createElement('button');
    root.append(button);
    document.body.append(root);
    const heard = vi.fn();
    // Registered first, as a renderer's own listener is: the capturing one still runs before it.
    button.addEventListener('click', heard);
    dropScriptEvents(button, ['click']);
    const below = document.createElement('span');
    button.append(below);
    button.click();
    below.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(heard).not.toHaveBeenCalled();
    clickAsReader(button);
    clickAsReader(below);
    expect(heard).toHaveBeenCalledTimes(2);

    const aborted = new AbortController();
    const keys = vi.fn();
    button.addEventListener('keydown', keys);
    dropScriptEvents(root, ['keydown'], { signal: aborted.signal });
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(keys).not.toHaveBeenCalled();
    dispatchAsReader(button, new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(keys).toHaveBeenCalledOnce();
    aborted.abort();
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(keys).toHaveBeenCalledTimes(2);
    root.remove();
  });
});
