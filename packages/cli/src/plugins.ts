import {
  createEngine, hostImporter, loadPlugins as loadPluginModules, OFFICIAL_PLUGINS, pluginSpecifiers,
  type Engine, type PluginDefinition, type TaxonomyView,
} from '@chokepoint/core';
import { FileListStore, loadAmendments } from '@chokepoint/lists';
import { loadTaxonomy } from '@chokepoint/taxonomy';
import { resolve } from 'node:path';

/** Options for {@link loadPlugins} and {@link createDefaultEngine}. */
export interface DefaultEngineOptions {
  /** Environment to read `CHOKEPOINT_PLUGINS` from; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Directory that relative plugin paths and project-installed plugins are resolved from; default `process.cwd()`. */
  cwd?: string;
  /** Whether to load the official plugins that are installed; default true. */
  defaultPlugins?: boolean;
  /** Taxonomy to resolve items against; default the one shipped with `@chokepoint/taxonomy`. */
  taxonomy?: TaxonomyView;
  /**
   * Ignored: the engine keeps no answer cache any more.
   * @deprecated No effect; remove it.
   */
  cacheSize?: number;
}

/**
 * Imports a module beside the CLI first, then from `cwd` (paths from `cwd`); a package found in
 * neither place fails the way Node reports a missing package, so core's loader can skip official
 * plugins that are absent. Shared with `chokepoint serve`.
 */
export function cliImporter(cwd: string): (specifier: string) => Promise<unknown> {
  return hostImporter((s) => import(s), { cwd, host: 'the CLI' });
}

/**
 * Loads the jurisdiction plugins: the official ones that are installed (a missing one is skipped,
 * because a user may install only the regimes they need) and every module named in the
 * comma-separated `CHOKEPOINT_PLUGINS`, which must load — the user asked for it, so a silent skip
 * would give answers that quietly ignore a regime. Paths are resolved from `cwd`.
 */
export async function loadPlugins(options: DefaultEngineOptions = {}): Promise<PluginDefinition[]> {
  const env = options.env ?? process.env;
  const { specifiers, optional } = pluginSpecifiers(env.CHOKEPOINT_PLUGINS);
  const wanted = (options.defaultPlugins ?? true) ? specifiers : specifiers.filter((s) => !OFFICIAL_PLUGINS.includes(s));
  return loadPluginModules(wanted, { optional, importer: cliImporter(options.cwd ?? process.cwd()) });
}

/**
 * The engine the CLI uses: the shipped taxonomy and every installed jurisdiction plugin. Throws
 * when a plugin named in `CHOKEPOINT_PLUGINS` cannot be loaded or when the engine refuses a plugin
 * (wrong core range, invalid data, duplicate jurisdiction).
 */
export async function createDefaultEngine(options: DefaultEngineOptions = {}): Promise<Engine> {
  const env = options.env ?? process.env;
  const plugins = await loadPlugins(options);
  const amendmentsDir = env.CHOKEPOINT_AMENDMENTS?.trim();
  const maxAge = env.CHOKEPOINT_LIST_MAX_AGE_DAYS?.trim();
  if (maxAge !== undefined && maxAge !== '' && !/^\d+$/.test(maxAge)) throw new Error(`CHOKEPOINT_LIST_MAX_AGE_DAYS: expected a whole number of days, got "${maxAge}"`);
  return createEngine({
    taxonomy: options.taxonomy ?? loadTaxonomy(),
    plugins,
    lists: await listStore(env, options.cwd).load(),
    ...(amendmentsDir ? { amendments: await loadAmendments(resolve(options.cwd ?? process.cwd(), amendmentsDir)) } : {}),
    ...(maxAge ? { listMaxAgeDays: Number(maxAge) } : {}),
  });
}

/** Where `data update` keeps imported lists: `CHOKEPOINT_DATA_DIR` (default `./.chokepoint`) + `/lists`. */
export function listStore(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): FileListStore {
  return new FileListStore(resolve(cwd, env.CHOKEPOINT_DATA_DIR?.trim() || '.chokepoint'));
}
