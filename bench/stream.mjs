// The bench's request streams. `variedStream` draws seeded requests from the project's own data:
// every taxonomy item by every identifier kind it has (id, hs, cnCode, cas, English and Chinese
// names, aliases), the plugins' own list codes (cnControlCode, eccn, euCode), sixty countries, any
// day of 2023–2026, parameters around the listed thresholds, content shares, end uses and named end
// users (listed parties and ordinary firms). `repetitiveStream` is the old synthetic mix of 19 items,
// 10 corridors and 7 dates: it is kept as a labelled second figure, never as the headline.
import { PARAMETER_SYNONYMS, SCALED_PARAMETERS } from '../packages/core/dist/index.js';
import { loadPlugins } from '../packages/cli/dist/index.js';
import { loadTaxonomy } from '../packages/taxonomy/dist/index.js';

/** Sixty ISO 3166-1 codes: the exporters and destinations of the critical-mineral trade, and some others. */
export const COUNTRIES = [
  'CN', 'US', 'DE', 'FR', 'IT', 'NL', 'BE', 'ES', 'PL', 'SE', 'FI', 'AT', 'CZ', 'HU', 'RO', 'IE', 'DK', 'PT', 'GR', 'EE',
  'JP', 'KR', 'TW', 'IN', 'VN', 'TH', 'MY', 'ID', 'PH', 'SG', 'AU', 'NZ', 'CA', 'MX', 'BR', 'CL', 'AR', 'PE', 'BO', 'ZA',
  'CD', 'ZM', 'NA', 'MA', 'EG', 'NG', 'KE', 'TR', 'SA', 'AE', 'IL', 'IR', 'RU', 'BY', 'KZ', 'UA', 'GB', 'NO', 'CH', 'KP',
];
const EXPORTERS = ['CN', 'CN', 'CN', 'CN', 'US', 'US', 'DE', 'FR', 'NL', 'JP', 'KR', 'AU', 'CA', 'IN', 'GB'];
const END_USES = ['civil', 'civil', 'civil', 'unknown', 'unknown', 'military', 'wmd', 'military-intelligence'];
const END_USER_TYPES = ['commercial', 'commercial', 'research', 'government', 'military', 'individual'];
const FIRMS = ['Acme Metals GmbH', 'Northwind Traders', 'Shenzhen Bright Materials Co', 'Osaka Magnetics KK', 'Pacific Alloys Ltd', 'Lumen Research Institute', 'Andes Mining SA', 'Baltic Components OU'];
const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2023, 0, 1);
const DAYS = (Date.UTC(2026, 11, 31) - FIRST_DAY) / DAY + 1;

export { prng } from './prng.mjs';

// How many requests each timed round of the engine draws (BENCH_REQUESTS): more than the fastest round here answers
// in its two seconds (about 300,000 on an idle machine), so no request is answered twice; run.mjs says when one was.
export const STREAM_REQUESTS = Number(process.env.BENCH_REQUESTS ?? 600_000);
import { prng } from './prng.mjs';

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

/** The project's own data the streams draw from: the shipped taxonomy and the installed plugins. */
export async function loadWorld() {
  const taxonomy = loadTaxonomy();
  const plugins = await loadPlugins();
  return { taxonomy, plugins };
}

function conditionParams(condition, out) {
  if (!condition) return out;
  if (condition.param) out.push(condition);
  else if (condition.not) conditionParams(condition.not, out);
  else for (const c of condition.all ?? condition.any ?? []) conditionParams(c, out);
  return out;
}

/** What the varied stream picks from, built once from the data. */
function pools({ taxonomy, plugins }) {
  const items = [];
  for (const node of taxonomy.nodes()) {
    items.push({ id: node.id }, { name: node.names.en });
    if (node.names.zh) items.push({ name: node.names.zh });
    for (const alias of node.aliases ?? []) items.push({ name: alias });
    for (const hs of node.identifiers?.hs ?? []) items.push({ hs }, { hs, id: node.id });
    for (const cnCode of node.identifiers?.cnCode ?? []) items.push({ cnCode });
    for (const cas of node.identifiers?.cas ?? []) items.push({ cas });
  }
  // Thresholds by taxonomy node and by list code, so that parameters land on both sides of them.
  const thresholds = new Map();
  const addThresholds = (key, conds) => {
    if (!conds.length) return;
    const list = thresholds.get(key) ?? [];
    list.push(...conds);
    thresholds.set(key, list);
  };
  const codes = [];
  for (const p of plugins) {
    const field = p.manifest.controlCodeField;
    for (const e of p.entries) {
      const conds = conditionParams(e.conditions, []);
      for (const id of e.covers.ids ?? []) addThresholds(id, conds);
      if (e.code && field) {
        addThresholds(e.code, conds);
        codes.push({ [field]: e.code });
      }
    }
  }
  const parties = plugins.flatMap((p) => (p.parties ?? []).map((party) => party.name));
  return { items, codes, thresholds, parties };
}

function parametersFor(rand, thresholds) {
  if (!thresholds || rand() < 0.3) return undefined;
  const out = {};
  for (const c of thresholds) {
    if (rand() < 0.15) continue; // sometimes a parameter is missing: a question, not an answer
    const v = c.op === '==' ? (rand() < 0.5 ? c.value : 1 - c.value) : c.value * (0.7 + rand() * 0.6);
    out[c.param] = c.param.startsWith('fraction.') || c.param === 'purity' ? Math.min(v, 1) : v;
  }
  // Regimes that name one fact differently (core's PARAMETER_SYNONYMS) were each drawn a value: a client states a
  // fact once, so every name of it present takes the first one's value (two values for one fact are refused).
  for (const group of PARAMETER_SYNONYMS) {
    const first = group.find((name) => out[name] !== undefined);
    if (first) for (const name of group) if (out[name] !== undefined) out[name] = out[first];
  }
  for (const { name, of, factor } of SCALED_PARAMETERS) if (out[name] !== undefined && out[of] !== undefined) out[name] = Number((out[of] * factor).toPrecision(12));
  return Object.keys(out).length ? out : undefined;
}

function dateOf(rand) {
  return new Date(FIRST_DAY + Math.floor(rand() * DAYS) * DAY).toISOString().slice(0, 10);
}

/** `n` varied requests from `seed`, each with its own id. Two seeds give disjoint streams in practice. */
export function variedStream(world, seed, n) {
  const rand = prng(seed);
  const pool = world.pool ?? (world.pool = pools(world));
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const item = { ...(rand() < 0.3 ? pick(rand, pool.codes) : pick(rand, pool.items)) };
    const key = item.id ?? item.cnControlCode ?? item.eccn ?? item.euCode;
    const parameters = parametersFor(rand, pool.thresholds.get(key));
    if (parameters) item.parameters = parameters;
    if (rand() < 0.05) item.content = [{ item: { id: 'gallium/metal' }, origin: 'CN', valueShare: Math.round(rand() * 100) / 100 }];
    const from = pick(rand, EXPORTERS);
    let to = pick(rand, COUNTRIES);
    if (to === from) to = 'US';
    const req = { id: `v${seed}-${i}`, item, from, to, date: dateOf(rand) };
    if (String(item.id ?? '').startsWith('tech/') || rand() < 0.05) req.transfer = rand() < 0.8 ? 'technology' : 'software';
    if (rand() < 0.6) req.endUse = pick(rand, END_USES);
    if (rand() < 0.35) req.endUser = { name: rand() < 0.4 ? pick(rand, pool.parties) : pick(rand, FIRMS), type: pick(rand, END_USER_TYPES), country: to };
    out[i] = req;
  }
  return out;
}

const ITEMS = [
  { id: 'gallium/metal' }, { cnCode: '8112929010' }, { id: 'germanium/dioxide' }, { id: 'dysprosium/oxide' }, { id: 'terbium/metal' },
  { id: 'magnets/ndfeb' }, { hs: '850511' }, { id: 'graphite/natural-flake' }, { id: 'graphite/artificial', parameters: { purity: 0.9995, flexuralStrengthMPa: 35, densityGPerCm3: 1.8 } },
  { id: 'antimony/oxide', parameters: { purity: 0.99995 } }, { id: 'tungsten/ammonium-paratungstate' }, { id: 'lithium/carbonate' },
  { id: 'batteries/lithium-ion-cell', parameters: { energyDensityWhPerKg: 320 } }, { name: 'gallium nitride' }, { hs: '0101.21' },
  { id: 'tech/rare-earths/separation' }, { id: 'tech/battery/lfp-cathode-preparation' }, { eccn: '3C005' }, { euCode: '1C229', parameters: { purity: 0.9999, 'ppm.Ag': 5 } },
];
const CORRIDORS = [['CN', 'US'], ['CN', 'IN'], ['CN', 'DE'], ['CN', 'JP'], ['US', 'CN'], ['DE', 'CN'], ['CN', 'HU'], ['CN', 'BO'], ['US', 'IN'], ['FR', 'RU']];
const DATES = ['2023-07-31', '2023-08-01', '2024-12-03', '2025-04-04', '2025-11-07', '2026-01-15', '2026-11-28'];

/** The old repetitive mix: 1,330 distinct questions however long the stream. */
export function repetitiveStream(n) {
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const [from, to] = CORRIDORS[i % CORRIDORS.length];
    const item = ITEMS[(i * 7) % ITEMS.length];
    const req = { id: `line-${i}`, item, from, to, date: DATES[(i * 3) % DATES.length] };
    if (item.id?.startsWith('tech/')) req.transfer = 'technology';
    out[i] = req;
  }
  return out;
}

/** Share of requests in a stream that repeat an earlier one but for `id` (what a perfect cache could answer). */
export function repeatShare(requests) {
  const seen = new Set();
  let repeats = 0;
  for (const r of requests) {
    const key = JSON.stringify({ ...r, id: undefined });
    if (seen.has(key)) repeats++;
    else seen.add(key);
  }
  return repeats / requests.length;
}
