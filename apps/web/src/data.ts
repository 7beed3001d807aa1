import type { Comparison, DataStatus, ItemRef } from '@chokepoint/core';
import { useEffect, useState } from 'preact/hooks';
import { getJson } from './api.js';

/** A country as GET /v1/jurisdictions lists it. */
export interface Country {
  code: string;
  /** `common`: the short name people use, where the official one differs ("China" for "People's Republic of China"). */
  names: { en: string; zh?: string; common?: string };
}

/** A country's name as a person looks for it: its common name where it has one, else its official name. */
export const countryName = (c: Country): string => c.names.common ?? c.names.en;

/** "China (CN)" for a code, from the loaded countries; the bare code until they are loaded or for an unknown one. */
export function countryLabel(code: string, list: Country[] | undefined): string {
  const c = list?.find((x) => x.code === code);
  return c ? `${countryName(c)} (${code})` : code;
}

/** A taxonomy search hit (GET /v1/taxonomy?q=). */
export interface TaxonomyHit {
  id: string;
  score: number;
  matchedBy: string;
  kind?: string;
  names?: { en: string; zh?: string };
}

/** A value chain and its stages, compiled in from the taxonomy (see vite.config.ts). */
export interface ChainSummary {
  id: string;
  name: string;
  stages: { id: string; name: string }[];
}

declare const __CHAINS__: ChainSummary[];
export const CHAINS: ChainSummary[] = __CHAINS__;

/** The state of one API call made by a view. */
export interface Async<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
}

/**
 * Runs `load` whenever `key` changes (undefined: nothing to load) and keeps the latest outcome only.
 * The state remembers the key it belongs to: on the render where the key changes, before the effect has
 * started the new load, it already says `loading`, so a view never shows the last key's answer as this one's.
 */
export function useAsync<T>(key: string | undefined, load: () => Promise<T>): Async<T> {
  const [state, setState] = useState<Async<T> & { key?: string }>({ loading: key !== undefined, key });
  useEffect(() => {
    if (key === undefined) return setState({ loading: false, key });
    let current = true;
    setState((s) => ({ ...s, loading: true, error: undefined, key }));
    load().then(
      (data) => current && setState({ data, loading: false, key }),
      (error: unknown) => current && setState({ error, loading: false, key }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  const { key: loadedFor, ...outcome } = state;
  return loadedFor === key ? outcome : { ...outcome, loading: key !== undefined, error: undefined };
}

let countries: Promise<Country[]> | undefined;
/** Countries, loaded once; a failure (no key yet, say) is retried on the next call. */
export function loadCountries(): Promise<Country[]> {
  countries ??= getJson<{ countries: Country[] }>('/v1/jurisdictions').then(
    (r) => [...r.countries].sort((a, b) => countryName(a).localeCompare(countryName(b))),
    (err: unknown) => {
      countries = undefined;
      throw err;
    },
  );
  return countries;
}

/** `value`, once it has stopped changing for `ms` (so that typing does not send a request per key). */
export function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** A technical parameter that entries listing an item turn on, with the plugin's question and where it is used. */
export interface ItemParameter {
  name: string;
  prompt?: string;
  uses: { jurisdiction: string; code?: string; conditions: string }[];
}

/** The query of GET /v1/compare for an item: its identifiers, a regime's own code as `code=JP=2(24)`. */
export function compareQuery(item: ItemRef, date: string): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(item)) {
    if (k === 'codes') for (const [j, code] of Object.entries(v as Record<string, string>)) q.append('code', `${j}=${code}`);
    else if (typeof v === 'string') q.set(k, v);
  }
  if (date) q.set('date', date);
  return q;
}

/** The parameters the entries listing an item turn on, each once, with the entries that use it. */
export async function itemParameters(item: ItemRef, date: string): Promise<ItemParameter[]> {
  const c = await getJson<Comparison>(`/v1/compare?${compareQuery(item, date)}`);
  const byName = new Map<string, ItemParameter>();
  for (const r of c.regimes) {
    for (const e of r.entries) {
      for (const p of e.parameters ?? []) {
        const found = byName.get(p.name) ?? { name: p.name, uses: [] };
        found.prompt ??= p.prompt;
        const use = { jurisdiction: r.jurisdiction, ...(e.code ? { code: e.code } : {}), conditions: e.conditions ?? '' };
        if (!found.uses.some((u) => u.jurisdiction === use.jurisdiction && u.code === use.code && u.conditions === use.conditions)) found.uses.push(use);
        byName.set(p.name, found);
      }
    }
  }
  return [...byName.values()];
}

let dataStatus: Promise<DataStatus> | undefined;
/** What answers rest on (GET /v1/data), loaded once per page; a failure is retried on the next call. */
export function loadDataStatus(): Promise<DataStatus> {
  dataStatus ??= getJson<DataStatus>('/v1/data').catch((err: unknown) => {
    dataStatus = undefined;
    throw err;
  });
  return dataStatus;
}

/** Forgets cached lists, after the API key changes. */
export function resetCaches(): void {
  countries = undefined;
  dataStatus = undefined;
}
