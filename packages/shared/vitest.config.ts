import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The property tests convert thousands of instants through Intl; two shared cores can be slow.
    testTimeout: 60_000,
  },
});
