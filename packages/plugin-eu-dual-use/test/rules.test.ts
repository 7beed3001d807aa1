import type { AssessmentRequest } from '@chokepoint/core';
import { PluginTester } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { SECTION_I_CODES, UNION_GENERAL_AUTHORISATIONS } from '../src/ugeas.js';

const t = new PluginTester(plugin);
const D = '2026-01-10';
const req = (item: AssessmentRequest['item'], from: string, to: string, extra: Partial<AssessmentRequest> = {}): AssessmentRequest => ({ item, from, to, date: D, endUse: 'civil', ...extra });
const eu = (r: AssessmentRequest) => t.engine.assess(r).jurisdictions[0]!;

t.run('Annex I versions by date', [
  { name: '3B501 (added by 2025/2003) is not controlled the day before 2025-11-15', request: req({ euCode: '3B501.a' }, 'NL', 'CN', { date: '2025-11-14' }), verdict: 'not_controlled',
    findings: [{ measure: 'eu-del-reg-2025-2003', code: '3B501', status: 'not_yet_in_force' }], noFindings: [{ measure: 'eu-del-reg-2024-2547' }] },
  { name: '3B501 needs a licence from 2025-11-15', request: req({ euCode: '3B501.a' }, 'NL', 'CN', { date: '2025-11-15' }), verdict: 'license_required',
    findings: [{ measure: 'eu-del-reg-2025-2003', code: '3B501', status: 'in_force', requirement: 'license_required' }] },
  { name: '3C005 in 2024 falls under the 2024/2547 list', request: req({ euCode: '3C005' }, 'DE', 'CN', { date: '2025-03-01' }), verdict: 'license_required',
    findings: [{ measure: 'eu-del-reg-2024-2547', code: '3C005', status: 'in_force' }, { measure: 'eu-del-reg-2023-2616', status: 'repealed' }, { measure: 'eu-del-reg-2025-2003', status: 'not_yet_in_force' }] },
  { name: '2024/2547 added no top-level entry: 1C011 is listed by 2023/2616 the day before 2024-11-08', request: req({ euCode: '1C011' }, 'DE', 'CN', { date: '2024-11-07' }), verdict: 'license_required',
    findings: [{ measure: 'eu-del-reg-2023-2616', code: '1C011', status: 'in_force', requirement: 'license_required' }, { measure: 'eu-del-reg-2024-2547', code: '1C011', status: 'not_yet_in_force' }] },
  { name: '... and by 2024/2547 from 2024-11-08', request: req({ euCode: '1C011' }, 'DE', 'CN', { date: '2024-11-08' }), verdict: 'license_required',
    findings: [{ measure: 'eu-del-reg-2024-2547', code: '1C011', status: 'in_force', requirement: 'license_required' }, { measure: 'eu-del-reg-2023-2616', code: '1C011', status: 'repealed' }] },
  { name: '3A504 (added by 2025/2003) is not listed by 2024/2547 or 2023/2616', request: req({ euCode: '3A504' }, 'DE', 'CN', { date: '2024-11-08' }), verdict: 'not_controlled',
    findings: [{ measure: 'eu-del-reg-2025-2003', code: '3A504', status: 'not_yet_in_force' }], noFindings: [{ measure: 'eu-del-reg-2024-2547' }, { measure: 'eu-del-reg-2023-2616' }] },
  { name: '2023/2616 added no top-level entry: 3D006 is listed by 2023/996 the day before 2023-12-16', request: req({ euCode: '3D006' }, 'DE', 'CN', { date: '2023-12-15', transfer: 'software' }), verdict: 'license_required',
    findings: [{ measure: 'eu-del-reg-2023-996', code: '3D006', status: 'in_force', requirement: 'license_required' }, { measure: 'eu-del-reg-2023-2616', code: '3D006', status: 'not_yet_in_force' }] },
  { name: '... and by 2023/2616 from 2023-12-16', request: req({ euCode: '3D006' }, 'DE', 'CN', { date: '2023-12-16', transfer: 'software' }), verdict: 'license_required',
    findings: [{ measure: 'eu-del-reg-2023-2616', code: '3D006', status: 'in_force', requirement: 'license_required' }, { measure: 'eu-del-reg-2023-996', code: '3D006', status: 'repealed' }] },
  { name: '3B501 (added by 2025/2003) is listed neither by 2023/996 nor by 2023/2616', request: req({ euCode: '3B501.a' }, 'NL', 'CN', { date: '2023-12-16' }), verdict: 'not_controlled',
    findings: [{ measure: 'eu-del-reg-2025-2003', code: '3B501', status: 'not_yet_in_force' }], noFindings: [{ measure: 'eu-del-reg-2023-996' }, { measure: 'eu-del-reg-2023-2616' }] },
  { name: 'the original 2021 Annex I applies until 2022-01-06', request: req({ euCode: '1C229' }, 'DE', 'CN', { date: '2022-01-06' }), verdict: 'license_required',
    findings: [{ measure: 'eu-reg-2021-821', code: '1C229', status: 'in_force' }, { measure: 'eu-del-reg-2022-1', status: 'not_yet_in_force' }] },
  { name: '... and 2022/1 from 2022-01-07', request: req({ euCode: '1C229' }, 'DE', 'CN', { date: '2022-01-07' }), verdict: 'license_required',
    findings: [{ measure: 'eu-del-reg-2022-1', code: '1C229', status: 'in_force' }, { measure: 'eu-reg-2021-821', code: '1C229', status: 'repealed' }] },
  { name: '3D006 did not exist before 2023/66: listed only from 2023-01-12', request: req({ euCode: '3D006' }, 'DE', 'CN', { date: '2023-01-11', transfer: 'software' }), verdict: 'not_controlled',
    findings: [{ measure: 'eu-del-reg-2023-66', code: '3D006', status: 'not_yet_in_force' }], noFindings: [{ measure: 'eu-del-reg-2022-1' }, { status: 'in_force', measure: 'eu-del-reg-2023-66' }] },
  { name: '2D352 (nucleic acid assembler software) is not in the 2022/1 list: not controlled on 2023-01-11', request: req({ euCode: '2D352' }, 'DE', 'CN', { date: '2023-01-11', transfer: 'software' }), verdict: 'not_controlled',
    findings: [{ measure: 'eu-del-reg-2023-66', code: '2D352', status: 'not_yet_in_force' }], noFindings: [{ measure: 'eu-del-reg-2022-1' }, { measure: 'eu-reg-2021-821', code: '2D352' }] },
  { name: '... and needs a licence from 2023-01-12 (2023/66)', request: req({ euCode: '2D352' }, 'DE', 'CN', { date: '2023-01-12', transfer: 'software' }), verdict: 'license_required',
    findings: [{ measure: 'eu-del-reg-2023-66', code: '2D352', status: 'in_force', requirement: 'license_required' }] },
  { name: '2D351 is in the 2021 list and in 2022/1 (read in full)', request: req({ euCode: '2D351' }, 'DE', 'CN', { date: '2021-12-01', transfer: 'software' }), verdict: 'license_required',
    findings: [{ measure: 'eu-reg-2021-821', code: '2D351', status: 'in_force' }] },
  { name: 'gallium oxide substrates come under 3C005 only from 2023-01-12', request: req({ id: 'gallium/oxide', parameters: { resistivityOhmCm: 1e6, 'form.substrate': 1 } }, 'DE', 'CN', { date: '2022-06-01' }), verdict: 'not_controlled',
    findings: [{ measure: 'eu-del-reg-2023-66', code: '3C005.a', status: 'not_yet_in_force' }], noFindings: [{ measure: 'eu-del-reg-2022-1' }] },
  { name: 'gallium oxide substrates above 10 000 Ω·cm from 2023-01-12', request: req({ id: 'gallium/oxide', parameters: { resistivityOhmCm: 1e6, 'form.substrate': 1 } }, 'DE', 'CN', { date: '2023-01-12' }), verdict: 'license_required',
    findings: [{ measure: 'eu-del-reg-2023-66', code: '3C005.a', status: 'in_force' }] },
]);

// 3C003: organometallic compounds of Al, Ga, In and organic compounds of P, As, Sb above 99.999 % (identifiers review N14;
// organo-antimony compounds had no link and answered not_controlled).
t.run('3C003 high-purity organometallics', [
  { name: 'trimethylindium of 99.9999 % to China: 3C003.a', request: req({ id: 'indium/trimethylindium', parameters: { purity: 0.999999 } }, 'DE', 'CN'), verdict: 'license_required', findings: [{ measure: 'eu-del-reg-2025-2003', code: '3C003.a', status: 'in_force' }] },
  { name: 'trimethylindium by name, purity not given: asked', request: req({ name: 'trimethylindium' }, 'DE', 'CN'), verdict: 'needs_information', questions: ['purity'] },
  { name: 'trimethylindium of 99.9 %: not controlled', request: req({ id: 'indium/trimethylindium', parameters: { purity: 0.999 } }, 'DE', 'CN'), verdict: 'not_controlled' },
  { name: 'an organo-antimony compound of 99.9999 %: 3C003.b', request: req({ id: 'antimony/organic-compound', parameters: { purity: 0.999999 } }, 'DE', 'CN'), verdict: 'license_required', findings: [{ measure: 'eu-del-reg-2025-2003', code: '3C003.b', status: 'in_force' }] },
]);

// 3C004 (phosphine, arsine, stibine above 99.999 %, released when diluted with 20 mole % or more of inert gases or hydrogen)
// and 1C011.a (Zr or Mg powder below 60 µm from material of 99 % or more): both entries were held with their thresholds
// but linked to no item, so stibine and magnesium powder answered not_controlled (thresholds review D6, D7).
t.run('3C004 stibine and 1C011.a magnesium powder', [
  { name: 'undiluted stibine of 99.9995 %: 3C004', request: req({ id: 'antimony/hydride', parameters: { purity: 0.999995, 'molarFraction.inertGasOrH2': 0 } }, 'DE', 'CN'), verdict: 'license_required', findings: [{ measure: 'eu-del-reg-2025-2003', code: '3C004', status: 'in_force' }] },
  { name: 'stibine of exactly 99.999 % is not better than 99.999 %', request: req({ id: 'antimony/hydride', parameters: { purity: 0.99999, 'molarFraction.inertGasOrH2': 0 } }, 'DE', 'CN'), verdict: 'not_controlled' },
  { name: 'stibine with 20 mole % of hydrogen is released', request: req({ id: 'antimony/hydride', parameters: { purity: 0.999995, 'molarFraction.inertGasOrH2': 0.2 } }, 'DE', 'CN'), verdict: 'not_controlled' },
  { name: 'stibine, dilution not given: asked', request: req({ id: 'antimony/hydride', parameters: { purity: 0.999995 } }, 'DE', 'CN'), verdict: 'needs_information', questions: ['molarFraction.inertGasOrH2'] },
  { name: 'magnesium powder of 99.5 % at 50 µm: 1C011.a', request: req({ id: 'magnesium/powder', parameters: { 'purity.ZrOrMgAndAlloys': 0.995, particleSizeUm: 50 } }, 'DE', 'CN'), verdict: 'license_required', findings: [{ measure: 'eu-del-reg-2025-2003', code: '1C011.a', status: 'in_force' }] },
  { name: 'magnesium powder of 60 µm is not below 60 µm', request: req({ id: 'magnesium/powder', parameters: { 'purity.ZrOrMgAndAlloys': 0.995, particleSizeUm: 60 } }, 'DE', 'CN'), verdict: 'not_controlled' },
  { name: 'magnesium powder of 98.9 %: not controlled', request: req({ id: 'magnesium/powder', parameters: { 'purity.ZrOrMgAndAlloys': 0.989, particleSizeUm: 50 } }, 'DE', 'CN'), verdict: 'not_controlled' },
  { name: 'magnesium powder without parameters: asked', request: req({ id: 'magnesium/powder' }, 'DE', 'CN'), verdict: 'needs_information', questions: ['purity.ZrOrMgAndAlloys', 'particleSizeUm'] },
]);

t.run('reach', [
  { name: 'export from the US is not EU-regulated', request: req({ euCode: '1C229' }, 'US', 'CN'), verdict: 'not_controlled', reaches: false },
  { name: 'moving on an EU-origin item from outside the EU is not EU-regulated', request: req({ euCode: '1C229', origin: 'DE' }, 'CH', 'CN'), verdict: 'not_controlled', reaches: false },
  { name: 'the UK left: an export from GB is not reached', request: req({ euCode: '1C229' }, 'GB', 'CN'), verdict: 'not_controlled', reaches: false },
]);

t.run('intra-EU transfers (Art. 11, Annex IV)', [
  { name: 'Annex IV Part I item DE→FR needs a transfer authorisation', request: req({ euCode: '1C001' }, 'DE', 'FR'), verdict: 'license_required', findings: [{ measure: 'eu-reg-2021-821', entry: 'annex-iv-1c001' }] },
  { name: 'Annex IV Part II item (Category 0) DE→FR', request: req({ euCode: '0B001' }, 'DE', 'FR'), verdict: 'license_required', findings: [{ measure: 'eu-reg-2021-821', entry: 'annex-iv-0b001' }] },
  // The Annex I entry is named as what the answer rests on (CONTRACT §3), with no licence: it covers exports, not this transfer.
  { name: 'ordinary Annex I item DE→FR is not an export: its entry is shown, needing no licence', request: req({ euCode: '3C005.a' }, 'DE', 'FR'), verdict: 'no_license_required', onlyFindings: true, findings: [{ measure: 'eu-del-reg-2025-2003', code: '3C005', status: 'in_force', requirement: 'no_license_required' }] },
  { name: '0C001 is not in Annex IV', request: req({ euCode: '0C001' }, 'DE', 'FR'), verdict: 'no_license_required', onlyFindings: true, findings: [{ measure: 'eu-del-reg-2025-2003', code: '0C001', requirement: 'no_license_required' }] },
  { name: 'ricin (1C351.d.4) is Annex IV Part II', request: req({ euCode: '1C351.d.4' }, 'DE', 'FR'), verdict: 'license_required', findings: [{ measure: 'eu-reg-2021-821', entry: 'annex-iv-1c351.d.4' }] },
  { name: 'other 1C351 toxins move freely', request: req({ euCode: '1C351.d.6' }, 'DE', 'FR'), verdict: 'no_license_required' },
  { name: 'an Annex IV item exported out of the EU needs the Annex I authorisation', request: req({ euCode: '1C001' }, 'DE', 'CN'), verdict: 'license_required',
    findings: [{ measure: 'eu-del-reg-2025-2003', code: '1C001' }], noFindings: [{ measure: 'eu-reg-2021-821', entry: 'annex-iv-1c001' }] },
  { name: 'an unlisted item DE→FR', request: req({ id: 'lithium/carbonate' }, 'DE', 'FR'), verdict: 'not_controlled' },
  { name: 'military end use between member states is no catch-all', request: req({ id: 'lithium/carbonate' }, 'DE', 'FR', { endUse: 'military' }), verdict: 'not_controlled' },
]);

t.run('Union general export authorisations', [
  { name: 'EU001 covers 3C005 to the US', request: req({ euCode: '3C005.a' }, 'DE', 'US'), verdict: 'authorization_available', authorizations: ['EU001'] },
  { name: 'EU001 includes Iceland', request: req({ euCode: '1C003.b' }, 'DE', 'IS'), verdict: 'authorization_available', authorizations: ['EU001'] },
  { name: 'EU001 includes Liechtenstein', request: req({ euCode: '3C005' }, 'AT', 'LI'), verdict: 'authorization_available', authorizations: ['EU001'] },
  { name: 'EU002 covers 1C003.b to Turkey', request: req({ euCode: '1C003.b' }, 'DE', 'TR'), verdict: 'authorization_available', authorizations: ['EU002'] },
  { name: 'EU002 does not cover 1C003.a', request: req({ euCode: '1C003.a' }, 'DE', 'TR'), verdict: 'license_required' },
  { name: 'EU002 does not cover a bare 1C003 (it might be 1C003.a)', request: req({ euCode: '1C003' }, 'DE', 'TR'), verdict: 'license_required' },
  { name: 'EU002 covers 3C005 to South Korea', request: req({ euCode: '3C005' }, 'DE', 'KR'), verdict: 'authorization_available', authorizations: ['EU002'] },
  { name: 'EU002 does not go to Iceland (EU001 does)', request: req({ euCode: '1C003.b' }, 'DE', 'IS'), verdict: 'authorization_available', authorizations: ['EU001'] },
  { name: 'EU005 covers 5A001.c to China', request: req({ euCode: '5A001.c' }, 'DE', 'CN'), verdict: 'authorization_available', authorizations: ['EU005'] },
  { name: 'EU006 covers 1C350.1 (thiodiglycol) to Ukraine', request: req({ euCode: '1C350.1' }, 'DE', 'UA'), verdict: 'authorization_available', authorizations: ['EU006'] },
  { name: 'EU006 does not cover 1C350.4', request: req({ euCode: '1C350.4' }, 'DE', 'UA'), verdict: 'license_required' },
  { name: 'EU008 covers 5A002.a.2 to Brazil', request: req({ euCode: '5A002.a.2' }, 'DE', 'BR'), verdict: 'authorization_available', authorizations: ['EU008'] },
  { name: 'EU008 excludes China', request: req({ euCode: '5A002.a.2' }, 'DE', 'CN'), verdict: 'license_required' },
  { name: 'EU008 excludes military end use', request: req({ euCode: '5A002.a.2' }, 'DE', 'BR', { endUse: 'military' }), verdict: 'license_required' },
  // Annex II Section H: not for military, police, intelligence or other government security end-users.
  { name: 'EU008 excludes a military end user even for a declared civil use', request: req({ euCode: '5A002.a.2' }, 'DE', 'BR', { endUser: { name: 'Exército Brasileiro', country: 'BR', type: 'military' } }), verdict: 'license_required' },
  { name: 'EU008 stays open to a commercial end user', request: req({ euCode: '5A002.a.2' }, 'DE', 'BR', { endUser: { name: 'Banco Exemplo SA', country: 'BR', type: 'commercial' } }), verdict: 'authorization_available', authorizations: ['EU008'] },
  { name: 'EU001 is not limited by end-user type (Annex II Section A): a US military end user, civil use', request: req({ euCode: '3C005.a' }, 'DE', 'US', { endUser: { name: 'US Army', country: 'US', type: 'military' } }), verdict: 'authorization_available', authorizations: ['EU001'] },
  { name: 'no UGEA for WMD end use, even to the US', request: req({ euCode: '3C005' }, 'DE', 'US', { endUse: 'wmd' }), verdict: 'license_required',
    findings: [{ measure: 'eu-reg-2021-821', entry: 'art-4-1-a-wmd', requirement: 'license_required' }] },
]);

describe('Section I items are never under EU001', () => {
  const eu001 = UNION_GENERAL_AUTHORISATIONS.find((a) => a.id === 'EU001')!;
  for (const code of ['0C001', '0C002', '1A102', '1C351', '1C450.a.1', '1C450.a.2', '9A117', '7E104', '1C001', '0B001', '1C351.d.4']) {
    it(`${code} to the US needs an individual licence`, () => {
      const r = eu(req({ euCode: code }, 'DE', 'US'));
      expect(r.verdict).toBe('license_required');
      expect(r.authorizations.map((a) => a.id)).not.toContain('EU001');
    });
  }
  it('a bare 1C450 might be the excluded amiton, so it is not offered EU001', () => {
    expect(eu(req({ euCode: '1C450' }, 'DE', 'US')).verdict).toBe('license_required');
    expect(eu(req({ euCode: '1C450.b.1' }, 'DE', 'US')).authorizations.map((a) => a.id)).toEqual(['EU001']);
  });
  it('Section I includes every Annex IV item', () => {
    expect(SECTION_I_CODES).toEqual(expect.arrayContaining(['1C001', '0B001', '7A117', '1C351.d.4', '0C001']));
    expect(eu001.excludes?.controlCodes).toEqual(expect.arrayContaining(['1C001', '9A117']));
  });
  it('EU003 and EU004 are named as conditional routes, not as the verdict, and never for excluded items', () => {
    const china = t.engine.assess(req({ euCode: '3C005' }, 'DE', 'CN'));
    expect(china.jurisdictions[0]!.verdict).toBe('license_required');
    expect(china.warnings.find((w) => w.code === 'general_authorisation_conditional')?.message).toMatch(/EU003.*EU004/);
    const bismuth = t.engine.assess(req({ euCode: '1C229' }, 'DE', 'CN'));
    expect(bismuth.warnings.some((w) => w.code === 'general_authorisation_conditional')).toBe(false);
  });
});

t.run('sanctions', [
  { name: 'Annex I item to Russia is prohibited since 2022-02-26', request: req({ euCode: '3C005' }, 'DE', 'RU'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-2', requirement: 'prohibited' }] },
  { name: 'the day before, only a licence: the ban is shown, not yet in force, and not counted', request: req({ euCode: '3C005' }, 'DE', 'RU', { date: '2022-02-25' }), verdict: 'license_required',
    findings: [{ measure: 'eu-reg-833-2014-art-2', requirement: 'prohibited', status: 'not_yet_in_force' }], noFindings: [{ measure: 'eu-reg-833-2014-art-2', status: 'in_force' }] },
  { name: 'in 2021 a military end use in Russia was prohibited under the 2014 text', request: req({ euCode: '3C005' }, 'DE', 'RU', { date: '2021-10-01', endUse: 'military' }), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-2-2014', requirement: 'prohibited' }] },
  // Regulation 833/2014 Art. 2 (2014 text, in force 1 August 2014): dual-use items for military use or a military end-user in Russia.
  { name: 'before the recast (2015), an item classified under an Annex I code for a Russian military end user is prohibited under the 2014 text', request: req({ euCode: '1C229' }, 'DE', 'RU', { date: '2015-01-01', endUser: { name: 'Rosoboronexport', country: 'RU', type: 'military' } }), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-2-2014', requirement: 'prohibited' }], warnings: ['coverage_gap'] },
  // Under Regulation 428/2009 the listing itself is asked (its Annex I is not held); answered "not listed then", only the 2014 text could catch it.
  // The arms embargo of Decision 2014/512/CFSP (31 July 2014) already brought the catch-all of Art. 4(2) Reg. 428/2009 that day.
  { name: 'the day before Art. 2 (31 July 2014) it is not prohibited; the embargo catch-all of Reg. 428/2009 asks a licence', request: req({ euCode: '1C229', parameters: { 'eu.listedUnder428': 0 } }, 'DE', 'RU', { date: '2014-07-31', endUse: 'military' }), verdict: 'license_required',
    findings: [{ measure: 'eu-reg-428-2009', entry: 'art-4-2-military-embargo-428-2009', status: 'in_force' }], noFindings: [{ measure: 'eu-reg-833-2014-art-2-2014', status: 'in_force' }] },
  { name: 'a lithium-ion cell of 400 Wh/kg (3A001.e.1.b today), stated not listed under Reg. 428/2009 then: not a dual-use item for the 2014 rule (the embargo catch-all still asks a licence)', request: req({ id: 'batteries/lithium-ion-cell', parameters: { energyDensityWhPerKg: 400, 'eu.listedUnder428': 0 } }, 'DE', 'RU', { date: '2015-01-01', endUse: 'military' }), verdict: 'license_required',
    noFindings: [{ measure: 'eu-reg-833-2014-art-2-2014', status: 'in_force' }], findings: [{ measure: 'eu-reg-428-2009', entry: 'art-4-2-military-embargo-428-2009' }] },
  { name: 'bismuth meeting 1C229, stated listed then, for a Russian military end use in 2015: prohibited', request: req({ id: 'bismuth/metal', parameters: { purity: 0.99999, 'ppm.Ag': 1, 'eu.listedUnder428': 1 } }, 'DE', 'RU', { date: '2015-01-01', endUse: 'military' }), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-2-2014', requirement: 'prohibited' }] },
  { name: '... unanswered for a taxonomy item whose 428/2009 listing was not read (3A001): asked, not assumed', request: req({ id: 'batteries/lithium-ion-cell', parameters: { energyDensityWhPerKg: 400 } }, 'DE', 'RU', { date: '2015-01-01', endUse: 'military' }), verdict: 'license_required', questions: ['eu.listedUnder428'],
    noFindings: [{ measure: 'eu-reg-833-2014-art-2-2014', status: 'in_force' }] },
  { name: 'the 2014 text applies until 25 February 2022 included', request: req({ euCode: '1C229' }, 'DE', 'RU', { date: '2022-02-25', endUse: 'military' }), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-2-2014', status: 'in_force' }] },
  { name: 'a civil end use in 2015 is not caught by the 2014 text (an item stated not listed then)', request: req({ id: 'batteries/lithium-ion-cell', parameters: { energyDensityWhPerKg: 400, 'eu.listedUnder428': 0 } }, 'DE', 'RU', { date: '2015-01-01' }), verdict: 'not_controlled', noFindings: [{ measure: 'eu-reg-833-2014-art-2-2014', status: 'in_force' }] },
  { name: 'bismuth of 1C229 in 2015: listed in Annex I of Reg. 428/2009 by its consolidated texts, so an answer "not listed" does not decide; prohibited for a Russian military end use', request: req({ euCode: '1C229', parameters: { 'eu.listedUnder428': 0 } }, 'DE', 'RU', { date: '2015-01-01', endUse: 'military' }), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-2-2014', status: 'in_force' }, { measure: 'eu-reg-428-2009', entry: 'annex-i-428-2009', code: '1C229', status: 'in_force' }] },
  { name: '... but listed then in Annex I of Regulation 428/2009 it needed an authorisation (Art. 3(1))', request: req({ euCode: '1C229', parameters: { 'eu.listedUnder428': 1 } }, 'DE', 'RU', { date: '2015-01-01' }), verdict: 'license_required', findings: [{ measure: 'eu-reg-428-2009', code: '1C229', status: 'in_force', requirement: 'license_required' }] },
  { name: 'shipped to Kazakhstan for a Russian military end user in 2019: an indirect export to Russia', request: req({ euCode: '1C229' }, 'DE', 'KZ', { date: '2019-06-01', endUser: { name: 'Rosoboronexport', country: 'RU', type: 'military' } }), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-2-2014', requirement: 'prohibited' }] },
  { name: 'Annex I item to Belarus is prohibited since 2022-03-03', request: req({ id: 'bismuth/metal', parameters: { purity: 0.99995, 'ppm.Ag': 2 } }, 'DE', 'BY'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-765-2006-art-1e', requirement: 'prohibited' }] },
  { name: 'before 2022-03-03 a licence', request: req({ euCode: '1C229' }, 'DE', 'BY', { date: '2022-03-02' }), verdict: 'license_required' },
  // Regulation 2021/1030 (in force 25 June 2021, Art. 2) inserted Art. 1e into Regulation 765/2006: dual-use items to
  // Belarus prohibited if they are or may be intended for military use or a military end-user (the Belarusian
  // military's procurement deemed military); Regulation 2022/355 replaced it with the full ban from 3 March 2022.
  { name: 'Belarus, military end use, 2 March 2022: prohibited under Art. 1e as inserted by Regulation 2021/1030', request: req({ euCode: '1C229' }, 'DE', 'BY', { date: '2022-03-02', endUse: 'military' }), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-765-2006-art-1e-2021', requirement: 'prohibited', status: 'in_force' }], noFindings: [{ measure: 'eu-reg-765-2006-art-1e', status: 'in_force' }] },
  { name: '... from its first day, 25 June 2021 (under Regulation 428/2009, the listing asked then stated)', request: req({ euCode: '1C229', parameters: { 'eu.listedUnder428': 1 } }, 'DE', 'BY', { date: '2021-06-25', endUse: 'military' }), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-765-2006-art-1e-2021', requirement: 'prohibited', status: 'in_force' }] },
  { name: '... not the day before (24 June 2021): the arms-embargo catch-all asks a licence', request: req({ euCode: '1C229', parameters: { 'eu.listedUnder428': 1 } }, 'DE', 'BY', { date: '2021-06-24', endUse: 'military' }), verdict: 'license_required',
    noFindings: [{ measure: 'eu-reg-765-2006-art-1e-2021', status: 'in_force' }] },
  { name: '... a Belarusian military end user counts as military use', request: req({ euCode: '1C226' }, 'DE', 'BY', { date: '2021-12-01', endUser: { name: 'Ministry of Defence', country: 'BY', type: 'military' } }), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-765-2006-art-1e-2021', requirement: 'prohibited' }] },
  { name: '... a civil end use in 2021 only needed the ordinary authorisation', request: req({ euCode: '1C226' }, 'DE', 'BY', { date: '2021-12-01' }), verdict: 'license_required',
    noFindings: [{ measure: 'eu-reg-765-2006-art-1e-2021', status: 'in_force' }] },
  { name: '... and from 3 March 2022 the full ban replaces it', request: req({ euCode: '1C226' }, 'DE', 'BY', { date: '2022-03-03', endUse: 'military' }), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-765-2006-art-1e', status: 'in_force' }], noFindings: [{ measure: 'eu-reg-765-2006-art-1e-2021', status: 'in_force' }] },
  { name: 'a non-Annex I item to Russia is not caught by Art. 2, but lithium carbonate (CN 2836) is in Annex XXIII as replaced on 2025-10-24 (Art. 3k)', request: req({ id: 'lithium/carbonate' }, 'DE', 'RU'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 2836', status: 'in_force', requirement: 'prohibited' }], noFindings: [{ measure: 'eu-reg-833-2014-art-2' }] },
]);

t.run('national controls (Art. 9) as warnings', [
  { name: 'wafer-processing machines (CN 8486 20) meeting no Annex I entry from the Netherlands to China on 1 September 2023: the Dutch national list may apply', request: req({ hs: '848620', parameters: { 'eu.annexIListed': 0 } }, 'NL', 'CN', { date: '2023-09-01' }), verdict: 'not_controlled', warnings: ['national_control'] },
  { name: '... not the day before the Dutch measure (31 August 2023)', request: req({ hs: '848620', parameters: { 'eu.annexIListed': 0 } }, 'NL', 'CN', { date: '2023-08-31' }), verdict: 'not_controlled', noWarnings: ['national_control'] },
  { name: 'the same machines from Italy (no national measure modelled) carry no warning', request: req({ hs: '848620', parameters: { 'eu.annexIListed': 0 } }, 'IT', 'CN', { date: '2024-01-01' }), verdict: 'not_controlled', noWarnings: ['national_control'] },
  { name: 'a Category 3 item from Germany from 17 July 2024', request: req({ euCode: '3A001.a.1' }, 'DE', 'CN', { date: '2024-07-17' }), verdict: 'license_required', warnings: ['national_control'] },
  { name: '... not on 16 July 2024', request: req({ euCode: '3A001.a.1' }, 'DE', 'CN', { date: '2024-07-16' }), verdict: 'license_required', noWarnings: ['national_control'] },
]);

t.run('catch-all (Art. 4)', [
  { name: 'military end use in China (arms embargo since 1989) needs an authorisation for an unlisted item, and says that the embargo\'s standing under Art. 4(1)(b) is debated (review U87)', request: req({ id: 'lithium/carbonate' }, 'DE', 'CN', { endUse: 'military' }), verdict: 'license_required', licensePolicy: 'case_by_case',
    findings: [{ measure: 'eu-reg-2021-821', entry: 'art-4-1-b-military-embargo', requirement: 'license_required' }], warnings: ['sources_disagree'] },
  { name: 'military end use in Venezuela (a Council decision): no doubt to raise', request: req({ id: 'lithium/carbonate' }, 'FR', 'VE', { endUse: 'military' }), verdict: 'license_required', noWarnings: ['sources_disagree'] },
  { name: 'a civil end use in China raises no doubt about the embargo', request: req({ id: 'lithium/carbonate' }, 'DE', 'CN', { endUse: 'civil' }), verdict: 'not_controlled', noWarnings: ['sources_disagree'] },
  { name: 'military end use in India (no embargo) is not caught', request: req({ id: 'lithium/carbonate' }, 'DE', 'IN', { endUse: 'military' }), verdict: 'not_controlled' },
  { name: 'Venezuela before its embargo (2017-11-13) is not embargoed, and 2021/821 did not apply yet', request: req({ id: 'lithium/carbonate' }, 'FR', 'VE', { endUse: 'military', date: '2017-11-12' }), verdict: 'not_controlled' },
  { name: 'WMD end use anywhere, reviewed case by case (a licence requirement says how it is reviewed, CONTRACT §3)', request: req({ id: 'lithium/carbonate' }, 'DE', 'IN', { endUse: 'wmd' }), verdict: 'license_required', licensePolicy: 'case_by_case',
    findings: [{ measure: 'eu-reg-2021-821', entry: 'art-4-1-a-wmd' }] },
  { name: 'an unknown end use does not ask on unlisted items', request: req({ id: 'lithium/carbonate' }, 'DE', 'CN', { endUse: 'unknown' }), verdict: 'not_controlled' },
  { name: 'a military end user in an embargoed country counts', request: req({ id: 'lithium/carbonate' }, 'DE', 'MM', { endUse: 'unknown', endUser: { type: 'military' } }), verdict: 'license_required' },
  { name: 'military end use to China blocks EU003 as well', request: req({ euCode: '3C005' }, 'DE', 'CN', { endUse: 'military' }), verdict: 'license_required', noWarnings: ['general_authorisation_conditional'] },
]);

t.run('domain parameters', [
  { name: 'bismuth without purity asks', request: req({ id: 'bismuth/metal' }, 'DE', 'CN'), verdict: 'needs_information', questions: ['purity', 'ppm.Ag'] },
  { name: 'bismuth 99.99 % with 12 ppm Ag is not 1C229', request: req({ id: 'bismuth/metal', parameters: { purity: 0.9999, 'ppm.Ag': 12 } }, 'DE', 'CN'), verdict: 'not_controlled' },
  { name: 'bismuth 99.995 % with 5 ppm Ag is 1C229', request: req({ id: 'bismuth/metal', parameters: { purity: 0.99995, 'ppm.Ag': 5 } }, 'DE', 'CN'), verdict: 'license_required',
    findings: [{ measure: 'eu-del-reg-2025-2003', code: '1C229' }] },
  { name: 'HS 810610 resolves to bismuth and asks the same', request: req({ hs: '810610' }, 'DE', 'CN'), verdict: 'needs_information', questions: ['purity'] },
  { name: 'tellurium 99.9999 % is 6C002.a', request: req({ id: 'tellurium/metal', parameters: { purity: 0.999999 } }, 'DE', 'CN'), verdict: 'license_required', findings: [{ measure: 'eu-del-reg-2025-2003', code: '6C002.a' }] },
  { name: 'tellurium 99.99 % is not', request: req({ id: 'tellurium/metal', parameters: { purity: 0.9999 } }, 'DE', 'CN'), verdict: 'not_controlled' },
  { name: 'tungsten powder asks W content and particle size', request: req({ id: 'tungsten/powder' }, 'DE', 'CN'), verdict: 'needs_information', questions: ['fraction.W', 'particleSizeUm'] },
  { name: 'tungsten hollow cylinder of 150 mm and 30 kg is 1C226', request: req({ id: 'tungsten/alloy', parameters: { 'fraction.W': 0.95, hollowCylindricalForm: 1, innerDiameterMm: 150, massKg: 30, 'designedUse.weight': 0, 'designedUse.gammaRayCollimator': 0, outerDiameterMm: 100, lengthMm: 40 } }, 'DE', 'CN'), verdict: 'license_required',
    findings: [{ measure: 'eu-del-reg-2025-2003', code: '1C226' }] },
  // 1C226 turns on the tungsten share alone ("more than 90 % tungsten by weight"): W 95 % decides it whether or not
  // the rest of the make-up is given; no other element is asked (one composition rule in core, #12.3).
  { name: '1C226 with W 95 % + Cu 5 % (100 %): the same answer, no element share asked', request: req({ id: 'tungsten/alloy', parameters: { 'fraction.W': 0.95, 'fraction.Cu': 0.05, hollowCylindricalForm: 1, innerDiameterMm: 150, massKg: 30, 'designedUse.weight': 0, 'designedUse.gammaRayCollimator': 0, outerDiameterMm: 100, lengthMm: 40 } }, 'DE', 'CN'), verdict: 'license_required',
    findings: [{ measure: 'eu-del-reg-2025-2003', code: '1C226' }], noQuestions: ['fraction.Cu', 'fraction.Ag', 'fraction.Ni', 'fraction.Mo'] },
  { name: '1C226 with W 85 % stated and the rest unsaid: not above 90 %, not listed, nothing asked about the rest', request: req({ id: 'tungsten/alloy', parameters: { 'fraction.W': 0.85, hollowCylindricalForm: 1, innerDiameterMm: 150, massKg: 30, 'designedUse.weight': 0, 'designedUse.gammaRayCollimator': 0, outerDiameterMm: 100, lengthMm: 40, 'infiltrant.Cu': 0, 'infiltrant.Ag': 0 } }, 'DE', 'CN'), verdict: 'not_controlled',
    noFindings: [{ measure: 'eu-del-reg-2025-2003', code: '1C226' }], noQuestions: ['fraction.Cu', 'fraction.Ag', 'fraction.Ni', 'fraction.Mo'] },
  { name: 'the same cylinder designed as a gamma-ray collimator is not', request: req({ id: 'tungsten/alloy', parameters: { 'fraction.W': 0.95, hollowCylindricalForm: 1, innerDiameterMm: 150, massKg: 30, 'designedUse.weight': 0, 'designedUse.gammaRayCollimator': 1, outerDiameterMm: 100, lengthMm: 40, 'infiltrant.Cu': 0, 'infiltrant.Ag': 0 } }, 'DE', 'CN'), verdict: 'not_controlled' },
  { name: 'GaN substrate asks resistivity', request: req({ id: 'gallium/nitride' }, 'DE', 'CN'), verdict: 'needs_information', questions: ['resistivityOhmCm'] },
  { name: 'GaN substrate above 10 000 Ω·cm to Turkey: EU002', request: req({ id: 'gallium/nitride', parameters: { resistivityOhmCm: 1e5, 'form.substrate': 1 } }, 'DE', 'TR'), verdict: 'authorization_available', authorizations: ['EU002'] },
  { name: 'Li-ion cell of 400 Wh/kg is 3A001.e.1.b', request: req({ id: 'batteries/lithium-ion-cell', parameters: { energyDensityWhPerKg: 400 } }, 'DE', 'CN'), verdict: 'license_required', findings: [{ measure: 'eu-del-reg-2025-2003', code: '3A001.e.1.b' }] },
  { name: 'Li-ion cell of 280 Wh/kg is not', request: req({ id: 'batteries/lithium-ion-cell', parameters: { energyDensityWhPerKg: 280 } }, 'DE', 'CN'), verdict: 'not_controlled' },
  { name: 'battery packs are not controlled', request: req({ id: 'batteries/lithium-ion-pack', parameters: { energyDensityWhPerKg: 400 } }, 'DE', 'CN'), verdict: 'not_controlled' },
  { name: 'bismuth of unknown purity to Russia asks, and warns of the ban', request: req({ id: 'bismuth/metal' }, 'DE', 'RU'), verdict: 'needs_information', warnings: ['sanctions_if_listed'] },
]);

// Regulation (EC) No 428/2009 (in force 2009-08-27 to 2021-09-08; legalize-eu eu/50/32009R0428.md, Art. 3(1) and 4):
// its Annex I is held for the codes read in two consolidated texts (annex-i-428.json, from 2014-07-02); any other
// item today's Annex I lists is asked whether it was listed then, never answered "not controlled" outright; the
// catch-all of its Art. 4 applies as such.
t.run('before the recast: Regulation 428/2009', [
  { name: 'bismuth meeting 1C229 on 2021-09-08 (428/2009\'s last day): listed in its last Annex I, a licence (Art. 3(1)), nothing asked', request: req({ id: 'bismuth/metal', parameters: { purity: 0.99999, 'ppm.Ag': 1 } }, 'DE', 'CN', { date: '2021-09-08' }), verdict: 'license_required', noQuestions: ['eu.listedUnder428'], warnings: ['coverage_gap', 'annex_history_inferred'],
    findings: [{ measure: 'eu-reg-428-2009', entry: 'annex-i-428-2009', code: '1C229', status: 'in_force', requirement: 'license_required' }] },
  { name: 'a lithium-ion cell of 400 Wh/kg on 2021-09-08 is asked (3A001 was not read in the 428/2009 texts)', request: req({ id: 'batteries/lithium-ion-cell', parameters: { energyDensityWhPerKg: 400 } }, 'DE', 'CN', { date: '2021-09-08' }), verdict: 'needs_information', questions: ['eu.listedUnder428'], warnings: ['coverage_gap'] },
  { name: 'on 2021-09-09 the recast answers without asking', request: req({ id: 'bismuth/metal', parameters: { purity: 0.99999, 'ppm.Ag': 1 } }, 'DE', 'CN', { date: '2021-09-09' }), verdict: 'license_required', noQuestions: ['eu.listedUnder428'], findings: [{ measure: 'eu-reg-2021-821', code: '1C229', status: 'in_force' }] },
  { name: 'bismuth below the 1C229 purity is not asked', request: req({ id: 'bismuth/metal', parameters: { purity: 0.999, 'ppm.Ag': 1 } }, 'DE', 'CN', { date: '2021-09-08' }), verdict: 'not_controlled', noQuestions: ['eu.listedUnder428'] },
  { name: 'listed then: an authorisation, which EU001 of Annex IIa covers for the United States', request: req({ euCode: '3C005', parameters: { 'eu.listedUnder428': 1 } }, 'DE', 'US', { date: '2020-06-01' }), verdict: 'authorization_available', authorizations: ['EU001'], findings: [{ measure: 'eu-reg-428-2009', code: '3C005', requirement: 'license_required' }] },
  { name: 'a WMD end use before the recast: Art. 4(1) of Regulation 428/2009', request: req({ id: 'gallium/metal' }, 'DE', 'CN', { date: '2019-03-01', endUse: 'wmd' }), verdict: 'license_required', findings: [{ measure: 'eu-reg-428-2009', status: 'in_force', requirement: 'license_required' }] },
  { name: 'before 428/2009 (27 August 2009) nothing is asked: Regulation 1334/2000 is not modelled', request: req({ euCode: '1C229' }, 'DE', 'CN', { date: '2009-08-26' }), verdict: 'not_controlled', noQuestions: ['eu.listedUnder428'], warnings: ['coverage_gap'] },
]);

describe('reach before and after the recast', () => {
  it('names Regulation 428/2009 before 2021-09-09 and 2021/821 from then', () => {
    expect(eu(req({ euCode: '3C005' }, 'DE', 'US', { date: '2021-09-08' })).reach).toMatch(/Reg\. \(EC\) No 428\/2009/);
    expect(eu(req({ euCode: '3C005' }, 'DE', 'US', { date: '2021-09-09' })).reach).toMatch(/Reg\. 2021\/821/);
    expect(eu(req({ euCode: '0C001' }, 'DE', 'FR', { date: '2021-09-08' })).reach).toMatch(/^transfer between member states of the Union \(Reg\. \(EC\) No 428\/2009\)/);
  });
});

describe('warnings', () => {
  it('flags codes not in Annex I and dates before 2021/821', () => {
    expect(t.engine.assess(req({ euCode: '3C099' }, 'DE', 'CN')).warnings.map((w) => w.code)).toContain('code_not_in_list');
    expect(t.engine.assess(req({ euCode: '1C229' }, 'DE', 'CN', { date: '2020-05-01' })).warnings.map((w) => w.code)).toContain('coverage_gap');
  });
  it('names national controls on Category 3 exports from the Netherlands', () => {
    const r = t.engine.assess(req({ euCode: '3B001' }, 'NL', 'CN'));
    expect(r.warnings.find((w) => w.code === 'national_control')?.measure).toBe('nl-2023-advanced-semiconductor-equipment');
  });
});


new PluginTester(plugin).run('non-Annex I goods to Russia and Belarus are checked by customs code, not cleared silently', [
  { name: 'ball bearings (CN 8482 10) to Russia in 2025: Annex VII Part B (12th package) and Annex XXIII', request: { item: { hs: '848210' }, from: 'DE', to: 'RU', date: '2025-06-01', endUse: 'civil' }, verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'CN 8482 10', status: 'in_force' }, { measure: 'eu-reg-833-2014-art-3k', code: 'CN 8482', status: 'in_force' }], warnings: ['sanctions_partial'], noWarnings: ['sanctions_not_modelled'] },
  { name: 'ball bearings to Belarus: Annex XIV machinery (Art. 1s)', request: { item: { hs: '848210' }, from: 'DE', to: 'BY', date: '2025-06-01', endUse: 'civil' }, verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-765-2006-art-1s', code: 'CN 8482', status: 'in_force' }], warnings: ['sanctions_partial'] },
  { name: 'ball bearings to the United States: no sanctions list applies', request: { item: { hs: '848210' }, from: 'DE', to: 'US', date: '2025-06-01', endUse: 'civil' }, verdict: 'not_controlled', noWarnings: ['sanctions_partial', 'sanctions_not_modelled'] },
]);

// Annex I lists only some semiconductor manufacturing and test equipment (3B001, 3B002; 3B501, 3B503 and 3B504 from
// Delegated Regulation 2025/2003, 2025-11-15), by specifications: equipment named by its class or its CN code alone
// must be asked for its Annex I entry, not answered not_controlled (review of #12 class 2, broader identifiers).
new PluginTester(plugin).run('semiconductor equipment named without an Annex I code', [
  { name: 'CN 8486 20 to China in 2026: the Annex I entry is asked, naming 3B001, 3B002 and the 2025 entries', request: req({ hs: '848620' }, 'DE', 'CN'), verdict: 'needs_information', questions: ['item.euCode'] },
  { name: 'the taxonomy class itself: asked too', request: req({ id: 'equipment/semiconductor' }, 'DE', 'CN'), verdict: 'needs_information', questions: ['item.euCode'] },
  { name: 'stated to meet no Annex I entry: not controlled', request: req({ hs: '848620', parameters: { 'eu.annexIListed': 0 } }, 'DE', 'CN'), verdict: 'not_controlled' },
  { name: 'classified 3B001 by the exporter: a licence', request: req({ hs: '848620', euCode: '3B001' }, 'DE', 'CN'), verdict: 'license_required', findings: [{ measure: 'eu-del-reg-2025-2003', code: '3B001', status: 'in_force' }] },
  { name: 'between member states nothing is asked (no 3B entry is in Annex IV)', request: req({ hs: '848620' }, 'DE', 'FR'), verdict: 'not_controlled' },
]);

describe('the semiconductor-equipment question names only the entries in force on the date', () => {
  const prompt = (date: string) => t.engine.assess(req({ hs: '848620' }, 'DE', 'US', { date })).questions.find((q) => q.parameter === 'item.euCode')!;
  it('3B501 is named from 2025-11-15, not the day before', () => {
    expect(prompt('2025-11-14').candidates).toEqual(['3B001', '3B002']);
    expect(prompt('2025-11-15').candidates).toEqual(['3B001', '3B002', '3B501', '3B503', '3B504']);
  });
});

// Regulation 2017/1509 (in force 2017-09-01, Art. 57): Art. 3(1)(a) prohibits exporting the goods of Annex II to any
// person in, or for use in, the DPRK, and Art. 3(2) puts every dual-use item of Annex I to Regulation 428/2009 in its Part I.
new PluginTester(plugin).run('North Korea: every Annex I item prohibited (Reg. 2017/1509 Art. 3)', [
  { name: 'hafnium (1C231) to North Korea in 2026: prohibited', request: req({ euCode: '1C231' }, 'DE', 'KP'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-2017-1509-art-3', requirement: 'prohibited', status: 'in_force' }] },
  { name: 'shipped to China for an end user in North Korea: prohibited (for use in the DPRK)', request: req({ euCode: '3C005' }, 'DE', 'CN', { endUser: { name: 'Korea Mining Co', country: 'KP' } }), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-2017-1509-art-3', requirement: 'prohibited', status: 'in_force' }] },
  { name: 'an unlisted item (civil) is not caught by Part I', request: req({ hs: '720851' }, 'DE', 'KP'), verdict: 'not_controlled', noFindings: [{ measure: 'eu-reg-2017-1509-art-3', status: 'in_force' }] },
  { name: 'a listed item to China without a DPRK party: a licence only', request: req({ euCode: '3C005' }, 'DE', 'CN'), verdict: 'license_required', noFindings: [{ measure: 'eu-reg-2017-1509-art-3' }] },
]);

// Regulation 267/2012 (Iran, in force 2012-03-24) restricts dual-use items in its own annexes; they are not held, so an
// Annex I item for Iran must say so instead of reading as an ordinary licence case.
new PluginTester(plugin).run('Iran: the sanctions regulation is named, not evaluated', [
  { name: 'zirconium (1C234) to Iran in 2026: a licence under 2021/821 and a warning that Regulation 267/2012 may ban it', request: req({ euCode: '1C234' }, 'DE', 'IR'), verdict: 'license_required', warnings: ['sanctions_not_evaluated'] },
  { name: 'for an Iranian end user via the UAE: warned too', request: req({ euCode: '1C234' }, 'DE', 'AE', { endUser: { name: 'X', country: 'IR' } }), verdict: 'license_required', warnings: ['sanctions_not_evaluated'] },
  { name: 'an unlisted item to Iran: no warning from this rule', request: req({ hs: '720851' }, 'DE', 'IR'), verdict: 'not_controlled', noWarnings: ['sanctions_not_evaluated'] },
  { name: 'not before the regulation (2012-03-23)', request: req({ euCode: '1C234', parameters: { 'eu.listedUnder428': 1 } }, 'DE', 'IR', { date: '2012-03-23' }), verdict: 'license_required', noWarnings: ['sanctions_not_evaluated'] },
]);

// Annex I of Regulation 428/2009 read in two consolidated texts (legalize-eu eu/50/32009R0428.md): that of 2014-07-02
// (commit 481dc51d, EUR-Lex 02009R0428-20140702; 1C226 to 1C240 at offsets 201 000-217 000, 3B/3C at 349 000-365 000)
// and the last one (commit 055cb95e; 1C226 at 205 000, 3C at 405 000). EU001: Annex IIa of the last text
// (Australia, Canada, Japan, New Zealand, Norway, Switzerland incl. Liechtenstein, UK, US), every Annex I item
// except Annex IIg (all Annex IV items, 0C001, 0C002 ...); Annex IV Part I has 1C239, Part II 1C012, 1C233, 1C235.
t.run('Regulation 428/2009: listings read in its consolidated texts', [
  { name: '1C226 tungsten parts DE to CN on 2020-06-01: an authorisation under Art. 3(1)', request: req({ euCode: '1C226' }, 'DE', 'CN', { date: '2020-06-01' }), verdict: 'license_required', noQuestions: ['eu.listedUnder428'],
    findings: [{ measure: 'eu-reg-428-2009', entry: 'annex-i-428-2009', code: '1C226', status: 'in_force', requirement: 'license_required' }] },
  { name: '1C229 to China on 2015-01-01: a licence', request: req({ euCode: '1C229' }, 'DE', 'CN', { date: '2015-01-01' }), verdict: 'license_required', noQuestions: ['eu.listedUnder428'],
    findings: [{ measure: 'eu-reg-428-2009', code: '1C229', status: 'in_force', requirement: 'license_required' }] },
  { name: '... to the United States: a licence that EU001 of Annex IIa covers', request: req({ euCode: '1C229' }, 'DE', 'US', { date: '2015-01-01' }), verdict: 'authorization_available', authorizations: ['EU001'] },
  { name: 'bismuth meeting 1C229 by its make-up (a taxonomy item), to Japan in 2018: EU001', request: req({ id: 'bismuth/metal', parameters: { purity: 0.99999, 'ppm.Ag': 1 } }, 'DE', 'JP', { date: '2018-03-01' }), verdict: 'authorization_available', authorizations: ['EU001'], noQuestions: ['eu.listedUnder428'] },
  { name: 'GaN substrates (3C005.a) to the United States on 2020-06-01: EU001', request: req({ euCode: '3C005.a' }, 'DE', 'US', { date: '2020-06-01' }), verdict: 'authorization_available', authorizations: ['EU001'] },
  { name: 'the first day read (2014-07-02): 1C234 is listed', request: req({ euCode: '1C234' }, 'DE', 'CN', { date: '2014-07-02' }), verdict: 'license_required', noQuestions: ['eu.listedUnder428'], findings: [{ measure: 'eu-reg-428-2009', code: '1C234', status: 'in_force' }] },
  { name: '... the day before (2014-07-01), not established: asked, not denied', request: req({ euCode: '1C234' }, 'DE', 'CN', { date: '2014-07-01' }), verdict: 'needs_information', questions: ['eu.listedUnder428'], noFindings: [{ measure: 'eu-reg-428-2009', entry: 'annex-i-428-2009' }] },
  { name: '... where the answer still decides', request: req({ euCode: '1C234', parameters: { 'eu.listedUnder428': 1 } }, 'DE', 'CN', { date: '2014-07-01' }), verdict: 'license_required', findings: [{ measure: 'eu-reg-428-2009', code: '1C234' }] },
  { name: 'the last day of 428/2009 (2021-09-08): listed', request: req({ euCode: '1C117' }, 'DE', 'CN', { date: '2021-09-08' }), verdict: 'license_required', findings: [{ measure: 'eu-reg-428-2009', code: '1C117', status: 'in_force' }] },
  { name: '1C236 changed scope between the texts: asked', request: req({ euCode: '1C236' }, 'DE', 'CN', { date: '2016-01-01' }), verdict: 'needs_information', questions: ['eu.listedUnder428'] },
  { name: '1C241 (rhenium), absent from the 2014 text, added by an act not read: asked', request: req({ euCode: '1C241' }, 'DE', 'CN', { date: '2019-01-01' }), verdict: 'needs_information', questions: ['eu.listedUnder428'] },
  { name: 'tellurium of 99.9999 % (6C002.a) to China in 2017: listed in both texts, a licence', request: req({ id: 'tellurium/metal', parameters: { purity: 0.999999 } }, 'DE', 'CN', { date: '2017-03-01' }), verdict: 'license_required', noQuestions: ['eu.listedUnder428'],
    findings: [{ measure: 'eu-reg-428-2009', entry: 'annex-i-428-2009', code: '6C002.a', status: 'in_force' }] },
  { name: '1C233 (Li-6) to the US: Annex IV Part II, so no EU001 (Annex IIg)', request: req({ euCode: '1C233' }, 'DE', 'US', { date: '2016-05-01' }), verdict: 'license_required', findings: [{ measure: 'eu-reg-428-2009', code: '1C233' }] },
]);

describe('EU001 of Regulation 428/2009: its exclusions and destinations', () => {
  const auth = (r: AssessmentRequest) => eu(r).authorizations.map((a) => a.id);
  it('is not offered for Annex IV items (1C233, 1C239, 1C012) nor outside Part 2', () => {
    expect(auth(req({ euCode: '1C233' }, 'DE', 'US', { date: '2016-05-01' }))).not.toContain('EU001');
    expect(auth(req({ euCode: '1C239' }, 'DE', 'US', { date: '2016-05-01' }))).not.toContain('EU001');
    expect(auth(req({ euCode: '1C012' }, 'DE', 'JP', { date: '2016-05-01' }))).not.toContain('EU001');
    expect(auth(req({ euCode: '1C229' }, 'DE', 'CN', { date: '2016-05-01' }))).not.toContain('EU001');
    expect(auth(req({ euCode: '1C229' }, 'DE', 'US', { date: '2016-05-01' }))).toContain('EU001');
  });
  it('is not offered for a WMD end use, nor for a code whose listing is asked', () => {
    expect(auth(req({ euCode: '1C229' }, 'DE', 'US', { date: '2016-05-01', endUse: 'wmd' }))).not.toContain('EU001');
    expect(auth(req({ euCode: '1C229', parameters: { 'eu.listedUnder428': 1 } }, 'DE', 'US', { date: '2014-07-01' }))).not.toContain('EU001');
  });
  it('the United Kingdom only from 2021-01-01', () => {
    expect(auth(req({ euCode: '1C229' }, 'DE', 'GB', { date: '2021-06-01' }))).toContain('EU001');
  });
});
