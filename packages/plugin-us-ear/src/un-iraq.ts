import type { Authorization, CountryCode, EvaluationContext, Finding, Question, Source } from '@chokepoint/core';
import { scopeCovers } from './ccl.js';
import { readData } from './data-files.js';
import type { Classification } from './determination.js';
import { earCountry } from './groups.js';

interface UnIraqFile {
  source: Source;
  unArmsEmbargo: { section: string; countries: CountryCode[]; onlyException: string; exceptionRule: string; ownSections: Record<string, string>; asOf: string };
  iraq: { section: string; from: string; fromNote: string; reasons: string[]; exceptions: string[]; militaryFact: string; confidence: 'high' | 'medium' | 'low' };
}

const file = readData<UnIraqFile>('un-iraq.json');
const UN = file.unArmsEmbargo;
const IRAQ = file.iraq;

/** The source of the UN arms-embargo list and the Iraq rules. */
export const UN_IRAQ_SOURCE: Source = file.source;

/** The date from which § 746.3 (Iraq) is applied. */
export const IRAQ_FROM: string = IRAQ.from;

/** True for a country under a UN Security Council arms embargo (§ 746.1(b)(2), eCFR 2026-09-24). */
export function unArmsEmbargoed(dest: CountryCode): boolean {
  return UN.countries.includes(earCountry(dest));
}

/**
 * The licence exceptions left for a destination by part 746 beyond the embargo sections the plugin already applies:
 * only GOV for 'UN'-controlled items to a UN arms-embargoed country (§ 746.1(b)(4)), and the § 746.3(c) list for Iraq.
 */
export function part746ExceptionLimit(dest: CountryCode, unControlled: boolean, authorizations: Authorization[]): { authorizations: Authorization[]; rule?: string } {
  const c = earCountry(dest);
  if (c === 'IQ') {
    const kept = authorizations.filter((a) => IRAQ.exceptions.includes(a.id));
    return kept.length === authorizations.length ? { authorizations } : { authorizations: kept, rule: `${IRAQ.section}(c): only ${IRAQ.exceptions.join(', ')} for Iraq` };
  }
  if (!unControlled || !unArmsEmbargoed(dest) || UN.ownSections[c]) return { authorizations };
  const kept = authorizations.filter((a) => a.id === UN.onlyException);
  return kept.length === authorizations.length ? { authorizations } : { authorizations: kept, rule: UN.exceptionRule };
}

/**
 * § 746.3 for Iraq: a licence for every CCL item controlled for NS, MT, NP, CW, CB, RS, CC, EI, SI, SL or UN reasons,
 * whatever the chart row shows ((a)(1)–(2)); and for any item for a military end use or end user other than the
 * Government of Iraq or US Government agencies ((a)(4)), which no licence exception overcomes.
 */
export function iraqRules(ctx: EvaluationContext, classes: Classification[], prefix: string): { findings: Finding[]; questions: Question[] } {
  const out = { findings: [] as Finding[], questions: [] as Question[] };
  const { request } = ctx;
  if (request.date < IRAQ.from) return out;
  const part = { effective: { from: IRAQ.from, to: null } };
  for (const cls of classes) {
    const reasons = (cls.entry?.reasons ?? []).filter((r) => IRAQ.reasons.includes(r.reason) && scopeCovers(cls.code, r.scope) !== 'no').map((r) => r.reason);
    if (!reasons.length) continue;
    out.findings.push(ctx.finding({
      measure: 'us-ear-746-3-iraq', part, requirement: 'license_required', licensePolicy: 'case_by_case',
      reason: `${prefix}Iraq: ECCN ${cls.code} is controlled for ${[...new Set(reasons)].join(', ')} reasons, so a licence is required whatever the chart row shows (15 CFR 746.3(a)(1)–(2)); applications are denied for Iraqi nuclear activity and where the item would materially contribute to weapons of mass destruction, missiles or arms (§ 746.3(b)).`,
      matchedOn: [cls.matchedOn, 'destination IQ'],
    }));
  }
  const military = request.endUse === 'military' || request.endUser?.type === 'military';
  if (!military) return out;
  const legitimate = request.item.parameters?.[IRAQ.militaryFact];
  if (legitimate === undefined) {
    out.questions.push({ parameter: IRAQ.militaryFact, prompt: `Iraq: any item subject to the EAR for a military end use or end user needs a licence, with a policy of denial, unless it is for the Government of Iraq (including forces the US Government recognises) or for official use by US Government agencies (15 CFR 746.3(a)(4)). Give item.parameters["${IRAQ.militaryFact}"] = 1 (for them) or 0.`, candidates: ['1', '0'] });
  } else if (legitimate === 0) {
    out.findings.push(ctx.finding({
      measure: 'us-ear-746-3-iraq', part, requirement: 'license_required', licensePolicy: 'presumption_of_denial',
      reason: `${prefix}Iraq: a military end use or end user that is not the Government of Iraq or a US Government agency needs a licence for any item subject to the EAR, reviewed under a policy of denial; no licence exception applies (15 CFR 746.3(a)(4), (b)(4), (c)).`,
      matchedOn: [request.endUse === 'military' ? 'endUse military' : 'endUser.type military', `${IRAQ.militaryFact} 0`],
    }));
  }
  return out;
}
