// #10.15: `pnpm check:publish` left its local registry running after it exited: it started it with
// `npx verdaccio … &` and killed only npx, whose child (the registry) lived on. The rehearsal itself needs
// the network (CI runs it, then checks that none of the processes it names outlives it); this test runs
// the script's own process handling (its `start`, `cleanup` and traps, read from the script) with a
// stand-in that, like npx, starts the long-lived process as its child, and ends it each way it can end.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = readFileSync(new URL('../../../scripts/publish-rehearsal.sh', import.meta.url), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'chokepoint-rehearsal-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The script's process handling: from `pids=()` to the helper after `start`. */
function processHandling(): string {
  const from = SCRIPT.indexOf('\npids=()');
  const to = SCRIPT.indexOf('\nfree_port()');
  if (from < 0 || to < from || !SCRIPT.slice(from, to).includes('\nstart()')) throw new Error('publish-rehearsal.sh no longer has pids=(), cleanup, its traps and start() before free_port()');
  return SCRIPT.slice(from, to);
}

/** Alive and not a zombie waiting to be reaped. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the publish rehearsal stops every process it started (#10.15)', () => {
  it.each([
    ['it succeeds', 'true', undefined, 0],
    ['a step fails (set -e)', 'false', undefined, 1],
    ['it is interrupted (Ctrl-C)', 'while :; do sleep 0.1; done', 'SIGINT', 130],
    ['it is terminated', 'while :; do sleep 0.1; done', 'SIGTERM', 130],
  ] as const)('when %s', async (_when, ending, signal, code) => {
    const dir = mkdtempSync(join(work, 'run-'));
    const pidsFile = join(dir, 'pids');
    const childFile = join(dir, 'child');
    const harness = [
      'set -euo pipefail',
      'work="$(mktemp -d)"',
      processHandling(),
      // Like `npx verdaccio`: a wrapper whose child is the long-lived process.
      `start "$work/registry.log" sh -c 'sleep 300 & echo $! > "$0"; wait' ${JSON.stringify(childFile)}`,
      `while [[ ! -s ${JSON.stringify(childFile)} ]]; do sleep 0.05; done`,
      'echo ready',
      ending,
    ].join('\n');
    const bash = spawn('bash', ['-c', harness], { env: { ...process.env, REHEARSAL_PIDS_FILE: pidsFile }, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => bash.once('exit', (c) => resolve(c)));
    let out = '';
    bash.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await until(() => out.includes('ready') || bash.exitCode !== null);
    const started = [...readFileSync(pidsFile, 'utf8').trim().split('\n').map(Number), Number(readFileSync(childFile, 'utf8'))];
    expect(started).toHaveLength(2);
    try {
      if (signal) {
        expect(started.every(alive)).toBe(true);
        bash.kill(signal);
      }
      expect(await exited).toBe(code);
      // The cleanup waits for the group leader; its child may take a moment longer to be gone.
      await until(() => !started.some(alive), 5_000).catch(() => undefined);
      expect(started.filter(alive), 'processes left running').toEqual([]);
    } finally {
      for (const pid of started) if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
  });
});
