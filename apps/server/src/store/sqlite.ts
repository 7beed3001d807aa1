import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PartyList } from '@chokepoint/core';
import Database from 'better-sqlite3';
import { migrationFiles } from './migrations.js';
import { SqliteWriter } from './sqlite-writer.js';
import type { ApiKeyRecord, AuditRecord, JobRecord, Store } from './store.js';

interface AuditRow { seq: number; id: string; time: string; caller: string; request: string; answer_id: string | null; response_hash: string; body: string; plugins: string; prev_hash: string; hash: string }
interface KeyRow { id: string; name: string; role: ApiKeyRecord['role']; secret_hash: string; rate_limit: number | null; created_at: string; revoked_at: string | null }
interface JobRow { id: string; caller: string; status: JobRecord['status']; total: number; processed: number; failed_lines: number; owner: string | null; lease_until: number | null; error: string | null; created_at: string; updated_at: string }

const JOB_COLUMNS = 'id, caller, status, total, processed, failed_lines, owner, lease_until, error, created_at, updated_at';

const toAudit = (r: AuditRow): AuditRecord => ({ seq: r.seq, id: r.id, time: r.time, caller: r.caller, request: r.request, answerId: r.answer_id, bodyHash: r.response_hash, body: r.body, plugins: r.plugins, prevHash: r.prev_hash, hash: r.hash });
const toKey = (r: KeyRow): ApiKeyRecord => ({ id: r.id, name: r.name, role: r.role, secretHash: r.secret_hash, rateLimit: r.rate_limit, createdAt: r.created_at, revokedAt: r.revoked_at });
const toJob = (r: JobRow): JobRecord => ({
  id: r.id, caller: r.caller, status: r.status, total: r.total, processed: r.processed, failedLines: r.failed_lines, owner: r.owner,
  leaseUntil: r.lease_until === null ? null : new Date(r.lease_until).toISOString(), error: r.error, createdAt: r.created_at, updatedAt: r.updated_at,
});

/**
 * The embedded store: one SQLite file in WAL mode. Audit records and job chunks are written by a
 * thread of their own, which reads and extends the chain's head inside one immediate transaction;
 * other writes are synchronous here, and SQLite serialises the two connections.
 */
export function openSqliteStore(path: string): Store {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  // Writes to the audit chain go to a thread of their own (see sqlite-writer-worker.ts), which also
  // checkpoints the WAL after its commits; this connection leaves checkpoints to it.
  db.pragma('wal_autocheckpoint = 0');
  const writer = new SqliteWriter(path);

  let prepared: ReturnType<typeof prepare> | undefined;
  const prepare = () => ({
    head: db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1'),
    getAudit: db.prepare<[string], AuditRow>('SELECT r.seq, r.id, r.time, r.caller, r.request, r.answer_id, r.response_hash, b.body, r.plugins, r.prev_hash, r.hash FROM audit_records r JOIN audit_responses b ON b.hash = r.response_hash WHERE r.id = ?'),
    auditPage: db.prepare<[number, number], AuditRow>('SELECT r.seq, r.id, r.time, r.caller, r.request, r.answer_id, r.response_hash, b.body, r.plugins, r.prev_hash, r.hash FROM audit_records r JOIN audit_responses b ON b.hash = r.response_hash WHERE r.seq > ? ORDER BY r.seq LIMIT ?'),
    getKey: db.prepare<[string], KeyRow>('SELECT * FROM api_keys WHERE id = ?'),
    getJob: db.prepare<[string], JobRow>(`SELECT ${JOB_COLUMNS} FROM jobs WHERE id = ?`),
  });
  const q = () => (prepared ??= prepare());

  const replaceLists = db.transaction((lists: PartyList[], at: string) => {
    const upsert = db.prepare('INSERT INTO party_lists (id, body, previous, as_of, updated_at) VALUES (@id, @body, NULL, @asOf, @at) ON CONFLICT (id) DO UPDATE SET previous = party_lists.body, body = excluded.body, as_of = excluded.as_of, updated_at = excluded.updated_at');
    for (const l of lists) upsert.run({ id: l.id, body: JSON.stringify(l), asOf: l.asOf, at });
  });
  const claim = db.transaction((id: string, owner: string, leaseSeconds: number): JobRow | undefined => {
    const now = Date.now();
    const r = db
      .prepare(`UPDATE jobs SET status = 'running', owner = ?, lease_until = ?, updated_at = ? WHERE id = ? AND (status = 'queued' OR (status = 'running' AND lease_until < ?)) RETURNING ${JOB_COLUMNS}`)
      .get(owner, now + leaseSeconds * 1000, new Date(now).toISOString(), id, now) as JobRow | undefined;
    return r;
  });

  return {
    kind: 'sqlite',
    async migrate() {
      db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
      const done = new Set(db.prepare<[], { name: string }>('SELECT name FROM schema_migrations').all().map((r) => r.name));
      for (const m of migrationFiles('sqlite')) {
        if (done.has(m.name)) continue;
        db.transaction(() => {
          db.exec(m.sql);
          db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(m.name, new Date().toISOString());
        }).immediate();
      }
    },
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      await writer.close();
      db.close();
    },
    async appendAudit(entries) {
      const chained = await writer.append(entries);
      return entries.map((e, i) => ({ ...e, seq: chained[i]![0], prevHash: chained[i]![1], hash: chained[i]![2] }));
    },
    async getAudit(id) {
      const r = q().getAudit.get(id);
      return r && toAudit(r);
    },
    async auditPage(afterSeq, limit) {
      return q().auditPage.all(afterSeq, limit).map(toAudit);
    },
    async auditHead() {
      return q().head.get();
    },
    async createKey(k) {
      db.prepare('INSERT INTO api_keys (id, name, role, secret_hash, rate_limit, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(k.id, k.name, k.role, k.secretHash, k.rateLimit, k.createdAt, k.revokedAt);
    },
    async getKey(id) {
      const r = q().getKey.get(id);
      return r && toKey(r);
    },
    async listKeys() {
      return db.prepare<[], KeyRow>('SELECT * FROM api_keys ORDER BY created_at, id').all().map(toKey);
    },
    async revokeKey(id, at) {
      return db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
    },
    async activeKeyCount() {
      return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM api_keys WHERE revoked_at IS NULL').get()!.n;
    },
    async createJob(j) {
      db.prepare("INSERT INTO jobs (id, caller, status, total, input, created_at, updated_at) VALUES (?, ?, 'queued', ?, ?, ?, ?)").run(j.id, j.caller, j.total, j.input, j.createdAt, j.createdAt);
    },
    async getJob(id) {
      const r = q().getJob.get(id);
      return r && toJob(r);
    },
    async jobInput(id) {
      return db.prepare<[string], { input: string }>('SELECT input FROM jobs WHERE id = ?').get(id)?.input ?? '';
    },
    async claimJob(id, owner, leaseSeconds) {
      const r = claim.immediate(id, owner, leaseSeconds);
      return r && toJob(r);
    },
    async nextClaimableJob() {
      return db
        .prepare<[number], { id: string }>("SELECT id FROM jobs WHERE status = 'queued' OR (status = 'running' AND lease_until < ?) ORDER BY created_at, id LIMIT 1")
        .get(Date.now())?.id;
    },
    commitJobChunk: (chunk) => writer.commitChunk(chunk),
    async finishJob(id, owner, status, error) {
      const now = new Date().toISOString();
      return db.prepare("UPDATE jobs SET status = ?, error = ?, lease_until = NULL, updated_at = ? WHERE id = ? AND owner = ? AND status = 'running'").run(status, error ?? null, now, id, owner).changes === 1;
    },
    async releaseJob(id, owner) {
      db.prepare("UPDATE jobs SET status = 'queued', owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND owner = ? AND status = 'running'").run(new Date().toISOString(), id, owner);
    },
    async *jobOutput(id) {
      // Paged rather than iterated: better-sqlite3 keeps the connection busy while an iterator is open.
      const page = db.prepare<[string, number], { from_line: number; body: string }>('SELECT from_line, body FROM job_output WHERE job_id = ? AND from_line >= ? ORDER BY from_line LIMIT 16');
      let next = 0;
      for (;;) {
        const rows = page.all(id, next);
        if (!rows.length) return;
        for (const r of rows) yield r.body;
        next = rows[rows.length - 1]!.from_line + 1;
      }
    },
    async queueDepth() {
      return db.prepare<[], { n: number }>("SELECT count(*) AS n FROM jobs WHERE status IN ('queued', 'running')").get()!.n;
    },
    async loadLists() {
      return db.prepare<[], { body: string }>('SELECT body FROM party_lists ORDER BY id').all().map((r) => JSON.parse(r.body) as PartyList);
    },
    async replaceLists(lists) {
      replaceLists(lists, new Date().toISOString());
    },
    async listsVersion() {
      return db.prepare<[], { v: string | null }>('SELECT max(updated_at) || \':\' || count(*) AS v FROM party_lists').get()?.v ?? '';
    },
  };
}
