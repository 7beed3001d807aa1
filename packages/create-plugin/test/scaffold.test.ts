import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { CORE_VERSION, definePlugin, validatePlugin } from '@chokepoint/core';
import { loadTaxonomy } from '@chokepoint/taxonomy';
import { jurisdictionFromName, rangeFor, scaffoldPlugin } from '../src/index.js';

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

  it('declares on each of our packages a range from that package’s own version, which a later 0.x minor of core still meets', () => {
    expect([rangeFor('0.2.3'), rangeFor('0.10.0'), rangeFor('1.4.2'), rangeFor('2.0.0')]).toEqual(['>=0.2.0 <1', '>=0.10.0 <1', '^1.4.0', '^2.0.0']);
    const dir = join(work, 'plugin-yy');
    scaffoldPlugin({ name: '@acme/plugin-yy', dir });
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; peerDependencies: Record<string, string>; devDependencies: Record<string, string> };
    const version = (name: string) => (createRequire(import.meta.url)(`@chokepoint/${name}/package.json`) as { version: string }).version;
    // Core is the host's: a peer (and a development dependency for the plugin's own build), never a dependency of its own.
    expect(pkg.peerDependencies).toEqual({ '@chokepoint/core': rangeFor(CORE_VERSION) });
    expect(pkg.devDependencies['@chokepoint/core']).toBe(rangeFor(CORE_VERSION));
    expect(pkg.dependencies).toBeUndefined();
    expect([pkg.devDependencies['@chokepoint/plugin-kit'], pkg.devDependencies['@chokepoint/taxonomy']]).toEqual([rangeFor(version('plugin-kit')), rangeFor(version('taxonomy'))]);
    const core = /core: '([^']+)'/.exec(readFileSync(join(dir, 'src/index.ts'), 'utf8'))![1]!;
    expect(core).toBe(rangeFor(CORE_VERSION));
    // The engine registers the plugin with this core and with the next patch and minor a release may give it.
    const [major, minor, patch] = CORE_VERSION.split('.').map(Number) as [number, number, number];
    const plugin = definePlugin({ manifest: { name: '@acme/plugin-yy', version: '0.1.0', jurisdiction: 'YY', title: 'YY', core, dataVerifiedThrough: '2025-06-30' }, measures: [], entries: [], reach: () => ({ bases: [], description: '' }) });
    const taxonomy = loadTaxonomy();
    for (const coreVersion of [CORE_VERSION, `${major}.${minor}.${patch + 1}`, `${major}.${minor + 1}.0`]) {
      expect(validatePlugin(plugin, { taxonomy, coreVersion }).filter((p) => p.startsWith('manifest.core')), coreVersion).toEqual([]);
    }
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
