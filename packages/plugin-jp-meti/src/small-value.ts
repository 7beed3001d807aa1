import type { Authorization, EvaluationContext, Finding, Question } from '@chokepoint/core';
import { readData } from './data-files.js';
import { CATCH_ALL_REVISION_2025 } from './end-user-list.js';

interface SmallValueData {
  article: string;
  rows: string[];
  limitJpy: number;
  lowLimitJpy: number;
  lowLimitRows: string[];
  lowLimitIfDesignated: string[];
  excludedDestinations: string;
}

const DATA = readData<SmallValueData>('small-value-exception.json');
const ORDER_URL = 'https://laws.e-gov.go.jp/law/324CO0000000378';
/** The parameter that carries the value: Japan's limits are in yen, and a dollar value is not converted. */
export const VALUE_PARAM = 'valueJpy';

/** Measures whose findings are list control of rows 1–15 (Art. 48(1)), which the exception can lift. */
const LIST_MEASURES = new Set(['jp-etco-appended-table-1', 'jp-etco-2025-additions', 'jp-etco-2026-additions', 'jp-meti-2023-sme', 'jp-meti-sme-later-additions']);

// One formatter for every answer: Number#toLocaleString sets one up on each call, microseconds per question asked.
const GROUPED = new Intl.NumberFormat('en-US');
const yen = (n: number) => `¥${GROUPED.format(n)}`;
const rowOf = (code: string) => /^(1[0-6]|[1-9])(-2)?/.exec(code)?.[0];
/** `8` covers `8(3)`, `10(9)` covers `10(9).1`, a code covers itself. */
const covers = (outer: string, inner: string) => inner === outer || inner.startsWith(`${outer}(`) || inner.startsWith(`${outer}.`);

/** The limit for one list code: the low limit, the high one, or the high one only if METI's notice does not designate the goods. */
function limitOf(code: string): { limit: number; ifNotDesignated?: true } {
  const row = rowOf(code)!;
  if (DATA.lowLimitRows.includes(row)) return { limit: DATA.lowLimitJpy };
  const designated = DATA.lowLimitIfDesignated.some((d) => covers(d, code) || covers(code, d));
  return designated ? { limit: DATA.limitJpy, ifNotDesignated: true } : { limit: DATA.limitJpy };
}

/**
 * The catch-all conditions that take the exception away (the end of Art. 4(1)(v)): a METI notice anywhere;
 * outside Group A also knowledge of a WMD use; in a UN-embargoed region (Iraq and North Korea are
 * excluded anyway) also knowledge of a conventional-weapons use.
 */
function catchAllBars(ctx: EvaluationContext): boolean {
  const { request } = ctx;
  if (request.item.parameters?.metiInformed === 1) return true;
  if (ctx.isMember('JP-GROUP-A', request.to)) return false;
  if (request.endUse === 'wmd') return true;
  const military = request.endUse === 'military' || request.endUse === 'military-intelligence' || request.endUser?.type === 'military';
  return military && ctx.isMember('JP-UN-ARMS-EMBARGO', request.to);
}

/** The list codes of the findings that need a licence, when every one of them is one the exception can lift. */
function liftableCodes(licensed: readonly Finding[]): string[] | undefined {
  const codes: string[] = [];
  for (const f of licensed) {
    const code = f.entry?.code;
    if (!LIST_MEASURES.has(f.measure.id) || f.party || !code || !DATA.rows.includes(rowOf(code) ?? '')) return undefined;
    codes.push(code);
  }
  // A row's own finding (`7`) beside its item's (`7(6)`) says nothing more: the item's code decides the limit.
  const specific = [...new Set(codes)].filter((c) => !codes.some((o) => o !== c && covers(c, o)));
  return specific.length ? specific : undefined;
}

/**
 * The small-value exception (少額特例, Order Art. 4(1)(v)): goods of rows 5–13 and 15 up to ¥1,000,000
 * (¥50,000 for row 15 and for the Appended Table 3-3 items METI designates) need no export permission,
 * except to Appended Table 4 (Iran, Iraq, North Korea) and when a catch-all condition holds. Offered as an
 * authorisation when the value in yen is known and within the limit; asked when it is not given.
 */
export function smallValueException(ctx: EvaluationContext): { authorizations?: Authorization[]; questions?: Question[] } | undefined {
  const { request } = ctx;
  if (request.transfer !== 'goods' || ctx.isMember(DATA.excludedDestinations.slice('group:'.length), request.to)) return undefined;
  const licensed = ctx.findings.filter((f) => f.status === 'in_force' && f.requirement === 'license_required');
  const codes = liftableCodes(licensed);
  if (!codes || catchAllBars(ctx)) return undefined;
  const limits = codes.map(limitOf);
  const limit = Math.min(...limits.map((l) => l.limit));
  const value = request.item.parameters?.[VALUE_PARAM];
  if (value === undefined) {
    return { questions: [{ parameter: VALUE_PARAM, prompt: `Japan's small-value exception (${DATA.article}) lifts the export permission for goods of ${codes.join(', ')} whose total value is ${yen(limit)} or less${limits.some((l) => l.ifNotDesignated) ? ` (${yen(DATA.lowLimitJpy)} if METI's notice under Appended Table 3-3 designates them)` : ''}, to any destination but Iran, Iraq and North Korea: what is the total value in yen (item.parameters.${VALUE_PARAM}; item.valueUsd is not converted)?` }] };
  }
  if (value > limit) return undefined;
  const conditions = [
    `The total value of the goods is ${yen(value)}, within the ${yen(limit)} limit for ${codes.join(', ')}.`,
    ...(value > DATA.lowLimitJpy && limits.some((l) => l.ifNotDesignated) ? [`The goods are not among those METI's notice under Appended Table 3-3 designates (for them the limit is ${yen(DATA.lowLimitJpy)}).`] : []),
    'METI has not informed you that the goods may be used for weapons of mass destruction or conventional weapons; outside Group A you have no knowledge that they may be used for weapons of mass destruction, and in a UN arms-embargoed region none that they may be used for conventional weapons.',
    ...(request.date < CATCH_ALL_REVISION_2025 ? [`This reads the text in force from ${CATCH_ALL_REVISION_2025}; on ${request.date} the article was worded (and numbered) as before the 2025 revision of the catch-all: check that text.`] : []),
  ];
  return { authorizations: [{ id: 'JP-SMALL-VALUE', title: `Small-value exception (少額特例), ${DATA.article}`, conditions, url: ORDER_URL }] };
}
