import type { FieldError } from './errors.js';

/**
 * Parameter names that the plugins gave the same fact, in the same unit (CONTRACT §6: a name means the same
 * everywhere). Each regime's data reads its own name; a request may give any one of a group, and the engine fills the
 * others with its value, so that one answer serves every regime and nobody is asked twice for one fact. Names in
 * different units (CN `elongation` 0–1, JP `elongationPct` in %) are not synonyms and are not listed.
 */
export const PARAMETER_SYNONYMS: readonly (readonly string[])[] = [
  // A hollow cylinder or cylinder segment, 1 = yes (EU/US 1C226, EU 1C241).
  ['hollowCylindricalForm', 'formHollowCylinder'],
  // Hafnium to zirconium, by weight (1C234, JP 2(26): below 1:500 = 0.002).
  ['ratioHfToZrByWeight', 'massRatio.HfZr', 'hafniumToZirconiumRatio'],
  // Metallic impurities in ppm by weight: other than calcium (1C228), other than magnesium (1C227), all (1C007.a, 6C004.e).
  ['ppmMetallicImpuritiesOtherThanCa', 'metallicImpuritiesPpmExclCa'],
  ['ppmMetallicImpuritiesOtherThanMg', 'metallicImpuritiesPpmExclMg'],
  ['ppmMetallicImpuritiesTotal', 'metallicImpuritiesPpm'],
  // Lithium-6 as an atom fraction, 0–1 (1C233: above the natural 0.075).
  ['isotopeFractionAtom.Li6', 'isotopeAbundanceAtomFraction.Li6'],
  // Helium-3 in grams (1C232: released below 1 g).
  ['massG.He3', 'he3MassG'],
  // Inert gas or hydrogen in a hydride, mole fraction 0–1 (3C004, JP 7(21): 20 %).
  ['molarFraction.inertGasOrH2', 'inertGasOrH2MoleFraction', 'inertGasOrHydrogenMolFraction'],
  // Resist sensitivity, µC/mm² (3C002.b).
  ['sensitivityMicroCoulombPerMm2', 'sensitivityUCPerMm2'],
  // Optical absorption coefficient, per cm (6C004.f).
  ['absorptionPerCm', 'absorptionCoefficientPerCm'],
  // Capacitor voltage rating, kV (3A001.e.2); energy delivered in the first second, kJ (3A001.e.3); AM0 solar-cell
  // efficiency at 28 °C, 0–1 (3A001.e.4).
  ['voltageRatingKV', 'voltageKV'],
  ['energyDeliveredFirstSecondKJ', 'energyFirstSecondKJ'],
  ['averageEfficiencyAM0At28C', 'am0EfficiencyAt28C'],
  // Tungsten infiltrated with copper or with silver, 1 = yes (1C117.c).
  ['infiltrant.Cu', 'copperInfiltrated'],
  ['infiltrant.Ag', 'silverInfiltrated'],
  // Ultimate tensile strength of a tungsten heavy alloy, MPa (CN 1C004, JP 5(7): above 1,270).
  ['ultimateTensileStrengthMPa', 'tensileStrengthMPa'],
  // Isotopically purified silicon or germanium: the fraction of the element's other isotopes, 0–1 (US 3C907–3C909,
  // JP 7(24)–(25): below 0.0008).
  ['isotopeImpurityFraction', 'otherIsotopeFraction'],
];

/**
 * Names of one fact in different units: `name` is `of` times `factor` (CN `elongation` 0–1, JP `elongationPct` in %,
 * both for tungsten heavy alloys, 1C004 and 5(7)). Either fills the other, rounded to 12 significant digits so that
 * 0.08 stays exactly 8 % at a threshold of "more than 8 %".
 */
export const SCALED_PARAMETERS: readonly { name: string; of: string; factor: number }[] = [{ name: 'elongationPct', of: 'elongation', factor: 100 }];

const rounded = (x: number): number => Number(x.toPrecision(12));

const GROUP_OF = new Map<string, readonly string[]>(PARAMETER_SYNONYMS.flatMap((group) => group.map((name) => [name, group] as const)));

/**
 * Fills in the synonyms of each parameter given (in place), or reports a field error where two names of one fact
 * carry different values. Only parameters whose name has synonyms cost more than one map lookup.
 */
export function fillSynonyms(params: Record<string, number>, path: string, errors: FieldError[]): void {
  for (const { name, of, factor } of SCALED_PARAMETERS) {
    const scaled = params[name];
    const base = params[of];
    if (scaled === undefined && base === undefined) continue;
    if (scaled === undefined) params[name] = rounded(base! * factor);
    else if (base === undefined) params[of] = rounded(scaled / factor);
    else if (rounded(base * factor) !== rounded(scaled)) errors.push({ path: `${path}.${name}`, message: `the same fact as ${of} in other units (${name} = ${of} × ${factor}), given a different value: ${scaled} against ${base} × ${factor}` });
  }
  let groups: Set<readonly string[]> | undefined;
  for (const name in params) {
    const group = GROUP_OF.get(name);
    if (group) (groups ??= new Set()).add(group);
  }
  if (!groups) return;
  for (const group of groups) {
    let first: string | undefined;
    for (const name of group) {
      const value = params[name];
      if (value === undefined) continue;
      if (first === undefined) first = name;
      else if (value !== params[first]) errors.push({ path: `${path}.${name}`, message: `the same fact as ${first} (${group.join(', ')} are one parameter), given a different value: ${value} against ${params[first]}` });
    }
    for (const name of group) params[name] ??= params[first!]!;
  }
}
