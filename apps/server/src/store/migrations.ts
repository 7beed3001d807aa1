import { readdirSync, readFileSync } from 'node:fs';

/** The SQL migrations shipped in `migrations/<kind>/`, in the order they apply. */
export function migrationFiles(kind: 'sqlite' | 'postgres'): { name: string; sql: string }[] {
  const dir = new URL(`../../migrations/${kind}/`, import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: readFileSync(new URL(name, dir), 'utf8') }));
}
