import { defineConfig } from 'vitest/config';

// Unit tests cover the pure parts (formatting, scaling, conversions, dictionaries): no DOM needed.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
