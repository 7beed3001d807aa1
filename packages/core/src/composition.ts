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
 * What a request says about an item's make-up (#12.3). `given` when it states a composition at all
 * (any `fraction.<Symbol>` parameter, or `content[]`); `present` holds the symbols it names, from
 * `fraction.<Symbol>` above zero and from content parts (with a value share above zero) that are an
 * element, are made of one, or state their own composition. When a composition is given and names at
 * least one element as present, an element it does not name is absent; a request that only states zero
 * shares ("fraction.Dy": 0) says what the item lacks, not what it is made of, so the elements it does not
 * mention stay unknown and are asked ({@link knownAbsent}).
 */
export interface Composition {
  given: boolean;
  present: ReadonlySet<string>;
}

const NONE: Composition = Object.freeze({ given: false, present: new Set<string>() });

/**
 * True when the request says the item holds none of the element: a zero share stated for it, or a composition
 * that names other elements as present and leaves it out. A request stating only zero shares leaves every
 * other element unknown (#12.3: a question only when it is unknown).
 */
export function knownAbsent(composition: Composition, symbol: string, parameters: Readonly<Record<string, number>> | undefined): boolean {
  if (composition.present.has(symbol)) return false;
  const stated = parameters?.[`fraction.${symbol}`];
  if (stated !== undefined) return !(stated > 0);
  return composition.given && composition.present.size > 0;
}

/** The composition a request states; `resolve` maps a content part to its taxonomy lineage. */
export function compositionOf(item: ItemRef, resolve: (item: ItemRef) => ResolvedItem): Composition {
  const present = new Set<string>();
  const given = collect(item, resolve, present, 0);
  return given ? { given, present } : NONE;
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
      if (!(part.valueShare > 0)) continue;
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
 * may contain (a Dy/Tb magnet) and those its own stated composition names. A part that is itself a
 * form of an element (dysprosium oxide) is decided by coverage, not here. Undefined when the part
 * resolves to no item and states no composition: then it may hold anything.
 */
export function elementsOfPart(part: ItemRef, resolve: (item: ItemRef) => ResolvedItem, taxonomy: TaxonomyView): ReadonlySet<string> | undefined {
  const resolved = resolve(part);
  const out = new Set<string>();
  const stated = collect(part, resolve, out, 0);
  if (resolved.nodes.length === 0 && !stated) return undefined;
  for (const node of resolved.lineage) {
    for (const c of taxonomy.node(node)?.contains ?? []) {
      const s = SYMBOLS[c];
      if (s) out.add(s);
    }
  }
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
