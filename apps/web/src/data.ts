import { useEffect, useState } from 'preact/hooks';
import { getJson } from './api.js';

/** A country as GET /v1/jurisdictions lists it. */
export interface Country {
  code: string;
  names: { en: string; zh?: string };
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

/** Runs `load` whenever `key` changes (undefined: nothing to load) and keeps the latest outcome only. */
export function useAsync<T>(key: string | undefined, load: () => Promise<T>): Async<T> {
  const [state, setState] = useState<Async<T>>({ loading: key !== undefined });
  useEffect(() => {
    if (key === undefined) return setState({ loading: false });
    let current = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return state;
}

let countries: Promise<Country[]> | undefined;
/** Countries, loaded once; a failure (no key yet, say) is retried on the next call. */
export function loadCountries(): Promise<Country[]> {
  countries ??= getJson<{ countries: Country[] }>('/v1/jurisdictions').then(
    (r) => [...r.countries].sort((a, b) => a.names.en.localeCompare(b.names.en)),
    (err: unknown) => {
      countries = undefined;
      throw err;
    },
  );
  return countries;
}

/** Forgets cached lists, after the API key changes. */
export function resetCaches(): void {
  countries = undefined;
}
