import { PluginTester, type PluginCase } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { chartFile, chartRow } from '../src/chart.js';
import { footnoteRule } from '../src/chart-footnotes.js';
import { M } from '../src/measures.js';

const t = new PluginTester(plugin);
const D = '2026-09-01';
const us = (item: PluginCase['request']['item'], to: string, date = D): PluginCase['request'] => ({ item, from: 'US', to, date });
/** A licence finding of the chart step; which footnote it names is checked below. */
const CHART_LICENCE = [{ measure: M.chart, requirement: 'license_required' as const }];

// Supp. No. 1 to Part 738, footnote 10 (Australia, United Kingdom): "A license is required to these destinations for
// items in the following ECCNs: 0A501 (except for 0A501.y), 0A502 for shotguns with a barrel length less than 18 inches …"
t.run('Country Chart footnote 10: firearms to Australia and the United Kingdom', [
  { name: '0A501.a to the UK needs a licence although the row has no NS1/RS1/FC1 X', request: us({ eccn: '0A501.a' }, 'GB'), verdict: 'license_required', findings: CHART_LICENCE },
  { name: '0A501.y.1 is excepted', request: us({ eccn: '0A501.y.1' }, 'GB'), verdict: 'no_license_required' },
  { name: '0A501 without a paragraph: asks which', request: us({ eccn: '0A501' }, 'AU'), verdict: 'needs_information', questions: ['item.eccn'] },
  { name: '0A502: asks whether the barrel is under 18 inches', request: us({ eccn: '0A502' }, 'AU'), verdict: 'needs_information', questions: ['ear.chartFootnoteApplies'] },
  { name: '0A502 with a barrel under 18 inches', request: us({ eccn: '0A502', parameters: { 'ear.chartFootnoteApplies': 1 } }, 'AU'), verdict: 'license_required', findings: CHART_LICENCE },
  { name: '0A502 with a longer barrel', request: us({ eccn: '0A502', parameters: { 'ear.chartFootnoteApplies': 0 } }, 'AU'), verdict: 'no_license_required' },
]);

// Footnote 7 (India): "a license is still required for items controlled under ECCNs 6A003.b.4.b and 9A515.e for RS column 2 reasons".
t.run('Country Chart footnote 7: RS2 items to India', [
  { name: '9A515.e to India needs a licence for RS2 reasons', request: us({ eccn: '9A515.e' }, 'IN'), verdict: 'license_required', findings: CHART_LICENCE },
]);

// Footnote 5: "Refer to Switzerland for licensing requirements for Liechtenstein under the EAR."
describe('Country Chart footnote 5: Liechtenstein reads Switzerland', () => {
  it('takes the Swiss row', () => expect(chartRow('LI', D)!.row).toBe('CH'));
});

describe('every footnote on a chart row has a rule', () => {
  it('maps all footnote numbers the rows carry', () => {
    const used = new Set(Object.values(chartFile.destinations).flatMap((r) => r.footnotes));
    for (const n of used) expect(footnoteRule(n), `footnote ${n}`).toBeDefined();
  });
  it('footnote 8 on the Pakistan row repeats footnote 9 (Crimea): no warning, and 1B999 still needs a licence for Pakistan (§ 742.6(a)(12))', () => {
    const r = t.engine.assess(us({ eccn: '1B999.a' }, 'PK'));
    expect(r.warnings.filter((w) => w.code === 'chart_footnote')).toEqual([]);
    expect(r.verdict).toBe('license_required');
  });
});

describe('footnote findings name their footnote', () => {
  const reasons = (request: PluginCase['request']) => t.engine.assess(request).jurisdictions.find((j) => j.jurisdiction === 'US')!.findings.map((f) => f.reason);
  it('footnote 10 for 0A501.a to the UK', () => expect(reasons(us({ eccn: '0A501.a' }, 'GB')).some((r) => /footnote 10\b/.test(r))).toBe(true));
  it('footnote 7 for 9A515.e to India', () => expect(reasons(us({ eccn: '9A515.e' }, 'IN')).some((r) => /footnote 7\b/.test(r))).toBe(true));
  it('no footnote 10 finding before the AUKUS rule (2024-04-19)', () => expect(reasons(us({ eccn: '0A501.a' }, 'GB', '2024-04-01')).some((r) => /footnote 10\b/.test(r))).toBe(false));
});

// Footnote 1 → § 746.1(b)(2)–(4): "A license is required to export or reexport items identified in part 774 as having a
// 'UN' reason for control to" the Central African Republic, the DR Congo, Eritrea, Iran, Iraq, Lebanon, Libya, North
// Korea, Somalia and Sudan; "You may not use any License Exception, other than License Exception GOV …".
t.run('Country Chart footnote 1: UN arms embargoes (§ 746.1(b))', [
  { name: '9A991.a (AT1 and UN) to Lebanon: no chart X, but the UN reason needs a licence', request: us({ eccn: '9A991.a' }, 'LB'), verdict: 'license_required', findings: [{ measure: M.unArmsEmbargo, requirement: 'license_required' }], noWarnings: ['chart_footnote'] },
  { name: '9A991.a to the Central African Republic (listed in § 746.1(b)(2))', request: us({ eccn: '9A991.a' }, 'CF'), verdict: 'license_required', findings: [{ measure: M.unArmsEmbargo }] },
  { name: '9A991.a to Kenya: no UN embargo, no chart X', request: us({ eccn: '9A991.a' }, 'KE'), verdict: 'no_license_required' },
  { name: '1A008 (NS2, UN) to Kenya at $100: LVS', request: us({ eccn: '1A008.a', valueUsd: 100 }, 'KE'), verdict: 'authorization_available', authorizations: ['LVS'] },
  { name: '1A008 to Somalia at $100: the UN reason leaves only GOV, so no LVS', request: us({ eccn: '1A008.a', valueUsd: 100 }, 'SO'), verdict: 'license_required', authorizations: [] },
  { name: '1A008 to Somalia as a one-for-one replacement part: RPL is not GOV, so it is withdrawn', request: us({ eccn: '1A008.a', parameters: { 'ear.replacementPart': 1 } }, 'SO'), verdict: 'license_required', authorizations: [], warnings: ['no_licence_exceptions'] },
  { name: '1A008 to Somalia for a US Government agency: GOV stays', request: us({ eccn: '1A008.a', parameters: { 'ear.usGovernmentConsignee': 1 } }, 'SO'), verdict: 'authorization_available', authorizations: ['GOV'] },
]);

// Footnote 1 → § 746.3 (Iraq): "(a)(1) A license is required … of any item controlled on the Commerce Control List for
// NS, MT, NP, CW, CB, RS, CC, EI, SI, or SL reasons"; "(a)(4) … any item subject to the EAR if … the item will be … used
// for a 'military end-use' or by a 'military end-user'" unless for the Government of Iraq or US Government agencies.
t.run('Country Chart footnote 1: Iraq (§ 746.3)', [
  { name: '6C002.a (NS2) to Iraq: licence under the chart and § 746.3(a)(1)', request: us({ eccn: '6C002.a' }, 'IQ'), verdict: 'license_required', findings: [{ measure: M.iraq }, { measure: M.chart }] },
  { name: '4A994 (AT only) to Iraq: AT is not among the § 746.3(a)(1) reasons and the row has no AT X', request: us({ eccn: '4A994' }, 'IQ'), verdict: 'no_license_required', noFindings: [{ measure: M.iraq }] },
  { name: 'EAR99 to Iraq with no military end use: no entry lists it, not_controlled', request: us({ eccn: 'EAR99' }, 'IQ', '2026-09-01'), verdict: 'not_controlled' },
  { name: 'EAR99 for a military end use, end user not stated: asks', request: { ...us({ eccn: 'EAR99' }, 'IQ'), endUse: 'military' }, verdict: 'needs_information', questions: ['ear.iraqGovernmentEndUser'] },
  { name: 'EAR99 for a militia (not the Government of Iraq): licence, policy of denial', request: { ...us({ eccn: 'EAR99', parameters: { 'ear.iraqGovernmentEndUser': 0 } }, 'IQ'), endUse: 'military' }, verdict: 'license_required', licensePolicy: 'presumption_of_denial', findings: [{ measure: M.iraq }] },
  { name: 'EAR99 for the Iraqi armed forces: no § 746.3(a)(4) licence', request: { ...us({ eccn: 'EAR99', parameters: { 'ear.iraqGovernmentEndUser': 1 } }, 'IQ'), endUse: 'military' }, verdict: 'not_controlled' },
]);
