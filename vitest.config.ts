import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Every operation's result is held to its output schema (src/services/operation.ts), in tests only.
    env: { RAPPORT_CHECK_OUTPUTS: '1' },
    globalSetup: ['tests/support/global-setup.ts'],
    reporters: ['default', './tests/support/corpus-reporter.ts'],
  },
});
