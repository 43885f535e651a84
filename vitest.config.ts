import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Every operation's result is held to its output schema (src/services/operation.ts), in tests only.
    // No background bridge ranking after CLI writes unless a test asks for it (tests/bridges-background.test.ts).
    env: { RAPPORT_CHECK_OUTPUTS: '1', RAPPORT_NO_BACKGROUND: '1' },
    globalSetup: ['tests/support/global-setup.ts'],
    reporters: ['default', './tests/support/corpus-reporter.ts'],
  },
});
