import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { jurisdictionFromName, scaffoldPlugin } from '../src/index.js';

const packages = new URL('../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'chokepoint-create-plugin-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `pnpm pack` of a workspace package into `work/tarballs`, as a `file:` specifier. */
function pack(dir: string): string {
  const out = join(work, 'tarballs');
  execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: join(packages, dir), stdio: 'pipe' });
  const tgz = readdirSync(out).find((f) => f.startsWith(`chokepoint-${dir}-`) && f.endsWith('.tgz'))!;
  return `file:${join(out, tgz)}`;
}

describe('create-plugin', () => {
  it('derives the regime code from the name and refuses bad names and non-empty folders', () => {
    expect(jurisdictionFromName('@acme/plugin-xx')).toBe('XX');
    expect(() => scaffoldPlugin({ name: 'Bad Name', dir: join(work, 'bad') })).toThrow(/name: expected an npm package name/);
    expect(() => scaffoldPlugin({ name: '@acme/plugin-x', dir: join(work, 'x') })).toThrow(/jurisdiction: expected an upper-case regime code/);
  });

  it('scaffolds a plugin outside the workspace that installs from packed tarballs and passes its own tests', () => {
    const overrides = { '@chokepoint/core': pack('core'), '@chokepoint/taxonomy': pack('taxonomy'), '@chokepoint/plugin-kit': pack('plugin-kit') };
    const dir = join(work, 'plugin-xx');
    const written = scaffoldPlugin({ name: '@acme/plugin-xx', dir, overrides });
    expect(written).toEqual(['data/entries.json', 'data/measures.json', 'docs/measures/xx-notice-1.md', 'package.json', 'src/index.ts', 'test/plugin.test.ts', 'tsconfig.json']);
    expect(readFileSync(join(dir, 'docs/measures/xx-notice-1.md'), 'utf8')).toContain('# Notice No. 1 on gallium exports');
    const env = { ...process.env, CI: '1', npm_config_audit: 'false', npm_config_fund: 'false' };
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env, stdio: 'pipe' });
    execFileSync('npx', ['tsc'], { cwd: dir, env, stdio: 'pipe' });
    const out = stripVTControlCharacters(execFileSync('npx', ['vitest', 'run'], { cwd: dir, env, stdio: 'pipe' }).toString());
    expect(out).toMatch(/Tests +6 passed \(6\)/);
  }, 600_000);
});
