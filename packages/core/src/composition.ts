import { describeCondition, evaluateCondition } from './conditions.js';
import type { ResolvedItem } from './resolve.js';
import { childrenOf, type TaxonomyView } from './taxonomy.js';
import type { Coverage, ItemRef } from './types.js';

/**
 * Chemical symbols of the elements the taxonomy has roots for, by root ID (IUPAC Periodic Table of
 * the Elements, https://iupac.org/what-we-do/periodic-table-of-elements/). Graphite is carbon.
 */
const SYMBOLS: Readonly<Record<string, string>> = {
  lithium: 'Li', graphite: 'C', cobalt: 'Co', nickel: 'Ni', manganese: 'Mn', gallium: 'Ga', germanium: 'Ge', antimony: 'Sb',
  tungsten: 'W', tellurium: 'Te', bismuth: 'Bi', molybdenum: 'Mo', indium: 'In', tantalum: 'Ta', niobium: 'Nb', silicon: 'Si',
  magnesium: 'Mg', vanadium: 'V', titanium: 'Ti', beryllium: 'Be', hafnium: 'Hf', zirconium: 'Zr', uranium: 'U',
  scandium: 'Sc', yttrium: 'Y', lanthanum: 'La', cerium: 'Ce', praseodymium: 'Pr', neodymium: 'Nd', promethium: 'Pm',
  samarium: 'Sm', europium: 'Eu', gadolinium: 'Gd', terbium: 'Tb', dysprosium: 'Dy', holmium: 'Ho', erbium: 'Er',
  thulium: 'Tm', ytterbium: 'Yb', lutetium: 'Lu', silver: 'Ag', copper: 'Cu', iron: 'Fe', boron: 'B',
};

/** The chemical symbol of an element root node (`dysprosium` → `Dy`), or undefined. */
export function symbolOf(node: string): string | undefined {
  return SYMBOLS[node];
}

/**
 * What a request says about an item's make-up (#12.3, CONTRACT §6 `fraction.<Symbol>`). `given` when it states a
 * composition at all (any `fraction.<Symbol>` parameter, or `content[]`); `present` holds the symbols it names,
 * from `fraction.<Symbol>` above zero and from content parts (with a value share above zero) that are an
 * element, are made of one, or state their own composition; `stated` is the sum of the item's own element
 * shares (`fraction.<Symbol>` with a chemical symbol; content value shares are not mass and never count).
 *
 * The one rule on an element the request does not mention: its share is unknown, never zero, unless the shares
 * the request states add up to the whole item ({@link COMPLETE_AT}: 100 % give or take rounding), when it is
 * absent. Short of that, an unmentioned element holds at most what is left (`1 - stated`), so only a threshold
 * above the remainder is decided by it ("fraction.W": 0.95 leaves copper unknown, but rules out 97 % Mo).
 */
export interface Composition {
  given: boolean;
  present: ReadonlySet<string>;
  /** Sum of the item's own `fraction.<Symbol>` shares (elements only). */
  stated: number;
  /** True when the stated shares make up the whole item: an element it does not mention is absent. */
  complete: boolean;
}

/**
 * Stated shares adding up to at least this are the whole item: 100 % within 0.1 percentage point, the rounding of
 * shares written to one decimal of a per cent (or to three decimals of a fraction).
 */
export const COMPLETE_AT = 0.999;

const NONE: Composition = Object.freeze({ given: false, present: new Set<string>(), stated: 0, complete: false });

/** A chemical symbol as `fraction.<Symbol>` writes it (`W`, `Dy`); compound keys (`fraction.SiO2`) are not. */
const ELEMENT_KEY = /^fraction\.[A-Z][a-z]?$/;

/** True when `param` is an element's mass fraction (`fraction.W`), the only shares the composition rule reads. */
export function isElementShare(param: string): boolean {
  return ELEMENT_KEY.test(param);
}

/**
 * The most an element the request does not mention can make up: 0 when the composition is complete, the rest
 * of the item (`1 - stated`) otherwise, 1 without a composition.
 */
export function unstatedShareAtMost(composition: Composition | undefined): number {
  if (!composition?.given) return 1;
  if (composition.complete) return 0;
  return Math.max(0, 1 - composition.stated);
}

/**
 * True when the request says the item holds none of the element: a zero share stated for it, or a complete
 * composition (shares adding up to the whole item) that leaves it out. An element a partial composition leaves
 * out is unknown (#12.3: a question only when it is unknown).
 */
export function knownAbsent(composition: Composition, symbol: string, parameters: Readonly<Record<string, number>> | undefined): boolean {
  if (composition.present.has(symbol)) return false;
  const stated = parameters?.[`fraction.${symbol}`];
  if (stated !== undefined) return !(stated > 0);
  return composition.given && composition.complete;
}

/** The composition a request states; `resolve` maps a content part to its taxonomy lineage. */
export function compositionOf(item: ItemRef, resolve: (item: ItemRef) => ResolvedItem): Composition {
  // Most requests state no make-up at all: no set to build for them.
  if (!item.parameters && !item.content?.length) return NONE;
  const present = new Set<string>();
  const given = collect(item, resolve, present, 0);
  if (!given) return NONE;
  const stated = ownShares(item);
  return { given, present, stated, complete: stated >= COMPLETE_AT };
}

/** Sum of an item's own element shares (`fraction.<Symbol>`), content parts left out. */
function ownShares(item: ItemRef): number {
  let sum = 0;
  const params = item.parameters;
  if (params) for (const key in params) if (ELEMENT_KEY.test(key) && params[key]! > 0) sum += params[key]!;
  return sum;
}

// Content nests (a motor holds a magnet that holds dysprosium); requests are validated, but the depth is
// still bounded so that no input can make the walk long.
const MAX_DEPTH = 4;

function collect(item: ItemRef, resolve: (item: ItemRef) => ResolvedItem, present: Set<string>, depth: number): boolean {
  let given = false;
  const params = item.parameters;
  if (params) {
    for (const key in params) {
      if (!key.startsWith('fraction.')) continue;
      given = true;
      if (params[key]! > 0) present.add(key.slice(9));
    }
  }
  if (item.content?.length) {
    given = true;
    for (const part of item.content) {
      // A part of unknown share is in the item all the same; only a stated share of 0 (technology) holds nothing.
      if (part.valueShare !== undefined && !(part.valueShare > 0)) continue;
      for (const node of resolve(part.item).lineage) {
        const symbol = SYMBOLS[node];
        if (symbol) present.add(symbol);
      }
      if (depth < MAX_DEPTH) collect(part.item, resolve, present, depth + 1);
    }
  }
  return given;
}

/**
 * The elements a content part may hold without being a form of them: those its taxonomy nodes say it
 * may contain (a Dy/Tb magnet) and those its own stated composition names, less those it states a zero share
 * of. A part that is itself a form of an element (dysprosium oxide) is decided by coverage, not here. A part
 * whose own shares add up to the whole of it holds only what it names. Undefined when the part resolves to no
 * item and its composition is not complete (the same rule as the item's: an element it does not mention is
 * unknown): then it may hold anything.
 */
export function elementsOfPart(part: ItemRef, resolve: (item: ItemRef) => ResolvedItem, taxonomy: TaxonomyView): ReadonlySet<string> | undefined {
  const out = new Set<string>();
  collect(part, resolve, out, 0);
  if (ownShares(part) >= COMPLETE_AT) return out;
  const resolved = resolve(part);
  if (resolved.nodes.length === 0) return undefined;
  for (const node of resolved.lineage) {
    for (const c of taxonomy.node(node)?.contains ?? []) {
      const s = SYMBOLS[c];
      if (s) out.add(s);
    }
  }
  const params = part.parameters;
  if (params) for (const key in params) if (ELEMENT_KEY.test(key) && !(params[key]! > 0)) out.delete(key.slice(9));
  return out;
}

/**
 * True when the composition rules out every node an entry lists beneath the requested item: the
 * entry then does not list the item, and it is neither a finding nor a question.
 */
export function ruledOutByComposition(ids: readonly string[] | undefined, requested: readonly string[], excluded: ReadonlySet<string>, taxonomy: TaxonomyView): boolean {
  if (!ids?.length || excluded.size === 0) return false;
  const beneath = ids.filter((id) => requested.some((n) => n !== id && taxonomy.ancestors(id).includes(n)));
  return beneath.length > 0 && beneath.every((id) => taxonomy.ancestors(id).some((a) => excluded.has(a)));
}

/**
 * Whether the stated composition meets a child's `definedBy`, read from `parent`: undefined without a
 * definition, a composition or a decision. A definition sets a node apart from a class of forms (`magnets/ndfeb`,
 * `rare-earths/alloy`), never from its element (`samarium/alloy` is not every samarium item with samarium in it),
 * so it is not read from an element root.
 */
export function compositionDefines(child: string, parent: string, item: ItemRef, composition: Composition | undefined, taxonomy: TaxonomyView): boolean | undefined {
  const def = taxonomy.node(child)?.definedBy;
  if (!def || !composition?.given || SYMBOLS[parent]) return undefined;
  const r = evaluateCondition(def, item.parameters, composition);
  return r.value === 'unknown' ? undefined : r.value;
}

/**
 * True when the stated composition settles whether the item is what an entry lists beneath the requested
 * nodes: a node on the way down has a `definedBy` it meets or fails, or the listed item is a form of an
 * element the composition leaves out. Otherwise the composition says nothing about it (dysprosium with a Dy
 * share may still be its metal, oxide or alloy) and the question which item it is stays fair.
 */
export function compositionDecides(ids: readonly string[] | undefined, requested: readonly string[], item: ItemRef, composition: Composition | undefined, taxonomy: TaxonomyView): boolean {
  if (!composition?.given || !ids?.length) return false;
  return ids.every((id) => requested.some((n) => {
    const above = taxonomy.ancestors(n);
    const path = taxonomy.ancestors(id).filter((a) => !above.includes(a) && taxonomy.ancestors(a).includes(n));
    if (!path.length) return false;
    for (const a of path) {
      for (const p of taxonomy.node(a)?.parents ?? []) if ((p === n || path.includes(p)) && compositionDefines(a, p, item, composition, taxonomy) !== undefined) return true;
    }
    return taxonomy.ancestors(id).some((a) => !above.includes(a) && SYMBOLS[a] !== undefined && knownAbsent(composition, SYMBOLS[a]!, item.parameters));
  }));
}

/** An item read through its composition: the nodes it narrows to, and the child nodes it rules out. */
export interface RefinedItem {
  resolved: ResolvedItem;
  /** Nodes whose `definedBy` the stated composition fails: the item is none of them. */
  excluded: ReadonlySet<string>;
}

const NO_EXCLUSIONS: ReadonlySet<string> = new Set();

/**
 * Narrows a resolved item by the composition the request states (#12.3): a node's child whose
 * `definedBy` the composition meets takes its place (`magnets/ndfeb` with `fraction.Dy` 0.03 is
 * `magnets/ndfeb-dy-tb`); a child whose definition it fails is excluded; an undecided one stays a
 * possibility; when several children are met the item stays the parent. Without a composition the item is
 * returned as it is.
 */
export function refineByComposition(resolved: ResolvedItem, item: ItemRef, composition: Composition, taxonomy: TaxonomyView): RefinedItem {
  if (!composition.given || resolved.nodes.length === 0) return { resolved, excluded: NO_EXCLUSIONS };
  let excluded: Set<string> | undefined;
  const why: string[] = [];
  const narrow = (node: string, depth: number): string[] => {
    const met: string[] = [];
    for (const child of childrenOf(taxonomy, node)) {
      const holds = compositionDefines(child, node, item, composition, taxonomy);
      if (holds === true) {
        met.push(child);
        why.push(`composition (${describeCondition(taxonomy.node(child)!.definedBy!)}) makes it ${child}`);
      } else if (holds === false) (excluded ??= new Set()).add(child);
    }
    // Several children met: the item is each of them at once (an alloy of Sm and Dy), not one of several
    // candidates, so it stays the parent and the group rule combines them.
    if (met.length !== 1 || depth >= MAX_DEPTH) return [node];
    return narrow(met[0]!, depth + 1);
  };
  const nodes = resolved.nodes.flatMap((n) => narrow(n, 0));
  if (!why.length) return { resolved, excluded: excluded ?? NO_EXCLUSIONS };
  const lineage = new Set<string>();
  for (const n of nodes) for (const a of taxonomy.ancestors(n)) lineage.add(a);
  return { resolved: { ...resolved, nodes, lineage, matchedBy: [...resolved.matchedBy, ...why] }, excluded: excluded ?? NO_EXCLUSIONS };
}

const coverageElements = new WeakMap<Coverage, ReadonlySet<string>>();

/**
 * The elements whose forms a coverage lists (`dysprosium/oxide` → Dy). Plugin data: worked out on first
 * use and kept with the coverage object, so a request never rebuilds it.
 */
export function elementsOfCoverage(covers: Coverage, taxonomy: TaxonomyView): ReadonlySet<string> {
  let out = coverageElements.get(covers);
  if (!out) {
    const set = new Set<string>();
    for (const id of covers.ids ?? []) for (const a of taxonomy.ancestors(id)) {
      const s = SYMBOLS[a];
      if (s) set.add(s);
    }
    coverageElements.set(covers, (out = set));
  }
  return out;
}
