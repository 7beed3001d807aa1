import { definePlugin, type PluginDefinition, type Advisory, type ControlEntry, type ListedParty, type Measure } from '@chokepoint/core';
import { catalogueEntries, catalogueMeasure, readCatalogue } from './catalogue.js';
import { readData } from './data-files.js';
import { CORE_RANGE, PACKAGE_VERSION } from './version.js';
import { noteAssembliesOfPartTwoItems, noteGeneralLicences, noteSpecialRegions, partTwoOf } from './notes.js';
import { chinaReach } from './reach.js';
import { cnListBindings } from './lists.js';
import { cnFacts } from './facts.js';


/** The last date through which this plugin's data was checked against its sources. */
export const DATA_VERIFIED_THROUGH = '2026-07-24';

const measures = readData<Measure[]>('measures.json');
const announcementEntries = readData<ControlEntry[]>('entries.json');
// Only entries for every destination stand in for a catalogue line: a destination rule (No. 46 clause 2,
// No. 34/2026) adds to the line's ordinary licence requirement, it does not replace it.
const covered = new Set(announcementEntries.filter((e) => !e.destinations).flatMap((e) => e.covers.controlCodes ?? []));
const coveredLines = new Set(announcementEntries.flatMap((e) => e.covers.hs ?? []));
const catalogue = catalogueEntries(readCatalogue(), covered, coveredLines);
const parties = readData<ListedParty[]>('parties.json');
const partTwo = partTwoOf(announcementEntries);
const sourceOf = (id: string) => {
  const s = measures.find((m) => m.id === id)!.sources[0]!;
  return { url: s.url, publisher: s.publisher, date: s.date };
};

/**
 * Measures listed for reference that no entry, party or authorisation uses: the laws the controls rest
 * on and the acts that suspended or amended other measures. Declared, not derived, so that the plugin kit's check
 * catches a measure that lost its entries by mistake.
 */
export const FRAMEWORK_MEASURES: readonly string[] = ['cn-state-council-2024-792', 'cn-state-council-2024-785', 'cn-mofcom-2025-70', 'cn-mofcom-2025-72', 'cn-mofcom-most-2020-38', 'cn-uel-provisions-2020', 'cn-afsl-2021'];

/**
 * Dual-use list entries also reach the provision of the item by PRC persons to foreign organisations and individuals
 * inside China (Export Control Law art. 2; Dual-Use Items Export Control Regulations art. 2). Entries outside the list
 * (technology catalogue, goods export-licence catalogue, catch-alls) keep the border as their only basis, and entries
 * that state their reach keep it.
 */
function withPersonReach(entry: ControlEntry): ControlEntry {
  return entry.outsideList || entry.reach ? entry : { ...entry, reach: ['territory', 'person'] };
}

/** China's export controls: MOFCOM/GAC announcements, the dual-use list, the technology catalogue, destination and end-user rules. */
const plugin: PluginDefinition = definePlugin({
  manifest: {
    name: '@chokepoint/plugin-cn-mofcom',
    version: PACKAGE_VERSION,
    jurisdiction: 'CN',
    title: "People's Republic of China — MOFCOM export controls",
    core: CORE_RANGE,
    dataVerifiedThrough: DATA_VERIFIED_THROUGH,
    controlCodeField: 'cnControlCode',
    homepage: 'https://github.com/chokepoint-dev/chokepoint/tree/main/packages/plugin-cn-mofcom',
  },
  measures: [...measures, catalogueMeasure],
  entries: [...announcementEntries, ...catalogue.entries].map(withPersonReach),
  parties,
  // China's four party lists, importable with `chokepoint data update` (cn-lists.json form).
  lists: cnListBindings(parties, measures, sourceOf),
  advisories: readData<Advisory[]>('advisories.json'),
  reach: chinaReach,
  facts: cnFacts,
  evaluate: (ctx) => {
    noteGeneralLicences(ctx);
    // One applies to exports from the mainland, the other to transfers abroad: at most one has anything to say.
    return noteSpecialRegions(ctx) ?? noteAssembliesOfPartTwoItems(ctx, partTwo);
  },
});

export default plugin;
