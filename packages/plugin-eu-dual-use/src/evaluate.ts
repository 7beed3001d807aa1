import {
  controlCodeCovers, type Authorization, type Question, type DestinationScope, type EvaluationContext, type EvaluationResult, type Finding, type Warning,
} from '@chokepoint/core';
import { ANNEX_I_CODES, ANNEX_I_MEASURE_IDS, ANNEX_IV_PART_PARAM, NOT_USED_CODES } from './annex-i.js';
import { readData } from './data-files.js';
import { ARMS_EMBARGO_BASIS, ARMS_EMBARGO_CAVEAT, ARMS_EMBARGO_GROUP } from './embargoes.js';
import { UNION_GENERAL_AUTHORISATIONS, annexIVPartNotCovered, authorisationCoversCode, excludesSectionI } from './ugeas.js';
import { annexViiElsewhereWarning, sanctionTargets, sanctionsLists, type SanctionTarget } from './sanctions.js';
import { SANCTIONS_LISTS, SANCTIONS_MATERIALS } from './sanctions-lists.js';
import { NO_RUSSIA_CLAUSE_MEASURE, noRussiaClauseWarning } from './no-russia-clause.js';
import { broadItemQuestion } from './broad-items.js';
import { ANNEX_I_428, EU002_428, eu001Of428, eu002Of428, eu002Of428Unverified, listing428 } from './annex-i-428.js';

/** Measures of the bans by customs code, cited by the hook. */
const SANCTIONS_LIST_MEASURES = [...new Set([...SANCTIONS_LISTS.map((l) => l.measure), ...SANCTIONS_MATERIALS.map((m) => m.measure)])];

/** Regulation (EU) 2021/821, the recast (from 9 September 2021). */
const RECAST = 'eu-reg-2021-821';
const ANNEX_I_MEASURES = new Set(ANNEX_I_MEASURE_IDS);
const PARENTS_WITH_CHILDREN = new Set([...ANNEX_I_CODES].map((c) => c.split('.').slice(0, -1).join('.')).filter(Boolean));

/**
 * Sanctions that turn every Annex I item into a prohibited export, by destination. Their dates (and those of every
 * measure below) are the measures' own in measures.json: the hook asks core for a measure's status on the date
 * (`ctx.statusOf`) and builds findings with `ctx.finding`, so a measure not in force is shown with its status and
 * not counted (CONTRACT §3), by the engine's rule.
 */
const SANCTIONS = [
  { country: 'RU', measure: 'eu-reg-833-2014-art-2', entry: 'ru-dual-use-ban', law: 'Art. 2(1) of Council Regulation (EU) No 833/2014 (as replaced by Regulation 2022/328)', name: 'Russia' },
  { country: 'BY', measure: 'eu-reg-765-2006-art-1e', entry: 'by-dual-use-ban', law: 'Art. 1e(1) of Council Regulation (EC) No 765/2006 (as replaced by Regulation 2022/355)', name: 'Belarus' },
  { country: 'KP', measure: 'eu-reg-2017-1509-art-3', entry: 'kp-dual-use-ban', law: 'Art. 3(1)(a) of Council Regulation (EU) 2017/1509 with Annex II Part I (every dual-use item of Annex I)', name: 'North Korea' },
] as const;
/**
 * The earlier, narrower bans on dual-use items for military use or a military end-user: Russia, Art. 2 of Regulation
 * 833/2014 in its 2014 text (1 August 2014 to 25 February 2022); Belarus, Art. 1e of Regulation 765/2006 as inserted
 * by Regulation 2021/1030 (25 June 2021 to 2 March 2022). Both deem what the country's military procures to be for
 * military use. Their dates are the measures' own.
 */
const MILITARY_BANS = [
  { country: 'RU', measure: 'eu-reg-833-2014-art-2-2014', entry: 'ru-dual-use-military', name: 'Russia', military: 'Russian', law: 'Art. 2 of Council Regulation (EU) No 833/2014 (2014 text)' },
  { country: 'BY', measure: 'eu-reg-765-2006-art-1e-2021', entry: 'by-dual-use-military', name: 'Belarus', military: 'Belarusian', law: 'Art. 1e(1) of Council Regulation (EC) No 765/2006 (as inserted by Regulation 2021/1030)' },
] as const;

/** National controls of member states, warned about on exports of Category 2B, 3 and 4 items from that state. */
const NATIONAL = [
  { country: 'NL', measure: 'nl-2023-advanced-semiconductor-equipment', name: 'the Netherlands' },
  { country: 'DE', measure: 'de-awv-2024-emerging-technologies', name: 'Germany' },
  { country: 'FR', measure: 'fr-2024-emerging-technologies', name: 'France' },
  { country: 'ES', measure: 'es-2023-national-control-list', name: 'Spain' },
] as const;

/** Third countries where an anti-circumvention listing restricts exports of goods banned for Russia. */
const ANTI_CIRCUMVENTION = [{ country: 'KG', measure: 'eu-reg-833-2014-20th-package', name: 'Kyrgyzstan' }] as const;

/**
 * Annex IV of Regulation 833/2014 (entities supporting Russia's military-industrial complex) names entities in
 * third countries from the 11th package (Regulation 2023/1214, recital 19; in force 24 June 2023). The list is
 * not held: an Annex I or Annex VII item for a named party outside Russia and Belarus gets a warning.
 */
const ANNEX_IV_THIRD_COUNTRIES = {
  measure: 'eu-reg-833-2014-annex-iv-third-countries',
  // Later packages that added entities to Annex IV, in order, named in the warning from the day each applies (so the
  // first named is always the 20th, which opens the sentence).
  later: [
    { measure: 'eu-reg-833-2014-20th-package', act: 'The 20th package (Regulation 2026/506, in force 24 April 2026)' },
    { measure: 'eu-reg-833-2014-21st-package', act: 'the 21st (Regulation 2026/1848 of 23 July 2026)' },
  ],
} as const;

/**
 * Regulation (EC) No 428/2009, in force from 2009-08-27 until the recast replaced it (2021-09-08). Its Annex I is
 * held only as the listings read in two consolidated texts (annex-i-428.json: from 2014-07-02, for the codes read
 * there with the same scope): such an item needs an authorisation (Art. 3(1)); for any other item that today's
 * Annex I lists (by the exporter's code, or by the thresholds of a linked entry), a date in its time asks whether
 * the item was listed then, instead of answering not controlled.
 */
const REGULATION_428 = { measure: 'eu-reg-428-2009', param: 'eu.listedUnder428' } as const;

/** Iran's sanctions regulation, known but not evaluated: a warning on Annex I items for Iran. */
const IRAN = { measure: 'eu-reg-267-2012-iran' } as const;

/** Amendments of the Belarus regulation found but not read: a warning on Belarus answers from their first day. */
const BELARUS_UNREAD = [{ measure: 'eu-reg-765-2006-2026-513', act: 'Council Regulation (EU) 2026/513 of 23 April 2026 amending Regulation (EC) No 765/2006 (OJ L, 2026/513), adopted with the 20th Russia package' }] as const;

/** The measures this hook cites rather than data entries: sanctions and national controls. */
export const HOOK_MEASURES: readonly string[] = [...SANCTIONS.map((x) => x.measure), ...SANCTIONS_LIST_MEASURES, ...MILITARY_BANS.map((x) => x.measure), ...NATIONAL.map((x) => x.measure), ...ANTI_CIRCUMVENTION.map((x) => x.measure), ANNEX_IV_THIRD_COUNTRIES.measure, ...ANNEX_IV_THIRD_COUNTRIES.later.map((x) => x.measure), ...BELARUS_UNREAD.map((x) => x.measure), REGULATION_428.measure, NO_RUSSIA_CLAUSE_MEASURE, IRAN.measure];

/** Adopted acts whose entry into force is not known: a warning, never a verdict. */
const PENDING = readData<{ acts: { reference: string; title: string; adopted: string; entryIntoForce: string | null; adds?: string }[] }>('pending-acts.json').acts;

function pendingWarnings(date: string, annexItem: boolean): Warning[] {
  if (!annexItem) return [];
  return PENDING.filter((a) => date >= a.adopted && (a.entryIntoForce === null || date < a.entryIntoForce)).map((a) => ({
    code: 'pending_amendment',
    message: `The Commission adopted the ${a.title} on ${a.adopted} (${a.reference}). It applies only from the day after its publication in the Official Journal, which this plugin has not seen, so this answer uses the Annex I of Delegated Regulation 2025/2003; the update may change this item's entry.${a.adds ? ` It is reported to add ${a.adds}.` : ''}`,
  }));
}

function unknownCodeWarning(code: string): Warning | undefined {
  if (NOT_USED_CODES.has(code)) return { code: 'code_not_used', message: `${code} is printed "Not used" in Annex I; nothing is controlled under it, so check the classification (the answer treats it as its parent entry).` };
  if (ANNEX_I_CODES.has(code)) return undefined;
  const head = code.split('.')[0]!;
  if (!ANNEX_I_CODES.has(head)) return { code: 'code_not_in_list', message: `${head} is not an entry of Annex I as replaced by Delegated Regulation 2025/2003; check the classification.` };
  const parent = code.split('.').slice(0, -1).join('.');
  if (ANNEX_I_CODES.has(parent) && PARENTS_WITH_CHILDREN.has(parent)) {
    return { code: 'code_not_in_list', message: `${code} is not a sub-item of ${parent} in the 2025 Annex I text; the answer treats it as ${head}.` };
  }
  return undefined;
}

/** Everything {@link evaluateEu} adds, gathered by its stages in order. */
interface EuOutcome {
  findings: Finding[];
  warnings: Warning[];
  authorizations: Authorization[];
  questions: Question[];
}

/** What the stages share: the request's standing under Annex I, worked out once. */
interface EuFacts {
  ctx: EvaluationContext;
  to: string;
  itemCode: string | undefined;
  /** Regulation 428/2009 applies on the date. */
  preRecast: boolean;
  /** An in-force Annex I finding requires a licence: the item is listed. */
  listed: boolean;
  /** Annex I entries in force whose thresholds are not yet known: the item may be listed. */
  maybeListed: boolean;
  maybeCodes: string[];
  listedCodes: string[];
  military: boolean;
  embargoed: boolean;
  /** Today's Annex I codes the item falls under, for a date before the recast. */
  today: string[];
  answer428: number | undefined;
  known428: { code: string; rec: NonNullable<ReturnType<typeof listing428>> }[];
  dualUseThen: boolean;
}

const inForce = (ctx: EvaluationContext, measure: string): boolean => ctx.statusOf(measure) === 'in_force';

/** The Annex I code of a finding's entry, or the item's own code when that is narrower. */
function codeOf(f: Finding, itemCode: string | undefined): string | undefined {
  const code = f.entry?.code;
  if (!code) return undefined;
  return itemCode && controlCodeCovers(code, itemCode) ? itemCode : code;
}

function codesOf(findings: readonly Finding[], itemCode: string | undefined): string[] {
  const out: string[] = [];
  for (const f of findings) {
    const c = codeOf(f, itemCode);
    if (c !== undefined) out.push(c);
  }
  return out;
}

/** The warnings every answer gets whatever the destination: the law before the recast, the item's code, pending amendments. */
function datedWarnings(ctx: EvaluationContext, itemCode: string | undefined, beforeRecast: boolean, preRecast: boolean, out: EuOutcome): void {
  if (beforeRecast) {
    out.warnings.push({ code: 'coverage_gap', message: preRecast
      ? 'Before 9 September 2021 Council Regulation (EC) No 428/2009 applied (from 27 August 2009). This plugin holds its Annex I listings only for the codes read in its consolidated texts of 2 July 2014 and of its last day (from 2 July 2014); of its Union general export authorisations it holds only EU001 (Annex IIa) and EU002 (Annex IIb), from 2 July 2014, and it does not hold its national measures. Another item listed in today\'s Annex I is asked whether it was listed then, and an item not listed today is not checked against the older lists, so the answer may be incomplete.'
      : 'Before 27 August 2009 Council Regulation (EC) No 1334/2000 applied, which this plugin does not model at all; the answer may be incomplete.' });
  }
  if (itemCode) {
    const w = unknownCodeWarning(itemCode);
    if (w) out.warnings.push(w);
  }
  const annexItem = Boolean(itemCode) || ctx.matchedEntries.some((e) => ANNEX_I_MEASURES.has(e.measure));
  out.warnings.push(...pendingWarnings(ctx.request.date, annexItem));
}

function antiCircumventionWarnings(ctx: EvaluationContext, out: EuOutcome): void {
  for (const a of ANTI_CIRCUMVENTION) {
    if (ctx.request.to !== a.country || !inForce(ctx, a.measure)) continue;
    out.warnings.push({ code: 'anti_circumvention', message: `Since ${ctx.measure(a.measure)!.effective.from} the EU's 20th Russia package applies the anti-circumvention tool of Regulation 833/2014 to exports to ${a.name}: some goods whose export to Russia is banned may not be exported there either. This plugin does not hold the list of goods; check it before exporting.`, measure: a.measure });
  }
}

/**
 * Whether Annex I lists the item (in force, licence required) or may list it (entries whose thresholds are asked),
 * and, for a date before the recast, what is known of its listing under Regulation 428/2009.
 */
function euFacts(ctx: EvaluationContext, beforeRecast: boolean, preRecast: boolean): EuFacts {
  const { request } = ctx;
  const itemCode = request.item.euCode;
  const listedFindings = ctx.findings.filter((f) => f.status === 'in_force' && f.requirement === 'license_required' && ANNEX_I_MEASURES.has(f.measure.id));
  const listed = listedFindings.length > 0;
  const maybeEntries = listed ? [] : ctx.matchedEntries.filter((e) => ANNEX_I_MEASURES.has(e.measure) && e.conditions !== undefined && ctx.statusOf(e.measure, e) === 'in_force');
  const maybeCodes: string[] = [];
  for (const e of maybeEntries) if (e.code !== undefined && !maybeCodes.includes(e.code)) maybeCodes.push(e.code);
  const listedCodes = [...new Set(codesOf(listedFindings, itemCode))];
  const military = request.endUse === 'military' || request.endUse === 'military-intelligence' || request.endUser?.type === 'military';
  const facts: EuFacts = {
    ctx, to: request.to, itemCode, preRecast, listed, maybeListed: maybeEntries.length > 0, maybeCodes, listedCodes,
    military, embargoed: ctx.isMember(ARMS_EMBARGO_GROUP.id, request.to), today: [], answer428: undefined, known428: [], dualUseThen: false,
  };
  if (beforeRecast) preRecastListing(facts);
  return facts;
}

/**
 * Before 9 September 2021 the dual-use list was Annex I of Regulation 428/2009, which this plugin does not hold:
 * whether the item was listed then is asked (eu.listedUnder428). For the Russia rule of 2014 an item classified
 * under an Annex I code is taken to have been dual-use then too unless the answer says it was not; an item known
 * by its taxonomy node only when the answer says it was.
 */
function preRecastListing(facts: EuFacts): void {
  const { ctx, itemCode } = facts;
  const { date } = ctx.request;
  const preRecastCode = itemCode && ANNEX_I_CODES.has(itemCode.split('.')[0]!) ? itemCode : undefined;
  // The entries of today's list the item meets (its findings under later Annex I versions, not yet in force then), or its code.
  const met = codesOf(ctx.findings.filter((f) => ANNEX_I_MEASURES.has(f.measure.id) && f.requirement === 'license_required'), itemCode);
  facts.today = [...new Set(met.length ? met : preRecastCode ? [preRecastCode] : [])];
  const answer428 = ctx.request.item.parameters?.[REGULATION_428.param];
  facts.answer428 = answer428;
  // The 428/2009 listings the consolidated texts establish for the date (annex-i-428.json): they decide, not the answer.
  facts.known428 = facts.preRecast ? facts.today.flatMap((c) => { const rec = listing428(c.split('.')[0]!, date); return rec ? [{ code: c, rec }] : []; }) : [];
  facts.dualUseThen = facts.today.length > 0 && (facts.known428.length > 0 || (answer428 !== 0 && (preRecastCode !== undefined || answer428 === 1)));
}

/** The party in North Korea, if any: its ban reaches the destination and a receiving party there, "in, or for use in the DPRK". */
function dprkTarget(request: EvaluationContext['request']): { country: string | undefined; basis: string } | undefined {
  // (Built only when a party is in the DPRK: most requests name none, and this runs on every one.)
  if (!(request.to === 'KP' || request.endUser?.country === 'KP' || request.parties?.some((p) => p.country === 'KP'))) return undefined;
  return [{ country: request.to, basis: `to ${request.to}` }, { country: request.endUser?.country, basis: `endUser.country ${request.endUser?.country}` },
    ...(request.parties ?? []).map((p, i) => ({ country: p.country, basis: `parties[${i}].country ${p.country}` }))].find((t) => t.country === 'KP');
}

/**
 * The bans on every Annex I item for Russia, Belarus and North Korea. A ban not yet in force on the date is shown
 * with its status and not counted (CONTRACT §3), for an item today's Annex I lists (the list the ban refers to).
 */
function dualUseBans(facts: EuFacts, targets: readonly SanctionTarget[], dprk: ReturnType<typeof dprkTarget>, out: EuOutcome): void {
  const { ctx, to, listed, listedCodes, today, maybeListed, maybeCodes } = facts;
  for (const s of SANCTIONS) {
    const target = s.country === 'KP' ? dprk : targets.find((t) => t.country === s.country);
    if (!target) continue;
    const via = target.basis === `to ${to}` ? '' : ` (${target.basis.replace(/ [A-Z]{2}$/, '')} is in ${s.name}, so the export reaches ${s.name} indirectly)`;
    const banCodes = listed ? listedCodes : today.length && !inForce(ctx, s.measure) ? today : undefined;
    if (banCodes) {
      out.findings.push(ctx.finding({
        measure: s.measure,
        entry: { id: s.entry },
        requirement: 'prohibited',
        reason: `${s.law} prohibits selling, supplying, transferring or exporting, directly or indirectly, any Annex I dual-use item (${banCodes.join(', ')}) to ${s.name} or for use there${via}; no general authorisation applies and only the narrow exceptions and derogations of that article remain.`,
        matchedOn: [target.basis, ...banCodes.map((c) => `Annex I ${c}`)],
      }));
    } else if (maybeListed && inForce(ctx, s.measure)) {
      out.warnings.push({ code: 'sanctions_if_listed', message: `If the item meets the Annex I thresholds asked about, its export to ${s.name} is prohibited (${s.law}).`, measure: s.measure });
    } else if (maybeListed) {
      // Not in force and the item only perhaps listed: shown, as the engine shows an entry whose thresholds are unknown.
      out.findings.push(ctx.finding({
        measure: s.measure,
        entry: { id: s.entry },
        requirement: 'prohibited',
        reason: `${s.law} prohibits selling, supplying, transferring or exporting, directly or indirectly, any Annex I dual-use item to ${s.name} or for use there${via}.`,
        matchedOn: [target.basis, ...maybeCodes.map((c) => `Annex I ${c}`), 'listed only if the item meets the Annex I thresholds asked about'],
      }));
    }
  }
}

/** Bans by customs code (Annex VII Part B and XXIII for Russia, Annex XIV for Belarus), one pass per sanctioned country reached. */
function customsCodeBans(facts: EuFacts, targets: readonly SanctionTarget[], out: EuOutcome): void {
  for (const target of targets) {
    const byCode = sanctionsLists(facts.ctx, target, facts.listed);
    out.findings.push(...byCode.findings);
    out.warnings.push(...byCode.warnings);
    out.questions.push(...byCode.questions);
  }
}

/** Iran's own sanctions regulation restricts dual-use items too; it is not held, so an Annex I item for Iran warns. */
function iranWarning(facts: EuFacts, out: EuOutcome): void {
  const { request } = facts.ctx;
  const iran = request.to === 'IR' || request.endUser?.country === 'IR' || (request.parties ?? []).some((p) => p.country === 'IR');
  if (iran && (facts.listed || facts.maybeListed) && inForce(facts.ctx, IRAN.measure)) {
    out.warnings.push({ code: 'sanctions_not_evaluated', message: 'Council Regulation (EU) No 267/2012 (Iran) prohibits, or makes subject to prior authorisation, the export to Iran of many dual-use and nuclear- or missile-related items listed in its own annexes, on top of Regulation 2021/821. This plugin does not evaluate it (its annexes and amendments were not read): check it before exporting; the item may be banned outright.', measure: IRAN.measure });
  }
}

function belarusUnreadWarnings(ctx: EvaluationContext, out: EuOutcome): void {
  for (const b of BELARUS_UNREAD) {
    if (!inForce(ctx, b.measure)) continue;
    out.warnings.push({ code: 'sanctions_amendment_unread', message: `${b.act} amends the Belarus regulation from ${ctx.measure(b.measure)!.effective.from}; its text was not read, so changes it made to the goods banned for Belarus (Annexes Va and XVIII among them) are not in this answer. Check the consolidated Regulation 765/2006.`, measure: b.measure });
  }
}

/**
 * Annex IV of Regulation 833/2014 names entities outside Russia too (from 2023-06-24); it is not held, so a named
 * party receiving an Annex I or Annex VII item elsewhere is not screened against it.
 */
function annexIvWarning(ctx: EvaluationContext, out: EuOutcome): void {
  if (!inForce(ctx, ANNEX_IV_THIRD_COUNTRIES.measure)) return;
  const later = ANNEX_IV_THIRD_COUNTRIES.later.filter((x) => inForce(ctx, x.measure)).map((x) => x.act);
  const added = later.length ? ` ${later.join(' and ')} reportedly added further entities, Chinese ones among them; ${later.length > 1 ? 'their lists were' : 'its list was'} not read either.` : '';
  out.warnings.push({
    code: 'annex_iv_not_screened',
    message: `Since 24 June 2023 Annex IV of Regulation 833/2014 (entities directly supporting Russia's military and industrial complex, under tighter export restrictions for dual-use items and Annex VII goods) also names entities in third countries, such as makers of military drones supplied to Russia and companies circumventing the trade restrictions (Regulation 2023/1214, recital 19). This plugin does not hold Annex IV, so the parties named were not screened against it; check them before exporting.${added}`,
    measure: ANNEX_IV_THIRD_COUNTRIES.measure,
  });
}

/**
 * The narrower military bans (Russia's 2014 text, Belarus's 2021 text): shown with their status on any other date
 * (not yet in force, repealed) and not counted there.
 */
function militaryBans(facts: EuFacts, targets: readonly SanctionTarget[], out: EuOutcome): void {
  const { ctx, listed, listedCodes, today, known428, answer428 } = facts;
  const { request } = ctx;
  for (const ban of MILITARY_BANS) {
    const target = targets.find((t) => t.country === ban.country);
    if (!target) continue;
    const codes = listed ? listedCodes.join(', ') : `${today.join(', ')}, in Annex I of Regulation (EC) No 428/2009 as then in force, ${known428.length ? 'as its consolidated texts show' : answer428 === 1 ? 'as you stated' : 'taken to hold the same entry'}`;
    out.findings.push(ctx.finding({
      measure: ban.measure,
      entry: { id: ban.entry },
      requirement: 'prohibited',
      reason: `${ban.law} prohibited exporting, directly or indirectly, dual-use items (${codes}) to ${ban.name}, or for use there, for military use or a military end-user; what the ${ban.military} military procures is deemed to be for military use.`,
      matchedOn: [target.basis, request.endUser?.type === 'military' ? 'endUser.type military' : `endUse ${request.endUse}`],
    }));
  }
}

/** The sanctions regulations: bans on Annex I items and by customs code, and the warnings on those not held or not read. */
function sanctionsStage(facts: EuFacts, out: EuOutcome): void {
  const { ctx, listed, maybeListed } = facts;
  const { request } = ctx;
  const targets = sanctionTargets(request);
  const dprk = dprkTarget(request);
  if (targets.length || dprk) dualUseBans(facts, targets, dprk, out);
  customsCodeBans(facts, targets, out);
  const elsewhere = targets.some((t) => t.country === 'RU') ? undefined : annexViiElsewhereWarning(ctx);
  if (elsewhere) out.warnings.push(elsewhere);
  iranWarning(facts, out);
  const noRussia = noRussiaClauseWarning(ctx, targets.length > 0);
  if (noRussia) out.warnings.push(noRussia);
  if (targets.some((t) => t.country === 'BY')) belarusUnreadWarnings(ctx, out);
  const named = Boolean(request.endUser?.name) || (request.parties ?? []).some((p) => p.name);
  if (named && !targets.length && (listed || maybeListed || elsewhere)) annexIvWarning(ctx, out);
  if (targets.length && facts.military && (listed || facts.dualUseThen)) militaryBans(facts, targets, out);
}

/** Before the recast: Art. 3(1) of Regulation 428/2009 for items its Annex I listed (established, stated or asked). */
function regulation428Stage(facts: EuFacts, out: EuOutcome): void {
  const { ctx, known428, today, answer428: answer } = facts;
  const { date } = ctx.request;
  if (known428.length) {
    const [first] = known428;
    const [early] = ANNEX_I_428.sources;
    out.findings.push(ctx.finding({
      measure: REGULATION_428.measure,
      entry: { id: 'annex-i-428-2009', code: first!.code },
      requirement: 'license_required',
      reason: `Art. 3(1) Reg. (EC) No 428/2009: exporting an item listed in its Annex I needs an authorisation. ${known428.map((k) => `${k.rec.code} (${k.rec.what})`).join('; ')} was listed in the Annex I in force on ${date}: read in the consolidated text of ${early!.date} and in the last one (the Annex I of the Regulation's last day, 2021-09-08), ${first!.rec.evidence}. Of that Regulation's Union general export authorisations only EU001 (Annex IIa) and EU002 (Annex IIb) are evaluated; EU003 to EU006 are not.`,
      matchedOn: [...known428.map((k) => `Annex I ${k.rec.code} (Reg. 428/2009, consolidated ${early!.date} and last)`), ...(answer !== undefined ? [`${REGULATION_428.param} = ${answer} (the text decides)`] : [])],
    }));
    out.warnings.push({ code: 'annex_history_inferred', message: `Annex I of Regulation 428/2009 was replaced whole several times between the two consolidated texts read (that of ${early!.date} and the last one, of 2021-09-08); ${known428.map((k) => k.rec.code).join(', ')} is listed in both with the same scope, so it is taken as listed on every day between (confidence ${known428.some((k) => k.rec.confidence !== 'high') ? 'medium for the scope and ' : ''}medium for the days between). Before ${ANNEX_I_428.notEstablished.before} the listing is asked.`, measure: REGULATION_428.measure });
  } else if (today.length && answer === 1) {
    out.findings.push(ctx.finding({
      measure: REGULATION_428.measure,
      entry: { id: 'annex-i-428-2009', code: today[0]! },
      requirement: 'license_required',
      reason: `Art. 3(1) Reg. (EC) No 428/2009: exporting an item listed in its Annex I needs an authorisation; you stated that the item (${today.join(', ')} in today's Annex I) was listed in the Annex I in force on ${date}. The Union general export authorisations of that Regulation are not evaluated for a listing stated rather than read.`,
      matchedOn: [...today.map((c) => `Annex I ${c} (today's list)`), `${REGULATION_428.param} = 1`],
    }));
  } else if (today.length && answer === undefined) {
    out.questions.push({
      parameter: REGULATION_428.param,
      prompt: `Before 9 September 2021 exports were governed by Council Regulation (EC) No 428/2009, whose Annex I was replaced several times between 2009 and 2020. This plugin established its listings only from ${ANNEX_I_428.notEstablished.before} and only for the codes read in its consolidated texts. The item is listed today as ${today.join(', ')}. Was it listed in the Annex I of Regulation 428/2009 in force on ${date} (1 = yes, 0 = no)? If it was, its export needed an authorisation (Art. 3(1)).`,
    });
  }
}

/** The catch-all of Art. 4: an item, listed or not, meant for weapons of mass destruction, or for military use in an arms-embargoed country. */
function catchAllStage(facts: EuFacts, out: EuOutcome): void {
  const { ctx, to, preRecast } = facts;
  const { request } = ctx;
  const law = preRecast
    ? { measure: REGULATION_428.measure, wmd: 'Art. 4(1) Reg. (EC) No 428/2009', embargo: 'Art. 4(2) Reg. (EC) No 428/2009', notify: 'by the competent authority of its member state', wmdEntry: 'art-4-1-wmd-428-2009', embargoEntry: 'art-4-2-military-embargo-428-2009' }
    : { measure: 'eu-reg-2021-821', wmd: 'Art. 4(1)(a) Reg. 2021/821', embargo: 'Art. 4(1)(b) Reg. 2021/821', notify: '; an exporter aware of such a use must notify the authority (Art. 4(2))', wmdEntry: 'art-4-1-a-wmd', embargoEntry: 'art-4-1-b-military-embargo' };
  if (request.endUse === 'wmd') {
    out.findings.push(ctx.finding({
      measure: law.measure,
      entry: { id: law.wmdEntry },
      requirement: 'license_required',
      // The competent authority decides each application (Art. 15's criteria); the regulation sets no presumption.
      licensePolicy: 'case_by_case',
      reason: `${law.wmd}: an item, listed or not, that is or may be intended for chemical, biological or nuclear weapons or their delivery missiles needs an authorisation once the exporter is informed of it${preRecast ? ` ${law.notify}` : law.notify}. No general authorisation can be used.`,
      matchedOn: ['endUse wmd'],
    }));
  }
  if (facts.military && facts.embargoed) {
    out.findings.push(ctx.finding({
      measure: law.measure,
      entry: { id: law.embargoEntry },
      requirement: 'license_required',
      licensePolicy: 'case_by_case',
      reason: `${law.embargo}: ${to} is under an EU arms embargo (${ARMS_EMBARGO_BASIS.get(to) ?? 'see arms-embargoes.json'}), so an item, listed or not, meant for a military end use there needs an authorisation once the exporter is informed of it${preRecast ? ` ${law.notify}` : law.notify}. No general authorisation can be used.`,
      matchedOn: [request.endUser?.type === 'military' && !['military', 'military-intelligence'].includes(request.endUse) ? 'endUser.type military' : `endUse ${request.endUse}`, `to ${to} (EU arms embargo)`],
    }));
    const caveat = ARMS_EMBARGO_CAVEAT.get(to);
    if (caveat) out.warnings.push({ ...caveat, measure: law.measure });
  }
}

function destinationInScope(ctx: EvaluationContext, scope: DestinationScope, to: string): boolean {
  const hit = (ref: string) => (ref.startsWith('group:') ? ctx.isMember(ref.slice(6), to) : ref === to);
  if (scope.include && !scope.include.some(hit)) return false;
  return !(scope.exclude && scope.exclude.some(hit));
}

/**
 * Annex II Section I takes "all items in Annex IV" out of EU001, EU003, EU004 and EU007, and Annex IV lists some codes
 * only in part (1E001 only technology for 1C012.b, 0C003 only for use in a nuclear reactor): for such a code the
 * authorisation stays available for the rest. Returns the sentence saying it cannot cover the Annex IV part (undefined
 * when no code is partly in Annex IV, or the request says the item is outside that part, `eu.annexIvPart = 0`), or
 * null when the request says the item is within it (`eu.annexIvPart = 1`): then the authorisation is not available.
 */
function annexIVPartCaveat(codes: readonly string[], answer: number | undefined): string | undefined | null {
  const parts = [...new Map(codes.flatMap(annexIVPartNotCovered).map((p) => [p.code, p])).values()];
  if (!parts.length || answer === 0) return undefined;
  if (answer === 1) return null;
  return `Not for the part of ${parts.map((p) => `${p.code} that Annex IV lists (${p.part})`).join('; nor the part of ')}: Annex II Section I excludes every Annex IV item, so an item within that part needs an individual or global authorisation (${ANNEX_IV_PART_PARAM} = 1 says it is; 0 that it is not).`;
}

/**
 * The Union general export authorisations, judged on the item's own sub-item code, when every licence required is
 * an Annex I one; before the recast, EU001 of Regulation 428/2009 (Annex IIa) for an item whose listing the texts
 * establish, when the only licence required is that of its Art. 3(1) and no exclusion of Annex IIg (every Annex IV
 * item among them) applies, and EU002 (Annex IIb) for such an item of its Part 1 to a destination of its Part 2.
 */
function generalAuthorisationStage(facts: EuFacts, out: EuOutcome): void {
  const { ctx, to, itemCode, military, embargoed } = facts;
  const { request } = ctx;
  const licensed = [...ctx.findings, ...out.findings].filter((f) => f.status === 'in_force');
  const blocked = licensed.some((f) => f.requirement === 'prohibited');
  const needsLicence = licensed.filter((f) => f.requirement === 'license_required');
  const conditional: string[] = [];
  let conditionalCaveat: string | undefined;
  if (!blocked && needsLicence.length) {
    const codes: string[] = [];
    for (const f of needsLicence) {
      const c = ANNEX_I_MEASURES.has(f.measure.id) ? codeOf(f, itemCode) : undefined;
      if (c === undefined) break;
      codes.push(c);
    }
    if (codes.length === needsLicence.length) {
      for (const rule of UNION_GENERAL_AUTHORISATIONS) {
        if (!destinationInScope(ctx, rule.destinations, to)) continue;
        if (rule.transfers && !rule.transfers.includes(request.transfer)) continue;
        if (rule.notForEndUses?.includes(request.endUse) || (military && embargoed)) continue;
        if (request.endUser?.type && rule.notForEndUserTypes?.includes(request.endUser.type)) continue;
        if (!codes.every((c) => authorisationCoversCode(rule, c))) continue;
        const caveat = excludesSectionI(rule) ? annexIVPartCaveat(codes, request.item.parameters?.[ANNEX_IV_PART_PARAM]) : undefined;
        if (caveat === null) continue;
        if (rule.generic) out.authorizations.push({ id: rule.id, title: rule.title, conditions: caveat ? [caveat, ...rule.conditions] : rule.conditions, url: rule.url });
        else {
          conditional.push(`${rule.id} (${rule.title.toLowerCase()})`);
          if (caveat) conditionalCaveat = caveat;
        }
      }
    }
  }
  const { known428 } = facts;
  if (facts.preRecast && known428.length && !blocked && request.endUse !== 'wmd' && !(military && embargoed)
    && needsLicence.every((f) => f.measure.id === REGULATION_428.measure && f.entry?.id === 'annex-i-428-2009')) {
    const codes428 = known428.map((k) => k.code);
    const eu001 = eu001Of428(codes428, to, request.date);
    if (eu001) out.authorizations.push(eu001);
    const eu002 = eu002Of428(codes428, to, request.date);
    if (eu002) {
      out.authorizations.push(eu002);
      out.warnings.push({ code: 'annex_history_inferred', message: `EU002 of Regulation 428/2009 (Annex IIb) was read in its consolidated texts of ${EU002_428.from} and of its last day, with the same destinations and conditions and, for this item, the same Part 1 entry; it is taken as unchanged on every day between (medium). Its first day (the amending act that inserted Annex IIb was not read) is not verified, so it is offered only from ${EU002_428.from}.`, measure: REGULATION_428.measure });
    }
  } else if (facts.preRecast && !known428.length && facts.today.length && facts.answer428 === 1 && !blocked && request.endUse !== 'wmd' && !(military && embargoed)) {
    eu002StatedWarning(facts, out);
  }
  if (conditional.length) {
    out.warnings.push({ code: 'general_authorisation_conditional', message: `Only for that kind of transaction, these Union general export authorisations could also cover it: ${conditional.join('; ')}.${conditionalCaveat ? ` ${conditionalCaveat}` : ''} See Annex II of Regulation 2021/821 for their conditions.`, measure: 'eu-reg-2021-821' });
  }
}

/**
 * A listing under Regulation 428/2009 stated, not read (a code its texts do not establish, or a date before
 * 2014-07-02): no general authorisation is offered, but when EU002 (Annex IIb) could have covered the item a warning
 * says so, and before 2014-07-02 that its first day is not verified.
 */
function eu002StatedWarning(facts: EuFacts, out: EuOutcome): void {
  const { ctx, to, today } = facts;
  const { date } = ctx.request;
  const early = eu002Of428Unverified(today, to, date);
  if (!early && !eu002Of428(today, to, date)) return;
  out.warnings.push({
    code: 'general_authorisation_unverified',
    message: early
      ? `EU002 of Regulation 428/2009 (Annex IIb: ${today.join(', ')} to ${to}) may have covered this export on ${date}, but the day Annex IIb was inserted (by an amending act, usually cited as Regulation (EU) No 1232/2011, not read here) is not verified: it is shown in the texts read only from ${EU002_428.from}, so it is not offered; check the Annex II then in force.`
      : `EU002 of Regulation 428/2009 (Annex IIb) lists ${today.join(', ')} and ${to}, so it may have covered this export; it is not offered because the item's listing on ${date} was stated, not read in the texts held. See Annex IIb for its conditions.`,
    measure: REGULATION_428.measure,
  });
}

/**
 * National lists (Art. 9) add items outside Annex I, mostly semiconductor manufacturing equipment (CN heading 8486)
 * and Category 2B, 3 and 4 technologies; an item known by one of those is warned about.
 */
function nationalControlStage(facts: EuFacts, out: EuOutcome): void {
  const { ctx, itemCode } = facts;
  const { request } = ctx;
  const category = itemCode?.slice(0, 2);
  const customsDigits = (request.item.cnCode ?? request.item.hs ?? '').replace(/\D/g, '');
  const nationalScope = (category && (category[0] === '3' || category[0] === '4' || category === '2B')) || customsDigits.startsWith('8486');
  if (!nationalScope) return;
  for (const n of NATIONAL) {
    if (request.from !== n.country) continue;
    const what = `${n.name} applies national export controls on some items outside Annex I (Art. 9 Reg. 2021/821), such as semiconductor manufacturing equipment`;
    if (inForce(ctx, n.measure)) {
      out.warnings.push({ code: 'national_control', message: `${what}; check its national list for this item.`, measure: n.measure });
      continue;
    }
    // Not in force on the date: shown with its status, as an entry whose thresholds are unknown is, and not counted.
    out.findings.push(ctx.finding({
      measure: n.measure,
      requirement: 'license_required',
      reason: `${what}; this plugin does not hold that list, so whether this item is on it was not checked.`,
      matchedOn: [`from ${n.country}`, customsDigits.startsWith('8486') ? `hs ${customsDigits}` : `Category ${category}`, 'listed only if on the national list (not held by this plugin)'],
    }));
  }
}

/**
 * What the data cannot say: the catch-all of Art. 4 (WMD anywhere; military end use in an
 * arms-embargoed country), the Russia and Belarus bans on Annex I items, the Union general export
 * authorisations judged on the item's own sub-item code, and national controls. Each part is a stage
 * of its own: besides reading better, small functions keep V8 from recompiling one huge function every
 * time a rarely seen kind of request reaches a corner of it (it did, for the first 200,000 varied requests).
 */
export function evaluateEu(ctx: EvaluationContext): EvaluationResult {
  const out: EuOutcome = { findings: [], warnings: [], authorizations: [], questions: [] };
  const beforeRecast = ctx.statusOf(RECAST) === 'not_yet_in_force';
  // Regulation 428/2009 applied from 27 August 2009 until the recast.
  const preRecast = beforeRecast && inForce(ctx, REGULATION_428.measure);
  datedWarnings(ctx, ctx.request.item.euCode, beforeRecast, preRecast, out);
  if (ctx.isMember('EU', ctx.request.to)) return { warnings: out.warnings };
  antiCircumventionWarnings(ctx, out);
  const facts = euFacts(ctx, beforeRecast, preRecast);
  // A class of goods of which Annex I lists only some members (semiconductor equipment), named without an Annex I
  // code: the code is asked, not not_controlled answered.
  const broad = facts.listed || facts.maybeListed ? undefined : broadItemQuestion(ctx);
  if (broad) out.questions.push(broad);
  sanctionsStage(facts, out);
  if (preRecast) regulation428Stage(facts, out);
  if (ctx.request.endUse === 'wmd' || (facts.military && facts.embargoed)) catchAllStage(facts, out);
  generalAuthorisationStage(facts, out);
  nationalControlStage(facts, out);
  return out;
}
