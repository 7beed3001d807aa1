// Re-runs every `$ pnpm -s chokepoint …` command in the docs' console blocks and writes its output
// under it, so the worked examples always show what the CLI prints. The CLI tests check that the
// docs match (packages/cli/test/doc-examples.test.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDocCommands } from '../packages/cli/test/doc-commands.mjs';

const root = new URL('..', import.meta.url).pathname;
for (const file of ['README.md', 'docs/exposure.md']) {
  const path = join(root, file);
  const updated = await runDocCommands(readFileSync(path, 'utf8'), root);
  writeFileSync(path, updated);
  console.log(`updated ${file}`);
}
