// The reference server's POST /v1/assessments under load (autocannon), beside a bare Express route
// that parses the same JSON body and answers a small JSON object, on the same machine and in one run.
// Each request carries a different body from the varied stream (bench/stream.mjs), so no cache can
// answer it; the pair is run BENCH_ROUNDS times, interleaved. Run alone with `node bench/server.mjs`
// (after a build); `pnpm bench` runs it after the engine runs.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { loadWorld, variedStream } from './stream.mjs';

const root = new URL('..', import.meta.url).pathname;
const serverDir = join(root, 'apps', 'server');
const requireFromServer = createRequire(join(serverDir, 'package.json'));
const autocannon = requireFromServer('autocannon');

const SECONDS = Number(process.env.BENCH_SERVER_SECONDS ?? 5);
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

function load(url, bodies) {
  let next = 0;
  const setupRequest = (req) => ({ ...req, body: bodies[next++ % bodies.length] });
  return new Promise((resolve, reject) => {
    autocannon(
      { url, method: 'POST', headers: { 'content-type': 'application/json' }, requests: [{ setupRequest }], connections: CONNECTIONS, duration: SECONDS },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

async function withProcess(args, env, url, work) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    await waitUntilUp(url);
    return await work();
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

/** Runs both loads ROUNDS times, interleaved, and prints rates, p99 latencies and the ratio; returns the numbers. */
export async function runServerBench() {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-server-bench-'));
  const world = await loadWorld();
  const bodies = variedStream(world, 0x5e4e, 200_000).map((r) => JSON.stringify(r));
  try {
    const pairs = [];
    for (let round = 0; round < ROUNDS; round++) {
      const barePort = await freePort();
      const bare = await withProcess(['--input-type=module', '-e', BARE], { PORT: String(barePort) }, `http://127.0.0.1:${barePort}/`, () => load(`http://127.0.0.1:${barePort}/bare`, bodies));
      const port = await freePort();
      // The default deployment: SQLite store, audit trail, helmet, request logs (to /dev/null), metrics,
      // and a rate limiter set high enough not to refuse the load generator.
      const env = { PORT: String(port), HOST: '127.0.0.1', CHOKEPOINT_SQLITE_PATH: join(dir, `bench-${round}.db`), CHOKEPOINT_RATE_LIMIT: '1000000000', LOG_LEVEL: 'info' };
      const served = await withProcess([join(serverDir, 'dist', 'main.js')], env, `http://127.0.0.1:${port}/healthz`, () => load(`http://127.0.0.1:${port}/v1/assessments`, bodies));
      if (bare.non2xx || bare.errors) throw new Error(`bare load run: ${bare.non2xx} non-2xx responses, ${bare.errors} errors`);
      // A varied stream holds some requests the engine refuses (400): they are answers too, counted apart.
      if (served.errors || served['5xx']) throw new Error(`server load run: ${served['5xx']} 5xx responses, ${served.errors} errors`);
      pairs.push({ bare, served });
    }
    const fmt = (n) => Math.round(n).toLocaleString('en-US');
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(`\nreference server under load — autocannon, ${CONNECTIONS} connections, ${SECONDS} s each, ${ROUNDS} interleaved pairs, a different body per request; the load generator shares the cores\n`);
    console.log(`${'route'.padEnd(56)}${'cache hit'.padStart(16)}${'req/s (best, median)'.padStart(24)}${'p99 ms'.padStart(10)}`);
    const row = (label, cache, runs) => console.log(`${label.padEnd(56)}${cache.padStart(16)}${`${fmt(Math.max(...runs.map((r) => r.requests.average)))}, ${fmt(median(runs.map((r) => r.requests.average)))}`.padStart(24)}${String(median(runs.map((r) => r.latency.p99))).padStart(10)}`);
    row('bare Express 5: POST /bare (JSON in, JSON out)', 'n/a', pairs.map((p) => p.bare));
    row('chokepoint server: POST /v1/assessments (audited)', '0 % (no cache)', pairs.map((p) => p.served));
    const non2xx = pairs.reduce((n, p) => n + p.served.non2xx, 0);
    const total = pairs.reduce((n, p) => n + p.served.requests.total, 0);
    const ratios = pairs.map((p) => p.served.requests.average / p.bare.requests.average);
    console.log(`\nserver rate ÷ bare rate per pair: ${ratios.map((x) => x.toFixed(2)).join(', ')} (median ${median(ratios).toFixed(2)}) — must hold ≥ 0.5, goal 0.8: ${median(ratios) >= 0.5 ? 'holds' : 'DOES NOT HOLD'}; ${(non2xx / total * 100).toFixed(1)} % of server answers were 4xx (requests the engine refuses)`);
    return { ratios, pairs: pairs.map((p) => ({ bare: p.bare.requests.average, server: p.served.requests.average })) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runServerBench();
