// pnpm bench: measures, on one core and in one run, the engine's assessMany and the CLI batch
// beside a bare NDJSON parse-and-print loop over the same synthetic input, and prints rates and ratios.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runServerBench } from './server.mjs';
import { writeSynthetic } from './synthetic.mjs';

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'chokepoint-bench-'));
const input = join(dir, 'batch.ndjson');
const hasTaskset = spawnSync('taskset', ['--version']).status === 0;
const oneCore = (cmd, args) => (hasTaskset ? ['taskset', ['-c', '0', cmd, ...args]] : [cmd, args]);

function timeProcess(label, cmd, args) {
  const [c, a] = oneCore(cmd, args);
  const start = performance.now();
  execFileSync(c, a, { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
  const seconds = (performance.now() - start) / 1000;
  return { label, seconds, rate: LINES / seconds };
}

try {
  await writeSynthetic(input, LINES);
  const bare = timeProcess('bare NDJSON parse-and-print loop', process.execPath, [join(root, 'bench', 'bare-loop.mjs'), input, '/dev/null']);
  const cli = timeProcess('chokepoint assess --input (CLI batch)', process.execPath, [join(root, 'packages', 'cli', 'dist', 'bin.js'), 'assess', '--input', input, '--output', '/dev/null']);
  const engineRun = JSON.parse(execFileSync(...oneCore(process.execPath, [join(root, 'bench', 'engine.mjs'), input]), { encoding: 'utf8', maxBuffer: 1 << 26 }));

  const fmt = (n) => Math.round(n).toLocaleString('en-US');
  console.log(`\nchokepoint benchmark — ${fmt(LINES)} synthetic requests${hasTaskset ? ', pinned to one core' : ''} (Node ${process.version})\n`);
  console.log(`${'run'.padEnd(52)}${'lines/s'.padStart(14)}${'seconds'.padStart(10)}`);
  for (const r of [bare, cli, { label: 'engine.assessMany, in process (pre-parsed, warm)', seconds: engineRun.seconds, rate: engineRun.rate }]) {
    console.log(`${r.label.padEnd(52)}${fmt(r.rate).padStart(14)}${r.seconds.toFixed(2).padStart(10)}`);
  }
  const ratio = bare.rate / cli.rate;
  console.log(`\nCLI batch time ÷ bare loop time: ${ratio.toFixed(2)}× (target ≤ 3×, aim 1.5×)`);
  console.log(`engine: ${fmt(engineRun.rate)} lines/s (target > 1,000,000) — verdicts: ${JSON.stringify(engineRun.verdicts)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (process.env.BENCH_SERVER !== '0') await runServerBench();
