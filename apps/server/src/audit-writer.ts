import type { AuditEntry, AuditRecord, Store } from './store/index.js';

interface Pending {
  entries: AuditEntry[];
  resolve: (records: AuditRecord[]) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for the audit chain: appends requested in the same turn of the event loop (and while
 * a commit is running) go to the store in one transaction. An answer is sent only after its record
 * is committed, so no answered assessment is missing from the trail. A group the store refuses is
 * committed again caller by caller, so that a record the database will not take fails only its caller.
 */
export class AuditWriter {
  private queue: Pending[] = [];
  private running: Promise<void> | undefined;
  private scheduled = false;

  constructor(private readonly store: Store, private readonly maxBatch = 2000) {}

  append(entries: AuditEntry[]): Promise<AuditRecord[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entries, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once everything appended so far is committed. */
  async drain(): Promise<void> {
    while (this.running || this.queue.length || this.scheduled) {
      await (this.running ?? new Promise((r) => setImmediate(r)));
    }
  }

  private schedule(): void {
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.running = this.flush().finally(() => {
        this.running = undefined;
        if (this.queue.length) this.schedule();
      });
    });
  }

  private async flush(): Promise<void> {
    const batch: Pending[] = [];
    let size = 0;
    while (this.queue.length && (size === 0 || size + this.queue[0]!.entries.length <= this.maxBatch)) {
      const p = this.queue.shift()!;
      batch.push(p);
      size += p.entries.length;
    }
    try {
      const records = await this.store.appendAudit(batch.flatMap((p) => p.entries));
      let i = 0;
      for (const p of batch) {
        p.resolve(records.slice(i, i + p.entries.length));
        i += p.entries.length;
      }
    } catch (err) {
      if (batch.length === 1) return batch[0]!.reject(err);
      // One caller's record must never fail another's (#10.4): the group is refused as a whole, so
      // each caller's records are committed on their own, in order, and only those refused fail.
      for (const p of batch) {
        try {
          p.resolve(await this.store.appendAudit(p.entries));
        } catch (own) {
          p.reject(own);
        }
      }
    }
  }
}
