import { defineConfig } from 'wxt';
import { toggleShortcutFor } from './utils/shortcuts';
import { LOOPBACK_HOSTS } from './utils/translate/provider-config';
import { SITE_MATCHES } from './utils/xhs/hosts';

/** Where a user-configured provider may be: anywhere over https, or a server on this computer. */
const OPTIONAL_HOSTS = ['https://*/*', ...LOOPBACK_HOSTS.map((host) => `http://${host}/*`)];

export default defineConfig({
  // A separate output folder lets two builds (e.g. a benchmark and a test run) live side by side.
  outDir: process.env.RB_OUTPUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage', 'alarms', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // Keyless providers are reached from the background; user-configured endpoints are requested at
    // run time through optional host permissions.
    host_permissions: [
      ...SITE_MATCHES,
      'https://translate-pa.googleapis.com/*',
      'https://translate.googleapis.com/*',
      'https://edge.microsoft.com/*',
    ],
    // MV2 (Firefox) lists optional origins among optional permissions. Plain http only for servers
    // on this computer (utils/translate/provider-config.ts says the same of addresses).
    ...(manifestVersion === 3
      ? { optional_host_permissions: OPTIONAL_HOSTS }
      : { optional_permissions: OPTIONAL_HOSTS }),
    commands: {
      'toggle-translation': {
        // Not Alt+T in Firefox, whose menu bar takes it (see utils/shortcuts.ts).
        suggested_key: { default: toggleShortcutFor(browser) },
        description: '__MSG_commandToggle__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'redbridge@redbridge.app',
              // :has() (display modes, feed cards) arrived in Firefox 121.
              strict_min_version: '121.0',
              // The text of notes and comments is sent to the translation service the user picks.
              data_collection_permissions: { required: ['websiteContent'] },
            },
          },
        }
      : {}),
  }),
});
