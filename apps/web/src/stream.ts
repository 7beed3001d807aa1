import Papa from 'papaparse';
import { postNdjson } from './api.js';
import { csvColumnPaths } from '@chokepoint/core/csv';
import { csvRequests, isCsv, type RequestLine } from './batch.js';

// Large uploads are read, sent and answered in slices: the file is never read whole into one string,
// each slice is one NDJSON POST whose answers stream back, and the page gets control back between
// slices (so it repaints and stays usable with 100,000 lines).

/** Lines per POST: small enough to keep the page responsive and far below the server's body limit. */
export const SLICE_LINES = 1000;

/** The request lines of an uploaded CSV or NDJSON file, `size` at a time, with their line numbers in the file. */
export function requestSlices(file: File, size = SLICE_LINES): AsyncGenerator<RequestLine[]> {
  return isCsv(file.name) ? csvSlices(file, size) : ndjsonSlices(file, size);
}

async function* ndjsonSlices(file: File, size: number): AsyncGenerator<RequestLine[]> {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  let rest = '';
  let line = 0;
  let slice: RequestLine[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    rest += value ?? '';
    const parts = rest.split('\n');
    rest = done ? '' : parts.pop()!;
    for (const part of parts) {
      line++;
      const json = part.replace(/\r$/, '');
      if (json.trim()) slice.push({ line, json });
      if (slice.length >= size) {
        yield slice;
        slice = [];
      }
    }
    if (done) break;
  }
  if (slice.length) yield slice;
}

/**
 * CSV read by PapaParse in chunks, paused while a slice is being answered. The header row names the
 * columns (as for `chokepoint assess --input FILE.csv`); an unknown column stops the file before any
 * line is sent.
 */
async function* csvSlices(file: File, size: number): AsyncGenerator<RequestLine[]> {
  let paths: string[][] | undefined;
  let nextLine = 2;
  let rows: string[][] = [];
  let done = false;
  let failure: unknown;
  let parser: Papa.Parser | undefined;
  let wake: (() => void) | undefined;
  const woken = () => new Promise<void>((resolve) => (wake = resolve));
  let waiting = woken();
  Papa.parse<string[]>(file, {
    skipEmptyLines: true,
    chunkSize: 256 * 1024,
    chunk(results, p) {
      parser = p;
      let data = results.data;
      try {
        if (!paths && data.length) {
          const header = data[0]!.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h));
          paths = csvColumnPaths(header);
          data = data.slice(1);
        }
      } catch (err) {
        failure = err;
        p.abort();
        return;
      }
      rows.push(...data);
      p.pause();
      wake?.();
    },
    complete() {
      done = true;
      wake?.();
    },
    error(err) {
      failure = err;
      done = true;
      wake?.();
    },
  });
  for (;;) {
    await waiting;
    waiting = woken();
    if (failure) throw failure;
    while (rows.length >= size || (done && rows.length)) {
      const taken = rows.slice(0, size);
      rows = rows.slice(size);
      const slice = csvRequests(paths ?? [], taken, nextLine);
      nextLine += taken.length;
      yield slice;
    }
    if (done) break;
    parser?.resume();
  }
  if (!paths) throw new Error('The CSV file is empty; its first row must name the columns.');
}

/** One answer line of an NDJSON route, with the file line of the request it answers. */
export type Answered<T> = T & { line?: number };

/**
 * Sends an uploaded file to an NDJSON route slice by slice and hands each slice's answers, in input
 * order, to `onAnswers`; errors of the server's own line numbering are renumbered to the file's lines.
 * `onRead` reports the lines read so far. Stops at the first slice the server refuses.
 */
export async function streamFile<T extends object>(
  path: string,
  file: File,
  handlers: { onRead: (lines: RequestLine[]) => void; onAnswers: (answers: Answered<T>[], lines: RequestLine[]) => void },
): Promise<void> {
  for await (const lines of requestSlices(file)) {
    handlers.onRead(lines);
    const answers: Answered<T>[] = [];
    await postNdjson(path, `${lines.map((l) => l.json).join('\n')}\n`, (answer) => {
      const a = answer as Answered<T>;
      const at = lines[answers.length];
      answers.push(at && 'error' in a && a.line !== undefined ? { ...a, line: at.line } : a);
    });
    handlers.onAnswers(answers, lines);
  }
}
