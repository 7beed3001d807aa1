import { PluginTester, type PluginCase } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { M } from '../src/measures.js';

const t = new PluginTester(plugin);
const D = '2026-09-01';
const us = (item: PluginCase['request']['item'], to: string, extra: Partial<PluginCase['request']> = {}): PluginCase['request'] => ({ item, from: 'US', to, date: D, ...extra });

t.run('reach (15 CFR 734.3, 734.4, 734.9, 734.13)', [
  { name: 'export from the US is reached', request: us({ eccn: '6C002.a' }, 'DE'), verdict: 'no_license_required', reaches: true },
  { name: 'reexport of a US-origin item from Germany is reached', request: { item: { eccn: '1C229', origin: 'US' }, from: 'DE', to: 'CN', date: D }, verdict: 'license_required', reaches: true },
  { name: 'foreign item with 30 % controlled US content (> 25 %) is reached', request: { item: { eccn: '3C005.a', content: [{ item: { eccn: '3C005.a' }, origin: 'US', valueShare: 0.3 }] }, from: 'DE', to: 'CN', date: D }, verdict: 'license_required', reaches: true },
  { name: 'foreign item with exactly 25 % US content is not reached', request: { item: { eccn: '3C005.a', content: [{ item: { eccn: '3C005.a' }, origin: 'US', valueShare: 0.25 }] }, from: 'DE', to: 'CN', date: D }, verdict: 'not_controlled', reaches: false },
  { name: 'US content whose share is not given: asked where a rule would then bind (3C005.a to China), never taken as 0', request: { item: { eccn: '3C005.a', content: [{ item: { eccn: '3C005.a' }, origin: 'US' }] }, from: 'DE', to: 'CN', date: D }, verdict: 'needs_information', reaches: true, questions: ['item.content'] },
  { name: 'US content of unknown share beside shares already above the level: reached, nothing asked', request: { item: { eccn: '3C005.a', content: [{ item: { eccn: '3C005.a' }, origin: 'US', valueShare: 0.3 }, { item: { eccn: '3A001.a.1' }, origin: 'US' }] }, from: 'DE', to: 'CN', date: D }, verdict: 'license_required', reaches: true },
  { name: 'US content of unknown share in an item no rule binds for the destination: no question', request: { item: { eccn: 'EAR99', content: [{ item: { eccn: '3C005.a' }, origin: 'US' }] }, from: 'DE', to: 'FR', date: D }, verdict: 'not_controlled' },
  { name: '15 % US content is below de minimis for China', request: { item: { eccn: 'EAR99', content: [{ item: { eccn: '3C005.a' }, origin: 'US', valueShare: 0.15 }] }, from: 'DE', to: 'CN', date: D }, verdict: 'not_controlled', reaches: false },
  { name: '15 % US content is above the 10 % level for Cuba (E:2)', request: { item: { eccn: 'EAR99', content: [{ item: { eccn: '3C005.a' }, origin: 'US', valueShare: 0.15 }] }, from: 'DE', to: 'CU', date: D }, verdict: 'license_required', reaches: true, findings: [{ measure: M.cuba }] },
  { name: '0 % de minimis: 1 % US 600-series content in a Korean item for Venezuela (D:5)', request: { item: { eccn: '9A610.a', origin: 'KR', content: [{ item: { eccn: '9A610.a' }, origin: 'US', valueShare: 0.01 }] }, from: 'KR', to: 'VE', date: D }, verdict: 'license_required', licensePolicy: 'presumption_of_denial', reaches: true },
  { name: 'a foreign item with no US content is not reached', request: { item: { eccn: '4A994' }, from: 'TW', to: 'RU', date: D }, verdict: 'not_controlled', reaches: false },
  { name: 'FDP § 734.9(f): a Malaysian 4A994 item made with US 3E001 technology going to Russia', request: { item: { eccn: '4A994', content: [{ item: { eccn: '3E001' }, origin: 'US', valueShare: 0 }] }, from: 'MY', to: 'RU', date: D, endUse: 'civil' }, verdict: 'license_required', reaches: true, findings: [{ measure: M.russia }] },
  // § 746.8(a)(12)(iii)(A): Taiwan is in Supp. No. 3 to Part 746 (from 2023-02-27): its exports are outside the (f) licence.
  { name: 'the same from Taiwan (Supp. No. 3 to Part 746): outside the § 746.8(a)(2) licence', request: { item: { eccn: '4A994', content: [{ item: { eccn: '3E001' }, origin: 'US', valueShare: 0 }] }, from: 'TW', to: 'RU', date: D, endUse: 'civil' }, verdict: 'not_controlled', reaches: false },
  { name: 'FDP § 734.9(e)(1): a direct product of US 3E001 technology for Huawei (footnote 1)', request: { item: { eccn: 'EAR99', content: [{ item: { eccn: '3E001' }, origin: 'US', valueShare: 0 }] }, from: 'TW', to: 'CN', date: D, endUser: { name: 'Huawei Technologies Co., Ltd.' } }, verdict: 'license_required', reaches: true, findings: [{ measure: 'us-el-2019-huawei', party: 'el-huawei-technologies' }] },
  { name: 'no FDP for a party without footnote 1 or 4 (Hikvision)', request: { item: { eccn: 'EAR99', content: [{ item: { eccn: '3E001' }, origin: 'US', valueShare: 0 }] }, from: 'TW', to: 'CN', date: D, endUser: { name: 'Hangzhou Hikvision Digital Technology Co., Ltd.' } }, verdict: 'not_controlled', reaches: false },
  { name: 'goods moving within the US are not an export', request: us({ eccn: '3C005.a' }, 'US'), verdict: 'not_controlled', reaches: false },
]);

t.run('classification and the Country Chart (15 CFR 738.4)', [
  // § 738.4(b)-style examples: find the reasons, read each column against the destination's row.
  { name: '6C002.a (NS2, AT1) to China: X in NS2 ⇒ licence', request: us({ eccn: '6C002.a' }, 'CN'), verdict: 'license_required', licensePolicy: 'case_by_case', findings: [{ measure: M.chart, code: '6C002.a', requirement: 'license_required' }] },
  { name: '6C002.a to India: no X in NS2 or AT1 ⇒ NLR', request: us({ eccn: '6C002.a' }, 'IN'), verdict: 'no_license_required', noFindings: [{ measure: M.chart }] },
  { name: '1C229 (NP1) to India: X in NP1 ⇒ licence, STA for A:5', request: us({ eccn: '1C229' }, 'IN'), verdict: 'authorization_available', authorizations: ['STA'], findings: [{ measure: M.chart, code: '1C229' }] },
  { name: '1C229 to Germany (A:4): no X ⇒ NLR', request: us({ eccn: '1C229' }, 'DE'), verdict: 'no_license_required', onlyFindings: true, findings: [{ measure: M.ccl, code: '1C229', status: 'in_force', requirement: 'no_license_required' }] },
  { name: '1C011.a (NS2, MT1) meeting 1C111 to the UK the day before AUKUS: MT1 X', request: us({ eccn: '1C011.a', parameters: { 'ear.mtScopeMet': 1 } }, 'GB', { date: '2024-04-18' }), verdict: 'license_required' },
  { name: '1C011.a to the UK on the AUKUS date: NLR', request: us({ eccn: '1C011.a' }, 'GB', { date: '2024-04-19' }), verdict: 'no_license_required' },
  { name: 'Hong Kong is read as China', request: us({ eccn: '6C002.a' }, 'HK'), verdict: 'license_required', findings: [{ measure: M.chart }] },
  { name: 'trimethylindium of 99.9999 % (3C003.a, NS2) to China: licence', request: us({ id: 'indium/trimethylindium', parameters: { purity: 0.999999 } }, 'CN'), verdict: 'license_required', findings: [{ measure: M.chart, code: '3C003.a' }] },
  { name: 'trimethylindium of 99.9 % is not 3C003.a: EAR99 presumed', request: us({ id: 'indium/trimethylindium', parameters: { purity: 0.999 } }, 'CN'), verdict: 'not_controlled', warnings: ['classification_assumed'] },
  { name: 'EAR99 to Germany ⇒ not_controlled (the EAR ships it NLR, but no CCL entry lists it: CONTRACT §3)', request: us({ eccn: 'EAR99' }, 'DE'), verdict: 'not_controlled', onlyFindings: true, findings: [] },
  { name: 'tellurium metal of 99.9999 % is classified 6C002.a and needs a licence for China', request: us({ id: 'tellurium/metal', parameters: { purity: 0.999999 } }, 'CN'), verdict: 'license_required', findings: [{ measure: M.ccl, entry: 'ccl-6c002-a' }, { measure: M.chart, code: '6C002.a' }] },
  { name: 'tellurium metal of 99.99 % is below 6C002.a: EAR99 presumed', request: us({ id: 'tellurium/metal', parameters: { purity: 0.9999 } }, 'CN'), verdict: 'not_controlled', warnings: ['classification_assumed'] },
  { name: 'tellurium metal without purity: needs_information', request: us({ id: 'tellurium/metal' }, 'CN'), verdict: 'needs_information', questions: ['purity'] },
  { name: 'bismuth 99.99 % with 5 ppm Ag is 1C229 (NP1): licence for China', request: us({ id: 'bismuth/metal', parameters: { purity: 0.9999, 'ppm.Ag': 5 } }, 'CN'), verdict: 'license_required', findings: [{ measure: M.chart, code: '1C229' }] },
  { name: 'bismuth with 20 ppm Ag is not 1C229', request: us({ id: 'bismuth/metal', parameters: { purity: 0.9999, 'ppm.Ag': 20 } }, 'CN'), verdict: 'not_controlled' },
  // 3A001.e.1.b (eCFR 2026-09-24): secondary cells with an energy density exceeding 350 Wh/kg at 20 °C (NS2); batteries,
  // single-cell batteries included, are not covered. Before, every Li-ion cell was presumed EAR99. A cell of 350 Wh/kg or
  // less is 3A991.j.2 (AT only, no X for China; see battery-cells.test.ts), which § 744.21 reaches for military end uses.
  { name: 'a lithium-ion cell of 400 Wh/kg is 3A001.e.1.b (NS2): licence for China', request: us({ id: 'batteries/lithium-ion-cell', parameters: { energyDensityWhPerKg: 400 } }, 'CN'), verdict: 'license_required', findings: [{ measure: M.chart, code: '3A001.e.1.b' }] },
  { name: 'a lithium-ion cell of exactly 350 Wh/kg is not 3A001.e.1.b ("exceeding") but 3A991.j.2', request: us({ id: 'batteries/lithium-ion-cell', parameters: { energyDensityWhPerKg: 350 } }, 'CN', { endUse: 'civil' }), verdict: 'no_license_required', findings: [{ measure: M.ccl, code: '3A991.j.2' }], noFindings: [{ measure: M.chart }, { measure: M.ccl, code: '3A001.e.1.b' }] },
  { name: 'a lithium-ion cell without its energy density: asked', request: us({ id: 'batteries/lithium-ion-cell' }, 'CN'), verdict: 'needs_information', questions: ['energyDensityWhPerKg'] },
  { name: 'a lithium-ion cell of 400 Wh/kg to Japan (A:1, no NS2 X): no licence', request: us({ id: 'batteries/lithium-ion-cell', parameters: { energyDensityWhPerKg: 400 } }, 'JP'), verdict: 'no_license_required' },
  { name: 'uranium metal: the answer names the NRC (10 CFR part 110, § 734.3(b)(1)(iii)) instead of a bare EAR99 presumption', request: us({ id: 'uranium/metal' }, 'CN'), verdict: 'not_controlled', warnings: ['other_agency', 'classification_assumed'] },
  { name: 'uranium ore by HS 2612.10: the NRC warning too', request: us({ hs: '261210' }, 'DE'), verdict: 'not_controlled', warnings: ['other_agency'] },
  { name: 'tungsten metal: no NRC warning', request: us({ id: 'tungsten/metal', parameters: { 'fraction.W': 0.5 } }, 'DE'), verdict: 'not_controlled', noWarnings: ['other_agency'] },
  { name: 'an ECCN not on the CCL asks for the classification', request: us({ eccn: '1C555' }, 'DE'), verdict: 'needs_information', questions: ['item.eccn'] },
]);

t.run('controls outside the chart (part 742)', [
  // 0A501 License Requirement Note (eCFR 2026-09-24): "In addition to using the Commerce Country Chart …, a license is
  // required for exports and reexports of ECCN 0A501.y.7 firearms to the People's Republic of China."
  { name: '0A501.y.7 (firearms made 1890-1898 and reproductions) to China: licence under the ECCN note', request: us({ eccn: '0A501.y.7' }, 'CN'), verdict: 'license_required', findings: [{ measure: M.special, code: '0A501.y.7' }] },
  { name: '0A501.y.7 to Hong Kong (read as China): licence', request: us({ eccn: '0A501.y.7' }, 'HK'), verdict: 'license_required', findings: [{ measure: M.special }] },
  { name: '0A501.y.7 to Germany: AT only, no licence', request: us({ eccn: '0A501.y.7' }, 'DE'), verdict: 'no_license_required' },
  { name: '0A501.y.1 (stocks) to China: the note names y.7 only, no licence', request: us({ eccn: '0A501.y.1' }, 'CN'), verdict: 'no_license_required', noFindings: [{ measure: M.special }] },
  { name: '3B001.c.1.a is controlled worldwide (NS and RS)', request: us({ eccn: '3B001.c.1.a' }, 'JP'), verdict: 'license_required', findings: [{ measure: M.special, code: '3B001.c.1.a' }] },
  { name: '3B001.l goes to China (D:5) only with a licence', request: us({ eccn: '3B001.l' }, 'CN', { item: { eccn: '3B001.l', parameters: { 'ear.advancedNodeFab': 0 } } }), verdict: 'license_required', findings: [{ measure: M.special }] },
  { name: '3B001.l to Germany: NLR', request: us({ eccn: '3B001.l' }, 'DE'), verdict: 'no_license_required' },
  { name: '3A090.a to China under the enforced reading', request: us({ eccn: '3A090.a' }, 'CN'), verdict: 'license_required', warnings: ['sources_disagree'], findings: [{ measure: M.special }] },
  { name: '3A090.a to Germany (A:5) for a German-headquartered user: NLR under the enforced reading, not the eCFR worldwide text', request: us({ eccn: '3A090.a', parameters: { 'ear.endUserHeadquartersD5': 0 } }, 'DE'), verdict: 'no_license_required' },
  { name: '5A002.a (EI) to Germany: licence, ENC available', request: us({ eccn: '5A002.a' }, 'DE'), verdict: 'authorization_available', authorizations: ['ENC'] },
  { name: '5A002.a to Canada: no EI licence', request: us({ eccn: '5A002.a' }, 'CA'), verdict: 'no_license_required' },
  // § 742.6(a)(12) (FR Doc 2024-27648, from 2024-11-25): RS licence for 1B999, 2A992, 2B999 (not .h.2), 3A992, 3A999, 6A996 to Pakistan.
  { name: '2B999.a to Pakistan the day before the Pakistan rule: no RS licence', request: us({ eccn: '2B999.a' }, 'PK', { date: '2024-11-24' }), verdict: 'no_license_required', noFindings: [{ measure: M.special }] },
  { name: '2B999.a to Pakistan from 2024-11-25: RS licence', request: us({ eccn: '2B999.a' }, 'PK', { date: '2024-11-25' }), verdict: 'license_required', findings: [{ measure: M.special, code: '2B999.a' }] },
]);

t.run('licence exceptions (part 740) and § 740.2', [
  { name: 'LVS: 6C002.a to Indonesia (B) at $1,000 ≤ $3,000', request: us({ eccn: '6C002.a', valueUsd: 1000 }, 'ID'), verdict: 'authorization_available', authorizations: ['LVS'] },
  { name: 'LVS: over the limit at $5,000 ⇒ licence', request: us({ eccn: '6C002.a', valueUsd: 5000 }, 'ID'), verdict: 'license_required' },
  { name: 'LVS: value missing ⇒ question on valueUsd', request: us({ eccn: '6C002.a' }, 'ID'), verdict: 'license_required', questions: ['valueUsd'] },
  { name: 'LVS not for Vietnam (not in B)', request: us({ eccn: '6C002.a', valueUsd: 100 }, 'VN'), verdict: 'license_required' },
  { name: 'GBS: 3C005.a (NS only, GBS yes) to Indonesia', request: us({ eccn: '3C005.a', valueUsd: 50000 }, 'ID'), verdict: 'authorization_available', authorizations: ['GBS'] },
  { name: 'no GBS for 6C002.a (GBS N/A)', request: us({ eccn: '6C002.a', valueUsd: 50000 }, 'ID'), verdict: 'license_required' },
  { name: 'STA (c)(2): 6C002.a (NS only) to Taiwan (A:6)', request: us({ eccn: '6C002.a', valueUsd: 50000 }, 'TW'), verdict: 'authorization_available', authorizations: ['STA'] },
  { name: 'STA not for an MT item to A:5 (1C011.a meeting 1C111, to India)', request: us({ eccn: '1C011.a', valueUsd: 50000, parameters: { 'ear.mtScopeMet': 1 } }, 'IN'), verdict: 'license_required' },
  { name: 'UAE before A:5: no STA', request: us({ eccn: '6C002.a', valueUsd: 50000 }, 'AE', { date: '2026-07-09' }), verdict: 'license_required' },
  { name: 'UAE from 2026-07-10: STA (approved entities only)', request: us({ eccn: '6C002.a', valueUsd: 50000 }, 'AE', { date: '2026-07-10' }), verdict: 'authorization_available', authorizations: ['STA'] },
  { name: '§ 740.2: no LVS when an Entity List party is involved', request: us({ eccn: '6C002.a', valueUsd: 100 }, 'TW', { endUser: { name: 'Inspur Taiwan' } }), verdict: 'license_required', warnings: ['no_licence_exceptions'] },
  { name: '§ 740.2(a)(12): 600-series to Cambodia while in D:5 ⇒ policy of denial', request: us({ eccn: '3A611.a' }, 'KH', { date: '2026-02-02' }), verdict: 'license_required', licensePolicy: 'presumption_of_denial' },
  { name: 'Cambodia out of D:5 from 2026-02-03 ⇒ case by case', request: us({ eccn: '3A611.a' }, 'KH', { date: '2026-02-03' }), verdict: 'license_required', licensePolicy: 'case_by_case' },
]);

t.run('embargoes (part 746)', [
  { name: 'Cuba: EAR99 needs a licence', request: us({ eccn: 'EAR99' }, 'CU'), verdict: 'license_required', licensePolicy: 'presumption_of_denial', findings: [{ measure: M.cuba }] },
  { name: 'North Korea: EAR99 needs a licence', request: us({ eccn: 'EAR99' }, 'KP'), verdict: 'license_required', findings: [{ measure: M.northKorea }] },
  { name: 'Iran: a CCL item needs a licence', request: us({ eccn: '6C002.a' }, 'IR'), verdict: 'license_required', findings: [{ measure: M.iran }] },
  { name: 'Syria before the easing: EAR99 denied', request: us({ eccn: 'EAR99' }, 'SY', { date: '2025-09-01' }), verdict: 'license_required', licensePolicy: 'presumption_of_denial', findings: [{ measure: M.syria }] },
  { name: 'Syria from 2025-09-02: EAR99 under SPP', request: us({ eccn: 'EAR99' }, 'SY', { date: '2025-09-02' }), verdict: 'authorization_available', authorizations: ['SPP'], findings: [{ measure: M.syriaEasing }] },
  { name: 'Ukraine: asks whether the destination is in Crimea/DNR/LNR', request: us({ eccn: 'EAR99' }, 'UA'), verdict: 'needs_information', questions: ['ear.occupiedRegion'] },
  { name: 'Crimea: licence, policy of denial', request: us({ eccn: 'EAR99', parameters: { 'ear.occupiedRegion': 1 } }, 'UA'), verdict: 'license_required', findings: [{ measure: M.crimea }] },
  { name: 'Ukraine outside the regions: EAR99 is not_controlled', request: us({ eccn: 'EAR99', parameters: { 'ear.occupiedRegion': 0 } }, 'UA'), verdict: 'not_controlled' },
  { name: 'Russia: any CCL item (1C229) needs a licence', request: us({ eccn: '1C229' }, 'RU', { endUse: 'civil' }), verdict: 'license_required', licensePolicy: 'presumption_of_denial', findings: [{ measure: M.russia }] },
  { name: 'Belarus before 2022-03-02: § 746.8 not yet in force for Belarus', request: us({ eccn: '6C002.a' }, 'BY', { date: '2022-03-01', endUse: 'civil' }), verdict: 'license_required', findings: [{ measure: M.russia, status: 'not_yet_in_force' }] },
  { name: 'Russia EAR99: asks about the part 746 supplements', request: us({ eccn: 'EAR99' }, 'RU', { endUse: 'civil' }), verdict: 'needs_information', questions: ['ear.part746Listed'] },
]);

t.run('end use and end user (part 744)', [
  { name: 'Huawei the day before listing', request: us({ eccn: 'EAR99' }, 'CN', { date: '2019-05-15', endUser: { name: 'Huawei Technologies Co., Ltd.' } }), verdict: 'not_controlled' },
  { name: 'Huawei on the listing day', request: us({ eccn: 'EAR99' }, 'CN', { date: '2019-05-16', endUser: { name: 'Huawei Technologies Co., Ltd.' } }), verdict: 'license_required', licensePolicy: 'presumption_of_denial', findings: [{ measure: 'us-el-2019-huawei', party: 'el-huawei-technologies' }] },
  { name: 'YMTC the day before listing', request: us({ eccn: 'EAR99' }, 'CN', { date: '2022-12-15', endUser: { name: 'Yangtze Memory Technologies Co., Ltd.' } }), verdict: 'not_controlled' },
  { name: 'YMTC from 2022-12-16', request: us({ eccn: 'EAR99' }, 'CN', { date: '2022-12-16', endUser: { name: 'Yangtze Memory Technologies Co., Ltd.' } }), verdict: 'license_required', findings: [{ party: 'el-ymtc', measure: 'us-el-2022-ymtc' }] },
  { name: 'SMIC from 2020-12-18 (case by case outside 10 nm)', request: us({ eccn: 'EAR99' }, 'CN', { date: '2020-12-18', endUser: { name: 'Semiconductor Manufacturing International Corporation' } }), verdict: 'license_required', licensePolicy: 'case_by_case' },
  { name: 'Moore Threads from 2023-10-17', request: us({ eccn: 'EAR99' }, 'CN', { date: '2023-10-17', endUser: { name: 'Moore Threads Intelligent Technology (Beijing) Co., Ltd.' } }), verdict: 'license_required' },
  { name: 'Entity List goes with the party, not the country: Inspur Taiwan', request: us({ eccn: 'EAR99' }, 'TW', { date: '2025-03-25', endUser: { name: 'Inspur Taiwan' } }), verdict: 'license_required' },
  { name: 'MEU (a)(1): Supp. 2 item for a military end user in China', request: us({ eccn: '6C002.a', parameters: { 'ear.meuSupplement2': 1 } }, 'CN', { endUse: 'military' }), verdict: 'license_required', licensePolicy: 'presumption_of_denial', findings: [{ measure: M.meu }] },
  // Supp. No. 2 to Part 744 is read as data: 3A991 is listed, 6C002 is not.
  { name: 'MEU (a)(1): 3A991 (in Supp. 2) for a military end user in China', request: us({ eccn: '3A991.a' }, 'CN', { endUse: 'military' }), verdict: 'license_required', licensePolicy: 'presumption_of_denial', findings: [{ measure: M.meu }] },
  { name: 'MEU (a)(1): 6C002.a is not in Supp. 2, so no MEU licence and no question', request: us({ eccn: '6C002.a' }, 'CN', { endUse: 'military' }), verdict: 'license_required', noFindings: [{ measure: M.meu }] },
  // With neither end use nor end user type given, a Supp. 2 item to a § 744.21 destination asks (enduse review U55), as Russia does.
  { name: 'MEU (a)(1): 3A991 to China with the end use not given: asked', request: us({ eccn: '3A991.a' }, 'CN'), verdict: 'needs_information', questions: ['endUse'] },
  { name: 'MEU (a)(1): 3A991 to China for a stated civil end use: nothing asked', request: us({ eccn: '3A991.a' }, 'CN', { endUse: 'civil' }), verdict: 'no_license_required', noQuestions: ['endUse'] },
  { name: 'MEU (a)(1): 3A991 to a commercial end user in China: nothing asked', request: us({ eccn: '3A991.a' }, 'CN', { endUser: { name: 'Acme Trading', country: 'CN', type: 'commercial' } }), verdict: 'no_license_required', noQuestions: ['endUse'] },
  { name: 'MEU (a)(1): 6C002.a (not in Supp. 2) to China: the end use is not asked for it', request: us({ eccn: '6C002.a' }, 'CN'), verdict: 'license_required', noQuestions: ['endUse'] },
  { name: 'MEU (a)(1): 9A991 for the military in Venezuela', request: us({ eccn: '9A991.b' }, 'VE', { endUse: 'military' }), verdict: 'license_required', findings: [{ measure: M.meu }] },
  { name: 'MEU (a)(2): any item for a military end use in Russia', request: us({ eccn: 'EAR99', parameters: { 'ear.part746Listed': 0 } }, 'RU', { endUse: 'military' }), verdict: 'license_required', findings: [{ measure: M.meu }] },
  { name: 'MEU: Nicaragua before it was added', request: us({ eccn: '6C002.a', parameters: { 'ear.meuSupplement2': 1 } }, 'NI', { date: '2024-03-14', endUse: 'military' }), verdict: 'license_required', findings: [{ measure: M.meu, status: 'not_yet_in_force' }] },
  { name: 'MIEU: any item for military intelligence in China', request: us({ eccn: 'EAR99' }, 'CN', { endUse: 'military-intelligence' }), verdict: 'license_required', findings: [{ measure: M.mieu }] },
  { name: '§ 744.23: any item for an advanced-node fab in China', request: us({ eccn: 'EAR99', parameters: { 'ear.advancedNodeFab': 1 } }, 'CN'), verdict: 'license_required', findings: [{ measure: M.semiconductor }] },
  { name: '§ 744.23 asks whether Category 3 B–E items are for an advanced-node fab in China', request: us({ eccn: '3B001.a.1' }, 'CN'), verdict: 'license_required', questions: ['ear.advancedNodeFab'] },
  { name: '§ 744.23 does not ask before it existed (2022-10-07)', request: us({ eccn: '3B001.a.1' }, 'CN', { date: '2021-01-01' }), verdict: 'license_required', noQuestions: ['ear.advancedNodeFab'] },
  { name: 'before it existed a stated advanced-node fab finds the rule not yet in force', request: us({ eccn: 'EAR99', parameters: { 'ear.advancedNodeFab': 1 } }, 'CN', { date: '2021-01-01' }), verdict: 'not_controlled', findings: [{ measure: M.semiconductor, status: 'not_yet_in_force' }] },
  { name: 'WMD end use: licence anywhere', request: us({ eccn: 'EAR99' }, 'DE', { endUse: 'wmd' }), verdict: 'license_required', findings: [{ measure: M.wmd }] },
]);

t.run('affiliates rule (90 FR 47201) and its stay (90 FR 50857)', [
  { name: 'before the rule: not yet in force', request: us({ eccn: 'EAR99' }, 'CN', { date: '2025-09-28', endUser: { name: 'Huawei Lighting Products (Kunming) Co., Ltd.' } }), verdict: 'needs_information', findings: [{ measure: M.affiliates, status: 'not_yet_in_force' }] },
  { name: 'in force 2025-09-29', request: us({ eccn: 'EAR99' }, 'CN', { date: '2025-09-29', endUser: { name: 'Huawei Lighting Products (Kunming) Co., Ltd.' } }), verdict: 'license_required', findings: [{ measure: M.affiliates, status: 'in_force' }], noWarnings: ['status_unverified'] },
  { name: 'stayed from 2025-11-10', request: us({ eccn: 'EAR99' }, 'CN', { date: '2025-11-10', endUser: { name: 'Huawei Lighting Products (Kunming) Co., Ltd.' } }), verdict: 'needs_information', findings: [{ measure: M.affiliates, status: 'suspended' }] },
  { name: 'stay covers its last day 2026-11-09', request: us({ eccn: 'EAR99' }, 'CN', { date: '2026-11-09', endUser: { name: 'Huawei Lighting Products (Kunming) Co., Ltd.' } }), verdict: 'needs_information', findings: [{ measure: M.affiliates, status: 'suspended' }] },
  { name: 'applies again 2026-11-10 with status_unverified', request: us({ eccn: 'EAR99' }, 'CN', { date: '2026-11-10', endUser: { name: 'Huawei Lighting Products (Kunming) Co., Ltd.' } }), verdict: 'license_required', findings: [{ measure: M.affiliates, status: 'in_force' }], warnings: ['status_unverified', 'stale_data'] },
]);

t.run('deemed exports (15 CFR 734.13(b))', [
  { name: 'release of 3C005.a technology to a Chinese national in the US', request: us({ eccn: '3E001', parameters: { 'ear.nsScopeMet': 1, 'ear.mtScopeMet': 0, 'ear.npScopeMet': 0, 'ear.rsScopeMet': 0 } }, 'US', { transfer: 'technology', endUser: { nationalities: ['CN'] } }), verdict: 'license_required', reaches: true },
  { name: 'release of 6C002.a-class technology (6E001 NS1) to a German national: X in NS1', request: us({ eccn: '6E001', parameters: { 'ear.nsScopeMet': 1 } }, 'US', { transfer: 'technology', endUser: { nationalities: ['DE'] } }), verdict: 'license_required' },
  { name: 'release of EAR99 technology to a Chinese national: not_controlled', request: us({ eccn: 'EAR99' }, 'US', { transfer: 'technology', endUser: { nationalities: ['CN'] } }), verdict: 'not_controlled' },
  { name: 'the strictest nationality wins (Canada and Iran)', request: us({ eccn: 'EAR99' }, 'US', { transfer: 'technology', endUser: { nationalities: ['CA', 'IR'] } }), verdict: 'license_required', findings: [{ measure: M.iran }] },
  { name: 'a US citizen or permanent resident is not a foreign person', request: us({ eccn: '3E001' }, 'US', { transfer: 'technology', endUser: { nationalities: ['US', 'CN'] } }), verdict: 'not_controlled' },
  { name: 'nationality missing: asks', request: us({ eccn: '3E001' }, 'US', { transfer: 'technology' }), verdict: 'needs_information', questions: ['endUser.nationalities'] },
]);

// § 734.14(b): releasing technology or source code subject to the EAR in a foreign country to a person of another
// country is a deemed reexport to that person's country (tech-reach review X89: it was read against the host's row).
t.run('deemed reexports (15 CFR 734.14(b))', [
  { name: 'US-origin 3E001 released in Germany to a Chinese national: read for China, where TSR does not reach', request: { item: { eccn: '3E001', origin: 'US', parameters: { 'ear.nsScopeMet': 1, 'ear.mtScopeMet': 0, 'ear.npScopeMet': 0, 'ear.rsScopeMet': 0, 'ear.tsrScopeMet': 1 } }, from: 'DE', to: 'DE', date: D, transfer: 'technology', endUser: { name: 'Li Wei', country: 'DE', nationalities: ['CN'] } }, verdict: 'license_required', reaches: true },
  { name: 'the same release to a German national stays with Germany\'s row (TSR)', request: { item: { eccn: '3E001', origin: 'US', parameters: { 'ear.nsScopeMet': 1, 'ear.mtScopeMet': 0, 'ear.npScopeMet': 0, 'ear.rsScopeMet': 0, 'ear.tsrScopeMet': 1 } }, from: 'DE', to: 'DE', date: D, transfer: 'technology', endUser: { name: 'Anna Schmidt', country: 'DE', nationalities: ['DE'] } }, verdict: 'authorization_available', authorizations: ['TSR'] },
]);

describe('findings cite 15 CFR and the measure URL', () => {
  it('every finding of a mixed case names a 15 CFR section and an eCFR or FR link', () => {
    const r = t.engine.assess(us({ eccn: '6C002.a' }, 'CN', { endUse: 'military-intelligence' }));
    const us_ = r.jurisdictions.find((j) => j.jurisdiction === 'US')!;
    expect(us_.findings.length).toBeGreaterThan(1);
    for (const f of us_.findings) {
      expect(f.reason).toMatch(/15 CFR \d{3}/);
      expect(f.measure.url).toMatch(/^https:\/\/(www\.ecfr\.gov|www\.federalregister\.gov)\//);
    }
  });
  it('says that Hong Kong is treated as China', () => {
    const r = t.engine.assess(us({ eccn: '6C002.a' }, 'HK'));
    expect(r.jurisdictions[0]!.reach).toMatch(/Hong Kong is treated as China/);
    expect(r.jurisdictions[0]!.findings[0]!.reason).toMatch(/Hong Kong is read as China/);
  });
});

// 89 FR 34680 (Firearms IFR) applied 2024-05-30 to 2025-09-29 and was rescinded from 2025-09-30 (90 FR 47170); the CCL read
// here is the later text, so answers in that window say so.
describe('the Firearms interim final rule window', () => {
  const firearmWarning = (date: string) => t.engine.assess(us({ eccn: '0A501.a' }, 'MX', { date })).warnings.some((w) => w.code === 'data_snapshot' && /89 FR 34680/.test(w.message));
  it('warns on its first and last day', () => {
    expect(firearmWarning('2024-05-30')).toBe(true);
    expect(firearmWarning('2025-09-29')).toBe(true);
  });
  it('does not warn the day before or on the rescission day', () => {
    expect(firearmWarning('2024-05-29')).toBe(false);
    expect(firearmWarning('2025-09-30')).toBe(false);
  });
});

// § 746.6 covered the Crimea region before 2022-02-24 and the covered regions of Donetsk and Luhansk from then.
describe('the occupied-regions question follows the date', () => {
  const prompt = (date: string) => t.engine.assess(us({ eccn: 'EAR99' }, 'UA', { date })).questions.find((q) => q.parameter === 'ear.occupiedRegion')?.prompt ?? '';
  it('names Crimea only on 2022-02-23', () => {
    expect(prompt('2022-02-23')).toMatch(/Crimea region/);
    expect(prompt('2022-02-23')).toMatch(/were added on 2022-02-24/);
  });
  it('names Donetsk and Luhansk from 2022-02-24', () => {
    expect(prompt('2022-02-24')).toMatch(/Crimea or the covered Donetsk or Luhansk regions/);
  });
});

// 15 CFR 774 Supp. 1, ECCN 1C117.c: solid tungsten of 97 % W or more, or tungsten infiltrated with copper or silver
// of 80 % W or more, that can be machined into the sizes the entry gives. A request stating only the W share leaves
// copper and silver unknown (#12.3, one composition rule in core): asked, never assumed absent.
const w95 = (extra: Record<string, number>) => us({ id: 'tungsten/alloy', parameters: { 'fraction.W': 0.95, outerDiameterMm: 130, lengthMm: 60, formHollowCylinder: 0, ...extra } }, 'CN');
t.run('composition: an element the request does not mention is unknown unless the shares make up 100 % (1C117.c)', [
  { name: 'W 95 % and nothing else: copper and silver infiltration asked for 1C117.c', request: w95({}), verdict: 'needs_information', questions: ['fraction.Cu', 'fraction.Ag'] },
  { name: 'W 95 % + Cu 5 % (100 %): copper-infiltrated, 1C117.c, licence (MT to China)', request: w95({ 'fraction.Cu': 0.05 }), verdict: 'license_required', findings: [{ measure: M.chart, code: '1C117.c', requirement: 'license_required' }], noQuestions: ['fraction.Cu', 'fraction.Ag'] },
  { name: 'W 95 % + Ni 3.5 % + Fe 1.5 % (100 %): neither copper nor silver, not 1C117.c, nothing asked', request: w95({ 'fraction.Ni': 0.035, 'fraction.Fe': 0.015 }), verdict: 'not_controlled', noFindings: [{ measure: M.ccl, code: '1C117.c' }, { measure: M.chart, code: '1C117.c' }], noQuestions: ['fraction.Cu', 'fraction.Ag'] },
  { name: 'W 95 % + Ag 0 + Cu 0 stated: decided without a complete make-up', request: w95({ 'fraction.Cu': 0, 'fraction.Ag': 0 }), verdict: 'not_controlled', noQuestions: ['fraction.Cu', 'fraction.Ag'] },
  { name: 'W 98 %: 97 % or more decides 1C117.c whatever the rest is', request: w95({ 'fraction.W': 0.98 }), verdict: 'license_required', findings: [{ measure: M.chart, code: '1C117.c', requirement: 'license_required' }], noQuestions: ['fraction.Cu', 'fraction.Ag'] },
]);
