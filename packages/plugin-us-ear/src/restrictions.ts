import { sameListingCountry, type CountryCode, type EvaluationContext, type Finding, type Question, type Warning } from '@chokepoint/core';
import { cclEntry, eccnHead } from './ccl.js';
import type { Classification } from './determination.js';
import { earCountry, inGroup } from './groups.js';
import { readData } from './data-files.js';
import { M } from './measures.js';
import { foodOrMedicine, part746Lists } from './part-746-lists.js';
import { casOf, SUPP6_IN_WORDS, supp6Chemical, supp6Start, type Supp6Match } from './part-746-supp6.js';
import { iraqRules } from './un-iraq.js';
import { cameraEndUsers } from './camera-end-users.js';
import { headquartersRule } from './headquarters-rule.js';

/** Plugin parameters the request can carry in `item.parameters` for facts the CONTRACT has no field for (1 = yes, 0 = no). */
export const PARAMS = {
  occupiedRegion: 'ear.occupiedRegion',
  part746Listed: 'ear.part746Listed',
  meuSupplement2: 'ear.meuSupplement2',
  advancedNodeFab: 'ear.advancedNodeFab',
  supercomputer: 'ear.supercomputer',
  smeProduction: 'ear.smeProduction',
  temporaryExport: 'ear.temporaryExport',
  replacementPart: 'ear.replacementPart',
  usGovernmentConsignee: 'ear.usGovernmentConsignee',
  cooperatingGovernment: 'ear.cooperatingGovernment',
  operationTechnology: 'ear.operationTechnology',
  salesTechnology: 'ear.salesTechnology',
  softwareUpdate: 'ear.softwareUpdate',
  massMarketSoftware: 'ear.massMarketSoftware',
  reexportFromA1: 'ear.reexportFromA1',
  lvsScopeMet: 'ear.lvsScopeMet',
  gbsScopeMet: 'ear.gbsScopeMet',
  tsrScopeMet: 'ear.tsrScopeMet',
  forInterceptionItem: 'ear.forInterceptionItem',
  chartFootnoteApplies: 'ear.chartFootnoteApplies',
  russianOilGas: 'ear.russianOilGasProject',
  russiaSoftware: 'ear.russiaEnterpriseSoftware',
  russiaSoftwareExcluded: 'ear.russiaSoftwareExcludedEndUser',
} as const;

/** § 746.8(a)(8): the EAR99 software licence for Russia and Belarus took effect on this day (89 FR 51644; 89 FR 68539 for CNC software). */
export const RU_SOFTWARE_FROM = '2024-09-16';

/** Findings and questions one step of the determination adds. */
export interface StepResult {
  findings: Finding[];
  questions: Question[];
  warnings?: Warning[];
}

const param = (ctx: EvaluationContext, name: string): number | undefined => ctx.request.item.parameters?.[name];

/** The rule of 2022-06-02 took EAR99 food and medicine into the Russia/Belarus military end-use licence (case by case). */
const RU_BY_FOOD_MEDICINE_FROM = '2022-06-02';

/** The covered regions of Donetsk and Luhansk joined § 746.6 on this day (the Crimea region was covered from 2015). */
const DNR_LNR_FROM = '2022-02-24';

/** The day § 746.8 (and the § 734.9(f) foreign direct product rule) began for Russia (87 FR 12226) and Belarus (87 FR 13048). */
export const RUSSIA_BELARUS_FROM: Readonly<Record<'RU' | 'BY', string>> = { RU: '2022-02-24', BY: '2022-03-02' };

/** True when § 746.8 applies to the destination on the date. */
export const russiaBelarusSanctioned = (dest: CountryCode, date: string): boolean => (dest === 'RU' || dest === 'BY') && date >= RUSSIA_BELARUS_FROM[dest];

/**
 * The HS codes the request states or implies, most specific first: `item.hs`; else the first six digits of a China
 * customs code (`item.cnCode`, an HS-based tariff line); else the HS codes of the taxonomy nodes the item resolved to.
 * `stated` is false when they come from the taxonomy, which may list several for one item.
 */
export function hsCodesOf(ctx: EvaluationContext): { codes: string[]; stated: boolean } {
  const { item } = ctx.request;
  if (item.hs) return { codes: [item.hs], stated: true };
  if (item.cnCode) return { codes: [item.cnCode.replace(/\D/g, '').slice(0, 6)], stated: true };
  const codes = [...new Set(ctx.item.nodes.flatMap((n) => ctx.taxonomy.node(n)?.identifiers?.hs ?? []))];
  return { codes, stated: false };
}

/** True when the item is on the CCL (not EAR99 and not unclassified). */
function onCcl(classes: Classification[]): boolean {
  return classes.some((c) => c.entry !== undefined);
}

/**
 * Step 5, part 746: embargoes and special controls by destination (Cuba, Iran, North Korea, Syria,
 * Crimea and the DNR/LNR regions, Russia and Belarus).
 */
export function embargoes(ctx: EvaluationContext, dest: CountryCode, classes: Classification[], prefix: string): StepResult {
  const out: StepResult = { findings: [], questions: [] };
  const listed = onCcl(classes);
  const what = listed ? `CCL item ${classes.map((c) => c.code).join(', ')}` : 'item subject to the EAR';
  const add = (measure: string, reason: string, policy: 'presumption_of_denial' | 'case_by_case' = 'presumption_of_denial', part?: { effective: { from: string; to: string | null } }) =>
    out.findings.push(ctx.finding({ measure, requirement: 'license_required', licensePolicy: policy, reason: `${prefix}${reason}`, matchedOn: [`destination ${dest}`], ...(part ? { part } : {}) }));
  const c = earCountry(dest);
  const hs = ctx.request.item.hs;
  const warnings: Warning[] = [];
  out.warnings = warnings;
  /** §§ 746.4, 746.6, 746.9 leave EAR99 food and medicine out; the HS code, when given, says which it is. */
  const excluded = (section: string): boolean => {
    if (listed || !hs) return false;
    const kind = foodOrMedicine(hs);
    if (!kind) return false;
    warnings.push({ code: 'food_medicine_by_hs', message: `HS ${hs} is read as ${kind}: EAR99 ${kind} is outside the licence requirement of 15 CFR ${section}. The EAR does not define food and medicine by HS code; this reading is the plugin's own (low confidence).`, measure: M.ear });
    return true;
  };
  if (c === 'CU') add(M.cuba, `Cuba: a licence is required for every ${what}, reviewed under a general policy of denial (15 CFR 746.2).`);
  if (c === 'KP' && !excluded('746.4')) {
    if (listed) add(M.northKorea, `North Korea: a licence is required for every ${what} (15 CFR 746.4(a)); CCL items are reviewed under § 742.19(b) and § 746.4(b)(2)–(3), with a general policy of denial for NP, MT and arms-related items and for the items § 742.19(b)(1) lists, and case by case only for other items to non-military end users.`);
    else add(M.northKorea, `North Korea: a licence is required for every EAR99 item except food and medicine (15 CFR 746.4(a)); applications are reviewed case by case, except luxury goods and arms and related materiel (general policy of denial) and humanitarian items (general policy of approval) (§ 746.4(b)).`, 'case_by_case');
  }
  if (c === 'IQ') {
    const iraq = iraqRules(ctx, classes, prefix);
    out.findings.push(...iraq.findings);
    out.questions.push(...iraq.questions);
  }
  if (c === 'IR') {
    const supp7 = !listed && hs ? part746Lists(hs, 'IR', ctx.request.date) : undefined;
    if (listed) add(M.iran, `Iran: a licence is required for ${what} (any reason for control, AT included), with a general policy of denial (15 CFR 746.7(a)–(b)).`);
    else if (supp7?.kind === 'listed') {
      add(M.iran, `Iran: the EAR99 item's HTS code ${supp7.hs6} is listed in ${supp7.lists.map((l) => l.title).join('; ')}, so BIS requires a licence (15 CFR 746.7), with a general policy of denial; OFAC authorisation under 31 CFR part 560 is also needed.`);
      if (supp7.later) warnings.push({ code: 'status_unverified', message: `Iran: this plugin holds Supp. No. 7 to Part 746 as printed on 2026-09-24; codes were added after ${ctx.request.date} (${supp7.later.join('; ')}), so check that HTS-6 ${supp7.hs6} was already listed on that date.`, measure: M.iran });
    }
    else add(M.iran, 'Iran: EAR99 items need authorisation from OFAC under the Iranian Transactions and Sanctions Regulations (31 CFR part 560; 15 CFR 746.7(e)); BIS does not license them separately.');
  }
  if (c === 'SY' && !excluded('746.9')) {
    const eased = ctx.request.date >= '2025-09-02';
    if (!listed && eased) {
      out.findings.push(ctx.finding({ measure: M.syriaEasing, requirement: 'license_required', licensePolicy: 'case_by_case', reason: `${prefix}Syria: EAR99 items need a licence under 15 CFR 746.9 unless License Exception SPP (15 CFR 740.5) applies, which it does for EAR99 items since 2025-09-02.`, matchedOn: [`destination ${dest}`] }));
    } else {
      add(M.syria, `Syria: a licence is required for every ${what} except EAR99 food and medicine (15 CFR 746.9)${eased ? '; since 2025-09-02 applications are reviewed case by case for most civil uses' : ', with a general policy of denial'}.`, eased ? 'case_by_case' : 'presumption_of_denial');
    }
  }
  if (c === 'UA') {
    const region = param(ctx, PARAMS.occupiedRegion);
    // The covered Donetsk and Luhansk regions joined the Crimea region in § 746.6 on 2022-02-24; before, only Crimea.
    const regions = ctx.request.date >= DNR_LNR_FROM ? 'Crimea or the covered Donetsk or Luhansk regions of Ukraine' : 'the Crimea region of Ukraine (the covered Donetsk and Luhansk regions were added on 2022-02-24)';
    if (region === undefined) {
      out.questions.push({ parameter: PARAMS.occupiedRegion, prompt: `Is the destination in ${regions} (15 CFR 746.6)? Give item.parameters["ear.occupiedRegion"] = 1 or 0.`, candidates: ['1', '0'] });
    } else if (region === 1 && !excluded('746.6')) {
      add(M.crimea, `${ctx.request.date >= DNR_LNR_FROM ? 'Crimea, DNR or LNR region' : 'Crimea region'}: a licence is required for every ${what} except EAR99 food and medicine, with a policy of denial (15 CFR 746.6).`);
    }
  }
  if (c === 'RU' || c === 'BY') {
    const from = RUSSIA_BELARUS_FROM[c];
    const name = c === 'RU' ? 'Russia' : 'Belarus';
    const part = { effective: { from, to: null } };
    if (listed) add(M.russia, `${name}: a licence is required for every item on the CCL (${what}), with a policy of denial (15 CFR 746.8(a)(1), (b)).`, 'presumption_of_denial', part);
    else if (ctx.request.transfer === 'software' || ctx.request.transfer === 'technology') {
      out.questions.push(...russiaIntangibles(ctx, name, dest, prefix, part, out, warnings));
    } else {
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
      if (supp === 1) add(M.russia, `${name}: the EAR99 item is listed by HS code or description in a supplement to part 746 and needs a licence, with a policy of denial (15 CFR 746.5, 746.8(a)(5)–(7)).`, 'presumption_of_denial', part);
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
  }
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

/** One item of Supplement No. 2 to Part 744: an ECCN, the paragraphs it is limited to, and a limit in words. */
interface Supp2Item {
  eccn: string;
  paragraphs?: string[];
  fact?: string;
  /** The paragraphs the fact concerns; absent: the whole item. */
  factParagraphs?: string[];
}
const meuFile = readData<{ destinations: CountryCode[]; items: Supp2Item[] }>('meu-supplement-2.json');
/** Supplement No. 2 to Part 744: the ECCNs § 744.21(a)(1) covers, and the destinations it names. */
const MEU_ITEMS = new Map(meuFile.items.map((i) => [i.eccn, i]));

/** Whether a code is in Supplement No. 2 to Part 744: `yes`, `no`, or `maybe` with what decides it (a paragraph or the supplement's limit). */
export function inSupplement2(code: string): { fit: 'yes' | 'no' } | { fit: 'maybe'; why: string } {
  const item = MEU_ITEMS.get(eccnHead(code));
  if (!item) return { fit: 'no' };
  const own = code.length > item.eccn.length ? code.slice(item.eccn.length + 1) : '';
  if (item.paragraphs) {
    if (!own || item.paragraphs.some((p) => p.startsWith(`${own}.`))) return { fit: 'maybe', why: `Supp. No. 2 lists only ${item.paragraphs.map((p) => `${item.eccn}.${p}`).join(', ')}${item.fact ? ` (${item.fact})` : ''}` };
    if (!item.paragraphs.some((p) => own === p || own.startsWith(`${p}.`))) return { fit: 'no' };
  }
  const factApplies = item.fact && (!item.factParagraphs || !own || item.factParagraphs.some((p) => own === p || own.startsWith(`${p}.`)));
  return factApplies ? { fit: 'maybe', why: `Supp. No. 2 lists ${item.eccn} only when ${item.fact}` } : { fit: 'yes' };
}
const MEU_SUPP2 = meuFile.destinations;
const MIEU = ['BY', 'MM', 'KH', 'CN', 'NI', 'RU', 'VE'];
const SUPERCOMPUTER_ITEMS = ['3A001', '3A991', '4A003', '4A004', '4A994', '5A002', '5A004', '5A992'];

/** The MEU List entry the end user matches on the request's date (listed under the country the request places it in), if any. */
function meuListed(ctx: EvaluationContext): string | undefined {
  const endUser = ctx.request.endUser;
  if (!endUser?.name || !ctx.screen) return undefined;
  const hit = ctx.screen(endUser.name).find((m) => m.party.list === 'us-meu-list' && m.party.added <= ctx.request.date && (!endUser.country || !m.party.country || sameListingCountry(endUser.country, m.party.country)));
  return hit?.party.name;
}

/** Step 6, part 744 end-use and end-user rules that turn on the request's end use: §§ 744.2–744.4, 744.21, 744.22, 744.23. */
export function endUses(ctx: EvaluationContext, dest: CountryCode, classes: Classification[], prefix: string): StepResult {
  const out: StepResult = { findings: [], questions: [] };
  const { request } = ctx;
  const date = request.date;
  const c = earCountry(dest);
  // § 744.21(g): a party on the Military End-User List (Supp. No. 7) is a military end user; the list is not exhaustive.
  const meu = meuListed(ctx);
  const military = request.endUse === 'military' || request.endUser?.type === 'military' || meu !== undefined;
  const militaryBy = request.endUse === 'military' ? 'endUse military' : request.endUser?.type === 'military' ? 'endUser.type military' : `endUser on the Military End-User List (Supp. No. 7 to Part 744): ${meu}`;
  const add = (measure: string, reason: string, matched: string, part?: { effective: { from: string; to: string | null } }) =>
    out.findings.push(ctx.finding({ measure, requirement: 'license_required', licensePolicy: 'presumption_of_denial', reason: `${prefix}${reason}`, matchedOn: [matched, `destination ${dest}`], ...(part ? { part } : {}) }));
  const nicaragua = c === 'NI' ? { effective: { from: '2024-03-15', to: null } } : undefined;

  // Before § 746.8 (Russia 2022-02-24, Belarus 2022-03-02) the "any item" rule of § 744.21(a)(2) did not exist: Russia was
  // under the Supp. No. 2 rule of (a)(1), Belarus under neither.
  if (russiaBelarusSanctioned(c, date)) {
    const name = c === 'RU' ? 'Russia' : 'Belarus';
    // EAR99 food and medicine were outside § 744.21(a)(2) until 2022-06-02; from then they need a licence reviewed case by
    // case (denial for the FSB, SVR and GRU).
    const foodMedicine = !onCcl(classes) && request.item.hs ? foodOrMedicine(request.item.hs) : undefined;
    if (military && foodMedicine) {
      const warnings = (out.warnings ??= []);
      warnings.push({ code: 'food_medicine_by_hs', message: `HS ${request.item.hs} is read as ${foodMedicine}. The EAR does not define food and medicine by HS code; this reading is the plugin's own (low confidence).`, measure: M.meu });
      if (date >= RU_BY_FOOD_MEDICINE_FROM) {
        out.findings.push(ctx.finding({ measure: M.meu, requirement: 'license_required', licensePolicy: 'case_by_case', reason: `${prefix}Military end use or end user in ${name}: EAR99 ${foodMedicine} needs a licence since 2022-06-02, reviewed case by case (a policy of denial for the FSB, SVR and GRU); only License Exception GOV may apply (15 CFR 744.21(a)(2), (e)).`, matchedOn: [militaryBy, `hs ${request.item.hs}`, `destination ${dest}`] }));
      }
    } else if (military) add(M.meu, `Military end use or end user in ${name}: a licence is required for any item subject to the EAR, with a policy of denial; only License Exception GOV may apply (15 CFR 744.21(a)(2), (e)).`, militaryBy);
    else if (request.endUse === 'unknown' && !request.endUser?.type) out.questions.push({ parameter: 'endUse', prompt: `Is the end use or end user military? Any item for a military end use or end user in ${c} needs a licence (15 CFR 744.21(a)(2)).`, candidates: ['military', 'civil'] });
  } else if ((MEU_SUPP2.includes(c) || c === 'RU') && military && classes.some((x) => x.entry)) {
    const supp2 = ctx.request.item.parameters?.[PARAMS.meuSupplement2];
    const fits = classes.filter((x) => x.entry).map((x) => ({ code: x.code, fit: inSupplement2(x.code) }));
    const hits = fits.filter((f) => f.fit.fit === 'yes').map((f) => f.code);
    const open = fits.flatMap((f) => (f.fit.fit === 'maybe' ? [`${f.code}: ${f.fit.why}`] : []));
    const who = militaryBy;
    if (supp2 === undefined && !hits.length && open.length) {
      out.questions.push({ parameter: PARAMS.meuSupplement2, prompt: `Military end use or end user in ${c}: a licence is required for items in Supplement No. 2 to Part 744 (15 CFR 744.21(a)(1)); ${open.join('; ')}. Is the item listed? Give item.parameters["${PARAMS.meuSupplement2}"] = 1 or 0.`, candidates: ['1', '0'] });
    }
    if (supp2 === 1 || (supp2 === undefined && hits.length)) {
      add(M.meu, `Military end use or end user in ${c}: ${hits.length ? `ECCN ${hits.join(', ')} is` : 'the item is'} in Supplement No. 2 to Part 744, so a licence is required with a presumption of denial; only License Exception GOV may apply (15 CFR 744.21(a)(1), (e)).`, hits.length && supp2 === undefined ? `${who}; Supp. No. 2 to Part 744: ${hits.join(', ')}` : who, nicaragua);
    }
  }
  if (request.endUse === 'military-intelligence' && (MIEU.includes(c) || inGroup('E:1', dest, date) || inGroup('E:2', dest, date))) {
    add(M.mieu, `Military-intelligence end use or end user in ${c}: a licence is required for any item subject to the EAR, with a presumption of denial (15 CFR 744.22).`, 'endUse military-intelligence', nicaragua);
  }
  if (!(c === 'MO' || inGroup('D:5', dest, date)) && ctx.request.item.parameters?.[PARAMS.smeProduction] === 1 && ctx.request.item.parameters?.['ear.endUserHeadquartersD5'] === 1 && classes.some((x) => x.entry)) {
    add(M.semiconductor, `Development or production of semiconductor manufacturing equipment by an entity headquartered in Macau or D:5: a licence is required for any item on the CCL, wherever the entity is (15 CFR 744.23(a)(4)(ii)).`, `${PARAMS.smeProduction} 1; ear.endUserHeadquartersD5 1`);
  }
  const hq = headquartersRule(ctx, dest, classes, prefix);
  out.findings.push(...hq.findings);
  out.questions.push(...hq.questions);
  const cameras = cameraEndUsers(ctx, dest, classes, prefix);
  out.findings.push(...cameras.findings);
  out.questions.push(...cameras.questions);
  if (request.endUse === 'wmd') {
    add(M.wmd, 'Weapons of mass destruction end use: a licence is required for any item subject to the EAR when the exporter knows of a nuclear, missile or chemical or biological weapons end use (15 CFR 744.2–744.4; some allied destinations are exempt from parts of these rules).', 'endUse wmd');
  }
  if (c === 'MO' || inGroup('D:5', dest, date)) {
    const fab = ctx.request.item.parameters?.[PARAMS.advancedNodeFab];
    const supercomputer = ctx.request.item.parameters?.[PARAMS.supercomputer];
    // § 744.23(a)(2)(iv): items for entities designated with Entity List footnote 5 are outside (a)(2); the Entity List governs.
    const footnote5 = ctx.request.item.parameters?.['ear.footnote5Party'] === 1;
    if (fab === 1 && !footnote5) add(M.semiconductor, `Advanced-node IC development or production in ${c}: a licence is required for any item subject to the EAR (15 CFR 744.23(a)(2)(i)).`, `${PARAMS.advancedNodeFab} 1`);
    else if (fab === undefined && !footnote5 && classes.some((x) => x.entry && x.entry.category === 3 && x.entry.group !== 'A')) {
      out.questions.push({ parameter: PARAMS.advancedNodeFab, prompt: `Category 3 B–E items for a semiconductor fab in ${c} need a licence when the fab makes advanced-node ICs or its node is unknown (15 CFR 744.23(a)(2)(i)–(ii)). Is the item for such a fab? Give item.parameters["ear.advancedNodeFab"] = 1 or 0.`, candidates: ['1', '0'] });
    }
    // § 744.23(a)(4)(i): any CCL item for the development or production of SME (3B001 except .g and .h, 3B002, 3B611,
    // 3B903, 3B991, 3B992, 3B993, 3B994 and their 3D/3E software and technology) in Macau or D:5.
    if (ctx.request.item.parameters?.[PARAMS.smeProduction] === 1 && classes.some((x) => x.entry)) {
      add(M.semiconductor, `Development or production of semiconductor manufacturing equipment in ${c}: a licence is required for any item on the CCL (15 CFR 744.23(a)(4)(i)); only the § 740.2(a)(9)(i) exception (GOV) may be used.`, `${PARAMS.smeProduction} 1`);
    }
    if (supercomputer === 1 && classes.some((x) => SUPERCOMPUTER_ITEMS.includes(eccnHead(x.code)))) {
      add(M.semiconductor, `Supercomputer end use in ${c}: a licence is required for ICs and computers in ${SUPERCOMPUTER_ITEMS.join(', ')} (15 CFR 744.23(a)(1)).`, `${PARAMS.supercomputer} 1`);
    }
  }
  return out;
}

/** True when an ECCN is in the 600 series or 9x515 (for § 740.2(a)(12)). */
export function militarySeries(code: string): boolean {
  return cclEntry(code)?.series != null;
}
