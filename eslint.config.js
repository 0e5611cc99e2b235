import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.output-*/**',
      '.wxt/**',
      '.cache/**',
      'test-results/**',
      'node_modules/**',
      'tests/fixtures/captures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Page and provider text must never become markup.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Insert page and provider text with textContent or DOM APIs.' },
        { property: 'outerHTML', message: 'Insert page and provider text with textContent or DOM APIs.' },
        {
          property: 'insertAdjacentHTML',
          message: 'Insert page and provider text with textContent or DOM APIs.',
        },
      ],
    },
  },
  {
    // Tests and the fixture site build the *site's* markup on purpose.
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Plain scripts that run in a page (fixture site, benchmark probes).
    files: ['tests/fixtures/site/**/*.js', 'bench/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        console: 'readonly',
        process: 'readonly',
        TextDecoder: 'readonly',
        URL: 'readonly',
      },
    },
  },
);
