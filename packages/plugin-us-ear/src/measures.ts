import type { Measure, Source } from '@chokepoint/core';
import { CARVE_OUT_SOURCES } from './carve-outs.js';
import { FDP_SOURCES } from './fdp.js';
import { IRAQ_FROM, UN_IRAQ_SOURCE } from './un-iraq.js';
import { EAR_CRAWLER, ECFR_DATE, ECFR_SECTIONS_DATE, ecfr, ecfrSource, ecfrSupplement, frDoc, frSource } from './sources.js';

const BIS = 'US Department of Commerce, Bureau of Industry and Security (BIS)';
const EAR_BASE = '1996-03-25';
const EAR_BASE_REF = '61 FR 12714 (1996-03-25), as amended';

interface MeasureInput {
  id: string;
  title: string;
  reference: string;
  published: string;
  from: string;
  summary: string;
  url: string;
  sources: Source[];
  confidence?: Measure['confidence'];
  extra?: Partial<Measure>;
}

function measure(m: MeasureInput): Measure {
  return {
    id: m.id, jurisdiction: 'US', title: m.title, reference: m.reference, authority: BIS, published: m.published,
    effective: { from: m.from, to: null }, summary: m.summary, url: m.url, sources: m.sources, confidence: m.confidence ?? 'high', ...m.extra,
  };
}

const earlierText = (what: string) => ({
  code: 'data_snapshot',
  message: `${what} reflects the eCFR of ${ECFR_DATE}; for earlier dates only the dated changes this plugin records are applied, so older text may differ.`,
  to: '2026-09-23',
});

/** Measure IDs used by the plugin's logic. */
/** Shown with every 3A090/4A090 answer from 2025-05-13, whatever its verdict. */
export const AI_DIFFUSION_WARNING = 'The eCFR still prints the January 2025 AI Diffusion text (3A090.a/4A090.a licence worldwide; .b also to the UAE). BIS announced on 2025-05-13 that it will not enforce it; this plugin applies the enforced scope (D:1, D:4 and D:5 outside A:5/A:6) and, from 2026-07-10, the UAE except approved entities of Supp. No. 8 to Part 740 (91 FR 43034).';

/**
 * Shown with 3A090/4A090/4E091 answers dated from the AI Diffusion rule's effective date to the day before BIS said it
 * would not enforce it: the printed rule was in force, its compliance date (2025-05-15) not yet reached.
 */
export const AI_DIFFUSION_PENDING_WARNING = 'The AI Diffusion interim final rule (90 FR 4544, FR Doc 2025-00636) took effect on 2025-01-13 with compliance required from 2025-05-15 for most of it: its text requires a licence for 3A090.a/4A090.a worldwide, for .b to more destinations, and created 4E091 (model weights). BIS announced on 2025-05-13, before that compliance date, that it will not enforce it. For 3A090/4A090 this answer applies the scope in force before the rule (D:1, D:4 and D:5 outside A:5/A:6); for 4E091 it applies the printed text. Check whether your transaction relied on the compliance date.';

/**
 * The Firearms interim final rule (89 FR 34680, FR Doc 2024-08813) applied from 2024-05-30 and was rescinded, except its
 * new ECCNs, by 90 FR 47170 (FR Doc 2025-18992) from 2025-09-30; this plugin reads the CCL after the rescission.
 */
export const FIREARMS_IFR = { from: '2024-05-30', to: '2025-09-29' } as const;

/** Shown with answers for the firearms entries (0x50x) dated while the Firearms IFR applied. */
export const FIREARMS_IFR_WARNING = 'From 2024-05-30 to 2025-09-29 the Firearms interim final rule (89 FR 34680, FR Doc 2024-08813) added crime-control licence requirements, narrower licence exceptions and stricter review policies for firearms and related items; BIS rescinded it, except its new ECCNs, from 2025-09-30 (90 FR 47170, FR Doc 2025-18992). This plugin reads the CCL as it stood after the rescission, so for this date the licence requirements and exceptions may be understated: check the text then in force.';

/** The AI Diffusion rule's effective date (90 FR 4544). */
export const AI_DIFFUSION_FROM = '2025-01-13';

/** Shown with every 4E091 answer from 2025-05-13: the ECCN and its worldwide licence came with the AI Diffusion rule. */
export const MODEL_WEIGHTS_WARNING = 'ECCN 4E091 (AI model weights) and its worldwide licence (§ 742.6(a)(13)) were created by the January 2025 AI Diffusion rule, which BIS announced on 2025-05-13 it will not enforce; no Federal Register rescission was found, so this answer applies the printed text and requires a licence. Check BIS guidance before relying on it.';

export const M = {
  ear: 'us-ear',
  ccl: 'us-ear-774-ccl',
  chart: 'us-ear-738-country-chart',
  special: 'us-ear-742-special-controls',
  exceptions: 'us-ear-740-licence-exceptions',
  deMinimis: 'us-ear-734-4-de-minimis',
  fdp: 'us-ear-734-9-foreign-direct-product',
  deemed: 'us-ear-734-13-deemed-exports',
  entityList: 'us-ear-744-11-entity-list',
  deniedPersons: 'us-ear-764-denied-persons',
  unverifiedList: 'us-ear-744-15-unverified-list',
  affiliates: 'us-ear-2025-affiliates-rule',
  meu: 'us-ear-744-21-military-end-use',
  mieu: 'us-ear-744-22-military-intelligence',
  semiconductor: 'us-ear-744-23-semiconductor-end-use',
  wmd: 'us-ear-744-2-4-wmd-end-use',
  cameras: 'us-ear-744-9-cameras',
  cuba: 'us-ear-746-2-cuba',
  northKorea: 'us-ear-746-4-north-korea',
  crimea: 'us-ear-746-6-crimea-dnr-lnr',
  iran: 'us-ear-746-7-iran',
  unArmsEmbargo: 'us-ear-746-1-un-arms-embargoes',
  iraq: 'us-ear-746-3-iraq',
  russia: 'us-ear-746-8-russia-belarus',
  syria: 'us-ear-746-9-syria',
  syriaEasing: 'us-ear-2025-syria-easing',
  aukus: 'us-ear-2024-aukus',
  nicaragua: 'us-ear-2024-nicaragua',
  cambodia: 'us-ear-2026-cambodia-d5',
  uae: 'us-ear-2026-uae-a5',
} as const;

const sections = (s: string) => [ecfrSource(ecfr(s), ECFR_SECTIONS_DATE), EAR_CRAWLER];

/** The EAR's own measures: parts, sections and the recent rules that change answers in this domain. */
export const EAR_MEASURES: Measure[] = [
  measure({
    id: M.ear, title: 'Export Administration Regulations (15 CFR parts 730–774)', reference: `15 CFR 730–774; ${EAR_BASE_REF}`,
    published: EAR_BASE, from: EAR_BASE, url: 'https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C',
    summary: 'The dual-use export control regulations of the United States. Section 736.2 sets out ten general prohibitions decided by five facts: classification, destination, end user, end use and conduct. Items subject to the EAR but not on the Commerce Control List are EAR99.',
    sources: [ecfrSource(ecfr('736.2'), ECFR_SECTIONS_DATE), EAR_CRAWLER],
  }),
  measure({
    id: M.ccl, title: 'Commerce Control List (Supplement No. 1 to Part 774)', reference: `15 CFR 774, Supp. No. 1 (eCFR ${ECFR_DATE})`,
    published: EAR_BASE, from: EAR_BASE, url: ecfrSupplement(774, 1),
    summary: 'The 638 Export Control Classification Numbers with their reasons for control, Country Chart columns, LVS values and GBS eligibility. Items matched here by taxonomy ID and parameters are classified; the licence requirement follows from the Country Chart and the special controls of part 742.',
    sources: [ecfrSource(ecfrSupplement(774, 1)), { url: 'https://github.com/OSUGIYAMA/EyeWarnYou', publisher: 'OSUGIYAMA/EyeWarnYou eCFR snapshot (facts re-derived, not copied)', date: '2026-09-29' }],
    extra: { caveats: [earlierText('The CCL')] },
  }),
  measure({
    id: M.chart, title: 'Commerce Country Chart (Supplement No. 1 to Part 738)', reference: `15 CFR 738, Supp. No. 1; §§ 738.4, 742.2–742.17 (eCFR ${ECFR_DATE})`,
    published: EAR_BASE, from: EAR_BASE, url: ecfrSupplement(738, 1),
    summary: 'For each reason for control of an ECCN, its chart column (NS1, NP1, RS2, …) and an X for the destination mean a licence is required (§ 738.4, general prohibition 1). No X in any column means no licence required (NLR) on the chart. Hong Kong has no row and is treated as China.',
    sources: [ecfrSource(ecfrSupplement(738, 1)), ecfrSource(ecfr('738.4'))],
    extra: { caveats: [earlierText('The Country Chart')] },
  }),
  measure({
    id: M.special, title: 'CCL licence requirements outside the Country Chart (part 742)', reference: '15 CFR 742.4(a)(4)–(5), 742.6(a)(6)–(12), 742.13, 742.15, 742.19',
    published: EAR_BASE, from: EAR_BASE, url: ecfr('742.6'),
    summary: 'Licence requirements an ECCN states outside the chart: worldwide national-security and regional-stability controls (3B001.c.1.a, c.1.c, q; 3C907–3C909; from 2024-09-06), advanced computing and semiconductor equipment to Macau or Country Group D:5, 600-series .y items to China, Russia or Venezuela, UN arms embargoes, encryption (EI), surreptitious interception (SL) and country-only AT controls.',
    sources: [...sections('742.6'), ...CARVE_OUT_SOURCES],
    extra: { caveats: [earlierText('The CCL text these requirements are read from')] },
  }),
  measure({
    id: M.exceptions, title: 'Licence exceptions (part 740) and their restrictions (§ 740.2)', reference: '15 CFR 740.1–740.29',
    published: EAR_BASE, from: EAR_BASE, url: ecfr('740.2'),
    summary: 'Licence exceptions authorise an export that general prohibitions 1–3 would otherwise need a licence for, if every condition is met. This plugin decides LVS (§ 740.3), GBS (§ 740.4), STA (§ 740.20), ENC (§ 740.17) and SPP (§ 740.5) from the request and applies the § 740.2 restrictions it can evaluate (embargoed destinations, Entity List parties, 600-series and 9x515 items to D:5 or Hong Kong, military end uses).',
    sources: sections('740.2'),
  }),
  measure({
    id: M.deMinimis, title: 'De minimis US content (§ 734.4)', reference: `15 CFR 734.4 and Supp. No. 2 to Part 734 (eCFR ${ECFR_DATE})`,
    published: EAR_BASE, from: EAR_BASE, url: ecfr('734.4'),
    summary: 'A foreign-made item is subject to the EAR when its controlled US-origin content exceeds 25 % of its value, or 10 % for Country Group E:1 and E:2 destinations. Some items have no de minimis level, such as 600-series and 9x515 items going to D:5 (or, for .y items, to E:1, E:2, Belarus, China or Russia).',
    sources: [ecfrSource(ecfr('734.4'))],
  }),
  measure({
    id: M.fdp, title: 'Foreign direct product rules (§ 734.9)', reference: `15 CFR 734.9 (eCFR ${ECFR_DATE})`,
    published: EAR_BASE, from: EAR_BASE, url: ecfr('734.9'),
    summary: 'Foreign-made direct products of specified US technology or software, or products of plants that are themselves such direct products, are subject to the EAR when they go to certain destinations or parties: national-security-controlled items made with NS-controlled US technology or software, to Country Group D:1, E:1 or E:2 (§ 734.9(b)), 9x515 items to D:5, E:1 or E:2 (§ 734.9(c)) and 600-series items to D:1, D:3, D:4, D:5, E:1 or E:2 (§ 734.9(d)), each when made with US technology or software of the same kind; Entity List footnote 1 and 4 entities (§ 734.9(e)(1)–(2)); footnote 5 entities and advanced-node IC facilities in Macau or D:5 for semiconductor equipment (§ 734.9(e)(3), from 2024-12-02); Russia or Belarus (§ 734.9(f)); advanced computing items to D:1, D:4 or D:5 outside A:5/A:6 (§ 734.9(h), from 2022-10-21, this scope from 2023-11-17); and advanced semiconductor manufacturing equipment to Macau or D:5 (§ 734.9(k), from 2024-12-02). The plant, plant-product and footnote 5 facts are item.parameters.',
    sources: [ecfrSource(ecfr('734.9')), ...FDP_SOURCES.filter((s) => s.url.includes('federalregister'))],
  }),
  measure({
    id: M.deemed, title: 'Deemed exports (§ 734.13(b))', reference: '15 CFR 734.13(b)',
    published: EAR_BASE, from: EAR_BASE, url: ecfr('734.13'),
    summary: 'Releasing technology or source code to a foreign person in the United States is an export to that person’s most recent country of citizenship or permanent residency. US citizens, permanent residents and protected individuals are not foreign persons.',
    sources: [ecfrSource(ecfr('734.13')), { url: 'https://www.bis.doc.gov/index.php/2011-09-12-20-18-59/export-and-reexport-faqs/faq/35-how-do-i-know-if-a-foreign-national-would-be-subject-to-the-deemed-export-rule', publisher: 'BIS FAQ on deemed exports', date: '2026-11-28' }],
    confidence: 'medium',
  }),
  measure({
    id: M.entityList, title: 'Entity List (§ 744.11 and Supplement No. 4 to Part 744)', reference: '15 CFR 744.11, 744.16; Supp. No. 4 to Part 744',
    published: EAR_BASE, from: EAR_BASE, url: ecfr('744.11'),
    summary: 'Listed parties need a licence for the items their entry names (often all items subject to the EAR), reviewed under the entry’s policy; licence exceptions are not available unless the entry says so. Each listing in this plugin is dated by the Federal Register rule that added it.',
    sources: sections('744.11'),
  }),
  measure({
    id: M.deniedPersons, title: 'Denied Persons: BIS denial orders (General Prohibition Four)', reference: '15 CFR 736.2(b)(4), 764.3(a)(2); part 766',
    published: EAR_BASE, from: EAR_BASE, url: ecfr('764.3'),
    summary: 'A person named in a denial order may not take part in any transaction involving items subject to the EAR, and no one may export, reexport or transfer such items to it or deal with it in them, unless BIS authorises it. The Denied Persons List names these persons; each entry is dated by its order.',
    sources: [...sections('764.3'), ecfrSource(ecfr('736.2'), ECFR_SECTIONS_DATE)],
  }),
  measure({
    id: M.unverifiedList, title: 'Unverified List (§ 744.15 and Supplement No. 6 to Part 744)', reference: '15 CFR 744.15; Supp. No. 6 to Part 744',
    published: EAR_BASE, from: EAR_BASE, url: ecfr('744.15'),
    summary: 'Before an export, reexport or transfer to a party on the Unverified List, the exporter must obtain a UVL statement from it; no licence exception may be used, and the transaction must be reported through the Automated Export System.',
    sources: sections('744.15'), confidence: 'medium',
    extra: { caveats: [{ code: 'date_unverified', message: 'The date § 744.15 took effect is not recorded in this data: the measure is dated from the EAR base (1996-03-25), and each listing by its own date on the list.' }] },
  }),
  measure({
    id: M.affiliates, title: 'Affiliates rule: Entity List restrictions extended to entities 50 % or more owned by listed parties', reference: '90 FR 47201 (FR Doc 2025-19001), § 744.11(a)(1)',
    published: '2025-09-30', from: '2025-09-29', url: frDoc('2025-19001'),
    summary: 'A foreign entity owned 50 % or more, directly or indirectly, alone or together, by Entity List or certain other restricted parties takes their licence requirements and review policy. If ownership cannot be determined the exporter must resolve the red flag (Red Flag 29) or apply for a licence. Stayed from 2025-11-10 to 2026-11-09 (90 FR 50857); by its text the rule applies again from 2026-11-10.',
    sources: [frSource('2025-19001', '2025-09-30', 'Expansion of End-User Controls To Cover Affiliates of Certain Listed Entities'), frSource('2025-19846', '2025-11-12', 'Stay of the affiliates rule'), ecfrSource(ecfr('744.11'), ECFR_SECTIONS_DATE)],
    extra: { suspensions: [{ from: '2025-11-10', to: '2026-11-09', by: '90 FR 50857' }] },
  }),
  measure({
    id: M.meu, title: 'Military end use and end user controls (§ 744.21)', reference: '15 CFR 744.21; 72 FR 33646 (2007), as amended',
    published: '2007-06-19', from: '2007-06-19', url: ecfr('744.21'),
    summary: 'A licence is needed for items in Supplement No. 2 to Part 744 when the exporter knows of a military end use or end user in Burma, Cambodia, China, Nicaragua or Venezuela (presumption of denial), and for any item subject to the EAR for a military end use or end user in Belarus or Russia (policy of denial; EAR99 food and medicine were excluded until 2022-06-02 and since then are reviewed case by case, except for the FSB, SVR and GRU). Only License Exception GOV is available.',
    sources: [...sections('744.21'), { url: 'https://www.engage.hoganlovells.com/knowledgeservices/news/bis-continues-to-expand-export-controls-on-russia-and-belarus-and-adds-71-entities-to-the-entity-list', publisher: 'Hogan Lovells (law-firm note on the two BIS rules issued and effective 2022-06-02: EAR99 food and medicine for Russian/Belarusian military end uses and users need a licence, case by case, with three exceptions; Baker McKenzie names them: FSB, SVR, GRU)', date: '2022-06-02' }], confidence: 'medium',
    extra: { caveats: [{ code: 'data_snapshot', message: 'The list of countries is the 2026 text; countries were added over time (Nicaragua on 2024-03-15), and earlier dates are not modelled for the others.', to: '2024-03-14' }] },
  }),
  measure({
    id: M.mieu, title: 'Military-intelligence end use and end user controls (§ 744.22)', reference: '15 CFR 744.22',
    published: '2021-01-15', from: '2021-03-16', url: ecfr('744.22'),
    summary: 'A licence is needed for any item subject to the EAR when the exporter knows it is for a military-intelligence end use or end user in Belarus, Burma, Cambodia, China, Nicaragua, Russia, Venezuela or a Country Group E:1 or E:2 country. Review policy: presumption of denial. Only GOV (b)(2)(ii) is available.',
    sources: sections('744.22'), confidence: 'medium',
  }),
  measure({
    id: M.semiconductor, title: 'Supercomputer and advanced-node semiconductor end uses (§ 744.23)', reference: '15 CFR 744.23; 87 FR 62186 (2022-10-13), as amended',
    published: '2022-10-13', from: '2022-10-07', url: ecfr('744.23'),
    summary: 'A licence is needed when the exporter knows that any item is for the development or production of integrated circuits at an advanced-node fab in Macau or Country Group D:5, that certain ICs or computers are for a supercomputer there, or that Category 3 B–E items are for a fab there whose node is unknown.',
    sources: [...sections('744.23'), frSource('2022-21658', '2022-10-13', 'Implementation of Additional Export Controls: Certain Advanced Computing and Semiconductor Manufacturing Items')],
  }),
  measure({
    id: M.cameras, title: 'Cameras, systems and components for military end users (§ 744.9)', reference: '15 CFR 744.9',
    published: EAR_BASE, from: EAR_BASE, url: ecfr('744.9'),
    summary: 'A licence is needed when a military end user (armed services, national guard and police, government intelligence or reconnaissance organisations, or anyone supporting military end uses) will use 6A003.a.3, a.4 or a.6 cameras (every destination but Australia, Canada and the United Kingdom), or other 6A002/6A003 items, 8A002.d, and qualifying 0A504 and 6A993.a items (every destination outside A:1); not for reexports made as part of a military deployment by an A:1 government unit. Reviewed under ITAR policies; only GOV applies.',
    sources: [ecfrSource(ecfr('744.9'))], confidence: 'medium',
    extra: { caveats: [{ code: 'data_snapshot', message: 'Applied as the eCFR text of 2026-09-24; the section\u2019s earlier versions and the § 744.9(a)(1)(iii) rule for incorporation into 0A919 items are not modelled.', to: '2026-09-23' }] },
  }),
  measure({
    id: M.wmd, title: 'Nuclear, missile and chemical/biological weapons end uses (§§ 744.2–744.4)', reference: '15 CFR 744.2, 744.3, 744.4',
    published: EAR_BASE, from: EAR_BASE, url: ecfr('744.2'),
    summary: 'A licence is needed for any item subject to the EAR when the exporter knows it is for certain nuclear, missile or chemical and biological weapons end uses; each section exempts some allied destinations.',
    sources: sections('744.2'), confidence: 'medium',
  }),
  measure({
    id: M.cuba, title: 'Cuba embargo (§ 746.2)', reference: '15 CFR 746.2', published: EAR_BASE, from: EAR_BASE, url: ecfr('746.2'),
    summary: 'A licence is needed to export or reexport any item subject to the EAR to Cuba; applications are generally denied, with case-by-case exceptions listed in § 746.2(b).',
    sources: sections('746.2'),
  }),
  measure({
    id: M.northKorea, title: 'North Korea sanctions (§ 746.4)', reference: '15 CFR 746.4', published: EAR_BASE, from: EAR_BASE, url: ecfr('746.4'),
    summary: 'A licence is needed for all items subject to the EAR to North Korea except EAR99 food and medicine; the general policy is denial.',
    sources: sections('746.4'),
  }),
  measure({
    id: M.crimea, title: 'Crimea and the so-called DNR and LNR regions of Ukraine (§ 746.6)', reference: '15 CFR 746.6', published: '2015-01-29', from: '2015-01-29', url: ecfr('746.6'),
    summary: 'A licence is needed for all items subject to the EAR, except EAR99 food and medicine, to the Crimea region (from 2015) and to the covered regions of Donetsk and Luhansk (from 2022-02-24); the policy is denial.',
    sources: sections('746.6'), confidence: 'medium',
  }),
  measure({
    id: M.unArmsEmbargo, title: 'UN Security Council arms embargoes (§ 746.1(b))', reference: '15 CFR 746.1(b); Supp. No. 1 to Part 738, footnote 1',
    published: EAR_BASE, from: EAR_BASE, url: ecfr('746.1'),
    summary: 'Items whose ECCN lists a "UN" reason for control need a licence to the countries under UN Security Council arms embargoes: the Central African Republic, the Democratic Republic of the Congo, Eritrea, Iran, Iraq, Lebanon, Libya, North Korea, Somalia and Sudan. Applications contrary to the UN resolution are not approved; only License Exception GOV (§ 740.11(b)) may be used, except where the Iraq, North Korea and Iran sections say otherwise.',
    sources: [UN_IRAQ_SOURCE, ecfrSource(ecfrSupplement(738, 1))],
    extra: { caveats: [{ code: 'data_snapshot', message: 'The list of UN arms-embargoed countries is the eCFR text of 2026-09-24; its earlier changes are not modelled.', to: '2026-09-23' }] },
  }),
  measure({
    id: M.iraq, title: 'Iraq (§ 746.3)', reference: '15 CFR 746.3; Supp. No. 1 to Part 738, footnote 1',
    published: IRAQ_FROM, from: IRAQ_FROM, url: ecfr('746.3'),
    summary: 'A licence is needed for Iraq for every CCL item controlled for NS, MT, NP, CW, CB, RS, CC, EI, SI, SL or UN reasons, whatever the Country Chart row shows, and for any item subject to the EAR for a military end use or end user other than the Government of Iraq or US Government agencies (policy of denial, no licence exception). Only License Exceptions CIV, APP, TMP, RPL, GOV, GFT, TSU, BAG, AVS and ENC may be used.',
    sources: [ecfrSource(ecfr('746.3')), UN_IRAQ_SOURCE], confidence: 'medium',
    extra: { caveats: [{ code: 'data_snapshot', message: 'Applied as the eCFR text of 2026-09-24 from 2004-07-30, the day BIS took over Iraq licensing from OFAC (§ 746.3(e)); earlier versions of the section are not modelled.', to: '2026-09-23' }] },
  }),
  measure({
    id: M.iran, title: 'Iran sanctions (§ 746.7)', reference: '15 CFR 746.7', published: EAR_BASE, from: EAR_BASE, url: ecfr('746.7'),
    summary: 'A BIS licence is needed for items on the CCL with any reason for control (including AT) going to Iran, reviewed under a general policy of denial; EAR99 items also need OFAC authorisation under the Iranian Transactions and Sanctions Regulations (§ 746.7(e)).',
    sources: sections('746.7'),
  }),
  measure({
    id: M.russia, title: 'Russia and Belarus sanctions (§ 746.8)', reference: '15 CFR 746.8; 87 FR 12226 (2022-03-03), as amended',
    published: '2022-03-03', from: '2022-02-24', url: ecfr('746.8'),
    summary: 'A licence is needed for every item on the CCL going to Russia (from 2022-02-24) or Belarus (from 2022-03-02), plus EAR99 items listed by HS code in Supplements No. 2, 4 and 6 to Part 746; review under a policy of denial. Licence exceptions are limited to those § 746.8(c) names.',
    sources: sections('746.8'), confidence: 'medium',
  }),
  measure({
    id: M.syria, title: 'Syria sanctions (§ 746.9)', reference: '15 CFR 746.9', published: '2004-05-14', from: '2004-05-14', url: ecfr('746.9'),
    summary: 'A licence is needed for all items subject to the EAR to Syria except EAR99 food and medicine. Since the 2025 easing (FR Doc 2025-16724), EAR99 items may go under License Exception SPP (§ 740.5) and review policies are relaxed.',
    sources: sections('746.9'), confidence: 'medium',
  }),
  measure({
    id: M.syriaEasing, title: 'Syria easing and License Exception SPP (E.O. 14312)', reference: '90 FR 42316 (FR Doc 2025-16724)', published: '2025-09-02', from: '2025-09-02', url: frDoc('2025-16724'),
    summary: 'Implements E.O. 14312: creates License Exception Syria Peace and Prosperity (SPP, § 740.5) for EAR99 items and certain telecommunications items, and relaxes the licence review policy for Syria.',
    sources: [frSource('2025-16724', '2025-09-02', 'Syria easing rule'), EAR_CRAWLER], confidence: 'medium',
  }),
  measure({
    id: M.aukus, title: 'AUKUS: Australia and the United Kingdom removed from NS1, RS1 and MT1 requirements', reference: '89 FR 28594 (FR Doc 2024-08446)', published: '2024-04-19', from: '2024-04-19', url: frDoc('2024-08446'),
    summary: 'Interim final rule removing licence requirements under NS column 1, RS column 1 and MT column 1 for Australia and the United Kingdom, leaving a residual firearms licence list (chart footnote 10). Corrected by FR Doc 2024-10079 and clarified by FR Doc 2024-10280.',
    sources: [frSource('2024-08446', '2024-04-19', 'Revision of Certain EAR Controls for Australia and the United Kingdom (AUKUS)'), EAR_CRAWLER],
  }),
  measure({
    id: M.nicaragua, title: 'Nicaragua moved from Country Group B to D:1 and D:5', reference: 'FR Doc 2024-05696', published: '2024-03-15', from: '2024-03-15', url: frDoc('2024-05696'),
    summary: 'Removes Nicaragua from Country Group B and adds it to D:1 and D:5, so LVS and GBS no longer apply and D:5 restrictions (arms-embargo treatment) do; adds Nicaragua to the military and military-intelligence end-use rules.',
    sources: [frSource('2024-05696', '2024-03-15', 'Nicaragua rule')],
  }),
  measure({
    id: M.cambodia, title: 'Cambodia removed from Country Group D:5', reference: 'FR Doc 2026-02262', published: '2026-02-04', from: '2026-02-03', url: frDoc('2026-02262'),
    summary: 'Conforming change after the State Department lifted the arms embargo on Cambodia (ITAR § 126.1, 90 FR 50489, 2025-11-07). Cambodia stays in D:1 and in the military and military-intelligence end-use rules.',
    sources: [frSource('2026-02262', '2026-02-04', 'Conforming change: Cambodia no longer a Country Group D:5 country'), EAR_CRAWLER],
  }),
  measure({
    id: M.uae, title: 'United Arab Emirates moved into Country Group A:5 (out of D:3 and D:4)', reference: '91 FR 43034 (FR Doc 2026-14132)', published: '2026-07-14', from: '2026-07-10', url: frDoc('2026-14132'),
    summary: 'Adds the UAE to Country Group A:5 and removes it from D:3 and D:4. License Exception STA to the UAE is limited to the UAE Government and approved entities in Supplement No. 8 to Part 740 (§ 740.2(a)(26)). Advanced computing items (§ 742.6(a)(6)(iii)) still need a licence to the UAE unless the ultimate consignee and all end users are approved entities of that supplement (UAE government agencies, G42 and Core42 until 2027-04-06, and named US-headquartered AI companies).',
    sources: [frSource('2026-14132', '2026-07-14', 'Enhanced Favorable Treatment for the United Arab Emirates Under the EAR')], confidence: 'medium',
    extra: { caveats: [{ code: 'secondary_source', message: 'The UAE rule (91 FR 43034) is known from the eCFR text of 2026-09-24 (Supp. No. 8 to Part 740, § 742.6(a)(6)(iii)(B), § 740.2(a)(26)) and secondary sources; its Federal Register text was not read.', from: '2026-07-10' }] },
  }),
];

