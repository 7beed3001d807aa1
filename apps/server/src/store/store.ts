import type { PartyList } from '@chokepoint/core';

/** What an assessment leaves in the audit trail before it is chained. */
export interface AuditEntry {
  id: string;
  /** ISO timestamp of the assessment. */
  time: string;
  /** API key ID, or `anonymous` when the server runs without keys. */
  caller: string;
  /** The request as JSON text, exactly as assessed. */
  request: string;
  /** The answer's JSON text without `id`; stored once per distinct text. */
  body: string;
  /** SHA-256 of `body`, hex. */
  bodyHash: string;
  /** The `id` the answer echoed, appended to `body` to give the exact response; null without one. */
  answerId: string | null;
  /** Plugin names, versions and data dates as JSON text. */
  plugins: string;
}

/** A chained audit record: `hash` covers the entry, its sequence number and `prevHash`. */
export interface AuditRecord extends AuditEntry {
  seq: number;
  prevHash: string;
  hash: string;
}

export type Role = 'read' | 'assess' | 'admin';

export interface ApiKeyRecord {
  id: string;
  name: string;
  role: Role;
  /** SHA-256 of the secret, hex. */
  secretHash: string;
  /** Requests per window for this key; null means the server default. */
  rateLimit: number | null;
  createdAt: string;
  revokedAt: string | null;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobRecord {
  id: string;
  caller: string;
  status: JobStatus;
  total: number;
  processed: number;
  failedLines: number;
  owner: string | null;
  leaseUntil: string | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One committed slice of a job: its output lines and the audit entries of its answers. */
export interface JobChunk {
  jobId: string;
  owner: string;
  /** Lines processed before this chunk; the commit fails if another worker moved the job on. */
  from: number;
  to: number;
  failedLines: number;
  output: string;
  entries: AuditEntry[];
  leaseSeconds: number;
}

/**
 * Persistence for the server: the hash-chained audit trail, API keys and batch jobs. SQLite and
 * PostgreSQL implement it with the same semantics; the HTTP layer never sees SQL.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Applies pending migrations from `migrations/<kind>/`, in file-name order. */
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;

  /** Appends entries to the chain in one transaction and returns them chained, in order. */
  appendAudit(entries: AuditEntry[]): Promise<AuditRecord[]>;
  getAudit(id: string): Promise<AuditRecord | undefined>;
  /** Records with `seq > afterSeq`, oldest first. */
  auditPage(afterSeq: number, limit: number): Promise<AuditRecord[]>;
  /** The last record's sequence number and hash; undefined for an empty chain. */
  auditHead(): Promise<{ seq: number; hash: string } | undefined>;

  createKey(key: ApiKeyRecord): Promise<void>;
  getKey(id: string): Promise<ApiKeyRecord | undefined>;
  listKeys(): Promise<ApiKeyRecord[]>;
  revokeKey(id: string, at: string): Promise<boolean>;
  activeKeyCount(): Promise<number>;

  createJob(job: { id: string; caller: string; total: number; input: string; createdAt: string }): Promise<void>;
  getJob(id: string): Promise<JobRecord | undefined>;
  jobInput(id: string): Promise<string>;
  /** Takes the job if it is queued or its lease has run out; undefined when another worker holds it or it is finished. */
  claimJob(id: string, owner: string, leaseSeconds: number): Promise<JobRecord | undefined>;
  /** The oldest claimable job's ID (queued, or running with an expired lease). */
  nextClaimableJob(): Promise<string | undefined>;
  /** Commits a chunk atomically (output, audit records, progress); false when this worker no longer owns the job. */
  commitJobChunk(chunk: JobChunk): Promise<boolean>;
  finishJob(id: string, owner: string, status: 'done' | 'failed', error?: string): Promise<boolean>;
  /** Gives a job back to the queue (at shutdown) so another worker resumes it at once. */
  releaseJob(id: string, owner: string): Promise<void>;
  jobOutput(id: string): AsyncIterable<string>;
  /** Jobs queued or running. */
  queueDepth(): Promise<number>;

  /** Imported screening lists in use (CONTRACT §10), shared by every server on this store. */
  loadLists(): Promise<PartyList[]>;
  /** Puts lists in use in one transaction, keeping each one's previous copy. */
  replaceLists(lists: PartyList[]): Promise<void>;
  /** Changes when any list is replaced, so that other servers notice and reload. */
  listsVersion(): Promise<string>;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The exact response text of a record: its shared body with the echoed `id` appended. The record keeps the id as text
 * (`answerId`, which its hash covers); `requestId` is the `id` of the record's request as parsed, so that an id sent
 * as a number is given back as the number the response echoed.
 */
export function responseText(r: Pick<AuditEntry, 'body' | 'answerId'>, requestId: unknown): string {
  if (r.answerId === null) return r.body;
  const echoed = typeof requestId === 'number' && String(requestId) === r.answerId ? requestId : r.answerId;
  return `${r.body.slice(0, -1)},"id":${JSON.stringify(echoed)}}`;
}
