import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerEngine } from '../src/engine.js';

// A plugin as a user's own project holds it: outside the server's folder, found through CHOKEPOINT_PLUGINS
// by a path relative to the working directory or by a package name installed there.
const plugin = (name: string) => `export default {
  manifest: { name: '${name}', version: '0.1.0', jurisdiction: 'XX', title: 'XX export controls', core: '>=0.1.0', dataVerifiedThrough: '2025-06-30' },
  measures: [{ id: 'xx-1', jurisdiction: 'XX', title: 'Notice 1', reference: 'Notice 1/2025', authority: 'XX Ministry', published: '2025-01-10',
    effective: { from: '2025-02-01', to: null }, summary: 'Gallium exports need a licence.', url: 'https://trade.example.org/1',
    sources: [{ url: 'https://trade.example.org/1', publisher: 'XX Ministry', date: '2025-01-10' }], confidence: 'high' }],
  entries: [{ id: 'xx-gallium', measure: 'xx-1', title: 'Gallium metal', covers: { ids: ['gallium/metal'] }, requirement: 'license_required', reason: 'Gallium needs a licence.' }],
  reach: () => ({ bases: [], description: 'export from XX' }),
};
`;

describe('CHOKEPOINT_PLUGINS (the plugin author’s path, docs/writing-a-plugin.md)', () => {
  let project: string;
  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), 'chokepoint-plugin-project-'));
    await mkdir(join(project, 'dist'));
    await writeFile(join(project, 'dist', 'index.js'), plugin('@acme/plugin-xx'));
    await writeFile(join(project, 'package.json'), '{"type":"module"}\n');
    const pkg = join(project, 'node_modules', '@acme', 'plugin-yy');
    await mkdir(pkg, { recursive: true });
    await writeFile(join(pkg, 'package.json'), '{"name":"@acme/plugin-yy","version":"0.1.0","type":"module","main":"./index.js"}\n');
    await writeFile(join(pkg, 'index.js'), plugin('@acme/plugin-yy').replaceAll("'XX'", "'YY'").replaceAll("'xx-", "'yy-"));
  });
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  it('loads a path relative to the working directory, not to the server’s own files', async () => {
    const engine = await createServerEngine({ CHOKEPOINT_PLUGINS: './dist/index.js' }, undefined, {}, project);
    expect(engine.plugins.map((p) => p.name)).toContain('@acme/plugin-xx');
  });

  it('loads a package installed in the working directory’s project', async () => {
    const engine = await createServerEngine({ CHOKEPOINT_PLUGINS: '@acme/plugin-yy' }, undefined, {}, project);
    expect(engine.plugins.map((p) => p.jurisdiction)).toContain('YY');
  });

  it('names a plugin that is nowhere to be found', async () => {
    await expect(createServerEngine({ CHOKEPOINT_PLUGINS: '@acme/plugin-zz' }, undefined, {}, project)).rejects.toThrow(/could not load plugin @acme\/plugin-zz: Cannot find package '@acme\/plugin-zz'/);
  });
});
