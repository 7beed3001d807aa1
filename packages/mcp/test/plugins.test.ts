import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDefaultEngine } from '../src/engine.js';

// CHOKEPOINT_PLUGINS as an assistant's configuration sets it: the same rules as the CLI and the server.
const cliFixtures = fileURLToPath(new URL('../../cli/test/fixtures/', import.meta.url));

describe('CHOKEPOINT_PLUGINS in chokepoint-mcp', { timeout: 60_000 }, () => {
  it('loads a plugin by a path relative to cwd, beside the official ones', async () => {
    const engine = await createDefaultEngine({ CHOKEPOINT_PLUGINS: './test-plugin.mjs' }, cliFixtures);
    expect(engine.plugins.map((p) => p.jurisdiction)).toEqual(['CN', 'US', 'EU', 'JP', 'TEST']);
  });

  it('names a package it finds neither beside itself nor in cwd', async () => {
    await expect(createDefaultEngine({ CHOKEPOINT_PLUGINS: '@acme/plugin-nowhere' }, cliFixtures)).rejects.toThrow(
      `could not load plugin @acme/plugin-nowhere: Cannot find package '@acme/plugin-nowhere' beside chokepoint-mcp or in ${cliFixtures.replace(/\/$/, '')}`,
    );
  });
});
