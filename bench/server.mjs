// The reference server's POST /v1/assessments under load (autocannon), beside a bare Express route
// that parses the same JSON body and answers a small JSON object, on the same machine and in one run.
// Each request carries a different body from the varied stream (bench/stream.mjs), so no cache can
// answer it. Each round starts both processes, warms both up on a disjoint stream, then loads them in
// alternating two-second slices (BENCH_SERVER_SECONDS per side, rounded up to whole slices, at least
// two), so that both see the same load from the rest of the machine; the ratio is taken per round,
// BENCH_ROUNDS rounds. A slice loses the requests in flight at its end, about its latency's share of
// its length, so slices are not made shorter. The warm-up is a number of distinct requests
// (BENCH_SERVER_WARM, default 200,000 per side), not a time, so that the server is timed as a
// long-running one answers, like the engine in engine.mjs: on distinct requests the engine costs several
// times more in its first 50,000 answers than after 200,000 (V8 still compiling, the sub-result memos
// filling; engine.mjs prints that curve), and a warm-up that cycled a few thousand bodies would warm the
// compiler but leave the memos cold for the timed stream. A loaded machine would cut a timed warm-up short. Each side
// is also measured in requests per second of its own process's CPU time (every thread, read from
// /proc on Linux): other processes on a shared machine stretch wall time, not that. Run alone with
// `node bench/server.mjs` (after a build); `pnpm bench` runs it after the engine runs.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { statCpuSeconds } from './proc-cpu.mjs';
import { loadWorld, variedStream } from './stream.mjs';

const root = new URL('..', import.meta.url).pathname;
const serverDir = join(root, 'apps', 'server');
const requireFromServer = createRequire(join(serverDir, 'package.json'));
const autocannon = requireFromServer('autocannon');

const SECONDS = Number(process.env.BENCH_SERVER_SECONDS ?? 5);
const WARM_UP_REQUESTS = Number(process.env.BENCH_SERVER_WARM ?? 200_000);
const SLICE_SECONDS = 2;
const SLICES = Math.max(2, Math.ceil(SECONDS / SLICE_SECONDS));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_SERVER_CONNECTIONS ?? 50);

const BARE = `
import express from ${JSON.stringify(pathToFileURL(requireFromServer.resolve('express')).href)};
const app = express();
app.post('/bare', express.json(), (req, res) => res.json({ ok: true, to: req.body.to }));
app.listen(Number(process.env.PORT), '127.0.0.1');
`;

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function waitUntilUp(url) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

/** CPU seconds (user + system, every thread) a process has used so far, from /proc; undefined where there is no /proc. */
function processCpuSeconds(pid) {
  try {
    return statCpuSeconds(`/proc/${pid}/stat`);
  } catch {
    return undefined;
  }
}

/**
 * Loads `url` for `seconds` (or for `amount` requests) with the next bodies of `stream` (a cursor over
 * the bodies, shared across slices); adds `cpuSeconds`, the CPU time process `pid` used meanwhile.
 */
async function load(url, stream, seconds, pid, amount) {
  const setupRequest = (req) => ({ ...req, body: stream.bodies[stream.next++ % stream.bodies.length] });
  const cpuBefore = processCpuSeconds(pid);
  const result = await new Promise((resolve, reject) => {
    autocannon(
      { url, method: 'POST', headers: { 'content-type': 'application/json' }, requests: [{ setupRequest }], connections: CONNECTIONS, ...(amount ? { amount } : { duration: seconds }) },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
  });
  const cpuAfter = processCpuSeconds(pid);
  return { ...result, cpuSeconds: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
}

/** Starts a process and resolves once `url` answers; `stop()` ends it. */
async function startProcess(args, env, url) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
  };
  try {
    await waitUntilUp(url);
  } catch (err) {
    await stop();
    throw err;
  }
  return { stop, pid: child.pid };
}

/**
 * A side's slices added up: requests per second over the time loaded and per second of the process's
 * CPU time (undefined without /proc), non-2xx, 5xx, errors, the worst p99.
 */
function total(slices) {
  const seconds = slices.reduce((n, r) => n + r.duration, 0);
  const requests = slices.reduce((n, r) => n + r.requests.total, 0);
  const cpu = slices.some((r) => r.cpuSeconds === undefined) ? undefined : slices.reduce((n, r) => n + r.cpuSeconds, 0);
  const sum = (key) => slices.reduce((n, r) => n + r[key], 0);
  return { requests: { average: requests / seconds, total: requests }, perCpuSecond: cpu ? requests / cpu : undefined, non2xx: sum('non2xx'), '5xx': sum('5xx'), errors: sum('errors'), latency: { p99: Math.max(...slices.map((r) => r.latency.p99)) } };
}

/** The engine's memo hits and misses from the server's /metrics (`chokepoint_engine_memo_hits{memo="…"}`), by memo. */
async function memoCounts(port) {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const out = new Map();
  for (const [, kind, label, value] of text.matchAll(/^chokepoint_engine_memo_(hits|misses)\{memo="([^"]*)"\} (\d+)/gm)) {
    const m = out.get(label) ?? { hits: 0, misses: 0 };
    m[kind] = Number(value);
    out.set(label, m);
  }
  return out;
}

/** Adds to `totals` what each memo counted between two readings. */
function addMemoCounts(totals, before, after) {
  for (const [label, a] of after) {
    const b = before.get(label) ?? { hits: 0, misses: 0 };
    const t = totals.get(label) ?? { hits: 0, misses: 0 };
    totals.set(label, { hits: t.hits + a.hits - b.hits, misses: t.misses + a.misses - b.misses });
  }
}

/** Runs both loads ROUNDS times, in alternating slices, and prints rates, p99 latencies and the ratio; returns the numbers. */
export async function runServerBench() {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-server-bench-'));
  const world = await loadWorld();
  const bodies = variedStream(world, 0x5e4e, 200_000).map((r) => JSON.stringify(r));
  // As many warm-up bodies as warm-up requests: each is sent once.
  const warmBodies = variedStream(world, 0xfeed5, WARM_UP_REQUESTS).map((r) => JSON.stringify(r));
  try {
    const pairs = [];
    const memos = new Map();
    for (let round = 0; round < ROUNDS; round++) {
      const barePort = await freePort();
      const port = await freePort();
      // The default deployment: SQLite store, audit trail, helmet, request logs (to /dev/null), metrics,
      // and a rate limiter set high enough not to refuse the load generator.
      const env = { PORT: String(port), HOST: '127.0.0.1', CHOKEPOINT_SQLITE_PATH: join(dir, `bench-${round}.db`), CHOKEPOINT_RATE_LIMIT: '1000000000', LOG_LEVEL: 'info' };
      const sides = {
        bare: { url: `http://127.0.0.1:${barePort}/bare`, process: await startProcess(['--input-type=module', '-e', BARE], { PORT: String(barePort) }, `http://127.0.0.1:${barePort}/`), slices: [] },
        served: { url: `http://127.0.0.1:${port}/v1/assessments`, process: await startProcess([join(serverDir, 'dist', 'main.js')], env, `http://127.0.0.1:${port}/healthz`), slices: [] },
      };
      try {
        const warm = { bodies: warmBodies, next: 0 };
        for (const side of Object.values(sides)) await load(side.url, warm, 0, side.process.pid, WARM_UP_REQUESTS);
        const stream = { bodies, next: round * 50_000 };
        const order = round % 2 ? ['served', 'bare'] : ['bare', 'served'];
        const memosBefore = await memoCounts(port);
        for (let slice = 0; slice < SLICES; slice++) for (const name of order) sides[name].slices.push(await load(sides[name].url, stream, SLICE_SECONDS, sides[name].process.pid));
        addMemoCounts(memos, memosBefore, await memoCounts(port));
      } finally {
        await Promise.all(Object.values(sides).map((side) => side.process.stop()));
      }
      const bare = total(sides.bare.slices);
      const served = total(sides.served.slices);
      if (bare.non2xx || bare.errors) throw new Error(`bare load run: ${bare.non2xx} non-2xx responses, ${bare.errors} errors`);
      // A varied stream holds some requests the engine refuses (400): they are answers too, counted apart.
      if (served.errors || served['5xx']) throw new Error(`server load run: ${served['5xx']} 5xx responses, ${served.errors} errors`);
      pairs.push({ bare, served });
    }
    const fmt = (n) => Math.round(n).toLocaleString('en-US');
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(`\nreference server under load — autocannon, ${CONNECTIONS} connections; ${ROUNDS} rounds of ${SLICES} alternating ${SLICE_SECONDS}-second slices per side after a warm-up of ${fmt(WARM_UP_REQUESTS)} requests each on a disjoint stream; a different body per request; the load generator shares the cores; load average now ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
    console.log(`${'route'.padEnd(56)}${'cache hit'.padStart(16)}${'req/s wall (best, median)'.padStart(28)}${'req/CPU s (best, median)'.padStart(28)}${'p99 ms'.padStart(10)}`);
    const bestMedian = (xs) => (xs.some((x) => x === undefined) ? 'n/a (no /proc)' : `${fmt(Math.max(...xs))}, ${fmt(median(xs))}`);
    const row = (label, cache, runs) => console.log(`${label.padEnd(56)}${cache.padStart(16)}${bestMedian(runs.map((r) => r.requests.average)).padStart(28)}${bestMedian(runs.map((r) => r.perCpuSecond)).padStart(28)}${String(median(runs.map((r) => r.latency.p99))).padStart(10)}`);
    row('bare Express 5: POST /bare (JSON in, JSON out)', 'n/a', pairs.map((p) => p.bare));
    row('chokepoint server: POST /v1/assessments (audited)', '0 % (no cache)', pairs.map((p) => p.served));
    // No answer cache; the engine's bounded sub-result memos, read from the server's /metrics around the timed slices.
    console.log(`sub-result memo hit rates in the timed slices: ${[...memos].filter(([, m]) => m.hits + m.misses > 0).map(([label, m]) => `${label} ${(m.hits / (m.hits + m.misses) * 100).toFixed(1)} %`).join('; ') || 'n/a'}`);
    const non2xx = pairs.reduce((n, p) => n + p.served.non2xx, 0);
    const answered = pairs.reduce((n, p) => n + p.served.requests.total, 0);
    const ratios = pairs.map((p) => p.served.requests.average / p.bare.requests.average);
    const cpuRatios = pairs.every((p) => p.served.perCpuSecond && p.bare.perCpuSecond) ? pairs.map((p) => p.served.perCpuSecond / p.bare.perCpuSecond) : undefined;
    console.log(`\nper wall second: server rate ÷ bare rate per round: ${ratios.map((x) => x.toFixed(2)).join(', ')} (min ${Math.min(...ratios).toFixed(2)}, median ${median(ratios).toFixed(2)}) — must hold ≥ 0.5, goal 0.8: ${median(ratios) >= 0.5 ? 'holds' : 'DOES NOT HOLD'}`);
    if (cpuRatios) console.log(`per CPU second (each process's own): server ÷ bare per round: ${cpuRatios.map((x) => x.toFixed(2)).join(', ')} (min ${Math.min(...cpuRatios).toFixed(2)}, median ${median(cpuRatios).toFixed(2)}) — must hold ≥ 0.5, goal 0.8: ${median(cpuRatios) >= 0.5 ? 'holds' : 'DOES NOT HOLD'}`);
    console.log(`${(non2xx / answered * 100).toFixed(1)} % of server answers were 4xx (requests the engine refuses)`);
    return { ratios, cpuRatios, pairs: pairs.map((p) => ({ bare: p.bare.requests.average, server: p.served.requests.average, bareCpu: p.bare.perCpuSecond, serverCpu: p.served.perCpuSecond })) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runServerBench();
