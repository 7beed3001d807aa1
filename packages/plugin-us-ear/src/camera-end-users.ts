import type { CountryCode, EvaluationContext, Finding, Question } from '@chokepoint/core';
import type { Classification } from './determination.js';
import { earCountry, inGroup } from './groups.js';

import { M } from './measures.js';

const within = (code: string, ref: string) => code === ref || code.startsWith(`${ref}.`);
/** § 744.9(a)(1)(i): licence to every destination but Australia, Canada and the United Kingdom. */
const STRICT = ['6A003.a.3', '6A003.a.4', '6A003.a.6'];
/** § 744.9(a)(1)(ii): licence to every destination outside Country Group A:1 (0A504 and 6A993.a only as the text qualifies them). */
const BROAD = ['0A504', '6A002', '6A003', '6A993.a', '8A002.d'];
const QUALIFIED: Record<string, string> = {
  '0A504': 'the 0A504 item incorporates 6A002 or 6A003 commodities, or 6A993.a commodities meeting Note 3.a to 6A003.b.4',
  '6A993.a': 'the 6A993.a camera has a maximum frame rate of 9 Hz or less (Note 3.a to 6A003.b.4)',
};

/**
 * § 744.9(a)(1)–(2): a licence for thermal and other cameras, systems and components (6A002, 6A003, certain 0A504,
 * 6A993.a and 8A002.d) that a 'military end-user' (national armed services, national guard and police, government
 * intelligence or reconnaissance organisations, or anyone supporting military end uses) will use; not for a reexport
 * or transfer made as part of a military deployment by a unit of an A:1 government. Reviewed under ITAR policies;
 * only GOV (b)(2)(ii) may be used (§ 744.9(c), (e)). Text: eCFR 2026-09-24.
 */
export function cameraEndUsers(ctx: EvaluationContext, dest: CountryCode, classes: Classification[], prefix: string): { findings: Finding[]; questions: Question[] } {
  const out = { findings: [] as Finding[], questions: [] as Question[] };
  const { request } = ctx;
  const military = request.endUse === 'military' || request.endUse === 'military-intelligence' || request.endUser?.type === 'military';
  if (!military) return out;
  const p = request.item.parameters ?? {};
  if (p['ear.a1MilitaryDeployment'] === 1 && request.from !== 'US') return out;
  const c = earCountry(dest);
  for (const cls of classes) {
    const strict = STRICT.some((r) => within(cls.code, r));
    const broad = BROAD.find((r) => within(cls.code, r));
    if (!strict && !broad) continue;
    const exempt = strict ? ['AU', 'CA', 'GB'].includes(c) : inGroup('A:1', dest, request.date);
    if (exempt) continue;
    const qualifier = broad ? QUALIFIED[broad] : undefined;
    if (qualifier && p['ear.cameraQualified'] !== 1) {
      if (p['ear.cameraQualified'] === undefined) out.questions.push({ parameter: 'ear.cameraQualified', prompt: `${cls.code} for a military end user needs a licence under 15 CFR 744.9(a)(1)(ii) when ${qualifier}. Does it? Give item.parameters["ear.cameraQualified"] = 1 or 0.`, candidates: ['1', '0'] });
      continue;
    }
    const embargoed = inGroup('D:5', dest, request.date);
    out.findings.push(ctx.finding({
      measure: M.cameras, requirement: 'license_required', licensePolicy: embargoed ? 'presumption_of_denial' : 'case_by_case',
      reason: `${prefix}${cls.code} for a military end user in ${c}: a licence is required to every destination ${strict ? 'but Australia, Canada and the United Kingdom' : 'outside Country Group A:1'} (15 CFR 744.9(a)(1)); applications are reviewed under the ITAR's policies${embargoed ? ' (a US arms-embargoed destination)' : ''} and only License Exception GOV for US Government agencies may be used (§ 744.9(c), (e)).`,
      matchedOn: [request.endUser?.type === 'military' ? 'endUser.type military' : `endUse ${request.endUse}`, `item.eccn ${cls.code}`],
    }));
  }
  return out;
}
