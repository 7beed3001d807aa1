import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { runWithOfficialPlugins, shellLines } from '../src/test-support/run.js';

// Every `pnpm -s chokepoint …` line of the README's shell blocks runs as a user would type it, from a
// folder that has the repository's docs/ (so the example files resolve) and takes what they write.
const root = new URL('../../../', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const cwd = mkdtempSync(join(tmpdir(), 'chokepoint-readme-'));
symlinkSync(join(root, 'docs'), join(cwd, 'docs'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/** The README's `pnpm -s chokepoint …` commands, each as its arguments. */
function readmeCommands(): string[][] {
  return shellLines(readme).filter((l) => l.startsWith('pnpm -s chokepoint '))
    .map((l) => l.slice('pnpm -s chokepoint '.length).split(/\s+/).filter(Boolean));
}

describe("the README's commands", { timeout: 120_000 }, () => {
  const commands = readmeCommands();

  it('include the batch examples over docs/examples/requests.ndjson', () => {
    expect(commands.map((c) => c.join(' '))).toEqual(expect.arrayContaining([
      'assess --input docs/examples/requests.ndjson --output answers.ndjson',
      'assess --input docs/examples/requests.ndjson --output answers.csv',
    ]));
    expect(commands.length).toBeGreaterThanOrEqual(8);
  });

  it.each(commands.map((c) => [c.join(' '), c] as const))('%s exits 0', async (_, args) => {
    const r = await runWithOfficialPlugins([...args], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.length + r.stderr.length).toBeGreaterThan(0);
  });

  it('the batch examples answer every line of requests.ndjson, in order, as NDJSON and as CSV', () => {
    const ids = readFileSync(join(root, 'docs/examples/requests.ndjson'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l).id as string);
    const answers = readFileSync(join(cwd, 'answers.ndjson'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string; verdict?: string });
    expect(answers.map((a) => a.id)).toEqual(ids);
    expect(answers.every((a) => a.verdict)).toBe(true);
    const rows = parse(readFileSync(join(cwd, 'answers.csv'), 'utf8'), { columns: true }) as { id: string; verdict: string }[];
    expect(rows.map((r) => [r.id, r.verdict])).toEqual(answers.map((a) => [a.id, a.verdict]));
  });
});
