export { createDefaultEngine, loadPlugins, type DefaultEngineOptions } from './plugins.js';
export { runCli } from './cli.js';
export type { CliIo } from './context.js';
