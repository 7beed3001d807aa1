import { LRUCache } from 'lru-cache';

/** Hits and misses of one memo, for the bench and for a host that wants to see what its memos save. */
export interface MemoStatistics {
  /** What the memo keeps (`"item resolution"`, `"screening US"`). */
  label: string;
  hits: number;
  misses: number;
  /** Results held now; never more than `max`. */
  size: number;
  max: number;
}

/**
 * A bounded memo of a pure computation over the loaded data (an item's identifiers → its taxonomy nodes,
 * a party name → the listed names it matches): the same input always gives the same result, so a result
 * kept is the result computed. Never a memo of whole answers: the key holds every input the computation
 * reads, keys longer than {@link MAX_KEY} are computed each time (memory stays bounded in bytes), and
 * the least recently used result goes first.
 */
export class Memo<V extends object> {
  private readonly cache: LRUCache<string, V>;
  private hits = 0;
  private misses = 0;

  constructor(readonly label: string, readonly max: number) {
    this.cache = new LRUCache<string, V>({ max });
  }

  /** The kept result for `key`, or `compute()`'s, kept for next time. */
  get(key: string, compute: () => V): V {
    if (key.length > MAX_KEY) return compute();
    const kept = this.cache.get(key);
    if (kept !== undefined) {
      this.hits++;
      return kept;
    }
    this.misses++;
    const value = compute();
    this.cache.set(key, value);
    return value;
  }

  /** Forgets every kept result (what they were computed from changed). */
  clear(): void {
    this.cache.clear();
  }

  statistics(): MemoStatistics {
    return { label: this.label, hits: this.hits, misses: this.misses, size: this.cache.size, max: this.max };
  }
}

/** Longest key a memo keeps (characters): a longer input is computed each time, so no caller can grow a memo's bytes. */
export const MAX_KEY = 512;
