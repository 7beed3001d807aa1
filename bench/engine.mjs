// The engine section's figures: the engine on the varied stream (the headline) and on the old repetitive stream,
// beside zen-engine, json-rules-engine and a plain Map over an equivalent decision table at two sizes. Each contestant
// runs in a process of its own (contestant.mjs), pinned to the same core as this one, where it is warmed up on a
// stream disjoint from the timed one (a fixed number of requests, however loaded the machine); then all are timed in
// interleaved rounds of fixed duration, one process at a time, the order rotating each round. The script prints one
// JSON object with each contestant's rate per round, per second of wall time and per second of CPU time.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { tableRows } from './peers.mjs';
import { STREAM_REQUESTS, loadWorld, repeatShare, repetitiveStream, variedStream } from './stream.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const world = await loadWorld();
const tables = {};
const contestants = [
  { key: 'engineVaried', label: 'chokepoint engine.assess, varied stream', cache: '0 % (no cache)' },
  { key: 'engineRepetitive', label: 'chokepoint engine.assess, old repetitive stream', cache: '0 % (no cache)' },
];
// What each regime adds to an answer: the engine with no plugin (the floor) and with each plugin alone, on the same
// varied streams. run.mjs prints the whole engine beside the floor plus the increments, which need not agree.
const regimes = ['none', ...world.plugins.map((p) => p.manifest.jurisdiction)];
for (const r of regimes) contestants.push({ key: `regime:${r}`, label: r === 'none' ? 'engine with no plugin (the floor)' : `engine with the ${r} plugin alone`, cache: '0 % (no cache)' });
for (const size of [200, 4000]) {
  const rows = (tables[size] = tableRows(world.plugins, world.taxonomy, size).length);
  contestants.push(
    { key: `zen${size}`, label: `zen-engine 0.54 decision table, ${rows} rows`, cache: 'n/a' },
    { key: `jre${size}`, label: `json-rules-engine 7, ${rows} rules`, cache: 'n/a' },
    { key: `map${size}`, label: `plain Map lookup, ${rows} rows`, cache: 'n/a' },
  );
}

/** The next message from a contestant's process that has `field`; fails if the process exits first. */
async function reply(child, field) {
  for (;;) {
    const [message] = await Promise.race([once(child, 'message'), once(child, 'exit').then(([code]) => { throw new Error(`contestant exited with ${code}`); })]);
    if (message?.[field] !== undefined) return message[field];
  }
}

// One process at a time warms up, so that no two share the core.
for (const c of contestants) {
  c.child = fork(new URL('./contestant.mjs', import.meta.url), [c.key], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await reply(c.child, 'ready');
}
const rounds = contestants.map(() => []);
for (let r = 0; r < ROUNDS; r++) {
  // Rotate the order each round so that no contestant always runs first or last.
  for (let k = 0; k < contestants.length; k++) {
    const i = (k + r) % contestants.length;
    contestants[i].child.send('run');
    rounds[i].push(await reply(contestants[i].child, 'result'));
  }
}
for (const c of contestants) {
  c.child.send('done');
  c.extra = await reply(c.child, 'extra');
}
const [varied, repetitive] = contestants;
process.stdout.write(JSON.stringify({
  regimes,
  repeatShare: { varied: repeatShare(variedStream(world, 0xc0ffee, STREAM_REQUESTS)), repetitive: repeatShare(repetitiveStream(STREAM_REQUESTS)) },
  tables,
  warm: varied.extra.warm,
  warmWindow: varied.extra.warmWindow,
  warmCurve: varied.extra.warmCurve,
  memos: { engineVaried: varied.extra.memos, engineRepetitive: repetitive.extra.memos },
  requests: STREAM_REQUESTS,
  results: contestants.map((c, i) => ({ key: c.key, label: c.label, cache: c.cache, rates: rounds[i].map((x) => x.rate), cpuRates: rounds[i].map((x) => x.cpuRate), answered: rounds[i].map((x) => x.answered), wrapped: rounds[i].some((x) => x.wrapped), background: rounds[i].map((x) => x.background), verdicts: rounds[i][0].verdicts })),
}));
