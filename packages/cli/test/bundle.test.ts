import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

// Bundling is how many SDK users ship (serverless functions, desktop apps): every package's data
// must travel inside the bundle, not be read beside the module.
const program = fileURLToPath(new URL('./fixtures/sdk-program.mjs', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'chokepoint-bundle-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function run(file: string): unknown {
  return JSON.parse(execFileSync(process.execPath, [file], { cwd: outDir, encoding: 'utf8' }));
}

describe('an SDK program bundled with esbuild', () => {
  it('runs from a folder without node_modules and answers as the unbundled program does', async () => {
    const outfile = join(outDir, 'sdk.mjs');
    const result = await build({ entryPoints: [program], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'silent', metafile: true });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    for (const pkg of ['taxonomy', 'plugin-cn-mofcom', 'plugin-eu-dual-use', 'plugin-us-ear', 'plugin-jp-meti']) {
      expect(inputs.some((i) => i.includes(`${pkg}/data/`)), `${pkg}'s data in the bundle`).toBe(true);
    }
    const bundled = run(outfile) as { plugins: string[]; hs: string };
    expect(bundled).toEqual(run(program));
    expect(bundled.plugins).toHaveLength(4);
    expect(bundled.hs).toBe('811292');
  }, 120_000);
});
