import type { ControlEntry, EvaluationContext, EvaluationResult } from '@chokepoint/core';

/** First reported grant of general licences to rare-earth exporters (Reuters, 2025-12-02). */
const GENERAL_LICENCES_FROM = '2025-12-02';
const RARE_EARTH_MEASURE = 'cn-mofcom-2025-18';
const NOTE =
  ' Since December 2025 MOFCOM has granted general licences to some large rare-earth exporters for named customers (about one year); ask your Chinese supplier whether its general licence covers you, otherwise an individual licence is needed.';

/**
 * Adds what is known of general licences to rare-earth findings: information for the user, never a
 * change of verdict (the licence is the Chinese exporter's, and only some exporters hold one).
 */
export function noteGeneralLicences(ctx: EvaluationContext): EvaluationResult | undefined {
  if (ctx.request.date < GENERAL_LICENCES_FROM) return undefined;
  for (const f of ctx.findings) {
    if (f.measure.id === RARE_EARTH_MEASURE && f.status === 'in_force' && !f.reason.endsWith(NOTE)) f.reason += NOTE;
  }
  return undefined;
}

/**
 * Hong Kong and Macao are separate customs territories, so a shipment there leaves the PRC's; whether
 * each announcement treats it as an export was not checked in the sources, so the answer says so.
 */
export function noteSpecialRegions(ctx: EvaluationContext): EvaluationResult | undefined {
  if (ctx.request.from !== 'CN' || !['HK', 'MO'].includes(ctx.request.to) || !ctx.findings.some((f) => f.status === 'in_force')) return undefined;
  return {
    warnings: [{ code: 'scope_unverified', message: `Shipments from the mainland to ${ctx.request.to === 'HK' ? 'Hong Kong' : 'Macao'} leave the PRC customs territory and are treated here as exports; the sources read do not confirm how each announcement applies to them.` }],
  };
}

/** The extraterritorial rare-earth rule (No. 61 of 2025) and its content entry, whose `covers` are Annex 1 Part II as read here. */
const EXTRATERRITORIAL_MEASURE = 'cn-mofcom-2025-61';
const CONTENT_ENTRY = 'cn-2025-61-content';

/** No. 61's content entry and the items it covers (Annex 1 Part II as the data reads it), worked out once from the data. */
export interface PartTwo {
  entry: ControlEntry;
  items: ReadonlySet<string>;
}

/** Finds No. 61's content entry among the plugin's entries; a data file without it is an error, not a silent gap. */
export function partTwoOf(entries: readonly ControlEntry[]): PartTwo {
  const entry = entries.find((e) => e.id === CONTENT_ENTRY);
  if (!entry) throw new Error(`entries.json has no ${CONTENT_ENTRY} entry`);
  return { entry, items: new Set(entry.covers.ids ?? []) };
}

/**
 * A foreign-made assembly (a motor, a generator, a drive) whose stated PRC-origin content holds an item of No. 61's
 * Annex 1 Part II, on a date its content rule is in force: the sources read differ on whether Part II reaches parts
 * and assemblies containing those items (tech-reach review X66). The answer keeps the narrower reading the data holds
 * (the assembly is not listed) and says so, rather than deciding it silently either way.
 */
export function noteAssembliesOfPartTwoItems(ctx: EvaluationContext, partTwo: PartTwo): EvaluationResult | undefined {
  const { request, taxonomy } = ctx;
  if (request.from === 'CN' || request.to === 'CN' || ctx.origin === 'CN' || !request.item.content) return undefined;
  if (ctx.statusOf(EXTRATERRITORIAL_MEASURE, partTwo.entry) !== 'in_force' || ctx.matchedEntries.some((e) => e.id === partTwo.entry.id)) return undefined;
  const isPartTwo = (id: string | undefined) => id !== undefined && (partTwo.items.has(id) || taxonomy.ancestors(id).some((a) => partTwo.items.has(a)));
  const held = request.item.content.find((c) => c.origin === 'CN' && isPartTwo(c.item.id));
  if (!held) return undefined;
  return {
    warnings: [{
      code: 'sources_disagree',
      measure: EXTRATERRITORIAL_MEASURE,
      message: `The item holds PRC-origin ${held.item.id}, which MOFCOM Announcement No. 61 of 2025 lists in Annex 1 Part II. Sources differ on whether Part II also covers parts, components and assemblies containing such magnets or targets: some summaries say so, the Chinese-language reports read here name only the magnet materials and targets, and MOFCOM's answers on Announcement No. 18 treat rotor and stator assemblies as deep-processed products outside that announcement. This answer follows the narrower reading (the item itself is not listed); read Annex 1 of No. 61 before relying on it.`,
    }],
  };
}
