import { defineConfig } from 'vitest/config';

// Shared by every package (each runs `vitest run` in its own folder through turbo) and by a
// `vitest` run from the repository root.
export default defineConfig({
  test: {
    include: ['**/src/**/*.test.ts', '**/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
