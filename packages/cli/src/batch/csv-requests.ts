import { Readable } from 'node:stream';
import { parse, type CsvError, type Info } from 'csv-parse';
import { UsageError } from '../usage.js';
import type { BatchLine, LineBatch } from '@chokepoint/core';

const REQUEST_COLUMNS = ['id', 'from', 'to', 'date', 'transfer', 'endUse', 'jurisdictions'];
const ITEM_COLUMNS = ['id', 'hs', 'cnCode', 'cnControlCode', 'eccn', 'euCode', 'cas', 'name', 'origin', 'valueUsd'];
const END_USER_COLUMNS = ['name', 'country', 'type', 'nationalities'];
/** Columns whose cell holds several codes. */
const LIST_FIELDS = new Set(['jurisdictions', 'endUser.nationalities']);
const PARAMETER = /^(?:param|item\.parameters)\.([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)?)$/;

/** Where a column's value goes in the request, as a property path. */
export type ColumnPath = string[];

/**
 * Maps a CSV header to request paths. A column is named after the request field (`from`,
 * `endUse`, `item.hs`, `endUser.name`); item fields may drop the `item.` prefix (`hs`, `cnCode`)
 * except `id`, which is the request ID — the taxonomy ID is `item.id`. Parameters are
 * `param.NAME`. An unknown column is a usage error, because ignoring it would assess every line
 * without a fact the user meant to give.
 */
export function mapCsvHeader(header: string[]): ColumnPath[] {
  const seen = new Map<string, string>();
  return header.map((raw, i) => {
    const name = raw.trim();
    let path: ColumnPath | undefined;
    const param = PARAMETER.exec(name);
    if (param) path = ['item', 'parameters', param[1]!];
    else if (REQUEST_COLUMNS.includes(name)) path = [name];
    else if (ITEM_COLUMNS.includes(name)) path = ['item', name];
    else if (name.startsWith('item.') && ITEM_COLUMNS.includes(name.slice(5))) path = ['item', name.slice(5)];
    else if (name.startsWith('endUser.') && END_USER_COLUMNS.includes(name.slice(8))) path = ['endUser', name.slice(8)];
    if (!path) {
      throw new UsageError(
        `--input: CSV column ${i + 1} "${name}" is not a request field; use ${REQUEST_COLUMNS.join(', ')}, ` +
          `item.<field> or a bare item field (${ITEM_COLUMNS.slice(1).join(', ')}), param.NAME, or endUser.${END_USER_COLUMNS.join('|')}`,
      );
    }
    const key = path.join('.');
    const earlier = seen.get(key);
    if (earlier !== undefined) throw new UsageError(`--input: CSV columns "${earlier}" and "${name}" both set ${key}`);
    seen.set(key, name);
    return path;
  });
}

/** Builds a request from one CSV record; empty cells are left out so defaults apply. */
export function csvRecordToRequest(record: string[], paths: ColumnPath[]): Record<string, unknown> {
  const request: Record<string, unknown> = {};
  paths.forEach((path, i) => {
    const cell = record[i]?.trim() ?? '';
    if (cell === '') return;
    let target = request;
    for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[path[path.length - 1]!] = LIST_FIELDS.has(path.join('.')) ? cell.split(/[\s,;|]+/).filter(Boolean) : cell;
  });
  return request;
}

/** Separators a CSV file may use: a spreadsheet saves `;` where the decimal mark is a comma (most of Europe), or tabs. */
const SEPARATORS = [',', ';', '\t'] as const;

/**
 * The separator of a header line: the one it uses most, outside quotes (a comma when it uses none). The header holds
 * only column names, none of which contains a separator, so it tells one file's convention from another's.
 */
export function headerSeparator(line: string): (typeof SEPARATORS)[number] {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (SEPARATORS as readonly string[]).includes(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: (typeof SEPARATORS)[number] = ',';
  for (const sep of SEPARATORS) if ((counts.get(sep) ?? 0) > (counts.get(best) ?? 0)) best = sep;
  return best;
}

/** A chunk of the input as bytes (a stream in text mode gives strings). */
const asBuffer = (chunk: Buffer | string): Buffer => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk);

/** Reads the input up to its first line end (or 64 KiB), for {@link headerSeparator}; returns that line and the whole input again. */
async function peekHeader(input: NodeJS.ReadableStream): Promise<{ header: string; stream: Readable }> {
  const chunks: Buffer[] = [];
  let length = 0;
  const it = (input as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  let done = false;
  while (!done && length < 65_536) {
    const next = await it.next();
    if (next.done) done = true;
    else {
      const chunk = asBuffer(next.value);
      chunks.push(chunk);
      length += chunk.length;
      if (chunk.includes(10)) break;
    }
  }
  const head = Buffer.concat(chunks);
  const end = head.indexOf(10);
  async function* rest(): AsyncGenerator<Buffer> {
    yield head;
    if (done) return;
    for (let next = await it.next(); !next.done; next = await it.next()) yield asBuffer(next.value);
  }
  return { header: head.subarray(0, end < 0 ? head.length : end).toString('utf8'), stream: Readable.from(rest(), { objectMode: false }) };
}

/**
 * Reads CSV requests in batches. The separator is read from the header line: a comma, or a semicolon or tab where
 * the header uses those (as spreadsheets save CSV in locales that write decimals with a comma). A record with the
 * wrong number of cells, or one the parser has to skip (a stray quote), becomes an error line; the batch goes on
 * and the output keeps input order.
 */
export async function* readCsv(input: NodeJS.ReadableStream, batchSize = 1000): AsyncGenerator<LineBatch> {
  const skipped: BatchLine[] = [];
  const { header, stream } = await peekHeader(input);
  const parser = parse({
    delimiter: headerSeparator(header),
    bom: true,
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined) => {
      const line = Number((err as { lines?: number } | undefined)?.lines ?? 0);
      skipped.push({ line, error: { code: 'invalid_csv', message: err?.message ?? 'unreadable CSV record' } });
    },
  });
  stream.pipe(parser);
  let paths: ColumnPath[] | undefined;
  let idColumn = -1;
  let lines: BatchLine[] = [];
  // Skips are reported as the parser meets them; they are put back in line order here.
  const flushSkipped = (before: number) => {
    while (skipped.length && skipped[0]!.line < before) lines.push(skipped.shift()!);
  };
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info & { error?: Error } }>) {
    if (!paths) {
      paths = mapCsvHeader(record);
      idColumn = paths.findIndex((p) => p.length === 1 && p[0] === 'id');
      continue;
    }
    flushSkipped(info.lines);
    if (record.length !== paths.length) {
      const id = idColumn >= 0 ? record[idColumn]?.trim() : undefined;
      const error = { code: 'invalid_csv', message: `expected ${paths.length} cells as in the header, got ${record.length}` };
      lines.push(id ? { line: info.lines, id, error } : { line: info.lines, error });
    } else {
      lines.push({ line: info.lines, request: csvRecordToRequest(record, paths) });
    }
    if (lines.length >= batchSize) {
      yield { lines, bytesRead: info.bytes };
      lines = [];
    }
  }
  flushSkipped(Infinity);
  yield { lines, bytesRead: parser.info.bytes };
}
