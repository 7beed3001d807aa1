import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { FIXTURES, GALLIUM, json, PG_URL, startTestServer, type StoreFixture } from './support.js';

const BIN = new URL('../dist/bin.js', import.meta.url).pathname;
const run = promisify(execFile);

async function cli(fixture: StoreFixture, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { ...fixture.env }, (s) => (out += `${s}\n`), (s) => (err += `${s}\n`));
  return { code, out, err };
}

/** Alters a stored row behind the server's back, as someone with write access to the database could. */
async function tamper(fixture: StoreFixture, table: 'audit_records' | 'audit_responses', sql: string): Promise<void> {
  if (fixture.kind === 'sqlite') {
    const db = new Database(fixture.env.CHOKEPOINT_SQLITE_PATH!);
    expect(() => db.prepare(sql).run()).toThrow(/append-only/);
    db.exec(`DROP TRIGGER ${table}_no_update`);
    db.prepare(sql).run();
    db.close();
  } else {
    const c = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${fixture.env.CHOKEPOINT_DB_SCHEMA}` });
    await c.connect();
    await expect(c.query(sql)).rejects.toThrow(/append-only/);
    await c.query(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_no_change`);
    await c.query(sql);
    await c.end();
  }
}

const fixtures: StoreFixture[] = [];
afterAll(async () => {
  for (const f of fixtures) await f.dispose();
});

describe.each(FIXTURES)('chokepoint-server CLI on %s', (_kind, makeFixture) => {
  it('keys create | list | revoke: the token works until it is revoked; only its hash is stored', async () => {
    const fixture = makeFixture();
    fixtures.push(fixture);
    const created = await cli(fixture, 'keys', 'create', '--name', 'ops team', '--role', 'assess', '--rate-limit', '100', '--json');
    expect(created.code).toBe(0);
    const key = JSON.parse(created.out) as { id: string; token: string; role: string };
    expect(key).toMatchObject({ role: 'assess', token: expect.stringMatching(/^ck_[0-9a-f]{16}_/) });
    const listed = await cli(fixture, 'keys', 'list', '--json');
    expect(listed.out).not.toContain(key.token.slice(20));
    expect(JSON.parse(listed.out)).toEqual([expect.objectContaining({ id: key.id, name: 'ops team', role: 'assess', rateLimit: 100, revokedAt: null })]);

    const server = await startTestServer(fixture);
    try {
      expect((await fetch(`${server.url}/v1/assessments`, json(GALLIUM, key.token))).status).toBe(200);
      expect((await cli(fixture, 'keys', 'revoke', key.id)).code).toBe(0);
      expect((await cli(fixture, 'keys', 'revoke', key.id)).code).toBe(1);
      // The server trusts a looked-up key for at most five seconds.
      await new Promise((r) => setTimeout(r, 5200));
      expect((await fetch(`${server.url}/v1/assessments`, json(GALLIUM, key.token))).status).toBe(401);
    } finally {
      await server.close();
    }
    expect((await cli(fixture, 'keys', 'create', '--name', 'x', '--role', 'root')).code).toBe(2);
    expect((await cli(fixture, 'keys', 'create', '--name', 'x', '--role', 'root')).err).toContain('--role must be one of read, assess, admin');
    expect((await cli(fixture, 'frobnicate')).code).toBe(2);
  });

  it('audit verify passes on an intact chain and reports the first altered record', async () => {
    const fixture = makeFixture();
    fixtures.push(fixture);
    const server = await startTestServer(fixture);
    try {
      for (let i = 0; i < 5; i++) expect((await fetch(`${server.url}/v1/assessments`, json({ ...GALLIUM, id: `a${i}` }))).status).toBe(200);
    } finally {
      await server.close();
    }
    const ok = await cli(fixture, 'audit', 'verify');
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.out).toMatch(/audit chain verified: 5 records, head [0-9a-f]{64}/);
    await tamper(fixture, 'audit_records', `UPDATE audit_records SET request = replace(request, '"US"', '"HK"') WHERE seq = 3`);
    const broken = await cli(fixture, 'audit', 'verify', '--json');
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.out)).toMatchObject({ ok: false, firstBad: { seq: 3, reason: 'the record’s content does not match its hash' } });
    expect((await cli(fixture, 'audit', 'verify')).out).toMatch(/^audit chain broken at record 3 \(audit ID [0-9a-f-]{36}\)/);
  });

  it('GET /v1/assessments/{auditId} reports whether that record still matches its hash', async () => {
    const fixture = makeFixture();
    fixtures.push(fixture);
    const ids: string[] = [];
    let server = await startTestServer(fixture);
    try {
      for (let i = 0; i < 3; i++) ids.push(((await (await fetch(`${server.url}/v1/assessments`, json({ ...GALLIUM, id: `a${i}` }))).json()) as { auditId: string }).auditId);
      const intact = (await (await fetch(`${server.url}/v1/assessments/${ids[1]}`)).json()) as { verification: unknown };
      expect(intact.verification).toEqual({ ok: true });
    } finally {
      await server.close();
    }
    await tamper(fixture, 'audit_records', `UPDATE audit_records SET request = replace(request, '"US"', '"HK"') WHERE seq = 2`);
    server = await startTestServer(fixture);
    try {
      const read = async (id: string) => ((await (await fetch(`${server.url}/v1/assessments/${id}`)).json()) as { verification: unknown }).verification;
      expect(await read(ids[0]!)).toEqual({ ok: true });
      expect(await read(ids[1]!)).toEqual({ ok: false, reason: 'the record’s content does not match its hash' });
    } finally {
      await server.close();
    }
  });

  it('audit verify reports the first record whose stored answer was altered', async () => {
    const fixture = makeFixture();
    fixtures.push(fixture);
    const server = await startTestServer(fixture);
    try {
      expect((await fetch(`${server.url}/v1/assessments`, json({ ...GALLIUM, to: 'DE' }))).status).toBe(200);
      for (let i = 0; i < 3; i++) expect((await fetch(`${server.url}/v1/assessments`, json({ ...GALLIUM, id: `a${i}` }))).status).toBe(200);
    } finally {
      await server.close();
    }
    // Records 2 to 4 share one stored answer (identical questions); record 2 is the first to use it.
    await tamper(fixture, 'audit_responses', `UPDATE audit_responses SET body = replace(body, 'license_required', 'not_controlled') WHERE hash = (SELECT response_hash FROM audit_records WHERE seq = 3)`);
    const broken = await cli(fixture, 'audit', 'verify', '--json');
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.out)).toMatchObject({ ok: false, firstBad: { seq: 2, reason: 'the stored answer does not match its hash' } });
  });
});

describe('the chokepoint-server binary', () => {
  it('runs audit verify from the built package', async () => {
    const { sqliteFixture } = await import('./support.js');
    const fixture = sqliteFixture();
    fixtures.push(fixture);
    const { stdout } = await run(process.execPath, [BIN, 'audit', 'verify'], { env: { ...process.env, ...fixture.env } });
    expect(stdout).toContain('audit chain verified: 0 records');
    await expect(run(process.execPath, [BIN, 'keys', 'nope'], { env: { ...process.env, ...fixture.env } })).rejects.toMatchObject({ code: 2 });
  });
});
