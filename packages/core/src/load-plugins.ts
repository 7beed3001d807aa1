import type { PluginDefinition } from './plugin.js';

/** The jurisdiction plugins published with chokepoint; hosts load those that are installed. */
export const OFFICIAL_PLUGINS: readonly string[] = Object.freeze(['@chokepoint/plugin-cn-mofcom', '@chokepoint/plugin-us-ear', '@chokepoint/plugin-eu-dual-use', '@chokepoint/plugin-jp-meti']);

function isNotFound(err: unknown, specifier: string): boolean {
  const e = err as { code?: string; message?: string };
  // The package itself is missing, not something it imports: Node quotes the missing specifier.
  return (e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'MODULE_NOT_FOUND') && (e.message ?? '').includes(`'${specifier}'`);
}

/**
 * Imports plugin modules by specifier and returns their default exports. Specifiers in `optional`
 * that are not installed are skipped; any other failure (a missing required plugin, a module whose
 * default export is not a plugin, an error while loading) is thrown with the specifier named.
 *
 * `importer` must be the host's own `(s) => import(s)`: a bare specifier resolves from the module
 * that imports it, and the plugins are the host's dependencies, not core's.
 */
export async function loadPlugins(specifiers: readonly string[], options: { optional?: readonly string[]; importer: (s: string) => Promise<unknown> }): Promise<PluginDefinition[]> {
  const load = options.importer;
  const out: PluginDefinition[] = [];
  for (const specifier of specifiers) {
    let mod: { default?: unknown };
    try {
      mod = (await load(specifier)) as { default?: unknown };
    } catch (err) {
      if (options.optional?.includes(specifier) && isNotFound(err, specifier)) continue;
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
