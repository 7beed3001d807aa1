import { readFileSync } from 'node:fs';

/** The running version of `@chokepoint/core`, read from its package.json so it never drifts. */
export const CORE_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
