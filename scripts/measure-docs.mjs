// Writes docs/measures/<jurisdiction>/<measure>.md for every jurisdiction plugin in the workspace,
// from its data, so the pages cannot drift from what the engine answers.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { OFFICIAL_PLUGINS } from '../packages/core/dist/index.js';
import { writeMeasureDocs } from '../packages/plugin-kit/dist/index.js';

const root = new URL('..', import.meta.url).pathname;
for (const name of OFFICIAL_PLUGINS) {
  const entry = join(root, 'packages', name.replace('@chokepoint/', ''), 'dist', 'index.js');
  if (!existsSync(entry)) continue;
  const plugin = (await import(entry)).default;
  const dir = join(root, 'docs', 'measures', plugin.manifest.jurisdiction.toLowerCase());
  writeMeasureDocs(plugin, dir);
  console.log(`${plugin.manifest.jurisdiction}: ${plugin.measures.length} measure pages in docs/measures/${plugin.manifest.jurisdiction.toLowerCase()}`);
}
