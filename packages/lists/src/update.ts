import { readFile } from 'node:fs/promises';
import { validatePartyList, type PartyList } from '@chokepoint/core';
import { parseCnLists } from './cn-lists.js';
import { parseCslCsv, parseCslJson, type ParsedFile } from './csl.js';
import { EUL_CSV_COLUMNS, parseJpEndUserList, parseJpEndUserListCsv } from './jp-end-user-list.js';
import { diffList, type ListDiff } from './diff.js';
import { ImportError, ListChoiceError } from './problems.js';
import type { ListStore } from './store.js';

/** The file formats the importer reads, as `--format` and the admin API name them. */
export const LIST_FORMATS = ['csl-json', 'csl-csv', 'cn-lists', 'jp-eul-json', 'jp-eul-csv'] as const;

/** A file format the importer reads. */
export type ListFormat = (typeof LIST_FORMATS)[number];

/** A publisher's file: where it is by default and how it is read. The URL can be changed by an environment variable. */
export interface PublisherSource {
  key: string;
  format: ListFormat;
  url: string;
  /** Environment variable that overrides `url`. */
  env: string;
  /** List IDs the file carries (the ones the importer knows). */
  lists: string[];
}

/** Default sources for `data update` without `--from`. */
export const PUBLISHER_SOURCES: PublisherSource[] = [
  {
    key: 'us-csl', format: 'csl-json', env: 'CHOKEPOINT_LIST_URL_US_CSL',
    url: 'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json',
    lists: ['us-entity-list', 'us-denied-persons', 'us-unverified-list', 'us-meu-list', 'us-ofac-sdn'],
  },
  {
    key: 'cn-lists', format: 'cn-lists', env: 'CHOKEPOINT_LIST_URL_CN_LISTS',
    url: 'https://raw.githubusercontent.com/OSUGIYAMA/EyeWarnYou/main/data/snapshots/cn-lists.json',
    lists: ['cn-export-control-list', 'cn-export-control-watch-list', 'cn-unreliable-entity-list', 'cn-anti-foreign-sanctions-list'],
  },
  {
    // METI publishes the list as PDF and Excel only; this is its parsed JSON form (Apache-2.0).
    key: 'jp-eul', format: 'jp-eul-json', env: 'CHOKEPOINT_LIST_URL_JP_EUL',
    url: 'https://raw.githubusercontent.com/OSUGIYAMA/EyeWarnYou/main/data/snapshots/jp-end-user-list.json',
    lists: ['jp-meti-end-user-list'],
  },
];

/** Guesses the format from a file's name and first characters. */
export function detectFormat(name: string, text: string): ListFormat {
  const head = text.trimStart();
  if ((!head.startsWith('{') && !head.startsWith('[')) || /\.csv$/i.test(name)) {
    const columns = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]!.toLowerCase().split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
    return EUL_CSV_COLUMNS.every((c) => columns.includes(c)) ? 'jp-eul-csv' : 'csl-csv';
  }
  const start = head.slice(0, 100_000);
  if (!(/"entries"\s*:/.test(start) && /"stamps"\s*:/.test(start))) return 'csl-json';
  return /"list"\s*:\s*"METI-EUL"/.test(start) ? 'jp-eul-json' : 'cn-lists';
}

/** Parses a publisher's file in a known format. */
export function parseListFile(text: string, format: ListFormat, asOf: string): ParsedFile {
  if (format === 'csl-csv') return parseCslCsv(text, asOf);
  if (format === 'csl-json') return parseCslJson(text, asOf);
  if (format === 'jp-eul-json') return parseJpEndUserList(text, asOf);
  if (format === 'jp-eul-csv') return parseJpEndUserListCsv(text, asOf);
  return parseCnLists(text, asOf);
}

/** Reads a URL whole, or says why not: unreachable, an HTTP error, or fewer bytes than the server announced. */
export async function download(url: string, fetchImpl: typeof fetch = fetch, timeoutMs = 120_000): Promise<string> {
  let res: Response;
  try {
    res = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new Error(`${url}: unreachable (${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message}); the lists in use are unchanged`);
  }
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${res.statusText}; the lists in use are unchanged`);
  let body: Uint8Array;
  try {
    body = new Uint8Array(await res.arrayBuffer());
  } catch (err) {
    throw new Error(`${url}: the download broke off (${(err as Error).message}); the lists in use are unchanged`);
  }
  const announced = Number(res.headers.get('content-length'));
  if (announced && !res.headers.get('content-encoding') && body.byteLength !== announced) {
    throw new Error(`${url}: the download is incomplete (${body.byteLength} of ${announced} bytes); the lists in use are unchanged`);
  }
  return new TextDecoder().decode(body);
}

/** Options for {@link updateLists}. */
export interface UpdateOptions {
  store: ListStore;
  /** A file path or http(s) URL; without it every publisher source is downloaded. */
  from?: string;
  /** Import only this list ID. */
  list?: string;
  /** Force a format instead of guessing it. */
  format?: ListFormat;
  /** `asOf` when the file does not carry a date; default today (UTC). */
  asOf?: string;
  /** The `fetch` used for URLs; default the global one (tests pass their own). */
  fetch?: typeof fetch;
  /** Environment to read the list URL settings from; default `process.env`. */
  env?: Record<string, string | undefined>;
}

async function readSource(from: string, fetchImpl: typeof fetch | undefined): Promise<string> {
  if (/^https?:\/\//i.test(from)) return download(from, fetchImpl);
  try {
    return await readFile(from, 'utf8');
  } catch (err) {
    throw new Error(`${from}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); the lists in use are unchanged`);
  }
}

/** Parses and checks a whole file; throws {@link ImportError} naming each bad row, so that nothing half-read is used. */
export function importText(text: string, name: string, format: ListFormat, asOf: string): PartyList[] {
  const parsed = parseListFile(text, format, asOf);
  const problems = [...parsed.problems];
  for (const list of parsed.lists) for (const p of validatePartyList(list)) problems.push({ at: list.id, field: p.split(':')[0]!, message: p.slice(p.indexOf(':') + 1).trim() });
  if (!problems.length && !parsed.lists.length) problems.push({ at: 'file', field: '(records)', message: 'no list entries found' });
  if (problems.length) throw new ImportError(name, problems);
  return parsed.lists;
}

/**
 * Imports lists from a file or URL (or every publisher source), checks them whole, and puts them in
 * use together, keeping the previous copies. Any failure leaves the lists in use untouched.
 */
export async function updateLists(options: UpdateOptions): Promise<ListDiff[]> {
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const env = options.env ?? process.env;
  const sources = options.from
    ? [{ name: options.from, location: options.from, format: options.format }]
    : PUBLISHER_SOURCES.filter((s) => !options.list || s.lists.includes(options.list)).map((s) => ({ name: s.key, location: env[s.env] || s.url, format: s.format }));
  if (!sources.length) throw new ListChoiceError(options.list ?? '', `no publisher source carries it; known: ${PUBLISHER_SOURCES.flatMap((s) => s.lists).join(', ')}`);
  const lists: PartyList[] = [];
  for (const source of sources) {
    const text = await readSource(source.location, options.fetch);
    lists.push(...importText(text, source.location, source.format ?? detectFormat(source.location, text), asOf));
  }
  const chosen = options.list ? lists.filter((l) => l.id === options.list) : lists;
  if (!chosen.length) throw new ListChoiceError(options.list ?? '', `not in the file; it has ${lists.map((l) => l.id).join(', ')}`);
  const previous = new Map((await options.store.load()).map((l) => [l.id, l]));
  const diffs = chosen.map((l) => diffList(previous.get(l.id), l));
  await options.store.replace(chosen);
  return diffs;
}
