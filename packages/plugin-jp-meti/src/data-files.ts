import { readFileSync } from 'node:fs';

/** Reads one of the plugin's JSON data files (shipped in `data/`). */
export function readData<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8')) as T;
}
