export { scaffoldPlugin, jurisdictionFromName, rangeFor, type ScaffoldOptions } from './scaffold.js';
export { runCreatePlugin, type CreatePluginIo } from './cli.js';
