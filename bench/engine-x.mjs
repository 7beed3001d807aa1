// In-process figures, run pinned to one core by run.mjs: the engine on the varied stream (the
// headline) and on the old repetitive stream, beside zen-engine, json-rules-engine and a plain Map
// over an equivalent decision table at two sizes. Every contestant is warmed up on a stream disjoint
// from the timed one (a fixed number of requests, however loaded the machine), then all are timed in
// interleaved rounds of fixed duration; the script prints one JSON object with each contestant's rate
// per round, per second of wall time and per second of CPU time.
import { readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../packages/core/dist/index.js';
import { mapLookup, rulesEngine, tableInputs, tableRows, zenDecision } from './peers.mjs';
import { statCpuSeconds } from './proc-cpu.mjs';
import { loadWorld, prng, repeatShare, repetitiveStream, variedStream } from './stream.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
// Each timed round of the engine gets a stream of its own, longer than a round answers: no request is answered
// twice, so the sub-result memos see only what a stream of distinct requests gives them.
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 250_000);
const CHUNK = 64;
// The engine is timed where it settles, as a long-running host (a server, a large batch) answers: on distinct requests
// an answer costs about four times as much in the first 50,000 requests as after 400,000 (V8 keeps optimising, and
// re-optimising after deoptimisations, for hundreds of thousands of requests; the name memos fill). The warm-up is
// that long, counted in requests (a loaded machine would otherwise cut it short), on windows of a stream disjoint
// from the timed ones; each window's CPU cost per answer is printed, so the cold start is in the output too.
const WARM = Number(process.env.BENCH_WARM ?? 500_000);
const WARM_WINDOW = 50_000;

const world = await loadWorld();
const engine = createEngine({ taxonomy: world.taxonomy, plugins: world.plugins });
const varied = variedStream(world, 0xc0ffee, REQUESTS);
const repetitive = repetitiveStream(REQUESTS);

/** CPU seconds this process used since `since` (every thread: the engine's, the garbage collector's, a native peer's). */
const cpuSeconds = (since) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

/**
 * CPU seconds used so far by this process's main thread and by its other threads (V8's optimising compiler and
 * garbage-collector helpers; the engine starts no threads of its own), from /proc on Linux; undefined elsewhere.
 */
function threadCpuSeconds() {
  try {
    let main = 0;
    let other = 0;
    for (const tid of readdirSync('/proc/self/task')) {
      const seconds = statCpuSeconds(`/proc/self/task/${tid}/stat`);
      if (Number(tid) === process.pid) main += seconds;
      else other += seconds;
    }
    return { main, other };
  } catch {
    return undefined;
  }
}

/** The share of the CPU time between two {@link threadCpuSeconds} readings that other threads than the main one used. */
function backgroundShare(before, after) {
  if (!before || !after) return undefined;
  const main = after.main - before.main;
  const other = after.other - before.other;
  return main + other > 0 ? other / (main + other) : undefined;
}

/**
 * Answers requests in order until `SECONDS` pass; returns answers per second of wall time and of CPU
 * time (on a shared machine other processes stretch the first, not the second), and the verdicts seen.
 */
function timeSync(requests, answer) {
  const verdicts = {};
  const threads = threadCpuSeconds();
  const cpu = process.cpuUsage();
  const start = performance.now();
  let n = 0;
  let elapsed = 0;
  while (elapsed < SECONDS * 1000) {
    for (let k = 0; k < 256; k++) {
      const v = answer(requests[n % requests.length]);
      verdicts[v] = (verdicts[v] ?? 0) + 1;
      n++;
    }
    elapsed = performance.now() - start;
  }
  return { rate: n / (elapsed / 1000), cpuRate: n / cpuSeconds(cpu), answered: n, verdicts, wrapped: n > requests.length, background: backgroundShare(threads, threadCpuSeconds()) };
}

/** The same for peers whose API is asynchronous: `CHUNK` evaluations in flight at a time. */
async function timeAsync(inputs, answer) {
  const verdicts = {};
  const cpu = process.cpuUsage();
  const start = performance.now();
  let n = 0;
  let elapsed = 0;
  while (elapsed < SECONDS * 1000) {
    const batch = [];
    for (let k = 0; k < CHUNK; k++) batch.push(answer(inputs[(n + k) % inputs.length]));
    for (const v of await Promise.all(batch)) verdicts[v] = (verdicts[v] ?? 0) + 1;
    n += CHUNK;
    elapsed = performance.now() - start;
  }
  return { rate: n / (elapsed / 1000), cpuRate: n / cpuSeconds(cpu), answered: n, verdicts };
}

/** Warm-up by work, not by time (a loaded machine would otherwise cut it short): every request once. */
function warmSync(requests, answer) {
  for (const r of requests) answer(r);
}

/**
 * The engine's warm-up: `WARM` requests in windows of `WARM_WINDOW`, each window a stream of its own seed (drawn before
 * its clock starts, and dropped after), disjoint from the timed streams. Returns each window's CPU microseconds per answer.
 */
function warmEngine() {
  const perAnswer = [];
  for (let done = 0, window = 0; done < WARM; done += WARM_WINDOW, window++) {
    const requests = variedStream(world, 0xbeef + window, Math.min(WARM_WINDOW, WARM - done));
    const cpu = process.cpuUsage();
    warmSync(requests, assess);
    perAnswer.push((cpuSeconds(cpu) * 1e6) / requests.length);
  }
  return perAnswer;
}
let warmCurve = [];

/** The same for the asynchronous peers, `CHUNK` in flight at a time. */
async function warmAsync(inputs, answer) {
  for (let i = 0; i < inputs.length; i += CHUNK) await Promise.all(inputs.slice(i, i + CHUNK).map(answer));
}

const assess = (r) => {
  try {
    return engine.assess(r).verdict;
  } catch {
    return 'invalid';
  }
};

/**
 * The engine keeps no answers; it keeps bounded memos of sub-results (item resolution, candidate entries, party
 * screening). Their hits and misses during a contestant's timed runs, summed by memo.
 */
const memoCounts = () => new Map(engine.memoStatistics().map((m) => [m.label, { hits: m.hits, misses: m.misses }]));
function withMemoCounts(key, run) {
  return () => {
    const before = memoCounts();
    const result = run();
    const totals = (memos[key] ??= {});
    for (const [label, after] of memoCounts()) {
      const b = before.get(label) ?? { hits: 0, misses: 0 };
      const t = (totals[label] ??= { hits: 0, misses: 0 });
      t.hits += after.hits - b.hits;
      t.misses += after.misses - b.misses;
    }
    return result;
  };
}
const memos = {};
// The engine's varied rounds: the first on `varied`, each later one on a fresh stream of its own seed, drawn before
// its clock starts.
let variedRound = 0;
const nextVaried = () => (variedRound++ === 0 ? varied : variedStream(world, 0xc0ffee + variedRound, REQUESTS));
const contestants = [
  { key: 'engineVaried', label: 'chokepoint engine.assess, varied stream', cache: '0 % (no cache)', run: withMemoCounts('engineVaried', () => timeSync(nextVaried(), assess)), warm: () => { warmCurve = warmEngine(); } },
  { key: 'engineRepetitive', label: 'chokepoint engine.assess, old repetitive stream', cache: '0 % (no cache)', run: withMemoCounts('engineRepetitive', () => timeSync(repetitive, assess)), warm: () => warmSync(repetitiveStream(20_000).map((r) => ({ ...r, id: `w${r.id}` })), assess) },
];
const rand = prng(7);
const tables = {};
// The peers' warm-up requests, translated below into each table's inputs.
const peerWarm = variedStream(world, 0xbeef, 20_000);
for (const size of (process.env.SIZES === '' ? [] : (process.env.SIZES ?? '200,4000').split(',').map(Number))) {
  const rows = tableRows(world.plugins, world.taxonomy, size);
  tables[size] = rows.length;
  const inputs = tableInputs(varied, rows, world.taxonomy, rand);
  const warmInputs = tableInputs(peerWarm, rows, world.taxonomy, rand);
  const zen = zenDecision(rows);
  const jre = rulesEngine(rows);
  const map = mapLookup(rows);
  contestants.push(
    { key: `zen${size}`, label: `zen-engine 0.54 decision table, ${rows.length} rows`, cache: 'n/a', run: () => timeAsync(inputs, zen), warm: () => warmAsync(warmInputs, zen) },
    { key: `jre${size}`, label: `json-rules-engine 7, ${rows.length} rules`, cache: 'n/a', run: () => timeAsync(inputs, jre), warm: () => warmAsync(warmInputs.slice(0, 200), jre) },
    { key: `map${size}`, label: `plain Map lookup, ${rows.length} rows`, cache: 'n/a', run: () => timeSync(inputs, map), warm: () => warmSync(warmInputs, map) },
  );
}

for (const c of contestants) await c.warm();
const rounds = contestants.map(() => []);
for (let r = 0; r < ROUNDS; r++) {
  // Rotate the order each round so that no contestant always runs first or last.
  for (let k = 0; k < contestants.length; k++) {
    const i = (k + r) % contestants.length;
    rounds[i].push(await contestants[i].run());
  }
}
process.stdout.write(JSON.stringify({
  repeatShare: { varied: repeatShare(varied), repetitive: repeatShare(repetitive) },
  tables,
  warm: WARM,
  warmWindow: WARM_WINDOW,
  warmCurve,
  memos,
  requests: REQUESTS,
  results: contestants.map((c, i) => ({ key: c.key, label: c.label, cache: c.cache, rates: rounds[i].map((x) => x.rate), cpuRates: rounds[i].map((x) => x.cpuRate), answered: rounds[i].map((x) => x.answered), wrapped: rounds[i].some((x) => x.wrapped), background: rounds[i].map((x) => x.background), verdicts: rounds[i][0].verdicts })),
}));
