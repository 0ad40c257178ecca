import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  // The renderer never imports Node or Electron: it reaches data only through the API client.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: ['node:*', 'electron', '@duckdb/*', '**/electron/**', 'fs', 'path', 'child_process'] }],
    },
  },
  // The engine never imports Electron, so it runs in plain Node for tests, the web host and the CLI.
  {
    files: ['electron/engine/**/*.ts', 'electron/web/**/*.ts', 'electron/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'], patterns: ['**/main/**', '**/preload/**', '**/renderer/**'] }] },
  },
  // shared/ is imported by both sides: neither Node nor Electron nor the engine.
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['node:*', 'electron', '@duckdb/*', '**/electron/**', '**/renderer/**'] }] },
  },
  { files: ['**/*.{js,mjs}', 'scripts/**', 'bin/**'], languageOptions: { globals: globals.node } },
);
