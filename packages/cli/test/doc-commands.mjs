// Shared by scripts/doc-examples.mjs (which rewrites the docs) and the doc-examples test (which
// checks them): finds console blocks whose first line is `$ pnpm -s chokepoint …`, runs the command
// in-process and returns the text with each block's output replaced by what the CLI printed.
import { PassThrough } from 'node:stream';
import { runCli } from '../dist/index.js';

const BLOCK = /```console\n\$ pnpm -s chokepoint ([^\n]*)\n[\s\S]*?```/g;

async function run(args, cwd) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', () => {});
  const code = await runCli(args, { stdin: new PassThrough(), stdout, stderr, env: { ...process.env, CHOKEPOINT_PLUGINS: '' }, cwd });
  return { code, out };
}

/** Every documented command with its arguments. */
export function docCommands(text) {
  return [...text.matchAll(BLOCK)].map((m) => m[1].split(' ').filter(Boolean));
}

/** The text with every console block's output regenerated. */
export async function runDocCommands(text, cwd) {
  let result = '';
  let last = 0;
  for (const m of text.matchAll(BLOCK)) {
    const args = m[1].split(' ').filter(Boolean);
    const { code, out } = await run(args, cwd);
    if (code !== 0) throw new Error(`chokepoint ${m[1]} exited ${code}`);
    result += text.slice(last, m.index) + '```console\n$ pnpm -s chokepoint ' + m[1] + '\n' + out.trimEnd() + '\n```';
    last = m.index + m[0].length;
  }
  return result + text.slice(last);
}
