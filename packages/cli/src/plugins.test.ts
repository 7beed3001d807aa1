import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { isMissingModule } from '@chokepoint/core';
import { createDefaultEngine, loadPlugins } from './plugins.js';
import { TEST_PLUGIN } from './test-support/run.js';

const fixtures = fileURLToPath(new URL('../test/fixtures/', import.meta.url));

describe('loadPlugins', { timeout: 30_000 }, () => {
  it('loads a plugin named by a path relative to cwd', async () => {
    const plugins = await loadPlugins({ env: { CHOKEPOINT_PLUGINS: './test-plugin.mjs' }, cwd: fixtures, defaultPlugins: false });
    expect(plugins.map((p) => p.manifest.name)).toEqual(['@chokepoint/test-plugin']);
  });

  it('skips default plugins that are not installed without failing', async () => {
    const plugins = await loadPlugins({ env: {}, cwd: fixtures });
    for (const p of plugins) expect(p.manifest.name).toMatch(/^@chokepoint\/plugin-/);
  });

  it('fails loudly for a CHOKEPOINT_PLUGINS package that is not installed', async () => {
    await expect(loadPlugins({ env: { CHOKEPOINT_PLUGINS: '@chokepoint/plugin-does-not-exist' }, cwd: fixtures, defaultPlugins: false })).rejects.toThrow(
      /could not load plugin @chokepoint\/plugin-does-not-exist: Cannot find package '@chokepoint\/plugin-does-not-exist' beside the CLI or in /,
    );
  });

  it('fails loudly for a missing file and for a module without a plugin', async () => {
    await expect(loadPlugins({ env: { CHOKEPOINT_PLUGINS: './nope.mjs' }, cwd: fixtures, defaultPlugins: false })).rejects.toThrow(/could not load plugin \.\/nope\.mjs/);
    await expect(loadPlugins({ env: { CHOKEPOINT_PLUGINS: './not-a-plugin.mjs' }, cwd: fixtures, defaultPlugins: false })).rejects.toThrow(
      /not-a-plugin\.mjs does not export a plugin as its default export/,
    );
  });
});

describe('createDefaultEngine', { timeout: 30_000 }, () => {
  it('registers the loaded plugins on the shipped taxonomy', async () => {
    const engine = await createDefaultEngine({ env: { CHOKEPOINT_PLUGINS: TEST_PLUGIN }, defaultPlugins: false });
    expect(engine.plugins.map((p) => p.jurisdiction)).toEqual(['TEST']);
    expect(engine.taxonomy.node('gallium/metal')?.id).toBe('gallium/metal');
  });

  it('refuses the same plugin twice (duplicate jurisdiction)', async () => {
    await expect(createDefaultEngine({ env: { CHOKEPOINT_PLUGINS: `${TEST_PLUGIN},${TEST_PLUGIN}` }, defaultPlugins: false })).rejects.toThrow(/"TEST" is already registered/);
  });
});

describe('isMissingModule', () => {
  it('is true only when the named package itself is missing', async () => {
    const err = await import('@chokepoint/plugin-does-not-exist' as string).catch((e: unknown) => e);
    expect(isMissingModule(err, '@chokepoint/plugin-does-not-exist')).toBe(true);
    expect(isMissingModule(err, '@chokepoint/plugin-cn-mofcom')).toBe(false);
    expect(isMissingModule(new Error('boom'), '@chokepoint/plugin-does-not-exist')).toBe(false);
  });
});
