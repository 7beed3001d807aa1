export { PluginTester, type PluginCase, type ExpectedFinding, type PluginTesterOptions } from './plugin-tester.js';
export { checkPluginData, probeItem, type DataCheckOptions } from './data-checks.js';
export { renderMeasureDoc, measureDocFile, staleMeasureDocs, writeMeasureDocs } from './measure-docs.js';
