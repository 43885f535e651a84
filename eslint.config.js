import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'web/dist/**', 'test-results/**', 'bench/out/**', 'scratch/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The domain is pure: rules and types only, so every surface can trust it and tests need no I/O.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'net'], message: 'src/domain does no I/O.' },
          { group: ['kysely', 'better-sqlite3', 'pg', 'hono', 'hono/*', '@hono/*', 'commander', 'react', 'react-dom', 'graphology*'], message: 'src/domain imports no framework or driver.' },
          { group: ['**/store/**', '**/services/**', '**/cli/**', '**/server/**', '**/io/**', '**/analysis/**'], message: 'src/domain depends on nothing above it.' },
        ],
      }],
    },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/services/**', '**/cli/**', '**/server/**', '**/io/**', '**/analysis/**'], message: 'The store depends only on the domain.' }] }],
    },
  },
  {
    files: ['src/analysis/**/*.ts', 'src/io/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/services/**', '**/cli/**', '**/server/**'], message: 'Analysis and io sit below the services.' }] }],
    },
  },
  {
    files: ['src/services/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/cli/**', '**/server/**'], message: 'Services never depend on a surface.' }] }],
    },
  },
);
