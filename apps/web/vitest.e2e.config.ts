import { defineConfig } from 'vitest/config';

// End-to-end tests: real server, real Chromium. Run by `npm run test:e2e` (and by `npm test`).
export default defineConfig({
  test: {
    include: ['apps/web/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
