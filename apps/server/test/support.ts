import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { createApiKey } from '../src/keys.js';
import { startServer, type RunningServer } from '../src/index.js';
import { openStore, type Role, type Store } from '../src/store/index.js';

/** PostgreSQL for tests: 127.0.0.1:5432, database `test`, trust auth (here and in CI). */
export const PG_URL = process.env.CHOKEPOINT_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const SERVER_MAIN = new URL('../dist/main.js', import.meta.url).pathname;

/** A fresh, empty store of one kind, described by the environment a server would read. */
export interface StoreFixture {
  kind: 'sqlite' | 'postgres';
  env: Record<string, string>;
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

export function sqliteFixture(): StoreFixture {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-server-test-'));
  const env = { CHOKEPOINT_SQLITE_PATH: join(dir, 'chokepoint.db') };
  return {
    kind: 'sqlite',
    env,
    open: () => openStore({ databaseUrl: undefined, databaseSchema: 'chokepoint', sqlitePath: env.CHOKEPOINT_SQLITE_PATH }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function postgresFixture(): StoreFixture {
  const schema = `cp_test_${randomBytes(5).toString('hex')}`;
  const env = { DATABASE_URL: PG_URL, CHOKEPOINT_DB_SCHEMA: schema };
  return {
    kind: 'postgres',
    env,
    open: () => openStore({ databaseUrl: PG_URL, databaseSchema: schema, sqlitePath: '' }),
    dispose: async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_queue CASCADE`);
      await client.end();
    },
  };
}

export const FIXTURES: [string, () => StoreFixture][] = [['sqlite', sqliteFixture], ['postgres', postgresFixture]];

/** Makes a key in the fixture's store and returns its bearer token. */
export async function makeKey(fixture: StoreFixture, role: Role, rateLimit: number | null = null): Promise<string> {
  const store = await fixture.open();
  try {
    return (await createApiKey(store, { name: `test ${role}`, role, rateLimit })).token;
  } finally {
    await store.close();
  }
}

/** Starts a server in this process on a free port, logging nowhere. */
export function startTestServer(fixture: StoreFixture, env: Record<string, string> = {}): Promise<RunningServer> {
  return startServer({ port: 0, host: '127.0.0.1', env: { ...fixture.env, ...env }, handleSignals: false, logger: pino({ level: 'silent' }) });
}

/** A server in a child process (the built dist), resolved once it prints its URL. */
export async function spawnServer(fixture: StoreFixture, env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [SERVER_MAIN], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...fixture.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    child.stdout!.on('data', () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return { child, url, output: () => out };
}

export const json = (body: unknown, token?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

export const ndjson = (lines: unknown[], token?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-ndjson', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n',
});

export const auth = (token: string): RequestInit => ({ headers: { authorization: `Bearer ${token}` } });

/** Polls until `check` returns a value, or fails after `ms`. */
export async function waitFor<T>(check: () => Promise<T | undefined | false>, ms = 30_000, every = 50): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, every));
  }
}

export const GALLIUM = { item: { id: 'gallium/metal' }, from: 'CN', to: 'US', date: '2025-01-15' };
