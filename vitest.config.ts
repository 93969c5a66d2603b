import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A test that prints to the console fails (STYLE.md): see test/setup.ts.
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
  },
});
