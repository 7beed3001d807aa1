import type { LicensePolicy, ListEntry, PartyList } from '@chokepoint/core';
import { parse } from 'csv-parse/sync';
import { CSL_LISTS, unknownList, type ListMeta } from './catalogue.js';
import type { RowProblem } from './problems.js';

/** The trade.gov page that describes the Consolidated Screening List and links its files. */
export const CSL_PAGE = 'https://www.trade.gov/consolidated-screening-list';

/** One CSL record as the JSON form carries it (the CSV form has the same columns, multi-values joined by "; "). */
export interface CslRecord {
  id?: string;
  _id?: string;
  source?: string;
  entity_number?: string | number | null;
  type?: string | null;
  programs?: string[] | string | null;
  name?: string;
  addresses?: { address?: string | null; city?: string | null; state?: string | null; postal_code?: string | null; country?: string | null }[] | string | null;
  federal_register_notice?: string | null;
  start_date?: string | null;
  end_date?: string | null;
  license_requirement?: string | null;
  license_policy?: string | null;
  remarks?: string | null;
  source_list_url?: string | null;
  alt_names?: string[] | string | null;
  nationalities?: string[] | string | null;
  citizenships?: string[] | string | null;
}

/** The parsed file: entries grouped by list, and every problem found. */
export interface ParsedFile {
  lists: PartyList[];
  problems: RowProblem[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COUNTRY = /^[A-Z]{2}$/;

/** The list code in a CSL `source` ("Entity List (EL) - Bureau of Industry and Security" → "EL"). */
export function cslSourceCode(source: string): string | undefined {
  const m = /\(([A-Za-z][A-Za-z -]*?)(?: List)?\)/.exec(source);
  return m ? m[1]!.trim().toUpperCase().replace(/\s+/g, '-') : undefined;
}

function metaFor(source: string): ListMeta | undefined {
  const code = cslSourceCode(source);
  if (!code) return undefined;
  return CSL_LISTS[code] ?? unknownList(`us-csl-${code.toLowerCase()}`, source.replace(/\s+-\s+.*$/, ''), 'US');
}

function many(value: string[] | string | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  const parts = Array.isArray(value) ? value : value.split(';');
  return parts.map((v) => v.trim()).filter(Boolean);
}

function policyOf(text: string): LicensePolicy | undefined {
  const t = text.toLowerCase();
  if (t.includes('presumption of denial')) return 'presumption_of_denial';
  if (t.includes('presumption of approval')) return 'presumption_of_approval';
  if (t.includes('case-by-case') || t.includes('case by case')) return 'case_by_case';
  return undefined;
}

/**
 * What an Entity List entry's licence requirement column asks for: a licence for all items subject to the EAR, or a
 * narrower scope ("… when used in projects specified in § 746.8(a)(4)", "items … listed in supplement no. 7 to part 746",
 * "all items … except for …") that the item alone cannot settle, which the US plugin asks about.
 */
export function entityListRequirement(text: string): 'license_required' | 'needs_information' {
  const t = text.toLowerCase();
  const allItems = /^(for )?all items subject to the ear\b/.test(t);
  return allItems && !/\bexcept for\b|subject to the ear when used\b/.test(t) ? 'license_required' : 'needs_information';
}

/** Entity List footnotes named in the licence requirement text (e.g. "See § 744.11 … footnote 1"). */
function footnotesOf(text: string): number[] {
  return [...new Set([...text.matchAll(/footnote\s+(\d)/gi)].map((m) => Number(m[1])))];
}

interface Address {
  text: string;
  country?: string;
}

function addressesOf(value: CslRecord['addresses'], at: string, problems: RowProblem[]): Address[] {
  if (value === null || value === undefined || value === '') return [];
  if (typeof value === 'string') {
    return many(value).map((text) => {
      const last = text.split(',').pop()?.trim() ?? '';
      return COUNTRY.test(last) ? { text, country: last } : { text };
    });
  }
  if (!Array.isArray(value)) {
    problems.push({ at, field: 'addresses', message: 'expected an array of addresses' });
    return [];
  }
  return value.map((a, i) => {
    const text = [a.address, a.city, a.state, a.postal_code, a.country].filter((p) => p && String(p).trim()).join(', ');
    if (a.country && !COUNTRY.test(a.country)) problems.push({ at, field: `addresses[${i}].country`, message: `expected ISO 3166-1 alpha-2, got ${JSON.stringify(a.country)}` });
    return a.country && COUNTRY.test(a.country) ? { text, country: a.country } : { text };
  });
}

/** One CSL record as a list entry, or the problems that keep it out. */
function entryOf(r: CslRecord, at: string, problems: RowProblem[]): { meta: ListMeta; entry: ListEntry } | undefined {
  const before = problems.length;
  const id = String(r.id ?? r._id ?? '').trim();
  if (!id) problems.push({ at, field: r._id !== undefined ? '_id' : 'id', message: 'required: the record ID' });
  const name = typeof r.name === 'string' ? r.name.trim() : '';
  if (!name) problems.push({ at, field: 'name', message: 'required' });
  const meta = typeof r.source === 'string' ? metaFor(r.source) : undefined;
  if (!meta) problems.push({ at, field: 'source', message: `expected a CSL source such as "Entity List (EL) - Bureau of Industry and Security", got ${JSON.stringify(r.source)}` });
  for (const field of ['start_date', 'end_date'] as const) {
    const v = r[field];
    if (v && !DATE.test(v)) problems.push({ at, field, message: `expected YYYY-MM-DD, got ${JSON.stringify(v)}` });
  }
  const addresses = addressesOf(r.addresses, at, problems);
  if (problems.length > before || !meta) return undefined;
  const requirementText = r.license_requirement?.trim() || undefined;
  const policyText = r.license_policy?.trim() || undefined;
  const licensePolicy = policyText ? policyOf(policyText) : undefined;
  const footnotes = requirementText ? footnotesOf(requirementText) : [];
  const country = addresses.find((a) => a.country)?.country ?? many(r.nationalities).concat(many(r.citizenships)).find((c) => COUNTRY.test(c));
  const programs = many(r.programs);
  const aliases = many(r.alt_names);
  const entry: ListEntry = {
    id, name,
    ...(aliases.length ? { aliases } : {}),
    ...(country ? { country } : {}),
    ...(addresses.length ? { addresses: addresses.map((a) => a.text) } : {}),
    ...(r.start_date ? { listedOn: r.start_date } : {}),
    ...(r.end_date ? { removedOn: r.end_date } : {}),
    ...(programs.length ? { programs } : {}),
    ...(r.type ? { type: r.type } : {}),
    ...(requirementText && meta.id === 'us-entity-list' && entityListRequirement(requirementText) === 'needs_information' ? { requirement: 'needs_information' as const } : {}),
    ...(licensePolicy ? { licensePolicy } : {}),
    ...(requirementText ? { licenseRequirementText: requirementText } : {}),
    ...(policyText ? { licensePolicyText: policyText } : {}),
    ...(r.federal_register_notice ? { notice: r.federal_register_notice } : {}),
    ...(footnotes.length ? { footnotes } : {}),
    ...(r.remarks ? { remarks: r.remarks } : {}),
    ...(r.source_list_url ? { sourceUrl: r.source_list_url } : {}),
  };
  return { meta, entry };
}

function group(rows: { record: CslRecord; at: string }[], asOf: string): ParsedFile {
  const problems: RowProblem[] = [];
  const byList = new Map<string, { meta: ListMeta; entries: ListEntry[]; ids: Set<string> }>();
  for (const { record, at } of rows) {
    const got = entryOf(record, at, problems);
    if (!got) continue;
    const bucket = byList.get(got.meta.id) ?? { meta: got.meta, entries: [], ids: new Set<string>() };
    if (bucket.ids.has(got.entry.id)) problems.push({ at, field: 'id', message: `duplicate record ID ${got.entry.id}` });
    bucket.ids.add(got.entry.id);
    bucket.entries.push(got.entry);
    byList.set(got.meta.id, bucket);
  }
  const source = { url: CSL_PAGE, publisher: 'International Trade Administration, US Department of Commerce (Consolidated Screening List)', date: asOf };
  const lists = [...byList.values()].map(({ meta, entries }) => ({ ...meta, source, asOf, entries }));
  return { lists, problems };
}

/** Parses the CSL JSON form: `{ "results": [ … ] }` (as the API and the downloadable file give it) or a bare array. */
export function parseCslJson(text: string, asOf: string): ParsedFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { lists: [], problems: [{ at: 'file', field: '(json)', message: `not valid JSON (${(err as Error).message}); a download cut short looks like this` }] };
  }
  const results = Array.isArray(doc) ? doc : (doc as { results?: unknown }).results;
  if (!Array.isArray(results)) return { lists: [], problems: [{ at: 'file', field: 'results', message: 'expected an array of CSL records' }] };
  const lastUpdated = ((doc as { sources_used?: { source_last_updated?: string }[] }).sources_used ?? []).map((s) => s.source_last_updated?.slice(0, 10)).filter((d): d is string => !!d && DATE.test(d)).sort().pop();
  return group(results.map((record, i) => ({ record: record as CslRecord, at: `results[${i}]` })), lastUpdated ?? asOf);
}

const CSV_REQUIRED = ['source', 'name', 'alt_names', 'addresses'];

/** Parses the CSL CSV form (header row; multi-valued cells joined by "; "). */
export function parseCslCsv(text: string, asOf: string): ParsedFile {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text, { columns: true, info: true, bom: true, skip_empty_lines: true, relax_column_count: false });
  } catch (err) {
    const e = err as Error & { lines?: number };
    return { lists: [], problems: [{ at: e.lines ? `line ${e.lines}` : 'file', field: '(csv)', message: e.message }] };
  }
  const header = rows[0] ? Object.keys(rows[0].record) : [];
  const missing = CSV_REQUIRED.filter((c) => !header.includes(c));
  if (!header.includes('_id') && !header.includes('id')) missing.unshift('_id');
  if (missing.length) return { lists: [], problems: [{ at: 'line 1', field: missing.join(', '), message: 'missing CSL column(s)' }] };
  return group(rows.map(({ record, info }) => ({ record: record as CslRecord, at: `line ${info.lines}` })), asOf);
}
