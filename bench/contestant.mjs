// One contestant of the engine section in a process of its own (forked by engine.mjs): the engine on the varied or
// the repetitive stream, or one peer (zen-engine, json-rules-engine, a plain Map) at one table size. The process
// builds its contestant, warms it up on a stream disjoint from the timed one, tells the parent it is ready, then times
// one round each time the parent asks. A process of its own per contestant keeps each one's heap, garbage and compiled
// code to itself: sharing one process, the peers' garbage was collected inside the engine's timed rounds (an engine
// round after two seconds of json-rules-engine cost up to a third more per answer than one after the engine's own).
import { readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../packages/core/dist/index.js';
import { mapLookup, rulesEngine, tableInputs, tableRows, zenDecision } from './peers.mjs';
import { statCpuSeconds } from './proc-cpu.mjs';
import { STREAM_REQUESTS, loadWorld, prng, repetitiveStream, variedStream } from './stream.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
// Each timed round of the engine gets a stream of its own, longer than a round answers: no request is answered
// twice, so the sub-result memos see only what a stream of distinct requests gives them.
const CHUNK = 64;
// The engine is timed where it settles, as a long-running host (a server, a large batch) answers: on distinct requests
// an answer costs about four times as much in the first 50,000 requests as after 400,000 (V8 keeps optimising, and
// re-optimising after deoptimisations, for hundreds of thousands of requests; the name memos fill). The warm-up is
// that long, counted in requests (a loaded machine would otherwise cut it short), on windows of a stream disjoint
// from the timed ones; each window's CPU cost per answer is reported, so the cold start is in the output too.
const WARM = Number(process.env.BENCH_WARM ?? 500_000);
const WARM_WINDOW = 50_000;
const VARIED_SEED = 0xc0ffee;

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

/** The same for the asynchronous peers, `CHUNK` in flight at a time. */
async function warmAsync(inputs, answer) {
  for (let i = 0; i < inputs.length; i += CHUNK) await Promise.all(inputs.slice(i, i + CHUNK).map(answer));
}

/**
 * The engine on one stream kind; its warm-up curve, and the hits and misses of its bounded memos of sub-results in the
 * timed rounds. With `only`, the engine has that one regime's plugin (`none`: no plugin at all, the floor every answer
 * pays: validation, item resolution, the answer's own parts), to say what each regime adds to an answer.
 */
function engineContestant(world, stream, only) {
  const plugins = only === undefined ? world.plugins : world.plugins.filter((p) => p.manifest.jurisdiction === only);
  const engine = createEngine({ taxonomy: world.taxonomy, plugins });
  const assess = (r) => {
    try {
      return engine.assess(r).verdict;
    } catch {
      return 'invalid';
    }
  };
  // The engine keeps no answers; it keeps bounded memos of sub-results (item resolution, candidate entries, party
  // screening). Their hits and misses during the timed rounds, summed by memo.
  const memos = {};
  const memoCounts = () => new Map(engine.memoStatistics().map((m) => [m.label, { hits: m.hits, misses: m.misses }]));
  const withMemoCounts = (run) => {
    const before = memoCounts();
    const result = run();
    for (const [label, after] of memoCounts()) {
      const b = before.get(label) ?? { hits: 0, misses: 0 };
      const t = (memos[label] ??= { hits: 0, misses: 0 });
      t.hits += after.hits - b.hits;
      t.misses += after.misses - b.misses;
    }
    return result;
  };
  if (stream === 'repetitive') {
    const repetitive = repetitiveStream(STREAM_REQUESTS);
    return {
      warm: () => warmSync(repetitiveStream(20_000).map((r) => ({ ...r, id: `w${r.id}` })), assess),
      run: () => withMemoCounts(() => timeSync(repetitive, assess)),
      extra: () => ({ memos }),
    };
  }
  // The first round on the stream whose repeat share the parent reports, each later one on a fresh stream of its own
  // seed, drawn before its clock starts.
  let round = 0;
  const warmCurve = [];
  return {
    // WARM requests in windows of WARM_WINDOW, each window a stream of its own seed (drawn before its clock starts,
    // and dropped after), disjoint from the timed streams; each window's CPU microseconds per answer.
    warm: () => {
      for (let done = 0, window = 0; done < WARM; done += WARM_WINDOW, window++) {
        const requests = variedStream(world, 0xbeef + window, Math.min(WARM_WINDOW, WARM - done));
        const cpu = process.cpuUsage();
        warmSync(requests, assess);
        warmCurve.push((cpuSeconds(cpu) * 1e6) / requests.length);
      }
    },
    run: () => {
      const requests = variedStream(world, VARIED_SEED + round++, STREAM_REQUESTS);
      return withMemoCounts(() => timeSync(requests, assess));
    },
    extra: () => ({ memos, warmCurve, warm: WARM, warmWindow: WARM_WINDOW }),
  };
}

/** One peer at one table size: the decision the plugins' lists encode, on the inputs the engine's varied stream gives. */
function peerContestant(world, peer, size) {
  const rows = tableRows(world.plugins, world.taxonomy, size);
  const rand = prng(7);
  const inputs = tableInputs(variedStream(world, VARIED_SEED, STREAM_REQUESTS), rows, world.taxonomy, rand);
  const warmInputs = tableInputs(variedStream(world, 0xbeef, 20_000), rows, world.taxonomy, rand);
  // A peer reports nothing beyond its rounds (engine.mjs sizes the tables itself).
  const extra = () => ({});
  if (peer === 'zen') {
    const zen = zenDecision(rows);
    return { warm: () => warmAsync(warmInputs, zen), run: () => timeAsync(inputs, zen), extra };
  }
  if (peer === 'jre') {
    const jre = rulesEngine(rows);
    return { warm: () => warmAsync(warmInputs.slice(0, 200), jre), run: () => timeAsync(inputs, jre), extra };
  }
  const map = mapLookup(rows);
  return { warm: () => warmSync(warmInputs, map), run: () => timeSync(inputs, map), extra };
}

const [, , key] = process.argv;
const world = await loadWorld();
const match = /^(zen|jre|map)(\d+)$/.exec(key);
const regime = /^regime:(\w+)$/.exec(key)?.[1];
const contestant = key === 'engineVaried' ? engineContestant(world, 'varied')
  : key === 'engineRepetitive' ? engineContestant(world, 'repetitive')
  : regime ? engineContestant(world, 'varied', regime)
  : match ? peerContestant(world, match[1], Number(match[2])) : undefined;
if (!contestant) throw new Error(`unknown contestant ${key}`);
await contestant.warm();
process.on('message', async (message) => {
  if (message === 'run') process.send({ result: await contestant.run() });
  else if (message === 'done') {
    process.send({ extra: contestant.extra() });
    process.disconnect();
  }
});
process.send({ ready: true });
