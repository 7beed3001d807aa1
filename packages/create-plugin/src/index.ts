export { scaffoldPlugin, jurisdictionFromName, type ScaffoldOptions } from './scaffold.js';
