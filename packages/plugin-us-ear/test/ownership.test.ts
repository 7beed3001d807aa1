import { createEngine } from '@chokepoint/core';
import { PluginTester, type PluginCase } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { M } from '../src/measures.js';

const t = new PluginTester(plugin);
const us = (date: string, endUser: NonNullable<PluginCase['request']['endUser']>): PluginCase['request'] => ({ item: { eccn: 'EAR99' }, from: 'US', to: 'MY', date, endUse: 'civil', endUser });
const huawei60 = { name: 'Nusantara Devices Sdn Bhd', country: 'MY', owners: [{ name: 'Huawei Technologies Co., Ltd.', country: 'CN', share: 0.3 }, { name: 'HiSilicon Technologies Co., Ltd.', country: 'CN', share: 0.3 }], ownersComplete: true };

// 90 FR 47201 (§ 744.11(a)(1)): an entity owned 50 % or more, alone or together, by listed parties takes their
// licence requirement. Stayed 2025-11-10 to 2026-11-09 (90 FR 50857); by its text it applies from 2026-11-10.
t.run('affiliates rule by ownership', [
  { name: 'two listed owners with 30 % each (60 % together) after the stay', request: us('2026-12-01', huawei60), verdict: 'license_required', findings: [{ measure: M.affiliates, status: 'in_force' }], warnings: ['status_unverified'] },
  { name: 'the same ownership during the stay: shown as suspended, no licence', request: us('2026-06-01', huawei60), verdict: 'not_controlled', findings: [{ measure: M.affiliates, status: 'suspended' }] },
  { name: 'listed owners below 50 % with complete ownership: no licence', request: us('2026-12-01', { ...huawei60, owners: [{ name: 'Huawei Technologies Co., Ltd.', share: 0.4 }, { name: 'Penang Holdings Bhd', share: 0.6 }] }), verdict: 'not_controlled', noFindings: [{ measure: M.affiliates }] },
  { name: 'ownership unknown after the stay: asks', request: us('2026-12-01', { name: 'Nusantara Devices Sdn Bhd', country: 'MY' }), verdict: 'needs_information', questions: ['endUser.owners'] },
  { name: 'ownership unknown during the stay: no question', request: us('2026-06-01', { name: 'Nusantara Devices Sdn Bhd', country: 'MY' }), verdict: 'not_controlled' },
]);

// CONTRACT §9: owners are screened too. A listed owner is named as a direct screening result (a listed_owner
// warning) whatever its share; the Entity List binds the owner itself, and the affiliates rule decides the owned party.
t.run('listed owners named in the answer', [
  { name: 'a listed owner below 50 %: named, the verdict stays', request: us('2026-12-01', { ...huawei60, owners: [{ name: 'Huawei Technologies Co., Ltd.', share: 0.4 }, { name: 'Penang Holdings Bhd', share: 0.6 }] }), verdict: 'not_controlled', warnings: ['listed_owner'], noFindings: [{ measure: M.affiliates }] },
  { name: 'listed owners at 60 %: named, and the affiliates rule requires a licence', request: us('2026-12-01', huawei60), verdict: 'license_required', warnings: ['listed_owner'], findings: [{ measure: M.affiliates, status: 'in_force' }] },
]);

describe('an owner named by a listed group\'s brand alone', () => {
  it('is not counted toward 50 %, and the answer says so where its share could carry the end user there', () => {
    const short = t.engine.assess(us('2026-12-01', { ...huawei60, owners: [{ name: 'Huawei', country: 'CN', share: 0.6 }, { name: 'Penang Holdings Bhd', share: 0.4 }] }));
    expect(short.verdict).toBe('not_controlled');
    const w = short.warnings.filter((x) => x.code === 'name_resembles_listed_party');
    expect(w.map((x) => x.path)).toEqual(['endUser.owners[0]']);
    expect(w[0]!.message).toMatch(/^endUser\.owners\[0\] "Huawei" carries "Huawei", the name of Huawei Technologies Co\., Ltd\. on the Entity List, but is no listed name, so its 60 % is not counted/);
    // A share that could not carry the end user to 50 %, or the rule stayed on the date: nothing to say.
    const small = t.engine.assess(us('2026-12-01', { ...huawei60, owners: [{ name: 'Huawei', share: 0.2 }, { name: 'Penang Holdings Bhd', share: 0.8 }] }));
    expect(small.warnings.some((x) => x.code === 'name_resembles_listed_party')).toBe(false);
    const stayed = t.engine.assess(us('2026-06-01', { ...huawei60, owners: [{ name: 'Huawei', share: 0.6 }, { name: 'Penang Holdings Bhd', share: 0.4 }] }));
    expect(stayed.warnings.some((x) => x.code === 'name_resembles_listed_party')).toBe(false);
  });
});

describe('listed owner warning', () => {
  it('names endUser.owners[i], the Entity List and the affiliates rule', () => {
    const answer = t.engine.assess(us('2026-12-01', { ...huawei60, owners: [{ name: 'Penang Holdings Bhd', share: 0.6 }, { name: 'Huawei Technologies Co., Ltd.', share: 0.4 }] }));
    const w = answer.warnings.filter((x) => x.code === 'listed_owner');
    expect(w.map((x) => x.path)).toEqual(['endUser.owners[1]']);
    expect(w[0]!.message).toMatch(/^endUser\.owners\[1\] "Huawei Technologies Co\., Ltd\." \(40 %\) matches .* on the Entity List/);
    expect(w[0]!.message).toMatch(/affiliates rule \(15 CFR 744\.11\(a\)\(1\), 90 FR 47201\)/);
  });
});

// The brand reading of the affiliates rule presumes ownership ("unless you establish that listed owners hold less than
// 50 %"); § 744.11(a)(1) turns on ownership, so owners stated as complete decide, and a share of 50 % or more is one finding.
// A fictional Huawei-branded company: Huawei Device Co., Ltd. itself is an Entity List entry of the bundled copy.
const device = (owners: { name: string; share: number }[]) => us('2026-12-05', { name: 'Huawei Lighting Products (Kunming) Co., Ltd.', country: 'CN', owners, ownersComplete: true });
t.run('stated ownership decides over a listed brand in the name', [
  { name: 'brand in the name, complete owners with no listed party: no licence, a warning', request: device([{ name: 'Shenzhen Investment Holdings Co., Ltd.', share: 1 }]), verdict: 'not_controlled', noFindings: [{ measure: M.affiliates }], warnings: ['name_resembles_listed_party'] },
  { name: 'brand in the name, owned 100 % by the listed party: a licence', request: device([{ name: 'Huawei Technologies Co., Ltd.', share: 1 }]), verdict: 'license_required', findings: [{ measure: M.affiliates, status: 'in_force' }] },
  { name: 'brand in the name, ownership not stated: the brand reading stands and the owners are asked', request: us('2026-12-05', { name: 'Huawei Lighting Products (Kunming) Co., Ltd.', country: 'CN' }), verdict: 'license_required', findings: [{ measure: M.affiliates }], questions: ['endUser.owners'] },
]);

describe('one affiliates finding when the brand and the owners agree', () => {
  it('lists the ownership finding only', () => {
    const r = t.engine.assess(device([{ name: 'Huawei Technologies Co., Ltd.', share: 1 }]));
    const aff = r.jurisdictions.flatMap((j) => j.findings).filter((f) => f.measure.id === M.affiliates);
    expect(aff).toHaveLength(1);
    expect(aff[0]!.reason).toMatch(/^Entity List parties own 100 %/);
  });
});

// Today (2026-12-05): the stay of 90 FR 50857 ran to 2026-11-09; by its text the rule applies from 2026-11-10. An extension
// to 2027-01-10 was announced but no Federal Register notice was found: the answer applies the rule and says exactly that.
describe('the affiliates rule on 2026-12-05', () => {
  const fifty = us('2026-12-05', { name: 'Nusantara Devices Sdn Bhd', country: 'MY', owners: [{ name: 'Huawei Technologies Co., Ltd.', country: 'CN', share: 0.5 }, { name: 'Penang Holdings Bhd', country: 'MY', share: 0.5 }], ownersComplete: true });
  it('applies the rule to a 50 %-owned affiliate and warns of the announced, unpublished extension', () => {
    const r = t.engine.assess(fifty);
    expect(r.verdict).toBe('license_required');
    expect(r.jurisdictions[0]!.findings.find((f) => f.measure.id === M.affiliates)?.status).toBe('in_force');
    const w = r.warnings.filter((x) => x.code === 'status_unverified' && x.measure === M.affiliates).map((x) => x.message);
    expect(w.some((m) => /stay of the affiliates rule ran to 2026-11-09/.test(m) && /extension of the stay to 2027-01-10 was announced; no Federal Register notice was found, so this answer applies the rule/.test(m))).toBe(true);
  });
  it('names the advisory that records the announcement, with its source', () => {
    const r = t.engine.assess(fifty);
    const a = r.advisories.find((x) => x.id === 'us-2026-affiliates-stay-announced-extension');
    expect(a).toMatchObject({ evidence: 'reported', firstReported: '2026-09-23', measures: [M.affiliates] });
    expect(a!.sources.some((s) => /2027-01-10/.test(s.publisher))).toBe(true);
    expect(r.warnings.some((w) => w.code === 'status_unverified' && /Reported since 2026-09-23, not in force as law/.test(w.message))).toBe(true);
  });
  it('49 % listed with complete ownership: no licence', () => {
    const r = t.engine.assess({ ...fifty, endUser: { ...fifty.endUser!, owners: [{ name: 'Huawei Technologies Co., Ltd.', share: 0.49 }, { name: 'Penang Holdings Bhd', share: 0.51 }] } });
    expect(r.verdict).toBe('not_controlled');
  });
  it('asks for the owners when they are unknown, and when the list given is not complete', () => {
    expect(t.engine.assess(us('2026-12-05', { name: 'Nusantara Devices Sdn Bhd', country: 'MY' })).questions.map((q) => q.parameter)).toContain('endUser.owners');
    const partial = t.engine.assess(us('2026-12-05', { name: 'Nusantara Devices Sdn Bhd', country: 'MY', owners: [{ name: 'Huawei Technologies Co., Ltd.', share: 0.3 }] }));
    expect(partial.verdict).toBe('needs_information');
    expect(partial.questions.map((q) => q.parameter)).toContain('endUser.owners');
  });
  it('no extension warning after 2027-01-10', () => {
    const r = t.engine.assess({ ...fifty, date: '2027-01-11' });
    expect(r.warnings.some((x) => /2027-01-10 was announced/.test(x.message))).toBe(false);
  });
});

// CONTRACT §10: an amendment can extend the stay (a Federal Register notice found later). The answer then follows it: the
// rule is suspended, the owners are not asked and the "announced, no FR notice" warning is not given.
describe('an amendment extending the stay to 2027-01-10', () => {
  const extended = createEngine({
    taxonomy: t.taxonomy,
    plugins: [plugin],
    amendments: [{
      id: 'affiliates-stay-extended', plugin: 'US', sha256: '0'.repeat(64),
      source: { url: 'https://example.org/test-notice', publisher: 'Test fixture (not a real notice)', date: '2026-11-09' },
      statusEvents: [{ measure: M.affiliates, event: 'suspension', from: '2025-11-10', to: '2027-01-10', by: 'Test notice' }],
    }],
  });
  it('a 50 %-owned affiliate on 2026-12-05: suspended, no licence, no extension warning', () => {
    const r = extended.assess(us('2026-12-05', { name: 'Nusantara Devices Sdn Bhd', country: 'MY', owners: [{ name: 'Huawei Technologies Co., Ltd.', share: 0.5 }, { name: 'Penang Holdings Bhd', share: 0.5 }], ownersComplete: true }));
    expect(r.verdict).toBe('not_controlled');
    expect(r.jurisdictions[0]!.findings.find((f) => f.measure.id === M.affiliates)?.status).toBe('suspended');
    expect(r.warnings.some((w) => /2027-01-10 was announced/.test(w.message))).toBe(false);
  });
  it('unknown owners are not asked while suspended, and are asked from 2027-01-11', () => {
    expect(extended.assess(us('2026-12-05', { name: 'Nusantara Devices Sdn Bhd', country: 'MY' })).questions.map((q) => q.parameter)).not.toContain('endUser.owners');
    expect(extended.assess(us('2027-01-11', { name: 'Nusantara Devices Sdn Bhd', country: 'MY' })).questions.map((q) => q.parameter)).toContain('endUser.owners');
  });
});

// 90 FR 47201 was in force from 2025-09-29 until the stay began on 2025-11-10: unknown owners are asked then too.
t.run('the first weeks of the rule', [
  { name: 'ownership unknown on 2025-10-15: asks', request: us('2025-10-15', { name: 'Nusantara Devices Sdn Bhd', country: 'MY' }), verdict: 'needs_information', questions: ['endUser.owners'] },
  { name: 'before the rule (2025-09-28): no question', request: us('2025-09-28', { name: 'Nusantara Devices Sdn Bhd', country: 'MY' }), verdict: 'not_controlled' },
]);

// § 734.9(e) introductory text (90 FR 47201; its last three sentences stayed by 90 FR 50857 until 2026-11-09): the end-user
// scope of the Entity List FDP rules "also includes any foreign entity that is owned 50 percent or more, directly or
// indirectly, individually or in aggregate, by one or more listed entities ..., including at least one entity that meets
// the end-user scope". A Taiwanese item made with US 3E001 technology for a Malaysian company 60 % owned by Huawei
// (footnote 1) is reached by § 734.9(e)(1), and the affiliates rule then requires a licence.
const fdpFor = (date: string, owners: { name: string; share: number }[]): PluginCase['request'] => ({
  item: { eccn: 'EAR99', content: [{ item: { eccn: '3E001' }, origin: 'US', valueShare: 0 }] }, from: 'TW', to: 'MY', date, endUse: 'civil',
  endUser: { name: 'Nusantara Devices Sdn Bhd', country: 'MY', owners, ownersComplete: true },
});
t.run('Entity List FDP rules reach affiliates owned 50 % or more (§ 734.9(e) introductory text)', [
  { name: '60 % owned by footnote 1 entities on 2026-12-05: reached, licence', request: fdpFor('2026-12-05', [{ name: 'Huawei Technologies Co., Ltd.', share: 0.3 }, { name: 'HiSilicon Technologies Co., Ltd.', share: 0.3 }]), verdict: 'license_required', reaches: true, findings: [{ measure: M.affiliates, status: 'in_force' }] },
  { name: 'the same during the stay (2026-06-01): not reached', request: fdpFor('2026-06-01', [{ name: 'Huawei Technologies Co., Ltd.', share: 0.6 }]), verdict: 'not_controlled', reaches: false },
  { name: 'the same in the rule\'s first weeks (2025-10-15): reached', request: fdpFor('2025-10-15', [{ name: 'Huawei Technologies Co., Ltd.', share: 0.6 }]), verdict: 'license_required', reaches: true },
  { name: '40 % owned by Huawei: not reached', request: fdpFor('2026-12-05', [{ name: 'Huawei Technologies Co., Ltd.', share: 0.4 }, { name: 'Penang Holdings Bhd', share: 0.6 }]), verdict: 'not_controlled', reaches: false },
]);

// CONTRACT §2: `parties` are screened like the end user. § 744.11: a licence is required when an Entity List entity is a
// party to the transaction (purchaser, intermediate or ultimate consignee, end user); § 740.2(a)(1): no licence exception.
t.run('other parties are screened like the end user', [
  { name: 'Huawei as intermediate consignee of EAR99 goods to the UAE: Entity List licence', request: { item: { eccn: 'EAR99' }, from: 'US', to: 'AE', date: '2026-12-05', endUse: 'civil', endUser: { name: 'Gulf Retail LLC', country: 'AE', owners: [{ name: 'Gulf Holdings', share: 1 }], ownersComplete: true }, parties: [{ role: 'intermediate_consignee', name: 'Huawei Technologies Co., Ltd.', country: 'CN' }] }, verdict: 'license_required', findings: [{ measure: 'us-el-2019-huawei', party: 'el-huawei-technologies' }], warnings: ['no_licence_exceptions'] },
  // Listed under China, the same name placed in the UAE may be another company: asked, not charged (docs/screening.md).
  { name: 'Huawei Technologies Co., Ltd. placed in the UAE as intermediate consignee: is it the listed party?', request: { item: { eccn: 'EAR99' }, from: 'US', to: 'AE', date: '2026-12-05', endUse: 'civil', endUser: { name: 'Gulf Retail LLC', country: 'AE', owners: [{ name: 'Gulf Holdings', share: 1 }], ownersComplete: true }, parties: [{ role: 'intermediate_consignee', name: 'Huawei Technologies Co., Ltd.', country: 'AE' }] }, verdict: 'needs_information', findings: [{ measure: 'us-el-2019-huawei', party: 'el-huawei-technologies', requirement: 'needs_information' }] },
  { name: 'an unlisted freight forwarder: no licence', request: { item: { eccn: 'EAR99' }, from: 'US', to: 'AE', date: '2026-12-05', endUse: 'civil', endUser: { name: 'Gulf Retail LLC', country: 'AE', owners: [{ name: 'Gulf Holdings', share: 1 }], ownersComplete: true }, parties: [{ role: 'freight_forwarder', name: 'Desert Logistics FZE', country: 'AE' }] }, verdict: 'not_controlled' },
]);
