import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The version in the package.json nearest above a module (its package root, however deep the
 * module sits: `src/`, `dist/esm/`, or the root itself), so a package states its version in one place.
 * A package.json without a version (such as `{"type": "module"}` in a build folder) is passed over.
 * Pass `import.meta.url`.
 */
export function packageVersion(moduleUrl: string): string {
  const start = dirname(fileURLToPath(moduleUrl));
  for (let dir = start; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
      if (typeof version === 'string') return version;
    }
    if (dirname(dir) === dir) throw new Error(`packageVersion: no package.json with a version above ${start}`);
  }
}

/** The running version of `@chokepoint/core`. */
export const CORE_VERSION: string = packageVersion(import.meta.url);
