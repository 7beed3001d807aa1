import { controlCodeCovers, type Measure, type ReachContext } from '@chokepoint/core';
import { readData } from './data-files.js';

interface Row16Data { chapters: string[]; item1: { include: string[]; exclude: string[] } }

const ROW16 = readData<Row16Data>('row-16.json');
const CHAPTERS = new Set(ROW16.chapters);

/** Parameters the plugin derives from the request (the `facts` hook). */
export const FACT = {
  /** 1 when the goods fall in the HS chapters row 16 names (or the tariff lines of 16(1)); 0 when their code is outside. */
  row16Goods: 'jpRow16Goods',
  /** 1 when the goods are a 16(1) item by tariff code (Ordinance Art. 14-2), 0 when their code is not one. */
  row16Item1: 'jpRow16Item1',
  /** Whether METI informed the exporter that the goods need a licence (the inform requirement). */
  metiInformed: 'metiInformed',
  /**
   * 0 when the exporter's code (`item.codes.JP`) names an item that a later amendment added to the table and the
   * request is dated before that amendment's first day (the code named nothing then); 1 otherwise.
   */
  codeInTable: 'jpCodeInTable',
} as const;

interface AddedItem { code: string; measure?: string }
const TABLE = readData<{ items: AddedItem[]; addedLater?: AddedItem[] }>('appended-table-1.json');
const FIRST_DAY = new Map(readData<Measure[]>('measures.json').map((m) => [m.id, m.effective.from]));

/** The item codes later amendments added to Appended Table 1, with each amendment's first day. */
const ADDED_LATER: readonly { code: string; from: string }[] = [...TABLE.items, ...(TABLE.addedLater ?? [])]
  .filter((i) => i.measure && i.measure !== 'jp-etco-appended-table-1')
  .map((i) => {
    const from = FIRST_DAY.get(i.measure!);
    if (!from) throw new Error(`appended-table-1.json: item ${i.code} names measure ${i.measure}, which measures.json lacks`);
    return { code: i.code, from };
  });

/** {@link FACT.codeInTable} for a code on a date. */
export function codeInTable(code: string | undefined, date: string): 0 | 1 {
  if (!code) return 1;
  return ADDED_LATER.some((a) => date < a.from && controlCodeCovers(a.code, code)) ? 0 : 1;
}

type Tri = 0 | 1 | undefined;

/** Whether one tariff code is a 16(1) code: 1 or 0 when its digits decide, undefined when it is broader than a listed line. */
function item1OfCode(code: string): Tri {
  const { include, exclude } = ROW16.item1;
  if (exclude.some((x) => code.startsWith(x))) return 0;
  if (include.some((x) => code.startsWith(x))) return exclude.some((x) => x.startsWith(code)) ? undefined : 1;
  return include.some((x) => x.startsWith(code)) ? undefined : 0;
}

function inRow16(code: string): Tri {
  if (code.length < 2) return undefined;
  return CHAPTERS.has(code.slice(0, 2)) || item1OfCode(code) === 1 ? 1 : 0;
}

/** One answer for several codes: the same for all of them, or undefined when they differ or say nothing. */
function agree(values: Tri[]): Tri {
  if (!values.length || values.some((v) => v === undefined)) return undefined;
  return values.every((v) => v === values[0]) ? values[0] : undefined;
}

/** The tariff codes that describe the item: the request's own, else those of the taxonomy items it resolved to. */
function tariffCodes(ctx: ReachContext): string[] {
  const own = ctx.request.item.hs ?? ctx.request.item.cnCode;
  if (own) return [own];
  return ctx.item.nodes.flatMap((id) => ctx.taxonomy.node(id)?.identifiers?.hs ?? []);
}

/**
 * A METI notice is a fact only the exporter knows. It is asked where it decides the answer — a military end
 * use or end user, and, for a Group A destination, a WMD end use too — and otherwise taken as not received:
 * a request that says `metiInformed: 1` still gets the licence requirement whatever its end use.
 */
function informAsked(ctx: ReachContext): boolean {
  const { endUse, endUser, to } = ctx.request;
  if (endUse === 'military' || endUse === 'military-intelligence' || endUser?.type === 'military') return true;
  return endUse === 'wmd' && ctx.isMember('JP-GROUP-A', to);
}

/**
 * What the request already says about the catch-all: whether the goods are of row 16 and of 16(1), read
 * from their tariff code (the request's, or every code of the taxonomy items it names), and whether a METI
 * notice is to be asked. Goods whose code nothing gives are taken to be of row 16 (almost all industrial
 * goods are), and are asked whether they are a 16(1) item.
 */
export function jpFacts(ctx: ReachContext): Record<string, number> {
  const codes = tariffCodes(ctx);
  const row16 = codes.length && codes.every((c) => inRow16(c) === 0) ? 0 : 1;
  const facts: Record<string, number> = { [FACT.row16Goods]: row16, [FACT.codeInTable]: codeInTable(ctx.request.item.codes?.JP, ctx.request.date) };
  const item1 = row16 === 0 ? 0 : agree(codes.map(item1OfCode));
  if (item1 !== undefined) facts[FACT.row16Item1] = item1;
  if (!informAsked(ctx)) facts[FACT.metiInformed] = 0;
  return facts;
}
