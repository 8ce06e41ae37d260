// Lint: the TypeScript rules, plus the one the design depends on — workflow code imports
// nothing that touches Node or I/O (it runs in Temporal's deterministic sandbox).
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.venv/', '.data/', '.nx/', 'jest.config.js', 'eslint.config.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'crypto', 'pg', 'pino'], message: 'workflow code must not touch Node or I/O' },
            { group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity'], message: 'workflow code imports only @temporalio/workflow' },
            { group: ['../activities/*', '../../activities/*', '!../activities/projection'], message: 'workflow code reaches activities only through proxyActivities' },
          ],
        },
      ],
    },
  },
);
