import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    globals: true,
    // Plain Node for logic; a test file that needs a DOM says so in its first line
    // (`// @vitest-environment happy-dom`): setting up a DOM for all 79 files took 45 s of CI.
    environment: 'node',
    include: ['test/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
  },
});
