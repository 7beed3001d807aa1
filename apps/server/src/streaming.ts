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
