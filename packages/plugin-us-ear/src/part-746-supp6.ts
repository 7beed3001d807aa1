import type { Confidence, CountryCode, EvaluationContext, IsoDate } from '@chokepoint/core';
import { readData } from './data-files.js';

interface Supp6Entry {
  paragraph: string;
  name: string;
  cas?: string;
}

interface Supp6Group {
  paragraph: string;
  about: string;
  /** (a), (b): the concentration (weight fraction) from which the chemical is listed. */
  minConcentration?: number;
  /** (d): mixtures in which no listed chemical is more than this share are not covered. */
  maxExcludedShare?: number;
  /** The day the paragraph's entries were added, when known. */
  from?: IsoDate;
  entries: Supp6Entry[];
}

interface Supp6File {
  sections: string;
  destinations: CountryCode[];
  from: Record<string, { date: IsoDate; confidence: Confidence; source: string }>;
  additions: { date: string; paragraphs?: string[]; what: string }[];
  chemicals: Supp6Group[];
  inWords: { paragraph: string; title: string; about: string }[];
}

const file = readData<Supp6File>('part-746-supp6.json');
const byCas = new Map<string, { group: Supp6Group; entry: Supp6Entry }>();
for (const group of file.chemicals) for (const entry of group.entries) if (entry.cas) byCas.set(entry.cas, { group, entry });

/** The paragraphs of Supp. No. 6 described in words, not decided by CAS number. */
export const SUPP6_IN_WORDS = file.inWords.map((w) => `${w.paragraph} ${w.title}`).join('; ');

/** True when `date` falls on or before an addition dated by day or by month. */
const onOrBefore = (date: IsoDate, addition: string) => (addition.length === 7 ? date.slice(0, 7) <= addition : date <= addition);

/** Normalises a CAS number as written ("67- 63-0" → "67-63-0"). */
const normal = (cas: string) => cas.replace(/\s+/g, '');

/** The CAS numbers the request gives: `item.cas`, else those of the item's taxonomy nodes. */
export function casOf(ctx: EvaluationContext): string[] {
  if (ctx.request.item.cas) return [normal(ctx.request.item.cas)];
  return [...new Set(ctx.item.nodes.flatMap((n) => ctx.taxonomy.node(n)?.identifiers?.cas ?? []).map(normal))];
}

/** How a chemical meets Supplement No. 6 to Part 746 for a destination on a date. */
export type Supp6Match =
  /** Listed; `later` names additions after the date that may have brought the entry. */
  | { kind: 'listed'; name: string; paragraph: string; cas: string; about: string; later?: string[] }
  /** Listed from a concentration the request does not give. */
  | { kind: 'needs_concentration'; name: string; paragraph: string; cas: string; min: number }
  /** Not listed: the CAS number is not a chemical of the supplement (on the date), or the concentration is below. */
  | { kind: 'not_listed'; cas: string; below?: { name: string; paragraph: string; min: number; mixture?: boolean }; laterFrom?: IsoDate }
  /** The supplement does not apply to this destination on this date. */
  | { kind: 'not_in_force' };

/** The day Supp. No. 6 began for a destination (undefined: it never names it). */
export function supp6Start(dest: CountryCode): IsoDate | undefined {
  return file.from[dest]?.date;
}

/**
 * Looks a CAS number up in the chemicals of Supp. No. 6 (§ 746.8(a)(6)) for Russia or Belarus on a date; `purity` is
 * the concentration by weight (0–1) when the request gives it. The entries are those printed on 2026-09-24: an entry
 * whose paragraph carries its own first day is listed from that day; any other is certain only after the last addition
 * that may have brought it, and before that `later` names those additions.
 */
export function supp6Chemical(cas: string, dest: CountryCode, date: IsoDate, purity: number | undefined): Supp6Match {
  const start = supp6Start(dest);
  if (!start || date < start) return { kind: 'not_in_force' };
  const hit = byCas.get(normal(cas));
  if (!hit) return { kind: 'not_listed', cas };
  const { group, entry } = hit;
  if (group.from && date < group.from) return { kind: 'not_listed', cas, laterFrom: group.from };
  if (group.minConcentration !== undefined) {
    if (purity === undefined) return { kind: 'needs_concentration', name: entry.name, paragraph: entry.paragraph, cas: entry.cas!, min: group.minConcentration };
    if (purity < group.minConcentration) return { kind: 'not_listed', cas, below: { name: entry.name, paragraph: entry.paragraph, min: group.minConcentration } };
  }
  if (group.maxExcludedShare !== undefined && purity !== undefined && purity <= group.maxExcludedShare) {
    return { kind: 'not_listed', cas, below: { name: entry.name, paragraph: entry.paragraph, min: group.maxExcludedShare, mixture: true } };
  }
  const later = group.from ? [] : file.additions.filter((a) => !a.paragraphs && onOrBefore(date, a.date)).map((a) => `${a.date}: ${a.what}`);
  return { kind: 'listed', name: entry.name, paragraph: entry.paragraph, cas: entry.cas!, about: group.about, ...(later.length ? { later } : {}) };
}
