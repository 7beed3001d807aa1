import { hash as digest, randomUUID } from 'node:crypto';

/**
 * A new audit ID: a UUID of version 7 (RFC 9562), 48 bits of Unix time in milliseconds and then
 * random bits. IDs made later sort later, so the store's index of IDs grows at its end instead of
 * taking each insert at a random page (which made every commit write more pages).
 */
export function newAuditId(now = Date.now()): string {
  // randomUUID draws from a cached pool of random bytes; its first 48 bits give way to the time.
  const time = now.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-7${randomUUID().slice(15)}`;
}

/**
 * SHA-256 of a text (of its UTF-8 bytes) or of bytes, hex. One-shot `crypto.hash` (Node 20.12+): the same digest as
 * `createHash().update().digest()` without a Hash object per call, which the answer and every audit record pay for.
 */
export const sha256 = (data: string | Buffer): string => digest('sha256', data, 'hex');
import { GENESIS_HASH, type AuditEntry, type AuditRecord, type Store } from './store/store.js';

/**
 * The hash of a record: SHA-256 over its fields and the previous record's hash, as a JSON array so no
 * two field splits collide. The answer enters through its own SHA-256, which verification recomputes.
 */
export function auditHash(prevHash: string, seq: number, e: AuditEntry): string {
  return sha256(JSON.stringify([prevHash, seq, e.id, e.time, e.caller, e.request, e.answerId, e.bodyHash, e.plugins]));
}

/** Chains entries after the record `head` (or from the start of the chain). */
export function chainEntries(head: { seq: number; hash: string } | undefined, entries: AuditEntry[]): AuditRecord[] {
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  return entries.map((e) => {
    seq += 1;
    const hash = auditHash(prevHash, seq, e);
    // Field by field rather than a spread of the entry (a generic copy, on the writer's path for every record).
    const record: AuditRecord = { id: e.id, time: e.time, caller: e.caller, request: e.request, body: e.body, bodyHash: e.bodyHash, answerId: e.answerId, plugins: e.plugins, seq, prevHash, hash };
    prevHash = hash;
    return record;
  });
}

/** A record that does not verify, and why. */
export interface BadRecord {
  seq: number;
  id: string;
  reason: string;
}

/** At most this many bad records are listed; `badCount` counts them all. */
const MAX_LISTED_BAD = 1000;

/**
 * The outcome of {@link verifyAuditChain}: `bad` lists every record that does not verify (up to 1,000;
 * `badCount` counts all), `firstBad` is its first entry, `head` the hash of the last stored record.
 */
export type VerifyResult =
  | { ok: true; records: number; head: string; headSeq: number; expectedHead?: string }
  | { ok: false; records: number; head: string; headSeq: number; firstBad: BadRecord; bad: BadRecord[]; badCount: number; expectedHead?: string };

/** Options for {@link verifyAuditChain}. */
export interface VerifyOptions {
  pageSize?: number;
  /**
   * A chain head kept outside the database (from `audit head` or `GET /v1/audit/head`): the chain must
   * contain a record with this hash, so a truncated tail or a re-hashed chain is detected.
   */
  head?: string;
}

/**
 * Walks the whole chain and reports every record whose hash, link or sequence does not hold. Each
 * record is checked against its stored predecessor, so one altered record is reported once and later
 * tampering is not hidden behind it.
 */
export async function verifyAuditChain(store: Store, options: VerifyOptions | number = {}): Promise<VerifyResult> {
  const { pageSize = 5000, head: expectedHead } = typeof options === 'number' ? { pageSize: options } : options;
  let prev: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  let badCount = 0;
  let headFound = expectedHead === undefined;
  const bad: BadRecord[] = [];
  const report = (r: AuditRecord, reason: string) => {
    badCount++;
    if (bad.length < MAX_LISTED_BAD) bad.push({ seq: r.seq, id: r.id, reason });
  };
  for (;;) {
    const page = await store.auditPage(prev.seq, pageSize);
    if (!page.length) break;
    for (const r of page) {
      count++;
      if (r.seq !== prev.seq + 1) report(r, `sequence jumps from ${prev.seq} to ${r.seq}: a record was removed`);
      else if (r.prevHash !== prev.hash) report(r, 'prevHash does not match the previous record’s hash');
      if (sha256(r.body) !== r.bodyHash) report(r, 'the stored answer does not match its hash');
      else if (auditHash(r.prevHash, r.seq, r) !== r.hash) report(r, 'the record’s content does not match its hash');
      if (r.hash === expectedHead) headFound = true;
      prev = r;
    }
  }
  const tail = { records: count, head: prev.hash, headSeq: prev.seq, ...(expectedHead !== undefined ? { expectedHead } : {}) };
  if (!headFound) {
    badCount++;
    bad.push({ seq: prev.seq + 1, id: '', reason: `no record has the kept head ${expectedHead}: the chain was truncated or re-hashed after that head was taken` });
  }
  return badCount === 0 ? { ok: true, ...tail } : { ok: false, ...tail, firstBad: bad[0]!, bad, badCount };
}

/** The chain head: the last record's sequence number and hash, to keep outside the database. */
export async function auditHead(store: Store): Promise<{ seq: number; hash: string }> {
  const last = await store.auditHead();
  return last ?? { seq: 0, hash: GENESIS_HASH };
}

/** The outcome of {@link verifyAuditRecord}. */
export interface RecordVerification {
  ok: boolean;
  /** What does not hold, when something does not. */
  reason?: string;
}

/**
 * Checks one record as {@link verifyAuditChain} checks each: its stored answer against its hash, its
 * content against its own hash, and its link to the record before it.
 */
export async function verifyAuditRecord(store: Store, r: AuditRecord): Promise<RecordVerification> {
  if (sha256(r.body) !== r.bodyHash) return { ok: false, reason: 'the stored answer does not match its hash' };
  if (auditHash(r.prevHash, r.seq, r) !== r.hash) return { ok: false, reason: 'the record’s content does not match its hash' };
  const previous = r.seq > 1 ? (await store.auditPage(r.seq - 2, 1))[0] : undefined;
  const expected = r.seq > 1 ? previous?.seq === r.seq - 1 ? previous.hash : undefined : GENESIS_HASH;
  if (expected === undefined) return { ok: false, reason: `record ${r.seq - 1}, before this one, is missing` };
  if (r.prevHash !== expected) return { ok: false, reason: 'prevHash does not match the previous record’s hash' };
  return { ok: true };
}
