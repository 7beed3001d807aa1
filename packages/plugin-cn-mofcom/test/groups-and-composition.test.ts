import { PluginTester } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

// Where the engine's rules on broader identifiers (#12.2) and stated composition (#12.3) show in China's
// data: a group of technologies all listed by one catalogue entry, the Dy/Tb magnets of No. 18/2025
// (1C904.a, 1C905.a: NdFeB magnet materials containing terbium or dysprosium), and the 0.1 % value-share
// rule of No. 61/2025 part 1(1) (from 2025-12-01, suspended by No. 70 from 2025-11-07 until 2026-11-10).
const t = new PluginTester(plugin);
const cn = (item: object, to: string, date: string, extra: object = {}) => ({ item, from: 'CN', to, date, endUse: 'civil' as const, ...extra });
const regime = (r: { jurisdictions: { jurisdiction: string }[] }) => r.jurisdictions.find((j) => j.jurisdiction === 'CN') as ReturnType<typeof t.engine.assess>['jurisdictions'][number];

t.run('lithium technologies as a group (restricted entry 083201X of the 2025 catalogue amendment, from 2025-07-15)', [
  { name: 'the day before: not controlled, the members shown as not yet in force', request: cn({ id: 'tech/lithium' }, 'BO', '2025-07-14', { transfer: 'technology' }), verdict: 'not_controlled', findings: [{ measure: 'cn-mofcom-most-2025-28', status: 'not_yet_in_force' }] },
  { name: 'its first day: every member is restricted, so the group is', request: cn({ id: 'tech/lithium' }, 'BO', '2025-07-15', { transfer: 'technology' }), verdict: 'license_required', licensePolicy: 'case_by_case', questions: [], findings: [{ measure: 'cn-mofcom-most-2025-28', code: '083201X', status: 'in_force' }] },
  { name: 'rare-earth technologies differ (separation prohibited, mining restricted): the question', request: cn({ id: 'tech/rare-earths' }, 'VN', '2024-06-01', { transfer: 'technology' }), verdict: 'needs_information', questions: ['item'] },
  { name: 'permanent magnets as a group: NdFeB without Dy or Tb is not listed, so the question', request: cn({ id: 'magnets' }, 'DE', '2025-06-01'), verdict: 'needs_information', questions: ['item'] },
]);

describe('the group answer names what decided it', () => {
  it('every member finding says the group shares it', () => {
    const r = regime(t.engine.assess(cn({ id: 'tech/lithium' }, 'BO', '2025-07-15', { transfer: 'technology' })));
    const inForce = r.findings.filter((f) => f.status === 'in_force');
    expect(inForce.length).toBeGreaterThan(3);
    for (const f of inForce) expect(f.matchedOn.at(-1)).toBe('every item listed beneath tech/lithium gets license_required (case_by_case) here');
  });
});

const ndfeb = (parameters?: object, extra: object = {}) => ({ id: 'magnets/ndfeb', ...(parameters ? { parameters } : {}), ...extra });
t.run('NdFeB magnets by their Dy/Tb content (No. 18/2025, from 2025-04-04)', [
  { name: 'the day before No. 18, a Dy-containing magnet: not controlled, No. 18 not yet in force', request: cn(ndfeb({ 'fraction.Dy': 0.04 }), 'DE', '2025-04-03'), verdict: 'not_controlled', findings: [{ measure: 'cn-mofcom-2025-18', code: '1C905.a', status: 'not_yet_in_force' }] },
  { name: 'its first day: a Dy share lists it under 1C905.a', request: cn(ndfeb({ 'fraction.Dy': 0.04 }), 'DE', '2025-04-04'), verdict: 'license_required', licensePolicy: 'case_by_case', questions: [], findings: [{ measure: 'cn-mofcom-2025-18', code: '1C905.a', status: 'in_force' }] },
  { name: 'a Tb share lists it under 1C904.a', request: cn(ndfeb({ 'fraction.Tb': 0.01 }), 'DE', '2025-06-01'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-18', code: '1C904.a' }] },
  { name: 'terbium named in content[] lists it too', request: cn(ndfeb(undefined, { content: [{ item: { id: 'terbium/metal' }, origin: 'CN', valueShare: 0.08 }] }), 'DE', '2025-06-01'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-18', code: '1C904.a' }] },
  { name: 'neither Dy nor Tb: not listed, and no narrower identifier asked', request: cn(ndfeb({ 'fraction.Nd': 0.3, 'fraction.Pr': 0.02, 'fraction.Fe': 0.67, 'fraction.B': 0.01 }), 'DE', '2025-06-01'), verdict: 'not_controlled', questions: [], noFindings: [{ measure: 'cn-mofcom-2025-18' }] },
  { name: 'no composition: the question names the Dy/Tb magnets', request: cn(ndfeb(), 'DE', '2025-06-01'), verdict: 'needs_information', questions: ['item'] },
  { name: 'permanent magnets with a Dy share: NdFeB with Dy (1C905.a) or SmCo (1C902.a), both licensed case by case', request: cn({ id: 'magnets', parameters: { 'fraction.Dy': 0.04 } }, 'DE', '2025-06-01'), verdict: 'license_required', licensePolicy: 'case_by_case', questions: [], findings: [{ measure: 'cn-mofcom-2025-18', entry: 'cn-2025-18-dysprosium-a', status: 'in_force' }, { measure: 'cn-mofcom-2025-18', entry: 'cn-2025-18-samarium-a', status: 'in_force' }] },
  { name: 'permanent magnets with a Dy share the day before No. 18: not controlled', request: cn({ id: 'magnets', parameters: { 'fraction.Dy': 0.04 } }, 'DE', '2025-04-03'), verdict: 'not_controlled', questions: [] },
]);

t.run('rare-earth alloys and targets by their element shares (No. 18/2025: alloys and targets containing Sm, Gd, Tb, Dy, Lu, Sc, Y)', [
  { name: 'a Sm-Co alloy is a samarium alloy (1C902.a)', request: cn({ id: 'rare-earths/alloy', parameters: { 'fraction.Sm': 0.35, 'fraction.Co': 0.65 } }, 'DE', '2025-06-01'), verdict: 'license_required', questions: [], findings: [{ measure: 'cn-mofcom-2025-18', entry: 'cn-2025-18-samarium-a', status: 'in_force' }] },
  { name: 'the day before No. 18 it is not listed, the entry shown as not yet in force', request: cn({ id: 'rare-earths/alloy', parameters: { 'fraction.Sm': 0.35, 'fraction.Co': 0.65 } }, 'DE', '2025-04-03'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-18', entry: 'cn-2025-18-samarium-a', status: 'not_yet_in_force' }, { measure: 'cn-export-licence-goods-2025', status: 'in_force' }] },
  { name: 'a Tb-Dy-Fe alloy is both a terbium and a dysprosium alloy', request: cn({ id: 'rare-earths/alloy', parameters: { 'fraction.Tb': 0.3, 'fraction.Dy': 0.1, 'fraction.Fe': 0.6 } }, 'DE', '2025-06-01'), verdict: 'license_required', questions: [], findings: [{ measure: 'cn-mofcom-2025-18', entry: 'cn-2025-18-terbium-a' }, { measure: 'cn-mofcom-2025-18', entry: 'cn-2025-18-dysprosium-a' }] },
  { name: 'a holmium alloy: its own entry (No. 57) is suspended, so only the ordinary licence applies', request: cn({ id: 'rare-earths/alloy', parameters: { 'fraction.Ho': 0.2, 'fraction.Fe': 0.8 } }, 'DE', '2026-06-01'), verdict: 'license_required', questions: [], noFindings: [{ measure: 'cn-mofcom-2025-18' }] },
  { name: 'gallium with a Ga share may be its metal, nitride or arsenide: the composition does not say, so the question stays', request: cn({ id: 'gallium', parameters: { 'fraction.Ga': 0.83, 'fraction.N': 0.17 } }, 'DE', '2025-06-01'), verdict: 'needs_information', questions: ['item'] },
]);

const foreignMagnet = (content: object[] | undefined, date: string) => ({
  item: { id: 'magnets/ndfeb-dy-tb', origin: 'DE', ...(content ? { content } : {}) }, from: 'DE', to: 'US', date, endUse: 'civil' as const,
});
const cnPart = (id: string, valueShare: number) => ({ item: { id }, origin: 'CN', valueShare });
t.run('No. 61/2025 part 1(1): foreign Dy/Tb magnets with PRC-origin Part I content of 0.1 % of value or more', [
  { name: 'the last day of the suspension: not controlled, the rule shown as suspended', request: foreignMagnet([cnPart('dysprosium/metal', 0.01)], '2026-11-10'), verdict: 'not_controlled', findings: [{ measure: 'cn-mofcom-2025-61', entry: 'cn-2025-61-content', status: 'suspended' }], warnings: ['suspension_last_day'], noWarnings: ['status_unverified'] },
  { name: 'the day after: exactly 0.1 % meets the threshold', request: foreignMagnet([cnPart('dysprosium/metal', 0.001)], '2026-11-11'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-61', entry: 'cn-2025-61-content', status: 'in_force' }], warnings: ['status_unverified'] },
  { name: 'just below 0.1 %: not listed and nothing asked', request: foreignMagnet([cnPart('dysprosium/metal', 0.0009)], '2026-11-11'), verdict: 'not_controlled', questions: [] },
  { name: 'PRC content that is not a Part I input (a dysprosium compound other than the oxide) does not count', request: foreignMagnet([cnPart('dysprosium/compound', 0.05)], '2026-11-11'), verdict: 'not_controlled', questions: [] },
  { name: 'PRC dysprosium of unknown form may be a Part I input: the question for the share', request: foreignMagnet([cnPart('dysprosium', 0.05)], '2026-11-11'), verdict: 'needs_information', questions: ['content'] },
  { name: 'a foreign NdFeB magnet whose stated Dy share makes it a Part II item', request: { item: { id: 'magnets/ndfeb', origin: 'DE', parameters: { 'fraction.Dy': 0.02 }, content: [cnPart('dysprosium/metal', 0.002)] }, from: 'DE', to: 'US', date: '2026-11-11', endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-61', entry: 'cn-2025-61-content' }] },
]);

// No. 18 lists NdFeB magnet materials containing terbium or dysprosium: a request that says only that the magnet
// has no dysprosium has said nothing about terbium (a question), one that rules out both is not listed.
const PT = new PluginTester(plugin);
PT.run('composition stated only as absences (#12.3)', [
  { name: 'NdFeB with fraction.Dy 0 and terbium not stated: the terbium share is asked, not a narrower identifier', request: { item: { id: 'magnets/ndfeb', parameters: { 'fraction.Dy': 0 } }, from: 'CN', to: 'DE', date: '2025-04-04', endUse: 'civil' }, verdict: 'needs_information', questions: ['fraction.Tb'], noQuestions: ['item', 'fraction.Dy'] },
  { name: 'NdFeB with fraction.Dy 0 and fraction.Tb 0: not listed', request: { item: { id: 'magnets/ndfeb', parameters: { 'fraction.Dy': 0, 'fraction.Tb': 0 } }, from: 'CN', to: 'DE', date: '2025-04-04', endUse: 'civil' }, verdict: 'not_controlled' },
  // MOFCOM/GAC No. 18 of 2025 lists magnet materials containing Tb or Dy: a make-up that leaves 70 % unsaid may hold terbium.
  { name: 'NdFeB described as Nd 30 % with fraction.Dy 0 and the rest unsaid: terbium is unknown, asked (one composition rule, #12.3)', request: { item: { id: 'magnets/ndfeb', parameters: { 'fraction.Nd': 0.3, 'fraction.Dy': 0 } }, from: 'CN', to: 'DE', date: '2025-04-04', endUse: 'civil' }, verdict: 'needs_information', questions: ['fraction.Tb'], noQuestions: ['item', 'fraction.Dy'] },
  { name: 'NdFeB whose shares make up 100 % (Nd 30, Fe 69, B 1) with fraction.Dy 0: terbium is absent, not listed', request: { item: { id: 'magnets/ndfeb', parameters: { 'fraction.Nd': 0.3, 'fraction.Fe': 0.69, 'fraction.B': 0.01, 'fraction.Dy': 0 } }, from: 'CN', to: 'DE', date: '2025-04-04', endUse: 'civil' }, verdict: 'not_controlled' },
  { name: 'NdFeB whose shares make up 100 % with Tb 0.5 %: listed under No. 18 of 2025', request: { item: { id: 'magnets/ndfeb', parameters: { 'fraction.Nd': 0.3, 'fraction.Fe': 0.685, 'fraction.B': 0.01, 'fraction.Tb': 0.005 } }, from: 'CN', to: 'DE', date: '2025-04-04', endUse: 'civil' }, verdict: 'license_required' },
  { name: 'NdFeB at 99 % stated (Nd 30, Fe 68, B 1, no Dy): the 1 % left may be terbium, asked', request: { item: { id: 'magnets/ndfeb', parameters: { 'fraction.Nd': 0.3, 'fraction.Fe': 0.68, 'fraction.B': 0.01, 'fraction.Dy': 0 } }, from: 'CN', to: 'DE', date: '2025-04-04', endUse: 'civil' }, verdict: 'needs_information', questions: ['fraction.Tb'] },
]);
