import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../package.json' with { type: 'json' };

/**
 * The version in the package.json nearest above a module (its package root, however deep the
 * module sits: `src/`, `dist/esm/`, or the root itself), so a package states its version in one place.
 * A package.json without a version (such as `{"type": "module"}` in a build folder) is passed over.
 * Pass `import.meta.url`. It reads files beside the module, so it does not work inside a bundle:
 * packages of this repository import their package.json as a JSON module instead.
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
export const CORE_VERSION: string = pkg.version;
