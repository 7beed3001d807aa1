import type { AssessmentRequest } from '@chokepoint/core';
import { PluginTester } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { ANNEX_IV_PARTIAL, ANNEX_IV_PART_PARAM, annexIVCodes } from '../src/annex-i.js';
import { SECTION_I_CODES, UNION_GENERAL_AUTHORISATIONS, annexIVPartNotCovered } from '../src/ugeas.js';

// Regulation (EU) 2021/821, Annex IV (as replaced by 2022/1) lists some Annex I entries only in part: 0C002 only
// separated plutonium and uranium enriched above 20 %, 0C003 only for use in a nuclear reactor, 1E001 only technology
// for 1C012.b, 1E201 only technology for the use of 1C239, 1B226, 1B231, 1B233, 1C233 or 1C235, and so on
// (annex-iv.json, narrowerThanAnnexI). Annex II Section I excludes "all items in Annex IV" (and its own short list,
// 0C001, 0C002, 0D001, 0E001 among them) from EU001, EU003, EU004 and EU007: for a code only partly in Annex IV it
// takes out only that part.
const t = new PluginTester(plugin);
const D = '2026-06-01';
const P = ANNEX_IV_PART_PARAM;
/** Regulation 2021/821, whose Annex IV entries carry the transfer authorisation. */
const R = 'eu-reg-2021-821';
const req = (item: AssessmentRequest['item'], to: string, extra: Partial<AssessmentRequest> = {}): AssessmentRequest => ({ item, from: 'DE', to, date: D, ...extra });
const tech = { transfer: 'technology' as const };
const eu = (r: AssessmentRequest) => t.engine.assess(r).jurisdictions[0]!;

t.run('intra-EU transfers of codes only partly in Annex IV (Art. 11)', [
  { name: '0C002 DE→FR, the part not stated: asked, no finding', request: req({ euCode: '0C002' }, 'FR'), verdict: 'needs_information', questions: [P], noFindings: [{ measure: R, entry: 'annex-iv-0c002' }] },
  { name: '0C002 within the part (separated Pu, HEU > 20 %): a transfer authorisation', request: req({ euCode: '0C002', parameters: { [P]: 1 } }, 'FR'), verdict: 'license_required', noQuestions: [P],
    findings: [{ measure: 'eu-reg-2021-821', entry: 'annex-iv-0c002', status: 'in_force', requirement: 'license_required' }] },
  { name: '0C002 outside the part: moves freely', request: req({ euCode: '0C002', parameters: { [P]: 0 } }, 'FR'), verdict: 'no_license_required', noQuestions: [P], noFindings: [{ measure: R, entry: 'annex-iv-0c002' }] },
  { name: '0C003 DE→FR for a civil use, the part not stated: asked', request: req({ euCode: '0C003' }, 'FR', { endUse: 'civil' }), verdict: 'needs_information', questions: [P], noFindings: [{ measure: R, entry: 'annex-iv-0c003' }] },
  { name: '0C003 for use in a nuclear reactor: a transfer authorisation', request: req({ euCode: '0C003', parameters: { [P]: 1 } }, 'FR', { endUse: 'civil' }), verdict: 'license_required', findings: [{ measure: R, entry: 'annex-iv-0c003', status: 'in_force' }] },
  { name: '0C003 not for a reactor: moves freely', request: req({ euCode: '0C003', parameters: { [P]: 0 } }, 'FR', { endUse: 'civil' }), verdict: 'no_license_required', noFindings: [{ measure: R, entry: 'annex-iv-0c003' }] },
  { name: '1E001 technology DE→FR, the part not stated: asked', request: req({ euCode: '1E001' }, 'FR', tech), verdict: 'needs_information', questions: [P], noFindings: [{ measure: R, entry: 'annex-iv-1e001' }] },
  { name: '1E001 technology for 1C012.b: a transfer authorisation', request: req({ euCode: '1E001', parameters: { [P]: 1 } }, 'FR', tech), verdict: 'license_required', findings: [{ measure: R, entry: 'annex-iv-1e001', status: 'in_force', requirement: 'license_required' }] },
  { name: '1E001 technology for anything else: moves freely', request: req({ euCode: '1E001', parameters: { [P]: 0 } }, 'FR', tech), verdict: 'no_license_required', noFindings: [{ measure: R, entry: 'annex-iv-1e001' }] },
  { name: '1E201 technology DE→FR, the part not stated: asked', request: req({ euCode: '1E201' }, 'FR', tech), verdict: 'needs_information', questions: [P], noFindings: [{ measure: R, entry: 'annex-iv-1e201' }] },
  { name: '1E201 technology for the use of the listed items: a transfer authorisation', request: req({ euCode: '1E201', parameters: { [P]: 1 } }, 'FR', tech), verdict: 'license_required', findings: [{ measure: R, entry: 'annex-iv-1e201', status: 'in_force' }] },
  { name: '1E201 technology for other items: moves freely', request: req({ euCode: '1E201', parameters: { [P]: 0 } }, 'FR', tech), verdict: 'no_license_required', noFindings: [{ measure: R, entry: 'annex-iv-1e201' }] },
  { name: 'a sub-item of a partial code (5D002.a.3) is asked too', request: req({ euCode: '5D002.a.3' }, 'FR', { transfer: 'software' }), verdict: 'needs_information', questions: [P] },
  { name: 'a code wholly in Annex IV (1C239) is not asked: a transfer authorisation', request: req({ euCode: '1C239' }, 'FR'), verdict: 'license_required', noQuestions: [P], findings: [{ measure: R, entry: 'annex-iv-1c239', status: 'in_force' }] },
  { name: 'a code wholly in Annex IV (0B001) is not asked', request: req({ euCode: '0B001' }, 'FR'), verdict: 'license_required', noQuestions: [P], findings: [{ measure: R, entry: 'annex-iv-0b001' }] },
  { name: 'the part is not asked on an export out of the Union (1E001 to China)', request: req({ euCode: '1E001' }, 'CN', { ...tech, endUse: 'civil' }), verdict: 'license_required', noQuestions: [P], noFindings: [{ measure: R, entry: 'annex-iv-1e001' }] },
]);

describe('the question names the code and the part', () => {
  const prompt = (r: AssessmentRequest) => t.engine.assess(r).questions.find((q) => q.parameter === P)?.prompt;
  it('0C002', () => {
    expect(prompt(req({ euCode: '0C002' }, 'FR'))).toBe('Annex IV of Regulation 2021/821 lists 0C002 only in part: only separated plutonium and uranium enriched above 20 % in U-235 or U-233. Is the item within that part (1 = yes, 0 = no)? If it is, transferring it to another member state needs a transfer authorisation (Art. 11); the rest of 0C002 moves freely within the Union.');
  });
  it('0C003, 1E001 and 1E201', () => {
    expect(prompt(req({ euCode: '0C003' }, 'FR', { endUse: 'civil' }))).toMatch(/lists 0C003 only in part: only for use in a nuclear reactor\./);
    expect(prompt(req({ euCode: '1E001' }, 'FR', tech))).toMatch(/lists 1E001 only in part: only technology for 1C012\.b\./);
    expect(prompt(req({ euCode: '1E201' }, 'FR', tech))).toMatch(/lists 1E201 only in part: only technology for the use of 1C239, 1B226, 1B231, 1B233, 1C233 or 1C235\./);
  });
  it('every partial code in Annex IV gets a condition and its own prompt; no whole code does', () => {
    const entries = plugin.entries.filter((e) => e.id.startsWith('annex-iv-'));
    const { partI, partII } = annexIVCodes();
    expect(entries).toHaveLength(new Set([...partI, ...partII]).size);
    for (const e of entries) {
      const part = ANNEX_IV_PARTIAL[e.code!];
      if (part === undefined) {
        expect(e.conditions, e.code).toBeUndefined();
        continue;
      }
      expect(e.conditions, e.code).toEqual({ param: P, op: '==', value: 1 });
      expect(e.prompts?.[P], e.code).toContain(`lists ${e.code} only in part: ${part}.`);
    }
  });
});

t.run('Union general authorisations for codes only partly in Annex IV (Annex II Section I)', [
  { name: '1E001 technology to the US, civil: EU001 for the part outside Annex IV', request: req({ euCode: '1E001' }, 'US', { ...tech, endUse: 'civil' }), verdict: 'authorization_available', authorizations: ['EU001'] },
  { name: '1E201 technology to the US, civil: EU001', request: req({ euCode: '1E201' }, 'US', { ...tech, endUse: 'civil' }), verdict: 'authorization_available', authorizations: ['EU001'] },
  { name: '1E001 stated outside the Annex IV part: EU001', request: req({ euCode: '1E001', parameters: { [P]: 0 } }, 'US', { ...tech, endUse: 'civil' }), verdict: 'authorization_available', authorizations: ['EU001'] },
  { name: '1E001 stated within the Annex IV part (technology for 1C012.b): no EU001, an individual licence', request: req({ euCode: '1E001', parameters: { [P]: 1 } }, 'US', { ...tech, endUse: 'civil' }), verdict: 'license_required', authorizations: [] },
  { name: '0C003 to the US: EU001 (only the reactor part is in Annex IV)', request: req({ euCode: '0C003' }, 'US', { endUse: 'civil' }), verdict: 'authorization_available', authorizations: ['EU001'] },
  { name: '0C002 to the US: excluded whole by Section I\'s own list, no EU001', request: req({ euCode: '0C002' }, 'US', { endUse: 'civil' }), verdict: 'license_required', authorizations: [] },
  { name: '0C002 stated outside the Annex IV part: still excluded whole by Section I', request: req({ euCode: '0C002', parameters: { [P]: 0 } }, 'US', { endUse: 'civil' }), verdict: 'license_required', authorizations: [] },
  { name: '0E001 to the US: excluded whole by Section I\'s own list', request: req({ euCode: '0E001' }, 'US', { ...tech, endUse: 'civil' }), verdict: 'license_required', authorizations: [] },
  { name: '1C239 (wholly in Annex IV Part I) to the US: no EU001', request: req({ euCode: '1C239' }, 'US', { endUse: 'civil' }), verdict: 'license_required', authorizations: [] },
  { name: '1E101 technology (wholly in Annex IV Part I) to the US: no EU001', request: req({ euCode: '1E101' }, 'US', { ...tech, endUse: 'civil' }), verdict: 'license_required', authorizations: [] },
  { name: '1E001 for a WMD end use: no EU001 either way', request: req({ euCode: '1E001' }, 'US', { ...tech, endUse: 'wmd' }), verdict: 'license_required', authorizations: [] },
]);

describe('no Section I authorisation where Section I excludes the item', () => {
  const ids = (r: AssessmentRequest) => eu(r).authorizations.map((a) => a.id);
  const civil = { endUse: 'civil' as const };
  it('1E001 stated within the Annex IV part', () => {
    expect(ids(req({ euCode: '1E001', parameters: { [P]: 1 } }, 'US', { ...tech, ...civil }))).not.toContain('EU001');
  });
  it('0C002 and 0E001, excluded whole by Section I\'s own list, whatever the part', () => {
    expect(ids(req({ euCode: '0C002' }, 'US', civil))).not.toContain('EU001');
    expect(ids(req({ euCode: '0C002', parameters: { [P]: 0 } }, 'US', civil))).not.toContain('EU001');
    expect(ids(req({ euCode: '0E001' }, 'US', { ...tech, ...civil }))).not.toContain('EU001');
  });
  it('codes wholly in Annex IV: 1C239 goods, 1E101 technology', () => {
    expect(ids(req({ euCode: '1C239' }, 'US', civil))).not.toContain('EU001');
    expect(ids(req({ euCode: '1E101' }, 'US', { ...tech, ...civil }))).not.toContain('EU001');
  });
  it('a WMD end use', () => {
    expect(ids(req({ euCode: '1E001' }, 'US', { ...tech, endUse: 'wmd' }))).not.toContain('EU001');
  });
});

describe('the answer says the authorisation cannot cover the Annex IV part', () => {
  const eu001 = (r: AssessmentRequest) => eu(r).authorizations.find((a) => a.id === 'EU001');
  it('1E001 to the US: the first condition of EU001 names the part', () => {
    const a = eu001(req({ euCode: '1E001' }, 'US', { ...tech, endUse: 'civil' }))!;
    expect(a.conditions[0]).toBe(`Not for the part of 1E001 that Annex IV lists (only technology for 1C012.b): Annex II Section I excludes every Annex IV item, so an item within that part needs an individual or global authorisation (${P} = 1 says it is; 0 that it is not).`);
    expect(a.conditions.slice(1)).toEqual(UNION_GENERAL_AUTHORISATIONS.find((u) => u.id === 'EU001')!.conditions);
  });
  it('1E201 to the US: the condition names the listed items', () => {
    expect(eu001(req({ euCode: '1E201' }, 'US', { ...tech, endUse: 'civil' }))!.conditions[0]).toMatch(/^Not for the part of 1E201 that Annex IV lists \(only technology for the use of 1C239, 1B226, 1B231, 1B233, 1C233 or 1C235\)/);
  });
  it('no caveat once the item is stated outside the part, nor for a code outside Annex IV', () => {
    expect(eu001(req({ euCode: '1E001', parameters: { [P]: 0 } }, 'US', { ...tech, endUse: 'civil' }))!.conditions).toEqual(UNION_GENERAL_AUTHORISATIONS.find((u) => u.id === 'EU001')!.conditions);
    expect(eu001(req({ euCode: '3C005.a' }, 'US', { endUse: 'civil' }))!.conditions[0]).not.toMatch(/Annex IV/);
  });
  it('a sub-item of a partial code (5D002.a.3) gets the caveat of 5D002.a', () => {
    expect(eu001(req({ euCode: '5D002.a.3' }, 'US', { transfer: 'software', endUse: 'civil' }))!.conditions[0]).toMatch(/^Not for the part of 5D002\.a that Annex IV lists/);
  });
  it('EU003 and EU004, named as conditional routes for 7B001 to China, carry the caveat once', () => {
    const w = t.engine.assess(req({ euCode: '7B001' }, 'CN', { endUse: 'civil' })).warnings.find((x) => x.code === 'general_authorisation_conditional')!;
    expect(w.message).toMatch(/EU003.*EU004/);
    expect(w.message.match(/Not for the part of 7B001 that Annex IV lists \(only for 7A117 equipment\)/g)).toHaveLength(1);
  });
});

describe('Section I: codes wholly in Annex IV and its own list, not the partial codes', () => {
  it('keeps the file\'s own list whole (0C001, 0C002, 0D001, 0E001) and every code wholly in Annex IV', () => {
    expect(SECTION_I_CODES).toEqual(expect.arrayContaining(['0C001', '0C002', '0D001', '0E001', '1C239', '1C001', '0B001', '7A117', '5A004.a', '1C012.b', '1C351.d.4']));
  });
  it('leaves out the codes only partly in Annex IV that its own list does not name', () => {
    for (const code of ['0C003', '1E001', '1E201', '3E201', '5D002.a', '5D002.c', '5E002.a', '7B001', '7B003', '7E001', '7E002', '9E001', '9E002']) {
      expect(SECTION_I_CODES, code).not.toContain(code);
      expect(annexIVPartNotCovered(code).map((p) => p.code), code).toEqual([code]);
    }
    expect(annexIVPartNotCovered('0C002')).toEqual([]);
    expect(annexIVPartNotCovered('3C005.a')).toEqual([]);
  });
});

// 0C002's Annex IV part is uranium enriched above 20 % (a ratio to U-238 above 0.25) or separated plutonium: a stated
// isotope ratio decides it, except within 0.01 of 0.25 (U-234 and U-236 can move the share across 20 %).
t.run('0C002 DE→FR read from the stated isotope ratio', [
  { name: 'ratio 0.3 (23 % U-235): within the part, a transfer authorisation', request: req({ euCode: '0C002', parameters: { 'isotopeRatio.U235plusU233ToU238': 0.3 } }, 'FR'), verdict: 'license_required', noQuestions: [P], findings: [{ measure: R, entry: 'annex-iv-0c002', status: 'in_force' }] },
  { name: 'ratio 0.05 (5 % U-235): outside the part, moves freely', request: req({ euCode: '0C002', parameters: { 'isotopeRatio.U235plusU233ToU238': 0.05 } }, 'FR'), verdict: 'no_license_required', noQuestions: [P], noFindings: [{ measure: R, entry: 'annex-iv-0c002' }] },
  { name: 'ratio 0.255, at the line: asked', request: req({ euCode: '0C002', parameters: { 'isotopeRatio.U235plusU233ToU238': 0.255 } }, 'FR'), verdict: 'needs_information', questions: [P] },
  { name: 'the part stated outright wins over the ratio', request: req({ euCode: '0C002', parameters: { 'isotopeRatio.U235plusU233ToU238': 0.05, [P]: 1 } }, 'FR'), verdict: 'license_required', findings: [{ measure: R, entry: 'annex-iv-0c002', status: 'in_force' }] },
]);
