import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
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
  private readonly pending = new Map<number, { request: WriterRequest & { id: number }; resolve: (v: WriterReply & { ok: true }) => void; reject: (e: unknown) => void }>();
  private closing: Promise<void> | undefined;

  /** @param workerScript the thread's script; the built sqlite-writer-worker.js unless a test gives another. */
  constructor(private readonly path: string, private readonly workerScript?: URL) {}

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
      this.pending.set(request.id, { request, resolve, reject });
      worker.ref();
      worker.postMessage(request);
    });
  }

  private start(): Worker {
    const worker = new Worker(this.workerScript ?? workerFile(), { workerData: { path: this.path } });
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
    // A thread that dies may have committed a write whose reply it did not send: each write in flight is
    // read back from the database, and only one of which nothing was stored fails (a transaction is stored
    // whole or not at all). The next write starts a new thread.
    const lost = (err: unknown) => {
      if (this.worker === worker) this.worker = undefined;
      const inFlight = [...this.pending.values()];
      this.pending.clear();
      let stored: ((WriterReply & { ok: true }) | undefined)[] | undefined;
      try {
        stored = storedOutcomes(this.path, inFlight.map((p) => p.request));
      } catch {
        // The database cannot be read either: every write in flight fails, as it would have.
      }
      inFlight.forEach((p, i) => {
        const outcome = stored?.[i];
        if (outcome) p.resolve(outcome);
        else p.reject(err);
      });
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the SQLite writer thread stopped (exit code ${code})`)));
    return worker;
  }
}

/**
 * What the writes a stopped thread was asked did, read back on a connection of its own: for each, its reply as the
 * thread would have sent it when everything it writes is stored, else undefined. An append counts as stored when
 * every entry's record is there with the entry's own time, caller, request and answer (an ID alone could be an
 * older record's, which would have refused the append); a job chunk when its output is there and the job is at
 * its end under the same owner.
 */
export function storedOutcomes(path: string, requests: readonly (WriterRequest & { id: number })[]): ((WriterReply & { ok: true }) | undefined)[] {
  if (!requests.length) return [];
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const record = db.prepare<[string], { seq: number; time: string; caller: string; request: string; response_hash: string; answer_id: string | null; prev_hash: string; hash: string }>(
      'SELECT seq, time, caller, request, response_hash, answer_id, prev_hash, hash FROM audit_records WHERE id = ?',
    );
    const appended = (rows: EntryRows): [number, string, string][] | undefined => {
      const out: [number, string, string][] = [];
      for (const [id, time, caller, request, , bodyHash, answerId] of rows.rows) {
        const r = record.get(id);
        if (!r || r.time !== time || r.caller !== caller || r.request !== request || r.response_hash !== bodyHash || r.answer_id !== answerId) return undefined;
        out.push([r.seq, r.prev_hash, r.hash]);
      }
      return out;
    };
    const output = db.prepare<[string, number, number], { n: number }>('SELECT COUNT(*) AS n FROM job_output WHERE job_id = ? AND from_line = ? AND to_line = ?');
    const job = db.prepare<[string], { owner: string | null; processed: number }>('SELECT owner, processed FROM jobs WHERE id = ?');
    return requests.map((r) => {
      if (r.op === 'append') {
        const result = appended(r.entries);
        return result ? { id: r.id, ok: true as const, result } : undefined;
      }
      if (r.op === 'chunk') {
        const j = job.get(r.chunk.jobId);
        const stored = output.get(r.chunk.jobId, r.chunk.from, r.chunk.to)!.n === 1 && j?.owner === r.chunk.owner && j.processed >= r.chunk.to && (!r.entries.rows.length || appended(r.entries) !== undefined);
        return stored ? { id: r.id, ok: true as const, result: true } : undefined;
      }
      return undefined;
    });
  } finally {
    db.close();
  }
}
