// ESLint (flat config): typescript-eslint, react-hooks, and the rules that hold the invariants.
// Each invariant rule has a test that proves it fires (test/unit/lint-rules.test.ts).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Only the preload may touch ipcRenderer (DESIGN: no generic bridge; GitHub Desktop's rule). */
const NO_IPC_RENDERER = {
  name: 'electron',
  importNames: ['ipcRenderer'],
  message: 'Only src-main/preload.ts may use ipcRenderer.',
};

/** The renderer is a web page: no Electron, keychain, HTTP client or Node built-ins (invariant 1). */
const RENDERER_FORBIDDEN = {
  paths: [
    { name: 'electron', message: 'The renderer never imports Electron: use window.keychain (lib/keychain.ts).' },
    { name: 'keytar', message: 'The keychain belongs to main (invariant 2).' },
    { name: 'axios', message: 'Every API call is made by main.' },
    {
      name: '@shared/contract',
      allowTypeImports: true,
      message: "Import the contract as types only: its zod schemas are main's.",
    },
    {
      name: '@shared/bridge',
      allowTypeImports: true,
      message: 'Import the bridge as a type only: window.keychain is the value.',
    },
  ],
  patterns: [
    { group: ['node:*'], message: 'Node built-ins do not exist in the renderer.' },
    {
      regex:
        '^(fs|path|os|crypto|child_process|http|https|net|tls|url|util|stream|events|buffer|worker_threads)(/.*)?$',
      message: 'Node built-ins do not exist in the renderer.',
    },
    {
      regex: '(^|/)src-main(/(?!shared/)|$)',
      message: 'The renderer imports from main only through @shared (types and plain constants).',
    },
    { group: ['@main/*'], message: 'The renderer imports from main only through @shared.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'test-results/**',
      'playwright-report/**',
      'resources/**',
      'test/emulators/square/vendor/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-imports': ['error', { paths: [NO_IPC_RENDERER] }],
    },
  },
  { files: ['src-main/preload.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['src-renderer/**/*.{ts,tsx}', 'test/unit/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', RENDERER_FORBIDDEN],
    },
  },
  {
    // The unit-test harness drives the renderer from vitest: it may use vitest, not main's values.
    files: ['test/unit/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
