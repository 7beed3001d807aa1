import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hostImporter, isMissingModule, loadPlugins } from './load-plugins.js';

// A project folder outside the workspace, as a user's holds its plugins: one installed package, one
// installed package whose own dependency is missing, and a module named by path.
const project = mkdtempSync(join(tmpdir(), 'chokepoint-host-importer-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));
function file(path: string, text: string): void {
  mkdirSync(join(project, path, '..'), { recursive: true });
  writeFileSync(join(project, path), text);
}
file('node_modules/@acme/plugin-qq/package.json', JSON.stringify({ name: '@acme/plugin-qq', type: 'module', exports: './index.js' }));
file('node_modules/@acme/plugin-qq/index.js', "export const where = 'project';\n");
file('node_modules/@acme/plugin-broken/package.json', JSON.stringify({ name: '@acme/plugin-broken', type: 'module', exports: './index.js' }));
file('node_modules/@acme/plugin-broken/index.js', "import '@acme/not-installed';\n");
file('local/plugin.mjs', "export const where = 'path';\n");

const importer = hostImporter((s) => import(s), { cwd: project, host: 'the test' });

describe('hostImporter', () => {
  it('finds a package beside the host first', async () => {
    expect(Object.keys((await importer('semver')) as object)).toContain('satisfies');
  });

  it('then a package installed in cwd, and a path relative to cwd', async () => {
    expect(((await importer('@acme/plugin-qq')) as { where: string }).where).toBe('project');
    expect(((await importer('./local/plugin.mjs')) as { where: string }).where).toBe('path');
  });

  it('fails as Node does for a package found nowhere, naming the host and cwd', async () => {
    const err = await importer('@acme/plugin-nowhere').catch((e: unknown) => e);
    expect((err as Error).message).toBe(`Cannot find package '@acme/plugin-nowhere' beside the test or in ${project}`);
    expect(isMissingModule(err, '@acme/plugin-nowhere')).toBe(true);
  });

  it("throws a package's own missing dependency as it is, not as the package missing", async () => {
    const err = await importer('@acme/plugin-broken').catch((e: unknown) => e);
    expect((err as Error).message).toContain("'@acme/not-installed'");
    expect(isMissingModule(err, '@acme/plugin-broken')).toBe(false);
  });
});

describe('isMissingModule', () => {
  it('is true only when the named module itself is missing', async () => {
    const err = await import('@chokepoint/plugin-does-not-exist' as string).catch((e: unknown) => e);
    expect(isMissingModule(err, '@chokepoint/plugin-does-not-exist')).toBe(true);
    expect(isMissingModule(err, '@chokepoint/plugin-cn-mofcom')).toBe(false);
    expect(isMissingModule(new Error("Cannot find package '@chokepoint/plugin-does-not-exist'"), '@chokepoint/plugin-does-not-exist')).toBe(false);
    expect(isMissingModule(undefined, 'x')).toBe(false);
  });
});

describe('loadPlugins with a host importer', () => {
  it('skips an optional plugin found nowhere, and names a required one', async () => {
    expect(await loadPlugins(['@acme/plugin-nowhere'], { optional: ['@acme/plugin-nowhere'], importer })).toEqual([]);
    await expect(loadPlugins(['@acme/plugin-nowhere'], { importer })).rejects.toThrow(/could not load plugin @acme\/plugin-nowhere: Cannot find package/);
  });

  it('does not skip an optional plugin that is installed but broken', async () => {
    await expect(loadPlugins(['@acme/plugin-broken'], { optional: ['@acme/plugin-broken'], importer })).rejects.toThrow(/could not load plugin @acme\/plugin-broken: .*@acme\/not-installed/);
  });

  it('refuses a module whose default export is not a plugin', async () => {
    await expect(loadPlugins(['@acme/plugin-qq'], { importer })).rejects.toThrow(/@acme\/plugin-qq does not export a plugin/);
  });
});
