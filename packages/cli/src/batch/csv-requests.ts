import { Readable } from 'node:stream';
import { parse, type CsvError, type Info } from 'csv-parse';
import { UsageError } from '../usage.js';
import { csvColumnPaths, CsvHeaderError, csvRecordRequest, type BatchLine, type CsvColumnPath, type LineBatch } from '@chokepoint/core';

/**
 * Maps a CSV header to request paths with core's one mapping (shared with the web app); an unknown or repeated column
 * is a usage error of `--input`.
 */
export function mapCsvHeader(header: string[]): CsvColumnPath[] {
  try {
    return csvColumnPaths(header);
  } catch (err) {
    if (err instanceof CsvHeaderError) throw new UsageError(`--input: ${err.message}`);
    throw err;
  }
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
  let paths: CsvColumnPath[] | undefined;
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
      lines.push({ line: info.lines, request: csvRecordRequest(record, paths) });
    }
    if (lines.length >= batchSize) {
      yield { lines, bytesRead: info.bytes };
      lines = [];
    }
  }
  flushSkipped(Infinity);
  yield { lines, bytesRead: parser.info.bytes };
}
