import type { CountryCode, EvaluationContext, Question, Warning } from '@chokepoint/core';
import { eccnHead } from './ccl.js';
import { chartFile, chartRow, type ChartColumn } from './chart.js';
import type { CclRequirement, Classification } from './determination.js';
import { M } from './measures.js';
import { PARAMS } from './restrictions.js';
import { carveOut } from './carve-outs.js';

/** One ECCN paragraph a "require" footnote names, with the paragraphs it leaves out and a fact it turns on. */
interface FootnoteItem {
  code: string;
  except?: string[];
  fact?: string;
}

/** How one footnote of the chart is applied (see `footnoteRules` in `data/country-chart.json`). */
export type FootnoteRule =
  | { kind: 'readRow'; row: CountryCode }
  | { kind: 'elsewhere'; by: string }
  | { kind: 'notice'; section: string; codes?: string[]; text: string; confidence?: 'low' }
  | { kind: 'require'; reason: CclRequirement['reason']; column: ChartColumn | null; section: string; from?: string; fromCitation?: string; items: FootnoteItem[] };

const rules = chartFile.footnoteRules.rules as Record<string, FootnoteRule>;

/** The rule of a footnote number, if the data has one. */
export function footnoteRule(n: string): FootnoteRule | undefined {
  return rules[n];
}

/** `yes` when the code is the footnoted paragraph or inside it; `maybe` when the code is broader. */
function itemFit(code: string, item: FootnoteItem): 'yes' | 'maybe' | 'no' {
  const under = (ref: string) => code === ref || code.startsWith(`${ref}.`);
  if (item.except?.some((x) => under(`${eccnHead(item.code)}.${x}`))) return 'no';
  if (under(item.code)) return item.except?.length && code === item.code ? 'maybe' : 'yes';
  if (item.code.startsWith(`${code}.`)) return 'maybe';
  return 'no';
}

/**
 * The footnotes of the destination's chart row for one classification (Supp. No. 1 to Part 738):
 * licence requirements they add beyond the X marks, questions when the code or a fact does not
 * settle them, and warnings for the special provisions this plugin does not evaluate.
 */
export function footnoteRequirements(ctx: EvaluationContext, cls: Classification, dest: CountryCode, prefix: string): { reqs: CclRequirement[]; questions: Question[]; warnings: Warning[] } {
  const out = { reqs: [] as CclRequirement[], questions: [] as Question[], warnings: [] as Warning[] };
  const row = chartRow(dest, ctx.request.date);
  if (!row || !cls.entry) return out;
  const date = ctx.request.date;
  for (const n of row.footnotes) {
    const rule = rules[n];
    if (!rule || rule.kind === 'readRow' || rule.kind === 'elsewhere') continue;
    if (rule.kind === 'notice') {
      if (rule.codes && !rule.codes.includes(eccnHead(cls.code))) continue;
      out.warnings.push({ code: 'chart_footnote', message: `Country Chart footnote ${n} for ${row.name}: ${rule.text} (15 CFR ${rule.section}); this plugin does not evaluate it for ${cls.code}.`, measure: M.chart });
      continue;
    }
    if (rule.from && date < rule.from) continue;
    for (const item of rule.items) {
      const fit = itemFit(cls.code, item);
      if (fit === 'no') continue;
      // A footnote requirement for a reason is qualified by the notes that qualify that reason (fn 7: 6A003.b.4.b RS2).
      const carve = carveOut(ctx, cls.code, { reason: rule.reason, column: rule.column, scope: null }, dest);
      if (carve.kind === 'ask') out.questions.push(...carve.questions);
      if (carve.kind !== 'applies') continue;
      const answer = ctx.request.item.parameters?.[PARAMS.chartFootnoteApplies];
      if (fit === 'maybe' || (item.fact && answer !== 1)) {
        if (item.fact && answer === 0 && fit === 'yes') continue;
        out.questions.push(fit === 'maybe'
          ? { parameter: 'item.eccn', prompt: `Country Chart footnote ${n} requires a licence to ${row.name} for ${item.code}${item.except ? ` (except .${item.except.join(', .')})` : ''}; give the paragraph in item.eccn.` }
          : { parameter: PARAMS.chartFootnoteApplies, prompt: `Country Chart footnote ${n} requires a licence to ${row.name} for ${item.code} when ${item.fact}. Does it hold? Give item.parameters["${PARAMS.chartFootnoteApplies}"] = 1 or 0.`, candidates: ['1', '0'] });
        continue;
      }
      out.reqs.push({
        reason: rule.reason,
        onChart: rule.column !== null,
        finding: ctx.finding({
          measure: M.chart,
          entry: { id: cls.entryId ?? `eccn-${cls.code.toLowerCase().replace(/\./g, '-')}`, code: cls.code },
          requirement: 'license_required',
          licensePolicy: 'case_by_case',
          reason: `${prefix}Country Chart footnote ${n} for ${row.name}: a licence is still required for ${item.code}${item.except ? ` (except .${item.except.join(', .')})` : ''}${rule.column ? ` for ${rule.column} reasons` : ''} although the row has no X for it (Supp. No. 1 to Part 738${rule.fromCitation ? `; ${rule.fromCitation}` : ''}; 15 CFR ${rule.section}).`,
          matchedOn: [cls.matchedOn, `Country Chart row ${row.row}: footnote ${n}`],
        }),
      });
      break;
    }
  }
  return out;
}
