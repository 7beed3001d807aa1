import { definePlugin, type PluginDefinition, type Measure, type ReachContext } from '@chokepoint/core';
import { ANNEX_I_MEASURE_IDS, ANNEX_IV_PART_PARAM, annexIVPartOf0C002, assumedFacts, buildEntries, codeThresholds } from './annex-i.js';
import { readData } from './data-files.js';
import { CORE_RANGE, PACKAGE_VERSION } from './version.js';
import { ARMS_EMBARGO_GROUP } from './embargoes.js';
import { evaluateEu, HOOK_MEASURES } from './evaluate.js';
import { euReach } from './reach.js';


/**
 * The last date through which the data was checked against its sources: the day Delegated
 * Regulation 2025/2003 replaced Annex I, the newest Annex I act read. The Russia sanctions lists were
 * read through the 19th package (in force 2025-10-24), Belarus's in part (see data/DATA-NOTES.md);
 * later acts (a 2026 Annex I update, the 20th Russia package, national lists) were not checked.
 */
export const DATA_VERIFIED_THROUGH = '2025-11-15';

const measures = readData<Measure[]>('measures.json');
const entries = buildEntries();

/** Measures that no data entry uses: the sanctions and national measures applied by the `evaluate` hook or warned about. */
export const FRAMEWORK_MEASURES: readonly string[] = HOOK_MEASURES;

/** The EU's dual-use export controls: Regulation (EU) 2021/821 and every version of its Annex I, by date. */
const plugin: PluginDefinition = definePlugin({
  manifest: {
    name: '@chokepoint/plugin-eu-dual-use',
    version: PACKAGE_VERSION,
    jurisdiction: 'EU',
    title: 'European Union — dual-use export controls (Regulation (EU) 2021/821)',
    core: CORE_RANGE,
    dataVerifiedThrough: DATA_VERIFIED_THROUGH,
    controlCodeField: 'euCode',
    homepage: 'https://github.com/chokepoint-dev/chokepoint/tree/main/packages/plugin-eu-dual-use',
  },
  measures,
  entries,
  // The thresholds of Annex I entries as the domain data holds them: a stated euCode the parameters contradict is flagged.
  codeThresholds: codeThresholds(),
  groups: [ARMS_EMBARGO_GROUP],
  reach: euReach,
  facts: euFacts,
  evaluate: evaluateEu,
  extras: { annexIMeasures: ANNEX_I_MEASURE_IDS },
});

/**
 * What the request's item lets the EU data derive, as parameters a stated one overrides: the usual composition the
 * domain links assume (hafnium metal is all hafnium), and whether a stated 0C002 item is in Annex IV's part.
 */
function euFacts(ctx: ReachContext): Record<string, number> | undefined {
  const usual = assumedFacts(ctx.item.nodes);
  const part = annexIVPartOf0C002(ctx.request.item.euCode, ctx.request.item.parameters);
  return part === undefined ? usual : { ...usual, [ANNEX_IV_PART_PARAM]: part };
}

export default plugin;
