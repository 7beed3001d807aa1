const REQUEST_KEYS = new Set(['id', 'item', 'from', 'to', 'date', 'transfer', 'endUse', 'endUser', 'jurisdictions']);
const ITEM_KEYS = new Set(['id', 'hs', 'cnCode', 'cnControlCode', 'eccn', 'euCode', 'cas', 'name', 'origin', 'valueUsd', 'parameters', 'content']);
const SCALARS = ['from', 'to', 'date', 'transfer', 'endUse'] as const;
const NESTED = ['endUser', 'jurisdictions'] as const;

/** FNV-1a over a string, continuing from `h`. */
function hashString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return Math.imul(h ^ 0xff, 16777619);
}

/** A value's contribution to the hash; types hash differently so "5" and 5 never meet. Nested values are walked, not serialised. */
function hashValue(h: number, v: unknown): number {
  switch (typeof v) {
    case 'undefined':
      return Math.imul(h ^ 1, 16777619);
    case 'string':
      return hashString(Math.imul(h ^ 2, 16777619), v);
    case 'number':
    case 'boolean':
      return hashString(Math.imul(h ^ 3, 16777619), String(v));
    default: {
      if (v === null) return Math.imul(h ^ 5, 16777619);
      if (Array.isArray(v)) {
        h = Math.imul(h ^ 6, 16777619);
        for (const x of v) h = hashValue(h, x);
        return Math.imul(h ^ 7, 16777619);
      }
      h = Math.imul(h ^ 4, 16777619);
      const o = v as Record<string, unknown>;
      for (const k in o) h = hashValue(hashString(h, k), o[k]);
      return Math.imul(h ^ 8, 16777619);
    }
  }
}

/** The fields of a request that decide its answer, in a form that can be compared without allocating. */
interface Signature {
  itemKeys: string[];
  itemValues: unknown[];
  scalars: unknown[];
  nested: unknown[];
  defaultDate: string | undefined;
}

/** Structural equality of JSON-like values, keys in the same order (the hash already walked them in order). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let n = 0;
  for (const k in ra) {
    if (!(k in rb) || !same(ra[k], rb[k])) return false;
    n++;
  }
  for (const _ in rb) n--;
  return n === 0;
}

function matches(sig: Signature, r: Record<string, unknown>, it: Record<string, unknown>, defaultDate: string): boolean {
  let i = 0;
  for (const k in it) {
    if (sig.itemKeys[i] !== k || !same(it[k], sig.itemValues[i])) return false;
    i++;
  }
  if (i !== sig.itemKeys.length) return false;
  for (let j = 0; j < SCALARS.length; j++) if (r[SCALARS[j]!] !== sig.scalars[j]) return false;
  if (r.date === undefined && sig.defaultDate !== defaultDate) return false;
  for (let j = 0; j < NESTED.length; j++) {
    if (!same(r[NESTED[j]!], sig.nested[j])) return false;
  }
  return true;
}

/** A private copy of a nested value, so later changes to the caller's object cannot alter the cache. */
function freeze(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? JSON.parse(JSON.stringify(value)) : value;
}

/**
 * Answers remembered by request, ignoring only the request's `id`. Two requests with the same
 * fields are the same question, so they share one answer. Lookups hash the raw request and compare
 * its fields, so a hit allocates nothing; requests that are not plain objects of known fields are
 * never remembered (they take the full validation path). When full, the cache starts again, which
 * keeps memory flat on endless streams of distinct requests.
 */
export class RequestCache<V> {
  private buckets = new Map<number, { sig: Signature; value: V }[]>();
  private size = 0;
  constructor(private readonly limit: number) {}

  /** The hash of a cacheable request, or undefined when it must not be cached. */
  hash(raw: unknown, defaultDate: string): number | undefined {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
    const r = raw as Record<string, unknown>;
    for (const k in r) if (!REQUEST_KEYS.has(k)) return undefined;
    const item = r.item;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
    const it = item as Record<string, unknown>;
    let h = 2166136261;
    for (const k in it) {
      if (!ITEM_KEYS.has(k)) return undefined;
      h = hashValue(hashString(h, k), it[k]);
    }
    for (const k of SCALARS) h = hashValue(h, r[k]);
    if (r.date === undefined) h = hashString(h, defaultDate);
    for (const k of NESTED) h = hashValue(h, r[k]);
    return h;
  }

  get(hash: number, raw: unknown, defaultDate: string): V | undefined {
    const bucket = this.buckets.get(hash);
    if (!bucket) return undefined;
    const r = raw as Record<string, unknown>;
    const it = r.item as Record<string, unknown>;
    for (const e of bucket) if (matches(e.sig, r, it, defaultDate)) return e.value;
    return undefined;
  }

  set(hash: number, raw: unknown, defaultDate: string, value: V): void {
    if (this.size >= this.limit) {
      this.buckets = new Map();
      this.size = 0;
    }
    const r = raw as Record<string, unknown>;
    const it = r.item as Record<string, unknown>;
    const itemKeys: string[] = [];
    const itemValues: unknown[] = [];
    for (const k in it) {
      itemKeys.push(k);
      itemValues.push(freeze(it[k]));
    }
    const sig: Signature = {
      itemKeys,
      itemValues,
      scalars: SCALARS.map((k) => r[k]),
      nested: NESTED.map((k) => freeze(r[k])),
      defaultDate: r.date === undefined ? defaultDate : undefined,
    };
    const bucket = this.buckets.get(hash);
    if (bucket) bucket.push({ sig, value });
    else this.buckets.set(hash, [{ sig, value }]);
    this.size++;
  }
}

/** A bounded map: when full it starts again, which keeps memory flat. */
export class BoundedCache<V> {
  private map = new Map<string, V>();
  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): void {
    if (this.map.size >= this.limit) this.map = new Map();
    this.map.set(key, value);
  }
}

/** Freezes an answer and everything in it, so a cached answer can be shared safely. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}
