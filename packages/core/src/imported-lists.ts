import type { ListBinding, ListEntry, PartyList } from './lists.js';
import { partiesFromList, partyIdFor } from './lists.js';
import type { PluginDefinition } from './plugin.js';
import type { IsoDate, ListedParty } from './types.js';

/** A list as an answer names it in `data` (CONTRACT §3). */
export interface ListUsed {
  id: string;
  asOf: IsoDate;
  entries: number;
  /** `imported`: a copy from the publisher loaded by `data update`; `bundled`: the plugin's own. */
  origin: 'imported' | 'bundled';
}

/** A plugin whose bound lists are replaced by the imported copies with the same IDs. */
export function withImportedLists(def: PluginDefinition, lists: readonly PartyList[]): PluginDefinition {
  const bindings = def.lists ?? [];
  const replaced = bindings.filter((b) => lists.some((l) => l.id === b.list));
  if (!replaced.length) return def;
  const ids = new Set(replaced.map((b) => b.list));
  const parties: ListedParty[] = (def.parties ?? []).filter((p) => !ids.has(p.list));
  for (const binding of replaced) {
    const list = lists.find((l) => l.id === binding.list)!;
    // Every party read from the copy knows the copy's date: an end date after it is a forecast (listingExpiryUnverified).
    parties.push(...(binding.toParties ? binding.toParties(list) : partiesFromList(list, binding)).map((p) => (p.removed && !p.copyAsOf ? { ...p, copyAsOf: list.asOf } : p)));
  }
  // An imported copy replaces a bundled copy of the whole list too.
  const unbundled = bindings.map((b) => {
    if (!ids.has(b.list) || !b.bundled) return b;
    const { bundled: _replaced, ...rest } = b;
    return rest;
  });
  return { ...def, parties, lists: unbundled };
}

function entryOf(p: ListedParty): ListEntry {
  return {
    id: p.id, name: p.name,
    ...(p.aliases?.length ? { aliases: p.aliases } : {}),
    ...(p.country ? { country: p.country } : {}),
    listedOn: p.added,
    ...(p.removed ? { removedOn: p.removed } : {}),
    requirement: p.requirement,
    ...(p.licensePolicy ? { licensePolicy: p.licensePolicy } : {}),
    ...(p.licenseRequirementText ? { licenseRequirementText: p.licenseRequirementText } : {}),
    ...(p.licensePolicyText ? { licensePolicyText: p.licensePolicyText } : {}),
    ...(p.notice ? { notice: p.notice } : {}),
    ...(p.footnotes?.length ? { footnotes: p.footnotes } : {}),
  };
}

/** The plugin's bundled parties as lists, one per list ID, for screening and data status. */
export function bundledLists(def: PluginDefinition): PartyList[] {
  const byList = new Map<string, ListedParty[]>();
  for (const p of def.parties ?? []) {
    const parties = byList.get(p.list);
    if (parties) parties.push(p);
    else byList.set(p.list, [p]);
  }
  return [...byList].map(([id, parties]) => {
    const binding: ListBinding | undefined = def.lists?.find((b) => b.list === id);
    if (binding?.bundled) {
      // The bundled copy as it is, with the plugin's own parties of the list that it does not hold.
      const fromCopy = new Set(binding.bundled.entries.map((e) => partyIdFor(id, e.id)));
      return { ...binding.bundled, entries: [...binding.bundled.entries, ...parties.filter((p) => !fromCopy.has(p.id)).map(entryOf)] };
    }
    const first = parties[0]!;
    return {
      id,
      name: binding?.title ?? first.listTitle,
      jurisdiction: def.manifest.jurisdiction,
      consequence: binding?.consequence ?? { requirement: first.requirement, ...(first.licensePolicy ? { licensePolicy: first.licensePolicy } : {}), summary: `Listed on the ${first.listTitle}.` },
      source: binding?.source ?? first.sources?.[0] ?? { url: def.manifest.homepage ?? '', publisher: def.manifest.name, date: def.manifest.dataVerifiedThrough },
      asOf: binding?.asOf ?? def.manifest.dataVerifiedThrough,
      entries: parties.map(entryOf),
    };
  });
}
