const REQUEST_KEYS = new Set(['id', 'item', 'from', 'to', 'date', 'transfer', 'endUse', 'endUser', 'jurisdictions']);
const SIMPLE_ITEM_KEYS = ['id', 'hs', 'cnCode', 'cnControlCode', 'eccn', 'euCode', 'cas', 'name', 'origin', 'valueUsd'] as const;
const NESTED_ITEM_KEYS = new Set(['parameters', 'content']);

function part(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'number' || typeof v === 'boolean') return `n${v}`;
  return `j${JSON.stringify(v)}`;
}

/**
 * A cache key for a raw request that ignores only its `id`, or undefined when the request is not a
 * plain object of known fields (those take the full validation path every time). Two requests with
 * the same key are the same question, so their answers are the same.
 */
export function requestKey(raw: unknown, defaultDate: string): string | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  for (const k in r) if (!REQUEST_KEYS.has(k)) return undefined;
  const item = r.item;
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const it = item as Record<string, unknown>;
  let key = `${part(r.from)}\u0001${part(r.to)}\u0001${r.date === undefined ? `d${defaultDate}` : part(r.date)}\u0001${part(r.transfer)}\u0001${part(r.endUse)}\u0001${part(r.endUser)}\u0001${part(r.jurisdictions)}`;
  let simpleCount = 0;
  for (const k of SIMPLE_ITEM_KEYS) {
    const v = it[k];
    if (v !== undefined) simpleCount++;
    key += `\u0002${part(v)}`;
  }
  let nested = 0;
  for (const k in it) if (NESTED_ITEM_KEYS.has(k)) nested++;
  let total = 0;
  for (const _ in it) total++;
  if (total !== simpleCount + nested) return undefined;
  if (nested) key += `\u0003${part(it.parameters)}\u0003${part(it.content)}`;
  return key;
}

/** A bounded map: when full it starts again, which keeps memory flat on endless streams of distinct requests. */
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
