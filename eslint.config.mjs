// Lint: typescript-eslint with type information, plus rules that enforce the architecture's layers.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { regex: '^node:', message: 'Node built-ins belong in src/main, not here.' };
const electron = { group: ['electron'], message: 'Only src/main/app and src/preload may import electron.' };

/** no-restricted-imports for a layer: the patterns it may not import. */
function layer(files, patterns) {
  return { files, rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'native/', 'test-results/', 'resources/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.e2e.json'], tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports (config files excepted).' },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // The layers (docs/ARCHITECTURE.md): shared is pure; the engine and CLI never touch Electron; the
  // renderer reaches the engine only through window.dossier.
  layer(['src/shared/**'], [
    nodeBuiltins,
    electron,
    { group: ['better-sqlite3', 'react', 'react-dom', '@mantine/*', 'commander'], message: 'src/shared is runtime-neutral.' },
    { group: ['**/main/**', '**/renderer/**', '**/preload/**', '../*/**'], message: 'src/shared imports only src/shared.' },
  ]),
  layer(['src/main/engine/**'], [
    electron,
    { group: ['**/app/**', '**/cli/**', '**/renderer/**', '**/preload/**'], message: 'The engine is plain Node and knows no host.' },
  ]),
  layer(['src/main/cli/**'], [electron, { group: ['**/app/**', '**/renderer/**'], message: 'The CLI runs the engine without Electron.' }]),
  layer(['src/preload/**'], [
    { group: ['**/main/**', '**/renderer/**'], message: 'The preload knows only the contract in src/shared.' },
  ]),
  layer(['src/renderer/**'], [
    nodeBuiltins,
    electron,
    { group: ['better-sqlite3', 'commander'], message: 'The renderer reaches the engine only through window.dossier.' },
    { group: ['**/main/**', '**/preload/**'], message: 'The renderer imports only src/shared and browser packages.' },
  ]),
  {
    files: ['*.config.ts', '*.config.mts', '*.config.mjs'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
