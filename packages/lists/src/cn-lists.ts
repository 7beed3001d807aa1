import type { ListEntry } from '@chokepoint/core';
import { CN_LISTS, unknownList, type ListMeta } from './catalogue.js';
import type { ParsedFile } from './csl.js';
import type { RowProblem } from './problems.js';

/** One entry of China's lists in the EyeWarnYou `cn-lists.json` form. */
interface CnRecord {
  id?: string;
  list?: string;
  name?: string;
  altNames?: string[];
  type?: string;
  countries?: string[];
  addresses?: string[];
  programs?: string[];
  startDate?: string;
  sourceUrl?: string;
  remarks?: string;
  cnStatus?: 'active' | 'stopped' | 'suspended';
  cnStatusUntil?: string;
}

interface CnFile {
  stamps?: { source?: string; url?: string; asOf?: string }[];
  entries?: CnRecord[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COUNTRY = /^[A-Z]{2}$/;

function dayBefore(date: string): string {
  return new Date(Date.parse(date) - 86_400_000).toISOString().slice(0, 10);
}

/** The first day a stop or suspension takes effect, from remarks such as "Measures stopped (from 2025-11-10; …)". */
function statusFrom(remarks: string | undefined): string | undefined {
  return /\(from (\d{4}-\d{2}-\d{2})/.exec(remarks ?? '')?.[1];
}

function entryOf(r: CnRecord, at: string, problems: RowProblem[]): { meta: ListMeta; entry: ListEntry } | undefined {
  const before = problems.length;
  if (!r.id) problems.push({ at, field: 'id', message: 'required' });
  if (!r.name?.trim()) problems.push({ at, field: 'name', message: 'required' });
  if (!r.list) problems.push({ at, field: 'list', message: 'required: CN-ECL, CN-WL, CN-UEL or CN-AFSL' });
  if (r.startDate !== undefined && !DATE.test(r.startDate)) problems.push({ at, field: 'startDate', message: `expected YYYY-MM-DD, got ${JSON.stringify(r.startDate)}` });
  (r.countries ?? []).forEach((c, i) => {
    if (!COUNTRY.test(c)) problems.push({ at, field: `countries[${i}]`, message: `expected ISO 3166-1 alpha-2, got ${JSON.stringify(c)}` });
  });
  if (r.cnStatus !== undefined && !['active', 'stopped', 'suspended'].includes(r.cnStatus)) problems.push({ at, field: 'cnStatus', message: 'expected active, stopped or suspended' });
  const from = statusFrom(r.remarks);
  if (r.cnStatus === 'stopped' && !from) problems.push({ at, field: 'remarks', message: 'a stopped entry must say from when ("(from YYYY-MM-DD; …)")' });
  if (r.cnStatus === 'suspended' && (!from || !r.cnStatusUntil || !DATE.test(r.cnStatusUntil))) problems.push({ at, field: 'cnStatusUntil', message: 'a suspended entry needs its first day in remarks and its end date in cnStatusUntil' });
  if (problems.length > before) return undefined;
  const meta = CN_LISTS[r.list!] ?? unknownList(`cn-${r.list!.toLowerCase().replace(/^cn-/, '')}`, r.list!, 'CN');
  const aliases = (r.altNames ?? []).filter((a) => a.trim());
  const entry: ListEntry = {
    id: r.id!, name: r.name!.trim(),
    ...(aliases.length ? { aliases } : {}),
    ...(r.countries?.[0] ? { country: r.countries[0] } : {}),
    ...(r.addresses?.length ? { addresses: r.addresses } : {}),
    ...(r.startDate ? { listedOn: r.startDate } : {}),
    // A stopped listing ends the day before the stop; a suspension is kept as the entry's own period.
    ...(r.cnStatus === 'stopped' ? { removedOn: dayBefore(from!) } : {}),
    ...(r.cnStatus === 'suspended' ? { suspensions: [{ from: from!, to: r.cnStatusUntil!, by: r.remarks ?? 'suspension' }] } : {}),
    ...(r.programs?.length ? { programs: r.programs } : {}),
    ...(r.type ? { type: r.type } : {}),
    ...(r.remarks ? { remarks: r.remarks } : {}),
    ...(r.sourceUrl ? { sourceUrl: r.sourceUrl } : {}),
  };
  return { meta, entry };
}

/** Parses China's lists in the EyeWarnYou `cn-lists.json` form: `{ stamps: [{ asOf, url }], entries: [ … ] }`. */
export function parseCnLists(text: string, asOf: string): ParsedFile {
  let doc: CnFile;
  try {
    doc = JSON.parse(text) as CnFile;
  } catch (err) {
    return { lists: [], problems: [{ at: 'file', field: '(json)', message: `not valid JSON (${(err as Error).message}); a download cut short looks like this` }] };
  }
  if (!Array.isArray(doc.entries)) return { lists: [], problems: [{ at: 'file', field: 'entries', message: 'expected an array of list entries' }] };
  const stamp = doc.stamps?.find((s) => s.asOf && DATE.test(s.asOf));
  const date = stamp?.asOf ?? asOf;
  const problems: RowProblem[] = [];
  const byList = new Map<string, { meta: ListMeta; entries: ListEntry[] }>();
  doc.entries.forEach((r, i) => {
    const got = entryOf(r, `entries[${i}]`, problems);
    if (!got) return;
    const bucket = byList.get(got.meta.id) ?? { meta: got.meta, entries: [] };
    if (bucket.entries.some((e) => e.id === got.entry.id)) problems.push({ at: `entries[${i}]`, field: 'id', message: `duplicate ID ${got.entry.id}` });
    bucket.entries.push(got.entry);
    byList.set(got.meta.id, bucket);
  });
  const source = { url: stamp?.url ?? 'https://www.mofcom.gov.cn/', publisher: 'MOFCOM designations, as compiled in the cn-lists.json form', date };
  return { lists: [...byList.values()].map(({ meta, entries }) => ({ ...meta, source, asOf: date, entries })), problems };
}
