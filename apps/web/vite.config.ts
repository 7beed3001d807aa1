import { loadTaxonomy } from '@chokepoint/taxonomy';
import { defineConfig } from 'vite';

// The value chains have no HTTP route; the app is built against the same taxonomy the server loads,
// so the chain and stage pickers are compiled in (names and stage IDs only).
const chains = loadTaxonomy()
  .chains()
  .map((c) => ({ id: c.id, name: c.names.en, stages: c.stages.map((s) => ({ id: s.id, name: s.names.en })) }));

export default defineConfig({
  base: '/',
  define: { __CHAINS__: JSON.stringify(chains) },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
});
