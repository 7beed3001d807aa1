import { definePlugin, type Advisory, type PluginDefinition } from '@chokepoint/core';
import { readData } from './data-files.js';
import { cclScopeChanges, federalRegisterUrl } from './ccl-history.js';
import { CLASSIFICATION_ENTRIES, CODE_THRESHOLDS } from './classification.js';
import { CHIP_RULE_FROM } from './determination.js';
import { ENTITY_LIST_MEASURES } from './entity-list.js';
import { evaluateEar } from './evaluate.js';
import { CORE_RANGE, PACKAGE_VERSION } from './version.js';
import { COUNTRY_GROUPS } from './groups.js';
import { EAR_LISTS, EAR_PARTIES } from './lists.js';
import { EAR_MEASURES, M } from './measures.js';
import { earReach } from './reach.js';

/** The last date through which this plugin's data was checked against its sources (the eCFR issue of the chart, groups and CCL). */
export const DATA_VERIFIED_THROUGH = '2026-09-24';

const measures = [...EAR_MEASURES, ...ENTITY_LIST_MEASURES];

/**
 * The EAR measures the `evaluate` hook cites (parts of the EAR and the rules behind dated changes);
 * a measure outside this set must be used by an entry or a party, which the plugin kit checks.
 */
export const FRAMEWORK_MEASURES: readonly string[] = Object.values(M);

/** US Export Administration Regulations: licence determination under 15 CFR 730–774. */
const plugin: PluginDefinition = definePlugin({
  manifest: {
    name: '@chokepoint/plugin-us-ear',
    version: PACKAGE_VERSION,
    jurisdiction: 'US',
    title: 'United States — Export Administration Regulations (BIS)',
    core: CORE_RANGE,
    dataVerifiedThrough: DATA_VERIFIED_THROUGH,
    controlCodeField: 'eccn',
    homepage: 'https://github.com/chokepoint-dev/chokepoint/tree/main/packages/plugin-us-ear',
  },
  measures,
  entries: CLASSIFICATION_ENTRIES,
  // The thresholds of every CCL paragraph the domain data holds: a stated ECCN the parameters contradict is flagged.
  codeThresholds: CODE_THRESHOLDS,
  parties: EAR_PARTIES,
  advisories: readData<Advisory[]>('advisories.json'),
  lists: EAR_LISTS,
  groups: COUNTRY_GROUPS,
  scopeChanges: [
    ...cclScopeChanges(M.ccl),
    { date: CHIP_RULE_FROM, measure: M.special, scope: 'licence review policy for 3A090 and 4A090 to China and Macau (case by case below the TPP and bandwidth limits)', reference: '91 FR 1687', url: federalRegisterUrl('2026-00789'), codes: ['3A090', '4A090'] },
  ],
  reach: earReach,
  evaluate: evaluateEar,
});

export default plugin;
