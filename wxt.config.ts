import { defineConfig } from 'wxt';

// Host pages the content script runs on. The whole host is matched because notes open as modals
// over any list page (pushState), so a content script limited to /explore/* would miss them.
export const XHS_MATCHES = ['*://www.xiaohongshu.com/*', '*://www.rednote.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage', 'alarms', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // Keyless providers are reached from the background; user-configured endpoints are requested at
    // run time through optional host permissions.
    host_permissions: [
      ...XHS_MATCHES,
      'https://translate-pa.googleapis.com/*',
      'https://translate.googleapis.com/*',
      'https://edge.microsoft.com/*',
    ],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      'toggle-translation': {
        suggested_key: { default: 'Alt+T' },
        description: '__MSG_commandToggle__',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'redbridge@redbridge.app', strict_min_version: '115.0' } } }
      : {}),
  }),
});
