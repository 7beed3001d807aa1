import type { AssessmentRequest, JurisdictionAssessment } from '@chokepoint/core';
import { PluginTester } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

// CONTRACT §3: a measure not in force on the date changes nothing, yet matches the item: the hook shows it as a
// finding with its status (not counted), exactly as the engine shows a data entry. Dates from the texts:
// - Regulation 2022/328 replaced Art. 2 of Regulation 833/2014 (ban on Annex I items to Russia) from 26 February 2022;
//   the 2014 text (dual-use items for military use in Russia) applied from 1 August 2014 to 25 February 2022.
// - Regulation 2022/355 inserted Art. 1e (Annex I items to Belarus) and Art. 1f / Annex Va into Regulation 765/2006
//   from 3 March 2022; Regulation 2024/1865 gave Annex Va a Part B by CN code from 1 July 2024.
// - Regulation 2022/576 inserted Art. 3k and Annex XXIII into Regulation 833/2014 from 9 April 2022.
// - Regulation 2022/1904 gave Annex VII a Part B by CN code (Art. 2a) from 7 October 2022.
// - The Dutch regulation on advanced semiconductor manufacturing equipment applies from 1 September 2023.
const t = new PluginTester(plugin);
const req = (item: AssessmentRequest['item'], from: string, to: string, date: string, extra: Partial<AssessmentRequest> = {}): AssessmentRequest =>
  ({ item, from, to, date, endUse: 'civil', ...extra });
const eu = (r: AssessmentRequest): JurisdictionAssessment => t.engine.assess(r).jurisdictions.find((j) => j.jurisdiction === 'EU')!;
const counted = (j: JurisdictionAssessment) => j.findings.filter((f) => f.status === 'in_force').map((f) => `${f.measure.id} ${f.entry?.code ?? f.entry?.id ?? ''}`).sort();

t.run('Annex I bans: Art. 2 of Regulation 833/2014 and Art. 1e of Regulation 765/2006', [
  { name: 'Russia, the first day of Art. 2 as replaced (26 February 2022): counted', request: req({ euCode: '3C005' }, 'DE', 'RU', '2022-02-26'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-2', requirement: 'prohibited', status: 'in_force' }] },
  { name: 'Belarus the day before Art. 1e (2 March 2022): shown, not counted', request: req({ euCode: '3C005' }, 'DE', 'BY', '2022-03-02'), verdict: 'license_required',
    findings: [{ measure: 'eu-reg-765-2006-art-1e', requirement: 'prohibited', status: 'not_yet_in_force' }], noFindings: [{ measure: 'eu-reg-765-2006-art-1e', status: 'in_force' }], noWarnings: ['sanctions_if_listed'] },
  { name: 'Belarus on the first day (3 March 2022): counted', request: req({ euCode: '3C005' }, 'DE', 'BY', '2022-03-03'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-765-2006-art-1e', requirement: 'prohibited', status: 'in_force' }] },
  { name: 'an item meeting today\'s Annex I (a 400 Wh/kg cell, 3A001.e.1.b), stated not listed under Reg. 428/2009 in 2015 (to Russia, civil): the 2022 ban is shown, not yet in force', request: req({ id: 'batteries/lithium-ion-cell', parameters: { energyDensityWhPerKg: 400, 'eu.listedUnder428': 0 } }, 'DE', 'RU', '2015-01-01'), verdict: 'not_controlled',
    findings: [{ measure: 'eu-reg-833-2014-art-2', status: 'not_yet_in_force' }], noFindings: [{ status: 'in_force' }] },
]);

t.run('the 2014 text of Art. 2 (military use in Russia), 1 August 2014 to 25 February 2022', [
  // Listed then in Annex I of Regulation 428/2009 (stated): a licence under its Art. 3(1) and the arms-embargo catch-all (Art. 4(2)).
  { name: 'the day before (31 July 2014): shown, not yet in force, not counted; the licences of Reg. 428/2009 decide', request: req({ euCode: '1C229', parameters: { 'eu.listedUnder428': 1 } }, 'DE', 'RU', '2014-07-31', { endUse: 'military' }), verdict: 'license_required',
    findings: [{ measure: 'eu-reg-833-2014-art-2-2014', requirement: 'prohibited', status: 'not_yet_in_force' }, { measure: 'eu-reg-428-2009', status: 'in_force' }], noFindings: [{ measure: 'eu-reg-833-2014-art-2-2014', status: 'in_force' }] },
  { name: 'the first day (1 August 2014): counted', request: req({ euCode: '1C229', parameters: { 'eu.listedUnder428': 1 } }, 'DE', 'RU', '2014-08-01', { endUse: 'military' }), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-2-2014', status: 'in_force' }] },
  { name: 'the day after its last day (26 February 2022): shown as repealed; the new Art. 2 decides', request: req({ euCode: '1C229' }, 'DE', 'RU', '2022-02-26', { endUse: 'military' }), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-2-2014', status: 'repealed' }, { measure: 'eu-reg-833-2014-art-2', status: 'in_force' }], noFindings: [{ measure: 'eu-reg-833-2014-art-2-2014', status: 'in_force' }] },
]);

t.run('Annex XXIII (Art. 3k) before Art. 3k applied', [
  { name: 'molybdenum waste and scrap (CN 8102 97) the day before (8 April 2022): shown, not counted, nothing asked', request: req({ hs: '810297' }, 'DE', 'RU', '2022-04-08'), verdict: 'not_controlled',
    findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 8102 97', requirement: 'prohibited', status: 'not_yet_in_force' }], noFindings: [{ status: 'in_force' }], onlyQuestions: true, noWarnings: ['sanctions_partial'] },
  { name: 'the first day (9 April 2022), a contract concluded that day: counted', request: req({ hs: '810297', parameters: { 'eu.priorContract': 0 } }, 'DE', 'RU', '2022-04-09'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 8102 97', status: 'in_force' }], noFindings: [{ measure: 'eu-reg-833-2014-art-3k', status: 'not_yet_in_force' }] },
]);

// Regulation 2023/1214 (11th package, in force 24 June 2023) replaced Annex XXIII with a list whose "ex 8471" leaves out
// CN 8471 80 (moved to Annex VII Part B the same day); Regulation 2022/1269 (in force 22 July 2022) dropped CN 4412 34.
t.run('Annex XXIII listings that ended: shown as repealed, not counted', [
  { name: 'other ADP units (CN 8471 80) on the last day of their Annex XXIII listing (23 June 2023): counted', request: req({ hs: '847180' }, 'DE', 'RU', '2023-06-23'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 8471 80', status: 'in_force' }], noFindings: [{ measure: 'eu-reg-833-2014-art-3k', status: 'repealed' }] },
  { name: '... the day after (24 June 2023): the Annex XXIII listing is shown as repealed; Part B decides', request: req({ hs: '847180' }, 'DE', 'RU', '2023-06-24'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 8471 80', status: 'repealed' }, { measure: 'eu-reg-833-2014-art-2a', code: 'CN 8471 80', status: 'in_force' }], noFindings: [{ measure: 'eu-reg-833-2014-art-3k', status: 'in_force' }] },
  { name: 'plywood (CN 4412 34) after the 7th package (1 August 2022): shown as repealed and as listed again from 24 June 2023; nothing counted', request: req({ hs: '441234' }, 'DE', 'RU', '2022-08-01'), verdict: 'not_controlled',
    findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 4412 34', status: 'repealed' }, { measure: 'eu-reg-833-2014-art-3k', code: 'CN 4412 34', status: 'not_yet_in_force' }], noFindings: [{ status: 'in_force' }] },
]);

t.run('a taxonomy item with several HS codes shows each code\'s coming listing', [
  { name: 'gallium metal (HS 8112 92 and 8112 99) to Russia on 1 January 2024: both lines of table 8 of 24 October 2025 are shown, not counted', request: req({ id: 'gallium/metal' }, 'DE', 'RU', '2024-01-01'), verdict: 'not_controlled',
    findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'CN 8112 92', status: 'not_yet_in_force' }, { measure: 'eu-reg-833-2014-art-2a', code: 'CN 8112 99', status: 'not_yet_in_force' }], noFindings: [{ status: 'in_force' }], onlyQuestions: true },
]);

t.run('the Annex I ban before it applied, for an item whose Annex I thresholds are asked about', [
  { name: 'bismuth, purity not given, to Russia on 25 February 2022: the ban is shown, not yet in force; the thresholds are asked for the licence', request: req({ id: 'bismuth/metal' }, 'DE', 'RU', '2022-02-25'), verdict: 'needs_information',
    findings: [{ measure: 'eu-reg-833-2014-art-2', status: 'not_yet_in_force' }], questions: ['purity'], noWarnings: ['sanctions_if_listed'] },
  { name: '... on 26 February 2022 a warning instead, and no finding until the thresholds are given', request: req({ id: 'bismuth/metal' }, 'DE', 'RU', '2022-02-26'), verdict: 'needs_information',
    noFindings: [{ measure: 'eu-reg-833-2014-art-2' }], questions: ['purity'], warnings: ['sanctions_if_listed'] },
]);

t.run('Annex VII Part B (Art. 2a) by CN code', [
  { name: 'diodes (CN 8541 10) before any list applied (8 April 2022): the Part B of 7 October 2022 is shown, not counted', request: req({ hs: '854110' }, 'DE', 'RU', '2022-04-08'), verdict: 'not_controlled',
    findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'CN 8541 10', status: 'not_yet_in_force' }], noFindings: [{ status: 'in_force' }], onlyQuestions: true },
  { name: 'photosensitive devices (CN 8541 30) the day before the 11th package (23 June 2023): Part B shown, not counted; Annex XXIII already bans them', request: req({ hs: '854130' }, 'DE', 'RU', '2023-06-23'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'CN 8541 30', status: 'not_yet_in_force' }, { measure: 'eu-reg-833-2014-art-3k', code: 'CN 8541 30', status: 'in_force' }] },
  { name: '... and on its first day (24 June 2023): counted', request: req({ hs: '854130' }, 'DE', 'RU', '2023-06-24'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'CN 8541 30', status: 'in_force' }] },
]);

t.run('Belarus: Annex Va Part B (Art. 1f) and Annex XIV (Art. 1s)', [
  { name: 'processors (CN 8542 31) the day before Art. 1f (2 March 2022): the 2024 Part B is shown, not counted, nothing asked', request: req({ hs: '854231' }, 'DE', 'BY', '2022-03-02'), verdict: 'not_controlled',
    findings: [{ measure: 'eu-reg-765-2006-art-1f', code: 'CN 8542 31', requirement: 'prohibited', status: 'not_yet_in_force' }], noFindings: [{ status: 'in_force' }], onlyQuestions: true, noWarnings: ['sanctions_partial'] },
  { name: 'on 30 June 2024, stated not yet listed: the Part B of 1 July 2024 is shown, not counted', request: req({ hs: '854231', parameters: { 'eu.sanctionsListed': 0 } }, 'DE', 'BY', '2024-06-30'), verdict: 'not_controlled',
    findings: [{ measure: 'eu-reg-765-2006-art-1f', code: 'CN 8542 31', status: 'not_yet_in_force' }], noFindings: [{ status: 'in_force' }], onlyQuestions: true },
  { name: 'on 30 June 2024, stated listed: counted', request: req({ hs: '854231', parameters: { 'eu.sanctionsListed': 1 } }, 'DE', 'BY', '2024-06-30'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-765-2006-art-1f', code: 'CN 8542 31', status: 'in_force' }] },
  { name: 'the first day of Part B (1 July 2024): counted', request: req({ hs: '854231' }, 'DE', 'BY', '2024-07-01'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-765-2006-art-1f', code: 'CN 8542 31', status: 'in_force' }], noFindings: [{ measure: 'eu-reg-765-2006-art-1f', status: 'not_yet_in_force' }] },
  { name: 'lathes (CN 8458 11) the day before Art. 1s (2 March 2022): shown, not counted', request: req({ hs: '845811' }, 'DE', 'BY', '2022-03-02'), verdict: 'not_controlled',
    findings: [{ measure: 'eu-reg-765-2006-art-1s', code: 'CN 8458 11', status: 'not_yet_in_force' }], noFindings: [{ status: 'in_force' }], onlyQuestions: true },
]);

t.run('national controls (Art. 9 Reg. 2021/821) before they apply', [
  { name: 'semiconductor equipment (CN 8486 20) from the Netherlands the day before its regulation (31 August 2023): shown, not counted, no warning', request: req({ hs: '848620', parameters: { 'eu.annexIListed': 0 } }, 'NL', 'CN', '2023-08-31'), verdict: 'not_controlled',
    findings: [{ measure: 'nl-2023-advanced-semiconductor-equipment', status: 'not_yet_in_force' }], noWarnings: ['national_control'] },
  { name: 'its first day (1 September 2023): a warning to check the national list, no finding', request: req({ hs: '848620', parameters: { 'eu.annexIListed': 0 } }, 'NL', 'CN', '2023-09-01'), verdict: 'not_controlled',
    noFindings: [{ measure: 'nl-2023-advanced-semiconductor-equipment' }], warnings: ['national_control'] },
  { name: 'an Annex I item from Germany before the 2024 AWV ordinance (16 July 2024): the licence alone counts', request: req({ euCode: '3B001' }, 'DE', 'CN', '2024-07-16'), verdict: 'license_required',
    findings: [{ measure: 'de-awv-2024-emerging-technologies', status: 'not_yet_in_force' }], noWarnings: ['national_control'] },
  { name: 'the same from the Netherlands is not Germany\'s', request: req({ euCode: '3B001' }, 'NL', 'CN', '2024-07-16'), verdict: 'license_required',
    noFindings: [{ measure: 'de-awv-2024-emerging-technologies' }] },
]);

// A measure not in force changes nothing: the answer equals that for a code or destination the measure does not touch.
describe('a measure shown as not in force leaves the verdict and the counted findings as if it did not exist', () => {
  const same = (a: AssessmentRequest, b: AssessmentRequest) => {
    const x = eu(a);
    const y = eu(b);
    expect(x.findings.some((f) => f.status !== 'in_force')).toBe(true);
    expect(x.verdict).toBe(y.verdict);
    expect(counted(x)).toEqual(counted(y));
  };
  it('Annex I item to Russia the day before Art. 2: as to Kazakhstan that day', () => {
    same(req({ euCode: '3C005' }, 'DE', 'RU', '2022-02-25'), req({ euCode: '3C005' }, 'DE', 'KZ', '2022-02-25'));
  });
  it('Annex XXIII code the day before Art. 3k: as to Kazakhstan that day', () => {
    same(req({ hs: '810297' }, 'DE', 'RU', '2022-04-08'), req({ hs: '810297' }, 'DE', 'KZ', '2022-04-08'));
  });
  it('Annex Va code the day before Art. 1f: as to Kazakhstan that day', () => {
    same(req({ hs: '854231' }, 'DE', 'BY', '2022-03-02'), req({ hs: '854231' }, 'DE', 'KZ', '2022-03-02'));
  });
  it('the status and dates are the measure\'s: Art. 3k from 2022-04-09', () => {
    const f = eu(req({ hs: '810297' }, 'DE', 'RU', '2022-04-08')).findings.find((x) => x.measure.id === 'eu-reg-833-2014-art-3k')!;
    expect(f.effective).toEqual({ from: '2022-04-09', to: null });
    expect(f.reason).toMatch(/only from 2022-04-09/);
  });
  it('a listing that ended says until when, and "at the latest" when unread acts may have ended it earlier', () => {
    const adp = eu(req({ hs: '847180' }, 'DE', 'RU', '2024-01-01')).findings.find((x) => x.measure.id === 'eu-reg-833-2014-art-3k')!;
    expect(adp.status).toBe('repealed');
    expect(adp.effective).toEqual({ from: '2023-02-26', to: '2023-06-23' });
    expect(adp.reason).toMatch(/until 2023-06-23; the list of Council Regulation \(EU\) 2023\/1214.*in force from 2023-06-24, no longer does/);
    const plywood = eu(req({ hs: '441234' }, 'DE', 'RU', '2022-08-01')).findings.find((x) => x.status === 'repealed')!;
    expect(plywood.reason).toMatch(/until 2022-07-21 at the latest \(it may have been removed between 2022-06-03 and 2022-07-21/);
  });
  it('a listing that unread amendments may have brought earlier says "at the latest"', () => {
    const f = eu(req({ hs: '854231' }, 'DE', 'BY', '2022-03-02')).findings.find((x) => x.measure.id === 'eu-reg-765-2006-art-1f')!;
    expect(f.effective).toEqual({ from: '2024-07-01', to: null });
    expect(f.reason).toMatch(/from 2024-07-01 at the latest \(it may have come in between 2022-03-11 and 2024-06-30/);
  });
});
