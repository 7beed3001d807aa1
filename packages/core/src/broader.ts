import type { Candidate, CompiledEntry } from './compiled-plugin.js';
import { childrenOf, type TaxonomyView } from './taxonomy.js';
import type { IsoDate, LicensePolicy, Verdict } from './types.js';
import { mostRestrictive, strictestPolicy } from './verdict.js';

/** What an item gets from the entries in force that list it, for this corridor and date. */
export interface SharedRequirement {
  requirement: Verdict;
  licensePolicy?: LicensePolicy;
}

const NOT_LISTED: SharedRequirement = Object.freeze({ requirement: 'not_controlled' });

function combine(parts: readonly SharedRequirement[]): SharedRequirement {
  const requirement = mostRestrictive(parts.map((p) => p.requirement));
  const licensePolicy = strictestPolicy(parts.filter((p) => p.requirement === requirement).map((p) => p.licensePolicy));
  return licensePolicy ? { requirement, licensePolicy } : { requirement };
}

const same = (a: SharedRequirement, b: SharedRequirement) => a.requirement === b.requirement && a.licensePolicy === b.licensePolicy;

/**
 * The requirement every item beneath a requested group shares (#12.2), or the one the children a stated
 * composition makes it add up to (#12.3); undefined when they differ or cannot be told apart from the data.
 *
 * A `group` node (an equipment class, a product family) is read as the sum of its children: when
 * every child, followed down to where the entries in force list it, gets the same requirement and
 * licence policy on the date for this corridor, whatever member the item is gets that too. A node of
 * any other kind is an item in its own right (NdFeB magnets without Dy or Tb; a gallium compound no
 * child names), which may be none of its listed children, so it never shares their answer. An entry
 * in force that turns on something else (parameters, end use, content) or that matched by code rather
 * than by taxonomy node leaves the answer open.
 */
export function sharedChildRequirement(
  requested: readonly string[], broader: readonly Candidate[], taxonomy: TaxonomyView, date: IsoDate, inScope: (c: CompiledEntry) => boolean,
  defines: (child: string, parent: string) => boolean | undefined = () => undefined,
): SharedRequirement | undefined {
  if (requested.length !== 1) return undefined;
  const top = requested[0]!;
  // A stated composition rules children in or out by their `definedBy` (#12.3): a child it fails is not the
  // item; the children it meets are all what the item is (an alloy of Sm and Dy is a Sm alloy and a Dy alloy).
  const kidsOf = (node: string) => childrenOf(taxonomy, node).filter((k) => defines(k, node) !== false);
  const metOf = (node: string) => kidsOf(node).filter((k) => defines(k, node) === true);
  if (taxonomy.node(top)?.kind !== 'group' && !metOf(top).length) return undefined;
  const live = broader.filter((c) => inScope(c.compiled) && c.compiled.timeline.statusOn(date) === 'in_force');
  if (!live.length) return undefined;
  const byNode = new Map<string, SharedRequirement[]>();
  for (const { entry } of live) {
    const ids = (entry.covers.ids ?? []).filter((id) => id !== top && taxonomy.ancestors(id).includes(top));
    if (entry.conditions || entry.endUses || entry.endUserTypes || entry.content || !ids.length) return undefined;
    const r: SharedRequirement = entry.licensePolicy ? { requirement: entry.requirement, licensePolicy: entry.licensePolicy } : { requirement: entry.requirement };
    for (const id of ids) byNode.set(id, [...(byNode.get(id) ?? []), r]);
  }
  const listedBelow = (node: string): boolean => kidsOf(node).some((k) => byNode.has(k) || listedBelow(k));
  const walk = (node: string, inherited: readonly SharedRequirement[]): SharedRequirement | undefined => {
    const here = [...inherited, ...(byNode.get(node) ?? [])];
    const own = here.length ? combine(here) : NOT_LISTED;
    if (!listedBelow(node)) return own;
    const met = metOf(node);
    if (met.length) {
      const all = met.map((k) => walk(k, here));
      return all.every((p): p is SharedRequirement => p !== undefined) ? combine(all) : undefined;
    }
    const parts: (SharedRequirement | undefined)[] = kidsOf(node).map((k) => walk(k, here));
    // Only a group is exhausted by its children; any other node also stands for items none of them names.
    if (taxonomy.node(node)?.kind !== 'group') parts.push(own);
    const first = parts[0];
    return first && parts.every((p) => p && same(p, first)) ? first : undefined;
  };
  const shared = walk(top, []);
  return shared && shared.requirement !== 'not_controlled' ? shared : undefined;
}
