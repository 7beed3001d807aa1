import { PluginTester, type PluginCase } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { M } from '../src/measures.js';

const t = new PluginTester(plugin);
const D = '2026-09-01';
type Request = PluginCase['request'];
type Item = Request['item'];
const withTech = (eccn: string, tech: string, parameters?: Record<string, number>): Item => ({ eccn, content: [{ item: { eccn: tech }, origin: 'US', valueShare: 0 }], ...(parameters ? { parameters } : {}) });
const abroad = (item: Item, from: string, to: string, extra: Partial<Request> = {}): Request => ({ item, from, to, date: D, endUse: 'civil', ...extra });
const reachOf = (r: Request) => t.engine.assess(r).jurisdictions.find((j) => j.jurisdiction === 'US')!;

// § 734.9(k): "A foreign-produced commodity is subject to the EAR if it meets both the product scope in paragraph (k)(1)
// … and the destination scope in paragraph (k)(2)". (k)(1): 3B001.a.4, c, d, f.1, f.5, f.6, k to n, p.2, p.4, r, or
// 3B002.c that is the direct product of technology or software in 3D992 or 3E992, or is produced by (or contains a
// commodity produced by) a plant that is itself such a direct product of Category 3 technology. (k)(2): "destined to
// Macau or a destination in Country Group D:5". Added by 89 FR 96790, effective 2024-12-02.
t.run('SME foreign direct product rule (§ 734.9(k))', [
  { name: 'a Korean 3B001.c etcher made with US 3E992 technology, to China: reached, NS/RS licence to D:5', request: abroad(withTech('3B001.c.1.b', '3E992'), 'KR', 'CN', { item: { ...withTech('3B001.c.1.b', '3E992'), parameters: { 'ear.advancedNodeFab': 0 } } }), verdict: 'license_required', reaches: true, findings: [{ measure: M.special, requirement: 'license_required' }] },
  { name: 'the day before the rule (2024-12-01): not reached', request: abroad(withTech('3B001.c.1.b', '3E992'), 'KR', 'CN', { date: '2024-12-01' }), verdict: 'not_controlled', reaches: false },
  { name: 'the first day (2024-12-02): reached', request: abroad(withTech('3B001.c.1.b', '3E992', { 'ear.advancedNodeFab': 0 }), 'KR', 'CN', { date: '2024-12-02' }), verdict: 'license_required', reaches: true },
  { name: 'produced by a plant that is a US-technology direct product: reached', request: abroad({ eccn: '3B001.d', parameters: { 'ear.plantDirectProduct': 1, 'ear.advancedNodeFab': 0 } }, 'KR', 'CN'), verdict: 'license_required', reaches: true },
  { name: 'containing an IC from such a plant: reached', request: abroad({ eccn: '3B001.d', parameters: { 'ear.plantDirectProduct': 0, 'ear.containsPlantProduct': 1, 'ear.advancedNodeFab': 0 } }, 'KR', 'CN'), verdict: 'license_required', reaches: true },
  // CONTRACT §3: a rule that may apply for want of a fact is asked (item and destination fit (k), product facts unstated).
  { name: 'no US technology, plant or plant product stated: asks them', request: abroad({ eccn: '3B001.d' }, 'KR', 'CN'), verdict: 'needs_information', reaches: true, questions: ['item.content', 'ear.plantDirectProduct', 'ear.containsPlantProduct'] },
  { name: 'every (k) route answered no: not reached', request: abroad({ eccn: '3B001.d', parameters: { 'ear.plantDirectProduct': 0, 'ear.containsPlantProduct': 0 } }, 'KR', 'CN'), verdict: 'not_controlled', reaches: false },
  { name: 'to Vietnam (D:1, not D:5 or Macau): not reached', request: abroad(withTech('3B001.c.1.b', '3E992'), 'KR', 'VN'), verdict: 'not_controlled', reaches: false },
  { name: '3B001.a.1 is outside the (k) item scope: not reached', request: abroad(withTech('3B001.a.1', '3E992'), 'KR', 'CN'), verdict: 'not_controlled', reaches: false },
  // US 3E001 technology is not a (k) input (only 3D992/3E992), but it is controlled for NS on the chart: the etcher, itself
  // NS-controlled, going to China (D:1) is reached by the national security rule, § 734.9(b) (tech-reach review X98).
  { name: 'US 3E001 technology is not a (k) input, but the national security rule (b) reaches the etcher', request: abroad(withTech('3B001.c.1.b', '3E001', { 'ear.advancedNodeFab': 0 }), 'KR', 'CN'), verdict: 'license_required', reaches: true },
]);

// §§ 742.4(a)(4)(ii)(B), 742.6(a)(6)(i)(A)(2)(ii): the SME licence does not apply to an item subject to the EAR under
// § 734.9(k) "if the item is reexported or exported from abroad by an entity located in a country specified in supplement
// no. 4 to this part, and the entity is not headquartered or have an ultimate parent company headquartered in" Macau or D:5.
// Supp. No. 4 to Part 742 lists Japan and the Netherlands among 33 countries; Korea is not listed.
// § 734.9(b): a foreign-made item controlled for NS that is the direct product of US technology or software requiring a
// written assurance (NS-controlled) is subject to the EAR when it goes to Country Group D:1, E:1 or E:2 (tech-reach
// review X98, X99: a Taiwanese 3C001 wafer made with US 3E001 technology, to China, was answered "not subject").
t.run('national security foreign direct product rule (§ 734.9(b))', [
  { name: 'a Taiwanese 3C001 made with US 3E001 technology, to China (D:1): reached, NS licence', request: abroad(withTech('3C001', '3E001', { 'ear.advancedNodeFab': 0 }), 'TW', 'CN'), verdict: 'license_required', reaches: true, findings: [{ measure: M.chart, requirement: 'license_required' }] },
  { name: 'the same to Germany (not D:1, E:1 or E:2): not subject to the EAR', request: abroad(withTech('3C001', '3E001'), 'TW', 'DE'), verdict: 'not_controlled', reaches: false },
  { name: 'made with AT-only US technology (3E991): not subject', request: abroad(withTech('3C001', '3E991'), 'TW', 'CN'), verdict: 'not_controlled', reaches: false },
  { name: 'an item not controlled for NS (3A991.a) made with US 3E001 technology: not subject', request: abroad(withTech('3A991.a', '3E001'), 'TW', 'CN'), verdict: 'not_controlled', reaches: false },
]);

t.run('SME exclusion for exporters in Supp. No. 4 to Part 742', [
  { name: 'from Japan, headquarters not stated: asks', request: abroad(withTech('3B001.c.1.b', '3E992', { 'ear.advancedNodeFab': 0 }), 'JP', 'CN'), verdict: 'needs_information', reaches: true, questions: ['ear.exporterHeadquartersD5'] },
  { name: 'from Japan by a Japanese-headquartered exporter: no SME licence', request: abroad(withTech('3B001.c.1.b', '3E992', { 'ear.advancedNodeFab': 0, 'ear.exporterHeadquartersD5': 0 }), 'JP', 'CN'), verdict: 'no_license_required', reaches: true, noFindings: [{ measure: M.special }] },
  { name: 'from Japan by a subsidiary of a Chinese parent: licence', request: abroad(withTech('3B001.c.1.b', '3E992', { 'ear.advancedNodeFab': 0, 'ear.exporterHeadquartersD5': 1 }), 'JP', 'CN'), verdict: 'license_required', findings: [{ measure: M.special }] },
  { name: 'from Korea with equivalent controls shown and no D:5 parent: no SME licence', request: abroad(withTech('3B001.c.1.b', '3E992', { 'ear.advancedNodeFab': 0, 'ear.equivalentControls': 1, 'ear.exporterHeadquartersD5': 0 }), 'KR', 'CN'), verdict: 'no_license_required' },
  { name: 'an advanced-node fab in China is still licensed under § 744.23', request: abroad(withTech('3B001.c.1.b', '3E992', { 'ear.advancedNodeFab': 1, 'ear.exporterHeadquartersD5': 0 }), 'JP', 'CN'), verdict: 'license_required', findings: [{ measure: M.semiconductor }] },
]);

// § 734.9(h), 2023 text as enforced: 3A090, 4A090 and the .z items made with the listed US Category 3–5 technology,
// "destined to" Country Groups D:1, D:4 or D:5 outside A:5/A:6 (88 FR 73458, effective 2023-11-17). Before that: the PRC
// (87 FR 62186, 2022) and Macau (88 FR 2821, 2023-01-18).
t.run('advanced computing foreign direct product rule (§ 734.9(h))', [
  { name: 'a Taiwanese 3A090.a made with US 3E001 technology, to China: reached and licensed', request: abroad(withTech('3A090.a', '3E001'), 'TW', 'CN'), verdict: 'license_required', reaches: true, findings: [{ measure: M.special }] },
  { name: 'to Vietnam (D:1, not A:5/A:6): reached and licensed', request: abroad(withTech('3A090.a', '3E001'), 'TW', 'VN'), verdict: 'license_required', reaches: true },
  { name: 'to Germany (A:5): not reached', request: abroad(withTech('3A090.a', '3E001'), 'TW', 'DE'), verdict: 'not_controlled', reaches: false },
  { name: 'to Vietnam on 2023-11-16 (2023-01 text: PRC and Macau only): not reached', request: abroad(withTech('3A090.a', '3E001'), 'TW', 'VN', { date: '2023-11-16' }), verdict: 'not_controlled', reaches: false },
  { name: 'to Vietnam on 2023-11-17: reached', request: abroad(withTech('3A090.a', '3E001'), 'TW', 'VN', { date: '2023-11-17' }), reaches: true, verdict: 'license_required' },
  { name: 'to China on 2022-10-20: not yet', request: abroad(withTech('3A090.a', '3E001'), 'TW', 'CN', { date: '2022-10-20' }), verdict: 'not_controlled', reaches: false },
  { name: 'to China on 2022-10-21: reached', request: abroad(withTech('3A090.a', '3E001'), 'TW', 'CN', { date: '2022-10-21' }), reaches: true, verdict: 'license_required' },
  { name: 'an EAR99 chip is outside the item scope', request: abroad(withTech('EAR99', '3E001'), 'TW', 'CN'), verdict: 'not_controlled', reaches: false },
]);

// § 734.9(h)(1)(i)(B)(1) and (h)(2)(ii) (eCFR 2026-09-24): a foreign-produced "3E001 (for 3A090)" that is the direct
// product of the listed US technology or software is subject to the EAR when it is "'Technology' 'developed' by an entity
// headquartered in, or whose ultimate parent company is headquartered in, either Macau or a destination specified in
// Country Group D:5, for the 'production' of a mask or an integrated circuit wafer or die", whatever its destination.
// § 742.6(a)(6)(ii): a licence for "the export from abroad originating in either Macau or a destination specified in Country
// Group D:5 to any destination worldwide excluding any destination also specified in Country Groups A:5 or A:6" of that
// technology. From 88 FR 73458 (2023-11-17).
const design = (parameters: Record<string, number>, to: string, extra: Partial<Request> = {}) => abroad(withTech('3E001', '3D001', parameters), 'CN', to, { transfer: 'technology', ...extra });
const hq = { 'ear.developerHeadquartersD5': 1, 'ear.chipProductionTechnology': 1 };
t.run('advanced computing FDP rule for technology developed by Macau or D:5 headquartered entities (§ 734.9(h)(2)(ii))', [
  { name: 'Chinese-developed chip production technology made with US 3D001 software, sent to a foundry in Malaysia: reached, § 742.6(a)(6)(ii) licence', request: design({ ...hq, 'ear.rsScopeMet': 1 }, 'MY'), verdict: 'license_required', reaches: true, findings: [{ measure: M.special }] },
  { name: 'to Korea (A:5): reached, but the § 742.6(a)(6)(ii) licence excludes A:5/A:6 (the chart decides)', request: design({ ...hq, 'ear.nsScopeMet': 1, 'ear.rsScopeMet': 1 }, 'KR'), verdict: 'license_required', reaches: true, findings: [{ measure: M.chart }], noFindings: [{ measure: M.special }] },
  { name: 'developer not headquartered in Macau or D:5: not reached', request: design({ 'ear.developerHeadquartersD5': 0 }, 'MY'), verdict: 'not_controlled', reaches: false },
  { name: 'not for producing a mask or an IC wafer or die: not reached', request: design({ 'ear.developerHeadquartersD5': 1, 'ear.chipProductionTechnology': 0 }, 'MY'), verdict: 'not_controlled', reaches: false },
  { name: 'the facts unstated: both asked', request: design({}, 'MY'), verdict: 'needs_information', questions: ['ear.developerHeadquartersD5', 'ear.chipProductionTechnology'] },
  { name: 'the facts stated but not the US software it was made with: asked', request: abroad({ eccn: '3E001', parameters: hq }, 'CN', 'MY', { transfer: 'technology' }), verdict: 'needs_information', questions: ['item.content'] },
  { name: 'the day before 88 FR 73458 (2023-11-16): not reached', request: design(hq, 'MY', { date: '2023-11-16' }), verdict: 'not_controlled', reaches: false },
  { name: 'on 2023-11-17: reached', request: design({ ...hq, 'ear.rsScopeMet': 1 }, 'MY', { date: '2023-11-17' }), verdict: 'license_required', reaches: true },
]);

// § 734.9(f)(1)(i) (eCFR 2026-09-24): the product scope is a foreign-produced item that is the direct product of US
// technology or software of any product group D or E ECCN and "is specified in any ECCN on the CCL or in supplement no. 6
// or 7 to part 746". An EAR99 integrated circuit (HTS 8542.31, Supp. No. 7) made in Malaysia with US 3E001 technology is
// reached when it goes to Russia; one in neither supplement is not.
const ear99 = (hs: string, extra: Partial<Item> = {}): Item => ({ eccn: 'EAR99', hs, content: [{ item: { eccn: '3E001' }, origin: 'US', valueShare: 0 }], ...extra });
t.run('Russia/Belarus FDP rule: EAR99 items in Supp. No. 6 or 7 to Part 746 (§ 734.9(f)(1)(i)(B))', [
  { name: 'EAR99 processor IC (HTS 854231, Supp. No. 7) from Malaysia to Russia: reached, licence', request: abroad(ear99('854231'), 'MY', 'RU'), verdict: 'license_required', reaches: true, findings: [{ measure: M.russia }] },
  { name: 'the same from Japan (Supp. No. 3 to Part 746): not reached', request: abroad(ear99('854231'), 'JP', 'RU'), verdict: 'not_controlled', reaches: false },
  { name: 'EAR99 furniture (HTS 940320, in neither supplement): not reached', request: abroad(ear99('940320'), 'MY', 'RU'), verdict: 'not_controlled', reaches: false },
  { name: 'lithium carbonate of 99.5 % (Supp. No. 6 (a)(45)) made with US technology, from Malaysia to Belarus: reached, licence', request: abroad(ear99('283691', { cas: '554-13-2', parameters: { purity: 0.995 } }), 'MY', 'BY'), verdict: 'license_required', reaches: true },
  { name: 'the same processor IC to Kazakhstan: not reached by (f)', request: abroad(ear99('854231'), 'MY', 'KZ'), verdict: 'not_controlled', reaches: false },
]);

// § 734.9(e)(3) with § 744.11(a)(2)(v): 3B001 (other than the (k) paragraphs, .g and .h), 3B002 (not .c), 3B903, 3B991
// (not .b.2.a–.b.2.b), 3B992, 3B993, 3B994 made with the listed US technology, when a footnote 5 Entity List entity is a
// party, or an entity at a Macau or D:5 facility producing advanced-node logic or DRAM ICs.
t.run('Entity List footnote 5 foreign direct product rule (§ 734.9(e)(3))', [
  { name: 'a Korean 3B993 tool made with US 3E001 technology for a footnote 5 entity in China: asks who exports it', request: abroad(withTech('3B993.f.1', '3E001', { 'ear.footnote5Party': 1, 'ear.advancedNodeFab': 0 }), 'KR', 'CN'), verdict: 'needs_information', reaches: true, questions: ['ear.exporterHeadquartersD5'] },
  // § 744.11(a)(2)(v)(A)(2): from an A:5 country not in Supp. No. 4 to Part 742 (Korea), 3B993 needs a licence unless the
  // country applies equivalent controls.
  { name: 'exported from Korea by a Korean company, no equivalent controls: licence (§ 744.11(a)(2)(v)(A)(2))', request: abroad(withTech('3B993.f.1', '3E001', { 'ear.footnote5Party': 1, 'ear.advancedNodeFab': 0, 'ear.exporterHeadquartersD5': 0, 'ear.equivalentControls': 0 }), 'KR', 'CN'), verdict: 'license_required', findings: [{ measure: M.entityList, requirement: 'license_required' }] },
  { name: 'exported from Korea with equivalent controls: no § 744.11(a)(2)(v) licence', request: abroad(withTech('3B993.f.1', '3E001', { 'ear.footnote5Party': 1, 'ear.advancedNodeFab': 0, 'ear.exporterHeadquartersD5': 0, 'ear.equivalentControls': 1 }), 'KR', 'CN'), verdict: 'no_license_required', noFindings: [{ measure: M.entityList }] },
  // (A)(1): an exporter headquartered in Macau or D:5 needs a licence from anywhere.
  { name: 'exported from Japan by a subsidiary of a Chinese parent: licence (§ 744.11(a)(2)(v)(A)(1))', request: abroad(withTech('3B993.f.1', '3E001', { 'ear.footnote5Party': 1, 'ear.advancedNodeFab': 0, 'ear.exporterHeadquartersD5': 1 }), 'JP', 'CN'), verdict: 'license_required', findings: [{ measure: M.entityList }] },
  { name: 'exported from Japan (A:5 and Supp. No. 4) by a Japanese company: no licence', request: abroad(withTech('3B993.f.1', '3E001', { 'ear.footnote5Party': 1, 'ear.advancedNodeFab': 0, 'ear.exporterHeadquartersD5': 0 }), 'JP', 'CN'), verdict: 'no_license_required', noFindings: [{ measure: M.entityList }] },
  // (A)(3): from outside A:5 (Singapore), 3B993 needs a licence whoever exports it; other 3B items when the exporter is
  // headquartered outside Supp. No. 4.
  { name: 'exported from Singapore by a Japanese-headquartered company: 3B993 still needs a licence (§ 744.11(a)(2)(v)(A)(3)(ii))', request: abroad(withTech('3B993.f.1', '3E001', { 'ear.footnote5Party': 1, 'ear.advancedNodeFab': 0, 'ear.exporterHeadquartersD5': 0, 'ear.exporterHeadquartersSupp4': 1 }), 'SG', 'CN'), verdict: 'license_required', findings: [{ measure: M.entityList }] },
  { name: 'the same tool with no footnote 5 party and no advanced-node fab: not reached', request: abroad(withTech('3B993.f.1', '3E001', { 'ear.footnote5Party': 0, 'ear.advancedNodeFab': 0 }), 'KR', 'CN'), verdict: 'not_controlled', reaches: false },
  { name: 'for an advanced-node fab in China: reached, licensed by § 744.23', request: abroad(withTech('3B993.f.1', '3E001', { 'ear.footnote5Party': 0, 'ear.advancedNodeFab': 1 }), 'KR', 'CN'), verdict: 'license_required', reaches: true, findings: [{ measure: M.semiconductor }] },
  { name: 'on 2024-12-01, before the rule: not reached', request: abroad(withTech('3B993.f.1', '3E001', { 'ear.footnote5Party': 1 }), 'KR', 'CN', { date: '2024-12-01' }), verdict: 'not_controlled', reaches: false },
  { name: '3B001.c belongs to (k), not (e)(3): to Singapore for a footnote 5 entity it is not reached', request: abroad(withTech('3B001.c.1.b', '3E001', { 'ear.footnote5Party': 1 }), 'KR', 'SG'), verdict: 'not_controlled', reaches: false },
]);

describe('a foreign-made item the rules fit but whose inputs are not stated', () => {
  it('says which facts would bring it under § 734.9(k), and asks them', () => {
    const us = reachOf(abroad({ eccn: '3B001.d' }, 'KR', 'CN'));
    expect(us.reaches).toBe(true);
    expect(us.verdict).toBe('needs_information');
    expect(us.findings).toEqual([]);
    expect(us.reach).toMatch(/possibly subject to the EAR/);
    expect(us.reach).toMatch(/734\.9\(k\)/);
    expect(us.reach).toMatch(/ear\.plantDirectProduct/);
  });
  it('names the rule, its Federal Register source and the compliance date in the reach when met', () => {
    const us = reachOf(abroad(withTech('3B001.c.1.b', '3E992', { 'ear.advancedNodeFab': 0 }), 'KR', 'CN', { date: '2024-12-10' }));
    expect(us.reach).toMatch(/89 FR 96790/);
    expect(us.reach).toMatch(/compliance required from 2024-12-31/);
  });
});

// § 742.6(a)(11): RS licence for 3B993/3B994 (and their software and technology) to a footnote 5 entity; stated as a parameter.
t.run('§ 742.6(a)(11) footnote 5 parties for 3B993/3B994 exported from the United States', [
  { name: '3B993.f.1 to Singapore for a footnote 5 entity: RS licence', request: { item: { eccn: '3B993.f.1', parameters: { 'ear.footnote5Party': 1 } }, from: 'US', to: 'SG', date: D }, verdict: 'license_required', findings: [{ measure: M.special }] },
  { name: '3B993.f.1 to Singapore, no footnote 5 party: NLR', request: { item: { eccn: '3B993.f.1', parameters: { 'ear.footnote5Party': 0 } }, from: 'US', to: 'SG', date: D }, verdict: 'no_license_required', noWarnings: ['special_control_not_evaluated'] },
]);

// § 734.4(a)(8): "There is no de minimis level related to the SME FDP rule for a commodity meeting the parameters in ECCNs
// 3B001.a.4, c, d, f.1, … or 3B002.c …, when the commodity contains a U.S.-origin integrated circuit specified under
// Category 3, 4, or 5 of the CCL, and the commodity is destined for Macau or a destination specified in Country Group D:5,
// unless excluded from the national security license requirement in § 742.4(a)(4) or the regional stability license
// requirement in § 742.6(a)(6)". (a)(9): the same for other Category 3B commodities going to footnote 5 entities or to
// advanced-node logic or DRAM facilities in Macau or D:5.
const withChip = (eccn: string, share: number, parameters?: Record<string, number>): Item => ({ eccn, content: [{ item: { eccn: '3A991.a' }, origin: 'US', valueShare: share }], ...(parameters ? { parameters } : {}) });
t.run('no de minimis for chip tools containing a US integrated circuit (§ 734.4(a)(8)–(9))', [
  { name: 'a Korean etcher with a 1 % US chip, to China: subject to the EAR, SME licence', request: abroad(withChip('3B001.c.1.b', 0.01, { 'ear.advancedNodeFab': 0 }), 'KR', 'CN'), verdict: 'license_required', reaches: true, findings: [{ measure: M.special }] },
  { name: 'the same etcher on 2024-12-01: below de minimis, not reached', request: abroad(withChip('3B001.c.1.b', 0.01), 'KR', 'CN', { date: '2024-12-01' }), verdict: 'not_controlled', reaches: false },
  { name: 'to Vietnam: ordinary de minimis, not reached', request: abroad(withChip('3B001.c.1.b', 0.01), 'KR', 'VN'), verdict: 'not_controlled', reaches: false },
  { name: 'from the Netherlands by a Dutch-headquartered exporter: excluded from the SME licence', request: abroad(withChip('3B001.c.1.b', 0.01, { 'ear.advancedNodeFab': 0, 'ear.exporterHeadquartersD5': 0 }), 'NL', 'CN'), verdict: 'no_license_required', reaches: true, noFindings: [{ measure: M.special }] },
  // Supp. No. 2 to Part 734 counts only US content that would need a licence to the destination: a 3A001.a.2 chip (NS2, X
  // for China) counts, a 3A991.a chip (AT only, no X for China) does not.
  { name: 'from the Netherlands with 30 % controlled US content (3A001.a.2 chip): above ordinary de minimis, the exclusion does not apply', request: abroad({ eccn: '3B001.c.1.b', content: [{ item: { eccn: '3A001.a.2' }, origin: 'US', valueShare: 0.3 }], parameters: { 'ear.advancedNodeFab': 0, 'ear.exporterHeadquartersD5': 0 } }, 'NL', 'CN'), verdict: 'license_required', findings: [{ measure: M.special }] },
  { name: 'from the Netherlands with 30 % US 3A991.a chips (not controlled for China): only the (a)(8) route, so the exclusion applies', request: abroad(withChip('3B001.c.1.b', 0.3, { 'ear.advancedNodeFab': 0, 'ear.exporterHeadquartersD5': 0 }), 'NL', 'CN'), verdict: 'no_license_required', reaches: true, noFindings: [{ measure: M.special }] },
  { name: 'a Korean 3B993.f.1 tool with a US chip for a footnote 5 entity: subject to the EAR, licence under § 744.11(a)(2)(v), not § 742.6(a)(11)', request: abroad(withChip('3B993.f.1', 0.01, { 'ear.footnote5Party': 1, 'ear.advancedNodeFab': 0, 'ear.exporterHeadquartersD5': 0, 'ear.equivalentControls': 0 }), 'KR', 'CN'), verdict: 'license_required', reaches: true, findings: [{ measure: M.entityList }], noFindings: [{ measure: M.special }] },
  { name: 'the same tool for an ordinary Chinese buyer: not reached', request: abroad(withChip('3B993.f.1', 0.01, { 'ear.footnote5Party': 0, 'ear.advancedNodeFab': 0 }), 'KR', 'CN'), verdict: 'not_controlled', reaches: false },
]);

// The UAE rule (91 FR 43034, 2026-07-10) keeps the § 742.6(a)(6)(iii) licences for the UAE after it joined A:5; the
// advanced computing FDP rule is read to reach the UAE from that day too.
t.run('advanced computing FDP rule and the UAE', [
  { name: 'a Taiwanese 3A090.b to the UAE on 2026-07-09 (D:4): reached', request: abroad(withTech('3A090.b', '3E001'), 'TW', 'AE', { date: '2026-07-09' }), reaches: true, verdict: 'license_required' },
  { name: 'on 2026-07-10 (A:5, licences kept): reached, asks whether the consignee is approved', request: abroad(withTech('3A090.b', '3E001'), 'TW', 'AE', { date: '2026-07-10' }), reaches: true, verdict: 'needs_information', questions: ['ear.uaeApprovedEntity'] },
]);

// § 734.4(a)(2): no de minimis level for foreign technology incorporating US-origin 5E002 encryption technology;
// § 734.4(a)(4): none for US-origin 9E003.a.1–a.6, a.8, .h, .i, .l technology redrawn, used, consulted or commingled abroad.
const techWith = (eccn: string, us: string, share: number): Item => ({ eccn, content: [{ item: { eccn: us }, origin: 'US', valueShare: share }] });
t.run('no de minimis for foreign technology with US 5E002 or 9E003 technology (§ 734.4(a)(2), (a)(4))', [
  { name: 'British encryption technology with 1 % US 5E002 content, to Germany: reached', request: abroad(techWith('5E002.a', '5E002', 0.01), 'GB', 'DE', { transfer: 'technology' }), verdict: 'authorization_available', reaches: true, authorizations: ['ENC'] },
  { name: 'French engine technology commingled with US 9E003.a.1, 5 %, to India: reached', request: abroad(techWith('9E003.a.1', '9E003.a.1', 0.05), 'FR', 'IN', { transfer: 'technology' }), verdict: 'license_required', reaches: true },
  { name: 'the same technology with US 9E003.c content: ordinary de minimis, not reached', request: abroad(techWith('9E003.a.1', '9E003.c', 0.05), 'FR', 'IN', { transfer: 'technology' }), verdict: 'not_controlled', reaches: false },
  { name: 'goods (not technology) with US 5E002 content: ordinary de minimis, not reached', request: abroad(techWith('5A002.a', '5E002', 0.01), 'FR', 'DE'), verdict: 'not_controlled', reaches: false },
]);

// Supp. No. 2 to Part 734: only "controlled" US content, content that would need a licence if exported from the United
// States to the destination, counts toward the 25 % / 10 % levels.
t.run('de minimis counts controlled US content only (Supp. No. 2 to Part 734)', [
  { name: 'a Korean 6C002.a item with 30 % US 4A994 (AT only, no licence to China): not reached', request: abroad({ eccn: '6C002.a', content: [{ item: { eccn: '4A994' }, origin: 'US', valueShare: 0.3 }] }, 'KR', 'CN'), verdict: 'not_controlled', reaches: false },
  { name: 'the same with 30 % US 3A001.a.2 (NS2, X for China): reached, licence', request: abroad({ eccn: '6C002.a', content: [{ item: { eccn: '3A001.a.2' }, origin: 'US', valueShare: 0.3 }] }, 'KR', 'CN'), verdict: 'license_required', reaches: true },
  { name: 'the same to Germany (no NS2 X): not reached', request: abroad({ eccn: '6C002.a', content: [{ item: { eccn: '3A001.a.2' }, origin: 'US', valueShare: 0.3 }] }, 'KR', 'DE'), verdict: 'not_controlled', reaches: false },
  { name: '30 % US 4A994 content to Russia (every CCL item needs a licence): reached', request: abroad({ eccn: '4A994', content: [{ item: { eccn: '4A994' }, origin: 'US', valueShare: 0.3 }] }, 'MY', 'RU'), verdict: 'license_required', reaches: true },
  // § 746.8(a)(12)(iii)(B): from a Supp. No. 3 country (Korea) AT-only US content is not counted through § 746.8.
  { name: 'the same from Korea (Supp. No. 3 to Part 746): AT-only content not counted, not reached', request: abroad({ eccn: '4A994', content: [{ item: { eccn: '4A994' }, origin: 'US', valueShare: 0.3 }] }, 'KR', 'RU'), verdict: 'not_controlled', reaches: false },
  { name: 'from Korea, 30 % US 3A001.a.2 content (NS2: X for Russia on the chart) still counts', request: abroad({ eccn: '4A994', content: [{ item: { eccn: '3A001.a.2' }, origin: 'US', valueShare: 0.3 }] }, 'KR', 'RU'), verdict: 'license_required', reaches: true },
  { name: '12 % US EAR99 content to Cuba (every item needs a licence; 10 % level): reached', request: abroad({ eccn: 'EAR99', content: [{ item: { eccn: 'EAR99' }, origin: 'US', valueShare: 0.12 }] }, 'MX', 'CU'), verdict: 'license_required', reaches: true },
]);
