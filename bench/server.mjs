// The reference server's POST /v1/assessments under load (autocannon), beside a bare Express route
// that parses the same JSON body and answers a small JSON object, on the same machine and in one run.
// Run alone with `node bench/server.mjs` (after a build); `pnpm bench` runs it after the engine runs.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const serverDir = join(root, 'apps', 'server');
const requireFromServer = createRequire(join(serverDir, 'package.json'));
const autocannon = requireFromServer('autocannon');

const SECONDS = Number(process.env.BENCH_SERVER_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_SERVER_CONNECTIONS ?? 50);
const BODY = JSON.stringify({ item: { id: 'gallium/metal' }, from: 'CN', to: 'US', date: '2025-01-15', endUse: 'civil' });

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

function load(url) {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY, connections: CONNECTIONS, duration: SECONDS },
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

/** Runs both loads and prints rates, p99 latencies and the ratio; returns the numbers. */
export async function runServerBench() {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-server-bench-'));
  try {
    const barePort = await freePort();
    const bare = await withProcess(['--input-type=module', '-e', BARE], { PORT: String(barePort) }, `http://127.0.0.1:${barePort}/`, () => load(`http://127.0.0.1:${barePort}/bare`));
    const port = await freePort();
    // The default deployment: SQLite store, audit trail, helmet, request logs (to /dev/null), metrics,
    // and a rate limiter set high enough not to refuse the load generator.
    const env = { PORT: String(port), HOST: '127.0.0.1', CHOKEPOINT_SQLITE_PATH: join(dir, 'bench.db'), CHOKEPOINT_RATE_LIMIT: '1000000000', LOG_LEVEL: 'info' };
    const served = await withProcess([join(serverDir, 'dist', 'main.js')], env, `http://127.0.0.1:${port}/healthz`, () => load(`http://127.0.0.1:${port}/v1/assessments`));
    for (const [name, r] of [['bare', bare], ['server', served]]) {
      if (r.non2xx || r.errors) throw new Error(`${name} load run: ${r.non2xx} non-2xx responses, ${r.errors} errors`);
    }
    const fmt = (n) => Math.round(n).toLocaleString('en-US');
    console.log(`\nreference server under load — autocannon, ${CONNECTIONS} connections, ${SECONDS} s each, same machine (load generator shares the cores)\n`);
    console.log(`${'route'.padEnd(52)}${'req/s'.padStart(10)}${'p99 ms'.padStart(10)}`);
    console.log(`${'bare Express 5: POST /bare (JSON in, JSON out)'.padEnd(52)}${fmt(bare.requests.average).padStart(10)}${String(bare.latency.p99).padStart(10)}`);
    console.log(`${'chokepoint server: POST /v1/assessments (audited)'.padEnd(52)}${fmt(served.requests.average).padStart(10)}${String(served.latency.p99).padStart(10)}`);
    const ratio = served.requests.average / bare.requests.average;
    console.log(`\nserver rate ÷ bare rate: ${ratio.toFixed(2)} (target ≥ 0.5, aim 0.8)`);
    return { bare: bare.requests.average, server: served.requests.average, ratio, p99: { bare: bare.latency.p99, server: served.latency.p99 } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runServerBench();
