import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { FIXTURES, makeKey, postgresFixture, startTestServer, type StoreFixture } from './support.js';

const fixtures = join(import.meta.dirname, '../../../packages/lists/test/fixtures');

describe.each(FIXTURES)('lists, screening, data and portfolio changes (%s)', { timeout: 60_000 }, (_kind, make) => {
  let fixture: StoreFixture;
  let server: RunningServer;
  let admin: string;
  let amendments: string;
  const call = (path: string, init: RequestInit & { token?: string } = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${init.token ?? admin}`, ...(init.headers ?? {}) } });

  beforeAll(async () => {
    fixture = make();
    admin = await makeKey(fixture, 'admin');
    amendments = await mkdtemp(join(tmpdir(), 'cp-amend-'));
    server = await startTestServer(fixture, { CHOKEPOINT_AMENDMENTS: amendments, CHOKEPOINT_RELOAD_SECONDS: '0' });
  });
  afterAll(async () => {
    await server?.close();
    await fixture?.dispose();
  });

  it('imports a CSL file through the admin route, then screens and assesses with it', async () => {
    const content = await readFile(join(fixtures, 'csl.json'), 'utf8');
    const update = await call('/v1/admin/lists', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ content }) });
    expect(update.status).toBe(200);
    expect(((await update.json()) as { list: string; added: string[] }[]).find((d) => d.list === 'us-entity-list')!.added).toHaveLength(2);

    const screen = await call('/v1/screenings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 's1', name: 'АО Волга Авионика' }) });
    expect(screen.status).toBe(200);
    expect(((await screen.json()) as { matches: { list: string }[] }).matches[0]!.list).toBe('us-meu-list');

    const data = (await (await call('/v1/data')).json()) as { lists: { id: string; origin: string; asOf: string }[] };
    expect(data.lists.find((l) => l.id === 'us-entity-list')).toMatchObject({ origin: 'imported', asOf: '2026-11-28' });

    const assess = await call('/v1/assessments', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ item: { id: 'gallium/metal' }, from: 'US', to: 'HK', date: '2026-12-01', endUser: { name: 'Golden Lotus Electronics Trading' } }) });
    const answer = (await assess.json()) as { auditId: string; jurisdictions: { jurisdiction: string; verdict: string }[]; data: { plugin: string; lists: { id: string; origin: string }[] }[] };
    expect(answer.jurisdictions.find((j) => j.jurisdiction === 'US')!.verdict).toBe('needs_information');
    const record = (await (await call(`/v1/assessments/${answer.auditId}`)).json()) as { response: { data: unknown } };
    expect(record.response.data).toEqual(answer.data);
  });

  it('refuses a bad file naming line and field, and keeps the lists in use', async () => {
    const content = await readFile(join(fixtures, 'csl-bad.csv'), 'utf8');
    const bad = await call('/v1/admin/lists', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ content }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['line 3 start_date', 'line 4 name']);
    const csl = await readFile(join(fixtures, 'csl.csv'), 'utf8');
    const notCarried = await call('/v1/admin/lists', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ content: csl, list: 'nolist' }) });
    expect(notCarried.status).toBe(400);
    const problem = (await notCarried.json()) as { detail: string; errors: { path: string; message: string }[] };
    expect(problem.detail).toMatch(/^list nolist: not in the file; it has .*us-entity-list/);
    expect(problem.errors).toEqual([{ path: 'list', message: expect.stringMatching(/^nolist: not in the file/) }]);
    const unreachable = await call('/v1/admin/lists', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: 'http://127.0.0.1:1/consolidated.json' }) });
    expect(unreachable.status).toBe(502);
    const data = (await (await call('/v1/data')).json()) as { lists: { id: string; entries: number }[] };
    expect(data.lists.find((l) => l.id === 'us-entity-list')!.entries).toBe(2);
  });

  it('answers 415 naming Content-Type to a list import not sent as JSON (a raw file is not read as {}) and to a screening of another type', async () => {
    const raw = await readFile(join(fixtures, 'csl.csv'), 'utf8');
    for (const [path, type, body] of [['/v1/admin/lists', 'text/plain', raw], ['/v1/screenings', 'application/xml', '{"name":"Huawei"}']] as const) {
      const res = await call(path, { method: 'POST', headers: { 'content-type': type }, body });
      expect(res.status, path).toBe(415);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(((await res.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('Content-Type');
    }
    // A screening is read-only: its JSON sent as text/plain (fetch's default for a string body) is read.
    const plain = await call('/v1/screenings', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"name":"Huawei"}' });
    expect(plain.status).toBe(200);
    expect(((await plain.json()) as { matches: unknown[] }).matches.length).toBeGreaterThan(0);
  });

  it('screens a batch and answers portfolio changes line by line', async () => {
    const batch = await call('/v1/screenings/batch', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: '{"name":"Huawei"}\n{"name":""}\nnot json\n' });
    const lines = (await batch.text()).trim().split('\n').map((l) => JSON.parse(l) as { error?: { code: string } });
    expect(lines).toHaveLength(3);
    expect(lines[1]!.error!.code).toBe('invalid_request');
    expect(lines[2]!.error!.code).toBe('invalid_json');
    const portfolio = await call('/v1/changes/portfolio?from=2026-01-01&to=2026-12-31', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: '{"id":"a","item":{"id":"gallium/metal"},"from":"CN","to":"US"}\n{"id":"b","item":{}}\n' });
    const out = (await portfolio.text()).trim().split('\n').map((l) => JSON.parse(l) as { id: string; on?: unknown; error?: unknown });
    expect(out[0]).toMatchObject({ id: 'a', on: expect.any(String), onDate: '2026-01-01' });
    expect(out[1]).toMatchObject({ id: 'b', error: { code: 'invalid_request' } });
  });

  it('reloads amendments without a restart and names them in data', async () => {
    const before = (await (await call('/v1/measures/us-ear-2025-affiliates-rule?asOf=2026-12-01')).json()) as { status: string };
    expect(before.status).toBe('in_force');
    await writeFile(join(amendments, 'stay.json'), JSON.stringify({
      id: 'stay-extended', plugin: 'US', source: { url: 'https://example.org/test', publisher: 'Test fixture', date: '2026-11-09' },
      statusEvents: [{ measure: 'us-ear-2025-affiliates-rule', event: 'suspension', from: '2025-11-10', to: '2027-01-10', by: 'Test notice' }],
    }));
    await call('/v1/admin/lists', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ content: await readFile(join(fixtures, 'cn-lists.json'), 'utf8') }) });
    const after = (await (await call('/v1/measures/us-ear-2025-affiliates-rule?asOf=2026-12-01')).json()) as { status: string };
    expect(after.status).toBe('suspended');
    const data = (await (await call('/v1/data')).json()) as { amendments: { id: string }[] };
    expect(data.amendments.map((a) => a.id)).toEqual(['stay-extended']);
  });
});

describe('two servers on one PostgreSQL share the imported lists', { timeout: 60_000 }, () => {
  it('a list imported through one is used by the other after its reload check', async () => {
    const fixture = postgresFixture();
    const admin = await makeKey(fixture, 'admin');
    const one = await startTestServer(fixture, { CHOKEPOINT_RELOAD_SECONDS: '0' });
    const two = await startTestServer(fixture, { CHOKEPOINT_RELOAD_SECONDS: '1' });
    try {
      const headers = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
      await fetch(`${one.url}/v1/admin/lists`, { method: 'POST', headers, body: JSON.stringify({ content: await readFile(join(fixtures, 'csl.csv'), 'utf8'), asOf: '2026-12-01' }) });
      let entries = 0;
      for (let i = 0; i < 40 && entries !== 1; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const data = (await (await fetch(`${two.url}/v1/data`, { headers })).json()) as { lists: { id: string; entries: number; origin: string }[] };
        entries = data.lists.find((l) => l.id === 'us-denied-persons' && l.origin === 'imported')?.entries ?? 0;
      }
      expect(entries).toBe(1);
    } finally {
      await one.close();
      await two.close();
      await fixture.dispose();
    }
  });
});
