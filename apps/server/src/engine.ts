import { createEngine, hostImporter, loadPlugins, pluginSpecifiers, type Engine, type EngineOptions } from '@chokepoint/core';
import { loadTaxonomy, type Taxonomy } from '@chokepoint/taxonomy';

/**
 * The engine over the shipped taxonomy and every installed plugin (plus those named in
 * `CHOKEPOINT_PLUGINS`, paths resolved from `cwd`), with imported lists and amendments. Plugins are
 * imported through core's `hostImporter` over the server's own `import`: a package name is found
 * beside the server first (a global install next to it), then from `cwd`, as the CLI does.
 */
export async function createServerEngine(env: NodeJS.ProcessEnv = process.env, taxonomy: Taxonomy = loadTaxonomy(), knowledge: Pick<EngineOptions, 'lists' | 'amendments' | 'listMaxAgeDays'> = {}, cwd: string = process.cwd()): Promise<Engine> {
  const { specifiers, optional } = pluginSpecifiers(env.CHOKEPOINT_PLUGINS);
  const plugins = await loadPlugins(specifiers, { optional, importer: hostImporter((s) => import(s), { cwd, host: 'the server' }) });
  return createEngine({ taxonomy, plugins, ...knowledge });
}
