import type { ListEntry } from '@chokepoint/core';
import { parse } from 'csv-parse/sync';
import { JP_LISTS } from './catalogue.js';
import type { ParsedFile } from './csl.js';
import type { RowProblem } from './problems.js';

/** METI's own file, which both forms are read from (the 2025-09-29 edition). */
export const METI_EUL_PAGE = 'https://www.meti.go.jp/policy/anpo/law05.html';

/** The types of concern METI's End User List marks, by the letters the list uses. */
export const EUL_CONCERNS: Record<string, string> = { B: 'Biological', C: 'Chemical', M: 'Missile', N: 'Nuclear', CW: 'Conventional weapons' };

/**
 * The "Country or Region" names METI's list uses for the 15 countries and regions of the 2025-09-29
 * edition, so that a CSV saved from METI's spreadsheet can keep them; ISO codes are read as they are.
 */
const EUL_COUNTRY_NAMES: Record<string, string> = {
  'islamic republic of afghanistan': 'AF', 'united arab emirates': 'AE', 'republic of yemen': 'YE', 'state of israel': 'IL',
  'islamic republic of iran': 'IR', india: 'IN', 'arab republic of egypt': 'EG', 'north korea': 'KP', 'syrian arab republic': 'SY',
  taiwan: 'TW', "people's republic of china": 'CN', 'islamic republic of pakistan': 'PK', 'hong kong': 'HK', 'republic of lebanon': 'LB',
  'russian federation': 'RU',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COUNTRY = /^[A-Z]{2}$/;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;

/** One entity, as read from either form, before it is checked. */
interface RawEntity {
  no: string;
  name: string;
  aliases: string[];
  country: string;
  concerns: string[];
}

/**
 * METI writes an entity's Japanese or Chinese name after its English one, in parentheses and usually on
 * a line of its own: that part becomes an alias, so that either name screens. Other line breaks are spaces.
 */
export function splitEulName(raw: string): { name: string; alias?: string } {
  const m = /^([\s\S]*?\S)\s*[(（]([^()（）]+)[)）]\s*$/.exec(raw);
  if (m && CJK.test(m[2]!)) return { name: m[1]!.replace(/\s+/g, ' ').trim(), alias: m[2]!.trim() };
  return { name: raw.replace(/\s+/g, ' ').trim() };
}

/** An alias METI wrote wholly in parentheses ("(鴨緑江開発銀行)") is the name inside them. */
function cleanAlias(alias: string): string {
  const t = alias.replace(/\s+/g, ' ').trim();
  const m = /^[(（]([^()（）]+)[)）]$/.exec(t);
  return m ? m[1]!.trim() : t;
}

function countryOf(value: string): string {
  const t = value.trim();
  return COUNTRY.test(t) ? t : (EUL_COUNTRY_NAMES[t.toLowerCase()] ?? t);
}

/** The concern letters of a cell: "B C M N CW", "B,C,CW" or the names ("Nuclear; Conventional weapons"). */
function concernsOf(values: string[]): string[] {
  const byName = new Map(Object.entries(EUL_CONCERNS).map(([code, name]) => [name.toLowerCase(), code]));
  return values.flatMap((v) => v.split(/[,;\n]|\s+(?=[A-Z]{1,2}\b)/)).map((v) => v.trim()).filter(Boolean).map((v) => byName.get(v.toLowerCase()) ?? v.toUpperCase());
}

function entryOf(raw: RawEntity, at: string, problems: RowProblem[]): ListEntry | undefined {
  const before = problems.length;
  if (!/^\d+$/.test(raw.no)) problems.push({ at, field: 'no', message: `expected the list number, got ${JSON.stringify(raw.no)}` });
  if (!raw.name.trim()) problems.push({ at, field: 'name', message: 'required' });
  if (!COUNTRY.test(raw.country)) problems.push({ at, field: 'country', message: `expected ISO 3166-1 alpha-2 or a country name METI's list uses, got ${JSON.stringify(raw.country)}` });
  if (!raw.concerns.length) problems.push({ at, field: 'concern', message: 'expected at least one of B, C, M, N, CW' });
  for (const c of raw.concerns) if (!EUL_CONCERNS[c]) problems.push({ at, field: 'concern', message: `unknown type of concern ${JSON.stringify(c)}; expected B, C, M, N or CW` });
  if (problems.length > before) return undefined;
  const { name, alias } = splitEulName(raw.name);
  const aliases = [...new Set([...(alias ? [alias] : []), ...raw.aliases.map(cleanAlias)].filter((a) => a && a !== name))];
  return {
    id: raw.no, name,
    ...(aliases.length ? { aliases } : {}),
    country: raw.country,
    programs: raw.concerns.map((c) => EUL_CONCERNS[c]!),
    type: 'Entity',
  };
}

function listOf(raws: { raw: RawEntity; at: string }[], date: string, url: string): ParsedFile {
  const problems: RowProblem[] = [];
  const entries: ListEntry[] = [];
  const seen = new Set<string>();
  for (const { raw, at } of raws) {
    const entry = entryOf(raw, at, problems);
    if (!entry) continue;
    if (seen.has(entry.id)) problems.push({ at, field: 'no', message: `duplicate list number ${entry.id}` });
    seen.add(entry.id);
    entries.push({ ...entry, sourceUrl: url });
  }
  const meta = JP_LISTS['METI-EUL']!;
  const source = { url, publisher: 'Ministry of Economy, Trade and Industry (METI)', date, title: '外国ユーザーリスト (End User List)' };
  return { lists: entries.length ? [{ ...meta, source, asOf: date, entries }] : [], problems };
}

interface EulJson {
  stamps?: { url?: string; asOf?: string }[];
  entries?: { id?: string; list?: string; name?: string; altNames?: string[]; countries?: string[]; concern?: string[]; programs?: string[]; sourceUrl?: string }[];
}

/**
 * Parses the End User List in the EyeWarnYou `jp-end-user-list.json` form: `{ stamps: [{ asOf, url }],
 * entries: [{ id: "METI-EUL:12", name, altNames, countries, concern: ["M", "CW"] }] }`.
 */
export function parseJpEndUserList(text: string, asOf: string): ParsedFile {
  let doc: EulJson;
  try {
    doc = JSON.parse(text) as EulJson;
  } catch (err) {
    return { lists: [], problems: [{ at: 'file', field: '(json)', message: `not valid JSON (${(err as Error).message}); a download cut short looks like this` }] };
  }
  if (!Array.isArray(doc.entries)) return { lists: [], problems: [{ at: 'file', field: 'entries', message: 'expected an array of list entries' }] };
  const stamp = doc.stamps?.find((s) => s.asOf && DATE.test(s.asOf));
  const raws = doc.entries.map((e, i) => ({
    at: `entries[${i}]`,
    raw: {
      no: /(\d+)$/.exec(e.id ?? '')?.[1] ?? String(e.id ?? ''),
      name: e.name ?? '', aliases: (e.altNames ?? []).filter((a) => typeof a === 'string'),
      country: countryOf(e.countries?.[0] ?? ''),
      concerns: concernsOf(e.concern?.length ? e.concern : (e.programs ?? [])),
    },
  }));
  return listOf(raws, stamp?.asOf ?? asOf, stamp?.url ?? METI_EUL_PAGE);
}

/** The columns of the CSV form (docs/keeping-data-current.md). */
export const EUL_CSV_COLUMNS = ['no', 'country', 'name', 'aliases', 'concern'] as const;

/**
 * Parses the End User List in its CSV form: one entity a row with the columns `no, country, name,
 * aliases, concern` — the country as an ISO code or METI's own name for it, the aliases one a line
 * within the cell (as in METI's spreadsheet) or separated by "|", the concern as letters (B C M N CW).
 */
export function parseJpEndUserListCsv(text: string, asOf: string): ParsedFile {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), info: true, bom: true, skip_empty_lines: true, relax_column_count: false });
  } catch (err) {
    const e = err as Error & { lines?: number };
    return { lists: [], problems: [{ at: e.lines ? `line ${e.lines}` : 'file', field: '(csv)', message: e.message }] };
  }
  const header = rows[0] ? Object.keys(rows[0].record) : [];
  const missing = EUL_CSV_COLUMNS.filter((c) => rows.length && !header.includes(c));
  if (missing.length) return { lists: [], problems: [{ at: 'line 1', field: missing.join(', '), message: 'missing End User List column(s)' }] };
  const raws = rows.map(({ record, info }) => ({
    at: `line ${info.lines}`,
    raw: {
      no: (record.no ?? '').trim(), name: record.name ?? '',
      aliases: (record.aliases ?? '').split(/\r?\n|\|/).map((a) => a.trim()).filter(Boolean),
      country: countryOf(record.country ?? ''), concerns: concernsOf([record.concern ?? '']),
    },
  }));
  return listOf(raws, asOf, METI_EUL_PAGE);
}
