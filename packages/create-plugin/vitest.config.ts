import { defineConfig } from 'vitest/config';

// Only this package's own tests: the template's test is for scaffolded plugins, run by the scaffold test.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 },
});
