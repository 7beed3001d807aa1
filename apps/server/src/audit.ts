import { createHash } from 'node:crypto';

/** SHA-256 of a text, hex. */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
import { GENESIS_HASH, type AuditEntry, type AuditRecord, type Store } from './store/store.js';

/**
 * The hash of a record: SHA-256 over its fields and the previous record's hash, as a JSON array so no
 * two field splits collide. The answer enters through its own SHA-256, which verification recomputes.
 */
export function auditHash(prevHash: string, seq: number, e: AuditEntry): string {
  return createHash('sha256').update(JSON.stringify([prevHash, seq, e.id, e.time, e.caller, e.request, e.answerId, e.bodyHash, e.plugins])).digest('hex');
}

/** Chains entries after the record `head` (or from the start of the chain). */
export function chainEntries(head: { seq: number; hash: string } | undefined, entries: AuditEntry[]): AuditRecord[] {
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  return entries.map((e) => {
    seq += 1;
    const hash = auditHash(prevHash, seq, e);
    const record = { ...e, seq, prevHash, hash };
    prevHash = hash;
    return record;
  });
}

/** The outcome of {@link verifyAuditChain}. */
export type VerifyResult =
  | { ok: true; records: number; head: string }
  | { ok: false; records: number; firstBad: { seq: number; id: string; reason: string } };

/** Walks the whole chain and reports the first record whose hash, link or sequence does not hold. */
export async function verifyAuditChain(store: Store, pageSize = 5000): Promise<VerifyResult> {
  let prev: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  for (;;) {
    const page = await store.auditPage(prev.seq, pageSize);
    if (!page.length) return { ok: true, records: count, head: prev.hash };
    for (const r of page) {
      count++;
      const bad = (reason: string): VerifyResult => ({ ok: false, records: count, firstBad: { seq: r.seq, id: r.id, reason } });
      if (r.seq !== prev.seq + 1) return bad(`sequence jumps from ${prev.seq} to ${r.seq}: a record was removed`);
      if (r.prevHash !== prev.hash) return bad('prevHash does not match the previous record’s hash');
      if (sha256(r.body) !== r.bodyHash) return bad('the stored answer does not match its hash');
      if (auditHash(r.prevHash, r.seq, r) !== r.hash) return bad('the record’s content does not match its hash');
      prev = r;
    }
  }
}
