import type { SupplyFact, TaxonomyHit, TaxonomyNode, TaxonomyView, ValueChain } from '../taxonomy.js';

/**
 * A tiny in-memory taxonomy for engine tests. Its codes are test data for the engine's mechanics,
 * not legal or customs facts.
 */
const NODES: TaxonomyNode[] = [
  { id: 'gallium', kind: 'mineral', names: { en: 'Gallium', zh: '镓' }, parents: [] },
  { id: 'gallium/metal', kind: 'material', names: { en: 'Gallium metal', zh: '金属镓' }, parents: ['gallium'], identifiers: { hs: ['811292'], cnCode: ['8112929010'], cas: ['7440-55-3'] } },
  { id: 'gallium/nitride', kind: 'material', names: { en: 'Gallium nitride', zh: '氮化镓' }, parents: ['gallium'], identifiers: { cnCode: ['2850001901'] } },
  { id: 'germanium', kind: 'mineral', names: { en: 'Germanium', zh: '锗' }, parents: [] },
  { id: 'germanium/metal', kind: 'material', names: { en: 'Germanium metal', zh: '金属锗' }, parents: ['germanium'], identifiers: { hs: ['811292'], cnCode: ['8112921010'] } },
  { id: 'graphite', kind: 'mineral', names: { en: 'Graphite', zh: '石墨' }, parents: [] },
  { id: 'graphite/artificial', kind: 'material', names: { en: 'Artificial graphite', zh: '人造石墨' }, parents: ['graphite'], identifiers: { hs: ['380110'], cnCode: ['3801100030'] } },
  { id: 'rare-earths', kind: 'mineral', names: { en: 'Rare earths', zh: '稀土' }, parents: [] },
  { id: 'rare-earths/ore', kind: 'material', names: { en: 'Rare-earth ore' }, parents: ['rare-earths'] },
  { id: 'dysprosium', kind: 'mineral', names: { en: 'Dysprosium', zh: '镝' }, parents: ['rare-earths'] },
  { id: 'dysprosium/oxide', kind: 'material', names: { en: 'Dysprosium oxide', zh: '氧化镝' }, parents: ['dysprosium'], identifiers: { hs: ['284690'] } },
  { id: 'magnets', kind: 'group', names: { en: 'Permanent magnets' }, parents: [] },
  { id: 'magnets/ndfeb', kind: 'product', names: { en: 'NdFeB magnet', zh: '钕铁硼' }, aliases: ['neodymium magnet'], parents: ['magnets'], identifiers: { hs: ['850511'] } },
  {
    id: 'magnets/ndfeb-dy-tb', kind: 'product', names: { en: 'NdFeB magnet containing Dy or Tb' }, parents: ['magnets/ndfeb'], contains: ['dysprosium', 'terbium'],
    definedBy: { any: [{ param: 'fraction.Dy', op: '>', value: 0 }, { param: 'fraction.Tb', op: '>', value: 0 }] },
  },
  { id: 'samarium', kind: 'mineral', names: { en: 'Samarium', zh: '钐' }, parents: ['rare-earths'] },
  { id: 'rare-earths/alloy', kind: 'material', names: { en: 'Rare-earth alloys' }, parents: ['rare-earths'] },
  { id: 'dysprosium/alloy', kind: 'material', names: { en: 'Dysprosium alloys' }, parents: ['dysprosium', 'rare-earths/alloy'], definedBy: { param: 'fraction.Dy', op: '>', value: 0 } },
  { id: 'samarium/alloy', kind: 'material', names: { en: 'Samarium alloys' }, parents: ['samarium', 'rare-earths/alloy'], definedBy: { param: 'fraction.Sm', op: '>', value: 0 } },
  { id: 'tungsten', kind: 'mineral', names: { en: 'Tungsten', zh: '钨' }, parents: [] },
  { id: 'tungsten/alloy', kind: 'material', names: { en: 'Tungsten alloy' }, parents: ['tungsten'] },
  { id: 'equipment', kind: 'group', names: { en: 'Production equipment' }, parents: [] },
  { id: 'equipment/press', kind: 'equipment', names: { en: 'Test press' }, parents: ['equipment'] },
  { id: 'equipment/furnace', kind: 'equipment', names: { en: 'Test furnace' }, parents: ['equipment'] },
  { id: 'equipment/furnace/vacuum', kind: 'equipment', names: { en: 'Vacuum test furnace' }, parents: ['equipment/furnace'] },
  { id: 'widgets', kind: 'product', names: { en: 'Plain widgets' }, parents: [], identifiers: { hs: ['732690'] } },
  { id: 'tech', kind: 'group', names: { en: 'Technologies' }, parents: [] },
  { id: 'tech/rare-earths', kind: 'group', names: { en: 'Rare-earth technologies' }, parents: ['tech'] },
  { id: 'tech/rare-earths/separation', kind: 'technology', names: { en: 'Rare-earth separation technology', zh: '稀土分离技术' }, parents: ['tech/rare-earths'] },
];

const COUNTRIES = new Set(['AA', 'BB', 'CN', 'US', 'JP', 'DE', 'FR', 'IN', 'GB', 'KR', 'HU', 'BO', 'RU']);
const GROUPS: Record<string, { country: string; from?: string; to?: string }[]> = {
  FRIENDS: [{ country: 'DE' }, { country: 'FR' }, { country: 'GB', to: '2020-01-31' }, { country: 'HU', from: '2004-05-01' }],
};

const CHAINS: ValueChain[] = [
  {
    id: 'magnet-line', names: { en: 'Test magnet line' }, description: 'Test chain.',
    stages: [
      { id: 'separation', names: { en: 'Separation' }, follows: [], inputs: [{ item: 'tech/rare-earths/separation', kind: 'personnel' }] },
      { id: 'magnet-making', names: { en: 'Magnet making' }, follows: ['separation'], inputs: [
        { item: 'dysprosium/oxide', kind: 'material' }, { item: 'gallium/metal', kind: 'material' }, { item: 'widgets', kind: 'equipment' },
      ] },
    ],
  },
];
const src = { url: 'https://example.org/supply', publisher: 'Test', date: '2025-01-01' };
const SUPPLY: SupplyFact[] = [
  { item: 'rare-earths', stage: 'mining', year: 2024, basis: 'test', shares: { AA: 0.7, US: 0.12, BB: 0.08 }, source: src, confidence: 'medium' },
  { item: 'rare-earths', stage: 'separation', year: 2023, basis: 'test', shares: { AA: 0.9 }, source: src, confidence: 'medium' },
  { item: 'rare-earths', stage: 'separation', year: 2024, basis: 'test', shares: { AA: 0.88, BB: 0.05 }, source: src, confidence: 'medium' },
  { item: 'gallium', stage: 'refining', year: 2024, basis: 'test', shares: { AA: 0.98, JP: 0.01 }, source: src, confidence: 'high' },
  // An older figure from another source, far from the latest: the answer says the figures disagree.
  { item: 'gallium', stage: 'refining', year: 2022, basis: 'test', shares: { AA: 0.8 }, source: src, confidence: 'medium' },
  // Only a mine figure for a made product: its shares and alternatives are another stage's, and the answer says so.
  { item: 'tungsten', stage: 'mining', year: 2024, basis: 'test', shares: { AA: 0.5, BB: 0.3 }, source: src, confidence: 'low' },
];

export function fixtureTaxonomy(): TaxonomyView {
  const byId = new Map(NODES.map((n) => [n.id, n]));
  const ancestors = (id: string): string[] => {
    const out: string[] = [];
    const walk = (x: string) => {
      if (out.includes(x) || !byId.has(x)) return;
      out.push(x);
      for (const p of byId.get(x)!.parents) walk(p);
    };
    walk(id);
    return out;
  };
  const codes = (n: TaxonomyNode) => [...(n.identifiers?.hs ?? []), ...(n.identifiers?.cnCode ?? [])];
  return {
    node: (id) => byId.get(id) ?? NODES.find((n) => n.aliases?.includes(id)),
    ancestors,
    descendants: (id) => NODES.filter((n) => n.id !== id && ancestors(n.id).includes(id)).map((n) => n.id),
    nodesForCode(digits) {
      for (let l = digits.length; l >= 4; l--) {
        const hit = NODES.filter((n) => codes(n).includes(digits.slice(0, l))).map((n) => n.id);
        if (hit.length) return hit;
      }
      return NODES.filter((n) => codes(n).some((c) => c.startsWith(digits))).map((n) => n.id);
    },
    nodesForCas: (cas) => NODES.filter((n) => n.identifiers?.cas?.includes(cas)).map((n) => n.id),
    nodesForUnverifiedCas: (cas) => NODES.filter((n) => n.lowConfidenceIdentifiers?.cas?.includes(cas)).map((n) => n.id),
    search(text): TaxonomyHit[] {
      const q = text.toLowerCase().trim();
      return NODES.filter((n) => n.names.en.toLowerCase() === q || n.names.zh === q || n.aliases?.includes(q))
        .map((n) => ({ id: n.id, score: 0.95, matchedBy: 'name.en' }))
        .concat(NODES.filter((n) => n.names.en.toLowerCase().includes(q) && n.names.en.toLowerCase() !== q).map((n) => ({ id: n.id, score: 0.7, matchedBy: 'name.en' })));
    },
    hsHeading: (digits) => (digits.startsWith('811292') ? { code: '811292', description: 'Gallium, germanium, indium, niobium, vanadium; unwrought' } : undefined),
    isCountry: (c) => COUNTRIES.has(c),
    countryCodeFor: (text) => ({ CHN: 'CN', CHINA: 'CN', USA: 'US' } as Record<string, string>)[text.trim().toUpperCase()],
    chain: (id) => CHAINS.find((c) => c.id === id),
    chains: () => CHAINS,
    supplyFor(id) {
      for (const anc of ancestors(id)) {
        const facts = SUPPLY.filter((f) => f.item === anc);
        if (facts.length) return facts;
      }
      return [];
    },
    isMember: (group, country, date) => {
      const members = GROUPS[group];
      if (!members) return undefined;
      return members.some((m) => m.country === country && (!m.from || date >= m.from) && (!m.to || date <= m.to));
    },
  };
}
