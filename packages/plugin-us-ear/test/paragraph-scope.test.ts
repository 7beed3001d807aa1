import { PluginTester, type PluginCase } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { cclEntry, isTechnologyScope, scopeFit, technologyFor, wholeParagraphs } from '../src/ccl.js';
import { M } from '../src/measures.js';

const t = new PluginTester(plugin);
const D = '2026-09-01';
const us = (item: PluginCase['request']['item'], to: string, extra: Partial<PluginCase['request']> = {}): PluginCase['request'] => ({ item, from: 'US', to, date: D, ...extra });

// A reason for control that the ECCN limits to some paragraphs (e.g. 3B001: "NS applies to 3B001.c.1.a, c.1.c and q"
// worldwide under § 742.4(a)(5)) decides nothing for a code given above those paragraphs: the paragraph is asked,
// unless the limited reasons that reach the destination together cover every paragraph of the entry.
t.run('reasons limited to some paragraphs, for a code given above them', [
  { name: '3B001.c to Japan: only c.1.a and c.1.c need a licence worldwide, so the paragraph is asked', request: us({ eccn: '3B001.c' }, 'JP'), verdict: 'needs_information', questions: ['item.eccn'], noFindings: [{ measure: M.special }] },
  { name: '3B001.c.1.a to Japan: licence (§ 742.4(a)(5), § 742.6(a)(10))', request: us({ eccn: '3B001.c.1.a' }, 'JP'), verdict: 'license_required', findings: [{ measure: M.special, code: '3B001.c.1.a' }] },
  { name: '3B001.c.2 to Japan: no licence', request: us({ eccn: '3B001.c.2' }, 'JP'), verdict: 'no_license_required' },
  { name: '3A090 to China: .a, .b and .c each need a licence for China, so together they cover the entry', request: us({ eccn: '3A090' }, 'CN'), verdict: 'license_required', findings: [{ measure: M.special, code: '3A090' }] },
  { name: '0A501 to Germany: NS1/RS1/FC1 cover "all except 0A501.y", so the paragraph is asked', request: us({ eccn: '0A501' }, 'DE'), verdict: 'needs_information', questions: ['item.eccn'], noFindings: [{ measure: M.chart }] },
  { name: '5D002 to China: NS1 covers the whole entry (licence); EI and RS do not, so ENC waits for the paragraph', request: us({ eccn: '5D002' }, 'CN', { transfer: 'software' }), verdict: 'license_required', questions: ['item.eccn'], findings: [{ measure: M.chart, code: '5D002' }], noFindings: [{ measure: M.special }] },
  { name: '5D002.c.1 to China: EI applies, ENC is offered', request: us({ eccn: '5D002.c.1' }, 'CN', { transfer: 'software' }), verdict: 'authorization_available', authorizations: ['ENC'] },
]);

describe('scope reading', () => {
  it('tells a code broader than readable paragraphs from an unreadable scope', () => {
    expect(scopeFit('3B001', '3B001.a.4, c, d to Macau or D:5')).toBe('broader');
    expect(scopeFit('3B001.c', '3B001.c.1.a, c.1.c, q worldwide (742.4(a)(5))')).toBe('broader');
    expect(scopeFit('0A501', 'all except 0A501.y')).toBe('broader');
    expect(scopeFit('1C011.a', '1C011.a and .b meeting 1C111')).not.toBe('broader');
  });
  it('reads a paragraph list followed by a nested citation (746.1(b))', () => {
    expect(scopeFit('6A003.b.4.a', '6A003.b.3 and b.4 (746.1(b))')).toBe('yes');
    expect(scopeFit('6A002.c', '6A002.a.1, a.2, a.3, c (746.1(b))')).toBe('yes');
    expect(scopeFit('9A610.y.1', 'entire entry except .y (746.1(b))')).toBe('no');
    expect(scopeFit('9A610.a', 'entire entry except .y (746.1(b))')).toBe('yes');
  });
  it('names the top-level paragraphs a scope covers whole', () => {
    const e = cclEntry('3A090')!;
    expect(wholeParagraphs(e, '3A090.c to Macau or D:5 (742.6(a)(6)(i)(B))')).toEqual(['c']);
    expect(wholeParagraphs(cclEntry('0A501')!, 'all except 0A501.y')).toEqual(['a', 'b', 'c', 'd', 'e', 'x']);
    expect(wholeParagraphs(cclEntry('3B001')!, '3B001.c.1.a, c.1.c, q worldwide (742.4(a)(5))')).toEqual(['q']);
  });
});

// § 746.1(b): the UN reason of 600-series entries reaches every paragraph except .y; a .y item to a UN arms-embargoed
// country needs no UN licence (its .y licence comes from § 742.6(a)(7) for China, Russia and Venezuela only).
t.run('UN arms embargo scopes with nested citations', [
  { name: '6A003.b.4.a to Somalia: the UN licence of § 746.1(b) applies', request: us({ eccn: '6A003.b.4.a' }, 'SO'), verdict: 'license_required', findings: [{ measure: M.unArmsEmbargo, code: '6A003.b.4.a' }] },
  { name: '9A610.y.1 to Somalia: no UN licence for .y', request: us({ eccn: '9A610.y.1' }, 'SO'), verdict: 'no_license_required', noFindings: [{ measure: M.unArmsEmbargo }] },
]);

// A reason whose scope is a condition on the item in words (9A012: MT "UAVs with a range of 300 km or more, or meeting
// 9A120") is a fact to ask, not a licence to charge: a short-range civil UAV needs no MT licence to Japan.
t.run('reasons limited by a condition in words', [
  { name: '9A012.a.1 to Japan: MT1 only for 300 km UAVs, so the fact is asked', request: us({ eccn: '9A012.a.1' }, 'JP'), verdict: 'needs_information', questions: ['ear.mtScopeMet'], noFindings: [{ measure: M.chart }] },
  { name: 'the same UAV with a 300 km range: MT1 licence', request: us({ eccn: '9A012.a.1', parameters: { 'ear.mtScopeMet': 1 } }, 'JP'), verdict: 'license_required', findings: [{ measure: M.chart, code: '9A012.a.1' }] },
  { name: 'the same UAV with a shorter range: no licence', request: us({ eccn: '9A012.a.1', parameters: { 'ear.mtScopeMet': 0 } }, 'JP'), verdict: 'no_license_required', noFindings: [{ measure: M.chart }] },
  { name: '9A012.a.2 to Japan: NS1 covers it whole, so a licence is certain and the MT fact is still asked', request: us({ eccn: '9A012.a.2' }, 'JP'), verdict: 'license_required', questions: ['ear.mtScopeMet'], findings: [{ measure: M.chart, code: '9A012.a.2' }] },
]);

// Software and technology entries scope their reasons by the item the software or technology is for. 1E001 (eCFR
// 2026-09-24): "NS applies to 'technology' for items controlled by 1A002, 1A003, 1A005, 1A006.b, 1A007, 1B001 to 1B003,
// 1B018, 1C001 to 1C011, or 1C018" (NS1); "… 1A004" (NS2); "MT applies to 'technology' for items controlled by 1A101,
// 1B001, … 1C118 for MT reasons"; "NP applies to 'technology' for items controlled by 1A002, … 1C225 to 1C237, or 1C239 to
// 1C241 for NP reasons". Technology for 1C226 tungsten cylinders is NP only; Japan has no X in NP1, China has.
const cylinder = { 'fraction.W': 0.95, formHollowCylinder: 1, innerDiameterMm: 150, massKg: 30 };
const notFor = { 'ear.nsScopeMet': 0, 'ear.mtScopeMet': 0, 'ear.cbScopeMet': 0, 'ear.rsScopeMet': 0 };
t.run('technology and software scoped by the item they are for', [
  { name: '1E001 bare to Japan: which item it is for is asked, no reason charged', request: us({ eccn: '1E001' }, 'JP', { transfer: 'technology' }), verdict: 'needs_information', questions: ['ear.nsScopeMet', 'ear.mtScopeMet'], noQuestions: ['ear.npScopeMet'], noFindings: [{ measure: M.chart }] },
  { name: '1E001 for 1C226 tungsten cylinders (by taxonomy) to Japan: NP1 only, no X for Japan: no licence', request: us({ eccn: '1E001', id: 'tungsten/alloy', parameters: cylinder }, 'JP', { transfer: 'technology' }), verdict: 'no_license_required', noQuestions: ['ear.nsScopeMet', 'ear.mtScopeMet', 'ear.npScopeMet'], noFindings: [{ measure: M.chart }] },
  { name: '1E001 for 1C226 tungsten cylinders (by taxonomy) to China: NP1 licence, nothing asked of the scopes', request: us({ eccn: '1E001', id: 'tungsten/alloy', parameters: cylinder }, 'CN', { transfer: 'technology' }), verdict: 'license_required', noQuestions: ['ear.nsScopeMet', 'ear.mtScopeMet', 'ear.npScopeMet'], findings: [{ measure: M.chart, code: '1E001' }] },
  { name: '1E001 for an NP item, answered by the scope facts, to Japan: no licence', request: us({ eccn: '1E001', parameters: { ...notFor, 'ear.npScopeMet': 1 } }, 'JP', { transfer: 'technology' }), verdict: 'no_license_required', noFindings: [{ measure: M.chart }] },
  { name: '1E001 for an NP item, answered by the scope facts, to China: licence', request: us({ eccn: '1E001', parameters: { ...notFor, 'ear.npScopeMet': 1 } }, 'CN', { transfer: 'technology' }), verdict: 'license_required', findings: [{ measure: M.chart, code: '1E001' }] },
  { name: '1E001 for an NS item to Japan: NS1 licence required, which a licence exception may serve', request: us({ eccn: '1E001', parameters: { ...notFor, 'ear.nsScopeMet': 1 } }, 'JP', { transfer: 'technology' }), verdict: 'authorization_available', findings: [{ measure: M.chart, code: '1E001' }] },
  { name: '3E001 for 3C005.a SiC substrates (by taxonomy) to China: NS1 licence (3C001 to 3C006), nothing asked of the scopes', request: us({ eccn: '3E001', id: 'silicon/carbide', parameters: { resistivityOhmCm: 20000 } }, 'CN', { transfer: 'technology' }), verdict: 'license_required', noQuestions: ['ear.nsScopeMet', 'ear.mtScopeMet', 'ear.npScopeMet', 'ear.rsScopeMet'], findings: [{ measure: M.chart, code: '3E001' }] },
  { name: '3E001 bare to China: the scopes are asked, not charged', request: us({ eccn: '3E001' }, 'CN', { transfer: 'technology' }), verdict: 'needs_information', questions: ['ear.nsScopeMet', 'ear.rsScopeMet'], noFindings: [{ measure: M.chart, code: '3E001' }] },
]);

describe('technology scopes read against the item they are for', () => {
  const scope = (eccn: string, column: string) => cclEntry(eccn)!.reasons.find((r) => (r.column ?? r.reason) === column)!.scope!;
  it('lists, ranges and "<reason>-controlled" items', () => {
    expect(isTechnologyScope('1E001', scope('1E001', 'NS1'))).toBe(true);
    expect(isTechnologyScope('1E002', scope('1E002', 'NS1'))).toBe(false);
    expect(technologyFor('1E001', scope('1E001', 'NP1'), '1C226')).toBe('yes');
    expect(technologyFor('1E001', scope('1E001', 'NS1'), '1C226')).toBe('no');
    expect(technologyFor('1E001', scope('1E001', 'MT1'), '1C226')).toBe('no');
    expect(technologyFor('1E001', scope('1E001', 'NS1'), '1C010')).toBe('yes');
    expect(technologyFor('1E001', scope('1E001', 'NS1'), '1A006')).toBe('maybe');
    expect(technologyFor('1E001', scope('1E001', 'NS1'), '1A006.b.1')).toBe('yes');
    expect(technologyFor('1E001', scope('1E001', 'NS2'), '1A004')).toBe('yes');
    expect(technologyFor('3E001', scope('3E001', 'NS1'), '3C005.a')).toBe('yes');
    expect(technologyFor('3E001', scope('3E001', 'NS1'), '3B002')).toBe('maybe');
    expect(technologyFor('3E001', scope('3E001', 'RS2'), '3C005')).toBe('no');
    expect(technologyFor('3E001', scope('3E001', 'MT1'), '3C005')).toBe('no');
    // An item of another category is not read against the entry.
    expect(technologyFor('1E001', scope('1E001', 'NP1'), '3C005')).toBe('maybe');
  });
});

// A reason the ECCN gives for named paragraphs only when the item also meets a condition. 1C011 (eCFR 2026-09-24):
// "MT applies to 1C011.a and .b for items that meet or exceed the parameters in 1C111" — naming the paragraph does not
// settle MT; the condition is a fact about the item (ear.mtScopeMet), as for a scope written wholly in words.
t.run('reasons limited to named paragraphs that meet a condition', [
  { name: '1C011.a to India (MT1 X, no NS2 X): whether it meets 1C111 is asked, not charged', request: us({ eccn: '1C011.a' }, 'IN'), verdict: 'needs_information', questions: ['ear.mtScopeMet'], noFindings: [{ measure: M.chart }] },
  { name: '1C011.a meeting the 1C111 parameters, to India: MT1 licence', request: us({ eccn: '1C011.a', parameters: { 'ear.mtScopeMet': 1 } }, 'IN'), verdict: 'license_required', findings: [{ measure: M.chart, code: '1C011.a' }] },
  { name: '1C011.a below the 1C111 parameters, to India: no licence', request: us({ eccn: '1C011.a', parameters: { 'ear.mtScopeMet': 0 } }, 'IN'), verdict: 'no_license_required', noFindings: [{ measure: M.chart }] },
  { name: '1C011.c (guanidine nitrate) to India: MT covers only .a and .b, NS2 has no X: no licence, nothing asked', request: us({ eccn: '1C011.c' }, 'IN'), verdict: 'no_license_required', noQuestions: ['ear.mtScopeMet', 'item.eccn'] },
  { name: '1C011.a to China: NS2 licence whatever the MT fact', request: us({ eccn: '1C011.a', parameters: { 'ear.mtScopeMet': 0 } }, 'CN'), verdict: 'license_required', findings: [{ measure: M.chart, code: '1C011.a' }] },
  { name: '1C011 to India: MT covers only .a and .b, so the paragraph is asked', request: us({ eccn: '1C011' }, 'IN'), verdict: 'needs_information', questions: ['item.eccn'] },
]);

describe('scope phrases that name paragraphs with a condition', () => {
  it('reads the condition as a fact for the named paragraphs and leaves other paragraphs out', () => {
    const scope = '1C010.a, .b and .e.1 materials meeting 1C210 criteria';
    expect(scopeFit('1C010.a', scope)).toBe('maybe');
    expect(scopeFit('1C010.e.1', scope)).toBe('maybe');
    expect(scopeFit('1C010.c', scope)).toBe('no');
    expect(wholeParagraphs(cclEntry('1C010')!, scope)).toEqual([]);
  });
  it('keeps words that only name the paragraph as a description', () => {
    expect(scopeFit('1C111.a.3.f', '1C111.a.3.f chlorine trifluoride only')).toBe('yes');
    expect(scopeFit('9A991.a', '9A991.a demilitarized military aircraft (746.1(b))')).toBe('yes');
    expect(scopeFit('1C351.d.16', '1C351.d.15 ricin and .d.16 saxitoxin')).toBe('yes');
  });
  it('names 1C010.b too (the scope lists .a, .b and .e.1), which a reading by first letters left out', () => {
    expect(scopeFit('1C010.b', '1C010.a, .b and .e.1 materials meeting 1C210 criteria')).toBe('maybe');
  });
  it('does not read paragraphs listed after another ECCN as the entry\'s own', () => {
    expect(scopeFit('9E515.e', 'technology for MT-controlled 9A515.d, .e.2, .h and 9B515.a')).toBe('maybe');
    expect(scopeFit('9E515.a', 'technology for MT-controlled 9A515.d, .e.2, .h and 9B515.a')).toBe('maybe');
  });
  it('a condition around one paragraph holds for that one only', () => {
    const scope = '9A610.t-.w and UAVs/RPVs in .a with range >=300 km';
    expect(scopeFit('9A610.t', scope)).toBe('yes');
    expect(scopeFit('9A610.a', scope)).toBe('maybe');
    expect(scopeFit('9A610.b', scope)).toBe('no');
    expect(scopeFit('1A007.b', '.b, and .a firing sets meeting 3A229 parameters')).toBe('yes');
    expect(scopeFit('1A007.a', '.b, and .a firing sets meeting 3A229 parameters')).toBe('maybe');
  });
});

// Entries changed by a dated rule (9A012 by the civil UAV rule of 2026-01-20): an earlier answer says the text differs.
describe('entries changed after the request date', () => {
  const snapshot = (date: string) => t.engine.assess(us({ eccn: '9A012.a.1', parameters: { 'ear.mtScopeMet': 0 } }, 'JP', { date })).warnings.some((w) => w.code === 'data_snapshot' && /2026-01059/.test(w.message));
  it('warns the day before the UAV rule', () => expect(snapshot('2026-01-19')).toBe(true));
  it('does not name the UAV rule from its first day', () => expect(snapshot('2026-01-20')).toBe(false));
});
