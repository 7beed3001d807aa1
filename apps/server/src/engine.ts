import { createEngine, loadPlugins, pluginSpecifiers, type Engine, type EngineOptions } from '@chokepoint/core';
import { loadTaxonomy, type Taxonomy } from '@chokepoint/taxonomy';

/** The engine over the shipped taxonomy and every installed plugin (plus those named in `CHOKEPOINT_PLUGINS`), with imported lists and amendments. */
export async function createServerEngine(env: NodeJS.ProcessEnv = process.env, taxonomy: Taxonomy = loadTaxonomy(), knowledge: Pick<EngineOptions, 'lists' | 'amendments' | 'listMaxAgeDays'> = {}): Promise<Engine> {
  const { specifiers, optional } = pluginSpecifiers(env.CHOKEPOINT_PLUGINS);
  const plugins = await loadPlugins(specifiers, { optional, importer: (s) => import(s) });
  return createEngine({ taxonomy, plugins, ...knowledge });
}
