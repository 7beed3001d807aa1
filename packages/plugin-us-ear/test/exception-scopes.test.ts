import { PluginTester, type PluginCase } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { cclEntry } from '../src/ccl.js';
import { gbsFit, lvsFit } from '../src/exception-scopes.js';

const t = new PluginTester(plugin);
const D = '2026-09-01';
const us = (item: PluginCase['request']['item'], to: string): PluginCase['request'] => ({ item, from: 'US', to, date: D });

// 15 CFR 738.3(a)(1): "For items controlled by 0A983, 5E001.a (for 5A001.f.1 …) and 5E980, no license exceptions apply.
// For items controlled by 5A001.f.1, 5A980, 5D001 (for 5A001.f.1 …) and 5D980, License Exception GOV may apply if your
// item is consigned to and for the official use of an agency of the U.S. Government."
t.run('ECCNs for which no licence exception may be used (15 CFR 738.3(a)(1), 740.2(a)(3))', [
  { name: '0A983 to Germany (A:5): no STA although CC alone would allow it', request: us({ eccn: '0A983' }, 'DE'), verdict: 'license_required', authorizations: [], warnings: ['no_licence_exceptions'] },
  { name: '0A983 consigned to a US Government agency: not even GOV', request: us({ eccn: '0A983', parameters: { 'ear.usGovernmentConsignee': 1 } }, 'DE'), verdict: 'license_required', authorizations: [] },
  { name: '5E980 consigned to a US Government agency: no GOV', request: us({ eccn: '5E980', parameters: { 'ear.usGovernmentConsignee': 1 } }, 'DE'), verdict: 'license_required', authorizations: [] },
  { name: '5A980 consigned to a US Government agency: GOV only', request: us({ eccn: '5A980', parameters: { 'ear.usGovernmentConsignee': 1 } }, 'DE'), verdict: 'authorization_available', authorizations: ['GOV'] },
  { name: '5D001 for 5A001.f.1 items, US Government consignee: GOV only', request: us({ eccn: '5D001', parameters: { 'ear.forInterceptionItem': 1, 'ear.usGovernmentConsignee': 1 } }, 'DE'), verdict: 'authorization_available', authorizations: ['GOV'], warnings: ['no_licence_exceptions'] },
]);

// 15 CFR 740.2(a)(11): "The item is a 'military commodity' subject to ECCN 0A919, except that such military commodities may
// be reexported in accordance with § 740.11(b)(2)(ii)"; (a)(13): 9D610.b, 9D619.b, 9E610.b, 9E619.b or .c only GOV;
// (a)(14): 0Y521 items only GOV (b)(2)(ii) or an item-specific exception; (a)(7): 6E001/6E002 technology for certain
// infrared focal plane arrays and image intensifier tubes only GOV (b)(2).
t.run('§ 740.2(a) items limited to GOV (eCFR 2026-09-24)', [
  { name: '0A919.a to Japan (A:5): no STA although RS alone would allow it', request: us({ eccn: '0A919.a' }, 'JP'), verdict: 'license_required', authorizations: [], warnings: ['no_licence_exceptions'] },
  { name: '9E610.b to Germany: no STA', request: us({ eccn: '9E610.b' }, 'DE'), verdict: 'license_required', authorizations: [] },
  { name: '9E610.a for a US Government agency is not barred by (a)(13): GOV, no bar warning', request: us({ eccn: '9E610.a', parameters: { 'ear.usGovernmentConsignee': 1 } }, 'DE'), verdict: 'authorization_available', authorizations: ['GOV'], noWarnings: ['no_licence_exceptions'] },
  { name: '6E002 to Germany: asks whether it is IRFPA or image-intensifier technology before offering any exception', request: us({ eccn: '6E002', parameters: { 'ear.usGovernmentConsignee': 1, 'ear.nsScopeMet': 1 } }, 'DE'), verdict: 'license_required', authorizations: [], questions: ['ear.irfpaOrIntensifierTechnology'] },
  { name: '6E002 for such arrays: GOV only', request: us({ eccn: '6E002', parameters: { 'ear.irfpaOrIntensifierTechnology': 1, 'ear.usGovernmentConsignee': 1, 'ear.nsScopeMet': 1 } }, 'DE'), verdict: 'authorization_available', authorizations: ['GOV'], warnings: ['no_licence_exceptions'] },
  { name: '6E002 for other technology: not barred', request: us({ eccn: '6E002', parameters: { 'ear.irfpaOrIntensifierTechnology': 0, 'ear.usGovernmentConsignee': 1, 'ear.nsScopeMet': 1, 'ear.mtScopeMet': 0 } }, 'DE'), verdict: 'authorization_available', authorizations: ['GOV'], noWarnings: ['no_licence_exceptions'] },
]);

// The "List Based License Exceptions" paragraph of each ECCN (Supp. No. 1 to Part 774).
t.run('GBS and LVS cover only the paragraphs their ECCN names (15 CFR 740.3, 740.4)', [
  { name: '3B001.a.3 to Brazil: GBS is "all except a.3, …" — no GBS; LVS $500 still applies', request: us({ eccn: '3B001.a.3', valueUsd: 100 }, 'BR'), verdict: 'authorization_available', authorizations: ['LVS'] },
  { name: '3B001.a.1 to Brazil: GBS and LVS', request: us({ eccn: '3B001.a.1', valueUsd: 100 }, 'BR'), verdict: 'authorization_available', authorizations: ['LVS', 'GBS'] },
  { name: '5A001.a to Brazil: LVS N/A and GBS excluded for .a', request: us({ eccn: '5A001.a', valueUsd: 100 }, 'BR'), verdict: 'license_required', authorizations: [] },
  { name: '5A001.c to Brazil at $4,000: above the $3,000 LVS value for .c, GBS covers it', request: us({ eccn: '5A001.c', valueUsd: 4000 }, 'BR'), verdict: 'authorization_available', authorizations: ['GBS'] },
  { name: '4A003.b to Brazil: LVS N/A for .b', request: us({ eccn: '4A003.b', valueUsd: 100 }, 'BR'), verdict: 'license_required', authorizations: [] },
]);

describe('scope of a partial exception when the code is not specific enough', () => {
  it('asks for the paragraph instead of offering GBS for 6A004 (GBS: 6A004.a.1, a.2, a.4, b, d.2, f)', () => {
    const r = t.engine.assess(us({ eccn: '6A004', valueUsd: 100_000 }, 'BR'));
    const usr = r.jurisdictions.find((j) => j.jurisdiction === 'US')!;
    expect(usr.authorizations.map((a) => a.id)).not.toContain('GBS');
    expect(r.questions.some((q) => q.parameter === 'item.eccn' && /GBS|LVS/.test(q.prompt))).toBe(true);
  });
  it('asks the deciding fact for a conditional paragraph and follows the answer', () => {
    const e = cclEntry('3B001')!;
    expect(gbsFit('3B001.e', e, 'BR', D, undefined)).toMatchObject({ fit: 'ask_fact' });
    expect(gbsFit('3B001.e', e, 'BR', D, 1)).toEqual({ fit: 'yes' });
    expect(gbsFit('3B001.e', e, 'BR', D, 0)).toMatchObject({ fit: 'no' });
  });
  it('reads value tiers and destination limits', () => {
    expect(lvsFit('3A001.c', cclEntry('3A001')!, 'BR', D, undefined)).toEqual({ fit: 'yes', usd: 1500 });
    expect(lvsFit('3A001.z.1.a', cclEntry('3A001')!, 'BR', D, undefined)).toMatchObject({ fit: 'no' });
    expect(lvsFit('0A501.e', cclEntry('0A501')!, 'CA', D, undefined)).toEqual({ fit: 'yes', usd: 500 });
    expect(lvsFit('0A501.e', cclEntry('0A501')!, 'BR', D, undefined)).toMatchObject({ fit: 'no' });
    expect(gbsFit('3A069.a', cclEntry('3A069')!, 'VE', D, undefined)).toMatchObject({ fit: 'no' });
    expect(lvsFit('1B001.a', cclEntry('1B001')!, 'BR', D, undefined)).toMatchObject({ fit: 'no' });
  });
  it('takes an exception away for MT-controlled paragraphs ("N/A for MT items")', () => {
    expect(gbsFit('3A001.a.5.a', cclEntry('3A001')!, 'BR', D, undefined)).toMatchObject({ fit: 'no' });
    expect(gbsFit('3A001.g', cclEntry('3A001')!, 'BR', D, undefined)).toEqual({ fit: 'yes' });
  });
});

// ECCN 3A001 List Based License Exceptions: LVS "$3000: … b.2 (exported or reexported for use in civil
// telecommunications applications), b.3 (…)"; GBS "Yes for … b.2 (exported or reexported for use in civil
// telecommunications applications)". The same fact (ear.civilTelecom) decides the NS1/RS1 lines and these scopes.
t.run('3A001.b.2 LVS and GBS follow the civil telecommunications fact', [
  { name: 'for civil telecommunications, to Brazil at $100: NS2 only, LVS and GBS', request: us({ eccn: '3A001.b.2', valueUsd: 100, parameters: { 'ear.civilTelecom': 1 } }, 'BR'), verdict: 'authorization_available', authorizations: ['LVS', 'GBS'] },
  { name: 'not for civil telecommunications: NS1/RS1 licence, neither LVS nor GBS, nothing more to ask', request: us({ eccn: '3A001.b.2', valueUsd: 100, parameters: { 'ear.civilTelecom': 0 } }, 'BR'), verdict: 'license_required', authorizations: [], questions: [] },
  { name: 'a military end use settles the exceptions too', request: { ...us({ eccn: '3A001.b.2', valueUsd: 100 }, 'BR'), endUse: 'military' }, verdict: 'license_required', authorizations: [] },
]);

// § 740.2(a)(9)(ii): advanced computing items (3A001.z among them) to D:1, D:4 or D:5 outside A:5/A:6 may use only TMP,
// NAC/ACA, RPL, GOV, TSU, HBM, AIA, ACM; (a)(9)(i): SME to Macau or D:5 only GOV. These take GBS and LVS away even
// where the ECCN's own text offers them.
t.run('§ 740.2(a)(9) limits the list-based exceptions too', [
  { name: '3A001.z.1.b for civil telecommunications to Brazil (B, not D:1/D:4/D:5): GBS', request: us({ eccn: '3A001.z.1.b', parameters: { 'ear.civilTelecom': 1 } }, 'BR'), verdict: 'authorization_available', authorizations: ['GBS'] },
  { name: 'the same to Saudi Arabia (B and D:4): no GBS (§ 740.2(a)(9)(ii); the RS licence is not NS alone either)', request: us({ eccn: '3A001.z.1.b', parameters: { 'ear.civilTelecom': 1 } }, 'SA'), verdict: 'license_required', authorizations: [] },
  { name: '3B001.c.1.b to Lebanon (B and D:5) at $100: no LVS (§ 740.2(a)(9)(i))', request: us({ eccn: '3B001.c.1.b', valueUsd: 100, parameters: { 'ear.advancedNodeFab': 0 } }, 'LB'), verdict: 'license_required', authorizations: [] },
  // § 740.2(a)(4): an item under the § 742.7 crime-control licence may use only GOV, BAG (e) or STA outside Australia,
  // India, Japan, New Zealand and NATO.
  { name: '0A504.g (CC1, LVS $500) to Brazil at $100: LVS withdrawn (§ 740.2(a)(4))', request: us({ eccn: '0A504.g', valueUsd: 100 }, 'BR'), verdict: 'license_required', authorizations: [], warnings: ['no_licence_exceptions'] },
]);

// An LVS line that is "N/A" for a reason the ECCN gives only to items meeting a condition (1C010: "$1500, N/A for NP",
// NP only for .a, .b and .e.1 meeting 1C210; 1C007: "N/A for MT", MT only for .c radome materials below a dielectric
// constant of 6): the request's answer on that condition decides LVS, instead of a question on the paragraph.
t.run('LVS "N/A" for a reason that turns on a condition', [
  { name: '1C010.a below the 1C210 criteria, $100 to Malaysia (NS2 only): LVS', request: us({ eccn: '1C010.a', valueUsd: 100, parameters: { 'ear.npScopeMet': 0 } }, 'MY'), verdict: 'authorization_available', authorizations: ['LVS'], noQuestions: ['item.eccn'] },
  { name: '1C010.a meeting the 1C210 criteria, $100 to Malaysia: NP1, no LVS', request: us({ eccn: '1C010.a', valueUsd: 100, parameters: { 'ear.npScopeMet': 1 } }, 'MY'), verdict: 'license_required', noQuestions: ['item.eccn'] },
  { name: '1C010.a without the fact: the NP fact is asked, not the paragraph', request: us({ eccn: '1C010.a', valueUsd: 100 }, 'MY'), verdict: 'license_required', questions: ['ear.npScopeMet'], noQuestions: ['item.eccn'] },
  { name: '1C007.c that is not an MT radome material, $100 to Malaysia: LVS $5,000', request: us({ eccn: '1C007.c', valueUsd: 100, parameters: { 'ear.mtScopeMet': 0 } }, 'MY'), verdict: 'authorization_available', authorizations: ['LVS'] },
  { name: '1C007.c MT radome material to Malaysia: no LVS', request: us({ eccn: '1C007.c', valueUsd: 100, parameters: { 'ear.mtScopeMet': 1 } }, 'MY'), verdict: 'license_required' },
]);
