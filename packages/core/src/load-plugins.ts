import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PluginDefinition } from './plugin.js';

/** The jurisdiction plugins published with chokepoint; hosts load those that are installed. */
export const OFFICIAL_PLUGINS: readonly string[] = Object.freeze(['@chokepoint/plugin-cn-mofcom', '@chokepoint/plugin-us-ear', '@chokepoint/plugin-eu-dual-use', '@chokepoint/plugin-jp-meti']);

/**
 * True when `err` says that the module `specifier` itself cannot be found, not something it
 * imports: Node quotes the missing specifier in its message.
 */
export function isMissingModule(err: unknown, specifier: string): boolean {
  const e = err as { code?: string; message?: string } | null;
  return !!e && (e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'MODULE_NOT_FOUND') && (e.message ?? '').includes(`'${specifier}'`);
}

/** Options for {@link hostImporter}. */
export interface HostImporterOptions {
  /** Folder that paths and project-installed packages are resolved from; default `process.cwd()`. */
  cwd?: string;
  /** What the host is called in the error for a package found nowhere (`the CLI`, `the server`); default `the host`. */
  host?: string;
}

function isPath(specifier: string): boolean {
  return specifier.startsWith('.') || isAbsolute(specifier) || specifier.startsWith('file:');
}

/**
 * The importer a host (the CLI, the server, your own program) gives {@link loadPlugins}, built on the
 * host's own `(s) => import(s)` so that a bare specifier resolves from the host's location. A path
 * (`./dist/index.js`, absolute, `file:`) is taken relative to `cwd`. A package name is looked up
 * beside the host first (a workspace, or a global install next to it), then from `cwd`, so a host
 * installed globally still finds a plugin installed in the project it runs in. A package found in
 * neither place fails the way Node reports a missing package (`ERR_MODULE_NOT_FOUND`, the
 * specifier quoted), so {@link isMissingModule} recognises it and official plugins that are not
 * installed are skipped; any other failure (a missing dependency of the package, a syntax error, an
 * unbuilt `dist`) is thrown as it is.
 */
export function hostImporter(hostImport: (specifier: string) => Promise<unknown>, options: HostImporterOptions = {}): (specifier: string) => Promise<unknown> {
  const cwd = options.cwd ?? process.cwd();
  const host = options.host ?? 'the host';
  return async (specifier) => {
    if (isPath(specifier)) return hostImport(specifier.startsWith('file:') ? specifier : pathToFileURL(resolve(cwd, specifier)).href);
    try {
      return await hostImport(specifier);
    } catch (err) {
      if (!isMissingModule(err, specifier)) throw err;
    }
    let resolved: string;
    try {
      resolved = createRequire(join(cwd, 'noop.js')).resolve(specifier);
    } catch (err) {
      if (isMissingModule(err, specifier)) throw Object.assign(new Error(`Cannot find package '${specifier}' beside ${host} or in ${cwd}`), { code: 'ERR_MODULE_NOT_FOUND', cause: err });
      throw err;
    }
    return hostImport(pathToFileURL(resolved).href);
  };
}

/**
 * Imports plugin modules by specifier and returns their default exports. Specifiers in `optional`
 * that are not installed are skipped; any other failure (a missing required plugin, a module whose
 * default export is not a plugin, an error while loading) is thrown with the specifier named.
 *
 * `importer` must be built on the host's own `(s) => import(s)` (see {@link hostImporter}): a bare
 * specifier resolves from the module that imports it, and the plugins are the host's dependencies,
 * not core's.
 */
export async function loadPlugins(specifiers: readonly string[], options: { optional?: readonly string[]; importer: (s: string) => Promise<unknown> }): Promise<PluginDefinition[]> {
  const load = options.importer;
  const out: PluginDefinition[] = [];
  for (const specifier of specifiers) {
    let mod: { default?: unknown };
    try {
      mod = (await load(specifier)) as { default?: unknown };
    } catch (err) {
      if (options.optional?.includes(specifier) && isMissingModule(err, specifier)) continue;
      throw new Error(`could not load plugin ${specifier}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    const plugin = mod.default as PluginDefinition | undefined;
    if (!plugin || typeof plugin !== 'object' || !('manifest' in plugin) || typeof plugin.reach !== 'function') {
      throw new Error(`${specifier} does not export a plugin as its default export (use definePlugin)`);
    }
    out.push(plugin);
  }
  return out;
}

/** The plugin specifiers a host should load: the official ones, then those in a comma-separated list (env `CHOKEPOINT_PLUGINS`). */
export function pluginSpecifiers(extra: string | undefined): { specifiers: string[]; optional: readonly string[] } {
  const more = (extra ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return { specifiers: [...OFFICIAL_PLUGINS, ...more.filter((m) => !OFFICIAL_PLUGINS.includes(m))], optional: OFFICIAL_PLUGINS };
}
