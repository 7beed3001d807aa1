#!/usr/bin/env node
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { scaffoldPlugin } from './scaffold.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { jurisdiction: { type: 'string' }, dir: { type: 'string' } } });
const name = positionals[0];
if (!name) {
  process.stderr.write('usage: npm init @chokepoint/plugin NAME [-- --jurisdiction XX --dir FOLDER]\n');
  process.exit(2);
}
try {
  const dir = resolve(values.dir ?? name.replace(/^@[^/]+\//, ''));
  const written = scaffoldPlugin({ name, dir, ...(values.jurisdiction ? { jurisdiction: values.jurisdiction } : {}) });
  process.stdout.write(`wrote ${written.length} files in ${dir}\nnext: cd ${dir} && npm install && npm test\n`);
} catch (err) {
  process.stderr.write(`create-plugin: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
