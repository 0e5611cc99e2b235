import { describe, expect, it } from 'vitest';
import { FIREFOX_MENU_ACCESS_KEYS, TOGGLE_SHORTCUT, toggleShortcutFor } from './shortcuts';

describe('the toggle-translation shortcut', () => {
  it('keeps Alt+T in Chrome and Edge', () => {
    expect(toggleShortcutFor('chrome')).toBe('Alt+T');
    expect(toggleShortcutFor('edge')).toBe('Alt+T');
  });

  it('avoids the keys of Firefox’s menu bar, which Firefox serves before any extension', () => {
    expect(toggleShortcutFor('firefox')).toBe(TOGGLE_SHORTCUT.firefox);
    const keys = TOGGLE_SHORTCUT.firefox.split('+');
    if (keys.includes('Alt')) expect(FIREFOX_MENU_ACCESS_KEYS).not.toContain(keys.at(-1)!.toUpperCase());
  });
});
