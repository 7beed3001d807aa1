import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { resolve } from 'node:path';
import type { CliContext } from '../context.js';
import { readNdjson, type BatchLine, type Engine, type LineBatch } from '@chokepoint/core';
import { createProgress } from '../batch/progress.js';
import { BatchSummary } from '../batch/summary.js';
import { COMPACT_FIELDS, FieldSelection, NdjsonChunk, ResponseSerializer } from '../batch/serialize.js';
import { UsageError } from '../usage.js';

/** What `assess --input` was asked to do. */
export interface BatchOptions {
  /** A file path, or `-` for stdin. A path ending in `.csv` is read as CSV. */
  input: string;
  /** A file path for the answers; default stdout. A path ending in `.csv` is written as CSV. */
  output?: string;
  /** How to read `input`; default CSV for a path ending in `.csv`, else NDJSON (so stdin is NDJSON). */
  inputFormat?: 'ndjson' | 'csv';
  /** Write only these dotted fields of each answer (`verdict,jurisdictions.verdict`). */
  fields?: string;
  /** Write only the decision: {@link COMPACT_FIELDS}. */
  compact?: boolean;
}

function selection(options: BatchOptions): FieldSelection | undefined {
  if (options.fields !== undefined && options.compact) throw new UsageError('--compact: is a preset of --fields; give one of them');
  const spec = options.compact ? COMPACT_FIELDS : options.fields;
  if (spec === undefined) return undefined;
  try {
    return new FieldSelection(spec);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function errorLine(id: string | number | undefined, line: number, error: object): string {
  return `${JSON.stringify({ id: id ?? null, line, error })}\n`;
}

/**
 * Assesses one chunk's lines with the synchronous `assessMany` and appends the NDJSON for all of
 * them to `chunk`: one write per chunk, and no await per line, keeps the batch close to the speed
 * of a bare parse-and-print loop. Returns the number of lines that failed.
 */
export function assessLines(engine: Engine, lines: readonly BatchLine[], serializer: ResponseSerializer, chunk: NdjsonChunk, summary?: BatchSummary): number {
  const requests: unknown[] = [];
  for (const l of lines) if ('request' in l) requests.push(l.request);
  const outcomes = engine.assessMany(requests)[Symbol.iterator]();
  let failed = 0;
  for (const l of lines) {
    if ('error' in l) {
      chunk.push(errorLine(l.id, l.line, l.error));
      failed++;
      summary?.failed();
      continue;
    }
    const outcome = outcomes.next().value!;
    if (outcome.ok) {
      serializer.writeLine(outcome.response, chunk);
      summary?.answered(outcome.response.verdict);
    } else {
      chunk.push(errorLine(outcome.id, l.line, outcome.error));
      failed++;
      summary?.failed();
    }
  }
  return failed;
}

/**
 * The batch's output, written from two buffers in turn: one is filled while the other's write
 * completes, and a buffer is filled again only once its write has completed (which is also the
 * back-pressure). A stream given by a host (a PassThrough in tests) may hold on to the bytes it is
 * given, so it gets a copy; a file we opened and the process's stdout are done with them by then.
 */
class ChunkedOutput {
  private readonly chunks = [new NdjsonChunk(), new NdjsonChunk()];
  private readonly written: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
  private turn = 0;

  constructor(private readonly out: NodeJS.WritableStream, private readonly keepsBytes: boolean) {}

  /** The next buffer to fill, empty, once its last write has completed. */
  async next(): Promise<NdjsonChunk> {
    await this.written[this.turn];
    const chunk = this.chunks[this.turn]!;
    chunk.clear();
    return chunk;
  }

  /** Writes the buffer {@link next} gave. */
  send(chunk: NdjsonChunk): void {
    if (!chunk.byteLength) return;
    const data = this.keepsBytes ? Buffer.from(chunk.toBuffer()) : chunk.toBuffer();
    const written = new Promise<void>((resolve, reject) => this.out.write(data, (err) => (err ? reject(err) : resolve())));
    // Awaited in next() or flushed(); until then a failed write must not count as an unhandled rejection.
    written.catch(() => {});
    this.written[this.turn] = written;
    this.turn ^= 1;
  }

  /** Resolves when every write has completed. */
  async flushed(): Promise<void> {
    await Promise.all(this.written);
  }
}

async function openInput(ctx: CliContext, input: string): Promise<{ stream: NodeJS.ReadableStream; size?: number }> {
  if (input === '-') return { stream: ctx.stdin };
  const path = resolve(ctx.cwd, input);
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a file');
    return { stream: createReadStream(path, { highWaterMark: 1 << 16 }), size: info.size };
  } catch (err) {
    throw new UsageError(`--input: cannot read "${input}": ${(err as Error).message}`);
  }
}

async function openOutput(ctx: CliContext, output: string | undefined): Promise<NodeJS.WritableStream> {
  if (output === undefined) return ctx.stdout;
  const stream = createWriteStream(resolve(ctx.cwd, output));
  try {
    await once(stream, 'open');
  } catch (err) {
    throw new UsageError(`--output: cannot write "${output}": ${(err as Error).message}`);
  }
  return stream;
}

/**
 * Runs a batch: NDJSON or CSV in, one NDJSON line (or CSV row) out per input line, in order. A bad
 * line gives an error line and the batch goes on. Streams both ways with backpressure, so memory
 * stays flat on any input size. Ends with a summary on stderr (counts by verdict, failed lines).
 * Returns the exit code: 1 when any line failed.
 */
export async function runBatch(ctx: CliContext, options: BatchOptions): Promise<number> {
  if (options.output !== undefined && options.input !== '-' && resolve(ctx.cwd, options.output) === resolve(ctx.cwd, options.input)) {
    throw new UsageError('--output: is the same file as --input; writing it would destroy the input');
  }
  const csvOutput = options.output?.toLowerCase().endsWith('.csv') ?? false;
  if (csvOutput && (options.fields !== undefined || options.compact)) throw new UsageError('--output: a .csv file has fixed columns; --fields and --compact apply to NDJSON output');
  const fields = selection(options);
  const { stream, size } = await openInput(ctx, options.input);
  const engine = await ctx.engine();
  const out = await openOutput(ctx, options.output);
  const csvInput = options.inputFormat ? options.inputFormat === 'csv' : options.input.toLowerCase().endsWith('.csv');
  // The CSV reader and writer are loaded only by the batches that use them (most are NDJSON both ways).
  const batches: AsyncIterable<LineBatch> = csvInput
    ? (await import('../batch/csv-requests.js')).readCsv(stream)
    : readNdjson(stream as AsyncIterable<Buffer | string>);
  const progress = await createProgress(ctx.stderr, size);
  const serializer = new ResponseSerializer(fields);
  const csv = csvOutput ? new (await import('../batch/csv-output.js')).CsvAnswers(engine.plugins.map((p) => p.jurisdiction)) : undefined;
  const summary = new BatchSummary();
  const output = new ChunkedOutput(out, out === ctx.stdout && out !== process.stdout);
  let done = 0;
  try {
    if (csv) out.write(csv.header());
    for await (const batch of batches) {
      const chunk = await output.next();
      if (csv) chunk.push(csv.assess(engine, batch.lines, summary));
      else assessLines(engine, batch.lines, serializer, chunk, summary);
      output.send(chunk);
      done += batch.lines.length;
      progress.update(done, batch.bytesRead);
    }
    await output.flushed();
  } finally {
    progress.stop();
    if (out !== ctx.stdout) {
      out.end();
      await finished(out);
    }
  }
  const failed = summary.failedCount;
  ctx.stderr.write(summary.text());
  if (failed) ctx.stderr.write(`chokepoint: ${failed} of ${done} lines failed; their output lines carry "error"\n`);
  return failed ? 1 : 0;
}
