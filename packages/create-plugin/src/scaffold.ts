import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { CORE_VERSION, definePlugin, type ControlEntry, type Measure } from '@chokepoint/core';
import { writeMeasureDocs } from '@chokepoint/plugin-kit';

/** What to scaffold. */
export interface ScaffoldOptions {
  /** npm package name (`@acme/plugin-xx` or `chokepoint-plugin-xx`). */
  name: string;
  /** Folder to create; must not exist or be empty. */
  dir: string;
  /** Regime code; default from the name's last part (`plugin-xx` → `XX`). */
  jurisdiction?: string;
  /** Dependency specifiers to use instead of the published ranges (e.g. local tarballs). */
  overrides?: Record<string, string>;
}

const TEMPLATE = fileURLToPath(new URL('../template', import.meta.url));
const NAME = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;
const JURISDICTION = /^[A-Z][A-Z0-9_-]{1,15}$/;

/** The regime code a package name suggests: `@acme/plugin-xx` → `XX`. */
export function jurisdictionFromName(name: string): string {
  return basename(name).replace(/^(chokepoint-)?plugin-/, '').toUpperCase();
}

/**
 * The range a new plugin declares on one of our packages at `version`: under 0.x a caret admits one minor
 * only (`^0.2.0` is `<0.3.0`), and the bundled plugins promise every later 0.x core (CONTRACT binds minors
 * to extend, never break), so a 0.x version gives `>=0.m.0 <1`; from 1.0, `^M.m.0`.
 */
export function rangeFor(version: string): string {
  const [major, minor] = version.split('.');
  return major === '0' ? `>=0.${minor}.0 <1` : `^${major}.${minor}.0`;
}

/** The version of the installed `@chokepoint/<name>` package (each is versioned on its own, so core's says nothing of the others'). */
function installedVersion(name: 'plugin-kit' | 'taxonomy'): string {
  return (createRequire(import.meta.url)(`@chokepoint/${name}/package.json`) as { version: string }).version;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

/**
 * Writes a working plugin: one measure and one entry as data, a case table with the data and docs
 * checks, the measure's generated page, a package.json whose `test` runs them. Throws naming the bad
 * option. Returns the files written, relative to `dir`.
 */
export function scaffoldPlugin(options: ScaffoldOptions): string[] {
  const { name, dir } = options;
  if (!NAME.test(name)) throw new Error(`name: expected an npm package name such as "@acme/plugin-xx", got ${JSON.stringify(name)}`);
  const jurisdiction = options.jurisdiction ?? jurisdictionFromName(name);
  if (!JURISDICTION.test(jurisdiction)) throw new Error(`jurisdiction: expected an upper-case regime code such as "XX", got ${JSON.stringify(jurisdiction)}; pass --jurisdiction`);
  if (existsSync(dir) && readdirSync(dir).length) throw new Error(`dir: ${dir} exists and is not empty`);
  mkdirSync(dir, { recursive: true });
  cpSync(TEMPLATE, dir, { recursive: true });
  const tokens: Record<string, string> = {
    __NAME__: name, __JURISDICTION__: jurisdiction, __ID__: jurisdiction.toLowerCase().replace(/_/g, '-'),
    __TITLE__: `${jurisdiction} export controls`, __CORE_RANGE__: rangeFor(CORE_VERSION),
  };
  for (const file of files(dir)) {
    let text = readFileSync(file, 'utf8');
    for (const [token, value] of Object.entries(tokens)) text = text.split(token).join(value);
    writeFileSync(file, text);
  }
  const pkg = {
    name, version: '0.1.0', type: 'module', main: './dist/index.js', types: './dist/index.d.ts',
    files: ['dist', 'data'],
    scripts: { build: 'tsc', test: 'vitest run' },
    // Core is the host's (the CLI's, the server's or the application's that registers the plugin): a peer, as the bundled
    // plugins declare it, so the plugin runs with the host's one copy and never installs a second, older one of its own.
    // It is a development dependency too, for the plugin's own build and tests.
    peerDependencies: { '@chokepoint/core': tokens.__CORE_RANGE__! },
    devDependencies: { '@chokepoint/core': tokens.__CORE_RANGE__!, '@chokepoint/plugin-kit': rangeFor(installedVersion('plugin-kit')), '@chokepoint/taxonomy': rangeFor(installedVersion('taxonomy')), '@types/node': '^20.19.0', typescript: '~5.9.3', vitest: '^4.1.12' },
  };
  for (const [dep, spec] of Object.entries(options.overrides ?? {})) (pkg.devDependencies as Record<string, string>)[dep] = spec;
  // Local tarballs depend on each other by range; overrides make npm take the same files for those too.
  const withOverrides = options.overrides ? { ...pkg, overrides: options.overrides } : pkg;
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(withOverrides, null, 2)}\n`);
  const read = <T>(f: string): T => JSON.parse(readFileSync(join(dir, 'data', f), 'utf8')) as T;
  const plugin = definePlugin({
    manifest: { name, version: '0.1.0', jurisdiction, title: tokens.__TITLE__!, core: tokens.__CORE_RANGE__!, dataVerifiedThrough: '2025-06-30' },
    measures: read<Measure[]>('measures.json'), entries: read<ControlEntry[]>('entries.json'),
    reach: () => ({ bases: [], description: '' }),
  });
  writeMeasureDocs(plugin, join(dir, 'docs', 'measures'));
  return files(dir).map((f) => relative(dir, f)).sort();
}
