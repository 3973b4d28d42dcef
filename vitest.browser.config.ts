import { defineConfig } from 'vitest/config';

// Real browsers, one at a time (2 cores); the extension is built once in global setup.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
