import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/hostile/**/*.test.ts'],
    // The CLI, engine worker and renderer tests run the build; make it when a fresh clone has none.
    globalSetup: ['tests/support/buildOnce.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
  },
});
