import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** True when `err` says that the package `name` itself (not something it imports) cannot be found. */
export function isMissingPackage(err: unknown, name: string): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as NodeJS.ErrnoException).code;
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && err.message.includes(`'${name}'`);
}

function isPath(specifier: string): boolean {
  return specifier.startsWith('.') || isAbsolute(specifier) || specifier.startsWith('file:');
}

/**
 * Imports a module by specifier. Paths are taken relative to `cwd`. Bare package names are looked
 * up beside this CLI first (a workspace or a global install next to it), then from `cwd`, so a
 * globally installed CLI still finds plugins installed in the project it runs in. Returns
 * undefined only when the package itself is not installed anywhere; any other failure (a
 * missing dependency of the package, a syntax error, an unbuilt dist) is thrown.
 */
export async function importFromHereOrCwd(specifier: string, cwd: string): Promise<Record<string, unknown> | undefined> {
  if (isPath(specifier)) {
    const url = specifier.startsWith('file:') ? specifier : pathToFileURL(resolve(cwd, specifier)).href;
    return (await import(url)) as Record<string, unknown>;
  }
  try {
    return (await import(specifier)) as Record<string, unknown>;
  } catch (err) {
    if (!isMissingPackage(err, specifier)) throw err;
  }
  let resolved: string;
  try {
    resolved = createRequire(join(cwd, 'noop.js')).resolve(specifier);
  } catch (err) {
    if (isMissingPackage(err, specifier)) return undefined;
    throw err;
  }
  return (await import(pathToFileURL(resolved).href)) as Record<string, unknown>;
}
