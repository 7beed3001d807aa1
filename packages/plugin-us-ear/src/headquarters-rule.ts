import type { CountryCode, EvaluationContext, Finding, Question } from '@chokepoint/core';
import type { Classification } from './determination.js';
import { earCountry, inGroup } from './groups.js';
import { M } from './measures.js';
import { aiTiers } from './special.js';

/** The request parameter: the end user is headquartered in, or has its ultimate parent headquartered in, Macau or D:5. */
export const HQ_PARAM = 'ear.endUserHeadquartersD5';

/**
 * § 744.23(a)(3)(i)(A): advanced computing items (3A090, 4A090 and the .z paragraphs of 3A001, 4A003, 4A004, 4A005,
 * 5A002, 5A004, 5A992, 5D002, 5D992) for an entity headquartered in Macau or D:5 need a licence wherever it is
 * outside D:1, D:4 and D:5 (A:5/A:6 counting as outside), from 2023-11-17 (88 FR 73458). The printed text names the
 * .b paragraphs only, because the AI Diffusion text licenses .a worldwide; under the enforced reading the .a
 * paragraphs are read in as they were before it. (B): 3A090.c outside Macau and D:5, from 2024-12-02 (89 FR 96790).
 */
const RULES: { items: RegExp; from: string; inScope: (dest: CountryCode, date: string) => boolean; paragraph: string; policy: 'presumption_of_denial' | 'case_by_case' }[] = [
  { items: /^(3A090|4A090)\.a|^(3A001|4A003|5A002|5A004)\.z\.\d\.a|^(4A004|4A005)\.z\.1|^(5A992|5D992)\.z\.1|^5D002\.z\.\d\.a/, from: '2023-11-17', inScope: (d, t) => !aiTiers(d, t), paragraph: '(a)(3)(i)(A), enforced reading for the .a paragraphs', policy: 'presumption_of_denial' },
  { items: /^(3A090|4A090)\.b|^(3A001|4A003|5A002|5A004)\.z\.\d\.b|^(4A004|4A005)\.z\.2|^(5A992|5D992)\.z\.2|^5D002\.z\.\d\.b/, from: '2023-11-17', inScope: (d, t) => !aiTiers(d, t), paragraph: '(a)(3)(i)(A)', policy: 'case_by_case' },
  { items: /^3A090\.c/, from: '2024-12-02', inScope: (d, t) => earCountry(d) !== 'MO' && !inGroup('D:5', d, t), paragraph: '(a)(3)(i)(B)', policy: 'presumption_of_denial' },
];

/** § 744.23(a)(3): the licence for advanced computing items going to entities headquartered in Macau or D:5 outside those destinations. */
export function headquartersRule(ctx: EvaluationContext, dest: CountryCode, classes: Classification[], prefix: string): { findings: Finding[]; questions: Question[] } {
  const out = { findings: [] as Finding[], questions: [] as Question[] };
  const { request } = ctx;
  const hq = request.item.parameters?.[HQ_PARAM];
  for (const cls of classes) {
    const rule = RULES.find((r) => r.items.test(cls.code) && request.date >= r.from && r.inScope(dest, request.date));
    if (!rule) continue;
    if (hq === undefined) {
      out.questions.push({ parameter: HQ_PARAM, prompt: `${cls.code}: a licence is required when the end user is headquartered in, or its ultimate parent is headquartered in, Macau or Country Group D:5, wherever it is (15 CFR 744.23${rule.paragraph}). Is it? Give item.parameters["${HQ_PARAM}"] = 1 or 0.`, candidates: ['1', '0'] });
    } else if (hq === 1) {
      out.findings.push(ctx.finding({
        measure: M.semiconductor, requirement: 'license_required', licensePolicy: rule.policy,
        reason: `${prefix}${cls.code} for an entity headquartered (or with its ultimate parent headquartered) in Macau or Country Group D:5: a licence is required although it is in ${earCountry(dest)} (15 CFR 744.23${rule.paragraph}); only the exceptions of § 740.2(a)(9)(ii) may be used (§ 744.23(c)), reviewed under § 744.23(d).`,
        matchedOn: [`${HQ_PARAM} 1`, `item.eccn ${cls.code}`],
      }));
    }
  }
  return out;
}
