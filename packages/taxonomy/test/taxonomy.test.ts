import { describe, expect, it } from 'vitest';
import { contractIds, loadTaxonomy, readTaxonomyData, Taxonomy, validateTaxonomyData } from '../src/index.js';
import { wordStem } from '../src/text.js';

const t = loadTaxonomy();

describe('countryCodeFor (hints for a country field that holds no alpha-2 code)', () => {
  it('reads alpha-3 codes and English or Chinese names, common short forms included', () => {
    expect(['CHN', 'usa', 'China', 'united states', 'Russia', 'South Korea', 'Türkiye', 'Turkey', '中国', '德国'].map((x) => t.countryCodeFor(x))).toEqual(['CN', 'US', 'CN', 'US', 'RU', 'KR', 'TR', 'TR', 'CN', 'DE']);
  });
  it('names nothing for text that is no country', () => {
    expect(['ZZZ', 'Atlantis', '', 'gallium'].map((x) => t.countryCodeFor(x))).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('taxonomy nodes', () => {
  it('holds every ID of CONTRACT §5', () => {
    const missing = contractIds().filter((id) => t.node(id)?.id !== id);
    expect(missing).toEqual([]);
  });
  it('has English and Chinese names for every element and form of CONTRACT §5', () => {
    const noZh = contractIds().filter((id) => !t.node(id)?.names.zh);
    expect(noZh).toEqual([]);
  });
  it('links forms to their element and rare earths to the group', () => {
    expect(t.ancestors('dysprosium/oxide')).toEqual(['dysprosium/oxide', 'dysprosium', 'rare-earths']);
    expect(t.descendants('gallium')).toEqual(expect.arrayContaining(['gallium/metal', 'gallium/nitride', 'gallium/arsenide']));
  });
  it('carries China reference lines and CAS numbers where controls cite them', () => {
    expect(t.node('gallium/metal')!.identifiers).toMatchObject({ hs: expect.arrayContaining(['811292']), cnCode: expect.arrayContaining(['8112929010']), cas: ['7440-55-3'] });
    expect(t.nodesForCode('8112929010')).toEqual(['gallium/metal']);
    expect(t.nodesForCas('7440-55-3')).toEqual(['gallium/metal']);
    // CAS numbers recorded only as unverified are looked up apart, never mixed into the verified ones.
    expect(t.nodesForCas('11120-25-5')).toEqual([]);
    expect(t.nodesForUnverifiedCas('11120-25-5')).toEqual(['tungsten/ammonium-paratungstate']);
    expect(t.nodesForUnverifiedCas('7440-55-3')).toEqual([]);
  });
  it('every HS code of every node is an HS 2022 subheading', () => {
    const data = readTaxonomyData();
    expect(validateTaxonomyData(data, { isCountry: (c) => t.isCountry(c), hsExists: (c) => t.hs.get(c)?.level === 6 })).toEqual([]);
  });
  it('rejects data with a broken parent, a bad HS code or a bad CAS number', () => {
    const data = readTaxonomyData();
    data.nodes = [...data.nodes, { id: 'x/y', kind: 'material', names: { en: 'X' }, parents: ['nope'], identifiers: { hs: ['123456'], cas: ['7440-55-4'], codes: { jp: ['2(24)'], JP: ['２（２４）'] } } }];
    const at = data.nodes.length - 1;
    expect(validateTaxonomyData(data, { isCountry: (c) => t.isCountry(c), hsExists: (c) => t.hs.get(c)?.level === 6 })).toEqual([
      `nodes[${at}] "x/y": HS "123456" is not an HS 2022 subheading`,
      `nodes[${at}] "x/y": CAS "7440-55-4" has a bad check digit`,
      `nodes[${at}] "x/y": codes key "jp" should be a jurisdiction like "JP"`,
      `nodes[${at}] "x/y": codes.JP should be a list of codes without spaces or full-width characters`,
      'node "x/y": parent "nope" does not exist',
    ]);
    expect(() => new Taxonomy(data)).toThrow(/parent "nope" does not exist/);
  });
});

describe('sanctions on sourcing', () => {
  it('names the sanctions on buying from a country from the day they apply, with sources', () => {
    expect(t.sourcingSanctions('KP', '2025-06-01').map((s) => s.imposedBy)).toEqual([['US', 'UN']]);
    expect(t.sourcingSanctions('RU', '2022-03-10')).toEqual([]);
    expect(t.sourcingSanctions('RU', '2022-03-11')[0]!.note).toContain('Regulation 833/2014');
    expect(t.sourcingSanctions('AU', '2025-06-01')).toEqual([]);
    for (const s of readTaxonomyData().sourcingSanctions!) expect(s.sources.length).toBeGreaterThan(0);
  });
  it('refuses a sanction on an unknown country or without a source', () => {
    const data = readTaxonomyData();
    data.sourcingSanctions = [{ country: 'XX', from: '2025-01-01', imposedBy: ['UN'], note: 'n', sources: [], confidence: 'low' }];
    expect(validateTaxonomyData(data, { isCountry: (c) => t.isCountry(c), hsExists: (c) => t.hs.get(c)?.level === 6 })).toEqual([
      'sourcingSanctions[0]: "XX" is not a country code',
      'sourcingSanctions[0]: each source needs a url and a date',
    ]);
  });
});

describe('search', () => {
  it('finds by ID, English or Chinese name, China code, HS and CAS, best first', () => {
    expect(t.search('gallium/metal')[0]!.id).toBe('gallium/metal');
    expect(t.search('gallium metal')[0]!.id).toBe('gallium/metal');
    expect(t.search('金属镓')[0]!.id).toBe('gallium/metal');
    expect(t.search('8112929010')[0]).toMatchObject({ id: 'gallium/metal', matchedBy: 'cnCode' });
    expect(t.search('7440-55-3')[0]).toMatchObject({ id: 'gallium/metal', matchedBy: 'cas' });
    expect(t.search('dysprosium oxide')[0]!.id).toBe('dysprosium/oxide');
    expect(t.search('氧化镝')[0]!.id).toBe('dysprosium/oxide');
  });
  it('finds the nodes a regime\'s control code names (Japan\'s row-and-item codes), with or without the regime, full-width too', () => {
    expect(t.search('JP 2(24)')).toEqual([{ id: 'lithium/lithium-6-enriched', score: 0.95, matchedBy: 'codes.JP' }]);
    expect(t.search('JP=２（２４）')[0]).toMatchObject({ id: 'lithium/lithium-6-enriched', matchedBy: 'codes.JP' });
    expect(t.search('2(4)').map((h) => h.id).sort()).toEqual(['graphite/anode-material', 'graphite/artificial']);
    expect(t.search('JP 7(18)').map((h) => h.id)).toEqual(expect.arrayContaining(['gallium/nitride', 'gallium/arsenide', 'indium/phosphide', 'silicon/carbide']));
    expect(t.search('JP 7(16)').map((h) => h.id).sort()).toEqual(['equipment/semiconductor/device-manufacturing', 'equipment/semiconductor/wafer-inspection', 'equipment/semiconductor/wafer-manufacturing']);
    expect(t.search('JP 7(25)').map((h) => h.id)).toEqual(expect.arrayContaining(['germanium/metal', 'silicon/polysilicon']));
    expect(t.node('tungsten/alloy')!.identifiers!.codes).toEqual({ JP: ['2(25)', '5(7)'] });
    expect(t.search('US 2(24)')).toEqual([]);
  });
  it('returns several candidates for an ambiguous query', () => {
    const ids = t.search('811292').map((h) => h.id);
    expect(ids).toEqual(expect.arrayContaining(['gallium/metal', 'germanium/metal', 'indium/metal']));
  });
  it('reads "technology" as the "tech" of the IDs and a plural as its singular, on both sides', () => {
    // Before, "technology" matched no word of "… technologies" or of a tech/ ID: these found nothing.
    expect(t.search('lithium extraction technology').map((h) => h.id)).toEqual(expect.arrayContaining(['tech/lithium/brine-extraction', 'tech/lithium/direct-extraction', 'tech/lithium']));
    expect(t.search('battery cathode technology').map((h) => h.id)).toEqual(expect.arrayContaining(['tech/battery/lfp-cathode-preparation', 'tech/battery/lmfp-cathode-preparation']));
    expect(t.search('rare earth separation technologies')[0]!.id).toBe('tech/rare-earths/separation');
    expect(t.search('tungsten alloy')[0]!.id).toBe('tungsten/alloy');
    expect(t.search('magnet manufacturing technologies')[0]!.id).toBe('tech/rare-earths/magnet-manufacturing');
    // A short plural keeps its old reading (less the final s), and "gas" is not "Ga".
    expect(t.search('ICs')[0]!.id).toBe('electronics/integrated-circuit');
    expect(wordStem('gas')).toBe('gas');
    expect(['process', 'basis', 'status', 'batteries', 'processes', 'alloys', 'technologies', 'wafers'].map(wordStem)).toEqual(['process', 'basis', 'status', 'battery', 'process', 'alloy', 'tech', 'wafer']);
  });
  it('falls back to the element or mineral a word names when nothing matches the words together', () => {
    expect(t.search('germanium wafers')).toEqual([{ id: 'germanium', score: 0.55, matchedBy: 'family' }]);
    expect(t.search('holmium doped fibre')).toEqual([{ id: 'holmium', score: 0.55, matchedBy: 'family' }]);
    expect(t.search('gallium germanium mystery blend').map((h) => h.id)).toEqual(['gallium', 'germanium']);
    // Not when anything else matched, not for one word, not for a chemical symbol inside a name ("In", "Co").
    expect(t.search('gallium nitride wafers').map((h) => h.matchedBy)).not.toContain('family');
    expect(t.search('Acme Co trading in widgets')).toEqual([]);
  });
  it('returns nothing for nonsense', () => {
    expect(t.search('zzqxv')).toEqual([]);
  });
});

describe('HS 2022 nomenclature', () => {
  it('holds every chapter, heading and subheading of the dataset', () => {
    expect(t.hs.counts()).toEqual({ chapters: 97, headings: 1229, subheadings: 5613 });
  });
  it('resolves any code to its heading, even when no control names it', () => {
    expect(t.hsHeading('0101210000')).toMatchObject({ code: '010121' });
    expect(t.hsHeading('8505')).toMatchObject({ code: '8505' });
    expect(t.searchHs('permanent magnets').map((h) => h.code)).toContain('850511');
    expect(t.searchHs('8505.11')[0]!.code).toBe('850511');
  });
});

describe('jurisdictions', () => {
  it('lists every ISO 3166-1 country with Chinese names', () => {
    expect(t.countries().length).toBeGreaterThanOrEqual(249);
    expect(t.country('DE')!.names).toEqual({ en: 'Germany', zh: '德国' });
    expect(t.isCountry('ZZ')).toBe(false);
  });
  it('dates group membership', () => {
    expect(t.membersOn('EU', '2026-01-01')).toHaveLength(27);
    expect(t.isMember('EU', 'GB', '2020-01-31')).toBe(true);
    expect(t.isMember('EU', 'GB', '2020-02-01')).toBe(false);
    expect(t.isMember('WASSENAAR', 'IN', '2017-12-07')).toBe(false);
    expect(t.isMember('WASSENAAR', 'IN', '2017-12-08')).toBe(true);
    expect(t.isMember('NSG', 'CN', '2026-01-01')).toBe(true);
    expect(t.isMember('MTCR', 'CN', '2026-01-01')).toBe(false);
    expect(t.isMember('NOPE', 'CN', '2026-01-01')).toBeUndefined();
  });
});

describe('value chains and facts', () => {
  it('has the four chains with the stages the exposure plans use', () => {
    const stages = (id: string) => t.chain(id)!.stages.map((s) => s.id);
    expect(stages('lfp-cells')).toEqual(expect.arrayContaining(['cathode-synthesis', 'cell-assembly']));
    expect(stages('ndfeb-magnet-motors')).toContain('magnet-manufacturing');
    expect(stages('lithium-brine-to-carbonate')).toEqual(expect.arrayContaining(['direct-lithium-extraction', 'purification']));
    expect(stages('smartphone-assembly')).toEqual(expect.arrayContaining(['final-assembly', 'smt-pcba']));
  });
  it('every stage names its inputs by kind', () => {
    for (const chain of t.chains()) {
      const kinds = new Set(chain.stages.flatMap((s) => s.inputs.map((i) => i.kind)));
      expect([...kinds].sort(), chain.id).toEqual(expect.arrayContaining(['equipment', 'material', 'technology']));
    }
  });
  it('attaches sourced supply facts and list memberships', () => {
    const d = t.details('rare-earths')!;
    expect(d.facts.supply.length).toBeGreaterThan(0);
    for (const f of t.supplyFacts) expect(f.source.url, `${f.item} ${f.stage}`).toMatch(/^https?:\/\//);
    expect(t.listsFor('gallium/metal').map((l) => l.id)).toEqual(expect.arrayContaining(['eu-crma-2024-critical', 'usgs-2022']));
  });
});
