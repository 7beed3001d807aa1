// Follows docs/writing-a-plugin.md literally: writes every file the guide shows (a fenced block whose
// lead-in line starts with the file's path in backticks, e.g. "`src/index.ts` — …") under DIR/files,
// and the guide's first shell block (the by-hand setup) to DIR/setup.sh, for the caller to run in an
// empty folder before copying the files in.
// Usage: node plugin-guide.mjs GUIDE DIR
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [guide, dir] = process.argv.slice(2);
if (!guide || !dir) throw new Error('usage: node plugin-guide.mjs GUIDE DIR');
const lines = readFileSync(guide, 'utf8').split('\n');
const files = [];
let setup;
for (let i = 0; i < lines.length; i++) {
  const open = /^```(\w*)/.exec(lines[i]);
  if (!open) continue;
  const end = lines.indexOf('```', i + 1);
  if (end < 0) throw new Error(`${guide}:${i + 1}: unclosed code block`);
  const body = `${lines.slice(i + 1, end).join('\n')}\n`;
  let lead = i - 1;
  while (lead >= 0 && lines[lead].trim() === '') lead--;
  const path = /^`([\w./-]+\.\w+)`/.exec(lines[lead] ?? '')?.[1];
  if (path) {
    mkdirSync(join(dir, 'files', dirname(path)), { recursive: true });
    writeFileSync(join(dir, 'files', path), body);
    files.push(path);
  } else if (open[1] === 'sh' && setup === undefined) {
    setup = body;
  }
  i = end;
}
if (setup === undefined) throw new Error(`${guide}: no shell block with the setup commands`);
writeFileSync(join(dir, 'setup.sh'), `set -euo pipefail\n${setup}`);
for (const f of ['tsconfig.json', 'src/index.ts', 'test/plugin.test.ts']) {
  if (!files.includes(f)) throw new Error(`${guide}: shows no ${f} (found ${files.join(', ') || 'none'})`);
}
console.log(`guide: ${files.join(', ')} and the setup commands`);
