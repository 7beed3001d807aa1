/** Every taxonomy ID that CONTRACT §5 requires, so tests and tools can check the taxonomy holds them. */
export const ELEMENTS = [
  'lithium', 'graphite', 'cobalt', 'nickel', 'manganese', 'gallium', 'germanium', 'antimony', 'tungsten', 'tellurium', 'bismuth',
  'molybdenum', 'indium', 'tantalum', 'niobium', 'silicon', 'magnesium', 'vanadium', 'titanium', 'beryllium', 'hafnium', 'zirconium', 'uranium',
] as const;

/** The 17 rare-earth elements. */
export const RARE_EARTHS = [
  'scandium', 'yttrium', 'lanthanum', 'cerium', 'praseodymium', 'neodymium', 'promethium', 'samarium', 'europium', 'gadolinium',
  'terbium', 'dysprosium', 'holmium', 'erbium', 'thulium', 'ytterbium', 'lutetium',
] as const;

/** IDs CONTRACT §5 names explicitly besides the element forms. */
export const NAMED_IDS = [
  'rare-earths', 'gallium/nitride', 'gallium/arsenide', 'germanium/dioxide', 'lithium/carbonate', 'lithium/hydroxide',
  'tungsten/ammonium-paratungstate', 'graphite/natural-flake', 'graphite/spherical', 'graphite/artificial',
  'magnets/ndfeb', 'magnets/smco', 'batteries/lithium-ion-cell', 'batteries/lithium-ion-pack', 'batteries/lfp-cathode-material',
  'tech/rare-earths/mining', 'tech/rare-earths/separation', 'tech/rare-earths/metal-production', 'tech/rare-earths/magnet-manufacturing',
  'tech/lithium/spodumene-conversion', 'tech/lithium/brine-extraction', 'tech/lithium/direct-extraction', 'tech/lithium/metal-production',
  'tech/battery/lfp-cathode-preparation', 'tech/battery/lmfp-cathode-preparation', 'tech/battery/cell-manufacturing', 'tech/gallium/extraction',
  'tech/electronics/smartphone-assembly', 'equipment/battery/cell-manufacturing', 'equipment/rare-earths/separation',
  'equipment/electronics/smartphone-assembly-line',
] as const;

/** All IDs CONTRACT §5 requires. */
export function contractIds(): string[] {
  return [
    ...ELEMENTS,
    ...RARE_EARTHS,
    ...ELEMENTS.map((e) => `${e}/metal`),
    ...RARE_EARTHS.flatMap((e) => [`${e}/metal`, `${e}/oxide`, `${e}/compound`]),
    ...NAMED_IDS,
  ];
}
