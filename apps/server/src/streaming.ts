import { once } from 'node:events';

/**
 * Waits for back-pressure to clear or the client to leave, and removes both listeners afterwards: a bare
 * `Promise.race` of two `once` calls left one listener per slow chunk behind (MaxListenersExceededWarning),
 * and waiting for `drain` alone never ended once the client had left.
 */
export async function drainOrClose(res: NodeJS.WritableStream): Promise<void> {
  const done = new AbortController();
  try {
    await Promise.race([once(res, 'drain', { signal: done.signal }), once(res, 'close', { signal: done.signal })]);
  } finally {
    done.abort();
  }
}

/** Thrown into a batch's input when the shutdown timeout ran out while it waited for a chunk. */
export class CutByShutdown extends Error {}

/** The in-band line that ends a streamed batch cut by a shutdown (docs/server.md, Operations). */
export const shuttingDownLine = (answered: number): string => `${JSON.stringify({ error: { code: 'shutting_down', answered, message: `the server is shutting down: ${answered} lines were answered, the rest was not read; send them again` } })}\n`;

/**
 * The in-band line that ends a streamed batch whose body (sent without a length) outgrew the limit. Lines read with
 * the chunk that crossed it are not answered either, so the line says how many were: the first `answered` input lines.
 */
export const tooLargeLine = (answered: number, limit: number, more = ''): string =>
  `${JSON.stringify({ error: { code: 'payload_too_large', answered, message: `the body is larger than ${limit} bytes: the first ${answered} lines were answered, the rest was not${more}` } })}\n`;

/**
 * A streamed request body's chunks, counted against `limit` (a RangeError above it). When `cut` aborts
 * while it waits for a chunk it throws {@link CutByShutdown}: a client that sends its next chunk only
 * after the shutdown timeout would otherwise keep the batch waiting until its connection is closed
 * under it, without the in-band line (#10.9).
 */
export async function* requestChunks(req: AsyncIterable<Buffer>, limit: number, cut: AbortSignal): AsyncGenerator<Buffer> {
  let onCut!: () => void;
  const cutNow = new Promise<null>((resolve) => {
    onCut = () => resolve(null);
    if (cut.aborted) onCut();
    else cut.addEventListener('abort', onCut, { once: true });
  });
  const input = req[Symbol.asyncIterator]();
  let received = 0;
  try {
    for (;;) {
      const next = await Promise.race([input.next(), cutNow]);
      if (next === null) throw new CutByShutdown();
      if (next.done) return;
      received += next.value.length;
      if (received > limit) throw new RangeError('batch too large');
      yield next.value;
    }
  } finally {
    cut.removeEventListener('abort', onCut);
  }
}
