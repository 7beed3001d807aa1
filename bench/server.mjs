// The reference server's POST /v1/assessments under load (autocannon), beside a bare Express route
// that parses the same JSON body and answers a small JSON object, on the same machine and in one run.
// Each request carries a different body from the varied stream (bench/stream.mjs), so no cache can
// answer it. Each round starts both processes, warms both up on a disjoint stream, then loads them in
// alternating two-second slices (BENCH_SERVER_SECONDS per side, rounded up to whole slices, at least
// two), so that both see the same load from the rest of the machine; the ratio is taken per round,
// BENCH_ROUNDS rounds. A slice loses the requests in flight at its end, about its latency's share of
// its length, so slices are not made shorter. Run alone with
// `node bench/server.mjs` (after a build); `pnpm bench` runs it after the engine runs.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { loadWorld, variedStream } from './stream.mjs';

const root = new URL('..', import.meta.url).pathname;
const serverDir = join(root, 'apps', 'server');
const requireFromServer = createRequire(join(serverDir, 'package.json'));
const autocannon = requireFromServer('autocannon');

const SECONDS = Number(process.env.BENCH_SERVER_SECONDS ?? 5);
const WARM_UP_SECONDS = 2;
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

/** Loads `url` for `seconds` with the next bodies of `stream` (a cursor over the bodies, shared across slices). */
function load(url, stream, seconds) {
  const setupRequest = (req) => ({ ...req, body: stream.bodies[stream.next++ % stream.bodies.length] });
  return new Promise((resolve, reject) => {
    autocannon(
      { url, method: 'POST', headers: { 'content-type': 'application/json' }, requests: [{ setupRequest }], connections: CONNECTIONS, duration: seconds },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
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
  return { stop };
}

/** A side's slices added up: requests per second over the time loaded, non-2xx, 5xx, errors, the worst p99. */
function total(slices) {
  const seconds = slices.reduce((n, r) => n + r.duration, 0);
  const requests = slices.reduce((n, r) => n + r.requests.total, 0);
  const sum = (key) => slices.reduce((n, r) => n + r[key], 0);
  return { requests: { average: requests / seconds, total: requests }, non2xx: sum('non2xx'), '5xx': sum('5xx'), errors: sum('errors'), latency: { p99: Math.max(...slices.map((r) => r.latency.p99)) } };
}

/** Runs both loads ROUNDS times, in alternating slices, and prints rates, p99 latencies and the ratio; returns the numbers. */
export async function runServerBench() {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-server-bench-'));
  const world = await loadWorld();
  const bodies = variedStream(world, 0x5e4e, 200_000).map((r) => JSON.stringify(r));
  const warmBodies = variedStream(world, 0xfeed5, 20_000).map((r) => JSON.stringify(r));
  try {
    const pairs = [];
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
        for (const side of Object.values(sides)) await load(side.url, warm, WARM_UP_SECONDS);
        const stream = { bodies, next: round * 50_000 };
        const order = round % 2 ? ['served', 'bare'] : ['bare', 'served'];
        for (let slice = 0; slice < SLICES; slice++) for (const name of order) sides[name].slices.push(await load(sides[name].url, stream, SLICE_SECONDS));
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
    console.log(`\nreference server under load — autocannon, ${CONNECTIONS} connections; ${ROUNDS} rounds of ${SLICES} alternating ${SLICE_SECONDS}-second slices per side after a ${WARM_UP_SECONDS} s warm-up each on a disjoint stream; a different body per request; the load generator shares the cores; load average now ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
    console.log(`${'route'.padEnd(56)}${'cache hit'.padStart(16)}${'req/s (best, median)'.padStart(24)}${'p99 ms'.padStart(10)}`);
    const row = (label, cache, runs) => console.log(`${label.padEnd(56)}${cache.padStart(16)}${`${fmt(Math.max(...runs.map((r) => r.requests.average)))}, ${fmt(median(runs.map((r) => r.requests.average)))}`.padStart(24)}${String(median(runs.map((r) => r.latency.p99))).padStart(10)}`);
    row('bare Express 5: POST /bare (JSON in, JSON out)', 'n/a', pairs.map((p) => p.bare));
    row('chokepoint server: POST /v1/assessments (audited)', '0 % (no cache)', pairs.map((p) => p.served));
    const non2xx = pairs.reduce((n, p) => n + p.served.non2xx, 0);
    const answered = pairs.reduce((n, p) => n + p.served.requests.total, 0);
    const ratios = pairs.map((p) => p.served.requests.average / p.bare.requests.average);
    console.log(`\nserver rate ÷ bare rate per round: ${ratios.map((x) => x.toFixed(2)).join(', ')} (median ${median(ratios).toFixed(2)}) — must hold ≥ 0.5, goal 0.8: ${median(ratios) >= 0.5 ? 'holds' : 'DOES NOT HOLD'}; ${(non2xx / answered * 100).toFixed(1)} % of server answers were 4xx (requests the engine refuses)`);
    return { ratios, pairs: pairs.map((p) => ({ bare: p.bare.requests.average, server: p.served.requests.average })) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runServerBench();
