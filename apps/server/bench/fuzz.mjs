#!/usr/bin/env node
// A bounded fuzzer for the reference server (#10): starts the built server (dist/main.js) on
// 127.0.0.1 with a fresh store, sends N hostile requests over every route, and checks that no answer is
// a 5xx, every error is a problem document with `errors` (every 400 naming a path), the process does not
// crash and its RSS stays within 2x of its value after warm-up; then runs `audit verify` on the store.
//
//   node apps/server/bench/fuzz.mjs [--requests 100000] [--store sqlite|postgres] [--concurrency 16] [--seed 1]
//
// Not part of CI (100,000 requests take a minute or two on two cores); test/fuzz.test.ts is the small one.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';

const { values: opt } = parseArgs({ options: { requests: { type: 'string', default: '100000' }, store: { type: 'string', default: 'sqlite' }, concurrency: { type: 'string', default: '16' }, seed: { type: 'string', default: '1' } } });
const TOTAL = Number(opt.requests);
const CONCURRENCY = Number(opt.concurrency);
const MAIN = new URL('../dist/main.js', import.meta.url).pathname;
const BIN = new URL('../dist/bin.js', import.meta.url).pathname;
const PG_URL = process.env.CHOKEPOINT_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const r = rng(Number(opt.seed));
const pick = (a) => a[Math.floor(r() * a.length)];

const GOOD = { item: { id: 'gallium/metal' }, from: 'CN', to: 'US', date: '2025-01-15' };
const HOSTILE_TEXT = ['\uD800', 'a\uDC00b', '\u0000', 'x\u0000y', '\uDBFF\uDFFF', '😀', 'x'.repeat(200_000), '金属镓', '', ' ', '%ZZ', '../../etc/passwd', '<script>'];
const IDS = [true, false, null, 0, -1, 1.5, 1e308, '', 'ok', '\uD800', '\u0000', [], [1], {}, { toString: 1 }, { a: 1 }, 'x'.repeat(5000)];
const PROTO = ['__proto__', 'constructor', 'prototype'];
/** Deep nesting as text (JSON.stringify itself overflows the stack on a few thousand levels). */
const nestedText = (depth, wrap) => (wrap === 'array' ? '['.repeat(depth) + '1' + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth));

/** A body as text: a mutation of a good request, of one of the kinds the issue lists. */
function hostileBody() {
  const b = structuredClone(GOOD);
  const kind = Math.floor(r() * 10);
  if (kind === 0) return `{"item":${nestedText(Math.floor(r() * 20000) + 33, pick(['object', 'array']))},"from":"CN","to":"US"}`;
  if (kind === 1) return JSON.stringify({ ...b, id: pick(HOSTILE_TEXT) });
  if (kind === 2) return JSON.stringify({ ...b, item: { name: pick(HOSTILE_TEXT) } });
  if (kind === 3) return `{"${pick(PROTO)}":{"x":1},"item":{"id":"gallium/metal","parameters":{"${pick(PROTO)}":1}},"from":"CN","to":"US"}`;
  if (kind === 4) return JSON.stringify({ ...b, id: pick(IDS) });
  if (kind === 5) return JSON.stringify({ ...b, endUser: { name: pick(HOSTILE_TEXT), owners: [{ name: pick(HOSTILE_TEXT), share: r() * 2 }] }, parties: [{ role: pick(['purchaser', 'x', 1]), name: pick(HOSTILE_TEXT) }] });
  if (kind === 6) return pick(['{', '[]', 'null', '1', '"x"', '{"a":', '\u0000', '{"id":"\\ud800"}', '{"id":"\\u0000"}']);
  if (kind === 7) return JSON.stringify({ ...b, [pick(['x', 'toString', 'hasOwnProperty', '\u0000', '\uD800'])]: 1 });
  if (kind === 8) return JSON.stringify({ ...b, id: `f${Math.floor(r() * 1e9)}` });
  return JSON.stringify({ ...b, to: pick(['US', 'DE', 'RU', 'XX', 1, null]), date: pick(['2025-01-15', '2025-02-30', 'x', 7]) });
}
const QUERY_TEXT = () => pick(['gallium', '%ED%A0%80', '%00', '%ZZ', 'x'.repeat(5000), '%ED%B0%80', '', '%C0%AF', 'a&q=b', '金属镓']);

function nextRequest(state) {
  const route = Math.floor(r() * 24);
  const json = (path, body, extra = {}) => ({ path, init: { method: 'POST', headers: { 'content-type': 'application/json', ...extra }, body } });
  const ndjson = (path, lines) => ({ path, init: { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: lines.join('\n') + '\n' } });
  switch (route) {
    case 0: case 1: case 2: case 3: case 4: return json('/v1/assessments', hostileBody());
    case 5: return json('/v1/assessments', hostileBody(), pick([{ 'content-encoding': 'zstd-ish' }, { 'content-encoding': 'gzip' }, { 'content-type': 'text/xml' }, {}]));
    case 6: case 7: return ndjson('/v1/assessments/batch', Array.from({ length: 1 + Math.floor(r() * 8) }, hostileBody));
    case 8: return r() < 0.05 ? ndjson('/v1/jobs', Array.from({ length: 3 }, hostileBody)) : { path: `/v1/jobs/${pick([state.job ?? 'x', randomUUIDish(), '%ZZ', '..'])}${pick(['', '/results'])}` };
    case 9: return json('/v1/exposure', pick([JSON.stringify({ site: 'US', chain: 'ndfeb-magnet-motors' }), `{"site":${JSON.stringify(pick(HOSTILE_TEXT))},"inputs":${nestedText(2000, 'array')}}`, `{"site":"US","${pick(PROTO)}":1}`, hostileBody()]));
    case 10: return { path: `/v1/taxonomy?q=${QUERY_TEXT()}${pick(['', '&limit=5', '&limit=x', '&q=2', '&__proto__=1'])}` };
    case 11: return { path: `/v1/taxonomy/${pick(['gallium/metal', '%ZZ', '%ED%A0%80', '%00', 'x'.repeat(3000), '..%2F..'])}` };
    case 12: return { path: `/v1/measures${pick(['', '?jurisdiction=CN', '?asOf=2025-02-30', '?item=%00', '?x=1', '?asOf=%ZZ'])}` };
    case 13: return { path: `/v1/measures/${pick(['cn-mofcom-2023-23', '%ZZ', '%00', 'x'.repeat(500)])}` };
    case 14: return { path: `/v1/changes${pick(['?from=2025-01-01&to=2025-12-31', '?from=x&to=y', '', '?from=2025-01-01&to=2025-12-31&jurisdiction=%00'])}` };
    case 15: return { path: pick(['/v1/plugins', '/v1/jurisdictions', '/v1/audit/head', '/healthz', '/readyz', '/openapi.json', '/v1/nothing', '/%ZZ']) };
    case 16: return { path: `/v1/assessments/${pick([state.audit ?? 'x', randomUUIDish(), '%ZZ', '%00'])}` };
    case 17: return { path: '/metrics' };
    case 18: return { path: pick(['/v1/data', '/v1/screenings']), init: r() < 0.5 ? undefined : { method: 'POST', headers: { 'content-type': 'application/json' }, body: pick([`{"name":"${pick(['Acme', '\\ud800', '\\u0000'])}"}`, `{"name":"x","lists":${nestedText(100, 'array')}}`]) } };
    case 19: return ndjson('/v1/screenings/batch', Array.from({ length: 1 + Math.floor(r() * 6) }, () => pick([JSON.stringify({ id: pick(IDS), name: pick(HOSTILE_TEXT), country: pick(['CN', 'XX', 1]) }), `{"name":"${pick(['Acme', '\\ud800', '\\u0000'])}"}`, hostileBody(), '{', 'null'])));
    case 20: {
      const query = pick(['', '?from=2025-01-01&to=2025-12-31', '?from=2025-02-30', '?to=x', '?from=%00', '?from=2026-12-31&to=2025-01-01', '?x=1']);
      return ndjson(`/v1/changes/portfolio${query}`, Array.from({ length: 1 + Math.floor(r() * 4) }, hostileBody));
    }
    // Always with a content (never a download): without one the route fetches the publishers' files.
    case 21: return json('/v1/admin/lists', JSON.stringify({ content: pick([...HOSTILE_TEXT, 1, null, ['x'], { a: 1 }, 'name,source\nAcme,x', '{"entries":[]}']), ...(r() < 0.5 ? { format: pick(['csl-json', 'csl-csv', 'cn-lists', 'x', 1]) } : {}), ...(r() < 0.3 ? { list: pick(HOSTILE_TEXT) } : {}), ...(r() < 0.3 ? { asOf: pick(['2026-01-01', '2026-02-30', 'x', 3]) } : {}) }));
    case 22: return { path: pick(['/', '/index.html', '/docs/', '/docs/swagger-ui.css', '/assets/nothing.js', '/assets/%ZZ', '/favicon.ico']) };
    default: return json('/v1/assessments', JSON.stringify({ ...GOOD, id: `g${Math.floor(r() * 1e9)}` }));
  }
}
function randomUUIDish() {
  const h = randomBytes(16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function rssOf(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-fuzz-'));
  const schema = `cp_fuzz_${randomBytes(5).toString('hex')}`;
  const storeEnv = opt.store === 'postgres' ? { DATABASE_URL: PG_URL, CHOKEPOINT_DB_SCHEMA: schema } : { CHOKEPOINT_SQLITE_PATH: join(dir, 'fuzz.db') };
  const env = { ...process.env, ...storeEnv, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', CHOKEPOINT_BATCH_LIMIT: '2mb' };
  delete env.CHOKEPOINT_RATE_LIMIT;
  if (opt.store !== 'postgres') delete env.DATABASE_URL;
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let crashed;
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  child.on('exit', (code, signal) => (crashed = { code, signal }));
  const url = await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no start:\n${out}`)), 60_000);
    child.stdout.on('data', () => { const m = /listening on (http:\/\/\S+)/.exec(out); if (m) { clearTimeout(t); resolve(m[1]); } });
  });

  const counts = {};
  const bodyLevel = {};
  const problems = [];
  const state = {};
  let sent = 0;
  let rssWarm = 0;
  let rssMax = 0;
  const started = Date.now();
  const warmUp = Math.min(5000, Math.floor(TOTAL / 10));
  async function worker() {
    while (sent < TOTAL && !crashed) {
      const n = sent++;
      if (n === warmUp) rssWarm = rssOf(child.pid);
      if (n > warmUp && n % 1000 === 0) rssMax = Math.max(rssMax, rssOf(child.pid));
      const { path, init } = nextRequest(state);
      let res;
      try {
        res = await fetch(url + path, init);
      } catch (err) {
        counts.network = (counts.network ?? 0) + 1;
        if (problems.length < 20) problems.push(`network error on ${path.slice(0, 80)}: ${err.cause?.code ?? err.message}`);
        continue;
      }
      counts[res.status] = (counts[res.status] ?? 0) + 1;
      const text = await res.text();
      if (res.status >= 500 && problems.length < 20) problems.push(`${res.status} on ${init?.method ?? 'GET'} ${path.slice(0, 80)}: ${text.slice(0, 200)}`);
      if (res.status >= 400) {
        let body;
        try { body = JSON.parse(text); } catch { body = undefined; }
        const isProblem = /application\/problem\+json/.test(res.headers.get('content-type') ?? '') && body && Array.isArray(body.errors) && body.errors.every((e) => typeof e.path === 'string' && typeof e.message === 'string');
        if (!isProblem) { counts.notProblem = (counts.notProblem ?? 0) + 1; if (problems.length < 20) problems.push(`not a problem document: ${res.status} ${path.slice(0, 80)}: ${text.slice(0, 120)}`); }
        else if (res.status === 400 && body.errors.some((e) => e.path === '')) {
          // A 400 that names the whole body rather than a field: listed by message, so each can be checked.
          counts.bodyLevel400 = (counts.bodyLevel400 ?? 0) + 1;
          const message = `${init?.method ?? 'GET'} ${path.split('?')[0].slice(0, 40)}: ${body.errors.find((e) => e.path === '').message.slice(0, 70)}`;
          bodyLevel[message] = (bodyLevel[message] ?? 0) + 1;
        }
      } else if (res.status === 200 && path === '/v1/assessments' && !state.audit) state.audit = JSON.parse(text).auditId;
      else if (res.status === 202 && !state.job) state.job = JSON.parse(text).id;
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (Date.now() - started) / 1000;
  rssMax = Math.max(rssMax, crashed ? 0 : rssOf(child.pid));
  child.kill('SIGTERM');
  await new Promise((resolve) => (crashed ? resolve() : child.once('exit', resolve)));
  const verify = await promisify(execFile)(process.execPath, [BIN, 'audit', 'verify'], { env }).then((x) => ({ code: 0, out: x.stdout.trim() }), (e) => ({ code: e.code, out: `${e.stdout}${e.stderr}`.trim() }));
  const fivexx = Object.entries(counts).filter(([s]) => /^5/.test(s)).reduce((a, [, n]) => a + n, 0);
  const report = {
    store: opt.store, requests: sent, seconds, perSecond: Math.round(sent / seconds), counts,
    fiveXX: fivexx, crashed: crashed && !(crashed.signal === 'SIGTERM' || crashed.code === 0) ? crashed : null,
    rssAfterWarmUpMB: Math.round(rssWarm / 2 ** 20), rssMaxMB: Math.round(rssMax / 2 ** 20), rssRatio: Math.round((rssMax / rssWarm) * 100) / 100,
    auditVerify: verify, bodyLevel400ByMessage: bodyLevel, problems,
  };
  console.log(JSON.stringify(report, null, 2));
  rmSync(dir, { recursive: true, force: true });
  if (opt.store === 'postgres') {
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_queue CASCADE`);
    await c.end();
  }
  const ok = fivexx === 0 && !report.crashed && !counts.notProblem && !counts.network && report.rssRatio <= 2 && verify.code === 0;
  process.exit(ok ? 0 : 1);
}
await main();
