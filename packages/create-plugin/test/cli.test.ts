import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCreatePlugin } from '../src/index.js';

const cwd = mkdtempSync(join(tmpdir(), 'chokepoint-create-plugin-cli-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

function run(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runCreatePlugin(argv, { stdout: { write: (t) => (stdout += t) }, stderr: { write: (t) => (stderr += t) }, cwd });
  return { code, stdout, stderr };
}

describe('npm init @chokepoint/plugin', () => {
  it('--help shows the usage and exits 0', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm init @chokepoint\/plugin NAME/);
    expect(run('-h').stdout).toBe(r.stdout);
  });

  it('a missing NAME, two names or an unknown option is a usage error (exit 2) that says which, without a stack trace', () => {
    for (const [argv, message] of [[[], 'NAME is missing'], [['xx', 'yy'], 'one NAME expected, got xx yy'], [['xx', '--jurisdication', 'XX'], "Unknown option '--jurisdication'"]] as const) {
      const r = run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain(`create-plugin: ${message}`);
      expect(r.stderr).toContain('usage: npm init @chokepoint/plugin NAME');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('writes the plugin into a folder named after the package, and refuses to write over it (exit 1)', () => {
    const r = run('@acme/plugin-xx');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`wrote 7 files in ${join(cwd, 'plugin-xx')}`);
    expect(readdirSync(join(cwd, 'plugin-xx')).sort()).toEqual(['data', 'docs', 'package.json', 'src', 'test', 'tsconfig.json']);
    const again = run('@acme/plugin-xx');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^create-plugin: /);
  });

  it('takes --dir and --jurisdiction', () => {
    const r = run('@acme/export-rules', '--jurisdiction', 'KR', '--dir', 'kr');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(join(cwd, 'kr'));
    expect(readdirSync(join(cwd, 'kr', 'docs', 'measures'))).toEqual(['kr-notice-1.md']);
  });
});
