import { sameListingCountry, type CountryCode, type EvaluationContext, type Finding, type Question, type Warning } from '@chokepoint/core';
import { cclEntry, eccnHead } from './ccl.js';
import type { Classification } from './determination.js';
import { earCountry, inGroup } from './groups.js';
import { readData } from './data-files.js';
import { M } from './measures.js';
import { foodOrMedicine } from './part-746-lists.js';
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
  entityListScopeMet: 'ear.entityListScopeMet',
  uvlStatementHeld: 'ear.uvlStatementHeld',
} as const;

/** § 746.8(a)(8): the EAR99 software licence for Russia and Belarus took effect on this day (89 FR 51644; 89 FR 68539 for CNC software). */
export const RU_SOFTWARE_FROM = '2024-09-16';

/** Findings and questions one step of the determination adds. */
export interface StepResult {
  findings: Finding[];
  questions: Question[];
  warnings?: Warning[];
}

/** The dates of a part of a measure that has dates of its own (as `ctx.finding` takes them). */
export type RulePart = { effective: { from: string; to: string | null } };

/**
 * A licence requirement that a rule of part 744 or 746 adds for the destination: the reason after the step's `prefix`,
 * matched on what the rule read (`matched`, when it says) and the destination; a presumption of denial unless `policy`.
 */
export function licenceRequired(
  step: { ctx: EvaluationContext; out: StepResult; dest: CountryCode; prefix: string },
  measure: string,
  reason: string,
  options: { policy?: 'presumption_of_denial' | 'case_by_case'; matched?: string; part?: RulePart } = {},
): void {
  const { ctx, out, dest, prefix } = step;
  const matchedOn = options.matched !== undefined ? [options.matched, `destination ${dest}`] : [`destination ${dest}`];
  out.findings.push(ctx.finding({ measure, requirement: 'license_required', licensePolicy: options.policy ?? 'presumption_of_denial', reason: `${prefix}${reason}`, matchedOn, ...(options.part ? { part: options.part } : {}) }));
}

/** A fact the request gives in `item.parameters` (1 = yes, 0 = no), or undefined. */
export const param = (ctx: EvaluationContext, name: string): number | undefined => ctx.request.item.parameters?.[name];

/** The rule of 2022-06-02 took EAR99 food and medicine into the Russia/Belarus military end-use licence (case by case). */
const RU_BY_FOOD_MEDICINE_FROM = '2022-06-02';

/** The day § 746.8 (and the § 734.9(f) foreign direct product rule) began for Russia (87 FR 12226) and Belarus (87 FR 13048). */
export const RUSSIA_BELARUS_FROM: Readonly<Record<'RU' | 'BY', string>> = { RU: '2022-02-24', BY: '2022-03-02' };
/** The day § 746.8(a)(1) reached every ECCN for Russia and Belarus (87 FR 22130, FR Doc 2022-07937); before it, Categories 3 to 9 only. */
export const RUSSIA_BELARUS_ALL_CCL_FROM = '2022-04-08';

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
export function onCcl(classes: Classification[]): boolean {
  return classes.some((c) => c.entry !== undefined);
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

/** What the end-use rules of part 744 read and add to, made once per request. */
interface EndUseCheck {
  readonly ctx: EvaluationContext;
  readonly dest: CountryCode;
  /** The destination as the EAR reads it (Hong Kong as China). */
  readonly c: CountryCode;
  readonly classes: Classification[];
  readonly prefix: string;
  readonly out: StepResult;
  /** The end use or end user is military: stated, or the end user is on the Military End-User List (§ 744.21(g)). */
  readonly military: boolean;
  /** What says the end use or end user is military, for `matchedOn`. */
  readonly militaryBy: string;
  /** The dates of the rules that reach Nicaragua (from 2024-03-15); undefined for other destinations. */
  readonly nicaragua: RulePart | undefined;
}

/** A licence requirement of part 744, reviewed under a presumption of denial. */
function endUseLicence(e: EndUseCheck, measure: string, reason: string, matched: string, part?: RulePart): void {
  licenceRequired(e, measure, reason, { matched, ...(part ? { part } : {}) });
}

/** § 744.21(a)(2) for Russia and Belarus since § 746.8 began for them: any item for a military end use or end user. */
function russiaBelarusMilitary(e: EndUseCheck): void {
  const { ctx, dest, c, classes, prefix, out, military, militaryBy } = e;
  const { request } = ctx;
  const name = c === 'RU' ? 'Russia' : 'Belarus';
  // EAR99 food and medicine were outside § 744.21(a)(2) until 2022-06-02; from then they need a licence reviewed case by
  // case (denial for the FSB, SVR and GRU).
  const foodMedicine = !onCcl(classes) && request.item.hs ? foodOrMedicine(request.item.hs) : undefined;
  if (military && foodMedicine) {
    const warnings = (out.warnings ??= []);
    warnings.push({ code: 'food_medicine_by_hs', message: `HS ${request.item.hs} is read as ${foodMedicine}. The EAR does not define food and medicine by HS code; this reading is the plugin's own (low confidence).`, measure: M.meu });
    if (request.date >= RU_BY_FOOD_MEDICINE_FROM) {
      out.findings.push(ctx.finding({ measure: M.meu, requirement: 'license_required', licensePolicy: 'case_by_case', reason: `${prefix}Military end use or end user in ${name}: EAR99 ${foodMedicine} needs a licence since 2022-06-02, reviewed case by case (a policy of denial for the FSB, SVR and GRU); only License Exception GOV may apply (15 CFR 744.21(a)(2), (e)).`, matchedOn: [militaryBy, `hs ${request.item.hs}`, `destination ${dest}`] }));
    }
  } else if (military) endUseLicence(e, M.meu, `Military end use or end user in ${name}: a licence is required for any item subject to the EAR, with a policy of denial; only License Exception GOV may apply (15 CFR 744.21(a)(2), (e)).`, militaryBy);
  else if (request.endUse === 'unknown' && !request.endUser?.type) out.questions.push({ parameter: 'endUse', prompt: `Is the end use or end user military? Any item for a military end use or end user in ${c} needs a licence (15 CFR 744.21(a)(2)).`, candidates: ['military', 'civil'] });
}

/** § 744.21(a)(1): items of Supplement No. 2 to Part 744 for a military end use or end user in the destinations it names. */
function supplement2Military(e: EndUseCheck): void {
  const { ctx, c, classes, out, militaryBy, nicaragua } = e;
  const supp2 = ctx.request.item.parameters?.[PARAMS.meuSupplement2];
  const fits = classes.filter((x) => x.entry).map((x) => ({ code: x.code, fit: inSupplement2(x.code) }));
  const hits = fits.filter((f) => f.fit.fit === 'yes').map((f) => f.code);
  const open = fits.flatMap((f) => (f.fit.fit === 'maybe' ? [`${f.code}: ${f.fit.why}`] : []));
  const who = militaryBy;
  if (supp2 === undefined && !hits.length && open.length) {
    out.questions.push({ parameter: PARAMS.meuSupplement2, prompt: `Military end use or end user in ${c}: a licence is required for items in Supplement No. 2 to Part 744 (15 CFR 744.21(a)(1)); ${open.join('; ')}. Is the item listed? Give item.parameters["${PARAMS.meuSupplement2}"] = 1 or 0.`, candidates: ['1', '0'] });
  }
  if (supp2 === 1 || (supp2 === undefined && hits.length)) {
    endUseLicence(e, M.meu, `Military end use or end user in ${c}: ${hits.length ? `ECCN ${hits.join(', ')} is` : 'the item is'} in Supplement No. 2 to Part 744, so a licence is required with a presumption of denial; only License Exception GOV may apply (15 CFR 744.21(a)(1), (e)).`, hits.length && supp2 === undefined ? `${who}; Supp. No. 2 to Part 744: ${hits.join(', ')}` : who, nicaragua);
  }
}

/**
 * § 744.21(a)(1) turns on a fact the request leaves open: an item of Supplement No. 2 to Part 744 going to one of its
 * destinations with no end use or end user type given is asked about, as the Russia and Belarus rule asks (enduse review
 * U55); a stated civil end use or a non-military end user type asks nothing.
 */
function askMilitaryForSupplement2(e: EndUseCheck): void {
  const { ctx, c, classes, out, nicaragua } = e;
  const { request } = ctx;
  if (request.endUse !== 'unknown' || request.endUser?.type || ctx.statusOf(M.meu) !== 'in_force') return;
  if (nicaragua && request.date < nicaragua.effective.from) return;
  const listed = classes.filter((x) => x.entry && inSupplement2(x.code).fit !== 'no').map((x) => x.code);
  if (!listed.length) return;
  out.questions.push({ parameter: 'endUse', prompt: `Is the end use or end user military? ${listed.join(', ')} ${listed.length > 1 ? 'are' : 'is'} in (or may be in) Supplement No. 2 to Part 744, so for a military end use or end user in ${c} a licence is required with a presumption of denial (15 CFR 744.21(a)(1)).`, candidates: ['military', 'civil'] });
}

/** § 744.23 for Macau and Country Group D:5: advanced-node IC fabs, semiconductor manufacturing equipment, supercomputers. */
function advancedComputingEndUses(e: EndUseCheck): void {
  const { ctx, c, classes, out } = e;
  const fab = ctx.request.item.parameters?.[PARAMS.advancedNodeFab];
  const supercomputer = ctx.request.item.parameters?.[PARAMS.supercomputer];
  // § 744.23(a)(2)(iv): items for entities designated with Entity List footnote 5 are outside (a)(2); the Entity List governs.
  const footnote5 = ctx.request.item.parameters?.['ear.footnote5Party'] === 1;
  if (fab === 1 && !footnote5) endUseLicence(e, M.semiconductor, `Advanced-node IC development or production in ${c}: a licence is required for any item subject to the EAR (15 CFR 744.23(a)(2)(i)).`, `${PARAMS.advancedNodeFab} 1`);
  // Only a rule in force on the date may ask (CONTRACT §3): § 744.23 dates from 2022-10-07.
  else if (fab === undefined && !footnote5 && ctx.statusOf(M.semiconductor) === 'in_force' && classes.some((x) => x.entry && x.entry.category === 3 && x.entry.group !== 'A')) {
    out.questions.push({ parameter: PARAMS.advancedNodeFab, prompt: `Category 3 B–E items for a semiconductor fab in ${c} need a licence when the fab makes advanced-node ICs or its node is unknown (15 CFR 744.23(a)(2)(i)–(ii)). Is the item for such a fab? Give item.parameters["ear.advancedNodeFab"] = 1 or 0.`, candidates: ['1', '0'] });
  }
  // § 744.23(a)(4)(i): any CCL item for the development or production of SME (3B001 except .g and .h, 3B002, 3B611,
  // 3B903, 3B991, 3B992, 3B993, 3B994 and their 3D/3E software and technology) in Macau or D:5.
  if (ctx.request.item.parameters?.[PARAMS.smeProduction] === 1 && classes.some((x) => x.entry)) {
    endUseLicence(e, M.semiconductor, `Development or production of semiconductor manufacturing equipment in ${c}: a licence is required for any item on the CCL (15 CFR 744.23(a)(4)(i)); only the § 740.2(a)(9)(i) exception (GOV) may be used.`, `${PARAMS.smeProduction} 1`);
  }
  if (supercomputer === 1 && classes.some((x) => SUPERCOMPUTER_ITEMS.includes(eccnHead(x.code)))) {
    endUseLicence(e, M.semiconductor, `Supercomputer end use in ${c}: a licence is required for ICs and computers in ${SUPERCOMPUTER_ITEMS.join(', ')} (15 CFR 744.23(a)(1)).`, `${PARAMS.supercomputer} 1`);
  }
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
  const nicaragua = c === 'NI' ? { effective: { from: '2024-03-15', to: null } } : undefined;
  const e: EndUseCheck = { ctx, dest, c, classes, prefix, out, military, militaryBy, nicaragua };

  // Before § 746.8 (Russia 2022-02-24, Belarus 2022-03-02) the "any item" rule of § 744.21(a)(2) did not exist: Russia was
  // under the Supp. No. 2 rule of (a)(1), Belarus under neither.
  if (russiaBelarusSanctioned(c, date)) russiaBelarusMilitary(e);
  else if ((MEU_SUPP2.includes(c) || c === 'RU') && military && classes.some((x) => x.entry)) supplement2Military(e);
  else if (MEU_SUPP2.includes(c)) askMilitaryForSupplement2(e);
  if (request.endUse === 'military-intelligence' && (MIEU.includes(c) || inGroup('E:1', dest, date) || inGroup('E:2', dest, date))) {
    endUseLicence(e, M.mieu, `Military-intelligence end use or end user in ${c}: a licence is required for any item subject to the EAR, with a presumption of denial (15 CFR 744.22).`, 'endUse military-intelligence', nicaragua);
  }
  if (!(c === 'MO' || inGroup('D:5', dest, date)) && ctx.request.item.parameters?.[PARAMS.smeProduction] === 1 && ctx.request.item.parameters?.['ear.endUserHeadquartersD5'] === 1 && classes.some((x) => x.entry)) {
    endUseLicence(e, M.semiconductor, `Development or production of semiconductor manufacturing equipment by an entity headquartered in Macau or D:5: a licence is required for any item on the CCL, wherever the entity is (15 CFR 744.23(a)(4)(ii)).`, `${PARAMS.smeProduction} 1; ear.endUserHeadquartersD5 1`);
  }
  const hq = headquartersRule(ctx, dest, classes, prefix);
  out.findings.push(...hq.findings);
  out.questions.push(...hq.questions);
  const cameras = cameraEndUsers(ctx, dest, classes, prefix);
  out.findings.push(...cameras.findings);
  out.questions.push(...cameras.questions);
  if (request.endUse === 'wmd') {
    endUseLicence(e, M.wmd, 'Weapons of mass destruction end use: a licence is required for any item subject to the EAR when the exporter knows of a nuclear, missile or chemical or biological weapons end use (15 CFR 744.2–744.4; some allied destinations are exempt from parts of these rules).', 'endUse wmd');
  }
  if (c === 'MO' || inGroup('D:5', dest, date)) advancedComputingEndUses(e);
  return out;
}

/** True when an ECCN is in the 600 series or 9x515 (for § 740.2(a)(12)). */
export function militarySeries(code: string): boolean {
  return cclEntry(code)?.series != null;
}
