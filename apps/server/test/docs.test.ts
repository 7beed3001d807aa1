import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../src/config.js';

const run = promisify(execFile);

describe('docs/server.md', () => {
  const doc = readFileSync(new URL('../../../docs/server.md', import.meta.url), 'utf8');
  it('documents every environment setting in its table', () => {
    for (const name of SETTINGS) expect(doc, name).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'));
    const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...SETTINGS].sort());
  });
  it('every setting named in the table is read by readConfig', () => {
    const source = readFileSync(new URL('../src/config.ts', import.meta.url), 'utf8');
    for (const name of SETTINGS) expect(source, name).toMatch(new RegExp(`env(\\.${name}\\b|, '${name}')`));
  });
});

describe('the commands in docs/server.md work as written from the repository root (#10.12)', () => {
  const doc = readFileSync(new URL('../../../docs/server.md', import.meta.url), 'utf8');
  const root = new URL('../../../', import.meta.url).pathname;
  const commands = [...doc.matchAll(/^pnpm chokepoint-server [^\n#]+/gm)].map((m) => m[0].trim());

  it('keys create, list and revoke, audit head and audit verify run against one store', async () => {
    expect(commands.filter((c) => c.includes(' keys '))).toHaveLength(3);
    const dir = mkdtempSync(join(tmpdir(), 'chokepoint-docs-'));
    const env = { ...process.env, CHOKEPOINT_SQLITE_PATH: join(dir, 'docs.db') };
    delete env.DATABASE_URL;
    const sh = (line: string) => run('sh', ['-c', line], { cwd: root, env });
    try {
      const created = await sh(commands.find((c) => c.includes('keys create'))!);
      const id = /created key ([0-9a-f]{16})/.exec(created.stdout)?.[1];
      expect(id, created.stdout).toBeDefined();
      expect((await sh(commands.find((c) => c.includes('keys list'))!)).stdout).toContain(`${id}  assess  active  ops  (600 requests per window)`);
      expect((await sh(commands.find((c) => c.includes('keys revoke'))!.replace('<id>', id!))).stdout).toContain(`revoked key ${id}`);
      expect((await sh('pnpm chokepoint-server audit head')).stdout).toMatch(/audit chain head: record 0, hash [0-9a-f]{64}/);
      expect((await sh('pnpm chokepoint-server audit verify')).stdout).toContain('audit chain verified: 0 records');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
