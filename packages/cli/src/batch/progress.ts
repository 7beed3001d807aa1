/** Reports batch progress; a no-op when stderr is not a terminal, so logs and pipes stay clean. */
export interface BatchProgress {
  update(lines: number, bytesRead: number): void;
  stop(): void;
}

const NO_PROGRESS: BatchProgress = { update() {}, stop() {} };

/**
 * A progress bar on a terminal `stream`; `totalBytes` is the input size when known (a file). The bar's
 * library is loaded only for a terminal: a batch into a pipe or a log does not pay for it at start-up.
 */
export async function createProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }, totalBytes?: number): Promise<BatchProgress> {
  if (!stream.isTTY) return NO_PROGRESS;
  const { SingleBar } = await import('cli-progress');
  const known = totalBytes !== undefined && totalBytes > 0;
  const bar = new SingleBar({
    stream: stream as NodeJS.WritableStream,
    format: known ? '{bar} {percentage}% | {lines} lines | {rate} lines/s | ETA {eta_formatted}' : '{lines} lines | {rate} lines/s',
    hideCursor: true,
    clearOnComplete: false,
    fps: 5,
  });
  const started = Date.now();
  bar.start(known ? totalBytes : 1, 0, { lines: 0, rate: 0 });
  return {
    update(lines, bytesRead) {
      const seconds = (Date.now() - started) / 1000;
      bar.update(known ? bytesRead : 0, { lines, rate: seconds > 0 ? Math.round(lines / seconds) : 0 });
    },
    stop() {
      bar.stop();
    },
  };
}
