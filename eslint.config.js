import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const engineMessage =
  'src/engine is pure TypeScript: it runs in a Web Worker, in Node and in tests alike. ' +
  'Reach the browser from src/ui and Node from src/cli; ask the lab for time and randomness.';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // The layering rule: the engine imports nothing from the browser, React, xterm or Node, and
    // never reads the wall clock or Math.random (replays must give the same screen).
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'path', 'os', 'child_process', 'process', 'crypto', 'events', 'stream', 'util', 'buffer', 'worker_threads'].map((name) => ({ name, message: engineMessage })),
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', '@xterm/*', 'monaco-editor', 'monaco-editor/*', 'node:*'], message: engineMessage },
            { group: ['**/ui/**', '**/cli/**'], message: engineMessage },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'process', 'setTimeout', 'setInterval', 'navigator', 'require'],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Use the lab clock (host.now() / lab.clock).' },
        { object: 'Math', property: 'random', message: 'Use the lab\'s seeded generator (host.rng).' },
      ],
    },
  },
  {
    // The UI reaches the engine only through the worker's message interface.
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)engine/(?!api/)', message: 'The UI talks to the engine through src/engine/api (the worker protocol) only.' }] },
      ],
    },
  },
);
