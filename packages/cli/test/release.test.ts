import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CORE_VERSION, validatePlugin } from '@chokepoint/core';
import { loadTaxonomy } from '@chokepoint/taxonomy';
import { loadPlugins } from '../src/index.js';

const require = createRequire(import.meta.url);

/** The versions a release may give core next: `changeset version` bumps its patch or minor (a major is a new range). */
function nextVersions(version: string): string[] {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  return [version, `${major}.${minor}.${patch + 1}`, `${major}.${minor + 1}.0`];
}

describe('the bundled plugins and the core they are released with', () => {
  it('each plugin accepts the cores its package accepts, including the next patch and minor of this core', async () => {
    const taxonomy = loadTaxonomy();
    for (const plugin of await loadPlugins()) {
      const pkg = require(`${plugin.manifest.name}/package.json`) as { peerDependencies?: Record<string, string> };
      // One range for npm and for the engine: what npm installs beside the plugin, the engine registers.
      expect(plugin.manifest.core, plugin.manifest.name).toBe(pkg.peerDependencies?.['@chokepoint/core']);
      for (const coreVersion of nextVersions(CORE_VERSION)) {
        const refused = validatePlugin(plugin, { taxonomy, coreVersion }).filter((p) => p.startsWith('manifest.core'));
        expect(refused, `${plugin.manifest.name} with core ${coreVersion}`).toEqual([]);
      }
    }
  });
});
