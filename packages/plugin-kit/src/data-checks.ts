import { CORE_VERSION, controlCodeFieldOf, createEngine, nextDay, validatePlugin, type ControlCodeField, type ControlEntry, type ItemRef, type PluginDefinition, type TaxonomyView } from '@chokepoint/core';

/** One of an entry's own identifiers, as a request item. */
export function probeItem(entry: ControlEntry, field: ControlCodeField | undefined): ItemRef | undefined {
  const c = entry.covers;
  if (c.ids?.[0]) return { id: c.ids[0] };
  const code = c.controlCodes?.[0];
  if (code && field) return field.startsWith('codes.') ? { codes: { [field.slice(6)]: code } } : { [field]: code };
  const hs = c.hs?.[0];
  if (hs) return hs.length === 8 || hs.length === 10 ? { cnCode: hs } : { hs };
  if (c.cas?.[0]) return { cas: c.cas[0] };
  return undefined;
}

/** Options for {@link checkPluginData}. */
export interface DataCheckOptions {
  /** Measures listed for reference only (laws, suspension acts) that no entry uses. */
  frameworkMeasures?: string[];
}

/**
 * Every check a plugin's data must pass, as a list of problems (empty when clean): the registration
 * checks of `@chokepoint/core` (manifest and core range, unique IDs, every measure sourced and dated,
 * well-formed intervals and suspensions, taxonomy IDs that exist), plus: every entry is found by one
 * of its own identifiers, every measure is used by an entry, party or authorisation unless it is
 * declared a framework measure, and no measure caveat repeats the engine's warning on a suspension's end.
 */
export function checkPluginData(plugin: PluginDefinition, taxonomy: TaxonomyView, options: DataCheckOptions = {}): string[] {
  const problems = validatePlugin(plugin, { taxonomy, coreVersion: CORE_VERSION });
  if (problems.length) return problems;
  const engine = createEngine({ taxonomy, plugins: [plugin] });
  const field = controlCodeFieldOf(plugin.manifest);
  for (const entry of plugin.entries) {
    if (entry.covers.all || entry.covers.anyListed) continue;
    const probe = probeItem(entry, field);
    if (!probe) {
      problems.push(`entries "${entry.id}": has no identifier to find it by`);
      continue;
    }
    const found = engine.compare(probe, entry.effective?.from ?? plugin.measures.find((m) => m.id === entry.measure)!.effective.from);
    if (!found.regimes[0]!.entries.some((e) => e.entry === entry.id)) problems.push(`entries "${entry.id}": not found by its own identifier ${JSON.stringify(probe)}`);
  }
  // The engine warns on a suspension's last day (suspension_last_day) and after it while the data stops earlier
  // (status_unverified; #12.4, #12.10): a measure caveat doing the same from either day is a copy of that rule, and
  // outlives it once the data is verified past the end. State the suspension; an announced extension is an advisory naming the measure.
  for (const m of plugin.measures) {
    const ends = new Set([...(m.suspensions ?? []), ...plugin.entries.filter((e) => e.measure === m.id).flatMap((e) => e.suspensions ?? [])]
      .flatMap((s) => (s.to === null ? [] : [s.to, nextDay(s.to)])));
    for (const c of m.caveats ?? []) {
      if ((c.code === 'status_unverified' || c.code === 'suspension_last_day') && c.from !== undefined && ends.has(c.from)) {
        problems.push(`measures "${m.id}".caveats: a ${c.code} caveat from ${c.from} repeats the engine's warning on a suspension's end; remove it (an announced extension is an advisory with \`measures\`)`);
      }
    }
  }
  const used = new Set([
    ...plugin.entries.map((e) => e.measure),
    ...(plugin.parties ?? []).map((p) => p.measure),
    ...(plugin.authorizations ?? []).map((a) => a.measure),
  ]);
  for (const m of plugin.measures) {
    if (!used.has(m.id) && !options.frameworkMeasures?.includes(m.id)) {
      problems.push(`measures "${m.id}": no entry, party or authorisation uses it; declare it in frameworkMeasures if it is listed for reference`);
    }
  }
  return problems;
}
