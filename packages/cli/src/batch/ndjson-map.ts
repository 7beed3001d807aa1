import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { echoedId, readNdjson, ValidationError } from '@chokepoint/core';
import type { CliContext } from '../context.js';

/**
 * Reads NDJSON from `input` (a file or `-`), answers each line with `answer`, and writes one NDJSON line per input
 * line, in order, to `output` or stdout. A line that is not JSON, or that `answer` refuses with a ValidationError,
 * gets an error record and the batch goes on (CONTRACT §4); the exit code is 1 when any line failed.
 */
export async function mapNdjsonLines(ctx: CliContext, input: string, output: string | undefined, answer: (request: unknown) => unknown): Promise<void> {
  const source = input === '-' ? ctx.stdin : createReadStream(resolve(ctx.cwd, input));
  const sink = output ? createWriteStream(resolve(ctx.cwd, output)) : ctx.stdout;
  let failed = 0;
  for await (const batch of readNdjson(source as AsyncIterable<Buffer>)) {
    let out = '';
    for (const l of batch.lines) {
      if ('error' in l) {
        out += `${JSON.stringify({ id: l.id ?? null, line: l.line, error: l.error })}\n`;
        failed++;
        continue;
      }
      try {
        out += `${JSON.stringify(answer(l.request))}\n`;
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        const rawId = (l.request as { id?: unknown } | null)?.id;
        out += `${JSON.stringify({ id: echoedId(rawId) ?? null, line: l.line, error: { code: err.code, message: err.message, errors: err.errors } })}\n`;
        failed++;
      }
    }
    if (out && !sink.write(out)) await once(sink, 'drain');
  }
  if (output) await new Promise<void>((r) => (sink as NodeJS.WritableStream).end(r));
  if (failed) ctx.exitCode = 1;
}
