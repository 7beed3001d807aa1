import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import type { RunningServer } from '../src/index.js';
import { MigrationPrivilegeError } from '../src/store/postgres.js';
import { SERVER_PRIVILEGES } from '../src/store/postgres-roles.js';
import { openStore } from '../src/store/index.js';
import { GALLIUM, ndjson, PG_URL, startTestServer, waitFor, type StoreFixture } from './support.js';

/**
 * #10.6: on PostgreSQL the server runs as a role that may only read and add rows; the schema's owner
 * migrates. Real roles on the test database; each run makes its own and drops them.
 */
const suffix = randomBytes(4).toString('hex');
const schema = `cp_lp_${suffix}`;
const OWNER = `cp_owner_${suffix}`;
const SERVER = `cp_server_${suffix}`;
const urlAs = (role: string) => {
  const u = new URL(PG_URL);
  u.username = role;
  u.password = '';
  return u.toString();
};
const ownerUrl = urlAs(OWNER);
const serverUrl = urlAs(SERVER);
const database = new URL(PG_URL).pathname.slice(1);
const serverEnv = { DATABASE_URL: serverUrl, CHOKEPOINT_DB_SCHEMA: schema };

async function asRole<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

async function cli(env: Record<string, string>, ...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runCli(args, env, (s) => (out += `${s}\n`), (s) => (out += `${s}\n`));
  return { code, out };
}

/** The SQLSTATE of what `sql` fails with as the server's role, or 'ok'. */
const refusal = (sql: string) => asRole(serverUrl, (c) => c.query(sql).then(() => 'ok', (e: { code?: string }) => e.code));

describe('PostgreSQL least privilege (#10.6)', () => {
  const fixture: StoreFixture = { kind: 'postgres', env: serverEnv, open: () => openStore({ databaseUrl: serverUrl, databaseSchema: schema, sqlitePath: '' }), dispose: async () => undefined };

  beforeAll(async () => {
    await asRole(PG_URL, async (c) => {
      await c.query(`CREATE ROLE ${OWNER} LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB`);
      await c.query(`CREATE ROLE ${SERVER} LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB`);
      await c.query(`GRANT CREATE ON DATABASE ${database} TO ${OWNER}`);
    });
  });

  afterAll(async () => {
    await asRole(PG_URL, async (c) => {
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.query(`DROP SCHEMA IF EXISTS ${schema}_queue CASCADE`);
      for (const role of [SERVER, OWNER]) {
        await c.query(`DROP OWNED BY ${role} CASCADE`);
        await c.query(`DROP ROLE ${role}`);
      }
    });
  });

  it('the server role cannot migrate; it is told to run migrate with the owner', async () => {
    const refused = await cli(serverEnv, 'migrate');
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/run `chokepoint-server migrate` with DATABASE_OWNER_URL/);
  });

  it('migrate as the owner grants the server role exactly what it needs, table by table', async () => {
    const done = await cli({ ...serverEnv, DATABASE_OWNER_URL: ownerUrl }, 'migrate');
    expect(done.out).toContain(`role ${SERVER} may read and add rows`);
    expect(done.code).toBe(0);
    const tables = await asRole(PG_URL, async (c) => (await c.query<{ t: string }>('SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1', [schema])).rows.map((r) => r.t));
    expect(tables).toEqual(Object.keys(SERVER_PRIVILEGES).sort());
    // Running it again changes nothing and still succeeds.
    expect((await cli({ ...serverEnv, DATABASE_OWNER_URL: ownerUrl }, 'migrate')).code).toBe(0);
  });

  it('the server role cannot change, remove or truncate audit rows, nor disable or drop the triggers', async () => {
    const store = await fixture.open();
    await store.close();
    for (const table of ['audit_records', 'audit_responses']) {
      expect(await refusal(`UPDATE ${table} SET hash = hash`), `UPDATE ${table}`).toBe('42501');
      expect(await refusal(`DELETE FROM ${table}`), `DELETE ${table}`).toBe('42501');
      expect(await refusal(`TRUNCATE ${table}`), `TRUNCATE ${table}`).toBe('42501');
    }
    expect(await refusal('ALTER TABLE audit_records DISABLE TRIGGER audit_records_no_change')).toBe('42501');
    expect(await refusal('ALTER TABLE audit_records DISABLE TRIGGER ALL')).toBe('42501');
    expect(await refusal('DROP TRIGGER audit_records_no_change ON audit_records')).toBe('42501');
    expect(await refusal('DROP TABLE audit_records')).toBe('42501');
    expect(await refusal("INSERT INTO audit_responses (hash, body) VALUES ('h', 'b') ON CONFLICT (hash) DO UPDATE SET body = excluded.body")).toBe('42501');
    expect(await refusal('CREATE TABLE forged (a int)')).toBe('42501');
    expect(await refusal("UPDATE api_keys SET role = 'admin'")).toBe('42501');
    expect(await refusal('UPDATE api_keys SET revoked_at = revoked_at')).toBe('ok');
  });

  it('the server works under that role: keys, assessments, batches, jobs, lists, records, audit verify', async () => {
    const key = await cli(serverEnv, 'keys', 'create', '--name', 'least', '--role', 'admin', '--json');
    expect(key.code).toBe(0);
    const { token } = JSON.parse(key.out) as { token: string };
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    let server: RunningServer | undefined;
    try {
      server = await startTestServer(fixture);
      const one = await fetch(`${server.url}/v1/assessments`, { method: 'POST', headers, body: JSON.stringify(GALLIUM) });
      expect(one.status).toBe(200);
      const { auditId } = (await one.json()) as { auditId: string };
      expect((await fetch(`${server.url}/v1/assessments/${auditId}`, { headers })).status).toBe(200);
      const batch = await fetch(`${server.url}/v1/assessments/batch`, ndjson([GALLIUM, { ...GALLIUM, id: 'b' }], token));
      expect((await batch.text()).trim().split('\n')).toHaveLength(2);
      const job = await fetch(`${server.url}/v1/jobs`, ndjson([GALLIUM, GALLIUM, GALLIUM], token));
      expect(job.status).toBe(202);
      const { id } = (await job.json()) as { id: string };
      await waitFor(async () => ((await (await fetch(`${server!.url}/v1/jobs/${id}`, { headers })).json()) as { status: string }).status === 'done');
      expect((await (await fetch(`${server.url}/v1/jobs/${id}/results`, { headers })).text()).trim().split('\n')).toHaveLength(3);
    } finally {
      await server?.close();
    }
    const store = await fixture.open();
    try {
      const list = { id: 'test-list', name: 'A test list', publisher: 'tests', asOf: '2026-01-01', source: { url: 'https://example.org/list', publisher: 'tests', date: '2026-01-01' }, entries: [] };
      await store.replaceLists([list as never]);
      await store.replaceLists([{ ...list, asOf: '2026-02-01' } as never]);
      expect((await store.loadLists()).map((l) => l.asOf)).toEqual(['2026-02-01']);
    } finally {
      await store.close();
    }
    expect((await cli(serverEnv, 'keys', 'revoke', JSON.parse(key.out).id)).code).toBe(0);
    const verified = await cli(serverEnv, 'audit', 'verify');
    expect(verified.out).toMatch(/audit chain verified: 6 records/);
    expect(verified.code).toBe(0);
  });

  it('a pending migration stops the server at start with what to run', async () => {
    await asRole(ownerUrl, (c) => c.query("DELETE FROM schema_migrations WHERE name = '002_party_lists.sql'"));
    try {
      const err = await startTestServer(fixture).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MigrationPrivilegeError);
      expect((err as Error).message).toMatch(/needs migrations 002_party_lists\.sql.*DATABASE_OWNER_URL/);
    } finally {
      await asRole(ownerUrl, (c) => c.query("INSERT INTO schema_migrations (name) VALUES ('002_party_lists.sql')"));
    }
  });

  it('migrate refuses to grant to a role that owns a table (an owner could drop the triggers)', async () => {
    await asRole(PG_URL, (c) => c.query(`ALTER TABLE ${schema}.party_lists OWNER TO ${SERVER}`));
    try {
      await expect(cli({ ...serverEnv, DATABASE_OWNER_URL: ownerUrl }, 'migrate')).rejects.toThrow(`role ${SERVER} owns ${schema}.party_lists`);
    } finally {
      await asRole(PG_URL, (c) => c.query(`ALTER TABLE ${schema}.party_lists OWNER TO ${OWNER}`));
    }
  });
});
