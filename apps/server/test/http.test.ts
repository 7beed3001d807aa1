import { createServerEngine } from '../src/engine.js';
import { ValidationError } from '@chokepoint/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { auth, FIXTURES, GALLIUM, json, makeKey, ndjson, startTestServer, waitFor, type StoreFixture } from './support.js';

async function problemOf(res: Response, status: number): Promise<{ type: string; title: string; status: number; detail: string; errors?: { path: string; message: string }[] }> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as { type: string; title: string; status: number; detail: string; errors?: { path: string; message: string }[] };
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at |node_modules/);
  return body;
}

describe.each(FIXTURES)('reference server over HTTP with API keys on %s', (_kind, makeFixture) => {
  let fixture: StoreFixture;
  let server: RunningServer;
  let url: string;
  let read: string, assess: string, assess2: string, admin: string, limited: string;

  beforeAll(async () => {
    fixture = makeFixture();
    [read, assess, assess2, admin, limited] = [
      await makeKey(fixture, 'read'), await makeKey(fixture, 'assess'), await makeKey(fixture, 'assess'), await makeKey(fixture, 'admin'), await makeKey(fixture, 'read', 3),
    ];
    server = await startTestServer(fixture, { CHOKEPOINT_BATCH_LIMIT: '200kb', CHOKEPOINT_JOB_POLL_SECONDS: '0.5' });
    url = server.url;
  });
  afterAll(async () => {
    await server?.close();
    await fixture?.dispose();
  });

  it('runs on the store it was given', async () => {
    const res = await fetch(`${url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ready', store: fixture.kind, plugins: 4 });
  });

  it('GET / serves the web application, which names /docs and says it is not legal advice without JavaScript too', async () => {
    const res = await fetch(url);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('<div id="app"></div>');
    expect(html).toContain('href="/docs"');
    expect(html).toContain('not legal advice');
  });

  it('GET /healthz, /openapi.json and /docs need no key; security headers are set and CORS is off', async () => {
    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(health.headers.get('access-control-allow-origin')).toBeNull();
    const doc = (await (await fetch(`${url}/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, { security?: unknown }>> };
    expect(doc.openapi).toBe('3.0.3');
    for (const p of ['/v1/assessments', '/v1/assessments/batch', '/v1/assessments/{auditId}', '/v1/taxonomy', '/v1/taxonomy/{id}', '/v1/jurisdictions', '/v1/measures', '/v1/measures/{id}', '/v1/changes', '/v1/plugins', '/v1/jobs', '/v1/jobs/{jobId}', '/v1/jobs/{jobId}/results']) {
      expect(doc.paths, p).toHaveProperty([p]);
    }
    expect(doc.paths['/v1/measures']!.get!.security).toEqual([{ bearer: [] }]);
    const docs = await fetch(`${url}/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger-ui');
    const echoed = await fetch(`${url}/healthz`, { headers: { 'x-request-id': 'trace-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('trace-123');
  });

  it('401 without a key or with a wrong or malformed one', async () => {
    const none = await problemOf(await fetch(`${url}/v1/plugins`), 401);
    expect(none.detail).toContain('Bearer');
    await problemOf(await fetch(`${url}/v1/plugins`, auth(`ck_0123456789abcdef_${'A'.repeat(43)}`)), 401);
    await problemOf(await fetch(`${url}/v1/plugins`, auth('nonsense')), 401);
    await problemOf(await fetch(`${url}/v1/assessments`, json(GALLIUM)), 401);
  });

  it('403 when the role does not allow the call', async () => {
    const p = await problemOf(await fetch(`${url}/v1/assessments`, json(GALLIUM, read)), 403);
    expect(p.detail).toContain('assess role');
    await problemOf(await fetch(`${url}/v1/assessments/batch`, ndjson([GALLIUM], read)), 403);
    await problemOf(await fetch(`${url}/v1/jobs`, ndjson([GALLIUM], read)), 403);
  });

  it('POST /v1/assessments answers, stores the record, and GET /v1/assessments/{auditId} returns it to its caller and admins', async () => {
    const res = await fetch(`${url}/v1/assessments`, json({ ...GALLIUM, id: 'x' }, assess));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { id: string; verdict: string; auditId: string; jurisdictions: { plugin: { version: string } }[] };
    expect(body).toMatchObject({ id: 'x', date: '2025-01-15', item: { resolved: ['gallium/metal'] }, verdict: 'license_required' });
    expect(body.auditId).toMatch(/^[0-9a-f-]{36}$/);

    const rec = await fetch(`${url}/v1/assessments/${body.auditId}`, auth(assess));
    expect(rec.status).toBe(200);
    const record = (await rec.json()) as Record<string, unknown>;
    const { auditId: _a, ...answer } = body;
    expect(record).toMatchObject({ auditId: body.auditId, request: { ...GALLIUM, id: 'x' }, response: answer, hash: expect.stringMatching(/^[0-9a-f]{64}$/), prevHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(record.caller).toMatch(/^[0-9a-f]{16}$/);
    expect(Date.parse(record.time as string)).toBeGreaterThan(Date.now() - 60_000);
    expect(record.plugins).toEqual(expect.arrayContaining([expect.objectContaining({ name: '@chokepoint/plugin-cn-mofcom', dataVerifiedThrough: expect.any(String) })]));

    expect((await fetch(`${url}/v1/assessments/${body.auditId}`, auth(admin))).status).toBe(200);
    await problemOf(await fetch(`${url}/v1/assessments/${body.auditId}`, auth(assess2)), 403);
    await problemOf(await fetch(`${url}/v1/assessments/00000000-0000-4000-8000-000000000000`, auth(admin)), 404);
    const bad = await problemOf(await fetch(`${url}/v1/assessments/not-a-uuid`, auth(admin)), 400);
    expect(bad.errors).toEqual([{ path: 'auditId', message: 'expected a UUID' }]);
  });

  it('echoes a numeric id as a number on the single route, in a batch and in the stored record (CONTRACT §2 "echoed back")', async () => {
    const one = (await (await fetch(`${url}/v1/assessments`, json({ ...GALLIUM, id: 7 }, assess))).json()) as { id: unknown; auditId: string };
    expect(one.id).toBe(7);
    const text = (await (await fetch(`${url}/v1/assessments`, json({ ...GALLIUM, id: '7' }, assess))).json()) as { id: unknown };
    expect(text.id).toBe('7');
    const record = (await (await fetch(`${url}/v1/assessments/${one.auditId}`, auth(assess))).json()) as { request: { id: unknown }; response: { id: unknown } };
    expect([record.request.id, record.response.id]).toEqual([7, 7]);
    const lines = (await (await fetch(`${url}/v1/assessments/batch`, ndjson([{ ...GALLIUM, id: 8.5 }, { ...GALLIUM, id: 9, from: 'XX' }, { ...GALLIUM, id: 'ten' }], assess))).text()).trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; error?: unknown });
    expect(lines.map((l) => [l.id, l.error === undefined])).toEqual([[8.5, true], [9, false], ['ten', true]]);
  });

  it('answers a route named exactly and by any other spelling Express allows alike, with the same checks, under one metrics label', async () => {
    const exact = await fetch(`${url}/v1/assessments?x=1`, json({ ...GALLIUM, id: 'exact' }, assess));
    // A trailing slash and other letter case are not the route's exact path: Express's router runs them.
    const slash = await fetch(`${url}/v1/assessments/`, json({ ...GALLIUM, id: 'slash' }, assess));
    const upper = await fetch(`${url}/V1/Assessments`, json({ ...GALLIUM, id: 'upper' }, assess));
    const answers = (await Promise.all([exact, slash, upper].map((r) => r.json()))) as { id: string; verdict: string; auditId: string }[];
    expect([exact.status, slash.status, upper.status]).toEqual([200, 200, 200]);
    expect(answers.map((a) => [a.id, a.verdict])).toEqual([['exact', 'license_required'], ['slash', 'license_required'], ['upper', 'license_required']]);
    // The role check, the body's checks and the error handler run on the exact path as on the router's.
    await problemOf(await fetch(`${url}/v1/assessments`, json(GALLIUM, read)), 403);
    expect((await problemOf(await fetch(`${url}/v1/assessments`, json({ ...GALLIUM, from: 'XX' }, assess)), 400)).errors?.[0]?.path).toBe('from');
    await problemOf(await fetch(`${url}/v1/assessments/`, json(GALLIUM, read)), 403);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(Number(/chokepoint_http_requests_total\{method="POST",route="\/v1\/assessments",status="403"\} (\d+)/.exec(metrics)?.[1])).toBeGreaterThanOrEqual(2);
    expect(metrics).not.toMatch(/route="\/v1\/assessments\/"/);
  });

  it('POST /v1/exposure answers a plan with chokepoints first, and names a bad plan field', async () => {
    const plan = { name: 'NdFeB magnet plant in Texas', site: 'US', date: '2025-06-01', chain: 'ndfeb-magnet-motors', stages: ['magnet-manufacturing'], from: 'CN' };
    const res = await fetch(`${url}/v1/exposure`, json(plan, assess));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { plan: string; chokepoints: { item: { id: string }; verdict: string }[]; timeline: { measure: string }[] };
    expect(body.plan).toBe('NdFeB magnet plant in Texas');
    expect(body.chokepoints[0]).toMatchObject({ item: { id: 'tech/rare-earths/magnet-manufacturing' }, verdict: 'prohibited' });
    expect(body.timeline.map((t) => t.measure)).toContain('cn-mofcom-2025-18');
    const bad = await problemOf(await fetch(`${url}/v1/exposure`, json({ ...plan, stages: ['polishing'] }, assess)), 400);
    expect(bad.errors).toEqual([{ path: 'stages[0]', message: expect.stringContaining('"polishing" is not a stage of ndfeb-magnet-motors') }]);
    await problemOf(await fetch(`${url}/v1/exposure`, json(plan, read)), 403);
  });

  it('400 names the field with the engine’s own message', async () => {
    const engine = await createServerEngine();
    const input = { item: { hs: 'abc' }, from: 'CN', to: 'USA', date: '2025-02-30' };
    let expected: ValidationError | undefined;
    try {
      engine.assess(input);
    } catch (err) {
      expected = err as ValidationError;
    }
    expect(expected).toBeInstanceOf(ValidationError);
    const p = await problemOf(await fetch(`${url}/v1/assessments`, json(input, assess)), 400);
    expect(p.errors).toEqual(expected!.errors);
    expect(p.errors!.map((e) => e.path)).toEqual(expect.arrayContaining(['item.hs']));
    expect(p.detail).toBe(expected!.message);
  });

  it('400 for malformed JSON or a body that is not an object, 415 for a type not read as JSON, 413 for an oversized body', async () => {
    await problemOf(await fetch(`${url}/v1/assessments`, json('{"item":', assess)), 400);
    const arr = await problemOf(await fetch(`${url}/v1/assessments`, json([GALLIUM], assess)), 400);
    expect(arr.errors).toEqual([{ path: '', message: 'expected a JSON object' }]);
    await problemOf(await fetch(`${url}/v1/assessments`, json('null', assess)), 400);
    await problemOf(await fetch(`${url}/v1/assessments`, { method: 'POST', headers: { authorization: `Bearer ${assess}`, 'content-type': 'application/xml' }, body: JSON.stringify(GALLIUM) }), 415);
    const big = await problemOf(await fetch(`${url}/v1/assessments`, json({ ...GALLIUM, pad: 'x'.repeat(1_100_000) }, assess)), 413);
    expect(big.title).toBe('Payload Too Large');
    await problemOf(await fetch(`${url}/v1/assessments/batch`, ndjson(Array.from({ length: 3000 }, () => GALLIUM), assess)), 413);
  });

  it('reads a JSON body sent as text/plain, form-encoded or without a type (fetch and curl -d defaults) on the read-only routes', async () => {
    const answers: unknown[] = [];
    for (const type of ['text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', undefined]) {
      const headers: Record<string, string> = { authorization: `Bearer ${assess}`, ...(type ? { 'content-type': type } : {}) };
      // fetch sets text/plain for a string body unless told otherwise; a Blob without a type sends no Content-Type.
      const body = type ? JSON.stringify(GALLIUM) : new Blob([JSON.stringify(GALLIUM)]);
      const res = await fetch(`${url}/v1/assessments`, { method: 'POST', headers, body });
      expect(res.status, String(type)).toBe(200);
      const { auditId, ...answer } = (await res.json()) as { auditId: string };
      expect(auditId).toMatch(/\S/);
      answers.push(answer);
      const bad = await problemOf(await fetch(`${url}/v1/assessments`, { method: 'POST', headers, body: 'item=gallium' }), 400);
      expect(bad.errors).toEqual([{ path: '', message: 'expected a JSON object' }]);
    }
    const typed = (await (await fetch(`${url}/v1/assessments`, json(GALLIUM, assess))).json()) as { auditId?: string };
    delete typed.auditId;
    for (const a of answers) expect(a).toEqual(typed);
  });

  it('404 for an unknown route, taxonomy node or measure', async () => {
    await problemOf(await fetch(`${url}/nope`), 404);
    await problemOf(await fetch(`${url}/v1/nope`, auth(read)), 404);
    await problemOf(await fetch(`${url}/v1/taxonomy/gallium/unobtainium`, auth(read)), 404);
    await problemOf(await fetch(`${url}/v1/measures/no-such-measure`, auth(read)), 404);
    await problemOf(await fetch(`${url}/v1/jobs/00000000-0000-4000-8000-000000000000`, auth(read)), 404);
  });

  it('429 when a key exceeds its own rate limit, with RateLimit headers', async () => {
    for (let i = 0; i < 3; i++) expect((await fetch(`${url}/v1/plugins`, auth(limited))).status).toBe(200);
    const res = await fetch(`${url}/v1/plugins`, auth(limited));
    const p = await problemOf(res, 429);
    expect(p.title).toBe('Too Many Requests');
    expect(res.headers.get('ratelimit-policy')).toContain('q=3');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another key is not affected.
    expect((await fetch(`${url}/v1/plugins`, auth(read))).status).toBe(200);
  });

  it('GET /v1/taxonomy searches and GET /v1/taxonomy/{id} takes an ID with slashes', async () => {
    const hits = (await (await fetch(`${url}/v1/taxonomy?q=gallium`, auth(read))).json()) as { id: string }[];
    expect(hits.map((h) => h.id)).toContain('gallium');
    const node = (await (await fetch(`${url}/v1/taxonomy/gallium/metal`, auth(read))).json()) as { id: string; names: { en: string }; facts: unknown };
    expect(node).toMatchObject({ id: 'gallium/metal', names: { en: expect.any(String) }, facts: expect.any(Object) });
    const missing = await problemOf(await fetch(`${url}/v1/taxonomy`, auth(read)), 400);
    expect(missing.errors![0]!.path).toBe('q');
    const bad = await problemOf(await fetch(`${url}/v1/taxonomy/Not_An_Id`, auth(read)), 400);
    expect(bad.errors![0]!.path).toBe('id');
  });

  it('GET /v1/jurisdictions, /v1/plugins', async () => {
    const j = (await (await fetch(`${url}/v1/jurisdictions`, auth(read))).json()) as { countries: { code: string }[]; groups: { id: string }[] };
    expect(j.countries.map((c) => c.code)).toEqual(expect.arrayContaining(['CN', 'US', 'DE']));
    expect(j.groups.length).toBeGreaterThan(0);
    const plugins = (await (await fetch(`${url}/v1/plugins`, auth(read))).json()) as { jurisdiction: string; dataVerifiedThrough: string }[];
    expect(plugins.map((p) => p.jurisdiction).sort()).toEqual(['CN', 'EU', 'JP', 'US']);
  });

  it('GET /v1/compare lists an item under every regime with the parameters its entries turn on', async () => {
    type Compare = { regimes: { jurisdiction: string; entries: { code?: string; conditions?: string; parameters?: { name: string; prompt?: string }[] }[] }[] };
    const graphite = (await (await fetch(`${url}/v1/compare?id=graphite/artificial&date=2025-06-01`, auth(read))).json()) as Compare;
    const jp = graphite.regimes.find((r) => r.jurisdiction === 'JP')!.entries.find((e) => e.code === '2(4)')!;
    expect(jp.parameters!.map((p) => p.name)).toEqual(['massKg', 'boronEquivalentPpm', 'densityGPerCm3']);
    expect(jp.conditions).toContain('boronEquivalentPpm < 5');
    expect(jp.parameters!.every((p) => p.prompt)).toBe(true);
    // A regime's own code (item.codes) as code=JURISDICTION=CODE.
    const byCode = (await (await fetch(`${url}/v1/compare?code=${encodeURIComponent('JP=2(24)')}`, auth(read))).json()) as Compare;
    expect(byCode.regimes.find((r) => r.jurisdiction === 'JP')!.entries.map((e) => e.code)).toContain('2(24)');
    expect((await problemOf(await fetch(`${url}/v1/compare?date=2025-06-01`, auth(read)), 400)).errors![0]!.path).toBe('id');
    expect((await problemOf(await fetch(`${url}/v1/compare?hs=12`, auth(read)), 400)).errors![0]!.path).toBe('item.hs');
    expect((await problemOf(await fetch(`${url}/v1/compare?code=2(24)`, auth(read)), 400)).errors![0]!.path).toBe('code.0');
  });

  it('GET /v1/measures filters by jurisdiction, date and item; GET /v1/measures/{id} gives the status on a date', async () => {
    const cn = (await (await fetch(`${url}/v1/measures?jurisdiction=CN&asOf=2025-01-15`, auth(read))).json()) as { id: string; jurisdiction: string; status: string }[];
    expect(cn.length).toBeGreaterThan(0);
    expect(new Set(cn.map((m) => m.jurisdiction))).toEqual(new Set(['CN']));
    const gallium = (await (await fetch(`${url}/v1/measures?item=gallium/metal&asOf=2025-01-15`, auth(read))).json()) as { id: string }[];
    expect(gallium.length).toBeGreaterThan(0);
    expect(gallium.length).toBeLessThan((await (await fetch(`${url}/v1/measures`, auth(read))).json() as unknown[]).length);
    const one = (await (await fetch(`${url}/v1/measures/${cn[0]!.id}?asOf=2025-01-15`, auth(read))).json()) as { id: string; status: string };
    expect(one).toMatchObject({ id: cn[0]!.id, status: cn[0]!.status });
    const p = await problemOf(await fetch(`${url}/v1/measures?asOf=2025-13-01&colour=red`, auth(read)), 400);
    expect(p.errors).toEqual([{ path: 'asOf', message: 'expected a calendar date YYYY-MM-DD' }, { path: 'colour', message: 'is not a known parameter' }]);
    const unknown = await problemOf(await fetch(`${url}/v1/measures?jurisdiction=XX`, auth(read)), 400);
    expect(unknown.errors![0]!.path).toBe('jurisdiction');
    // The query parameter the caller sent is named, not the engine's option behind it (contract review N5).
    const noItem = await problemOf(await fetch(`${url}/v1/measures?item=no/such`, auth(read)), 400);
    expect(noItem.errors!.map((e) => e.path)).toEqual(['item']);
    // A parameter given twice is said so in words (contract review G1).
    const twice = await problemOf(await fetch(`${url}/v1/measures?jurisdiction=CN&jurisdiction=US`, auth(read)), 400);
    expect(twice.errors).toEqual([{ path: 'jurisdiction', message: 'given more than once: expected a single value' }]);
  });

  it('GET /v1/changes lists dated events in a window, oldest first', async () => {
    const changes = (await (await fetch(`${url}/v1/changes?from=2023-01-01&to=2025-12-31&jurisdiction=CN`, auth(read))).json()) as { date: string; event: string }[];
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.map((c) => c.date)).toEqual([...changes.map((c) => c.date)].sort());
    const p = await problemOf(await fetch(`${url}/v1/changes?from=2025-01-01`, auth(read)), 400);
    expect(p.errors![0]).toEqual({ path: 'to', message: 'required: expected a calendar date YYYY-MM-DD' });
    const search = await problemOf(await fetch(`${url}/v1/taxonomy`, auth(read)), 400);
    expect(search.errors![0]).toEqual({ path: 'q', message: 'required: expected the text to search for (a name, HS or CN code, CAS number or taxonomy ID)' });
    const inverted = await problemOf(await fetch(`${url}/v1/changes?from=2025-01-01&to=2024-01-01`, auth(read)), 400);
    expect(inverted.errors![0]!.path).toBe('from');
  });

  it('POST /v1/assessments/batch streams one line per input line, in order, with per-line errors', async () => {
    const res = await fetch(`${url}/v1/assessments/batch`, ndjson([{ ...GALLIUM, id: 'a' }, 'not json', '', { id: 'c', item: {}, from: 'CN', to: 'US' }, { ...GALLIUM, id: 'd', to: 'DE' }], assess));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: 'a', verdict: 'license_required', auditId: expect.any(String) });
    // CONTRACT §4: {"id":…,"line":N,"error":…}; the id is null when the line could not be read, as in the CLI.
    expect(lines[1]).toEqual({ id: null, line: 2, error: expect.objectContaining({ code: 'invalid_json' }) });
    expect(lines[2]).toMatchObject({ id: 'c', line: 4, error: { code: 'invalid_request', errors: [{ path: 'item' }] } });
    expect(lines[3]).toMatchObject({ id: 'd', auditId: expect.any(String) });
    const rec = await fetch(`${url}/v1/assessments/${lines[3]!.auditId as string}`, auth(assess));
    expect(((await rec.json()) as { request: { id: string } }).request.id).toBe('d');
  });

  it('jobs: upload, poll, download; results as the streamed batch', async () => {
    const input = Array.from({ length: 30 }, (_, i) => (i === 7 ? '{broken' : { ...GALLIUM, id: `j${i}` }));
    const res = await fetch(`${url}/v1/jobs`, ndjson(input, assess));
    expect(res.status).toBe(202);
    const job = (await res.json()) as { id: string; status: string; total: number; links: { self: string; results: string } };
    expect(job).toMatchObject({ total: 30, links: { self: `/v1/jobs/${job.id}` } });
    expect(res.headers.get('location')).toBe(`/v1/jobs/${job.id}`);
    const done = await waitFor(async () => {
      const j = (await (await fetch(`${url}${job.links.self}`, auth(assess))).json()) as { status: string; processed: number; failedLines: number };
      return j.status === 'done' && j;
    });
    expect(done).toMatchObject({ processed: 30, failedLines: 1 });
    await problemOf(await fetch(`${url}${job.links.self}`, auth(assess2)), 403);
    const out = (await (await fetch(`${url}${job.links.results}`, auth(assess))).text()).trim().split('\n').map((l) => JSON.parse(l) as { id?: string; line?: number });
    expect(out).toHaveLength(30);
    expect(out[7]).toMatchObject({ line: 8, error: { code: 'invalid_json' } });
    expect(out.filter((_, i) => i !== 7).map((o) => o.id)).toEqual(input.flatMap((_, i) => (i === 7 ? [] : [`j${i}`])));
    await problemOf(await fetch(`${url}/v1/jobs`, ndjson([], assess)), 400);
  });

  it('GET /metrics counts requests, latencies, verdicts and the job queue', async () => {
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toMatch(/chokepoint_http_requests_total\{method="POST",route="\/v1\/assessments",status="200"\} \d+/);
    expect(text).toMatch(/chokepoint_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/v1\/plugins"\} \d+/);
    expect(text).toMatch(/chokepoint_assessments_total\{verdict="license_required"\} \d+/);
    expect(text).toMatch(/chokepoint_assessments_total\{verdict="invalid"\} \d+/);
    expect(text).toMatch(/chokepoint_job_queue_depth 0/);
    expect(text).toContain('process_cpu_user_seconds_total');
    // The engine's sub-result memos (no answer cache): earlier tests assessed items, some of them twice.
    const hits = Number(/chokepoint_engine_memo_hits\{memo="item resolution"\} (\d+)/.exec(text)?.[1]);
    const misses = Number(/chokepoint_engine_memo_misses\{memo="item resolution"\} (\d+)/.exec(text)?.[1]);
    expect(misses).toBeGreaterThan(0);
    expect(hits).toBeGreaterThan(0);
  });
});

describe('without API keys', () => {
  it('binds to loopback only whatever HOST says, answers /v1 without a key, and allows CORS only when configured', async () => {
    const { sqliteFixture } = await import('./support.js');
    const fixture = sqliteFixture();
    const { startServer } = await import('../src/index.js');
    const { pino } = await import('pino');
    const server = await startServer({ port: 0, host: '0.0.0.0', env: { ...fixture.env, CHOKEPOINT_CORS_ORIGINS: 'https://app.example' }, handleSignals: false, logger: pino({ level: 'silent' }) });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${server.url}/v1/plugins`, { headers: { origin: 'https://app.example' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example');
      const other = await fetch(`${server.url}/v1/plugins`, { headers: { origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await server.close();
      await fixture.dispose();
    }
  });
});

describe.each(FIXTURES)('the first key, made while the server runs (#10.12) on %s', (_kind, makeFixture) => {
  it('is required on every /v1 call without a restart; the server does not go back when it is revoked', async () => {
    const fixture = makeFixture();
    const server = await startTestServer(fixture);
    try {
      expect((await fetch(`${server.url}/v1/plugins`)).status).toBe(200);
      const { runCli } = await import('../src/cli.js');
      let said = '';
      expect(await runCli(['keys', 'create', '--name', 'first', '--role', 'read'], fixture.env, (s) => (said += `${s}\n`))).toBe(0);
      expect(said).toMatch(/first active key.*within 5 seconds, without a restart.*loopback interface only.*restart it to listen on HOST/s);
      const token = /\n(ck_\S+)\n/.exec(said)![1]!;
      // The server looks for keys every few seconds: wait until it has seen this one.
      await waitFor(async () => (await fetch(`${server.url}/v1/plugins`)).status === 401);
      const refused = await fetch(`${server.url}/v1/assessments`, json(GALLIUM));
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toContain('Bearer');
      expect((await fetch(`${server.url}/v1/plugins`, auth(token))).status).toBe(200);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      // Revoking every key does not reopen the server to calls without one.
      const id = token.split('_')[1]!;
      expect(await runCli(['keys', 'revoke', id], fixture.env, () => undefined)).toBe(0);
      await waitFor(async () => (await fetch(`${server.url}/v1/plugins`, auth(token))).status === 401);
      expect((await fetch(`${server.url}/v1/plugins`)).status).toBe(401);
      // A second key is not announced as the first.
      let again = '';
      await runCli(['keys', 'create', '--name', 'second', '--role', 'read'], fixture.env, (s) => (again += s));
      await runCli(['keys', 'create', '--name', 'third', '--role', 'read'], fixture.env, (s) => (again = s));
      expect(again).not.toContain('first active key');
    } finally {
      await server.close();
      await fixture.dispose();
    }
  }, 60_000);
});
