import type { CountryCode, EvaluationContext, Question, Warning } from '@chokepoint/core';
import type { Classification } from './determination.js';
import { earCountry } from './groups.js';
import { M } from './measures.js';
import { foodOrMedicine, part746Lists } from './part-746-lists.js';
import { casOf, SUPP6_IN_WORDS, supp6Chemical, supp6Start, type Supp6Match } from './part-746-supp6.js';
import { hsCodesOf, licenceRequired, onCcl, param, PARAMS, RU_SOFTWARE_FROM, RUSSIA_BELARUS_ALL_CCL_FROM, RUSSIA_BELARUS_FROM, russiaBelarusSanctioned, type RulePart, type StepResult } from './restrictions.js';
import { iraqRules } from './un-iraq.js';

/** The covered regions of Donetsk and Luhansk joined § 746.6 on this day (the Crimea region was covered from 2015). */
const DNR_LNR_FROM = '2022-02-24';

/**
 * What the rule of one embargoed destination reads and adds to: made once per request whose destination has a rule in
 * part 746, with what every such rule uses (the item's CCL status and how the reasons name it).
 */
interface Embargo {
  readonly ctx: EvaluationContext;
  readonly dest: CountryCode;
  /** The destination as the EAR reads it (Hong Kong as China). */
  readonly country: CountryCode;
  readonly classes: Classification[];
  readonly prefix: string;
  /** The item is on the CCL (not EAR99 and not unclassified). */
  readonly listed: boolean;
  /** The item as the reasons name it: its ECCNs, or "item subject to the EAR". */
  readonly what: string;
  readonly hs: string | undefined;
  readonly out: StepResult;
  readonly warnings: Warning[];
}

/** A licence requirement of part 746 for the destination, matched on the destination alone. */
function licence(e: Embargo, measure: string, reason: string, policy: 'presumption_of_denial' | 'case_by_case' = 'presumption_of_denial', part?: RulePart): void {
  licenceRequired(e, measure, reason, { policy, ...(part ? { part } : {}) });
}

/** §§ 746.4, 746.6, 746.9 leave EAR99 food and medicine out; the HS code, when given, says which it is (with a warning). */
function foodOrMedicineLeftOut(e: Embargo, section: string): boolean {
  if (e.listed || !e.hs) return false;
  const kind = foodOrMedicine(e.hs);
  if (!kind) return false;
  e.warnings.push({ code: 'food_medicine_by_hs', message: `HS ${e.hs} is read as ${kind}: EAR99 ${kind} is outside the licence requirement of 15 CFR ${section}. The EAR does not define food and medicine by HS code; this reading is the plugin's own (low confidence).`, measure: M.ear });
  return true;
}

/** § 746.2. */
function cuba(e: Embargo): void {
  licence(e, M.cuba, `Cuba: a licence is required for every ${e.what}, reviewed under a general policy of denial (15 CFR 746.2).`);
}

/** § 746.4 (food and medicine left out). */
function northKorea(e: Embargo): void {
  if (foodOrMedicineLeftOut(e, '746.4')) return;
  const { listed, what } = e;
  if (listed) licence(e, M.northKorea, `North Korea: a licence is required for every ${what} (15 CFR 746.4(a)); CCL items are reviewed under § 742.19(b) and § 746.4(b)(2)–(3), with a general policy of denial for NP, MT and arms-related items and for the items § 742.19(b)(1) lists, and case by case only for other items to non-military end users.`);
  else licence(e, M.northKorea, `North Korea: a licence is required for every EAR99 item except food and medicine (15 CFR 746.4(a)); applications are reviewed case by case, except luxury goods and arms and related materiel (general policy of denial) and humanitarian items (general policy of approval) (§ 746.4(b)).`, 'case_by_case');
}

/** § 746.3: Iraq (the rules of un-iraq.ts). */
function iraq(e: Embargo): void {
  const { ctx, classes, prefix, out } = e;
  const rules = iraqRules(ctx, classes, prefix);
  out.findings.push(...rules.findings);
  out.questions.push(...rules.questions);
}

/** § 746.7, with Supp. No. 7 for EAR99 items by HTS code. */
function iran(e: Embargo): void {
  const { ctx, listed, what, hs, warnings } = e;
  const supp7 = !listed && hs ? part746Lists(hs, 'IR', ctx.request.date) : undefined;
  if (listed) licence(e, M.iran, `Iran: a licence is required for ${what} (any reason for control, AT included), with a general policy of denial (15 CFR 746.7(a)–(b)).`);
  else if (supp7?.kind === 'listed') {
    licence(e, M.iran, `Iran: the EAR99 item's HTS code ${supp7.hs6} is listed in ${supp7.lists.map((l) => l.title).join('; ')}, so BIS requires a licence (15 CFR 746.7), with a general policy of denial; OFAC authorisation under 31 CFR part 560 is also needed.`);
    if (supp7.later) warnings.push({ code: 'status_unverified', message: `Iran: this plugin holds Supp. No. 7 to Part 746 as printed on 2026-09-24; codes were added after ${ctx.request.date} (${supp7.later.join('; ')}), so check that HTS-6 ${supp7.hs6} was already listed on that date.`, measure: M.iran });
  }
  else licence(e, M.iran, 'Iran: EAR99 items need authorisation from OFAC under the Iranian Transactions and Sanctions Regulations (31 CFR part 560; 15 CFR 746.7(e)); BIS does not license them separately.');
}

/** § 746.9 (food and medicine left out), eased from 2025-09-02. */
function syria(e: Embargo): void {
  if (foodOrMedicineLeftOut(e, '746.9')) return;
  const { ctx, dest, prefix, listed, what, out } = e;
  const eased = ctx.request.date >= '2025-09-02';
  if (!listed && eased) {
    out.findings.push(ctx.finding({ measure: M.syriaEasing, requirement: 'license_required', licensePolicy: 'case_by_case', reason: `${prefix}Syria: EAR99 items need a licence under 15 CFR 746.9 unless License Exception SPP (15 CFR 740.5) applies, which it does for EAR99 items since 2025-09-02.`, matchedOn: [`destination ${dest}`] }));
  } else {
    licence(e, M.syria, `Syria: a licence is required for every ${what} except EAR99 food and medicine (15 CFR 746.9)${eased ? '; since 2025-09-02 applications are reviewed case by case for most civil uses' : ', with a general policy of denial'}.`, eased ? 'case_by_case' : 'presumption_of_denial');
  }
}

/** § 746.6: Crimea and the covered Donetsk and Luhansk regions of Ukraine (asked: the request names the country only). */
function occupiedUkraine(e: Embargo): void {
  const { ctx, what, out } = e;
  const region = param(ctx, PARAMS.occupiedRegion);
  // The covered Donetsk and Luhansk regions joined the Crimea region in § 746.6 on 2022-02-24; before, only Crimea.
  const regions = ctx.request.date >= DNR_LNR_FROM ? 'Crimea or the covered Donetsk or Luhansk regions of Ukraine' : 'the Crimea region of Ukraine (the covered Donetsk and Luhansk regions were added on 2022-02-24)';
  if (region === undefined) {
    out.questions.push({ parameter: PARAMS.occupiedRegion, prompt: `Is the destination in ${regions} (15 CFR 746.6)? Give item.parameters["ear.occupiedRegion"] = 1 or 0.`, candidates: ['1', '0'] });
  } else if (region === 1 && !foodOrMedicineLeftOut(e, '746.6')) {
    licence(e, M.crimea, `${ctx.request.date >= DNR_LNR_FROM ? 'Crimea, DNR or LNR region' : 'Crimea region'}: a licence is required for every ${what} except EAR99 food and medicine, with a policy of denial (15 CFR 746.6).`);
  }
}

/** § 746.8 for Russia and Belarus: CCL items, EAR99 software and technology, EAR99 goods by CAS number and HTS code. */
function russiaBelarus(e: Embargo): void {
  const { ctx, dest, prefix, listed, what, out, warnings } = e;
  const c = e.country as 'RU' | 'BY';
  const from = RUSSIA_BELARUS_FROM[c];
  const name = c === 'RU' ? 'Russia' : 'Belarus';
  const part = { effective: { from, to: null } };
  if (listed) {
    // Until 87 FR 22130 (effective 2022-04-08) § 746.8(a)(1) reached CCL Categories 3 to 9 only; from then, every ECCN.
    const categories0to2 = e.classes.every((cls) => !/^[3-9]/.test(cls.code));
    const since = categories0to2 ? ` from ${RUSSIA_BELARUS_ALL_CCL_FROM} for Categories 0 to 2 (87 FR 22130; before, Categories 3 to 9 only)` : '';
    licence(e, M.russia, `${name}: a licence is required for every item on the CCL (${what})${since}, with a policy of denial (15 CFR 746.8(a)(1), (b)).`, 'presumption_of_denial', categories0to2 ? { effective: { from: RUSSIA_BELARUS_ALL_CCL_FROM, to: null } } : part);
  } else if (ctx.request.transfer === 'software' || ctx.request.transfer === 'technology') {
    out.questions.push(...russiaIntangibles(ctx, name, dest, prefix, part, out, warnings));
  } else russiaBelarusGoods(e, c, name, part);
}

/** § 746.8 for EAR99 goods: Supp. No. 6 by CAS number, then Supp. Nos. 2, 4, 5 and 7 by HTS code. */
function russiaBelarusGoods(e: Embargo, c: 'RU' | 'BY', name: string, part: { effective: { from: string; to: null } }): void {
  const { ctx, dest, prefix, hs, out, warnings } = e;
  const supp = param(ctx, PARAMS.part746Listed);
  // Before § 746.8 began for the destination its HS lists decide nothing, so nothing about them is asked.
  const inForce = russiaBelarusSanctioned(c, ctx.request.date);
  // Supp. No. 6 (§ 746.8(a)(6)) names chemicals by CAS number: the one the request gives, or its taxonomy item's.
  const s6 = supp === undefined && inForce ? supp6(ctx, c) : undefined;
  const s6Listed = s6?.kind === 'listed' && !s6.later;
  if (s6?.kind === 'listed' && !s6.later) {
    out.findings.push(ctx.finding({
      measure: M.russia, requirement: 'license_required', licensePolicy: 'presumption_of_denial', part: { effective: { from: supp6Start(c)!, to: null } },
      reason: `${prefix}${name}: ${s6.name} (CAS ${s6.cas}) is listed in Supplement No. 6 to Part 746, paragraph ${s6.paragraph} (${s6.about}), so the EAR99 item needs a licence to or within ${name}, reviewed under a policy of denial (15 CFR 746.8(a)(6), (b)(3)); the supplement leaves out items that are medicines (§ 772.1).`,
      matchedOn: [ctx.request.item.cas ? `cas ${ctx.request.item.cas}` : `CAS ${s6.cas} (from the taxonomy node)`, `destination ${dest}`],
    }));
  } else if (s6?.kind === 'listed') {
    out.questions.push({ parameter: PARAMS.part746Listed, prompt: `${name}: ${s6.name} (CAS ${s6.cas}) is listed in Supplement No. 6 to Part 746, paragraph ${s6.paragraph}, as printed on 2026-09-24, but entries were added to it after ${ctx.request.date} (${s6.later!.join('; ')}) and this plugin does not record which. Was it already listed on ${ctx.request.date}? Give item.parameters["ear.part746Listed"] = 1 or 0.`, candidates: ['1', '0'] });
  } else if (s6?.kind === 'needs_concentration') {
    out.questions.push({ parameter: 'purity', prompt: `${name}: ${s6.name} (CAS ${s6.cas}) is listed in Supplement No. 6 to Part 746, paragraph ${s6.paragraph}, in concentrations of ${Math.round(s6.min * 100)} % by weight or more (15 CFR 746.8(a)(6)). Give item.parameters.purity as a weight fraction (e.g. 0.995).` });
  }
  const s6Note = supp6Note(s6);
  // The HS code stated, or those the item's taxonomy node carries: decided when every one of them gives the same answer.
  const hsCodes = hsCodesOf(ctx).codes;
  const matches = supp === undefined && inForce ? hsCodes.map((code) => part746Lists(code, c, ctx.request.date)) : [];
  const kinds = new Set(matches.map((m) => (m?.kind === 'listed' && m.later ? 'uncertain' : m?.kind)));
  const byHs = matches.length && kinds.size === 1 ? matches[0] : undefined;
  if (kinds.size > 1) out.questions.push({ parameter: 'item.hs', prompt: `${name}: the item's HS codes (${hsCodes.join(', ')}) are not all treated alike by the supplements to part 746 (15 CFR 746.5, 746.8, 746.10); give the item's 6-digit HS code.` });
  const s6Asked = s6?.kind === 'needs_concentration' || (s6?.kind === 'listed' && s6.later !== undefined);
  if (supp === 1) licence(e, M.russia, `${name}: the EAR99 item is listed by HS code or description in a supplement to part 746 and needs a licence, with a policy of denial (15 CFR 746.5, 746.8(a)(5)–(7)).`, 'presumption_of_denial', part);
  else if (byHs?.kind === 'listed' && byHs.later) {
    // The lists are those printed on the data's eCFR date; a code may have come with an addition after the request date.
    if (!s6Listed && !s6Asked) out.questions.push({ parameter: PARAMS.part746Listed, prompt: `${name}: HTS-6 ${byHs.hs6} is listed in ${byHs.lists.map((l) => l.title).join('; ')} as printed on 2026-09-24, but codes were added to that list after ${ctx.request.date} (${byHs.later.join('; ')}) and this plugin does not record which. Was it already listed on ${ctx.request.date}? Give item.parameters["ear.part746Listed"] = 1 or 0.`, candidates: ['1', '0'] });
  } else if (byHs?.kind === 'listed' && byHs.lists.every((l) => l.id === 'supp2') && param(ctx, PARAMS.russianOilGas) !== 1) {
    // § 746.5(a)(1)(i): Supp. No. 2 items need a licence only for Russian deepwater, Arctic offshore or shale oil and
    // gas exploration or production, or when the exporter cannot tell; Supp. No. 4 items need one for any use.
    if (param(ctx, PARAMS.russianOilGas) === undefined) out.questions.push({ parameter: PARAMS.russianOilGas, prompt: `${name}: HTS-6 ${byHs.hs6} is listed only in Supplement No. 2 to Part 746, which needs a licence when you know the item will be used, directly or indirectly, in exploration for or production of oil or gas in Russian deepwater (over 500 feet), Arctic offshore locations or shale formations in Russia, or cannot tell whether it will (15 CFR 746.5(a)(1)(i)). Is that so? Give item.parameters["${PARAMS.russianOilGas}"] = 1 or 0.`, candidates: ['1', '0'] });
    else if (!s6Listed && !s6Asked) warnings.push({ code: 'data_incomplete', message: `${name}: HTS-6 ${byHs.hs6} is listed only in Supplement No. 2 to Part 746 and the item is not for Russian deepwater, Arctic offshore or shale oil and gas projects, so § 746.5(a)(1)(i) does not apply; ${s6Note}`, measure: M.russia });
  } else if (byHs?.kind === 'listed') {
    out.findings.push(ctx.finding({
      measure: M.russia, requirement: 'license_required', licensePolicy: 'presumption_of_denial', part,
      reason: `${prefix}${name}: HTS-6 ${byHs.hs6} is listed in ${byHs.lists.map((l) => `${l.title} (15 CFR ${l.sections})`).join('; ')}, so the EAR99 item needs a licence, with a policy of denial.`,
      matchedOn: [hs ? `hs ${hs}` : `HS-6 ${byHs.hs6} (${ctx.request.item.cnCode ? 'from item.cnCode' : 'from the taxonomy node'})`, `destination ${dest}`],
    }));
  } else if (byHs?.kind === 'not_listed' && !s6Listed && !s6Asked) {
    const later = byHs.later?.length ? ` It is listed in ${byHs.later.map((l) => `${l.title} from ${l.from}`).join('; ')}, after this date.` : '';
    // Supp. No. 6's chemicals sit in HS chapters 25, 28 and 29: a chemical there without a CAS number is asked for it.
    if (!s6 && supp6Start(c)! <= ctx.request.date && /^(25|28|29)/.test(byHs.hs6)) {
      out.questions.push({ parameter: 'item.cas', prompt: `${name}: HTS-6 ${byHs.hs6} is not in Supplement Nos. 2, 4, 5 or 7 to Part 746, but Supplement No. 6 (15 CFR 746.8(a)(6)) lists chemicals by CAS number whatever their HS code. Give item.cas (and item.parameters.purity), or say whether the item is listed: item.parameters["ear.part746Listed"] = 1 or 0.` });
    } else {
      warnings.push({ code: 'data_incomplete', message: `${name}: HTS-6 ${byHs.hs6} is not in Supplement Nos. 2, 4, 5 or 7 to Part 746 as in force for ${name} on ${ctx.request.date}, so this EAR99 item needs no licence under §§ 746.5, 746.8 or 746.10 for its HS code; ${s6Note}${later}`, measure: M.russia });
    }
  } else if (byHs?.kind === 'too_short' && !s6Listed && !s6Asked) {
    out.questions.push({ parameter: 'item.hs', prompt: `${name}: some HTS-6 codes under heading ${byHs.heading} are listed in the supplements to part 746 (15 CFR 746.5, 746.8, 746.10); give the 6-digit HS code.` });
  } else if (supp === undefined && inForce && kinds.size <= 1 && !byHs && !s6Listed && !s6Asked) {
    out.questions.push({ parameter: PARAMS.part746Listed, prompt: `${name}: EAR99 items need a licence when their HS code is listed in Supplement No. 2, 4, 5, 6 or 7 to Part 746 (15 CFR 746.5, 746.8, 746.10). Give item.hs, or say whether it is listed: item.parameters["ear.part746Listed"] = 1 or 0.`, candidates: ['1', '0'] });
  }
}

/** The rule of each destination part 746 names, by the EAR's reading of the destination. */
const RULES: ReadonlyMap<CountryCode, (e: Embargo) => void> = new Map([
  ['CU', cuba], ['KP', northKorea], ['IQ', iraq], ['IR', iran], ['SY', syria], ['UA', occupiedUkraine], ['RU', russiaBelarus], ['BY', russiaBelarus],
]);

/**
 * Step 5, part 746: embargoes and special controls by destination (Cuba, Iran, Iraq, North Korea, Syria, Crimea and
 * the DNR/LNR regions, Russia and Belarus). Each destination's rule is a function of its own: a request meets at most
 * one, and a small function is quick for V8 to compile again when a rare path of it is first taken.
 */
export function embargoes(ctx: EvaluationContext, dest: CountryCode, classes: Classification[], prefix: string): StepResult {
  const warnings: Warning[] = [];
  const out: StepResult = { findings: [], questions: [], warnings };
  const country = earCountry(dest);
  const rule = RULES.get(country);
  if (!rule) return out;
  const listed = onCcl(classes);
  const what = listed ? `CCL item ${classes.map((c) => c.code).join(', ')}` : 'item subject to the EAR';
  rule({ ctx, dest, country, classes, prefix, listed, what, hs: ctx.request.item.hs, out, warnings });
  return out;
}

/**
 * EAR99 software and technology to Russia or Belarus: the HTS lists name commodities, so they are not asked.
 * § 746.8(a)(8) (from 2024-09-16): a licence for EAR99 enterprise and design software (ERP, CRM, BI, SCM, EDW, CMMS,
 * project management, PLM, BIM, CAD, CAM, ETO, CNC machine tool operation) and its updates, except for the civil end users
 * of (a)(12)(ii) (US and A:5/A:6 companies' subsidiaries and joint ventures, their diplomatic missions) and entities engaged
 * exclusively in agriculture or medicine ((a)(12)(iv)). Supp. No. 6 (g)(9)–(11) lists software and technology for its
 * quantum and advanced manufacturing items in words: named in a warning.
 */
function russiaIntangibles(ctx: EvaluationContext, name: string, dest: CountryCode, prefix: string, part: { effective: { from: string; to: null } }, out: StepResult, warnings: Warning[]): Question[] {
  const questions: Question[] = [];
  const date = ctx.request.date;
  if (!russiaBelarusSanctioned(dest, date)) return questions;
  const listed = param(ctx, PARAMS.part746Listed);
  if (listed === 1) {
    out.findings.push(ctx.finding({ measure: M.russia, requirement: 'license_required', licensePolicy: 'presumption_of_denial', part, reason: `${prefix}${name}: the EAR99 ${ctx.request.transfer} is listed in Supplement No. 6 to Part 746 (paragraph (g)(9)–(11): software or technology for quantum computing or advanced manufacturing items) and needs a licence, with a policy of denial (15 CFR 746.8(a)(6), (b)(3)).`, matchedOn: [`${PARAMS.part746Listed} 1`, `destination ${dest}`] }));
    return questions;
  }
  if (listed === undefined && supp6Start(earCountry(dest))! <= date) {
    warnings.push({ code: 'data_incomplete', message: `${name}: Supplement No. 6 to Part 746, paragraph (g)(9)–(11), lists software and technology for quantum computing and advanced manufacturing items (quantum computers, cryogenic refrigeration, ultra-high vacuum, metal additive manufacturing, electron and atomic force microscopes, decapsulation equipment) in words; this plugin does not decide it. If the ${ctx.request.transfer} is such, give item.parameters["${PARAMS.part746Listed}"] = 1 (15 CFR 746.8(a)(6)).`, measure: M.russia });
  }
  if (ctx.request.transfer !== 'software' || date < RU_SOFTWARE_FROM) return questions;
  const kind = param(ctx, PARAMS.russiaSoftware);
  if (kind === undefined) {
    questions.push({ parameter: PARAMS.russiaSoftware, prompt: `${name}: from ${RU_SOFTWARE_FROM} EAR99 software needs a licence when it is enterprise resource planning (ERP), customer relationship management (CRM), business intelligence (BI), supply chain management (SCM), enterprise data warehouse (EDW), computerized maintenance management (CMMS), project management, product lifecycle management (PLM), building information modelling (BIM), computer aided design (CAD) or manufacturing (CAM), engineering to order (ETO) software, software for operating CNC machine tools, or an update of such software (15 CFR 746.8(a)(8)). Is it? Give item.parameters["${PARAMS.russiaSoftware}"] = 1 or 0.`, candidates: ['1', '0'] });
    return questions;
  }
  if (kind !== 1) return questions;
  const excluded = param(ctx, PARAMS.russiaSoftwareExcluded);
  if (excluded === undefined) {
    questions.push({ parameter: PARAMS.russiaSoftwareExcluded, prompt: `${name}: the § 746.8(a)(8) software licence does not apply for civil end users that are wholly owned US subsidiaries, branches or sales offices, joint ventures of US companies (with each other or with companies headquartered in Country Groups A:5 or A:6), subsidiaries of A:5/A:6-headquartered companies or joint ventures among them, official business of A:5/A:6 diplomatic or consular missions (§ 746.8(a)(12)(ii)), or entities engaged exclusively in agriculture or medicine ((a)(12)(iv)). Is the end user one of these? Give item.parameters["${PARAMS.russiaSoftwareExcluded}"] = 1 or 0.`, candidates: ['1', '0'] });
    return questions;
  }
  if (excluded === 1) return questions;
  out.findings.push(ctx.finding({
    measure: M.russia, requirement: 'license_required', licensePolicy: 'presumption_of_denial', part: { effective: { from: RU_SOFTWARE_FROM, to: null } },
    reason: `${prefix}${name}: EAR99 enterprise or design software (or its update) needs a licence to or within ${name} from ${RU_SOFTWARE_FROM}, reviewed under a policy of denial with case-by-case exceptions (15 CFR 746.8(a)(8), (b)(3)); the end user is not one the (a)(12)(ii) and (iv) exclusions name.`,
    matchedOn: [`${PARAMS.russiaSoftware} 1`, `${PARAMS.russiaSoftwareExcluded} 0`, `destination ${dest}`],
  }));
  return questions;
}

/** Supplement No. 6 to Part 746 for the request's CAS numbers: listed (certain) first, then uncertain, then a missing concentration. */
function supp6(ctx: EvaluationContext, dest: CountryCode): Supp6Match | undefined {
  const cas = casOf(ctx);
  if (!cas.length) return undefined;
  const purity = param(ctx, 'purity');
  const matches = cas.map((x) => supp6Chemical(x, dest, ctx.request.date, purity));
  return matches.find((m) => m.kind === 'listed' && !m.later) ?? matches.find((m) => m.kind === 'listed') ?? matches.find((m) => m.kind === 'needs_concentration')
    ?? matches.find((m) => m.kind === 'not_listed') ?? matches[0];
}

/** What an answer that rests on the HS lists says about Supplement No. 6. */
function supp6Note(s6: Supp6Match | undefined): string {
  if (s6?.kind === 'not_in_force') return 'Supplement No. 6 to Part 746 was not yet in force for this destination.';
  const words = `its paragraphs described in words (${SUPP6_IN_WORDS}) are not evaluated, so check them`;
  if (s6?.kind === 'not_listed' && s6.below?.mixture) return `${s6.below.name} is in Supplement No. 6 to Part 746, paragraph ${s6.below.paragraph}, but mixtures in which it is ${Math.round(s6.below.min * 100)} % by weight or less are not covered; ${words}.`;
  if (s6?.kind === 'not_listed' && s6.below) return `${s6.below.name} is in Supplement No. 6 to Part 746, paragraph ${s6.below.paragraph}, only in concentrations of ${Math.round(s6.below.min * 100)} % by weight or more, and the purity given is lower; ${words}.`;
  if (s6?.kind === 'not_listed' && s6.laterFrom) return `CAS ${s6.cas} is in Supplement No. 6 to Part 746 only from ${s6.laterFrom}, after this date; ${words}.`;
  if (s6?.kind === 'not_listed') return `CAS ${s6.cas} is not among the chemicals of Supplement No. 6 to Part 746; ${words}.`;
  return `Supplement No. 6 to Part 746 lists chemicals by CAS number (give item.cas) and other items in words (${SUPP6_IN_WORDS}); check it.`;
}
