// Builds packages/plugin-us-ear/data/entity-list-ecfr.json, the bundled copy of the whole Entity List
// (Supplement No. 4 to 15 CFR Part 744), from our transcription in data/entity-list-ecfr/*.tsv, and
// data/meu-list-ecfr.json, the Military End-User List (Supplement No. 7), from data/meu-list-ecfr/*.tsv, and
// data/dpl-bis.json, the Denied Persons List (BIS denial orders), from data/dpl-bis/*.tsv, and
// data/unverified-list-ecfr.json, the Unverified List (Supplement No. 6), from data/unverified-list-ecfr/*.tsv.
//
// The transcription was made from a public compilation parsed from the eCFR text (phagehunter/nsfreg,
// data/bis_entity_list.json, extracted 2026-07-09): one line per entry, tab-separated,
//   name, aliases joined by " | ", country heading, Federal Register citations joined by "; ", licence requirement.
// Addresses and the licence review policy column are not in it. Re-run after editing a TSV:
//   pnpm build && node scripts/build-entity-list.mjs
// It refuses a line with the wrong number of fields, an unknown country heading or a citation it cannot date.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
// One reading of the licence requirement column for the bundled copy and an imported CSL (run `pnpm build` first).
import { entityListRequirement } from '../packages/lists/dist/index.js';

const root = new URL('..', import.meta.url).pathname;
const dataDir = join(root, 'packages', 'plugin-us-ear', 'data');
const tsvDir = join(dataDir, 'entity-list-ecfr');
const countries = createRequire(join(root, 'packages', 'taxonomy', 'package.json'))('i18n-iso-countries');
countries.registerLocale(createRequire(join(root, 'packages', 'taxonomy', 'package.json'))('i18n-iso-countries/langs/en.json'));

export const AS_OF = '2026-07-09';
/** Entries the compilation counts ("count": 3409); the copy is complete when the transcription holds them all, give or take 3 %. */
const COMPILED_COUNT = 3409;
const SOURCE = {
  url: 'https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C/part-744/appendix-Supplement%20No.%204%20to%20Part%20744',
  publisher: 'eCFR, Supplement No. 4 to 15 CFR Part 744 (Entity List), as compiled in phagehunter/nsfreg data/bis_entity_list.json',
  date: AS_OF,
  title: 'Entity List (Supplement No. 4 to Part 744)',
};

// Country headings of Supplement No. 4 that the ISO short names do not spell the same way.
const HEADINGS = {
  Burma: 'MM', 'Crimea Region of Ukraine': 'UA', Iran: 'IR', Russia: 'RU', Syria: 'SY', 'South Korea': 'KR', 'Korea, South': 'KR',
  'North Korea': 'KP', Taiwan: 'TW', Laos: 'LA', Vietnam: 'VN', Turkey: 'TR', 'Türkiye': 'TR', 'U.A.E.': 'AE', 'United Arab Emirates': 'AE',
  'United Kingdom': 'GB', 'U.K.': 'GB', Bolivia: 'BO', Venezuela: 'VE', Moldova: 'MD', 'Hong Kong': 'HK', Macau: 'MO',
  'North Macedonia': 'MK', 'Czech Republic': 'CZ', Kosovo: 'XK', "CHINA, PEOPLE'S REPUBLIC OF": 'CN', 'TÜRKIYE': 'TR',
};

function countryCode(heading) {
  const code = HEADINGS[heading] ?? countries.getAlpha2Code(heading, 'en');
  if (!code) throw new Error(`unknown country heading ${JSON.stringify(heading)}: add it to HEADINGS in scripts/build-entity-list.mjs`);
  return code;
}

// "76 FR 71869, 11/21/11" → { cite: "76 FR 71869", date: "2011-11-21" }; a citation without a date keeps only cite.
const CITATION = /(\d{2,3})\s*FR\s*(\d{3,6})(?:[,;.\s]+(\d{1,2})\/(\d{1,2})\/(\d{2}(?:\d{2})?))?/g;

function citations(text) {
  return [...text.matchAll(CITATION)].map((m) => {
    const cite = `${m[1]} FR ${m[2]}`;
    if (!m[3]) return { cite };
    const year = m[5].length === 4 ? Number(m[5]) : 2000 + Number(m[5]) - (Number(m[5]) > 50 ? 100 : 0);
    return { cite, date: `${year}-${m[3].padStart(2, '0')}-${m[4].padStart(2, '0')}` };
  });
}

// Footnote designations, printed as superscripts after the section they extend: "734.9(e) 1", "734.9(g),3", "… EAR) 4", "… EAR) 5".
function footnotesOf(text) {
  const out = new Set();
  if (/734\.9\(e\)\s*1\b/.test(text)) out.add(1);
  if (/734\.9\(g\),?\s*3\b/.test(text)) out.add(3);
  const last = /\)\s*([45])\s*$/.exec(text);
  if (last) out.add(Number(last[1]));
  return [...out].sort();
}

// A few long licence requirements reached this copy cut short ("…"); say so rather than quote half a sentence as the whole.
function shortened(text) {
  const cut = /(\.\.\.|…)$/.exec(text);
  return cut ? `${text.slice(0, cut.index).trimEnd()}… (the entry continues in the list; this copy has it cut short)` : text;
}

// Some alias fields hold a second name ("X, a.k.a., Y"), a lead-in ("…, a.k.a., the following two aliases:") or a
// remark ("; (all of preceding located in …)", "(See also addresses under …)"): keep the names only.
function splitAlias(alias) {
  return alias
    .replace(/\s*\(See also[^)]*\)?\s*$/i, '').replace(/;\s*\(all of (the )?preceding[^)]*\)?\s*$/i, '')
    .split(/,?\s*\(?\ba\.k\.a\.,?\s*/i)
    .map((a) => a.replace(/^the following (\w+ )?alias(es)?:?$/i, '').replace(/\)\s*$/, (m) => ((a.match(/\(/g) ?? []).length < (a.match(/\)/g) ?? []).length ? '' : m)).trim());
}
// A name that ends in a bracketed second name or acronym ("Rostec (Russian Technologies State Corporation)",
// "Federal Security Service (FSB)") is also searched under each part; a bracketed place ("(Vietnam)") is not a name.
function nameParts(name) {
  const m = /^(.{3,}?)\s*\(([^()]+)\)$/.exec(name);
  if (!m || /k\.a\.|formerly|see /i.test(m[2])) return [];
  const inner = m[2].trim();
  const isName = /^[A-Z0-9][A-Z0-9&.-]{2,}$/.test(inner) || inner.split(/\s+/).length >= 3;
  return [m[1].trim(), ...(isName ? [inner] : [])];
}

// Lines of a listing that describe covered facilities rather than name a party.
const DESCRIPTION = /^nuclear reactors\b|\bfacilities\b/i;

// Aliases as compiled sometimes carry the start of the address or a joining "; and"; screening wants the name only.
function cleanAlias(alias) {
  let a = alias.replace(/;\s*and\s*$/i, '').trim();
  const cut = /[.,;]\s+(?=(?:No\.\s*)?\d|[^,;]*\d[^,;]*,)/.exec(a);
  if (cut && a.length > 40) a = a.slice(0, cut.index).trim();
  return a.replace(/[;,]$/, '').trim();
}

// An entry's ID: its country and name as a slug, numbered from the second entry of the same country and name.
function entryIds() {
  const seen = new Map();
  return (country, name) => {
    const base = `${country.toLowerCase()}-${slug(name)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };
}

const slug = (s) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 64).replace(/-$/, '');

function readRows(dir = tsvDir, width = 5) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort();
  const rows = [];
  for (const file of files) {
    readFileSync(join(dir, file), 'utf8').split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const fields = line.split('\t');
      if (fields.length !== width) throw new Error(`${file}:${i + 1}: expected ${width} tab-separated fields, got ${fields.length}`);
      if (width !== 5) return rows.push({ at: `${file}:${i + 1}`, fields: fields.map((f) => f.trim()) });
      rows.push({ at: `${file}:${i + 1}`, name: fields[0].trim(), aliases: fields[1], heading: fields[2].trim(), fr: fields[3].trim(), notes: fields[4].trim() });
    });
  }
  return rows;
}

export function buildEntityList() {
  const rows = readRows();
  // A citation printed without its date somewhere is dated from another entry that cites it with one.
  const dated = new Map();
  for (const r of rows) for (const c of citations(r.fr)) if (c.date) dated.set(c.cite, c.date);
  const idOf = entryIds();
  const entries = rows.map((r) => {
    if (!r.name) throw new Error(`${r.at}: name is empty`);
    const country = countryCode(r.heading);
    const dates = citations(r.fr).map((c) => c.date ?? dated.get(c.cite)).filter(Boolean).sort();
    const id = idOf(country, r.name);
    const aliases = [...new Set([...nameParts(r.name), ...r.aliases.split(' | ')].flatMap(splitAlias).map(cleanAlias).filter((a) => a && a !== r.name && !DESCRIPTION.test(a)))];
    const footnotes = footnotesOf(r.notes);
    const requirement = entityListRequirement(r.notes);
    return {
      id,
      name: r.name,
      ...(aliases.length ? { aliases } : {}),
      country,
      ...(dates.length ? { listedOn: dates[0] } : {}),
      ...(requirement !== 'license_required' ? { requirement } : {}),
      licenseRequirementText: shortened(r.notes),
      notice: r.fr,
      ...(footnotes.length ? { footnotes } : {}),
      ...(r.heading === 'Crimea Region of Ukraine' ? { remarks: `Listed under ${r.heading}.` } : {}),
    };
  });
  return {
    id: 'us-entity-list',
    name: 'Entity List (Supp. No. 4 to 15 CFR 744, § 744.11)',
    jurisdiction: 'US',
    consequence: { requirement: 'license_required', summary: 'A licence for the items the entry names; the entry’s review policy is not recorded in this copy.' },
    source: SOURCE,
    asOf: AS_OF,
    complete: Math.abs(entries.length - COMPILED_COUNT) <= COMPILED_COUNT * 0.03,
    entries,
  };
}

// The Military End-User List (Supplement No. 7 to Part 744) from the same compilation (data/bis_meu.json, extracted
// 2026-07-09, "count": 70, all under China): data/meu-list-ecfr/*.tsv, one entry a line,
//   name, aliases joined by " | ", country heading, Federal Register citation, remark (or empty).
// Every entry takes the list's rule: a licence for the items of Supplement No. 2 to Part 744, presumption of denial (§ 744.21(e)).
const MEU_COMPILED_COUNT = 70;
export function buildMeuList() {
  const rows = readRows(join(dataDir, 'meu-list-ecfr'));
  const idOf = entryIds();
  const entries = rows.map((r) => {
    if (!r.name) throw new Error(`${r.at}: name is empty`);
    const country = countryCode(r.heading);
    const dates = citations(r.fr).map((c) => c.date).filter(Boolean).sort();
    if (!dates.length) throw new Error(`${r.at}: no dated Federal Register citation in ${JSON.stringify(r.fr)}`);
    const id = idOf(country, r.name);
    const aliases = [...new Set([...nameParts(r.name), ...(r.aliases ? r.aliases.split(' | ') : [])].flatMap(splitAlias).map(cleanAlias).filter((a) => a && a !== r.name))];
    return {
      id,
      name: r.name,
      ...(aliases.length ? { aliases } : {}),
      country,
      listedOn: dates[0],
      notice: r.fr,
      ...(r.notes ? { remarks: r.notes } : {}),
    };
  });
  return {
    id: 'us-meu-list',
    name: 'Military End-User List (Supp. No. 7 to 15 CFR 744)',
    jurisdiction: 'US',
    consequence: { requirement: 'license_required', licensePolicy: 'presumption_of_denial', summary: 'A licence for the items of Supplement No. 2 to Part 744, with a presumption of denial (§ 744.21(e)).' },
    source: {
      url: 'https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C/part-744/appendix-Supplement%20No.%207%20to%20Part%20744',
      publisher: 'eCFR, Supplement No. 7 to 15 CFR Part 744 (Military End-User List), as compiled in phagehunter/nsfreg data/bis_meu.json',
      date: AS_OF,
      title: 'Military End-User (MEU) List (Supplement No. 7 to Part 744)',
    },
    asOf: AS_OF,
    complete: entries.length === MEU_COMPILED_COUNT,
    entries,
  };
}

// The Denied Persons List from the same compilation (data/bis_dpl.json, read from BIS's file dpl_04142026.csv,
// extracted 2026-07-09, "count": 564): data/dpl-bis/*.tsv, one row of the file a line (a person named at two
// addresses is two lines, as BIS prints it), tab-separated:
//   name, aliases joined by " | ", country, effective date of the order, expiry date (or empty), Federal Register
//   citations, remark (a non-standard denial, or empty).
// Long chains of renewal citations (temporary denial orders) are shortened to "first … latest". Addresses are not kept.
// BIS gives the expiry as a bare date: it is read as the last day denied (removedOn, inclusive). A renewed temporary
// denial order carries the current order's effective date only, so earlier orders are not dated here.
const DPL_COMPILED_COUNT = 564;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export function buildDplList() {
  const rows = readRows(join(dataDir, 'dpl-bis'), 7);
  const idOf = entryIds();
  const entries = rows.map(({ at, fields: [name, aliases, heading, effective, expires, fr, remark] }) => {
    if (!name) throw new Error(`${at}: name is empty`);
    if (!ISO_DATE.test(effective)) throw new Error(`${at}: effective date ${JSON.stringify(effective)} is not YYYY-MM-DD`);
    if (expires && (!ISO_DATE.test(expires) || expires < effective)) throw new Error(`${at}: expiry ${JSON.stringify(expires)} is not a date on or after ${effective}`);
    const country = countryCode(heading);
    const id = idOf(country, name);
    const names = aliases ? [...new Set(aliases.split(' | ').map((a) => a.trim()).filter((a) => a && a !== name))] : [];
    return {
      id,
      name,
      ...(names.length ? { aliases: names } : {}),
      country,
      listedOn: effective,
      ...(expires ? { removedOn: expires } : {}),
      ...(fr ? { notice: fr } : {}),
      ...(remark ? { remarks: remark } : {}),
    };
  });
  return {
    id: 'us-denied-persons',
    name: 'Denied Persons List (BIS denial orders)',
    jurisdiction: 'US',
    consequence: { requirement: 'prohibited', summary: 'No transaction involving items subject to the EAR with a denied person (denial order under 15 CFR 764.3(a)(2); General Prohibition Four).' },
    source: {
      url: 'https://www.bis.gov/dpl',
      publisher: 'Bureau of Industry and Security, Denied Persons List (file dpl_04142026.csv), as compiled in phagehunter/nsfreg data/bis_dpl.json',
      date: AS_OF,
      title: 'Denied Persons List',
    },
    asOf: AS_OF,
    complete: entries.length === DPL_COMPILED_COUNT,
    entries,
  };
}

// The Unverified List (Supplement No. 6 to Part 744) as printed in the eCFR on 2026-09-24, transcribed from
// OSUGIYAMA/EyeWarnYou data/snapshots/ear-library.json (that project's parse of the eCFR XML, object "744 Supp. 6",
// commit 0980eccb): data/unverified-list-ecfr/*.tsv, one entry a line, tab-separated:
//   name, addresses joined by " ; ", country heading as printed, Federal Register citation ("85 FR 64017, October 9,
//   2020", the notice that added the entry), remarks (the "a.k.a." names as printed, or empty). One entry prints its
//   second address under another name ("World Heavy Equipment …; and World Equipment Trading L.L.C, …"): that name is
//   given as its a.k.a. here, so that screening finds it.
// The supplement prints the listed person and address as one cell; the split into name and address is ours. Hong Kong
// addresses stand under the heading of China: such an entry takes HK, the territory its addresses are in (as the
// Entity List heads them), so that screening with a country finds it. Entries removed before 2026-09-24 are not in it.
const UVL_AS_OF = '2026-09-24';
const UVL_COUNT = 186;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const UVL_CITATION = /^(\d{2,3}) FR (\d{3,6}),? ([A-Z][a-z]+)\.? (\d{1,2}), (\d{4})$/;
// "85 FR 64017, October 9, 2020" → "2020-10-09"; an entry revised later cites each notice, separated by ";".
function uvlDates(at, text) {
  return text.split(/;\s*/).map((c) => {
    const m = UVL_CITATION.exec(c.trim().replace(/\.$/, ''));
    const month = m ? MONTHS.indexOf(m[3]) + 1 : 0;
    if (!m || month === 0) throw new Error(`${at}: citation ${JSON.stringify(c)} is not "NN FR NNNNN, Month D, YYYY"`);
    return `${m[5]}-${String(month).padStart(2, '0')}-${m[4].padStart(2, '0')}`;
  }).sort();
}
export function buildUnverifiedList() {
  const rows = readRows(join(dataDir, 'unverified-list-ecfr'));
  const idOf = entryIds();
  const entries = rows.map((r) => {
    const [name, addressText, heading, fr, remarks] = [r.name, r.aliases.trim(), r.heading, r.fr, r.notes];
    if (!name) throw new Error(`${r.at}: name is empty`);
    const dates = uvlDates(r.at, fr);
    const addresses = addressText ? addressText.split(' ; ').map((a) => a.trim()).filter(Boolean) : [];
    const inHongKong = addresses.length > 0 && addresses.every((a) => /,\s*Hong Kong$/i.test(a));
    const listed = countryCode(heading);
    const country = listed === 'CN' && inHongKong ? 'HK' : listed;
    const id = idOf(country, name);
    const aliases = remarks ? [...new Set(remarks.split(/;\s*(?=a\.?k\.?a\.?)/i).flatMap((a) => a.split(/\s*\ba\.?k\.?a\.?,?\s*/i)).map((a) => a.replace(/[;,]$/, '').trim()).filter((a) => a && a !== name))] : [];
    return {
      id,
      name,
      ...(aliases.length ? { aliases } : {}),
      country,
      ...(addresses.length ? { addresses } : {}),
      listedOn: dates[0],
      notice: fr,
      ...(remarks ? { remarks } : {}),
    };
  });
  return {
    id: 'us-unverified-list',
    name: 'Unverified List (Supp. No. 6 to 15 CFR 744)',
    jurisdiction: 'US',
    consequence: { requirement: 'needs_information', summary: 'Obtain the party’s UVL statement before the transaction; no licence exception may be used (15 CFR 744.15).' },
    source: {
      url: 'https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C/part-744/appendix-Supplement%20No.%206%20to%20Part%20744',
      publisher: 'eCFR, Supplement No. 6 to 15 CFR Part 744 (Unverified List), as printed on 2026-09-24 and parsed in OSUGIYAMA/EyeWarnYou data/snapshots/ear-library.json',
      date: UVL_AS_OF,
      title: 'Unverified List (Supplement No. 6 to Part 744)',
    },
    asOf: UVL_AS_OF,
    complete: entries.length === UVL_COUNT,
    entries,
  };
}

function write(list, file, compiled) {
  const lines = list.entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
  const { entries: _entries, ...head } = list;
  const json = JSON.stringify(head, null, 2).replace(/\n}$/, `,\n  "entries": [\n${lines}\n  ]\n}\n`);
  writeFileSync(join(dataDir, file), json);
  const byCountry = new Map();
  for (const e of list.entries) byCountry.set(e.country, (byCountry.get(e.country) ?? 0) + 1);
  console.log(`${list.entries.length} entries in ${byCountry.size} countries (${list.complete ? 'complete' : `incomplete: the compilation counts ${compiled}`}) → packages/plugin-us-ear/data/${file}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  write(buildEntityList(), 'entity-list-ecfr.json', COMPILED_COUNT);
  write(buildMeuList(), 'meu-list-ecfr.json', MEU_COMPILED_COUNT);
  write(buildDplList(), 'dpl-bis.json', DPL_COMPILED_COUNT);
  write(buildUnverifiedList(), 'unverified-list-ecfr.json', UVL_COUNT);
}
