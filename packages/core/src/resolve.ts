import type { TaxonomyView } from './taxonomy.js';
import type { ItemRef } from './types.js';

/** An item after its identifiers were mapped onto the taxonomy. */
export interface ResolvedItem {
  /** The most specific taxonomy nodes the identifiers agree on; several when they stay ambiguous. */
  nodes: string[];
  /** The nodes and all their ancestors. */
  lineage: ReadonlySet<string>;
  /** Which identifiers decided the nodes (`"cnCode 8112929010"`). */
  matchedBy: string[];
  /** Digits of the most specific customs code given (cnCode, else hs). */
  customsCode?: string;
  /** The HS heading that contains the customs code. */
  hsHeading?: { code: string; description: string };
  /** Identifiers that pointed at different items; the others were kept. */
  conflicts: string[];
  /** Identifiers that matched only a node's unverified identifiers (`lowConfidenceIdentifiers`), e.g. `"cas 11120-25-5"`. */
  unverified?: string[];
  /**
   * List codes that decided the nodes through the items a regime's entries list under them (`"cnControlCode 1C902.a"`),
   * used only when no other identifier names an item.
   */
  byListCode?: string[];
  /**
   * The elements or minerals the words of a name that matched no item name (`germanium` for "germanium wafers").
   * They do not resolve the item: an entry on the whole element would answer for a product that merely contains
   * it ("holmium-doped fibre"). The answer names them, for the user to pick the item.
   */
  namedFamilies?: string[];
}

/** Taxonomy nodes that a regime's list code stands for (the items its entries list under it). */
export interface ListCodeHit {
  /** `"cnControlCode 1C902.a"`, `"codes.JP 2(24)"`. */
  label: string;
  nodes: readonly string[];
}

interface IdentifierHit {
  label: string;
  nodes: readonly string[];
  /** True for customs codes and CAS numbers, which several related nodes may share. */
  code?: boolean;
}

function broadest(taxonomy: TaxonomyView, nodes: readonly string[]): string[] {
  return nodes.filter((n) => !taxonomy.ancestors(n).some((a) => a !== n && nodes.includes(a)));
}

/** Lineages of single nodes, per taxonomy: shared by every item that resolves to the node (bounded by the taxonomy). */
const lineages = new WeakMap<TaxonomyView, Map<string, ReadonlySet<string>>>();

/** The node and its ancestors, made once per node. */
function lineageOf(taxonomy: TaxonomyView, node: string): ReadonlySet<string> {
  let byNode = lineages.get(taxonomy);
  if (!byNode) lineages.set(taxonomy, (byNode = new Map()));
  let lineage = byNode.get(node);
  if (!lineage) byNode.set(node, (lineage = new Set(taxonomy.ancestors(node))));
  return lineage;
}

function withAncestry(taxonomy: TaxonomyView, nodes: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const n of nodes) for (const a of taxonomy.ancestors(n)) out.add(a);
  return out;
}

/** Nodes of `a` and `b` that lie on one line of descent with a node of the other, the narrower kept. */
function agree(taxonomy: TaxonomyView, a: readonly string[], b: readonly string[]): string[] {
  const aLine = withAncestry(taxonomy, a);
  const bLine = withAncestry(taxonomy, b);
  const out = new Set<string>();
  for (const x of b) if (taxonomy.ancestors(x).some((anc) => a.includes(anc))) out.add(x);
  for (const x of a) if (taxonomy.ancestors(x).some((anc) => b.includes(anc))) out.add(x);
  if (out.size === 0) for (const x of a) if (bLine.has(x) || aLine.has(x) && b.includes(x)) out.add(x);
  return [...out];
}

function mostSpecific(taxonomy: TaxonomyView, nodes: string[]): string[] {
  if (nodes.length < 2) return nodes;
  return nodes.filter((n) => !nodes.some((other) => other !== n && taxonomy.ancestors(other).includes(n)));
}

/**
 * Maps an item's identifiers to taxonomy nodes. Each identifier gives a set of nodes; the sets are
 * combined so that several identifiers narrow the answer (HS 811292 + "gallium" → gallium/metal).
 */
export function resolveItem(item: ItemRef, taxonomy: TaxonomyView, listCodes?: (item: ItemRef) => readonly ListCodeHit[]): ResolvedItem {
  const hits: IdentifierHit[] = [];
  if (item.id) hits.push({ label: `id ${item.id}`, nodes: [item.id] });
  if (item.cnCode) hits.push({ label: `cnCode ${item.cnCode}`, nodes: taxonomy.nodesForCode(item.cnCode), code: true });
  const unverified: string[] = [];
  if (item.cas) {
    const verified = taxonomy.nodesForCas(item.cas);
    // A CAS number the taxonomy records only as unverified still names the item, better than no match;
    // the answer says so (warning `identifier_unverified`).
    const fallback = verified.length ? [] : taxonomy.nodesForUnverifiedCas?.(item.cas) ?? [];
    if (fallback.length) unverified.push(`cas ${item.cas}`);
    hits.push({ label: `cas ${item.cas}`, nodes: verified.length ? verified : fallback, code: true });
  }
  if (item.hs) hits.push({ label: `hs ${item.hs}`, nodes: taxonomy.nodesForCode(item.hs), code: true });
  let namedFamilies: string[] | undefined;
  if (item.name) {
    // An exact name or alias scores 0.95 or more and no word match reaches 0.9: when the exact
    // lookup finds one, the ranked search over every label could add nothing above the cut.
    const exact = taxonomy.exact?.(item.name);
    const found = exact?.length && exact[0]!.score >= 0.95 ? exact : taxonomy.search(item.name, 8);
    const top = found[0];
    if (top?.matchedBy === 'family') namedFamilies = found.filter((h) => h.matchedBy === 'family').map((h) => h.id);
    else if (top && top.score >= 0.5) {
      hits.push({ label: `name "${item.name}"`, nodes: found.filter((h) => h.score >= top.score * 0.95).map((h) => h.id) });
    }
  }
  // A code shared by a node and its descendant cannot tell them apart: keep the broader node.
  for (const hit of hits) if (hit.code) hit.nodes = broadest(taxonomy, hit.nodes);
  let nodes: string[] = [];
  const matchedBy: string[] = [];
  const conflicts: string[] = [];
  for (const hit of hits) {
    if (hit.nodes.length === 0) continue;
    if (nodes.length === 0) {
      nodes = [...hit.nodes];
      matchedBy.push(hit.label);
      continue;
    }
    const combined = agree(taxonomy, nodes, hit.nodes);
    if (combined.length) {
      nodes = combined;
      matchedBy.push(hit.label);
    } else conflicts.push(hit.label);
  }
  // A list code names an item, not a date: when nothing else names the item, the items the regime's
  // entries list under the code stand for it, so that every measure on those items is assessed on any
  // date (the code's own entry counts only while it is in force).
  let byListCode: string[] | undefined;
  if (nodes.length === 0 && listCodes) {
    for (const hit of listCodes(item)) {
      const hitNodes = broadest(taxonomy, hit.nodes.filter((n) => taxonomy.node(n)));
      if (hitNodes.length === 0) continue;
      if (nodes.length === 0) nodes = hitNodes;
      else {
        const combined = agree(taxonomy, nodes, hitNodes);
        if (!combined.length) {
          conflicts.push(hit.label);
          continue;
        }
        nodes = combined;
      }
      matchedBy.push(hit.label);
      (byListCode ??= []).push(hit.label);
    }
  }
  nodes = mostSpecific(taxonomy, nodes);
  const customsCode = item.cnCode ?? item.hs;
  const heading = customsCode ? taxonomy.hsHeading?.(customsCode) : undefined;
  // One shape for every resolution (absent parts undefined), so the code reading them stays optimised.
  // Only an unverified identifier that decided the nodes is reported.
  const usedUnverified = unverified.filter((u) => matchedBy.includes(u));
  return { nodes, lineage: nodes.length === 1 ? lineageOf(taxonomy, nodes[0]!) : withAncestry(taxonomy, nodes), matchedBy, customsCode: customsCode || undefined, hsHeading: heading, conflicts, unverified: usedUnverified.length ? usedUnverified : undefined, byListCode, namedFamilies: nodes.length ? undefined : namedFamilies };
}
