import { PluginTester, type PluginCase } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { cclEntry } from '../src/ccl.js';
import { staLimits } from '../src/exceptions.js';
import { M } from '../src/measures.js';

const t = new PluginTester(plugin);
const D = '2026-09-01';
const us = (item: PluginCase['request']['item'], to: string, extra: Partial<PluginCase['request']> = {}): PluginCase['request'] => ({ item, from: 'US', to, date: D, ...extra });
const reexport = (item: PluginCase['request']['item'], from: string, to: string, extra: Partial<PluginCase['request']> = {}): PluginCase['request'] => ({ item: { origin: 'US', ...item }, from, to, date: D, ...extra });
const HUAWEI = { name: 'Huawei Technologies Co., Ltd.' };

t.run('TMP (15 CFR 740.9)', [
  { name: 'tools of trade: 6C002.a (NS2) to China, returning within a year', request: us({ eccn: '6C002.a', parameters: { 'ear.temporaryExport': 1 } }, 'CN'), verdict: 'authorization_available', authorizations: ['TMP'] },
  { name: 'without the parameter TMP is not offered', request: us({ eccn: '6C002.a' }, 'CN'), verdict: 'license_required', noWarnings: ['licence_exception_unavailable'] },
  { name: 'MT-controlled tools of trade may not go to D:4/D:5 (1C011.a to China)', request: us({ eccn: '1C011.a', parameters: { 'ear.temporaryExport': 1 } }, 'CN'), verdict: 'license_required', warnings: ['licence_exception_unavailable'] },
  { name: 'a release in the US (deemed export) is not a temporary export', request: us({ eccn: '6E001', parameters: { 'ear.temporaryExport': 1, 'ear.nsScopeMet': 1 } }, 'US', { transfer: 'technology', endUser: { nationalities: ['DE'] } }), verdict: 'license_required', warnings: ['licence_exception_unavailable'] },
  { name: '§ 740.2(a)(12): no TMP for a 600 series item to Venezuela (D:5)', request: us({ eccn: '9A610.a', parameters: { 'ear.temporaryExport': 1 } }, 'VE'), verdict: 'license_required', licensePolicy: 'presumption_of_denial', warnings: ['licence_exception_unavailable'] },
]);

t.run('RPL (15 CFR 740.10)', [
  { name: 'one-for-one replacement: 6C002.a to China', request: us({ eccn: '6C002.a', parameters: { 'ear.replacementPart': 1 } }, 'CN'), verdict: 'authorization_available', authorizations: ['RPL'] },
  { name: 'RPL does not cover technology', request: us({ eccn: '3E002', parameters: { 'ear.replacementPart': 1, 'ear.advancedNodeFab': 0 } }, 'CN', { transfer: 'technology' }), verdict: 'license_required', warnings: ['licence_exception_unavailable'] },
  { name: '§ 740.2 / § 744.11: no RPL for an Entity List end user', request: us({ eccn: '6C002.a', parameters: { 'ear.replacementPart': 1 } }, 'CN', { endUser: HUAWEI }), verdict: 'license_required', warnings: ['no_licence_exceptions'] },
  { name: '§ 740.2(a)(6): no RPL for Iran', request: us({ eccn: '6C002.a', parameters: { 'ear.replacementPart': 1 } }, 'IR'), verdict: 'license_required', warnings: ['licence_exception_unavailable'] },
]);

t.run('GOV (15 CFR 740.11)', [
  { name: '(b)(2)(ii): consigned to a US Government agency in China', request: us({ eccn: '6C002.a', parameters: { 'ear.usGovernmentConsignee': 1 } }, 'CN'), verdict: 'authorization_available', authorizations: ['GOV'] },
  { name: '(b)(2)(ii) is the exception left under the MEU rule (§ 744.21)', request: us({ eccn: '6C002.a', parameters: { 'ear.usGovernmentConsignee': 1, 'ear.meuSupplement2': 1 } }, 'CN', { endUse: 'military' }), verdict: 'authorization_available', authorizations: ['GOV'], findings: [{ measure: M.meu }] },
  { name: '(b)(2)(ii) is the exception left under the MIEU rule (§ 744.22)', request: us({ eccn: 'EAR99', parameters: { 'ear.usGovernmentConsignee': 1 } }, 'CN', { endUse: 'military-intelligence' }), verdict: 'authorization_available', authorizations: ['GOV'], findings: [{ measure: M.mieu }] },
  { name: 'without a US Government consignee MIEU leaves no exception', request: us({ eccn: 'EAR99' }, 'CN', { endUse: 'military-intelligence' }), verdict: 'license_required' },
  { name: '§ 740.2(a)(12)(i): GOV stays open for a 600 series item to D:5 (9A610.a that is not a UAV of 300 km range: no MT)', request: us({ eccn: '9A610.a', parameters: { 'ear.usGovernmentConsignee': 1, 'ear.mtScopeMet': 0 } }, 'VE'), verdict: 'authorization_available', authorizations: ['GOV'] },
  { name: '§ 740.2(a)(5)(ii): a 9A610.a UAV of 300 km range (MT) to D:4/D:5 may not use GOV', request: us({ eccn: '9A610.a', parameters: { 'ear.usGovernmentConsignee': 1, 'ear.mtScopeMet': 1 } }, 'VE'), verdict: 'license_required', warnings: ['licence_exception_unavailable'] },
  { name: '9A610.a whose MT scope (UAVs of 300 km range) is not stated: asked, GOV not offered yet', request: us({ eccn: '9A610.a', parameters: { 'ear.usGovernmentConsignee': 1 } }, 'VE'), verdict: 'license_required', questions: ['ear.mtScopeMet'] },
  { name: '(c): agency of a cooperating government in Taiwan', request: us({ eccn: '6C002.a', parameters: { 'ear.cooperatingGovernment': 1 } }, 'TW'), verdict: 'authorization_available', authorizations: ['GOV', 'STA'] },
  { name: '(c): China is not a cooperating government', request: us({ eccn: '6C002.a', parameters: { 'ear.cooperatingGovernment': 1 } }, 'CN'), verdict: 'license_required', warnings: ['licence_exception_unavailable'] },
  { name: '(c)(3)(vi): no GOV (c) for an NP item (1C229 to Taiwan)', request: us({ eccn: '1C229', parameters: { 'ear.cooperatingGovernment': 1 } }, 'TW'), verdict: 'license_required', warnings: ['licence_exception_unavailable'] },
  { name: '§ 740.2(a)(6): no GOV for Cuba', request: us({ eccn: 'EAR99', parameters: { 'ear.usGovernmentConsignee': 1 } }, 'CU'), verdict: 'license_required', warnings: ['licence_exception_unavailable'] },
]);

t.run('TSU (15 CFR 740.13)', [
  { name: '(b) sales technology for 3E002 to China', request: us({ eccn: '3E002', parameters: { 'ear.salesTechnology': 1, 'ear.advancedNodeFab': 0 } }, 'CN', { transfer: 'technology' }), verdict: 'authorization_available', authorizations: ['TSU'] },
  { name: '(a) operation technology released to a Chinese national in the US', request: us({ eccn: '3E002', parameters: { 'ear.operationTechnology': 1 } }, 'US', { transfer: 'technology', endUser: { nationalities: ['CN'] } }), verdict: 'authorization_available', authorizations: ['TSU'] },
  { name: '(d) mass market treatment is for software, not technology', request: us({ eccn: '3E002', parameters: { 'ear.massMarketSoftware': 1, 'ear.advancedNodeFab': 0 } }, 'CN', { transfer: 'technology' }), verdict: 'license_required', warnings: ['licence_exception_unavailable'] },
  { name: '(d) not for encryption software (5D002): ENC is the route', request: us({ eccn: '5D002', parameters: { 'ear.massMarketSoftware': 1 } }, 'CN', { transfer: 'software' }), verdict: 'license_required', warnings: ['licence_exception_unavailable'] },
  { name: '§ 740.2(a)(6): no TSU for Iran', request: us({ eccn: '3E002', parameters: { 'ear.salesTechnology': 1 } }, 'IR', { transfer: 'technology' }), verdict: 'license_required', warnings: ['licence_exception_unavailable'] },
]);

t.run('APR (15 CFR 740.16(a))', [
  { name: 'reexport of US 6C002.a (NS only) from Germany to China (D:1) with German authorisation', request: reexport({ eccn: '6C002.a', parameters: { 'ear.reexportFromA1': 1 } }, 'DE', 'CN'), verdict: 'authorization_available', authorizations: ['APR'] },
  { name: 'reexport from Singapore (not A:1): no APR', request: reexport({ eccn: '6C002.a', parameters: { 'ear.reexportFromA1': 1 } }, 'SG', 'CN'), verdict: 'license_required', warnings: ['licence_exception_unavailable'] },
  { name: 'an NP item (1C229) is excluded', request: reexport({ eccn: '1C229', parameters: { 'ear.reexportFromA1': 1 } }, 'DE', 'CN'), verdict: 'license_required', warnings: ['licence_exception_unavailable'] },
  { name: 'APR is for reexports, not exports from the US', request: us({ eccn: '6C002.a', parameters: { 'ear.reexportFromA1': 1 } }, 'CN'), verdict: 'license_required', warnings: ['licence_exception_unavailable'] },
  { name: '§ 740.2 / § 744.11: no APR for an Entity List end user', request: reexport({ eccn: '6C002.a', parameters: { 'ear.reexportFromA1': 1 } }, 'DE', 'CN', { endUser: HUAWEI }), verdict: 'license_required', warnings: ['no_licence_exceptions'] },
]);

describe('authorisations carry their conditions and eCFR section', () => {
  it('each new exception cites its section and lists conditions', () => {
    const cases: [PluginCase['request'], string, string][] = [
      [us({ eccn: '6C002.a', parameters: { 'ear.temporaryExport': 1 } }, 'CN'), 'TMP', '740.9'],
      [us({ eccn: '6C002.a', parameters: { 'ear.replacementPart': 1 } }, 'CN'), 'RPL', '740.10'],
      [us({ eccn: '6C002.a', parameters: { 'ear.usGovernmentConsignee': 1 } }, 'CN'), 'GOV', '740.11'],
      [us({ eccn: '3E002', parameters: { 'ear.salesTechnology': 1, 'ear.advancedNodeFab': 0 } }, 'CN', { transfer: 'technology' }), 'TSU', '740.13'],
      [reexport({ eccn: '6C002.a', parameters: { 'ear.reexportFromA1': 1 } }, 'DE', 'CN'), 'APR', '740.16'],
    ];
    for (const [request, id, section] of cases) {
      const a = t.engine.assess(request).jurisdictions.find((j) => j.jurisdiction === 'US')!.authorizations.find((x) => x.id === id)!;
      expect(a.url).toBe(`https://www.ecfr.gov/current/title-15/section-${section}`);
      expect(a.conditions.length).toBeGreaterThan(0);
    }
  });
  it('a failed exception says why, naming the parameter and the rule', () => {
    const r = t.engine.assess(us({ eccn: '1C011.a', parameters: { 'ear.temporaryExport': 1 } }, 'CN'));
    const w = r.warnings.find((x) => x.code === 'licence_exception_unavailable')!;
    expect(w.message).toMatch(/ear\.temporaryExport/);
    expect(w.message).toMatch(/D:4 or D:5/);
  });
});

describe('deemed exports: findings are unique by measure, entry and reason', () => {
  const unique = (request: PluginCase['request']) => {
    const us_ = t.engine.assess(request).jurisdictions.find((j) => j.jurisdiction === 'US')!;
    const keys = us_.findings.map((f) => `${f.measure.id}|${f.entry?.id ?? ''}|${f.reason}`);
    expect(new Set(keys).size).toBe(keys.length);
    return us_.findings;
  };
  it('one nationality (the reported request)', () => {
    const f = unique({ item: { eccn: '3E001', parameters: { 'ear.nsScopeMet': 1 } }, from: 'US', to: 'US', transfer: 'technology', endUser: { nationalities: ['CN'] }, date: '2026-01-20' });
    expect(f.filter((x) => x.measure.id === M.chart && /controlled for NS /.test(x.reason))).toHaveLength(1);
  });
  it('several nationalities: the same rule is reported once, naming them all', () => {
    const f = unique(us({ eccn: '3E001', parameters: { 'ear.nsScopeMet': 1, 'ear.rsScopeMet': 1 } }, 'US', { transfer: 'technology', endUser: { nationalities: ['CN', 'MO', 'RU', 'IR'] } }));
    const macau = f.filter((x) => /Macau or Country Group D:5/.test(x.reason));
    expect(macau).toHaveLength(1);
    expect(macau[0]!.reason).toMatch(/^Deemed export to nationals of CN, MO, RU, IR: /);
  });
});

describe('advanced-chip review policy to China (91 FR 1687, 2026-01-15)', () => {
  const chips = new PluginTester(plugin);
  const req = (date: string, parameters?: Record<string, number>) => ({ item: { eccn: '3A090.a', ...(parameters ? { parameters } : {}) }, from: 'US', to: 'CN', date, endUse: 'civil' as const });
  chips.run('3A090.a to China', [
    { name: 'before the rule: presumption of denial', request: req('2025-06-01'), verdict: 'license_required', licensePolicy: 'presumption_of_denial' },
    { name: 'after the rule, without the facts: presumption of denial and a warning', request: req('2026-02-01'), verdict: 'license_required', licensePolicy: 'presumption_of_denial', warnings: ['licence_policy_depends_on'] },
    { name: 'after the rule, under both thresholds with the information: case by case', request: req('2026-02-01', { tpp: 15_000, dramBandwidthGBs: 4_000, 'ear.supplement2ddInfo': 1 }), verdict: 'license_required', licensePolicy: 'case_by_case' },
    { name: 'after the rule, above the TPP threshold: presumption of denial', request: req('2026-02-01', { tpp: 25_000, dramBandwidthGBs: 4_000, 'ear.supplement2ddInfo': 1 }), verdict: 'license_required', licensePolicy: 'presumption_of_denial' },
  ]);
});

describe('ECCNs created by later rules are not applied before they existed', () => {
  new PluginTester(plugin).run('3A090 and 3C907', [
    { name: '3A090.a before 2022-10-07 asks for the classification then in force', request: { item: { eccn: '3A090.a' }, from: 'US', to: 'CN', date: '2022-06-01', endUse: 'civil' }, verdict: 'needs_information', questions: ['item.eccn'] },
    { name: '3A090.a from 2022-10-07 needs a licence to China', request: { item: { eccn: '3A090.a' }, from: 'US', to: 'CN', date: '2022-10-07', endUse: 'civil' }, verdict: 'license_required' },
    { name: '3A090.c (HBM) before 2024-12-02', request: { item: { eccn: '3A090.c' }, from: 'US', to: 'CN', date: '2024-06-01', endUse: 'civil' }, verdict: 'needs_information', questions: ['item.eccn'] },
    { name: '3C907 before 2024-09-06', request: { item: { eccn: '3C907' }, from: 'US', to: 'DE', date: '2024-06-01', endUse: 'civil' }, verdict: 'needs_information', questions: ['item.eccn'] },
  ]);
});

// § 740.24: License Exception IEC authorises the items and destinations of a BIS document incorporated by reference
// ("last modified September 17, 2024"); § 740.2(a)(22) leaves only IEC, TMP, RPL, GOV and TSU for these items.
describe('License Exception IEC is named, not decided', () => {
  const warningsFor = (date: string) => new PluginTester(plugin).engine.assess({ item: { eccn: '3B001.c.1.a' }, from: 'US', to: 'DE', date }).warnings.map((w) => w.code);
  it('3B001.c.1.a to Germany on 2026-09-01 warns that IEC may apply', () => expect(warningsFor('2026-09-01')).toContain('licence_exception_not_evaluated'));
});

// An ECCN's "Special Conditions for STA" that name only Country Group A:6 or § 740.20(c)(2) leave (c)(1) to A:5 open.
t.run('STA limits read from the ECCN (§ 740.20(c)(1)–(2))', [
  { name: '6A003.b.4.a to Korea (A:5): RS1 licence, STA (c)(1) open ("not for b.3 or b.4 to A:6")', request: { item: { eccn: '6A003.b.4.a' }, from: 'US', to: 'KR', date: '2026-09-01' }, verdict: 'authorization_available', authorizations: ['STA'] },
  { name: '6A003.b.4.a to Taiwan (A:6 only): no STA', request: { item: { eccn: '6A003.b.4.a' }, from: 'US', to: 'TW', date: '2026-09-01' }, verdict: 'license_required' },
  { name: '3B001.c.1.a to Japan: the note names A:5, so no STA', request: { item: { eccn: '3B001.c.1.a' }, from: 'US', to: 'JP', date: '2026-09-01' }, verdict: 'license_required' },
]);

describe('staLimits', () => {
  it('keeps (c)(1) open when the note names only A:6', () => {
    expect(staLimits(cclEntry('6E001')!)).toEqual({ c1: false, c2: true });
  });
  it('closes both when the note names A:5, and for 600-series entries', () => {
    expect(staLimits(cclEntry('3A901')!)).toEqual({ c1: true, c2: true });
    expect(staLimits(cclEntry('9A610')!)).toEqual({ c1: true, c2: true });
  });
});

// § 740.6(a) (eCFR 2026-09-24): "License Exception TSR permits exports and reexports of technology and software where the
// Commerce Country Chart … indicates a license requirement to the ultimate destination for national security reasons only
// and identified by 'TSR—Yes' in entries on the CCL, provided the software or technology is destined to Country Group B,
// except Sudan and Ukraine", with the consignee's written assurance. A licence_required verdict means no exception is offered.
t.run('TSR (15 CFR 740.6)', [
  { name: '3E002 (NS1, TSR yes) technology to Brazil (Group B): TSR', request: us({ eccn: '3E002' }, 'BR', { transfer: 'technology' }), verdict: 'authorization_available', authorizations: ['TSR'] },
  { name: '1D002 software to Taiwan: TSR', request: us({ eccn: '1D002' }, 'TW', { transfer: 'software' }), verdict: 'authorization_available', authorizations: ['TSR'] },
  { name: 'release of 3E002 to a Brazilian national in the US (deemed export): TSR', request: us({ eccn: '3E002' }, 'US', { transfer: 'technology', endUser: { nationalities: ['BR'] } }), verdict: 'authorization_available', authorizations: ['TSR'] },
  { name: 'not to Ukraine, though in Group B', request: us({ eccn: '3E002', parameters: { 'ear.occupiedRegion': 0 } }, 'UA', { transfer: 'technology' }), verdict: 'license_required' },
  { name: 'not to China (not Group B)', request: us({ eccn: '3E002', parameters: { 'ear.advancedNodeFab': 0 } }, 'CN', { transfer: 'technology' }), verdict: 'license_required' },
  { name: '3E003 (TSR not for .f and .g) to Brazil: the part is asked', request: us({ eccn: '3E003' }, 'BR', { transfer: 'technology' }), verdict: 'license_required', questions: ['ear.tsrScopeMet'] },
  { name: '3E003 within the TSR part, to Brazil: TSR', request: us({ eccn: '3E003', parameters: { 'ear.tsrScopeMet': 1 } }, 'BR', { transfer: 'technology' }), verdict: 'authorization_available', authorizations: ['TSR'] },
  { name: '3E003 outside the TSR part, to Brazil: licence', request: us({ eccn: '3E003', parameters: { 'ear.tsrScopeMet': 0 } }, 'BR', { transfer: 'technology' }), verdict: 'license_required' },
  { name: '§ 740.2: no TSR with an Entity List party', request: us({ eccn: '3E002' }, 'BR', { transfer: 'technology', endUser: HUAWEI }), verdict: 'license_required' },
  { name: '§ 740.2(a)(5): no TSR for MT-controlled technology (1E001 for MT items to Brazil)', request: us({ eccn: '1E001', parameters: { 'ear.tsrScopeMet': 1, 'ear.mtScopeMet': 1 } }, 'BR', { transfer: 'technology' }), verdict: 'license_required' },
]);

describe('TSR is for software and technology only (§ 740.6(a))', () => {
  it('a 3A001.a.2 commodity to Brazil gets LVS and GBS, not TSR', () => {
    const ids = t.engine.assess(us({ eccn: '3A001.a.2', valueUsd: 100 }, 'BR')).jurisdictions.find((j) => j.jurisdiction === 'US')!.authorizations.map((a) => a.id);
    expect(ids).toContain('GBS');
    expect(ids).not.toContain('TSR');
  });
});
