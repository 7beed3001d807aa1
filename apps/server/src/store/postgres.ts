import type { PartyList } from '@chokepoint/core';
import pg from 'pg';
import { chainEntries } from '../audit.js';
import { migrationFiles } from './migrations.js';
import type { ApiKeyRecord, AuditEntry, AuditRecord, JobRecord, Store } from './store.js';

interface AuditRow { seq: string; id: string; time: string; caller: string; request: string; answer_id: string | null; response_hash: string; body: string; plugins: string; prev_hash: string; hash: string }
interface KeyRow { id: string; name: string; role: ApiKeyRecord['role']; secret_hash: string; rate_limit: number | null; created_at: string; revoked_at: string | null }
interface JobRow { id: string; caller: string; status: JobRecord['status']; total: number; processed: number; failed_lines: number; owner: string | null; lease_until: Date | null; error: string | null; created_at: string; updated_at: string }

const JOB_COLUMNS = 'id, caller, status, total, processed, failed_lines, owner, lease_until, error, created_at, updated_at';
/** Advisory lock keys: one serialises appends to the audit chain, one serialises migrations. */
const AUDIT_LOCK = 0x63686f6b;
const MIGRATION_LOCK = 0x63686f6c;

/** PostgreSQL's SQLSTATE for a permission denied. */
const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * Migrations are pending and this role may not apply them: the server runs as a role that reads and
 * writes rows only, and the schema's owner must migrate first.
 */
export class MigrationPrivilegeError extends Error {
  constructor(schema: string, pending: string[], cause: unknown) {
    super(`schema ${schema} needs migrations ${pending.join(', ')}, and this role may not apply them (${(cause as Error).message}); run \`chokepoint-server migrate\` with DATABASE_OWNER_URL set to the schema owner's connection string`, { cause });
    this.name = 'MigrationPrivilegeError';
  }
}

const toAudit = (r: AuditRow): AuditRecord => ({ seq: Number(r.seq), id: r.id, time: r.time, caller: r.caller, request: r.request, answerId: r.answer_id, bodyHash: r.response_hash, body: r.body, plugins: r.plugins, prevHash: r.prev_hash, hash: r.hash });
const toKey = (r: KeyRow): ApiKeyRecord => ({ id: r.id, name: r.name, role: r.role, secretHash: r.secret_hash, rateLimit: r.rate_limit, createdAt: r.created_at, revokedAt: r.revoked_at });
const toJob = (r: JobRow): JobRecord => ({
  id: r.id, caller: r.caller, status: r.status, total: r.total, processed: r.processed, failedLines: r.failed_lines, owner: r.owner,
  leaseUntil: r.lease_until === null ? null : r.lease_until.toISOString(), error: r.error, createdAt: r.created_at, updatedAt: r.updated_at,
});

/**
 * The shared store: PostgreSQL, for several server processes on one database. Appends to the audit
 * chain take a transaction-scoped advisory lock, so processes extend one chain in turn.
 */
export function openPostgresStore(connectionString: string, schema: string): Store & { pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString, options: `-c search_path=${schema}`, max: 10 });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);

  async function tx<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      const out = await work(c);
      await c.query('COMMIT');
      return out;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }

  async function append(c: pg.PoolClient, entries: AuditEntry[]): Promise<AuditRecord[]> {
    await c.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
    const head = await c.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1');
    const h = head.rows[0];
    const records = chainEntries(h && { seq: Number(h.seq), hash: h.hash }, entries);
    const col = <K extends keyof AuditRecord>(k: K) => records.map((r) => r[k]);
    const bodies = new Map(records.map((r) => [r.bodyHash, r.body]));
    await c.query('INSERT INTO audit_responses (hash, body) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (hash) DO NOTHING', [[...bodies.keys()], [...bodies.values()]]);
    await c.query(
      `INSERT INTO audit_records (seq, id, time, caller, request, answer_id, response_hash, plugins, prev_hash, hash)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])`,
      [col('seq'), col('id'), col('time'), col('caller'), col('request'), col('answerId'), col('bodyHash'), col('plugins'), col('prevHash'), col('hash')],
    );
    return records;
  }

  return {
    kind: 'postgres',
    pool,
    async migrate() {
      const c = await pool.connect();
      try {
        await c.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        // Read-only first: a server running as a role that may only read and write rows (see
        // docs/server.md, least privilege) starts when nothing is pending, and is told what to run when
        // something is.
        const applied = (await c.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [`${schema}.schema_migrations`])).rows[0]!.t
          ? new Set((await c.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name))
          : new Set<string>();
        const pending = migrationFiles('postgres').filter((m) => !applied.has(m.name));
        if (!pending.length) return;
        try {
          await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
          await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
          for (const m of pending) {
            await c.query('BEGIN');
            try {
              await c.query(m.sql);
              await c.query('INSERT INTO schema_migrations (name) VALUES ($1)', [m.name]);
              await c.query('COMMIT');
            } catch (err) {
              await c.query('ROLLBACK');
              throw err;
            }
          }
        } catch (err) {
          if ((err as { code?: string }).code !== INSUFFICIENT_PRIVILEGE) throw err;
          throw new MigrationPrivilegeError(schema, pending.map((m) => m.name), err);
        }
      } finally {
        await c.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
        c.release();
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
    appendAudit: (entries) => tx((c) => append(c, entries)),
    async getAudit(id) {
      const r = (await pool.query<AuditRow>('SELECT r.seq, r.id, r.time, r.caller, r.request, r.answer_id, r.response_hash, b.body, r.plugins, r.prev_hash, r.hash FROM audit_records r JOIN audit_responses b ON b.hash = r.response_hash WHERE r.id = $1', [id])).rows[0];
      return r && toAudit(r);
    },
    async auditPage(afterSeq, limit) {
      return (await pool.query<AuditRow>('SELECT r.seq, r.id, r.time, r.caller, r.request, r.answer_id, r.response_hash, b.body, r.plugins, r.prev_hash, r.hash FROM audit_records r JOIN audit_responses b ON b.hash = r.response_hash WHERE r.seq > $1 ORDER BY r.seq LIMIT $2', [afterSeq, limit])).rows.map(toAudit);
    },
    async auditHead() {
      const h = (await pool.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1')).rows[0];
      return h && { seq: Number(h.seq), hash: h.hash };
    },
    async createKey(k) {
      await pool.query('INSERT INTO api_keys (id, name, role, secret_hash, rate_limit, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [k.id, k.name, k.role, k.secretHash, k.rateLimit, k.createdAt, k.revokedAt]);
    },
    async getKey(id) {
      const r = (await pool.query<KeyRow>('SELECT * FROM api_keys WHERE id = $1', [id])).rows[0];
      return r && toKey(r);
    },
    async listKeys() {
      return (await pool.query<KeyRow>('SELECT * FROM api_keys ORDER BY created_at, id')).rows.map(toKey);
    },
    async revokeKey(id, at) {
      return (await pool.query('UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id])).rowCount === 1;
    },
    async activeKeyCount() {
      return Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM api_keys WHERE revoked_at IS NULL')).rows[0]!.n);
    },
    async createJob(j) {
      await pool.query("INSERT INTO jobs (id, caller, status, total, input, created_at, updated_at) VALUES ($1, $2, 'queued', $3, $4, $5, $5)", [j.id, j.caller, j.total, j.input, j.createdAt]);
    },
    async getJob(id) {
      const r = (await pool.query<JobRow>(`SELECT ${JOB_COLUMNS} FROM jobs WHERE id = $1`, [id])).rows[0];
      return r && toJob(r);
    },
    async jobInput(id) {
      return (await pool.query<{ input: string }>('SELECT input FROM jobs WHERE id = $1', [id])).rows[0]?.input ?? '';
    },
    async claimJob(id, owner, leaseSeconds) {
      const r = (
        await pool.query<JobRow>(
          `UPDATE jobs SET status = 'running', owner = $1, lease_until = now() + make_interval(secs => $2), updated_at = $3
           WHERE id = $4 AND (status = 'queued' OR (status = 'running' AND lease_until < now())) RETURNING ${JOB_COLUMNS}`,
          [owner, leaseSeconds, new Date().toISOString(), id],
        )
      ).rows[0];
      return r && toJob(r);
    },
    async nextClaimableJob() {
      return (await pool.query<{ id: string }>("SELECT id FROM jobs WHERE status = 'queued' OR (status = 'running' AND lease_until < now()) ORDER BY created_at, id LIMIT 1")).rows[0]?.id;
    },
    commitJobChunk: (chunk) =>
      tx(async (c) => {
        const moved = await c.query(
          `UPDATE jobs SET processed = $1, failed_lines = failed_lines + $2, lease_until = now() + make_interval(secs => $3), updated_at = $4
           WHERE id = $5 AND owner = $6 AND processed = $7 AND status = 'running'`,
          [chunk.to, chunk.failedLines, chunk.leaseSeconds, new Date().toISOString(), chunk.jobId, chunk.owner, chunk.from],
        );
        if (moved.rowCount !== 1) return false;
        await c.query('INSERT INTO job_output (job_id, from_line, to_line, body) VALUES ($1, $2, $3, $4)', [chunk.jobId, chunk.from, chunk.to, chunk.output]);
        if (chunk.entries.length) await append(c, chunk.entries);
        return true;
      }),
    async finishJob(id, owner, status, error) {
      const r = await pool.query("UPDATE jobs SET status = $1, error = $2, lease_until = NULL, updated_at = $3 WHERE id = $4 AND owner = $5 AND status = 'running'", [status, error ?? null, new Date().toISOString(), id, owner]);
      return r.rowCount === 1;
    },
    async releaseJob(id, owner) {
      await pool.query("UPDATE jobs SET status = 'queued', owner = NULL, lease_until = NULL, updated_at = $1 WHERE id = $2 AND owner = $3 AND status = 'running'", [new Date().toISOString(), id, owner]);
    },
    async *jobOutput(id) {
      let next = 0;
      for (;;) {
        const rows = (await pool.query<{ from_line: number; body: string }>('SELECT from_line, body FROM job_output WHERE job_id = $1 AND from_line >= $2 ORDER BY from_line LIMIT 16', [id, next])).rows;
        if (!rows.length) return;
        for (const r of rows) yield r.body;
        next = rows[rows.length - 1]!.from_line + 1;
      }
    },
    async queueDepth() {
      return Number((await pool.query<{ n: string }>("SELECT count(*) AS n FROM jobs WHERE status IN ('queued', 'running')")).rows[0]!.n);
    },
    async loadLists() {
      return (await pool.query<{ body: string }>('SELECT body FROM party_lists ORDER BY id')).rows.map((r) => JSON.parse(r.body) as PartyList);
    },
    async replaceLists(lists) {
      await tx(async (c) => {
        for (const l of lists) {
          await c.query('INSERT INTO party_lists (id, body, previous, as_of, updated_at) VALUES ($1, $2, NULL, $3, clock_timestamp()) ON CONFLICT (id) DO UPDATE SET previous = party_lists.body, body = excluded.body, as_of = excluded.as_of, updated_at = excluded.updated_at', [l.id, JSON.stringify(l), l.asOf]);
        }
      });
    },
    async listsVersion() {
      return (await pool.query<{ v: string | null }>("SELECT max(updated_at)::text || ':' || count(*) AS v FROM party_lists")).rows[0]?.v ?? '';
    },
  };
}
