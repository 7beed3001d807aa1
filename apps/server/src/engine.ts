import { createEngine, loadPlugins, pluginSpecifiers, type Engine, type EngineOptions } from '@chokepoint/core';
import { loadTaxonomy, type Taxonomy } from '@chokepoint/taxonomy';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

function isMissing(err: unknown, specifier: string): boolean {
  const e = err as { code?: string; message?: string };
  return (e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'MODULE_NOT_FOUND') && (e.message ?? '').includes(`'${specifier}'`);
}

/**
 * How the server imports a plugin named in `CHOKEPOINT_PLUGINS`: a path (`./dist/index.js`,
 * absolute, `file:`) relative to `cwd`; a package name beside the server first (a global install
 * next to it), then from `cwd`, so a server installed globally still finds a plugin installed in the
 * project it runs in — the same rules as the CLI's. A package found in neither place fails the way
 * Node reports a missing package, so official plugins that are not installed are skipped.
 */
export function pluginImporter(cwd: string = process.cwd()): (specifier: string) => Promise<unknown> {
  return async (specifier) => {
    if (specifier.startsWith('.') || isAbsolute(specifier) || specifier.startsWith('file:')) {
      return import(specifier.startsWith('file:') ? specifier : pathToFileURL(resolve(cwd, specifier)).href);
    }
    try {
      return await import(specifier);
    } catch (err) {
      if (!isMissing(err, specifier)) throw err;
      let resolved: string;
      try {
        resolved = createRequire(join(cwd, 'noop.js')).resolve(specifier);
      } catch (again) {
        if (isMissing(again, specifier)) throw Object.assign(new Error(`Cannot find package '${specifier}' beside the server or in ${cwd}`), { code: 'ERR_MODULE_NOT_FOUND' });
        throw again;
      }
      return import(pathToFileURL(resolved).href);
    }
  };
}

/**
 * The engine over the shipped taxonomy and every installed plugin (plus those named in
 * `CHOKEPOINT_PLUGINS`, paths resolved from `cwd`), with imported lists and amendments.
 */
export async function createServerEngine(env: NodeJS.ProcessEnv = process.env, taxonomy: Taxonomy = loadTaxonomy(), knowledge: Pick<EngineOptions, 'lists' | 'amendments' | 'listMaxAgeDays'> = {}, cwd: string = process.cwd()): Promise<Engine> {
  const { specifiers, optional } = pluginSpecifiers(env.CHOKEPOINT_PLUGINS);
  const plugins = await loadPlugins(specifiers, { optional, importer: pluginImporter(cwd) });
  return createEngine({ taxonomy, plugins, ...knowledge });
}
