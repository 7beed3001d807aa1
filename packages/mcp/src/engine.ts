import { createEngine, hostImporter, loadPlugins, pluginSpecifiers, type Engine } from '@chokepoint/core';
import { loadTaxonomy } from '@chokepoint/taxonomy';

/**
 * The engine `chokepoint-mcp` serves: the shipped taxonomy, the official plugins (dependencies of
 * this package) and every module named in the comma-separated `CHOKEPOINT_PLUGINS`. Plugins are
 * imported as the CLI and the server import them (core's `hostImporter`): a package name beside this
 * package first, then from `cwd`; a path from `cwd`.
 */
export async function createDefaultEngine(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Promise<Engine> {
  const { specifiers, optional } = pluginSpecifiers(env.CHOKEPOINT_PLUGINS);
  const importer = hostImporter((s) => import(s), { cwd, host: 'chokepoint-mcp' });
  return createEngine({ taxonomy: loadTaxonomy(), plugins: await loadPlugins(specifiers, { optional, importer }) });
}
