import { createEngine, validatePartyList, type AssessmentRequest } from '@chokepoint/core';
import { loadTaxonomy } from '@chokepoint/taxonomy';
import { describe, expect, it } from 'vitest';
import { ENTITY_LIST_COPY, ENTITY_LIST_COPY_COMPLETE, ENTITY_LIST_PARTIES, footnotesOf } from '../src/entity-list.js';
import plugin from '../src/index.js';
import { EAR_PARTIES as ALL_PARTIES, MEU_LIST_COPY } from '../src/lists.js';
import { M } from '../src/measures.js';

// The bundled copy of the whole Entity List (Supp. No. 4 to Part 744 as compiled from the eCFR on 2026-07-09).
// Names, citations and licence requirements below are read from that text; the tests check the plugin reads them.
// The Entity List's parties (the plugin also screens the bundled MEU List).
const EAR_PARTIES = ALL_PARTIES.filter((p) => p.list === 'us-entity-list');
const engine = createEngine({ taxonomy: loadTaxonomy(), plugins: [plugin] });
const us = (r: Partial<AssessmentRequest> & { endUser: AssessmentRequest['endUser'] }) =>
  engine.assess({ item: { eccn: 'EAR99' }, from: 'US', to: 'CN', date: '2026-09-01', endUse: 'civil', ...r } as AssessmentRequest).jurisdictions.find((j) => j.jurisdiction === 'US')!;
const screen = (name: string, country?: string) => engine.screen({ name, lists: ['us-entity-list'], ...(country ? { country } : {}) }).matches;

describe('the bundled Entity List copy', () => {
  it('is a valid list, dated 2026-07-09, sourced to Supplement No. 4 in the eCFR, medium confidence', () => {
    expect(validatePartyList(ENTITY_LIST_COPY)).toEqual([]);
    expect(ENTITY_LIST_COPY.asOf).toBe('2026-07-09');
    expect(ENTITY_LIST_COPY.source.url).toMatch(/ecfr\.gov\/.*part-744\/appendix-Supplement%20No\.%204%20to%20Part%20744/);
    expect(ENTITY_LIST_COPY.source.publisher).toMatch(/phagehunter\/nsfreg/);
    expect(ENTITY_LIST_COPY.confidence).toBe('medium');
  });

  it('holds every entry of the compilation once complete (3,409 give or take 3 %), with the curated parties screened once', () => {
    const total = ENTITY_LIST_COPY.entries.length + ENTITY_LIST_PARTIES.length;
    if (ENTITY_LIST_COPY_COMPLETE) expect(Math.abs(total - 3409)).toBeLessThanOrEqual(102);
    else expect(total).toBeLessThan(3409 - 102);
    expect(EAR_PARTIES).toHaveLength(total);
    expect(new Set(EAR_PARTIES.map((p) => p.id)).size).toBe(total);
    // The curated Huawei party stands for the copy's entry of the same name: one hit, not two.
    expect(screen('Huawei Technologies Co., Ltd.').filter((m) => m.entry.name === 'Huawei Technologies Co., Ltd.')).toHaveLength(1);
  });

  it('shows its date and count in data status and the answer', () => {
    const status = engine.dataStatus().lists.find((l) => l.id === 'us-entity-list')!;
    expect(status.asOf).toBe('2026-07-09');
    expect(status.origin).toBe('bundled');
    expect(status.entries).toBe(EAR_PARTIES.length);
    const data = engine.assess({ item: { eccn: 'EAR99' }, from: 'US', to: 'CN', date: '2026-09-01' }).data.find((d) => d.plugin === '@chokepoint/plugin-us-ear')!;
    expect(data.lists.find((l) => l.id === 'us-entity-list')).toMatchObject({ asOf: '2026-07-09', entries: EAR_PARTIES.length, origin: 'bundled' });
    // Whole, so not a sample: no `sample` in data status or the data block; the lists still missing keep theirs.
    expect(status.sample === undefined).toBe(ENTITY_LIST_COPY_COMPLETE);
    expect(data.lists.find((l) => l.id === 'us-entity-list')!.sample === undefined).toBe(ENTITY_LIST_COPY_COMPLETE);
    // The Unverified List is bundled whole too (Supp. No. 6 as printed in the eCFR on 2026-09-24): not a sample.
    const uvl = engine.dataStatus().lists.find((l) => l.id === 'us-unverified-list')!;
    expect(uvl).toMatchObject({ asOf: '2026-09-24', entries: 186, origin: 'bundled' });
    expect(uvl.sample).toBeUndefined();
  });

  it.each([
    ['Beijing Sensetime Technology Development Co., Ltd.', 'CN', 'Beijing Sensetime Technology Development Co., Ltd.'],
    ['Sense Time', 'CN', 'Beijing Sensetime Technology Development Co., Ltd.'],
    ['4th Paradigm', 'CN', '4Paradigm Technology Co., Ltd.'],
    ['Kedacom', 'CN', 'Suzhou Keda Technology Co., Ltd.'],
    ['State-Owned Foreign Trade Unitary Enterprise Belspetsvneshtechnika', 'BY', 'Belspetsyneshtechnika SFTUE'],
    ['Myanmar Economic Holdings Public Company Limited', 'MM', 'Myanmar Economic Holdings Limited'],
    ['Atomic Energy Organization of Iran', 'IR', 'Atomic Energy Organization of Iran (AEOI)'],
    ['NSO Group', 'IL', 'NSO Group'],
    ['Kaspersky Lab', 'RU', 'AO Kaspersky Lab'],
    ['Rostec', 'RU', 'Rostec (Russian Technologies State Corporation)'],
    ['Pakistan Atomic Energy Commission', 'PK', 'Pakistan Atomic Energy Commission (PAEC)'],
    ['National Institute of Lasers and Optronics', 'PK', 'Pakistan Atomic Energy Commission (PAEC)'],
    ['Sky Marine & Oil', 'MY', 'Sky Marine and Oil SDN BHD'],
    ['3K Havacilik ve Danismanlik SAN. TIC. LTD. ST', 'TR', '3K Aviation Consulting and Logistics'],
    ['Huawei Technologies (Vietnam) Company Limited', 'VN', 'Huawei Technologies (Vietnam) Company Limited'],
  ])('finds %s (by name or alias) as %s', (query, country, name) => {
    const hit = screen(query).find((m) => m.entry.name === name);
    expect(hit, `${query} → ${name}`).toBeDefined();
    expect(hit!.entry.country).toBe(country);
    expect(hit!.entry.licenseRequirementText).toMatch(/items subject to the EAR/);
  });

  it('an entity of the copy as end user: a licence, with the entry’s own licence requirement, citation and the note that its review policy is not recorded', () => {
    const r = us({ endUser: { name: 'Beijing Sensetime Technology Development Co., Ltd.', country: 'CN' } });
    expect(r.verdict).toBe('license_required');
    const f = r.findings.find((x) => x.measure.id === M.entityList)!;
    expect(f.requirement).toBe('license_required');
    expect(f.licensePolicy).toBeUndefined();
    expect(f.confidence).toBe('medium');
    expect(f.reason).toMatch(/listed 2019-10-09; 84 FR 54004, 10\/9\/19/);
    expect(f.reason).toMatch(/licence requirement: "For all items subject to the EAR\. \(See §§ 734\.9\(e\) and 744\.11 of the EAR\) 4"/);
    expect(f.reason).toMatch(/review policy of this entry is not recorded in this copy/);
  });

  it('a curated party keeps its rule, date and presumption of denial, and gains the copy’s citation and wording', () => {
    const r = us({ endUser: { name: 'Huawei Technologies Co., Ltd.', country: 'CN' } });
    const f = r.findings.find((x) => x.party?.id === 'el-huawei-technologies')!;
    expect(f.measure.id).toBe('us-el-2019-huawei');
    expect(f.licensePolicy).toBe('presumption_of_denial');
    expect(f.reason).toMatch(/84 FR 22963/);
    expect(f.reason).toMatch(/For all items subject to the EAR, see §§ 734\.9\(e\) 1 and 744\.11 of the EAR 2/);
    expect(f.reason).not.toMatch(/not recorded/);
    // an alias from the copy now finds the curated party
    expect(screen('Shenzhen Huawei Technologies').some((m) => m.entry.id === 'el-huawei-technologies')).toBe(true);
  });

  it('the copy’s footnote designations join the curated ones (Loongson: footnote 4; SMIC: footnote 5)', () => {
    expect(footnotesOf('el-loongson')).toContain(4);
    expect(footnotesOf('el-smic')).toContain(5);
    expect(footnotesOf('el-huawei-technologies')).toEqual([1]);
  });

  it('an entry whose requirement is narrower than all items asks rather than charges (Rosneft Trade: only for projects of § 746.8(a)(4))', () => {
    const r = us({ to: 'CY', endUser: { name: 'Rosneft Trade Limited', country: 'CY' } });
    const f = r.findings.find((x) => x.measure.id === M.entityList)!;
    expect(f.requirement).toBe('needs_information');
    expect(f.reason).toMatch(/when used in projects specified in § 746\.8\(a\)\(4\)/);
    // CONTRACT §3: needs_information says which fact is missing; the answer settles the finding.
    const asked = engine.assess({ item: { eccn: 'EAR99' }, from: 'US', to: 'CY', date: '2026-10-01', endUse: 'civil', endUser: { name: 'Rosneft Trade Limited', country: 'CY' } });
    expect(asked.questions).toEqual([expect.objectContaining({ parameter: 'ear.entityListScopeMet', candidates: ['1', '0'], prompt: expect.stringMatching(/^Rosneft Trade Limited is on the Entity List .*, for: "For all items subject to the EAR when used in projects specified in § 746\.8\(a\)\(4\)/) })]);
    const within = us({ to: 'CY', item: { eccn: 'EAR99', parameters: { 'ear.entityListScopeMet': 1 } }, endUser: { name: 'Rosneft Trade Limited', country: 'CY' } });
    expect(within.verdict).toBe('license_required');
    expect(within.findings.find((x) => x.measure.id === M.entityList)!.reason).toMatch(/within the entry's licence requirement \(ear\.entityListScopeMet = 1\): a licence is required/);
    const outside = us({ to: 'CY', item: { eccn: 'EAR99', parameters: { 'ear.entityListScopeMet': 0 } }, endUser: { name: 'Rosneft Trade Limited', country: 'CY' } });
    expect([outside.verdict, outside.findings.some((x) => x.measure.id === M.entityList)]).toEqual(['not_controlled', false]);
  });

  it('a Hong Kong party is listed under China: placed in HK it is the listed party', () => {
    const r = us({ to: 'HK', endUser: { name: 'Hong Kong Haiheng Electronics Co. Ltd.', country: 'HK' } });
    expect(r.verdict).toBe('license_required');
    expect(r.findings.some((x) => x.party?.name === 'Hong Kong Haiheng Electronics Co. Ltd.' && x.requirement === 'license_required')).toBe(true);
  });

  it('a generic name listed in one country and placed in another is asked about, not charged (Burma’s Ministry of Defence, a UK end user)', () => {
    const uk = us({ to: 'GB', endUser: { name: 'Ministry of Defence', country: 'GB' } });
    const f = uk.findings.find((x) => x.party?.name === 'Ministry of Defence')!;
    expect(f.requirement).toBe('needs_information');
    expect(f.reason).toMatch(/listed on the Entity List .* in MM .* places it in GB/);
    const burma = us({ to: 'MM', endUser: { name: 'Ministry of Defence', country: 'MM' } });
    expect(burma.findings.find((x) => x.party?.name === 'Ministry of Defence')!.requirement).toBe('license_required');
  });

  it('a Russian military end user of the copy: footnote 3 (Russia/Belarus military end user FDP rule), licence for all items', () => {
    const r = us({ to: 'RU', endUser: { name: 'Rostec', country: 'RU' } });
    expect(r.verdict).toBe('license_required');
    const f = r.findings.find((x) => x.party?.name === 'Rostec (Russian Technologies State Corporation)')!;
    expect(f.requirement).toBe('license_required');
    expect(f.reason).toMatch(/87 FR 12240/);
    expect(f.reason).toMatch(/734\.9\(g\),3 746\.8\(a\)\(3\), and 744\.21\(b\)/);
    expect(EAR_PARTIES.find((p) => p.name === 'Rostec (Russian Technologies State Corporation)')!.footnotes).toEqual([3]);
  });

  it('a licence requirement the compilation cut short says so instead of passing half a sentence as the whole', () => {
    const fsb = screen('Federal Security Service (FSB)').find((m) => m.entry.name === 'Federal Security Service (FSB)')!;
    expect(fsb.entry.licenseRequirementText).toMatch(/apart from items .* Office of Foreign Assets Control .*… \(the entry continues in the list; this copy has it cut short\)$/);
  });

  it('the curated Inspur Taiwan party stands for the copy’s entry and takes its aliases', () => {
    expect(screen('Digital Cloud Ltd.').some((m) => m.entry.id === 'el-inspur-taiwan')).toBe(true);
    expect(screen('Inspur Taiwan').filter((m) => m.entry.name === 'Inspur Taiwan')).toHaveLength(1);
  });

  it('spans the list: entries under 90 country headings, China and Russia the largest', () => {
    const byCountry = new Map<string, number>();
    for (const p of EAR_PARTIES) byCountry.set(p.country!, (byCountry.get(p.country!) ?? 0) + 1);
    if (!ENTITY_LIST_COPY_COMPLETE) return;
    expect(byCountry.size).toBeGreaterThanOrEqual(85);
    expect(byCountry.get('CN')).toBeGreaterThan(1000);
    expect(byCountry.get('RU')).toBeGreaterThan(1000);
    expect(byCountry.get('PK')).toBeGreaterThan(150);
    expect(byCountry.get('AE')).toBeGreaterThan(150);
  });

  it('a name on no list gets no Entity List finding', () => {
    const r = us({ endUser: { name: 'Qingdao Harbour Ceramics Trading Co., Ltd.', country: 'CN' } });
    expect(r.findings.some((x) => x.measure.id === M.entityList || x.party)).toBe(false);
  });
});

describe('the bundled Military End-User List copy (Supp. No. 7 to Part 744, eCFR 2026-07-09)', () => {
  it('holds the 70 entries of the compilation, all listed under China, dated by their rule, medium confidence', () => {
    expect(validatePartyList(MEU_LIST_COPY)).toEqual([]);
    expect(MEU_LIST_COPY.entries).toHaveLength(70);
    expect(new Set(MEU_LIST_COPY.entries.map((e) => e.country))).toEqual(new Set(['CN']));
    expect(MEU_LIST_COPY.source.url).toMatch(/appendix-Supplement%20No\.%207%20to%20Part%20744/);
    expect(MEU_LIST_COPY.entries.find((e) => e.name === 'Beijing Skyrizon Aviation Industry Investment Co., Ltd.')).toMatchObject({ listedOn: '2021-01-15', aliases: ['Beijing Tianjiao Aviation Industry Investment Company'] });
    const status = engine.dataStatus().lists.find((l) => l.id === 'us-meu-list')!;
    expect(status).toMatchObject({ asOf: '2026-07-09', entries: 70, origin: 'bundled' });
    expect(status.sample).toBeUndefined();
  });

  it('an MEU entry is a party of § 744.21: a licence for the items of Supp. No. 2, presumption of denial, medium confidence', () => {
    const avic = ALL_PARTIES.find((p) => p.list === 'us-meu-list' && p.name === 'AVIC Aircraft Co. Ltd.')!;
    expect(avic).toMatchObject({ measure: M.meu, requirement: 'license_required', licensePolicy: 'presumption_of_denial', confidence: 'medium', added: '2020-12-23', country: 'CN' });
    expect(avic.covers).toEqual({ anyListed: true });
  });

  it('an MEU end user is a military end user (§ 744.21(g)): an item of Supp. No. 2 to Part 744 needs a licence, presumption of denial, without endUse military', () => {
    const r = us({ item: { eccn: '5A991.b.7' }, endUser: { name: 'AVIC Aircraft Co. Ltd.', country: 'CN' } });
    expect(r.verdict).toBe('license_required');
    const f = r.findings.find((x) => x.measure.id === M.meu)!;
    expect(f).toMatchObject({ requirement: 'license_required', licensePolicy: 'presumption_of_denial' });
    expect(f.matchedOn.join(' ')).toMatch(/endUser on the Military End-User List \(Supp\. No\. 7 to Part 744\): AVIC Aircraft Co\. Ltd\./);
    // An item outside Supp. No. 2 (5A991.c) is not caught by § 744.21(a)(1).
    expect(us({ item: { eccn: '5A991.c' }, endUser: { name: 'AVIC Aircraft Co. Ltd.', country: 'CN' } }).findings.some((x) => x.measure.id === M.meu)).toBe(false);
    // The same name placed outside China is not taken for the listed party by this rule.
    expect(us({ to: 'DE', item: { eccn: '5A991.b.7' }, endUser: { name: 'AVIC Aircraft Co. Ltd.', country: 'DE' } }).findings.some((x) => x.measure.id === M.meu)).toBe(false);
    // Before the listing (85 FR 83799, 2020-12-23) the list does not make it a military end user.
    expect(us({ date: '2020-12-01', item: { eccn: '5A991.b.7' }, endUser: { name: 'AVIC Aircraft Co. Ltd.', country: 'CN' } }).findings.some((x) => x.measure.id === M.meu)).toBe(false);
  });

  it('found by its alias (CAST Xi’an Spaceflight Engine Factory, "7103 Factory"); EAR99 for an MEU party is not caught by the list', () => {
    expect(screen('7103 Factory').length).toBe(0);
    expect(engine.screen({ name: '7103 Factory', lists: ['us-meu-list'] }).matches[0]?.entry.name).toBe("CAST Xi'an Spaceflight Engine Factory");
    const ear99 = us({ endUser: { name: 'AVIC Aircraft Co. Ltd.', country: 'CN' } });
    expect(ear99.findings.some((x) => x.party?.list === 'us-meu-list')).toBe(false);
  });
});

describe('brands of curated Entity List parties in standalone screening', () => {
  it('match "Huawei" alone with Huawei Technologies first, then every entry of the copy whose name carries the brand', () => {
    const hits = screen('Huawei');
    expect(hits[0]).toMatchObject({ entry: { name: 'Huawei Technologies Co., Ltd.' }, score: 0.9, matchedName: 'Huawei' });
    // The copy lists Huawei affiliates under many countries; each is shown for review, none by a partial score.
    expect(hits.length).toBeGreaterThan(50);
    expect(hits.every((m) => m.score === 0.9 && /\bHuawei\b/i.test([m.entry.name, ...(m.entry.aliases ?? [])].join(' ')))).toBe(true);
    expect(hits.map((m) => m.entry.country)).toEqual(expect.arrayContaining(['CN', 'DE', 'AR']));
  });
  it('follow the country given, read a Chinese brand as text, and leave a full listed name to its own match', () => {
    expect(screen('华为', 'CN')[0]!.entry.name).toBe('Huawei Technologies Co., Ltd.');
    expect(screen('Huawei', 'DE').every((m) => m.entry.country === 'DE')).toBe(true);
    const full = screen('Huawei Technologies Deutschland GmbH');
    expect(full[0]).toMatchObject({ entry: { name: 'Huawei Technologies Deutschland GmbH' }, score: 1 });
    expect(full.some((m) => /carries "Huawei"/.test(m.explanation))).toBe(false);
  });
});
