import type { ReachContext } from '@chokepoint/core';

/**
 * Taxonomy nodes that are an element's metal itself, so its share of the item is 1 unless the request says
 * otherwise: 1C230, 1C231 and 1C234 list the metal outright and alloys above a share, and the share test
 * should not be asked of the unalloyed metal (as the EU plugin assumes for the same nodes).
 */
const METAL_NODES: Readonly<Record<string, readonly [string, number]>> = {
  'beryllium/metal': ['fraction.Be', 1],
  'hafnium/metal': ['fraction.Hf', 1],
  'zirconium/metal': ['fraction.Zr', 1],
};

/**
 * Facts the plugin derives from the request (CONTRACT §6 names): the element share of a node that is the metal
 * itself, and, for molybdenum powder, the molybdenum content from a `purity` given instead of `fraction.Mo`
 * (1C117.b turns on the molybdenum content by weight; the purity of a molybdenum powder is that content, and
 * earlier versions of this plugin asked for `purity`). A parameter the request gives always wins.
 */
export function cnFacts(ctx: ReachContext): Record<string, number> | undefined {
  const nodes = ctx.item.nodes;
  // Most items are neither: one lookup and one comparison, no allocation.
  if (nodes.length === 0) return undefined;
  const first = METAL_NODES[nodes[0]!];
  if (!first && nodes[0] !== 'molybdenum/powder') return undefined;
  const given = ctx.request.item.parameters ?? {};
  let out: Record<string, number> | undefined;
  if (first && nodes.every((n) => METAL_NODES[n]?.[0] === first[0]) && given[first[0]] === undefined) (out ??= {})[first[0]] = first[1];
  if (nodes.every((n) => n === 'molybdenum/powder') && given['fraction.Mo'] === undefined && typeof given.purity === 'number') {
    (out ??= {})['fraction.Mo'] = given.purity;
  }
  return out;
}
