/** Hits and misses of one memo, for the bench and for a host that wants to see what its memos save. */
export interface MemoStatistics {
  /** What the memo keeps (`"item resolution"`, `"party screening, US"`). */
  label: string;
  hits: number;
  misses: number;
  /** Results held now, never more than `max`; absent for results held with the objects they were computed from (released with them). */
  size?: number;
  max?: number;
}

/**
 * A bounded memo of a pure computation over the loaded data (an item's identifiers → its taxonomy nodes,
 * a party name → the listed names it matches): the same input always gives the same result, so a result
 * kept is the result computed. Never a memo of whole answers: the key holds every input the computation
 * reads, and keys longer than `maxKey` are computed each time (memory stays bounded in bytes).
 *
 * Two generations of at most `max / 2` results each: a hit in the older one moves the result to the
 * newer, and when the newer is full the older is dropped whole — recently used results stay, at the cost
 * of two map lookups (quick-lru's scheme; lru-cache's bookkeeping cost more than the lookups it saved here).
 * It is a `MemoByKind` (below) with one kind.
 */
export class Memo<V extends object> {
  private readonly memo: MemoByKind<V>;

  /** @param maxKey longest key kept; a memo whose keys hold only data-bounded parts (taxonomy IDs) may allow more than {@link MAX_KEY}. */
  constructor(readonly label: string, readonly max: number, maxKey = MAX_KEY) {
    this.memo = new MemoByKind<V>(label, max, maxKey);
  }

  /** The kept result for `key`, or `compute()`'s, kept for next time. */
  get(key: string, compute: () => V): V {
    return this.memo.get('', key, compute);
  }

  /** Forgets every kept result (what they were computed from changed). */
  clear(): void {
    this.memo.clear();
  }

  /** Hits and misses since the memo was made, and how many results it holds now (a key kept in both generations counts once). */
  statistics(): MemoStatistics {
    return this.memo.statistics();
  }
}

/**
 * A bounded memo (as {@link Memo}: two generations, at most `max` results in all) whose keys are a kind and a text, kept
 * in a map per kind: a key is never the kind and the text joined, which would be a new string to build, flatten and
 * hash on every call (about 0.3 µs on this machine, against 25 ns to look up the text itself, whose hash V8 keeps with
 * the string). The caller names a fixed, small set of kinds (the fields of a request, say).
 */
export class MemoByKind<V extends object> {
  private current = new Map<string, Map<string, V>>();
  private previous = new Map<string, Map<string, V>>();
  /** Results in {@link current}. */
  private held = 0;
  private readonly half: number;
  private hits = 0;
  private misses = 0;

  /** @param maxKey longest text kept; a longer one is computed each time (memory stays bounded in bytes). */
  constructor(readonly label: string, readonly max: number, private readonly maxKey = MAX_KEY) {
    this.half = Math.max(1, Math.floor(max / 2));
  }

  /** The kept result for `key` of `kind`, or `compute()`'s, kept for next time. */
  get(kind: string, key: string, compute: () => V): V {
    if (key.length > this.maxKey) return compute();
    let value = this.current.get(kind)?.get(key);
    if (value !== undefined) {
      this.hits++;
      return value;
    }
    value = this.previous.get(kind)?.get(key);
    if (value !== undefined) {
      this.hits++;
      this.keep(kind, key, value);
      return value;
    }
    this.misses++;
    value = compute();
    this.keep(kind, key, value);
    return value;
  }

  /** Keeps a result not in the newer generation, dropping the older one whole when the newer is full. */
  private keep(kind: string, key: string, value: V): void {
    if (this.held >= this.half) {
      this.previous = this.current;
      this.current = new Map();
      this.held = 0;
    }
    let byKey = this.current.get(kind);
    if (byKey === undefined) this.current.set(kind, (byKey = new Map()));
    byKey.set(key, value);
    this.held++;
  }

  /** Forgets every kept result (what they were computed from changed). */
  clear(): void {
    this.current = new Map();
    this.previous = new Map();
    this.held = 0;
  }

  /** Hits and misses since the memo was made, and how many results it holds now (a key kept in both generations counts once). */
  statistics(): MemoStatistics {
    let size = this.held;
    for (const [kind, byKey] of this.previous) {
      const newer = this.current.get(kind);
      for (const key of byKey.keys()) if (!newer?.has(key)) size++;
    }
    return { label: this.label, hits: this.hits, misses: this.misses, size, max: this.max };
  }
}

/** Longest key a memo keeps (characters): a longer input is computed each time, so no caller can grow a memo's bytes. */
export const MAX_KEY = 512;
