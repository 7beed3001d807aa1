import type { Authorization, CountryCode, EvaluationContext, EvaluationResult, Finding, Question, Warning } from '@chokepoint/core';
import { classify, cclRequirements, unknownEccnQuestion, type CclRequirement } from './determination.js';
import { brandMatch } from './entity-list.js';
import { licenceExceptions, SPP } from './exceptions.js';
import { inGroup } from './groups.js';
import { M } from './measures.js';
import { deemedCountries, EMBARGOED } from './reach.js';
import { embargoes, endUses, militarySeries, PARAMS } from './restrictions.js';

const intersect = (lists: Authorization[][]): Authorization[] =>
  lists.length === 0 ? [] : lists[0]!.filter((a) => lists.every((l) => l.some((b) => b.id === a.id)));

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

/**
 * The EAR determination after reach (15 CFR 736.2): classification, the Country Chart and the
 * part 742 special controls, part 746 embargoes, part 744 end uses and the affiliates rule, then
 * licence exceptions with the § 740.2 restrictions.
 */
export function evaluateEar(ctx: EvaluationContext): EvaluationResult {
  const { request } = ctx;
  const date = request.date;
  const findings: Finding[] = [];
  const questions: Question[] = [];
  const warnings: Warning[] = [];
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
  }

  const { classes, unknownEccn } = classify(ctx);
  if (unknownEccn) questions.push(unknownEccnQuestion(unknownEccn));
  const ear99 = classes.length === 1 && classes[0]!.code === 'EAR99';
  const presumedEar99 = classes.length === 0 && !unknownEccn && !ctx.matchedEntries.some((e) => e.measure === M.ccl && e.conditions);

  const perDestination: Authorization[][] = [];
  let exceptionsBlocked = false;
  for (const dest of destinations) {
    const prefix = deemed ? `Deemed export to a national of ${dest}: ` : '';
    const requirements: { code: string; reqs: CclRequirement[]; cls: (typeof classes)[number] }[] = [];
    for (const cls of classes) {
      const reqs = cclRequirements(ctx, cls, dest, prefix, warnings);
      requirements.push({ code: cls.code, reqs, cls });
      findings.push(...reqs.map((r) => r.finding));
    }
    const embargo = embargoes(ctx, dest, classes, prefix);
    const use = endUses(ctx, dest, classes, prefix);
    findings.push(...embargo.findings, ...use.findings);
    questions.push(...embargo.questions, ...use.questions.filter((q) => !(deemed && q.parameter === PARAMS.advancedNodeFab)));

    const blocking = [...embargo.findings, ...use.findings].some((f) => f.status === 'in_force' && f.measure.id !== M.syriaEasing)
      || EMBARGOED.includes(dest) || (['RU', 'BY'].includes(dest) && date >= '2022-02-24')
      || classes.some((c) => militarySeries(c.code) && (inGroup('D:5', dest, date) || dest === 'HK'));
    if (blocking) exceptionsBlocked = true;
    const offered: Authorization[][] = [];
    if (embargo.findings.some((f) => f.measure.id === M.syriaEasing && f.status === 'in_force')) offered.push([SPP]);
    for (const r of requirements) {
      if (!r.reqs.some((x) => x.finding.status === 'in_force') || !r.cls.entry) continue;
      const { authorizations, questions: q } = licenceExceptions({ code: r.code, entry: r.cls.entry, requirements: r.reqs, dest, date, valueUsd: request.item.valueUsd });
      if (!blocking) questions.push(...q);
      offered.push(authorizations);
    }
    perDestination.push(offered.length ? intersect(offered) : []);
  }

  const aff = affiliates(ctx);
  findings.push(...aff.findings);
  questions.push(...aff.questions);
  const partyListed = ctx.findings.some((f) => f.party && f.status === 'in_force') || aff.findings.some((f) => f.status === 'in_force');
  const spp = findings.some((f) => f.measure.id === M.syriaEasing && f.status === 'in_force') && destinations.length === 1;
  const authorizations = partyListed ? [] : spp ? [SPP] : exceptionsBlocked ? [] : intersect(perDestination);
  if (partyListed && ctx.findings.some((f) => f.party)) {
    warnings.push({ code: 'no_licence_exceptions', message: 'An Entity List party is involved: licence exceptions are not available unless its entry says so (15 CFR 744.11(a), 740.2(a)(1)).', measure: M.entityList });
  }
  if (presumedEar99 && (ctx.request.item.id || ctx.request.item.hs || ctx.request.item.name || ctx.request.item.cas)) {
    warnings.push({ code: 'classification_assumed', message: 'No ECCN was given and no CCL entry this plugin maps matches the item, so it is treated as EAR99. Give item.eccn to confirm the classification.', measure: M.ccl });
  }
  const reachText = deemed ? ctx.reach.description : undefined;
  return {
    findings,
    questions,
    warnings,
    authorizations,
    reaches: true,
    ...(reachText ? { reach: reachText } : {}),
    baseline: ear99 || presumedEar99 || classes.length ? 'no_license_required' : 'not_controlled',
  };
}
