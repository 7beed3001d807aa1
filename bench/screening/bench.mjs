// Screening figures, run pinned to one core by run.mjs: speed of `ListScreener.screen` (what
// `POST /v1/screenings` and `chokepoint screen` call) against a generated list of BENCH_SCREEN_ENTRIES
// entries (default 30,000) plus the evaluation entities, on a seeded varied stream of queries (listed
// names, aliases, other scripts and romanisations, near misses, unrelated names), beside a full scan
// that scores every indexed name; then precision and recall on bench/screening/eval-set.json at the
// default threshold, on the pairs the matcher was tuned on ("dev") and on the held-out ones.
// Prints one JSON object.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DEFAULT_MIN_SCORE, ListScreener, NEAR_MISS_SCORE, normalizeName } from '../../packages/core/dist/index.js';
import { scoreNames } from '../../packages/core/dist/name-score.js';
import { hardNegatives, trueVariants } from './variants.mjs';
import {
  AR_FAMILY, AR_GIVEN, BRAND_CHARS, BRAND_HEADS, BRAND_TAILS, FEMALE, INDUSTRIES, MALE, PATRONYMIC_BASE, SURNAMES, WEST_FIELDS, WEST_GIVEN,
  WEST_SURNAMES, WEST_WORDS, chineseCompany, generatedList, listedNames, party, patronymic, pick, prng,
} from './world.mjs';

const ENTRIES = Number(process.env.BENCH_SCREEN_ENTRIES ?? 30_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const evalSet = JSON.parse(readFileSync(new URL('eval-set.json', import.meta.url), 'utf8'));

const list = (id, entries) => ({
  id, name: id, jurisdiction: 'XX', consequence: { requirement: 'license_required', summary: 'bench' },
  source: { url: 'https://example.org/bench', publisher: 'bench', date: '2026-12-01' }, asOf: '2026-12-01', entries,
});
const generated = generatedList(0x1157, ENTRIES);
const evalEntries = evalSet.entities.map((e) => ({ id: e.id, name: e.name, ...(e.aliases ? { aliases: e.aliases } : {}), ...(e.country ? { country: e.country } : {}) }));
const start = performance.now();
const startCpu = process.cpuUsage();
const screener = new ListScreener([list('generated', generated.map((g) => g.entry)), list('eval', evalEntries)]);
const buildMs = performance.now() - start;
const buildCpu = process.cpuUsage(startCpu);
const buildCpuMs = (buildCpu.user + buildCpu.system) / 1000;
const names = generated.reduce((n, g) => n + 1 + (g.entry.aliases?.length ?? 0), 0) + evalEntries.reduce((n, e) => n + 1 + (e.aliases?.length ?? 0), 0);

// ------------------------------------------------------------------ the query stream
const rand = prng(0xab1e);
const pool = {
  cn: Array.from({ length: 100 }, () => chineseCompany(rand)), brandChars: BRAND_CHARS, industries: INDUSTRIES.map(([, en]) => en),
  westWords: WEST_WORDS, westFields: WEST_FIELDS, westGiven: WEST_GIVEN, westSurnames: WEST_SURNAMES, arGiven: AR_GIVEN, arFamily: AR_FAMILY,
  given: (female) => (female ? FEMALE : MALE),
  similarSurname: (s, r) => pick(r, SURNAMES.filter((x) => x !== s)),
  patronymic: (p, r) => patronymic(pick(r, Object.keys(PATRONYMIC_BASE).filter((f) => f !== p.father)), p.female),
  siblingBrand: (b, r) => pick(r, BRAND_HEADS) + pick(r, BRAND_TAILS),
};
function queries(seed, count) {
  const r = prng(seed);
  const out = [];
  while (out.length < count) {
    const g = pick(r, generated);
    const kind = Math.floor(r() * 5);
    const listed = { primary: g.entry.name, aliases: g.entry.aliases ?? [] };
    if (kind === 0) out.push(g.entry.name);
    else if (kind === 1) out.push(listed.aliases.length ? pick(r, listed.aliases) : g.entry.name.toUpperCase());
    else if (kind === 2) out.push(pick(r, trueVariants(g.party, listed, r).concat([{ query: g.entry.name }])).query);
    else if (kind === 3) out.push(pick(r, hardNegatives(g.party, listed, r, pool).concat([{ query: g.entry.name }])).query);
    else {
      const p = party(r);
      out.push(listedNames(p, r).primary);
    }
  }
  return out;
}
const warm = queries(0x5ca1, 5_000);
const stream = queries(0xfab1e, 20_000);

/** Screens for SECONDS; rates per second of wall time and per second of this process's CPU time (one core: the machine may be shared). */
function timeStream(qs, screen) {
  let n = 0;
  let hits = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < SECONDS * 1000) {
    for (let k = 0; k < 64; k++) if (screen(qs[n++ % qs.length]).matches.length) hits++;
    elapsed = performance.now() - t0;
  }
  const cpu = process.cpuUsage(c0);
  return { rate: (n / elapsed) * 1000, cpuRate: n / ((cpu.user + cpu.system) / 1e6), hitShare: hits / n };
}
const screen = (name) => screener.screen({ name });
for (const q of warm) screen(q);

// The floor the index is measured against: normalise the query and score every indexed name, keeping, as the
// screener's answer does, the names from the near-match floor up when none reaches the threshold (one pass finds both).
const allNorms = [...generated.map((g) => g.entry), ...evalEntries].flatMap((e) => [e.name, ...(e.aliases ?? [])].map((name) => ({ norm: normalizeName(name), inChina: e.country === 'CN' })));
const fullScan = (name) => {
  const q = normalizeName(name);
  const matches = [];
  const near = [];
  for (const { norm: n, inChina } of allNorms) {
    const score = scoreNames(q, n, inChina).score;
    if (score >= DEFAULT_MIN_SCORE) matches.push(n);
    else if (score >= NEAR_MISS_SCORE) near.push({ n, score });
  }
  return { matches, nearMatches: matches.length ? [] : near.sort((a, b) => b.score - a.score).slice(0, 5) };
};
const rounds = [];
for (let r = 0; r < ROUNDS; r++) {
  const index = timeStream(stream, screen);
  const scan = timeStream(stream.slice(r * 200, r * 200 + 200), fullScan);
  rounds.push({ index: index.rate, indexCpu: index.cpuRate, scan: scan.rate, scanCpu: scan.cpuRate, hitShare: index.hitShare });
}

// ------------------------------------------------------------------ precision and recall
const tally = () => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
const bySplit = { dev: tally(), holdout: tally(), all: tally() };
const byKind = {};
const misses = [];
for (const p of evalSet.pairList) {
  const found = screener.screen({ name: p.query, lists: ['eval'] }).matches.some((m) => m.entry.id === p.entity);
  const cell = p.label ? (found ? 'tp' : 'fn') : (found ? 'fp' : 'tn');
  bySplit[p.split][cell]++;
  bySplit.all[cell]++;
  byKind[p.kind] ??= { label: p.label, ...tally() };
  byKind[p.kind][cell]++;
  if ((cell === 'fn' || cell === 'fp') && misses.length < Number(process.env.BENCH_SHOW_MISSES ?? 0)) misses.push({ cell, kind: p.kind, query: p.query, entity: evalSet.entities.find((e) => e.id === p.entity).name });
}
const rates = (t) => ({ ...t, precision: t.tp / (t.tp + t.fp), recall: t.tp / (t.tp + t.fn) });

console.log(JSON.stringify({
  entries: ENTRIES + evalEntries.length, names, buildMs, buildCpuMs, threshold: DEFAULT_MIN_SCORE, rounds,
  eval: { pairs: evalSet.pairList.length, dev: rates(bySplit.dev), holdout: rates(bySplit.holdout), all: rates(bySplit.all), byKind },
  misses,
}));
