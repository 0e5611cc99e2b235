/**
 * The key the `toggle-translation` command is suggested with, per browser. The manifest
 * (wxt.config.ts) and the welcome page's tip both read it, so they cannot disagree.
 *
 * Firefox on Windows and Linux hands Alt+<letter> to its menu bar first when the letter is a menu's
 * access key: Alt+T opens the Tools menu and the command never fires (checked in Firefox ESR 153;
 * the same happens with Alt+Shift+T). Chrome has no menu bar and keeps Alt+T.
 */
export const TOGGLE_SHORTCUT = { chrome: 'Alt+T', firefox: 'Alt+R' } as const;

/**
 * Access keys of Firefox's menu bar (File, Edit, View, History, Bookmarks, Tools, Help) in its
 * English and Chinese builds.
 */
export const FIREFOX_MENU_ACCESS_KEYS = ['F', 'E', 'V', 'S', 'B', 'T', 'H'] as const;

/** `browser` is WXT's target name (`import.meta.env.BROWSER` in the bundle). */
export function toggleShortcutFor(browser: string): string {
  return browser === 'firefox' ? TOGGLE_SHORTCUT.firefox : TOGGLE_SHORTCUT.chrome;
}
