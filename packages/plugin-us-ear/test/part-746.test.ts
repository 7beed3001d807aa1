import { PluginTester, type PluginCase } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { M } from '../src/measures.js';
import { part746Lists } from '../src/part-746-lists.js';

const t = new PluginTester(plugin);
const D = '2026-09-01';
const us = (item: PluginCase['request']['item'], to: string, extra: Partial<PluginCase['request']> = {}): PluginCase['request'] => ({ item, from: 'US', to, date: D, endUse: 'civil', ...extra });

// §§ 746.5, 746.8, 746.10: EAR99 items need a licence to Russia or Belarus when their HTS-6 code is in
// Supplement No. 2, 4, 5 or 7 to Part 746; the HS code the request gives answers the question.
t.run('Russia and Belarus: EAR99 items decided by the HS code (Supp. Nos. 2, 4, 5, 7 to Part 746)', [
  { name: 'HS 8471.30 (portable computers, Supp. 4) to Russia', request: us({ eccn: 'EAR99', hs: '8471.30' }, 'RU'), verdict: 'license_required', licensePolicy: 'presumption_of_denial', findings: [{ measure: M.russia }] },
  // § 746.5(a)(1)(i): a Supp. No. 2 item needs a licence only for Russian deepwater, Arctic offshore or shale oil and gas
  // projects (or when the exporter cannot tell); (a)(1)(ii): a Supp. No. 4 item for any use.
  { name: 'HS 7304.11 (line pipe, Supp. 2 only) to Belarus: asks the oil and gas use', request: us({ eccn: 'EAR99', hs: '730411' }, 'BY'), verdict: 'needs_information', questions: ['ear.russianOilGasProject'], noFindings: [{ measure: M.russia }] },
  { name: 'HS 7304.11 for a Russian Arctic offshore project: licence', request: us({ eccn: 'EAR99', hs: '730411', parameters: { 'ear.russianOilGasProject': 1 } }, 'RU'), verdict: 'license_required', findings: [{ measure: M.russia }] },
  { name: 'HS 7304.11 not for such a project: no licence under § 746.5', request: us({ eccn: 'EAR99', hs: '730411', parameters: { 'ear.russianOilGasProject': 0 } }, 'RU'), verdict: 'not_controlled', noFindings: [{ measure: M.russia }] },
  { name: 'HS 8479.89 (Supp. 2 and Supp. 4) to Russia: Supp. 4 needs a licence for any use', request: us({ eccn: 'EAR99', hs: '847989' }, 'RU'), verdict: 'license_required', findings: [{ measure: M.russia }] },
  { name: 'HS 2204.21 (wine, Supp. 5 luxury goods) to Russia', request: us({ eccn: 'EAR99', hs: '220421' }, 'RU'), verdict: 'license_required', findings: [{ measure: M.russia }] },
  { name: 'HS 0901.11 (coffee) is in no supplement: no licence, no question', request: us({ eccn: 'EAR99', hs: '090111' }, 'RU'), verdict: 'not_controlled', warnings: ['data_incomplete'] },
  { name: 'a 4-digit heading with listed subheadings asks for six digits', request: us({ eccn: 'EAR99', hs: '8471' }, 'RU'), verdict: 'needs_information', questions: ['item.hs'] },
  { name: 'without an HS code it still asks', request: us({ eccn: 'EAR99' }, 'RU'), verdict: 'needs_information', questions: ['ear.part746Listed'] },
  // The request already answers the question when it names a China tariff line (its first six digits are the HS-6) or a
  // taxonomy item whose HS codes all give the same answer.
  { name: 'China tariff line 8112921010 (unwrought germanium, HS 8112.92, Supp. 4) to Russia: licence, nothing asked', request: us({ cnCode: '8112921010' }, 'RU'), verdict: 'license_required', findings: [{ measure: M.russia }] },
  // The exporter's classification replaces classification by parameters: an item the exporter calls EAR99 whose HS code
  // names unwrought tungsten (a taxonomy node some 1C226/1C117 items are) is not asked the 1C226 parameters.
  { name: 'EAR99 unwrought tungsten (HS 8101.94, Supp. 4) to Russia: licence from the HS code, no classification questions', request: us({ eccn: 'EAR99', hs: '810194' }, 'RU'), verdict: 'license_required', findings: [{ measure: M.russia }], noQuestions: ['fraction.W', 'formHollowCylinder', 'innerDiameterMm', 'massKg', 'particleSizeUm'] },
  { name: 'the same tungsten without an ECCN: the 1C226/1C117 parameters are asked', request: us({ hs: '810194' }, 'RU'), verdict: 'license_required', questions: ['fraction.W'] },
  { name: 'taxonomy item germanium/metal (HS 8112.92 and 8112.99, both in Supp. 4) to Russia: licence', request: us({ id: 'germanium/metal' }, 'RU'), verdict: 'license_required', findings: [{ measure: M.russia }] },
  // Lithium carbonate (HS 2836.91) is in no HTS list but is Supp. No. 6 (a)(45) by CAS number (test/part-746-supp6.test.ts);
  // lithium hydroxide (HS 2825.20, CAS 1310-65-2) is in neither.
  { name: 'taxonomy item lithium/hydroxide (HS 2825.20, in no supplement) to Russia: no licence, nothing asked', request: us({ id: 'lithium/hydroxide' }, 'RU'), verdict: 'not_controlled', warnings: ['data_incomplete'] },
]);

// Each supplement applies from the rule that created it for that destination: Supp. No. 4 for Russia from 2022-03-03,
// Supp. No. 5 (luxury goods, 87 FR 14785) from 2022-03-11, Belarus in the industry sector sanctions (Supp. Nos. 2 and 4)
// from 87 FR 57068 (effective 2022-09-15, published 2022-09-16), Supp. No. 7 (88 FR 12150) from 2023-02-24. The code lists are those of 2026-09-24, so a
// code in a list that gained codes after the request date is asked, not assumed.
t.run('Russia and Belarus HTS lists by date', [
  { name: 'HS 8471.30 to Russia on 2022-03-02, before Supp. Nos. 4 and 5 existed: no licence', request: us({ eccn: 'EAR99', hs: '847130' }, 'RU', { date: '2022-03-02' }), verdict: 'not_controlled', noFindings: [{ measure: M.russia }], warnings: ['data_incomplete'] },
  { name: 'HS 8471.30 on 2022-03-03: only Supp. No. 4 (which gained codes later) holds it, so it asks', request: us({ eccn: 'EAR99', hs: '847130' }, 'RU', { date: '2022-03-03' }), verdict: 'needs_information', questions: ['ear.part746Listed'] },
  { name: 'HS 8471.30 on 2022-03-11: Supp. No. 5 holds it and had no later additions recorded: licence', request: us({ eccn: 'EAR99', hs: '847130' }, 'RU', { date: '2022-03-11' }), verdict: 'license_required', findings: [{ measure: M.russia }] },
  { name: 'HS 2203 beer to Russia the day before the luxury goods rule: no licence', request: us({ eccn: 'EAR99', hs: '220300' }, 'RU', { date: '2022-03-10' }), verdict: 'not_controlled' },
  { name: 'HS 2203 beer to Belarus on the luxury goods rule\'s first day: licence', request: us({ eccn: 'EAR99', hs: '220300' }, 'BY', { date: '2022-03-11' }), verdict: 'license_required', findings: [{ measure: M.russia }] },
  { name: 'HS 7304.11 (Supp. No. 2) for an oil project, to Belarus before Belarus joined the industry sector sanctions: no licence', request: us({ eccn: 'EAR99', hs: '730411', parameters: { 'ear.russianOilGasProject': 1 } }, 'BY', { date: '2022-09-14' }), verdict: 'not_controlled' },
  { name: 'the same to Belarus from 2022-09-15, the rule\'s effective date (published the next day)', request: us({ eccn: 'EAR99', hs: '730411', parameters: { 'ear.russianOilGasProject': 1 } }, 'BY', { date: '2022-09-15' }), verdict: 'license_required', findings: [{ measure: M.russia }] },
  { name: 'the answer to the question is used: listed then (1)', request: us({ eccn: 'EAR99', hs: '847130', parameters: { 'ear.part746Listed': 1 } }, 'RU', { date: '2022-03-03' }), verdict: 'license_required', findings: [{ measure: M.russia }] },
]);

// § 746.8 began for Russia on 2022-02-24 and for Belarus on 2022-03-02; the § 744.21(a)(2) "any item" military end-use
// rule and the § 734.9(f) foreign direct product rule came with it. Before, Russia was under the Supp. No. 2 rule of
// § 744.21(a)(1) and Belarus under neither.
const withUsTech = (eccn: string): PluginCase['request']['item'] => ({ eccn, content: [{ item: { eccn: '3E001' }, origin: 'US', valueShare: 0 }] });
t.run('Russia and Belarus start dates', [
  { name: 'EAR99 for the military in Belarus on 2022-03-01: nothing applies and nothing is asked', request: us({ eccn: 'EAR99' }, 'BY', { date: '2022-03-01', endUse: 'military' }), verdict: 'not_controlled', noFindings: [{ measure: M.meu }] },
  { name: 'EAR99 furniture for the military in Belarus from 2022-03-02: licence under § 744.21(a)(2)', request: us({ eccn: 'EAR99', hs: '940360' }, 'BY', { date: '2022-03-02', endUse: 'military' }), verdict: 'license_required', licensePolicy: 'presumption_of_denial', findings: [{ measure: M.meu }] },
  // The rule of 2022-06-02 ended the exclusion of EAR99 food and medicine from the Russia/Belarus military end-use
  // licence and set a case-by-case review for them (denial for the FSB, SVR and GRU).
  { name: 'EAR99 medicine (HS 3004) for the Russian military on 2022-06-01: still excluded', request: us({ eccn: 'EAR99', hs: '300490' }, 'RU', { date: '2022-06-01', endUse: 'military' }), verdict: 'not_controlled', noFindings: [{ measure: M.meu }], warnings: ['food_medicine_by_hs'] },
  { name: 'the same from 2022-06-02: licence, case by case', request: us({ eccn: 'EAR99', hs: '300490' }, 'RU', { date: '2022-06-02', endUse: 'military' }), verdict: 'license_required', licensePolicy: 'case_by_case', findings: [{ measure: M.meu }] },
  { name: 'EAR99 computers (HS 8471.30) for the Russian military: denial', request: us({ eccn: 'EAR99', hs: '847130' }, 'RU', { endUse: 'military' }), verdict: 'license_required', licensePolicy: 'presumption_of_denial', findings: [{ measure: M.meu }] },
  { name: 'EAR99 for the military in Russia on 2022-02-23: not an (a)(1) Supp. No. 2 item, no licence', request: us({ eccn: 'EAR99' }, 'RU', { date: '2022-02-23', endUse: 'military' }), verdict: 'not_controlled', noFindings: [{ measure: M.meu }] },
  { name: '3A991.a for the military in Russia on 2022-02-23: Supp. No. 2 item, licence under (a)(1)', request: us({ eccn: '3A991.a' }, 'RU', { date: '2022-02-23', endUse: 'military' }), verdict: 'license_required', findings: [{ measure: M.meu }] },
  { name: 'Korean 4A994 made with US 3E001, to Belarus on 2022-03-01: § 734.9(f) not yet, not reached', request: { item: withUsTech('4A994'), from: 'KR', to: 'BY', date: '2022-03-01', endUse: 'civil' }, verdict: 'not_controlled', reaches: false },
  { name: 'the same on 2022-03-02: reached, licence', request: { item: withUsTech('4A994'), from: 'KR', to: 'BY', date: '2022-03-02', endUse: 'civil' }, verdict: 'license_required', reaches: true, findings: [{ measure: M.russia }] },
]);

// § 746.7 and Supp. No. 7: EAR99 items in Supp. 7 need a BIS licence to Iran.
t.run('Iran: Supp. No. 7 to Part 746', [
  { name: 'HS 8542.31 (processors) to Iran needs a BIS licence', request: us({ eccn: 'EAR99', hs: '854231' }, 'IR'), verdict: 'license_required', findings: [{ measure: M.iran }] },
  { name: 'before Supp. No. 7 existed (2023-02-23) the Iran finding is the OFAC one, not Supp. No. 7', request: us({ eccn: 'EAR99', hs: '854231' }, 'IR', { date: '2023-02-23' }), verdict: 'license_required', noWarnings: ['status_unverified'] },
  { name: 'on its first day (2023-02-24), with the later January 2024 addition named', request: us({ eccn: 'EAR99', hs: '854231' }, 'IR', { date: '2023-02-24' }), verdict: 'license_required', warnings: ['status_unverified'] },
]);

// §§ 746.4, 746.6, 746.9: "all items subject to the EAR other than food and medicine designated as EAR99".
t.run('EAR99 food and medicine to North Korea, Syria and the occupied regions of Ukraine', [
  { name: 'rice (HS 1006) to North Korea: outside § 746.4', request: us({ eccn: 'EAR99', hs: '100630' }, 'KP'), verdict: 'not_controlled', noFindings: [{ measure: M.northKorea }], warnings: ['food_medicine_by_hs'] },
  { name: 'medicaments (HS 3004) to Syria: outside § 746.9', request: us({ eccn: 'EAR99', hs: '300490' }, 'SY'), verdict: 'not_controlled', noFindings: [{ measure: M.syria }, { measure: M.syriaEasing }] },
  { name: 'medicaments to Crimea: outside § 746.6', request: us({ eccn: 'EAR99', hs: '300490', parameters: { 'ear.occupiedRegion': 1 } }, 'UA'), verdict: 'not_controlled', noFindings: [{ measure: M.crimea }] },
  { name: 'machinery (HS 8429) to North Korea still needs a licence', request: us({ eccn: 'EAR99', hs: '842951' }, 'KP'), verdict: 'license_required', findings: [{ measure: M.northKorea }] },
  { name: 'a CCL item that is food-coded is not EAR99: licence', request: us({ eccn: '1C991', hs: '300490' }, 'KP'), verdict: 'license_required', findings: [{ measure: M.northKorea }] },
]);

describe('the HTS lists', () => {
  it('ignores dots and reads the first six digits of a national code', () => {
    expect(part746Lists('8471.30.0100', 'RU', D)).toMatchObject({ kind: 'listed', hs6: '847130' });
  });
  it('applies Supp. 7 only to the destinations it names', () => {
    expect(part746Lists('854231', 'IR', D)).toMatchObject({ kind: 'listed' });
    expect(part746Lists('854231', 'CN', D)).toBeUndefined();
  });
});

// § 746.4(b): "Items requiring a license are subject to case-by-case review, except as follows": luxury goods, arms and
// related materiel, and NP/MT items are denied; other CCL items follow § 742.19(b).
t.run('North Korea review policy (§ 746.4(b))', [
  { name: 'an EAR99 item (HS 8471.30): licence, reviewed case by case', request: us({ eccn: 'EAR99', hs: '8471.30' }, 'KP'), verdict: 'license_required', licensePolicy: 'case_by_case', findings: [{ measure: M.northKorea }] },
  { name: 'a CCL item (1C229, NP): licence with a presumption of denial', request: us({ eccn: '1C229' }, 'KP'), verdict: 'license_required', licensePolicy: 'presumption_of_denial', findings: [{ measure: M.northKorea }] },
]);

// § 746.8(a)(8) (eCFR 2026-09-24): "A license is required to export, reexport, or transfer (in-country) to or within Russia or
// Belarus any 'software' subject to the EAR and described in paragraph (a)(8)(ii)": ERP, CRM, BI, SCM, EDW, CMMS, project
// management, PLM, BIM, CAD, CAM, ETO and CNC machine tool software, and their updates; from 2024-09-16 (89 FR 51644; CNC
// software by 89 FR 68539). (a)(12)(ii) and (iv) exclude listed civil end users and agriculture or medical entities.
const sw = (parameters: Record<string, number>, date = D): PluginCase['request'] => ({ item: { eccn: 'EAR99', parameters }, from: 'US', to: 'RU', date, endUse: 'civil', transfer: 'software' });
t.run('EAR99 software to Russia (§ 746.8(a)(8))', [
  { name: 'EAR99 software: asks whether it is enterprise or design software (not an HS code)', request: sw({}), verdict: 'needs_information', questions: ['ear.russiaEnterpriseSoftware'], warnings: ['data_incomplete'] },
  { name: 'CAD software for a Russian manufacturer: licence, policy of denial', request: sw({ 'ear.russiaEnterpriseSoftware': 1, 'ear.russiaSoftwareExcludedEndUser': 0 }), verdict: 'license_required', licensePolicy: 'presumption_of_denial', findings: [{ measure: M.russia }] },
  { name: 'the same for a wholly owned US subsidiary: excluded', request: sw({ 'ear.russiaEnterpriseSoftware': 1, 'ear.russiaSoftwareExcludedEndUser': 1 }), verdict: 'not_controlled' },
  { name: 'enterprise software, end user not stated: asked', request: sw({ 'ear.russiaEnterpriseSoftware': 1 }), verdict: 'needs_information', questions: ['ear.russiaSoftwareExcludedEndUser'] },
  { name: 'other EAR99 software: no licence', request: sw({ 'ear.russiaEnterpriseSoftware': 0 }), verdict: 'not_controlled' },
  { name: 'CAD software on 2024-09-15, before (a)(8): no licence, not asked', request: sw({}, '2024-09-15'), verdict: 'not_controlled' },
  { name: 'on 2024-09-16: asked', request: sw({}, '2024-09-16'), verdict: 'needs_information', questions: ['ear.russiaEnterpriseSoftware'] },
  { name: 'software for quantum items (Supp. No. 6 (g)(9)) stated as listed: licence', request: sw({ 'ear.part746Listed': 1 }), verdict: 'license_required', findings: [{ measure: M.russia }] },
  { name: 'EAR99 technology to Russia: no HS question; Supp. No. 6 (g)(11) named in a warning', request: { item: { eccn: 'EAR99' }, from: 'US', to: 'RU', date: D, endUse: 'civil', transfer: 'technology' }, verdict: 'not_controlled', warnings: ['data_incomplete'] },
]);
