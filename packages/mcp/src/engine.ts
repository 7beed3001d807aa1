import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEngine, loadPlugins, pluginSpecifiers, type Engine } from '@chokepoint/core';
import { loadTaxonomy } from '@chokepoint/taxonomy';

/**
 * The engine `chokepoint-mcp` serves: the shipped taxonomy, the official plugins (dependencies of
 * this package) and every module named in the comma-separated `CHOKEPOINT_PLUGINS`, paths resolved
 * from `cwd`.
 */
export async function createDefaultEngine(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Promise<Engine> {
  const { specifiers, optional } = pluginSpecifiers(env.CHOKEPOINT_PLUGINS);
  const importer = (s: string): Promise<unknown> =>
    s.startsWith('.') || isAbsolute(s) ? import(pathToFileURL(resolve(cwd, s)).href) : import(s);
  return createEngine({ taxonomy: loadTaxonomy(), plugins: await loadPlugins(specifiers, { optional, importer }) });
}
