import type { ResolvedItem } from './resolve.js';
import type { ItemRef } from './types.js';

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

/**
 * What a request says about an item's make-up (#12.3). `given` when it states a composition at all
 * (any `fraction.<Symbol>` parameter, or `content[]`); `present` holds the symbols it names, from
 * `fraction.<Symbol>` above zero and from content parts that are an element or made of one. When a
 * composition is given, an element it does not name is absent.
 */
export interface Composition {
  given: boolean;
  present: ReadonlySet<string>;
}

const NONE: Composition = Object.freeze({ given: false, present: new Set<string>() });

/** The composition a request states; `resolve` maps a content part to its taxonomy lineage. */
export function compositionOf(item: ItemRef, resolve: (item: ItemRef) => ResolvedItem): Composition {
  let given = false;
  let present: Set<string> | undefined;
  const params = item.parameters;
  if (params) {
    for (const key in params) {
      if (!key.startsWith('fraction.')) continue;
      given = true;
      if (params[key]! > 0) (present ??= new Set()).add(key.slice(9));
    }
  }
  if (item.content?.length) {
    given = true;
    for (const part of item.content) {
      for (const node of resolve(part.item).lineage) {
        const symbol = SYMBOLS[node];
        if (symbol) (present ??= new Set()).add(symbol);
      }
    }
  }
  return given ? { given, present: present ?? NONE.present } : NONE;
}
