import { defineConfig } from 'vitest/config';

// One browser and one server for the whole e2e file; the files run one after the other so that the
// shared 2-core machine is not asked to run two Chromiums at once.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
