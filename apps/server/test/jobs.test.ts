import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/audit.js';
import { FIXTURES, GALLIUM, makeKey, ndjson, postgresFixture, spawnServer, waitFor, type StoreFixture } from './support.js';

const LINES = 6000;
const batch = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => (i % 500 === 499 ? '{"broken' : { ...GALLIUM, id: `${prefix}${i}`, to: i % 2 ? 'US' : 'DE' }));
// Small chunks and a short lease make the job slow enough to kill in the middle and quick to take over.
const JOB_ENV = { CHOKEPOINT_JOB_CHUNK_LINES: '25', CHOKEPOINT_JOB_LEASE_SECONDS: '2', CHOKEPOINT_JOB_POLL_SECONDS: '0.5' };

const fixtures: StoreFixture[] = [];
afterAll(async () => {
  for (const f of fixtures) await f.dispose();
});

describe.each(FIXTURES)('a server killed with SIGKILL during a batch job (%s)', (_kind, makeFixture) => {
  it('resumes after restart: every line answered once, no assessment lost or recorded twice, the chain verifies', { timeout: 120_000 }, async () => {
    const fixture = makeFixture();
    fixtures.push(fixture);
    const token = await makeKey(fixture, 'assess');
    const first = await spawnServer(fixture, JOB_ENV);
    const res = await fetch(`${first.url}/v1/jobs`, ndjson(batch('k', LINES), token));
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const status = async (url: string) => (await (await fetch(`${url}/v1/jobs/${id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { status: string; processed: number; total: number };
    const before = await waitFor(async () => {
      const s = await status(first.url);
      return s.processed >= LINES / 6 && s;
    }, 60_000, 20);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    expect(before.processed).toBeLessThan(LINES);

    const second = await spawnServer(fixture, JOB_ENV);
    try {
      const done = await waitFor(async () => {
        const s = await status(second.url);
        return (s.status === 'done' || s.status === 'failed') && s;
      }, 90_000, 200);
      expect(done).toMatchObject({ status: 'done', processed: LINES, total: LINES });
      expect(second.output()).toMatch(/job resumed/);

      const out = (await (await fetch(`${second.url}/v1/jobs/${id}/results`, { headers: { authorization: `Bearer ${token}` } })).text()).trim().split('\n').map((l) => JSON.parse(l) as { id?: string; auditId?: string; line?: number });
      expect(out).toHaveLength(LINES);
      const answered = out.filter((o) => o.auditId);
      expect(answered.map((o) => o.id)).toEqual(batch('k', LINES).flatMap((l, i) => (typeof l === 'string' ? [] : [`k${i}`])));
      expect(out.filter((o) => o.line).map((o) => o.line)).toEqual([500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000, 5500, 6000]);

      const store = await fixture.open();
      try {
        const chain = await verifyAuditChain(store);
        expect(chain).toMatchObject({ ok: true, records: answered.length });
        for (const o of [answered[0]!, answered[Math.floor(answered.length / 2)]!, answered.at(-1)!]) {
          expect((await store.getAudit(o.auditId!))?.id).toBe(o.auditId);
        }
      } finally {
        await store.close();
      }
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
    }
  });
});

describe('two server processes on one PostgreSQL database', () => {
  it('both take jobs from the shared queue, and the audit chain they extend together verifies', { timeout: 120_000 }, async () => {
    const fixture = postgresFixture();
    fixtures.push(fixture);
    const token = await makeKey(fixture, 'assess');
    const env = { ...JOB_ENV, CHOKEPOINT_JOB_LEASE_SECONDS: '30' };
    const servers = [await spawnServer(fixture, env), await spawnServer(fixture, env)];
    try {
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await fetch(`${servers[i % 2]!.url}/v1/jobs`, ndjson(batch(`p${i}-`, 2000), token));
        ids.push(((await res.json()) as { id: string }).id);
      }
      const store = await fixture.open();
      try {
        const jobs = await waitFor(async () => {
          const all = await Promise.all(ids.map((id) => store.getJob(id)));
          return all.every((j) => j?.status === 'done') && all;
        }, 100_000, 200);
        const owners = new Set(jobs.map((j) => j!.owner!.split('-')[0]));
        expect(owners).toEqual(new Set(servers.map((s) => String(s.child.pid))));
        expect(await verifyAuditChain(store)).toMatchObject({ ok: true, records: 6 * (2000 - 4) });
      } finally {
        await store.close();
      }
    } finally {
      for (const s of servers) s.child.kill('SIGTERM');
      await Promise.all(servers.map((s) => new Promise((r) => s.child.once('exit', r))));
    }
  });
});
