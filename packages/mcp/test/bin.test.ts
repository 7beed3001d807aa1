import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// What a person who types `chokepoint-mcp …` in a terminal gets: help, the version or a usage error,
// each without starting to serve (which would wait on stdin for a client).
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input: '', timeout: 30_000 });

describe('chokepoint-mcp on the command line', () => {
  it('--help says how an assistant starts it, and exits 0', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: chokepoint-mcp\n/);
    expect(r.stdout).toContain('"mcpServers"');
  });

  it('--version prints the package version', () => {
    const r = run('--version');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
  });

  it('any other argument is a usage error (exit 2) naming it', () => {
    const r = run('serve');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('chokepoint-mcp: takes no arguments, got serve');
    expect(r.stdout).toBe('');
  });
});
