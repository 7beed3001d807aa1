import { readFileSync } from 'node:fs';

/**
 * The version in the package.json one folder above a module (its package root, from `src/` or
 * `dist/`), so a package states its version in one place. Pass `import.meta.url`.
 */
export function packageVersion(moduleUrl: string): string {
  return (JSON.parse(readFileSync(new URL('../package.json', moduleUrl), 'utf8')) as { version: string }).version;
}

/** The running version of `@chokepoint/core`. */
export const CORE_VERSION: string = packageVersion(import.meta.url);
