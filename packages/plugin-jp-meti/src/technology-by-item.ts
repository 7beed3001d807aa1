import type { EvaluationContext, EvaluationResult, Finding, Question } from '@chokepoint/core';
import { itemsByTaxonomy } from './entries.js';

const ITEMS = itemsByTaxonomy();

/** The row of a row-and-item code: `2(24)` → `2`, `3-2(1)` → `3-2`. */
function rowOf(code: string): string {
  return code.replace(/\(.*$/, '');
}

/** The parameter asked for the technology of an item (letters and digits only): `2(4)` → `jpTech2x4`, `4(15).2` → `jpTech4x15x2`. */
export function techParam(code: string): string {
  return `jpTech${code.replace(/[^0-9a-z]+/gi, 'x').replace(/^x+|x+$/g, '')}`;
}

/**
 * Technology asked about by taxonomy item. The Foreign Exchange Order's technology rows are found by the
 * exporter's classification (`item.codes.JP`); without one, a technology request for an item whose goods
 * Japan lists (graphite, lithium-6, tungsten, semiconductor equipment, …) asks, for each such item, whether
 * the technology is technology of the same row for it (for designing, producing or using its goods, as the
 * METI Ordinance specifies — those specifications are not transcribed, so the answer is the exporter's), and
 * a yes needs METI's permission (FEFTA Art. 25(1)). Done here rather than as data entries so that a goods
 * request for the same item is not asked whether it is technology; and since the rules relate technology to
 * the item, core's question whether goods are meant instead is settled (`settles`).
 */
export function technologyByItem(ctx: EvaluationContext): EvaluationResult | undefined {
  const { request, item } = ctx;
  if (request.transfer === 'goods' || ctx.reach.bases.length === 0 || request.item.codes?.JP) return undefined;
  const hits = ITEMS.filter((i) => i.ids.some((id) => item.lineage.has(id)));
  if (!hits.length) return undefined;
  const findings: Finding[] = [];
  const questions: Question[] = [];
  for (const hit of hits) {
    const row = rowOf(hit.code);
    const param = techParam(hit.code);
    const answer = request.item.parameters?.[param];
    if (answer === 1) {
      findings.push(ctx.finding({
        measure: 'jp-feo-appended-table',
        entry: { id: `jp-tech-${hit.code.replace(/[^0-9a-z]+/gi, '-').replace(/^-+|-+$/g, '')}-by-item`, code: row },
        requirement: 'license_required',
        licensePolicy: 'case_by_case',
        reason: `The technology is technology of row ${row} of the Foreign Exchange Order's Appended Table, for goods of ${hit.code} (${hit.title}): providing it to a non-resident or for use abroad needs METI's permission (FEFTA Art. 25(1)).`,
        matchedOn: [`taxonomy ${item.nodes.join(', ')}`, `${param} = 1`],
      }));
    } else if (answer === undefined) {
      questions.push({
        parameter: param,
        jurisdiction: 'JP',
        prompt: `Row ${row} of Japan's Foreign Exchange Order's Appended Table controls technology for designing, producing or using the goods of row ${row} of the Export Trade Control Order's Appended Table 1, as the METI Ordinance specifies; providing it to a non-resident or for use abroad needs METI's permission (FEFTA Art. 25(1)). Is the technology such technology for goods of ${hit.code} (${hit.title}) (1 = yes, 0 = no)? If you have classified it, give item.codes.JP instead.`,
      });
    }
  }
  // These rules relate the technology to the item, so core's question whether goods are meant instead is settled.
  return { ...(findings.length ? { findings } : {}), ...(questions.length ? { questions } : {}), settles: ['transfer'] };
}
