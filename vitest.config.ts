import { defineConfig } from 'vitest/config';

// Shared by every package (each runs `vitest run` in its own folder through turbo) and by a
// `vitest` run from the repository root.
export default defineConfig({
  test: {
    include: ['**/src/**/*.test.ts', '**/test/**/*.test.ts'],
    // A template's tests are for the plugins it scaffolds (create-plugin's own test runs them there).
    exclude: ['**/node_modules/**', '**/dist/**', '**/template/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
