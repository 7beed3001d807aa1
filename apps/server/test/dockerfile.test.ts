// The Dockerfile cannot be built where CI runs (no container engine), so this test runs the two parts of it
// that broke unseen before: the build stage's `pnpm deploy` (it once fetched @chokepoint/core from the
// registry because the plugins take core as a peer) and the final stage's settings (keys required, bound to
// every interface so that `docker run -p` reaches it). Both are read from the Dockerfile itself.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = new URL('../../../', import.meta.url).pathname;
const DOCKERFILE = readFileSync(join(ROOT, 'apps/server/Dockerfile'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'chokepoint-dockerfile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The `pnpm … deploy … /out` command of the build stage, as argv, with /out replaced by `out`. */
function deployCommand(out: string): string[] {
  const joined = DOCKERFILE.replace(/\\\n/g, ' ');
  const match = /(pnpm --filter @chokepoint\/server deploy [^&\n]*?) \/out\b/.exec(joined);
  if (!match) throw new Error('the Dockerfile has no `pnpm --filter @chokepoint/server deploy … /out` step');
  return [...match[1]!.trim().split(/\s+/).slice(1), out];
}

/** The ENV settings of the Dockerfile's final stage. */
function finalStageEnv(): Record<string, string> {
  const finalStage = DOCKERFILE.slice(DOCKERFILE.lastIndexOf('\nFROM '));
  const line = /^ENV (.+)$/m.exec(finalStage)?.[1];
  if (!line) throw new Error('the final stage of the Dockerfile sets no ENV');
  return Object.fromEntries(line.trim().split(/\s+/).map((pair) => pair.split('=', 2) as [string, string]));
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('apps/server/Dockerfile', () => {
  it('deploys the server with its workspace packages and starts it reachable, keys required', async () => {
    const out = join(work, 'out');
    await run('pnpm', deployCommand(out), { cwd: ROOT, maxBuffer: 1 << 24 });

    const port = await freePort();
    const env = {
      PATH: process.env.PATH!,
      ...finalStageEnv(),
      PORT: String(port),
      CHOKEPOINT_SQLITE_PATH: join(work, 'chokepoint.db'),
    };
    expect(env).toMatchObject({ HOST: '0.0.0.0', CHOKEPOINT_REQUIRE_API_KEY: 'true' });
    const created = await run(process.execPath, ['dist/bin.js', 'keys', 'create', '--name', 'ops', '--role', 'assess', '--json'], { cwd: out, env });
    const { token } = JSON.parse(created.stdout) as { token: string };

    const server = spawn(process.execPath, ['dist/main.js'], { cwd: out, env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const listening = await new Promise<string>((resolve, reject) => {
        let log = '';
        server.stdout.on('data', (chunk: Buffer) => {
          log += chunk.toString();
          const line = /chokepoint server listening on (\S+)/.exec(log);
          if (line) resolve(line[1]!);
        });
        server.on('exit', (code) => reject(new Error(`the deployed server exited with ${code}: ${log}`)));
      });
      expect(listening).toBe(`http://0.0.0.0:${port}`);
      const url = `http://127.0.0.1:${port}`;
      expect((await fetch(`${url}/v1/plugins`)).status).toBe(401);
      const plugins = await fetch(`${url}/v1/plugins`, { headers: { authorization: `Bearer ${token}` } });
      expect(plugins.status).toBe(200);
      expect(((await plugins.json()) as unknown[]).length).toBeGreaterThanOrEqual(4);
      expect((await fetch(`${url}/`)).status).toBe(200);
    } finally {
      server.kill('SIGTERM');
    }
  }, 180_000);
});
