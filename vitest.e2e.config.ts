import { defineConfig } from 'vitest/config';

// End-to-end: the BUILT extension (.output/chrome-mv3, production manifest) in the system Chromium,
// on the demo helpdesk served over HTTPS and mapped to *.zendesk.com / *.freshdesk.com.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: one browser at a time keeps timings honest.
    fileParallelism: false,
  },
});
