import { createEngine, type AssessmentRequest, type PartyList } from '@chokepoint/core';
import { loadTaxonomy } from '@chokepoint/taxonomy';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { ENTITY_LIST_COPY_COMPLETE } from '../src/entity-list.js';
import { DPL_COPY_COMPLETE } from '../src/lists.js';
import { M } from '../src/measures.js';

// An imported Entity List (as `chokepoint data update` writes it from the Consolidated Screening List) replaces the
// bundled parties; the plugin reads owners and footnote designations from it, not only from its bundled 13 rows.
const entityList: PartyList = {
  id: 'us-entity-list', name: 'Entity List', jurisdiction: 'US',
  consequence: { requirement: 'license_required', licensePolicy: 'presumption_of_denial', summary: 'Licence for all items subject to the EAR.' },
  source: { url: 'https://www.trade.gov/consolidated-screening-list', publisher: 'test copy', date: '2026-11-30' }, asOf: '2026-11-30',
  entries: [
    { id: 'x1', name: 'Qinghe Wafer Fabrication Co., Ltd.', country: 'CN', listedOn: '2024-12-02', footnotes: [5], notice: '89 FR 96830' },
    { id: 'x2', name: 'Lanting Holding Group Co., Ltd.', country: 'CN', listedOn: '2025-03-25' },
    { id: 'x3', name: 'Volga Instrument Plant JSC', country: 'RU', listedOn: '2022-06-28', footnotes: [3] },
    // As the CSL importer writes an entry whose requirement covers only some uses (entityListRequirement).
    { id: 'x4', name: 'Arctic Drilling Services LLC', country: 'RU', listedOn: '2020-09-17', requirement: 'needs_information', licenseRequirementText: 'For all items subject to the EAR when used in projects specified in § 746.8(a)(4) of the EAR' },
  ],
};
const engine = createEngine({ taxonomy: loadTaxonomy(), plugins: [plugin], lists: [entityList] });
const us = (r: AssessmentRequest) => engine.assess(r).jurisdictions.find((j) => j.jurisdiction === 'US')!;

describe('imported Entity List', () => {
  it('an owner listed only in the imported copy counts toward the affiliates rule (after the stay)', () => {
    const r = us({ item: { eccn: 'EAR99' }, from: 'US', to: 'MY', date: '2026-12-01', endUse: 'civil',
      endUser: { name: 'Selangor Precision Sdn Bhd', country: 'MY', owners: [{ name: 'Lanting Holding Group Co., Ltd.', country: 'CN', share: 0.5 }], ownersComplete: true } });
    expect(r.verdict).toBe('license_required');
    expect(r.findings.some((f) => f.measure.id === M.affiliates && f.status === 'in_force')).toBe(true);
  });
  it('a footnote 5 designation in the imported copy brings a Korean 3B993 tool under § 734.9(e)(3)', () => {
    const r = us({ item: { eccn: '3B993.f.1', content: [{ item: { eccn: '3E001' }, origin: 'US', valueShare: 0 }], parameters: { 'ear.advancedNodeFab': 0, 'ear.exporterHeadquartersD5': 1 } },
      from: 'KR', to: 'CN', date: '2026-09-01', endUse: 'civil', endUser: { name: 'Qinghe Wafer Fabrication Co., Ltd.', country: 'CN' } });
    expect(r.reaches).toBe(true);
    expect(r.reach).toMatch(/734\.9\(e\)\(3\)/);
    expect(r.verdict).toBe('license_required');
  });
  it('an imported entry for some uses only asks the same question as the bundled copy, and the answer settles it', () => {
    const r = (parameters?: Record<string, number>) => engine.assess({ item: { eccn: 'EAR99', ...(parameters ? { parameters } : {}) }, from: 'US', to: 'RU', date: '2026-12-01', endUse: 'civil', endUser: { name: 'Arctic Drilling Services LLC', country: 'RU' }, jurisdictions: ['US'] });
    expect(r().questions.map((q) => q.parameter)).toContain('ear.entityListScopeMet');
    const within = r({ 'ear.entityListScopeMet': 1 }).jurisdictions[0]!.findings.find((f) => f.party?.id.endsWith('x4'))!;
    expect([within.requirement, within.status]).toEqual(['license_required', 'in_force']);
    expect(r({ 'ear.entityListScopeMet': 0 }).jurisdictions[0]!.findings.some((f) => f.party?.id.endsWith('x4'))).toBe(false);
  });
  it('the same entity as intermediate consignee also counts (a party to the transaction)', () => {
    const r = us({ item: { eccn: '3B993.f.1', content: [{ item: { eccn: '3E001' }, origin: 'US', valueShare: 0 }], parameters: { 'ear.advancedNodeFab': 0 } },
      from: 'KR', to: 'CN', date: '2026-09-01', endUse: 'civil', endUser: { name: 'Another Fab Co', country: 'CN' },
      parties: [{ role: 'intermediate_consignee', name: 'Qinghe Wafer Fabrication Co., Ltd.', country: 'CN' }] });
    expect(r.reaches).toBe(true);
  });
});

// § 734.9(g): a foreign-made item that is the direct product of US technology or software in any product group D or E
// ECCN is subject to the EAR when a footnote 3 entity (Russian or Belarusian military end user) is a party, wherever it goes.
describe('footnote 3 entities (§ 734.9(g))', () => {
  const request = (eccn: string, content: string | undefined, party: string, country = 'RU'): AssessmentRequest => ({
    item: { eccn, ...(content ? { content: [{ item: { eccn: content }, origin: 'US', valueShare: 0 }] } : {}) },
    from: 'TR', to: 'AE', date: '2026-09-01', endUse: 'civil', parties: [{ role: 'ultimate_consignee', name: party, country }],
  });
  it('a Turkish EAR99 item made with US 3D991 software, for a footnote 3 entity: reached, licence', () => {
    const r = us(request('EAR99', '3D991', 'Volga Instrument Plant JSC'));
    expect(r.reaches).toBe(true);
    expect(r.reach).toMatch(/734\.9\(g\)/);
    expect(r.verdict).toBe('license_required');
  });
  it('the same name placed in the UAE, where the list does not file it: reached on the name, and the answer asks whether it is the listed party', () => {
    const r = us(request('EAR99', '3D991', 'Volga Instrument Plant JSC', 'AE'));
    expect(r.reaches).toBe(true);
    expect(r.verdict).toBe('needs_information');
    const f = r.findings.find((x) => x.party?.name === 'Volga Instrument Plant JSC')!;
    expect(f.requirement).toBe('needs_information');
    expect(f.reason).toMatch(/listed on the Entity List in RU .*places it in AE\. If it is the listed party, dealing with it requires a licence/);
  });
  it('the same item without US technology: not reached', () => {
    expect(us(request('EAR99', undefined, 'Volga Instrument Plant JSC')).reaches).toBe(false);
  });
  it('the same item for a party without footnote 3: not reached', () => {
    expect(us(request('EAR99', '3D991', 'Lanting Holding Group Co., Ltd.')).reaches).toBe(false);
  });
});

describe('sample lists', () => {
  const request: AssessmentRequest = { item: { eccn: 'EAR99' }, from: 'US', to: 'MY', date: '2026-12-01', endUse: 'civil', endUser: { name: 'Selangor Precision Sdn Bhd', country: 'MY' } };
  const sampleWarning = (e: ReturnType<typeof createEngine>) => e.assess(request).warnings.find((w) => w.code === 'sample_list')?.message ?? '';
  it('an answer that screens a party against the bundled lists names only the ones that are samples: the other BIS lists, and the Entity List only while its copy is incomplete', () => {
    const bundled = sampleWarning(createEngine({ taxonomy: loadTaxonomy(), plugins: [plugin] }));
    // The Denied Persons List is bundled (BIS's file as compiled 2026-07-09): a sample only while the copy is incomplete.
    if (DPL_COPY_COMPLETE) expect(bundled).not.toMatch(/Denied Persons List/);
    else expect(bundled).toMatch(/Denied Persons List \(BIS denial orders\): \d+ of the 564 rows of the 2026-07-09 compilation bundled, not the whole list/);
    // The Unverified List is bundled whole (Supp. No. 6 as printed on 2026-09-24): not a sample either.
    expect(bundled).not.toMatch(/Unverified List/);
    // The MEU List is bundled whole (Supp. No. 7 as of 2026-07-09): not a sample.
    expect(bundled).not.toMatch(/Military End-User List/);
    if (ENTITY_LIST_COPY_COMPLETE) expect(bundled).not.toMatch(/Entity List \(Supp\. No\. 4/);
    else expect(bundled).toMatch(/Entity List \(Supp\. No\. 4 to 15 CFR 744, § 744\.11\): \d+ entries of the 2026-07-09 eCFR compilation bundled, not yet the whole list/);
  });
  it('once the Entity List is imported only the lists still missing are named', () => {
    const message = sampleWarning(engine);
    expect(message).not.toMatch(/Entity List \(Supp\. No\. 4/);
    expect(message).not.toMatch(/Unverified List/);
    expect(/Denied Persons List/.test(message)).toBe(!DPL_COPY_COMPLETE);
  });
});
