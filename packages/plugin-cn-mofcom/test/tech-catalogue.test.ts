import { PluginTester } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

// The Catalogue of Technologies Prohibited or Restricted from Export by version: 2001 (in force 2002-01-01),
// 2008 revision (Decree No. 12, 2008-09-16; adjusted 2020-08-28 without touching rare earths), 2023 revision
// (No. 57, 2023-12-21) and its 2025 amendment. Rare-earth separation was banned throughout; the 2023
// revision added rare-earth metal production and magnet preparation.
const t = new PluginTester(plugin);
const tech = (id: string, date: string, parameters?: Record<string, number>) => ({ item: { id, ...(parameters ? { parameters } : {}) }, from: 'CN', to: 'US', date, transfer: 'technology' as const, endUse: 'civil' as const });

t.run('rare-earth separation technology under the catalogue in force on the date', [
  { name: '2002-01-01, first day of the 2001 catalogue', request: tech('tech/rare-earths/separation', '2002-01-01'), verdict: 'prohibited', findings: [{ measure: 'cn-moftec-most-2001-tech-catalogue', status: 'in_force' }] },
  { name: '2008-09-15, last day of the 2001 catalogue', request: tech('tech/rare-earths/separation', '2008-09-15'), verdict: 'prohibited', findings: [{ measure: 'cn-moftec-most-2001-tech-catalogue', status: 'in_force' }, { measure: 'cn-mofcom-most-2008-12', status: 'not_yet_in_force' }] },
  { name: '2008-09-16, first day of the 2008 revision', request: tech('tech/rare-earths/separation', '2008-09-16'), verdict: 'prohibited', findings: [{ measure: 'cn-mofcom-most-2008-12', entry: 'cn-cat2008-053302j-separation', status: 'in_force' }, { measure: 'cn-moftec-most-2001-tech-catalogue', status: 'repealed' }] },
  { name: 'a 2022 request is answered under the 2008 catalogue', request: tech('tech/rare-earths/separation', '2022-06-01'), verdict: 'prohibited', findings: [{ measure: 'cn-mofcom-most-2008-12', code: '053302J', status: 'in_force' }, { measure: 'cn-mofcom-most-2023-57', status: 'not_yet_in_force' }] },
  { name: '2023-12-20, last day of the 2008 catalogue', request: tech('tech/rare-earths/separation', '2023-12-20'), verdict: 'prohibited', findings: [{ measure: 'cn-mofcom-most-2008-12', status: 'in_force' }] },
  { name: '2023-12-21, the 2023 revision takes over', request: tech('tech/rare-earths/separation', '2023-12-21'), verdict: 'prohibited', findings: [{ measure: 'cn-mofcom-most-2023-57', status: 'in_force' }, { measure: 'cn-mofcom-most-2008-12', status: 'repealed' }] },
  { name: 'ionic-clay leaching in 2022 (053301J)', request: tech('tech/rare-earths/ionic-clay-leaching', '2022-06-01'), verdict: 'prohibited', findings: [{ measure: 'cn-mofcom-most-2008-12', entry: 'cn-cat2008-053301j-ionic-leaching' }] },
]);

// A user may name a technology by its catalogue number, as a cnControlCode: the number stands for the items its
// entries name (core asks which one where it names several and the answer depends on it).
const byNumber = (cnControlCode: string, date: string) => ({ item: { cnControlCode }, from: 'CN', to: 'US', date, transfer: 'technology' as const, endUse: 'civil' as const });
t.run('a technology named by its catalogue number', [
  { name: '053301J in 2022: ionic-clay leaching, prohibited', request: byNumber('053301J', '2022-06-01'), verdict: 'prohibited', findings: [{ measure: 'cn-mofcom-most-2008-12', entry: 'cn-cat2008-053301j-ionic-leaching', code: '053301J', status: 'in_force' }] },
  { name: '083201X (lower case, spaces) in 2026: every technology it names is restricted, so a licence whichever it is', request: byNumber(' 083201x ', '2026-06-01'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-most-2025-28', code: '083201X', status: 'in_force' }] },
  { name: '252604X without the technology: asked as goods are', request: { ...byNumber('252604X', '2026-06-01'), transfer: undefined }, verdict: 'needs_information', questions: ['transfer'] },
]);

t.run('rare-earth metal and alloy production technology', [
  { name: 'alloy materials in 2022: prohibited (053302J point 5)', request: tech('tech/rare-earths/metal-production', '2022-06-01', { rareEarthAlloyMaterials: 1 }), verdict: 'prohibited', findings: [{ measure: 'cn-mofcom-most-2008-12', entry: 'cn-cat2008-053302j-alloys' }] },
  { name: 'in 2022 the catalogue asks whether alloy materials are concerned', request: tech('tech/rare-earths/metal-production', '2022-06-01'), verdict: 'needs_information', questions: ['rareEarthAlloyMaterials'] },
  { name: 'from 2023-12-21 metals and alloys alike are prohibited', request: tech('tech/rare-earths/metal-production', '2023-12-21', { rareEarthAlloyMaterials: 0 }), verdict: 'prohibited', findings: [{ measure: 'cn-mofcom-most-2023-57', status: 'in_force' }] },
]);

// Magnet making in 2022: the 2023 revision named it (SmCo, NdFeB and cerium magnet preparation) only from
// 2023-12-21, but the 2008 entry 053302J point 5 prohibited production technology for rare-earth alloy materials
// and their products; whether that reached magnet making is disputed (Fastmarkets: the 2023 entry formalised
// long-standing restrictions; ETNet, jizihe.com: newly added), so the answer asks instead of clearing it.
t.run('rare-earth magnet-making technology before the 2023 revision', [
  { name: '2022, nothing said about the alloy: asked, the 2023 entry shown as not yet in force', request: tech('tech/rare-earths/magnet-manufacturing', '2022-06-01'), verdict: 'needs_information', questions: ['rareEarthAlloyMaterials'], findings: [{ measure: 'cn-mofcom-most-2023-57', entry: 'cn-cat2023-re-magnets', status: 'not_yet_in_force' }] },
  { name: '2022, the technology makes the rare-earth alloy: prohibited under 053302J point 5, not under the 2023 entry', request: tech('tech/rare-earths/magnet-manufacturing', '2022-06-01', { rareEarthAlloyMaterials: 1 }), verdict: 'prohibited', findings: [{ measure: 'cn-mofcom-most-2008-12', entry: 'cn-cat2008-053302j-alloy-products-magnets', code: '053302J', status: 'in_force' }, { measure: 'cn-mofcom-most-2023-57', status: 'not_yet_in_force' }], noFindings: [{ measure: 'cn-mofcom-most-2023-57', status: 'in_force' }] },
  { name: '2022, downstream only (pressing, sintering): not controlled, the 2023 entry shown as not yet in force', request: tech('tech/rare-earths/magnet-manufacturing', '2022-06-01', { rareEarthAlloyMaterials: 0 }), verdict: 'not_controlled', findings: [{ measure: 'cn-mofcom-most-2023-57', status: 'not_yet_in_force' }], noFindings: [{ status: 'in_force' }] },
  { name: '2008-09-15, before the 2008 catalogue: the 2001 catalogue as modelled did not name it', request: tech('tech/rare-earths/magnet-manufacturing', '2008-09-15', { rareEarthAlloyMaterials: 1 }), verdict: 'not_controlled', noFindings: [{ status: 'in_force' }] },
  { name: '2023-12-20, the last day of the 2008 catalogue', request: tech('tech/rare-earths/magnet-manufacturing', '2023-12-20', { rareEarthAlloyMaterials: 1 }), verdict: 'prohibited', findings: [{ measure: 'cn-mofcom-most-2008-12', status: 'in_force' }] },
  { name: '2023-12-21: prohibited by name under the 2023 revision, downstream only too', request: tech('tech/rare-earths/magnet-manufacturing', '2023-12-21', { rareEarthAlloyMaterials: 0 }), verdict: 'prohibited', findings: [{ measure: 'cn-mofcom-most-2023-57', entry: 'cn-cat2023-re-magnets', status: 'in_force' }] },
  { name: '2023-12-21 with the alloy: the 2023 entry decides, point 5 shown as repealed', request: tech('tech/rare-earths/magnet-manufacturing', '2023-12-21', { rareEarthAlloyMaterials: 1 }), verdict: 'prohibited', findings: [{ measure: 'cn-mofcom-most-2023-57', entry: 'cn-cat2023-re-magnets', status: 'in_force' }, { measure: 'cn-mofcom-most-2008-12', entry: 'cn-cat2008-053302j-alloy-products-magnets', status: 'repealed' }] },
]);

// Rare-earth separation technology is prohibited in 2022 whatever the destination: the catalogue names none.
t.run('rare-earth separation technology in 2022, each destination', ['US', 'DE', 'JP', 'IN', 'VN', 'KR', 'RU'].map((to) => (
  { name: `to ${to}`, request: { ...tech('tech/rare-earths/separation', '2022-06-01'), to }, verdict: 'prohibited' as const, findings: [{ measure: 'cn-mofcom-most-2008-12', entry: 'cn-cat2008-053302j-separation', status: 'in_force' as const }] }
)));

// No. 28 of 2025 reworded the gallium control point of the restricted non-ferrous metallurgy entry (CTi, HK01):
// the 2023 catalogue already restricted gallium extraction technology; from 2025-07-15 the point names
// ion-exchange and resin recovery from alumina mother liquor.
t.run('gallium extraction technology before and after the July 2025 rewording', [
  { name: 'not in the 2008 catalogue as modelled: the day before the 2023 revision', request: tech('tech/gallium/alumina-liquor-recovery', '2023-12-20'), verdict: 'not_controlled' },
  { name: 'restricted under the 2023 wording from 2023-12-21', request: tech('tech/gallium/alumina-liquor-recovery', '2023-12-21'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-most-2023-57', entry: 'cn-cat2023-nonferrous-gallium', status: 'in_force' }] },
  { name: 'the last day of the 2023 wording', request: tech('tech/gallium/extraction', '2025-07-14'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-most-2023-57', status: 'in_force' }, { measure: 'cn-mofcom-most-2025-28', status: 'not_yet_in_force' }] },
  { name: 'from 2025-07-15 the reworded point', request: tech('tech/gallium/alumina-liquor-recovery', '2025-07-15'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-most-2025-28', status: 'in_force' }, { measure: 'cn-mofcom-most-2023-57', entry: 'cn-cat2023-nonferrous-gallium', status: 'repealed' }] },
  { name: 'other gallium extraction from 2025-07-15 is asked which process', request: tech('tech/gallium/extraction', '2025-07-15'), verdict: 'needs_information', questions: ['item'] },
]);

// The technology catalogue is the Foreign Trade Law's regime, not the dual-use list: its restricted technologies
// need a technology-export licence, but the bans on dual-use items to US and Japanese military users (No. 46/2024
// clause 1, No. 1/2026) and to parties on the control list do not reach them through it.
t.run('restricted catalogue technology is not a dual-use item for the military and party rules', [
  { name: 'LFP cathode technology for a US military end use: the technology-export licence', request: { ...tech('tech/battery/lfp-cathode-preparation', '2025-08-01', { compactionDensityGPerCm3: 2.6, dischargeCapacityMAhPerG: 165, firstCycleEfficiency: 0.98 }), endUse: 'military' as const }, verdict: 'license_required', licensePolicy: 'case_by_case' },
  { name: 'spodumene conversion technology for a party on the control list', request: { ...tech('tech/lithium/spodumene-conversion', '2025-08-01'), endUser: { name: 'General Dynamics', country: 'US', type: 'commercial' as const } }, verdict: 'license_required' },
  { name: 'a dual-use technology (1E902.a) for a US military end use is banned', request: { ...tech('tech/rare-earths/recycling', '2025-10-10'), endUse: 'military' as const }, verdict: 'prohibited' },
]);

describe('what the 2023 revision added', () => {
  const regime = (id: string, date: string, parameters?: Record<string, number>) => t.engine.assess(tech(id, date, parameters)).jurisdictions.find((j) => j.jurisdiction === 'CN')!;
  it('magnet preparation technology was not named before 2023-12-21: the 2023 entry is not yet in force, and 053302J point 5 asks', () => {
    const r = regime('tech/rare-earths/magnet-manufacturing', '2023-12-20');
    expect(r.verdict).toBe('needs_information');
    expect(r.questions?.map((q) => q.parameter)).toEqual(['rareEarthAlloyMaterials']);
    expect(r.findings.find((f) => f.measure.id === 'cn-mofcom-most-2023-57')?.status).toBe('not_yet_in_force');
  });
  it('magnet preparation technology is prohibited from 2023-12-21', () => {
    expect(regime('tech/rare-earths/magnet-manufacturing', '2023-12-21').verdict).toBe('prohibited');
  });
  it('rare-earth metal technology alone was not listed in 2022', () => {
    const r = regime('tech/rare-earths/metal-production', '2022-06-01', { rareEarthAlloyMaterials: 0 });
    expect(r.verdict).not.toBe('prohibited');
    expect(r.findings.filter((f) => f.status === 'in_force')).toEqual([]);
  });
  it('the 2001 catalogue did not apply before 2002-01-01', () => {
    const r = regime('tech/rare-earths/separation', '2001-12-31');
    expect(r.findings.find((f) => f.measure.id === 'cn-moftec-most-2001-tech-catalogue')?.status).toBe('not_yet_in_force');
    expect(r.verdict).not.toBe('prohibited');
  });
  it('the versions follow one another without gap or overlap', () => {
    const byId = new Map(plugin.measures.map((m) => [m.id, m]));
    expect(byId.get('cn-moftec-most-2001-tech-catalogue')!.effective).toEqual({ from: '2002-01-01', to: '2008-09-15' });
    expect(byId.get('cn-mofcom-most-2008-12')!.effective).toEqual({ from: '2008-09-16', to: '2023-12-20' });
    expect(byId.get('cn-mofcom-most-2023-57')!.effective.from).toBe('2023-12-21');
    expect(byId.get('cn-mofcom-most-2020-38')!.effective).toEqual({ from: '2020-08-28', to: '2023-12-20' });
  });
});

// The general item needs a licence while an item beneath it is banned: the answer asks which it is, since the answer
// could make the verdict stricter (found by an invariant scan of 60,000 varied requests, 2026-12-06).
t.run('rare-earth mining technology in general, with ionic-clay leaching beneath it banned', [
  { name: 'mining technology: licence, and asked whether it is the banned leaching technology', request: tech('tech/rare-earths/mining', '2024-07-01'), verdict: 'license_required', questions: ['item'] },
  { name: 'ionic-clay leaching technology itself is prohibited', request: tech('tech/rare-earths/ionic-clay-leaching', '2024-07-01'), verdict: 'prohibited', questions: [] },
]);
