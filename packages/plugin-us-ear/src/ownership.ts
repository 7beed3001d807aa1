import { type EvaluationContext, type Finding, type Question, type Warning } from '@chokepoint/core';
import { brandMatch, ENTITY_LIST_ID } from './entity-list.js';
import { screenOn } from './lists.js';
import { M } from './measures.js';

/** The day the affiliates rule's stay ended (90 FR 50857 stayed it from 2025-11-10 to 2026-11-09). */
const RULE_BACK = '2026-11-10';
/** The announced, unpublished extension of the stay. */
const ANNOUNCED_TO = '2027-01-10';

/**
 * The affiliates rule by ownership (90 FR 47201, § 744.11(a)(1)): the shares of the end user's owners
 * that are Entity List parties are added up; 50 % or more takes the listed owners' licence requirement.
 * Where the rule is in force and the owners are not completely known, the plugin asks.
 */
export function ownershipRule(ctx: EvaluationContext): { findings: Finding[]; questions: Question[]; warnings: Warning[] } {
  const out = { findings: [] as Finding[], questions: [] as Question[], warnings: [] as Warning[] };
  const { endUser, date } = ctx.request;
  if (!endUser?.name || endUser.country === 'US' || ctx.findings.some((f) => f.party)) return out;
  // The engine's screener holds the imported Entity List as well as the bundled parties; owners are read against both.
  const screenAll = screenOn(ctx, date);
  const screen = (name: string) => screenAll(name).filter((m) => m.party.list === ENTITY_LIST_ID);
  // The rule's status on the date follows the measure's timeline, amendments included (a stay extended by a notice).
  const inForce = ctx.finding({ measure: M.affiliates, requirement: 'license_required', reason: '', matchedOn: [] }).status === 'in_force';
  const listed = (endUser.owners ?? []).map((o) => ({ o, hit: screen(o.name)[0] })).filter((x) => x.hit);
  const share = listed.reduce((sum, x) => sum + (x.o.share ?? 0), 0);
  if (share >= 0.5) {
    out.findings.push(ctx.finding({
      measure: M.affiliates,
      requirement: 'license_required',
      licensePolicy: 'presumption_of_denial',
      reason: `Entity List parties own ${(share * 100).toFixed(0)} % of ${endUser.name} (${listed.map((x) => `${x.hit!.party.name} ${((x.o.share ?? 0) * 100).toFixed(0)} %`).join(', ')}): under the affiliates rule it takes their licence requirement for all items subject to the EAR (15 CFR 744.11(a)(1); Red Flag 29). This plugin applies a presumption of denial; the listed owners' own review policy governs.`,
      matchedOn: listed.map((x) => `endUser.owners "${x.o.name}" = ${x.hit!.party.name}`),
    }));
  } else if (inForce && endUser.ownersComplete !== true) {
    const when = date >= RULE_BACK ? `From ${RULE_BACK} the EAR affiliates rule applies again` : `On ${date} the EAR affiliates rule is in force (stayed from 2025-11-10)`;
    out.questions.push({ parameter: 'endUser.owners', prompt: `${when}: a foreign entity 50 % or more owned by Entity List parties needs a licence like them. Give endUser.owners (name, country, share) and endUser.ownersComplete = true.` });
  }
  // An owner named by a listed group's brand alone ("Huawei", 60 %) is no listed name, but may well be the listed party:
  // while the rule is in force and its share could carry the end user to 50 %, the answer says so (it does not count it).
  if (inForce && share < 0.5) {
    (endUser.owners ?? []).forEach((o, i) => {
      const brand = listed.some((x) => x.o === o) ? undefined : brandMatch(o.name, date);
      if (!brand || (o.share !== undefined && share + o.share < 0.5)) return;
      out.warnings.push({
        code: 'name_resembles_listed_party',
        measure: M.affiliates,
        path: `endUser.owners[${i}]`,
        message: `endUser.owners[${i}] "${o.name}" carries "${brand.brand}", the name of ${brand.party.name} on the Entity List, but is no listed name, so its ${o.share === undefined ? 'share' : `${Math.round(o.share * 100)} %`} is not counted toward the affiliates rule's 50 % (15 CFR 744.11(a)(1)). If it is that party or another listed one, ${endUser.name} may need a licence like them: give the owner's full legal name.`,
      });
    });
  }
  // Only while the rule reads as in force: an amendment that extends the stay (CONTRACT §10) makes it suspended instead.
  if (inForce && date >= RULE_BACK && date <= ANNOUNCED_TO) {
    out.warnings.push({ code: 'status_unverified', message: `The stay of the affiliates rule ran to 2026-11-09 and by its text the rule applies from ${RULE_BACK}. A political extension of the stay to ${ANNOUNCED_TO} was announced; no Federal Register notice was found, so this answer applies the rule (advisory us-2026-affiliates-stay-announced-extension).`, measure: M.affiliates });
  }
  return out;
}
