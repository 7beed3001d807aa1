import { createEngine, loadPlugins, pluginSpecifiers, type Engine } from '@chokepoint/core';
import { loadTaxonomy, type Taxonomy } from '@chokepoint/taxonomy';

/** The engine over the shipped taxonomy and every installed plugin (plus those named in `CHOKEPOINT_PLUGINS`). */
export async function createServerEngine(env: NodeJS.ProcessEnv = process.env, taxonomy: Taxonomy = loadTaxonomy()): Promise<Engine> {
  const { specifiers, optional } = pluginSpecifiers(env.CHOKEPOINT_PLUGINS);
  const plugins = await loadPlugins(specifiers, { optional, importer: (s) => import(s) });
  return createEngine({ taxonomy, plugins });
}
