import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  // The polyfill module would alias `wxt/browser` to the real polyfill, which only runs inside an
  // extension; unit tests use WXT's in-memory fake browser instead.
  plugins: [WxtVitest({ modules: ['@wxt-dev/module-react'] }), react()],
  resolve: {
    // WXT's mock of `wxt/browser` imports `wxt/testing`, whose index also exports the Vite plugin
    // (and esbuild with it), which cannot load under jsdom. Tests only need the fake browser.
    alias: [{ find: /^wxt\/testing$/, replacement: 'wxt/testing/fake-browser' }],
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['fake-indexeddb/auto', './tests/setup.ts'],
    include: ['**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', '.output/**', '.output-*/**', 'tests/e2e/**'],
    restoreMocks: true,
    // Above Testing Library's wait (tests/setup.ts), so a missing element reports what the page
    // showed rather than a bare timeout.
    testTimeout: 20_000,
  },
});
