import express from 'express';
import helmet from 'helmet';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAuditId, verifyAuditChain } from '../src/audit.js';
import type { RunningServer } from '../src/index.js';
import { HELMET_OPTIONS, helmetHeaders } from '../src/security-headers.js';
import { FIXTURES, GALLIUM, json, sqliteFixture, startTestServer, type StoreFixture } from './support.js';
import { responseText, type AuditEntry } from '../src/store/index.js';

type Problem = { status: number; errors?: { path: string; message: string }[] };

/** The headers helmet itself sets with the server's options, read from a bare Express app's response. */
async function helmetOwn(): Promise<Map<string, string>> {
  const app = express();
  app.disable('x-powered-by');
  app.use(helmet(HELMET_OPTIONS));
  app.get('/', (_req, res) => res.end());
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    const { port } = server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/`);
    // Node's own headers are not helmet's.
    return new Map([...res.headers].filter(([n]) => !['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(n)));
  } finally {
    server.close();
  }
}

describe('security headers are helmet’s, computed once (#11.4)', () => {
  it('every response carries exactly the headers helmet would set', async () => {
    const own = await helmetOwn();
    expect(own.size).toBeGreaterThan(8);
    expect(own.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    const fixture = sqliteFixture();
    const server = await startTestServer(fixture);
    try {
      for (const res of [await fetch(`${server.url}/healthz`), await fetch(`${server.url}/v1/assessments`, json(GALLIUM)), await fetch(`${server.url}/v1/nope`)]) {
        for (const [name, value] of own) expect(res.headers.get(name), name).toBe(value);
      }
    } finally {
      await server.close();
      await fixture.dispose();
    }
  });

  it('refuses options that helmet computes per request (a CSP nonce)', () => {
    expect(() => helmetHeaders({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", () => "'nonce-abc'"] } } })).toThrow(/per request/);
  });
});

describe('audit IDs (#11.4)', () => {
  it('are UUIDs of version 7 that sort by the time they were made', () => {
    const early = newAuditId(Date.UTC(2026, 0, 1));
    const late = newAuditId(Date.UTC(2026, 0, 1) + 1);
    expect(early).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(early < late).toBe(true);
    expect(early.slice(0, 13).replace('-', '')).toBe(Date.UTC(2026, 0, 1).toString(16).padStart(12, '0'));
    expect(new Set(Array.from({ length: 1000 }, () => newAuditId(0))).size).toBe(1000);
  });
});

describe.each(FIXTURES)('the request is read once and kept as received (#11.4) on %s', (_kind, makeFixture) => {
  let fixture: StoreFixture;
  let server: RunningServer;
  beforeAll(async () => {
    fixture = makeFixture();
    server = await startTestServer(fixture);
  });
  afterAll(async () => {
    await server?.close();
    await fixture?.dispose();
  });

  it('stores the body’s text exactly as sent, and its record verifies', async () => {
    const text = `\uFEFF{ "item" : {"name":"镓"},\n  "to":"US", "from":"CN", "date":"2025-01-15", "id": "kept as sent ✓" }`;
    const res = await fetch(`${server.url}/v1/assessments`, json(text));
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeNull();
    const sent = await res.text();
    const answer = JSON.parse(sent) as { auditId: string; id: string };
    expect(answer.id).toBe('kept as sent ✓');
    const store = await fixture.open();
    try {
      const record = (await store.getAudit(answer.auditId))!;
      expect(record.request).toBe(text.slice(1));
      // The answer is stored as text, character for character what was sent (this one has characters beyond
      // Latin-1, which a store that kept bytes or decoded them wrongly would change).
      expect(typeof record.body).toBe('string');
      expect([...record.body].some((c) => c.codePointAt(0)! > 0xff)).toBe(true);
      expect(`${responseText(record, (JSON.parse(record.request) as { id?: unknown }).id).slice(0, -1)},"auditId":${JSON.stringify(answer.auditId)}}`).toBe(sent);
      if (fixture.kind === 'sqlite') {
        const db = new Database(fixture.env.CHOKEPOINT_SQLITE_PATH!, { readonly: true });
        try {
          expect(db.prepare('SELECT typeof(body) AS t FROM audit_responses WHERE hash = ?').get(record.bodyHash)).toEqual({ t: 'text' });
        } finally {
          db.close();
        }
      }
      expect((await verifyAuditChain(store)).ok).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('a charset other than UTF-8 is a 415 naming Content-Type; broken JSON a 400; an empty body asks for the fields', async () => {
    const latin = await fetch(`${server.url}/v1/assessments`, { method: 'POST', headers: { 'content-type': 'application/json; charset=iso-8859-1' }, body: JSON.stringify(GALLIUM) });
    expect(latin.status).toBe(415);
    expect(((await latin.json()) as Problem).errors![0]!.path).toBe('Content-Type');
    const utf8 = await fetch(`${server.url}/v1/assessments`, { method: 'POST', headers: { 'content-type': 'application/json; charset="UTF-8"' }, body: JSON.stringify(GALLIUM) });
    expect(utf8.status).toBe(200);
    const broken = await fetch(`${server.url}/v1/assessments`, json('{"item":'));
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as Problem).errors).toEqual([{ path: '', message: 'expected a JSON object' }]);
    const empty = await fetch(`${server.url}/v1/assessments`, json(''));
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as Problem).errors!.map((e) => e.path)).toEqual(expect.arrayContaining(['item', 'from', 'to']));
  });
});

describe('the SQLite writer thread (#11.4)', () => {
  const entry = (i: number): AuditEntry => ({ id: newAuditId(), time: new Date().toISOString(), caller: `c${i % 3}`, request: `{"n":${i}}`, body: `{"answer":${i % 5}}`, bodyHash: '', answerId: null, plugins: '[]' });
  const hashed = async (e: AuditEntry) => ({ ...e, bodyHash: (await import('../src/audit.js')).sha256(e.body) });

  it('two stores on one file extend one chain: each write reads the head inside its transaction', async () => {
    const fixture = sqliteFixture();
    const a = await fixture.open();
    const b = await fixture.open();
    try {
      const writes = [];
      for (let i = 0; i < 60; i++) writes.push((i % 2 ? a : b).appendAudit([await hashed(entry(i)), await hashed(entry(i + 100))]));
      const records = (await Promise.all(writes)).flat();
      expect(new Set(records.map((r) => r.seq)).size).toBe(120);
      const result = await verifyAuditChain(a);
      expect(result).toMatchObject({ ok: true, records: 120, headSeq: 120 });
    } finally {
      await a.close();
      await b.close();
      await fixture.dispose();
    }
  });

  it('a write the database refuses fails alone; the thread goes on with the next', async () => {
    const fixture = sqliteFixture();
    const store = await fixture.open();
    try {
      const first = await hashed(entry(1));
      await store.appendAudit([first]);
      // The same audit ID again: the append-only triggers refuse the whole transaction.
      await expect(store.appendAudit([await hashed(entry(2)), first])).rejects.toThrow(/append-only|UNIQUE/);
      const after = await store.appendAudit([await hashed(entry(3))]);
      expect(after[0]!.seq).toBe(2);
      expect(await verifyAuditChain(store)).toMatchObject({ ok: true, records: 2 });
    } finally {
      await store.close();
      await fixture.dispose();
    }
  });

  it('a writer thread that dies fails only what it was asked; the next write starts a new thread', async () => {
    const fixture = sqliteFixture();
    const store = await fixture.open();
    const { SqliteWriter } = await import('../src/store/sqlite-writer.js');
    const writer = new SqliteWriter(fixture.env.CHOKEPOINT_SQLITE_PATH!);
    try {
      await writer.append([await hashed(entry(1))]);
      const thread = (writer as unknown as { worker: import('node:worker_threads').Worker }).worker;
      const inFlight = writer.append([await hashed(entry(2))]);
      await thread.terminate();
      // Either it committed before the thread went, and says so, or nothing of it was stored and it fails.
      const outcome = await inFlight.then(() => 'committed', (e: Error) => e.message);
      const db = new Database(fixture.env.CHOKEPOINT_SQLITE_PATH!, { readonly: true });
      const stored = (db.prepare('SELECT COUNT(*) AS n FROM audit_records').get() as { n: number }).n;
      db.close();
      if (outcome === 'committed') expect(stored).toBe(2);
      else {
        expect(outcome).toMatch(/writer thread stopped/);
        expect(stored).toBe(1);
      }
      const next = await writer.append([await hashed(entry(3))]);
      // The next record follows the last one stored, with no gap in the chain.
      expect(next[0]![0]).toBe(stored + 1);
      expect(await verifyAuditChain(store)).toMatchObject({ ok: true });
    } finally {
      await writer.close();
      await store.close();
      await fixture.dispose();
    }
  });

  it('a writer thread stopped after its commit but before its reply: the caller is told the record was stored, with its place in the chain', async () => {
    const fixture = sqliteFixture();
    const store = await fixture.open();
    const { SqliteWriter } = await import('../src/store/sqlite-writer.js');
    // A thread that stops after committing its second write, before replying (test/fixtures).
    const writer = new SqliteWriter(fixture.env.CHOKEPOINT_SQLITE_PATH!, new URL('./fixtures/writer-dies-after-commit.mjs', import.meta.url));
    try {
      await writer.append([await hashed(entry(1))]);
      const second = await hashed(entry(2));
      const result = await writer.append([second]);
      const db = new Database(fixture.env.CHOKEPOINT_SQLITE_PATH!, { readonly: true });
      const row = db.prepare('SELECT seq, prev_hash, hash FROM audit_records WHERE id = ?').get(second.id) as { seq: number; prev_hash: string; hash: string };
      db.close();
      expect(result).toEqual([[row.seq, row.prev_hash, row.hash]]);
      expect(row.seq).toBe(2);
      expect(await verifyAuditChain(store)).toMatchObject({ ok: true, records: 2 });
    } finally {
      await writer.close();
      await store.close();
      await fixture.dispose();
    }
  });

  it('reads back a stopped thread\'s writes: a stored append with its records, and none for an ID held by another record or not stored', async () => {
    const fixture = sqliteFixture();
    const store = await fixture.open();
    const { storedOutcomes, toRows } = await import('../src/store/sqlite-writer.js');
    try {
      const first = await hashed(entry(1));
      const [record] = await store.appendAudit([first]);
      const path = fixture.env.CHOKEPOINT_SQLITE_PATH!;
      const append = (id: number, entries: AuditEntry[]) => ({ op: 'append' as const, id, entries: toRows(entries) });
      const [stored, sameId, absent] = storedOutcomes(path, [append(1, [first]), append(2, [{ ...first, request: '{"n":99}' }]), append(3, [await hashed(entry(2))])]);
      expect(stored).toEqual({ id: 1, ok: true, result: [[record!.seq, record!.prevHash, record!.hash]] });
      expect(sameId).toBeUndefined();
      expect(absent).toBeUndefined();
    } finally {
      await store.close();
      await fixture.dispose();
    }
  });

  it('reads back a stopped thread\'s job chunk: stored under its owner, not stored under another', async () => {
    const fixture = sqliteFixture();
    const store = await fixture.open();
    const { storedOutcomes, toRows } = await import('../src/store/sqlite-writer.js');
    try {
      const now = new Date().toISOString();
      await store.createJob({ id: 'job-1', caller: 'c', total: 2, input: '{}\n{}', createdAt: now });
      await store.claimJob('job-1', 'owner-a', 60);
      const entries = [await hashed(entry(1))];
      const chunk = { jobId: 'job-1', owner: 'owner-a', from: 0, to: 2, failedLines: 0, output: '{"a":1}\n{"a":2}\n', entries, leaseSeconds: 60 };
      expect(await store.commitJobChunk(chunk)).toBe(true);
      const { entries: _, ...rest } = chunk;
      const request = (owner: string, id: number) => ({ op: 'chunk' as const, id, chunk: { ...rest, owner }, entries: toRows(entries) });
      const [mine, other] = storedOutcomes(fixture.env.CHOKEPOINT_SQLITE_PATH!, [request('owner-a', 1), request('owner-b', 2)]);
      expect(mine).toEqual({ id: 1, ok: true, result: true });
      expect(other).toBeUndefined();
    } finally {
      await store.close();
      await fixture.dispose();
    }
  });

  it('commits before it answers: a record is readable by another connection once its append resolved', async () => {
    const fixture = sqliteFixture();
    const store = await fixture.open();
    try {
      const [record] = await store.appendAudit([await hashed(entry(7))]);
      const db = new Database(fixture.env.CHOKEPOINT_SQLITE_PATH!, { readonly: true });
      expect((db.prepare('SELECT hash FROM audit_records WHERE id = ?').get(record!.id) as { hash: string }).hash).toBe(record!.hash);
      db.close();
    } finally {
      await store.close();
      await fixture.dispose();
    }
  });
});
