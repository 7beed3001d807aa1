import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AuditEntry, JobChunk } from './store.js';

/**
 * Audit entries as a message. Each entry is an array: an object's property names would be copied with
 * every entry (this took more of the serving thread than the rest of the write). The plugins' text,
 * the same for every entry of a running engine, is sent once per message, each row giving its index:
 * copied with every entry, it was a tenth of the bytes sent.
 */
export interface EntryRows {
  rows: EntryRow[];
  plugins: string[];
}
export type EntryRow = [id: string, time: string, caller: string, request: string, body: string, bodyHash: string, answerId: string | null, plugins: number];

export function toRows(entries: AuditEntry[]): EntryRows {
  const plugins: string[] = [];
  const rows = entries.map((e): EntryRow => {
    let p = plugins.indexOf(e.plugins);
    if (p < 0) p = plugins.push(e.plugins) - 1;
    return [e.id, e.time, e.caller, e.request, e.body, e.bodyHash, e.answerId, p];
  });
  return { rows, plugins };
}

export const fromRows = ({ rows, plugins }: EntryRows): AuditEntry[] =>
  rows.map(([id, time, caller, request, body, bodyHash, answerId, p]) => ({ id, time, caller, request, body, bodyHash, answerId, plugins: plugins[p]! }));

/** A message to the writer thread (see sqlite-writer-worker.ts). */
export type WriterRequest =
  | { op: 'append'; id: number; entries: EntryRows }
  | { op: 'chunk'; id: number; chunk: Omit<JobChunk, 'entries'>; entries: EntryRows }
  | { op: 'close' };

/** The writer thread's answer: the outcome of the request with the same `id`, once committed. */
export type WriterReply =
  | { id: number; ok: true; result: [seq: number, prevHash: string, hash: string][] | boolean }
  | { id: number; ok: false; message: string; code: string | undefined };

/** An error from the writer thread, with SQLite's code when it had one. */
export class SqliteWriteError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
    this.name = 'SqliteWriteError';
  }
}

/**
 * The compiled worker: beside this file in `dist`, or, when the server runs from its TypeScript
 * sources (its tests, which build first), in `dist` beside `src`.
 */
function workerFile(): URL {
  const candidates = [new URL('./sqlite-writer-worker.js', import.meta.url), new URL('../../dist/store/sqlite-writer-worker.js', import.meta.url)];
  const found = candidates.find((u) => existsSync(fileURLToPath(u)));
  if (!found) throw new Error('the SQLite writer thread is not built (dist/store/sqlite-writer-worker.js is missing); run `pnpm build`');
  return found;
}

/** Writes to the audit chain from a thread of its own; see sqlite-writer-worker.ts. */
export class SqliteWriter {
  private worker: Worker | undefined;
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: WriterReply & { ok: true }) => void; reject: (e: unknown) => void }>();
  private closing: Promise<void> | undefined;

  constructor(private readonly path: string) {}

  /** Appends entries to the chain in one transaction; resolves with each record's `[seq, prevHash, hash]` once committed. */
  async append(entries: AuditEntry[]): Promise<[number, string, string][]> {
    return (await this.call({ op: 'append', id: this.next++, entries: toRows(entries) })).result as [number, string, string][];
  }

  /** Commits a job chunk (see Store.commitJobChunk). */
  async commitChunk(chunk: JobChunk): Promise<boolean> {
    const { entries, ...rest } = chunk;
    return (await this.call({ op: 'chunk', id: this.next++, chunk: rest, entries: toRows(entries) })).result as boolean;
  }

  /** Lets the thread finish what it was asked, then closes its connection. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.closing ??= new Promise<void>((resolve) => {
      worker.ref();
      worker.once('exit', () => resolve());
      worker.postMessage({ op: 'close' } satisfies WriterRequest);
    });
    await this.closing;
  }

  private call(request: WriterRequest & { id: number }): Promise<WriterReply & { ok: true }> {
    if (this.closing) return Promise.reject(new Error('the SQLite store is closed'));
    const worker = (this.worker ??= this.start());
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      worker.ref();
      worker.postMessage(request);
    });
  }

  private start(): Worker {
    const worker = new Worker(workerFile(), { workerData: { path: this.path } });
    // Idle, the thread does not keep the process alive; a write in flight does (see call).
    worker.unref();
    worker.on('message', (reply: WriterReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (!this.pending.size) worker.unref();
      if (reply.ok) p.resolve(reply);
      else p.reject(new SqliteWriteError(reply.message, reply.code));
    });
    // A thread that dies fails what it was asked (nothing of an uncommitted transaction is kept);
    // the next write starts a new one.
    const lost = (err: unknown) => {
      if (this.worker === worker) this.worker = undefined;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the SQLite writer thread stopped (exit code ${code})`)));
    return worker;
  }
}
