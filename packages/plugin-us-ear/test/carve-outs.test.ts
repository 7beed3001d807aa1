import { PluginTester, type PluginCase } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { M } from '../src/measures.js';

const t = new PluginTester(plugin);
const D = '2026-09-01';
type Request = PluginCase['request'];
const us = (item: Request['item'], to: string, extra: Partial<Request> = {}): Request => ({ item, from: 'US', to, date: D, ...extra });
const CHART = [{ measure: M.chart, requirement: 'license_required' as const }];

// ECCN 3A001, License Requirements: "NS applies to … MMIC amplifiers in 3A001.b.2 and discrete microwave transistors in
// 3A001.b.3, except those 3A001.b.2 and b.3 items being exported or reexported for use in civil telecommunications
// applications — NS Column 1"; the RS Column 1 line reads the same. NS Column 2 applies to the entire entry.
// Germany's row has X in NS1 and RS1 but not NS2 (Country Group A:1).
t.run('3A001.b.2/b.3: NS1 and RS1 except for civil telecommunications use', [
  { name: '3A001.b.2 to Germany, use not stated: asks the deciding fact', request: us({ eccn: '3A001.b.2' }, 'DE'), verdict: 'needs_information', questions: ['ear.civilTelecom'] },
  { name: 'for civil telecommunications: out of NS1/RS1, and NS2 has no X for Germany', request: us({ eccn: '3A001.b.2', parameters: { 'ear.civilTelecom': 1 } }, 'DE'), verdict: 'no_license_required', noFindings: [{ measure: M.chart }] },
  { name: 'not for civil telecommunications: NS1 and RS1 licence', request: us({ eccn: '3A001.b.3', parameters: { 'ear.civilTelecom': 0 } }, 'DE'), verdict: 'license_required', findings: CHART },
  { name: 'a military end use settles it: the carve-out does not apply', request: us({ eccn: '3A001.b.2' }, 'DE', { endUse: 'military' }), verdict: 'license_required', findings: CHART, questions: [] },
  { name: 'a military end user settles it too', request: us({ eccn: '3A001.b.3' }, 'DE', { endUser: { name: 'Bundeswehr', type: 'military' } }), verdict: 'license_required', findings: CHART },
  { name: 'a civil end use does not say telecommunications: still asks', request: us({ eccn: '3A001.b.2' }, 'DE', { endUse: 'civil' }), verdict: 'needs_information', questions: ['ear.civilTelecom'] },
  { name: '3A001.b.1 is outside the NS1/RS1 lines: NLR to Germany', request: us({ eccn: '3A001.b.1' }, 'DE'), verdict: 'no_license_required', questions: [] },
  { name: 'to China NS column 2 requires a licence whatever the use', request: us({ eccn: '3A001.b.2', parameters: { 'ear.civilTelecom': 1 } }, 'CN'), verdict: 'license_required', findings: CHART },
  { name: 'Canada has no NS1/RS1 X: nothing to ask', request: us({ eccn: '3A001.b.2' }, 'CA'), verdict: 'no_license_required', questions: [] },
]);

// § 742.6(a)(2): RS Column 1 for 6A003.b.4.b cameras with a frame rate above 60 Hz, or a focal plane array of more than
// 111,000 elements (at 60 Hz or less), or exported to be embedded in a civil product. § 742.6(a)(4)(ii): RS Column 2 (all
// destinations outside A:1) for the cameras of 60 Hz or less and 111,000 elements or fewer not being embedded.
// Chart footnote 7: RS2 still applies to 6A003.b.4.b for India.
const camera = (p: Record<string, number>) => ({ eccn: '6A003.b.4.b', parameters: p });
const LOW = { frameRateHz: 30, focalPlaneArrayElements: 76_800 };
t.run('6A003.b.4.b: RS column 1 or 2 by frame rate, array size and embedding (§ 742.6(a)(2), (a)(4)(ii))', [
  { name: 'low-end camera, not embedded, to Germany (A:1): RS2 only, no X', request: us(camera({ ...LOW, 'ear.embeddedInCivilProduct': 0 }), 'DE'), verdict: 'no_license_required' },
  // 6A003's STA limit names only A:6 ("not for b.3 or b.4 to A:6"), so STA (c)(1) covers the RS licence to A:5 (Germany, India).
  { name: '61 Hz camera to Germany: RS1 licence', request: us(camera({ frameRateHz: 61, focalPlaneArrayElements: 76_800, 'ear.embeddedInCivilProduct': 0 }), 'DE'), verdict: 'authorization_available', authorizations: ['STA'], findings: CHART },
  { name: '60 Hz exactly stays in RS2: no licence to Germany', request: us(camera({ frameRateHz: 60, focalPlaneArrayElements: 111_000, 'ear.embeddedInCivilProduct': 0 }), 'DE'), verdict: 'no_license_required' },
  { name: '111,001 elements: RS1 licence to Germany', request: us(camera({ frameRateHz: 30, focalPlaneArrayElements: 111_001, 'ear.embeddedInCivilProduct': 0 }), 'DE'), verdict: 'authorization_available', authorizations: ['STA'], findings: CHART },
  { name: 'low-end camera to be embedded in a civil product: RS1 licence to Germany', request: us(camera({ ...LOW, 'ear.embeddedInCivilProduct': 1 }), 'DE'), verdict: 'authorization_available', authorizations: ['STA'], findings: CHART },
  { name: 'frame rate not given: asks rather than deciding', request: us({ eccn: '6A003.b.4.b' }, 'DE'), verdict: 'needs_information', questions: ['frameRateHz'] },
  { name: 'a 120 Hz camera needs no other facts', request: us(camera({ frameRateHz: 120 }), 'DE'), verdict: 'authorization_available', authorizations: ['STA'], findings: CHART },
  { name: 'India, low-end and not embedded: footnote 7 keeps the RS2 licence', request: us(camera({ ...LOW, 'ear.embeddedInCivilProduct': 0 }), 'IN'), verdict: 'authorization_available', authorizations: ['STA'], findings: CHART },
  { name: 'Canada: no RS X at all', request: us(camera({ frameRateHz: 120 }), 'CA'), verdict: 'no_license_required' },
]);

// § 742.6(a)(3) (chart footnote 3): "A license is required for reexports to all destinations except Australia, Canada,
// or the United Kingdom for items classified under ECCN 0A919 except when such items are being reexported as part of a
// military deployment by a unit of the government of a country in Country Group A:1 … or the United States."
const military = (parameters?: Record<string, number>): Request['item'] => ({ eccn: '0A919.a', content: [{ item: { eccn: '9A610.x' }, origin: 'US', valueShare: 0.3 }], ...(parameters ? { parameters } : {}) });
t.run('0A919: RS1 except A:1 military deployments (§ 742.6(a)(3), chart footnote 3)', [
  { name: 'reexport from Germany to Japan, deployment not stated: asks', request: { item: military(), from: 'DE', to: 'JP', date: D }, verdict: 'needs_information', questions: ['ear.a1MilitaryDeployment'] },
  { name: 'as part of an A:1 government unit deployment: no RS1 licence', request: { item: military({ 'ear.a1MilitaryDeployment': 1 }), from: 'DE', to: 'JP', date: D }, verdict: 'no_license_required' },
  { name: 'a commercial end user settles it: licence', request: { item: military(), from: 'DE', to: 'JP', date: D, endUser: { name: 'Trading KK', type: 'commercial' } }, verdict: 'license_required', findings: CHART },
  { name: 'an export from the United States is not a reexport: the carve-out does not apply', request: us({ eccn: '0A919.a' }, 'JP'), verdict: 'license_required', findings: CHART },
]);

// § 742.6(a)(7): RS licence for .y items to China, Russia or Venezuela "except for exports or reexports to Russia for use
// in, with, or for the International Space Station (ISS)". Russia's § 746.8 licence is untouched.
describe('.y items to Russia for the International Space Station (§ 742.6(a)(7))', () => {
  const special = (parameters: Record<string, number>) => t.engine.assess(us({ eccn: '9A610.y.1', parameters }, 'RU', { endUse: 'civil' }))
    .jurisdictions.find((j) => j.jurisdiction === 'US')!.findings.filter((f) => f.measure.id === M.special);
  it('for ISS use the RS .y finding drops out', () => expect(special({ 'ear.issUse': 1 })).toHaveLength(0));
  it('otherwise it stays', () => expect(special({ 'ear.issUse': 0 })).toHaveLength(1));
  it('Russia still needs a licence under § 746.8 either way', () => expect(t.engine.assess(us({ eccn: '9A610.y.1', parameters: { 'ear.issUse': 1 } }, 'RU', { endUse: 'civil' })).verdict).toBe('license_required'));
});

describe('chart footnotes 2, 3 and 4 are applied, not only warned', () => {
  for (const [to, eccn] of [['AL', '6A003.b.4.b'], ['JP', '0A919.a'], ['AT', '6A003.b.4.b']] as const) {
    it(`${eccn} to ${to}: no chart_footnote warning`, () => {
      const r = t.engine.assess(us({ eccn, parameters: { frameRateHz: 120 } }, to));
      expect(r.warnings.filter((w) => w.code === 'chart_footnote')).toEqual([]);
    });
  }
});

// § 742.6(a)(6)(iii)(B) as printed on 2026-09-24: a licence "to or within the UAE or a destination in Country Groups D:1,
// D:4, or D:5 …, except that a license is not required when the ultimate consignee and all end users are approved entities
// in the UAE listed in supplement no. 8 to part 740"; Supp. No. 8 approves UAE government agencies "as of July 10, 2026".
t.run('advanced computing items to the UAE after it joined A:5 (91 FR 43034)', [
  { name: '3A090.b to the UAE on 2026-07-09 (D:4, not A:5): licence', request: us({ eccn: '3A090.b' }, 'AE', { date: '2026-07-09' }), verdict: 'license_required', findings: [{ measure: M.special }] },
  { name: '3A090.b to the UAE on 2026-07-10, consignee not stated: asks whether it is an approved entity', request: us({ eccn: '3A090.b' }, 'AE', { date: '2026-07-10' }), verdict: 'needs_information', questions: ['ear.uaeApprovedEntity'] },
  { name: 'to an approved entity: no licence', request: us({ eccn: '3A090.b', parameters: { 'ear.uaeApprovedEntity': 1, 'ear.endUserHeadquartersD5': 0 } }, 'AE', { date: '2026-07-10' }), verdict: 'no_license_required' },
  { name: 'to another UAE company: licence (STA only with the STA condition of § 740.2(a)(26))', request: us({ eccn: '3A090.a', parameters: { 'ear.uaeApprovedEntity': 0 } }, 'AE'), verdict: 'authorization_available', authorizations: ['STA'], findings: [{ measure: M.special }] },
  { name: 'to a UAE company approved for neither: licence, no STA (§ 740.2(a)(26))', request: us({ eccn: '3A090.a', parameters: { 'ear.uaeApprovedEntity': 0, 'ear.uaeApprovedForSta': 0 } }, 'AE'), verdict: 'license_required', authorizations: [], findings: [{ measure: M.special }] },
  { name: 'India (A:5) is not affected', request: us({ eccn: '3A090.b', parameters: { 'ear.endUserHeadquartersD5': 0 } }, 'IN'), verdict: 'no_license_required' },
]);

// 9A610 License Requirements: NS and RS column 1 apply to the "entire entry except .b, .x parts for .b aircraft, and .y";
// .y items are controlled only for RS under § 742.6(a)(7) (China, Russia, Venezuela) and AT.
t.run('a paragraph an exception list names plainly is out of that reason', [
  { name: '9A610.y.1 to China: no NS1/RS1 chart licence, the § 742.6(a)(7) licence only', request: us({ eccn: '9A610.y.1' }, 'CN'), verdict: 'license_required', findings: [{ measure: M.special }], noFindings: [{ measure: M.chart }] },
  { name: '9A610.y.1 to Germany: no licence (no .y rule for Germany)', request: us({ eccn: '9A610.y.1' }, 'DE'), verdict: 'no_license_required' },
  { name: '9A610.a to Germany: NS1/RS1 licence', request: us({ eccn: '9A610.a' }, 'DE'), findings: [{ measure: M.chart }], verdict: 'license_required' },
]);

// FR Doc 2024-19633 (89 FR 72926), "effective September 6, 2024": worldwide NS and RS licences (§§ 742.4(a)(5),
// 742.6(a)(10)) for 3B001.c.1.a, c.1.c, q and 3C907–3C909. Before that day the entry's text is not modelled.
t.run('worldwide SME controls are dated from FR Doc 2024-19633', [
  { name: '3B001.c.1.a to Japan on 2024-09-06: worldwide licence', request: us({ eccn: '3B001.c.1.a' }, 'JP', { date: '2024-09-06' }), verdict: 'license_required', findings: [{ measure: M.special }] },
  { name: 'on 2024-09-05: not charged with the later licence; a warning says the earlier text is not modelled', request: us({ eccn: '3B001.c.1.a' }, 'JP', { date: '2024-09-05' }), verdict: 'no_license_required', noFindings: [{ measure: M.special }], warnings: ['special_control_not_evaluated'] },
]);

describe('HBM (3A090.c) to China', () => {
  it('is licensed without asking for TPP or DRAM bandwidth', () => {
    const r = t.engine.assess(us({ eccn: '3A090.c' }, 'CN'));
    expect(r.verdict).toBe('license_required');
    expect(r.warnings.some((w) => w.code === 'licence_policy_depends_on')).toBe(false);
  });
});

// § 744.9(a)(1): a licence when (i) 6A003.a.3, a.4 or a.6 cameras, or (ii) 6A002, other 6A003, 8A002.d and qualifying
// 0A504/6A993.a items, "will be or are intended to be used by a 'military end-user'" — (i) everywhere but Australia,
// Canada and the UK, (ii) everywhere outside A:1; (a)(2): not for reexports made as part of an A:1 government unit's
// military deployment; (e): only GOV.
t.run('cameras for military end users (§ 744.9)', [
  { name: '6A003.b.4.b (120 Hz) to Germany for the armed forces: DE is A:1, no § 744.9 licence (RS1 still applies)', request: us({ eccn: '6A003.b.4.b', parameters: { frameRateHz: 120 } }, 'DE', { endUser: { name: 'Bundeswehr', type: 'military' } }), verdict: 'authorization_available', authorizations: ['STA'], noFindings: [{ measure: M.cameras }] },
  { name: '6A003.a.3 to Germany for the armed forces: licence (only AU, CA, UK are exempt)', request: us({ eccn: '6A003.a.3' }, 'DE', { endUser: { name: 'Bundeswehr', type: 'military' } }), verdict: 'license_required', findings: [{ measure: M.cameras }] },
  { name: '6A003.a.3 to the UK for the armed forces: no § 744.9 licence', request: us({ eccn: '6A003.a.3' }, 'GB', { endUser: { name: 'British Army', type: 'military', country: 'GB' } }), noFindings: [{ measure: M.cameras }], verdict: 'no_license_required' },
  { name: '8A002.d to Brazil for the navy: licence, ITAR policy', request: us({ eccn: '8A002.d' }, 'BR', { endUse: 'military' }), verdict: 'license_required', findings: [{ measure: M.cameras }] },
  { name: '8A002.d to Brazil for a civil user: no § 744.9 licence', request: us({ eccn: '8A002.d' }, 'BR', { endUse: 'civil' }), noFindings: [{ measure: M.cameras }], verdict: 'license_required' },
  { name: '6A993.a to Brazil for the army: asks whether it meets Note 3.a (9 Hz or less)', request: us({ eccn: '6A993.a' }, 'BR', { endUse: 'military' }), questions: ['ear.cameraQualified'], verdict: 'needs_information' },
]);

// Supplement No. 2 to Part 744 limits some ECCNs: "4A994 Limited to computers … with an Adjusted Peak Performance
// ('APP') exceeding 0.5 Weighted TeraFLOPS"; "5A991 Limited to … 5A991.a, … 5A991.b.7, and … 5A991.f"; "9A012 … controlled
// by 9A012.a.1". § 744.21(a)(1) reaches only the items the supplement lists.
t.run('Supplement No. 2 to Part 744 at paragraph level (§ 744.21(a)(1))', [
  { name: '4A994 for the Chinese military: asks whether the APP exceeds 0.5 WT', request: us({ eccn: '4A994' }, 'CN', { endUse: 'military' }), verdict: 'needs_information', questions: ['ear.meuSupplement2'] },
  { name: '4A994 above 0.5 WT: licence, presumption of denial', request: us({ eccn: '4A994', parameters: { 'ear.meuSupplement2': 1 } }, 'CN', { endUse: 'military' }), verdict: 'license_required', findings: [{ measure: M.meu }] },
  { name: '4A994 at or below 0.5 WT: not in the supplement, no MEU licence', request: us({ eccn: '4A994', parameters: { 'ear.meuSupplement2': 0 } }, 'CN', { endUse: 'military' }), verdict: 'no_license_required', noFindings: [{ measure: M.meu }] },
  { name: '5A991.b.7 for the Chinese military: listed, licence', request: us({ eccn: '5A991.b.7' }, 'CN', { endUse: 'military' }), verdict: 'license_required', findings: [{ measure: M.meu }] },
  { name: '5A991.c for the Chinese military: not listed', request: us({ eccn: '5A991.c' }, 'CN', { endUse: 'military' }), noFindings: [{ measure: M.meu }], questions: [], verdict: 'no_license_required' },
  { name: '3A991.a for the Venezuelan military: listed whole, licence', request: us({ eccn: '3A991.a' }, 'VE', { endUse: 'military' }), verdict: 'license_required', findings: [{ measure: M.meu }] },
]);

// § 744.23(a)(3)(i)(A): .b-class advanced computing items "destined to any destination other than those specified in
// Country Groups D:1, D:4, or D:5 (excluding any destination also specified in Country Groups A:5 or A:6) for an entity
// that is headquartered in, or whose ultimate parent company is headquartered in, either Macau or a destination
// specified in Country Group D:5" need a licence (e.g. "a PRC-headquartered cloud or data server provider" abroad); (B)
// the same for 3A090.c outside Macau and D:5. From 88 FR 73458 (2023-11-17) and 89 FR 96790 (2024-12-02).
t.run('advanced computing items for entities headquartered in Macau or D:5 (§ 744.23(a)(3))', [
  { name: '3A090.b to Malaysia, headquarters not stated: asks', request: us({ eccn: '3A090.b' }, 'MY'), verdict: 'needs_information', questions: ['ear.endUserHeadquartersD5'] },
  { name: '3A090.b to a Malaysian subsidiary of a Chinese cloud provider: licence', request: us({ eccn: '3A090.b', parameters: { 'ear.endUserHeadquartersD5': 1 } }, 'MY'), verdict: 'license_required', findings: [{ measure: M.semiconductor }] },
  { name: '3A090.b to a Malaysian company: NLR', request: us({ eccn: '3A090.b', parameters: { 'ear.endUserHeadquartersD5': 0 } }, 'MY'), verdict: 'no_license_required' },
  { name: 'on 2023-11-16, before the rule: no question', request: us({ eccn: '3A090.b' }, 'MY', { date: '2023-11-16' }), verdict: 'no_license_required', questions: [] },
  { name: '3A090.c (HBM) to Germany for a Chinese-headquartered buyer: licence (from 2024-12-02)', request: us({ eccn: '3A090.c', parameters: { 'ear.endUserHeadquartersD5': 1 } }, 'DE'), verdict: 'license_required', findings: [{ measure: M.semiconductor }] },
  { name: '3A090.b to China: licensed by destination, no headquarters question', request: us({ eccn: '3A090.b' }, 'CN'), verdict: 'license_required', questions: [] },
]);

// § 744.23(a)(4): (i) "Any item subject to the EAR and specified on the CCL when destined to or within either Macau or a
// destination specified in Country Group D:5 for the 'development' or 'production' of" SME items; (ii) the same anywhere
// when the development or production is by an entity headquartered in Macau or D:5.
t.run('CCL items for semiconductor-equipment production (§ 744.23(a)(4))', [
  { name: '2B001.a to China for making etch tools: licence', request: us({ eccn: '2B001.a', parameters: { 'ear.smeProduction': 1 } }, 'CN'), verdict: 'license_required', findings: [{ measure: M.semiconductor }] },
  { name: '4A994 to Malaysia for a Chinese-headquartered tool maker: licence (a)(4)(ii)', request: us({ eccn: '4A994', parameters: { 'ear.smeProduction': 1, 'ear.endUserHeadquartersD5': 1 } }, 'MY'), verdict: 'license_required', findings: [{ measure: M.semiconductor }] },
  { name: '4A994 to Malaysia for a Malaysian tool maker: NLR', request: us({ eccn: '4A994', parameters: { 'ear.smeProduction': 1, 'ear.endUserHeadquartersD5': 0 } }, 'MY'), verdict: 'no_license_required' },
]);

describe('4E091 model weights', () => {
  it('are licensed as printed, with a warning that BIS announced it will not enforce the AI Diffusion rule', () => {
    const r = t.engine.assess(us({ eccn: '4E091' }, 'DE'));
    expect(r.verdict).toBe('license_required');
    expect(r.warnings.some((w) => w.code === 'sources_disagree' && /4E091/.test(w.message))).toBe(true);
  });
});
