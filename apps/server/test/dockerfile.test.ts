// The Dockerfile cannot be built where CI runs (no container engine), so this test runs the two parts of it
// that broke unseen before: the build stage's `pnpm deploy` (it once fetched @chokepoint/core from the
// registry because the plugins take core as a peer) and the final stage's settings (keys required, bound to
// every interface so that `docker run -p` reaches it). Both are read from the Dockerfile itself.
import { execFile, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

/**
 * The build context as `docker build .` from the repository root would send it, read from .dockerignore
 * (its patterns as Docker reads them: relative to the root, `**` any number of folders, a matched folder
 * excluded whole). Without the file the context was 341 MB, node_modules and .git included (#10.14).
 */
function buildContext(): { files: string[]; bytes: number } {
  const patterns = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  if (patterns.some((p) => p.startsWith('!'))) throw new Error('this reading of .dockerignore does not handle ! exceptions');
  const regexes = patterns.map((p) => new RegExp(`^${p.replace(/^\/+|\/+$/g, '').split(/(\*\*\/|\*|\?)/).map((part) => (part === '**/' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part === '?' ? '[^/]' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('')}$`));
  const ignored = (rel: string) => regexes.some((r) => r.test(rel));
  const files: string[] = [];
  let bytes = 0;
  const walk = (dir: string) => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const rel = dir ? `${dir}/${name}` : name;
      if (ignored(rel)) continue;
      const stat = lstatSync(join(ROOT, rel));
      if (stat.isDirectory()) walk(rel);
      else {
        files.push(rel);
        bytes += stat.size;
      }
    }
  };
  walk('');
  return { files, bytes };
}

describe('the Docker build context (.dockerignore)', () => {
  it('leaves out dependencies, build output, local databases and git history, and keeps what the build needs', () => {
    expect(existsSync(join(ROOT, '.dockerignore'))).toBe(true);
    const { files, bytes } = buildContext();
    for (const left of ['node_modules/', '/node_modules/', 'dist/', '.git/', '.turbo/', '.chokepoint/']) {
      expect(files.filter((f) => f.startsWith(left) || f.includes(`/${left.replace(/^\//, '')}`)), left).toEqual([]);
    }
    expect(files.filter((f) => /\.db(-wal|-shm)?$/.test(f))).toEqual([]);
    // The build stage runs `pnpm install --frozen-lockfile` and builds the server from sources.
    for (const needed of ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', 'turbo.json', 'apps/server/package.json', 'apps/server/src/index.ts', 'apps/server/migrations', 'packages/core/src/index.ts']) {
      expect(files.some((f) => f === needed || f.startsWith(`${needed}/`)), needed).toBe(true);
    }
    // Sources and data only: a few tens of MB at most (341 MB before .dockerignore existed).
    expect(bytes).toBeLessThan(60 * 1024 * 1024);
  });
});
