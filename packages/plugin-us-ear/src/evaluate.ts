import { contextWithRequest, requestWithParameters, type Authorization, type CountryCode, type EvaluationContext, type EvaluationResult, type Finding, type Question, type Warning } from '@chokepoint/core';
import { changedAfter, createdAfter, notYetCreatedQuestion } from './ccl-history.js';
import { cclEntryRef, classify, cclRequirements, unknownEccnQuestion, type CclRequirement } from './determination.js';
import { brandMatch } from './entity-list.js';
import { applyExceptionBars } from './exception-scopes.js';
import { licenceExceptions, SPP } from './exceptions.js';
import { factExceptions, IEC } from './fact-exceptions.js';
import { CLASSIFICATION_PARAMETERS } from './classification.js';
import { ownershipRule } from './ownership.js';
import { earCountry, inGroup } from './groups.js';
import { AI_DIFFUSION_FROM, AI_DIFFUSION_PENDING_WARNING, AI_DIFFUSION_WARNING, FIREARMS_IFR, FIREARMS_IFR_WARNING, M, MODEL_WEIGHTS_WARNING } from './measures.js';
import { deemedCountries, EMBARGOED, pendingDirectProduct } from './reach.js';
import { embargoes } from './embargoes.js';
import { endUses, militarySeries, PARAMS, russiaBelarusSanctioned } from './restrictions.js';
import { part746ExceptionLimit } from './un-iraq.js';
import { candidateQuestions, footnote5Finding } from './fdp.js';
import { factsOf } from './carve-outs.js';
import { limitDataExceptions } from './data-exception-limits.js';

/** FR Doc 2024-19633 created License Exception IEC, effective 2024-09-06. */
const IEC_FROM = '2024-09-06';

const intersect = (lists: Authorization[][]): Authorization[] =>
  lists.length === 0 ? [] : lists[0]!.filter((a) => lists.every((l) => l.some((b) => b.id === a.id)));

const findingKey = (f: Finding) => `${f.measure.id}|${f.entry?.id ?? ''}|${f.entry?.code ?? ''}|${f.reason}`;

/**
 * Findings made for several destinations of one deemed export: the same rule met for several
 * nationalities becomes one finding naming them all, and no two findings share measure, entry and reason.
 */
function mergeFindings(tagged: { dest: CountryCode | undefined; finding: Finding }[], deemed: 'export' | 'reexport' | undefined): Finding[] {
  const groups = new Map<string, { dests: CountryCode[]; finding: Finding; matchedOn: string[] }>();
  for (const { dest, finding } of tagged) {
    const key = `${findingKey(finding)}|${finding.status}|${finding.requirement}|${finding.licensePolicy ?? ''}`;
    const g = groups.get(key);
    if (!g) groups.set(key, { dests: dest ? [dest] : [], finding, matchedOn: [...finding.matchedOn] });
    else {
      if (dest && !g.dests.includes(dest)) g.dests.push(dest);
      for (const m of finding.matchedOn) if (!g.matchedOn.includes(m)) g.matchedOn.push(m);
    }
  }
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const { dests, finding, matchedOn } of groups.values()) {
    const prefix = deemed && dests.length ? `Deemed ${deemed} to ${dests.length > 1 ? 'nationals' : 'a national'} of ${dests.join(', ')}: ` : '';
    const merged: Finding = { ...finding, reason: `${prefix}${finding.reason}`, matchedOn };
    const key = findingKey(merged);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(merged);
  }
  return out;
}

/**
 * A part 746 finding that leaves no licence exception open (§ 740.2(a)(6)); the Syria easing (SPP) and the Iraq CCL
 * requirement of § 746.3(a)(1)–(2) leave some open (§ 740.5, § 746.3(c)), the Iraq military end-use licence none.
 */
const blocksExceptions = (f: Finding): boolean => f.status === 'in_force' && f.measure.id !== M.syriaEasing
  && !(f.measure.id === M.iraq && f.licensePolicy !== 'presumption_of_denial');

/** The affiliates rule: a name that carries a listed group's brand but is not itself listed (90 FR 47201). */
function affiliates(ctx: EvaluationContext): { findings: Finding[]; questions: Question[] } {
  const name = ctx.request.endUser?.name;
  if (!name || ctx.findings.some((f) => f.party)) return { findings: [], questions: [] };
  const hit = brandMatch(name, ctx.request.date);
  if (!hit) return { findings: [], questions: [] };
  const finding = ctx.finding({
    measure: M.affiliates,
    requirement: 'license_required',
    ...(hit.party.licensePolicy ? { licensePolicy: hit.party.licensePolicy } : {}),
    reason: `"${name}" carries the name of ${hit.party.name}, listed on the Entity List since ${hit.party.added}. Under the affiliates rule a foreign entity 50 % or more owned by listed parties takes their licence requirement (all items subject to the EAR) and review policy; unless you establish that listed owners hold less than 50 %, a licence is required (15 CFR 744.11(a)(1), Red Flag 29).`,
    matchedOn: [`endUser.name "${name}" contains "${hit.brand}"`],
  });
  const questions: Question[] = finding.status === 'in_force' ? [] : [{
    parameter: 'endUser.name',
    prompt: `"${name}" resembles the Entity List party ${hit.party.name}. Give the end user's full legal name to screen it, and check whether listed parties own 50 % or more of it (the affiliates rule is ${finding.status.replace(/_/g, ' ')} on ${ctx.request.date}).`,
  }];
  return { findings: [finding], questions };
}

/** A reason's scope question (`ear.mtScopeMet`): the reason is charged when the answer is 1. */
const SCOPE_QUESTION = /^ear\.[a-z]+ScopeMet$/;

/**
 * The scope questions whose answer 1 would leave none of the licence exceptions offered (MT scope of 3E001 technology
 * bars TSR, § 740.2(a)(5)): the determination is run again with that answer, and where no exception is left the
 * question is one the authorisation waits for (`authorizationsOpen`; US review E2). Rare: only when an exception is
 * offered while a scope question is open.
 */
function withOpenAuthorisations(ctx: EvaluationContext, result: EvaluationResult): EvaluationResult {
  if (!result.authorizations?.length) return result;
  const params = ctx.request.item.parameters ?? {};
  const open: string[] = [];
  for (const q of result.questions ?? []) {
    if (!SCOPE_QUESTION.test(q.parameter) || params[q.parameter] !== undefined) continue;
    // The same context with the answer given, in core's shapes of a context and a request (see contextWithRequest).
    const answered = contextWithRequest(ctx, requestWithParameters(ctx.request, { ...params, [q.parameter]: 1 }));
    const kept = determine(answered).authorizations ?? [];
    if (!result.authorizations.some((a) => kept.some((k) => k.id === a.id))) open.push(q.parameter);
  }
  return open.length ? { ...result, authorizationsOpen: open } : result;
}

/**
 * The EAR determination after reach (15 CFR 736.2): classification, the Country Chart and the
 * part 742 special controls, part 746 embargoes, part 744 end uses and the affiliates rule, then
 * licence exceptions with the § 740.2 restrictions.
 */
export function evaluateEar(ctx: EvaluationContext): EvaluationResult {
  const result = withOpenAuthorisations(ctx, determine(ctx));
  // The exporter's classification (item.eccn, EAR99 included) replaces the classification by taxonomy ID and
  // parameters (15 CFR 734.3(c), Supp. No. 1 to Part 774): the parameters of the CCL paragraphs the item's taxonomy
  // node could meet are not asked then.
  // A parameter the plugin's own rules ask (e.g. purity for Supp. No. 6 to Part 746) stays asked.
  if (!ctx.request.item.eccn) return result;
  const own = new Set((result.questions ?? []).map((q) => q.parameter));
  // A software or technology ECCN with a taxonomy item names the item the software or technology is for: the kind of
  // transfer is the ECCN's, not the goods the taxonomy entries list.
  const forItem = /^\d[DE]\d{3}/.test(ctx.request.item.eccn) && ['technology', 'software'].includes(ctx.request.transfer ?? '') ? ['transfer'] : [];
  return { ...result, settles: [...(result.settles ?? []), ...CLASSIFICATION_PARAMETERS.filter((p) => !own.has(p)), ...forItem] };
}

/** What the stages of {@link determine} gather, in order. */
interface Gathered {
  questions: Question[];
  warnings: Warning[];
  /** Findings with the destination they were made for, merged across destinations at the end. */
  tagged: { dest: CountryCode | undefined; finding: Finding }[];
  /** Per destination that needs a licence: the exceptions that cover it (destinations needing none do not narrow the set). */
  perDestination: Authorization[][];
}

type Classes = ReturnType<typeof classify>['classes'];

/** Warnings on the classification itself: rules whose dates or texts are disputed or changed after the date. */
function classificationWarnings(date: string, classes: Classes, warnings: Warning[]): void {
  if (date >= AI_DIFFUSION_FROM && date < '2025-05-13' && classes.some((cls) => /^(3A090|4A090|4E091)/.test(cls.code))) {
    warnings.push({ code: 'sources_disagree', message: AI_DIFFUSION_PENDING_WARNING, measure: M.special });
  }
  if (date >= '2025-05-13' && classes.some((cls) => /^(3A090|4A090)/.test(cls.code))) {
    warnings.push({ code: 'sources_disagree', message: AI_DIFFUSION_WARNING, measure: M.special });
  }
  if (date >= FIREARMS_IFR.from && date <= FIREARMS_IFR.to && classes.some((cls) => /^0[A-E]50\d/.test(cls.code))) {
    warnings.push({ code: 'data_snapshot', message: FIREARMS_IFR_WARNING, measure: M.ccl });
  }
  if (date >= '2025-05-13' && classes.some((cls) => cls.code.startsWith('4E091'))) {
    warnings.push({ code: 'sources_disagree', message: MODEL_WEIGHTS_WARNING, measure: M.special });
  }
  for (const cls of classes) {
    const later = changedAfter(cls.code, date);
    if (later.length) warnings.push({ code: 'data_snapshot', message: `${cls.code}: the entry read here is the eCFR text of 2026-09-24; it was changed after ${date} by ${later.map((c) => `${c.rule}, from ${c.from}`).join('; ')}, so for this date check the entry then in force.`, measure: M.ccl });
  }
}

/** One destination's CCL requirements, embargoes and end-use rules (15 CFR 736.2 steps), and the licence exceptions that cover them. */
function assessDestination(ctx: EvaluationContext, dest: CountryCode, classes: Classes, deemed: boolean, knownFacts: ReturnType<typeof factsOf>, out: Gathered): void {
  const { request } = ctx;
  const { date } = request;
  const { warnings, questions, tagged } = out;
  const prefix = '';
  const requirements: { code: string; reqs: CclRequirement[]; cls: Classes[number] }[] = [];
  for (const cls of classes) {
    const reqs = cclRequirements(ctx, cls, dest, prefix, warnings, questions);
    requirements.push({ code: cls.code, reqs, cls });
    for (const r of reqs) tagged.push({ dest, finding: r.finding });
  }
  const embargo = embargoes(ctx, dest, classes, prefix);
  const use = endUses(ctx, dest, classes, prefix);
  const fn5 = footnote5Finding(ctx, M.entityList, prefix);
  if (fn5.finding) use.findings.push(fn5.finding);
  if (fn5.question) use.questions.push(fn5.question);
  for (const finding of embargo.findings) tagged.push({ dest, finding });
  for (const finding of use.findings) tagged.push({ dest, finding });
  warnings.push(...(embargo.warnings ?? []), ...(use.warnings ?? []));
  questions.push(...embargo.questions, ...use.questions.filter((q) => !(deemed && q.parameter === PARAMS.advancedNodeFab)));

  const destinationFindings = [...embargo.findings, ...use.findings];
  const licensed = requirements.some((r) => r.reqs.some((x) => x.finding.status === 'in_force' && x.finding.requirement === 'license_required'))
    || destinationFindings.some((f) => f.status === 'in_force' && f.requirement === 'license_required');
  if (!licensed) return;
  const sanctioned = embargo.findings.some(blocksExceptions)
    || EMBARGOED.includes(dest) || russiaBelarusSanctioned(dest, date);
  const blocking = sanctioned || use.findings.some((f) => f.status === 'in_force')
    || classes.some((c) => militarySeries(c.code) && (inGroup('D:5', dest, date) || dest === 'HK'));
  const offered: Authorization[][] = [];
  if (embargo.findings.some((f) => f.measure.id === M.syriaEasing && f.status === 'in_force')) offered.push([SPP]);
  for (const r of requirements) {
    if (!r.reqs.some((x) => x.finding.status === 'in_force') || !r.cls.entry) continue;
    const { authorizations, questions: q } = licenceExceptions({ code: r.code, entry: r.cls.entry, requirements: r.reqs, dest, date, valueUsd: request.item.valueUsd, parameters: knownFacts });
    if (!blocking) questions.push(...q);
    offered.push(authorizations);
  }
  const factClasses = requirements.map((r) => ({ code: r.code, ...(r.cls.entry ? { entry: r.cls.entry } : {}), reqs: r.reqs, ...(request.item.parameters ? { parameters: request.item.parameters } : {}) }));
  out.perDestination.push(exceptionsFor(ctx, dest, classes, factClasses, { deemed, blocking, sanctioned, offered, destinationFindings }, warnings, questions));
}

/** The licence exceptions left for one destination once the § 740.2 restrictions, fact-based exceptions and part 746 limits apply. */
function exceptionsFor(
  ctx: EvaluationContext, dest: CountryCode, classes: Classes, factClasses: Parameters<typeof limitDataExceptions>[0],
  state: { deemed: boolean; blocking: boolean; sanctioned: boolean; offered: Authorization[][]; destinationFindings: Finding[] },
  warnings: Warning[], questions: Question[],
): Authorization[] {
  const { request } = ctx;
  const { date } = request;
  const { deemed, blocking, sanctioned, offered, destinationFindings } = state;
  const limitedData = limitDataExceptions(factClasses, dest, date, blocking ? [] : offered.length ? intersect(offered) : []);
  const dataBased = limitedData.authorizations;
  if (limitedData.rules.length) warnings.push({ code: 'no_licence_exceptions', message: `${dest}: 15 CFR ${limitedData.rules.join(', ')} take${limitedData.rules.length > 1 ? '' : 's'} list-based exceptions (LVS, GBS, TSR, STA, ENC) away from ${classes.map((c) => c.code).join(', ')}.`, measure: M.exceptions });
  // License Exception IEC (§ 740.24) turns on a BIS document incorporated by reference, not on the eCFR text this plugin reads.
  if (!blocking && date >= IEC_FROM && classes.some((c) => IEC.test(c.code)) && !warnings.some((w) => w.code === 'licence_exception_not_evaluated')) {
    warnings.push({ code: 'licence_exception_not_evaluated', message: `License Exception IEC (15 CFR 740.24) may authorise ${classes.map((c) => c.code).join(', ')} to ${dest}: its eligible items and destinations are a BIS document incorporated by reference (last modified 2024-09-17, www.bis.gov/IEC) that this plugin does not hold; only IEC, TMP, RPL, GOV and TSU can be used for these items (§ 740.2(a)(22)).`, measure: M.exceptions });
  }
  const facts = factExceptions({
    ctx, dest, date, deemed, destinationFindings, sanctioned,
    classes: factClasses,
  });
  warnings.push(...facts.warnings);
  const barred = applyExceptionBars(classes.map((c) => c.code), [...dataBased, ...facts.authorizations.filter((a) => !dataBased.some((b) => b.id === a.id))], request.item.parameters);
  questions.push(...barred.questions);
  warnings.push(...barred.warnings.filter((w) => !warnings.some((x) => x.message === w.message)));
  const unControlled = factClasses.some((r) => r.reqs.some((x) => x.reason === 'UN' && x.finding.status === 'in_force'));
  const limited = part746ExceptionLimit(dest, unControlled, barred.authorizations);
  if (limited.rule && barred.authorizations.length) warnings.push({ code: 'no_licence_exceptions', message: `${dest}: ${limited.rule} (15 CFR ${limited.rule.split(':')[0]}).`, measure: M.ear });
  return limited.authorizations;
}

/**
 * The rules on the parties after the item's: ownership by listed parties (50 % rule) and the affiliates rule on a
 * name that carries a listed brand. Adds their findings, questions and warnings; true when a listed party is involved.
 */
function partyRules(ctx: EvaluationContext, findings: Finding[], out: Gathered): boolean {
  const { warnings, questions } = out;
  const owned = ownershipRule(ctx);
  const brand = affiliates(ctx);
  // The brand reading presumes listed ownership ("unless you establish that listed owners hold less than 50 %"): stated
  // ownership decides instead. A complete list of owners below 50 % listed clears it; 50 % or more is the ownership finding.
  const ownershipDecides = owned.findings.length > 0 || ctx.request.endUser?.ownersComplete === true;
  const aff = ownershipDecides ? { findings: [], questions: [] } : brand;
  if (ownershipDecides && !owned.findings.length && brand.findings.length) {
    warnings.push({ code: 'name_resembles_listed_party', message: `The end user's name carries the brand of an Entity List party (${brand.findings[0]!.matchedOn.join('; ')}), but the owners given as complete (endUser.ownersComplete) put listed ownership below 50 %, so the affiliates rule (15 CFR 744.11(a)(1)) does not reach it. Keep the ownership evidence; screen the full legal name.`, measure: M.affiliates });
  }
  findings.push(...aff.findings, ...owned.findings);
  questions.push(...aff.questions, ...owned.questions);
  warnings.push(...owned.warnings);
  return ctx.findings.some((f) => f.party && f.status === 'in_force') || [...aff.findings, ...owned.findings].some((f) => f.status === 'in_force');
}

/**
 * A CCL item for which nothing in force requires a licence: the entry that lists it, as a `no_license_required` finding,
 * so that the answer names what it rests on (CONTRACT §3: "an entry in force on the date lists the item, but it is not
 * controlled for this destination"). Not for EAR99, which no entry lists, nor an ITAR placeholder; not while a question is open.
 */
function listedWithoutLicence(ctx: EvaluationContext, classes: Classes, destinations: CountryCode[], deemed: boolean, findings: Finding[]): void {
  // The classification step of a taxonomy item (a data entry) is already such a finding.
  if (findings.some((f) => f.status === 'in_force') || ctx.findings.some((f) => f.status === 'in_force')) return;
  const where = deemed ? `a release to a national of ${destinations.join(', ')}` : destinations.join(', ');
  for (const cls of classes) {
    if (cls.code === 'EAR99' || !cls.entry || cls.entry.itarPlaceholder) continue;
    const reasons = [...new Set(cls.entry.reasons.map((r) => r.reason))].join(', ');
    findings.push(ctx.finding({
      measure: M.ccl,
      entry: cclEntryRef(cls),
      requirement: 'no_license_required',
      reason: `ECCN ${cls.code} is on the Commerce Control List${reasons ? ` (reasons for control: ${reasons})` : ''}, but none of its reasons requires a licence for ${where} on this date (Commerce Country Chart, 15 CFR 738.4) and no other rule here does: No Licence Required (NLR).`,
      matchedOn: [cls.matchedOn],
    }));
  }
}

/** Warnings that close the answer: a listed party's bar on exceptions, the NRC's jurisdiction over uranium, a presumed EAR99. */
function closingWarnings(ctx: EvaluationContext, partyListed: boolean, presumedEar99: boolean, warnings: Warning[]): void {
  const { item } = ctx.request;
  // Each list bars exceptions on its own terms: the warning names the list the party is on, never another's rule.
  if (partyListed && ctx.findings.some((f) => f.party?.list === 'us-entity-list')) {
    warnings.push({ code: 'no_licence_exceptions', message: 'An Entity List party is involved: licence exceptions are not available unless its entry says so (15 CFR 744.11(a), 740.2(a)(1)).', measure: M.entityList });
  }
  if (partyListed && ctx.findings.some((f) => f.party?.list === 'us-unverified-list')) {
    warnings.push({ code: 'no_licence_exceptions', message: 'A party on the Unverified List is involved: licence exceptions may not be used for the transaction, and one that needs no licence needs the party’s UVL statement first (15 CFR 744.15).', measure: M.unverifiedList });
  }
  // Uranium (natural or depleted, its ores and compounds) is source material licensed by the Nuclear Regulatory Commission
  // (10 CFR part 110); items exclusively controlled by the NRC are not subject to the EAR (§ 734.3(b)(1)(iii)). Which
  // uranium items the NRC controls exclusively is not in the texts read here, so the answer says so instead of only
  // presuming EAR99.
  if (!item.eccn && (ctx.item?.nodes ?? []).some((n) => n === 'uranium' || n.startsWith('uranium/'))) {
    warnings.push({ code: 'other_agency', message: 'Uranium and its ores and compounds are source material whose export the Nuclear Regulatory Commission licenses under 10 CFR part 110; items exclusively controlled by the NRC are not subject to the EAR (15 CFR 734.3(b)(1)(iii)). This plugin does not decide NRC jurisdiction: check 10 CFR part 110 before relying on an EAR answer for this item.', measure: M.ccl });
  }
  if (presumedEar99 && (item.id || item.hs || item.name || item.cas)) {
    warnings.push({ code: 'classification_assumed', message: 'No ECCN was given and no CCL entry this plugin maps matches the item, so it is treated as EAR99. Give item.eccn to confirm the classification.', measure: M.ccl });
  }
}

/**
 * The countries the EAR's country rules are read for (§ 738.4 asks for the country of ultimate destination): `to`, and
 * the end user's or an ultimate consignee's country where the request says the item goes on there (a shipment to
 * Kazakhstan for a Russian end user is an export to Russia; routing it through a third country changes nothing, § 736.2(b)(10)).
 */
function ultimateDestinations(request: EvaluationContext['request']): CountryCode[] {
  const out: CountryCode[] = [request.to];
  const add = (country: CountryCode | undefined) => {
    if (country && earCountry(country) !== earCountry(request.to) && !out.some((c) => earCountry(c) === earCountry(country))) out.push(country);
  };
  add(request.endUser?.country);
  for (const p of request.parties ?? []) if (p.role === 'ultimate_consignee') add(p.country);
  return out;
}

/**
 * The determination proper, in the steps of 15 CFR 736.2: the destinations (a deemed export's are the recipient's
 * countries), the classification, each destination's requirements and exceptions, then the party rules. Each step
 * is a function of its own (V8 recompiled the single function of before every time a rare request reached a corner).
 */
function determine(ctx: EvaluationContext): EvaluationResult {
  const { request } = ctx;
  const date = request.date;
  const out: Gathered = { questions: [], warnings: [], tagged: [], perDestination: [] };
  const { questions, warnings } = out;
  const deemed = ctx.reach.bases.includes('deemed');
  let destinations: CountryCode[] = [request.to];
  if (deemed) {
    const countries = deemedCountries(request.endUser?.nationalities);
    if (!countries) {
      if (!request.endUser?.nationalities?.includes('US')) {
        questions.push({ parameter: 'endUser.nationalities', prompt: 'A release of technology or source code in the United States is a deemed export to the recipient’s countries of citizenship or permanent residency (15 CFR 734.13(b)); give endUser.nationalities.' });
      }
      return { questions, reaches: true, baseline: request.endUser?.nationalities?.includes('US') ? 'not_controlled' : 'no_license_required' };
    }
    destinations = countries;
  } else {
    destinations = ultimateDestinations(request);
    if (destinations.length > 1) warnings.push({ code: 'ultimate_destination', message: `Shipped to ${request.to} for an end user or ultimate consignee in ${destinations.slice(1).join(', ')}: the EAR's country rules were read for ${destinations.slice(1).join(', ')} too, the country of ultimate destination (15 CFR 738.4(a); shipping through a third country changes nothing, § 736.2(b)(10)).`, measure: M.ear });
  }

  // A foreign-made item that only a foreign direct product rule could bring under the EAR, without the facts it turns on.
  const pending = pendingDirectProduct(ctx, ctx.reach.bases);
  if (pending.length) return { questions: candidateQuestions(pending, request), reaches: true };

  /** The request's parameters with the facts its end use, end user and route settle (e.g. ear.civilTelecom for a military end use). */
  const knownFacts = factsOf(ctx);
  const classified = classify(ctx);
  const { unknownEccn } = classified;
  if (unknownEccn) questions.push(unknownEccnQuestion(unknownEccn));
  classificationWarnings(date, classified.classes, warnings);
  const classes = classified.classes.filter((cls) => {
    const created = createdAfter(cls.code, date);
    if (created) questions.push(notYetCreatedQuestion(cls.code, created));
    return !created;
  });
  const presumedEar99 = classes.length === 0 && !unknownEccn && !ctx.matchedEntries.some((e) => e.measure === M.ccl && e.conditions);

  for (const dest of destinations) assessDestination(ctx, dest, classes, deemed, knownFacts, out);
  const findings = mergeFindings(out.tagged, deemed ? (request.from === 'US' ? 'export' : 'reexport') : undefined);
  const partyListed = partyRules(ctx, findings, out);
  if (!questions.length) listedWithoutLicence(ctx, classes, destinations, deemed, findings);
  const spp = findings.some((f) => f.measure.id === M.syriaEasing && f.status === 'in_force') && destinations.length === 1;
  const authorizations = partyListed ? [] : spp ? [SPP] : intersect(out.perDestination);
  closingWarnings(ctx, partyListed, presumedEar99, warnings);
  const reachText = deemed ? ctx.reach.description : undefined;
  return {
    findings,
    questions,
    warnings,
    authorizations,
    reaches: true,
    ...(reachText ? { reach: reachText } : {}),
    // EAR99 (stated or presumed) is the EAR's "No Licence Required" but no CCL entry: CONTRACT §3 answers an item no entry
    // in force lists `not_controlled`, with `classification_assumed` when EAR99 was presumed. An item a CCL entry lists
    // whose reasons do not reach the destination is `no_license_required`.
    baseline: classes.some((c) => c.code !== 'EAR99') ? 'no_license_required' : 'not_controlled',
  };
}
