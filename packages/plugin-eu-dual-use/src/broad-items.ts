import type { EvaluationContext, Question } from '@chokepoint/core';
import { ANNEX_I, entryFirstInForce, entryLastInForce } from './annex-i.js';
import { readData } from './data-files.js';

interface BroadItems {
  param: string;
  items: { ids: string[]; what: string; entries: string[] }[];
}

const DATA = readData<BroadItems>('broad-items.json');
const DESCRIPTION = new Map(ANNEX_I.entries.filter((e) => e.depth === 0).map((e) => [e.code, e.description]));

/** The parameter that answers "none of these entries". */
export const ANNEX_I_LISTED_PARAM = DATA.param;

/**
 * A class of goods of which Annex I lists only some members (semiconductor manufacturing equipment): when the
 * request names the class without the exporter's Annex I code and no entry matched, ask for the code instead of
 * answering not_controlled. `eu.annexIListed = 0` says the item meets none of the entries.
 */
export function broadItemQuestion(ctx: EvaluationContext): Question | undefined {
  const { item, date } = ctx.request;
  if (item.euCode || item.parameters?.[DATA.param] === 0) return undefined;
  // The item's nodes and all their ancestors, as core resolved them once for the request.
  const broad = DATA.items.find((b) => b.ids.some((id) => ctx.item.lineage.has(id)));
  if (!broad) return undefined;
  const entries = broad.entries.filter((c) => DESCRIPTION.has(c) && entryFirstInForce(c) <= date && (entryLastInForce(c) ?? '9999-12-31') >= date);
  if (!entries.length) return undefined;
  return {
    parameter: 'item.euCode',
    prompt: `Annex I lists some ${broad.what} by its specifications: ${entries.map((c) => `${c} (${DESCRIPTION.get(c)})`).join('; ')}. Which Annex I entry does the item meet? Give item.euCode, or item.parameters["${DATA.param}"] = 0 if it meets none of them.`,
    candidates: entries,
  };
}
