// Process boundaries are lint errors (STYLE note 15): each folder is a layer and may import only
// what its process can load. common/ runs everywhere; renderer/ runs in a sandboxed page.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const nodePatterns = nodeBuiltins.map((name) => ({ group: [name, `${name}/*`], message: 'Node modules are not allowed in this layer.' }));
const electron = { group: ['electron', 'electron/*'], message: 'Electron is only for main/electron and preload/.' };
const sqlite = { group: ['better-sqlite3'], message: 'Only main/db opens SQLite (STYLE note 15).' };
const upward = (layers) => layers.map((l) => ({ group: [`**/${l}/**`, `../${l}/*`, `../../${l}/*`], message: `This layer may not import from ${l}/.` }));

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'test-results/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...nodePatterns, electron, sqlite, { group: ['react', 'react-dom', 'react-dom/*'], message: 'common/ has no DOM.' }, ...upward(['main', 'renderer', 'preload', 'relay'])] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', '__dirname', 'require'],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...nodePatterns, electron, sqlite, ...upward(['main', 'preload', 'relay'])] }],
      'no-restricted-globals': ['error', 'process', 'Buffer', '__dirname', 'require'],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/db/**', 'main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electron, sqlite, ...upward(['renderer', 'preload'])] }],
    },
  },
  {
    files: ['main/db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electron, ...upward(['renderer', 'preload'])] }] },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sqlite, ...upward(['renderer'])] }] },
  },
  {
    files: ['preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sqlite, ...upward(['main', 'renderer'])] }] },
  },
  {
    // Black-box tests read JSON bodies loosely on purpose.
    files: ['test/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
