import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One throwaway PostgreSQL server per run (or TEST_DATABASE_URL's) for the PostgreSQL tests.
    globalSetup: ['./tests/settings/postgres-server.ts'],
    // CI reads the last line of the run: the summary reporter prints "N passed, N failed".
    reporters: ['default', './tests/support/summary-reporter.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
