import type { Confidence, CountryCode, IsoDate } from '@chokepoint/core';
import { readData } from './data-files.js';

interface HtsList {
  title: string;
  sections: string;
  destinations: CountryCode[];
  codes: string[];
}

/** When a supplement began to require a licence for one destination. */
interface ListStart {
  date: IsoDate;
  confidence: Confidence;
  source: string;
}

/** A later rule that added codes to some supplements; `date` is a day or, where only the month is known, `YYYY-MM`. */
interface ListAddition {
  date: string;
  lists: string[];
  what: string;
}

interface Part746File {
  missing: string[];
  lists: Record<string, HtsList>;
  history: { from: Record<string, Record<CountryCode, ListStart>>; additions: ListAddition[] };
  foodAndMedicine: { foodChapters: string[]; medicineHeadings: string[]; confidence: Confidence };
}

const file = readData<Part746File>('part-746-hts.json');
const sets = Object.entries(file.lists).map(([id, l]) => ({ ...l, id, set: new Set(l.codes), from: file.history.from[id] ?? {} }));

/** The day a supplement began to require a licence for a destination (undefined: it never names that destination). */
const startFor = (list: (typeof sets)[number], dest: CountryCode): ListStart | undefined => list.from[dest];

/** True when `date` falls on or before an addition dated by day or by month. */
const onOrBefore = (date: IsoDate, addition: string) => (addition.length === 7 ? date.slice(0, 7) <= addition : date <= addition);

/** The digits of an HS code (`"8471.30"` → `"847130"`). */
function digits(hs: string): string {
  return hs.replace(/\D/g, '');
}

/** How an HS code meets the part 746 HTS-6 lists for a destination. */
export type HtsMatch =
  | { kind: 'listed'; lists: { id: string; title: string; sections: string }[]; hs6: string; later?: string[] }
  | { kind: 'not_listed'; hs6: string; later?: { title: string; from: IsoDate }[] }
  | { kind: 'too_short'; heading: string };

/**
 * Looks an HS code up in the part 746 supplements in force for a destination on a date. The code lists are those of
 * the eCFR issue the data was read from: a `listed` answer for a date on or before later additions to every list
 * holding the code carries those additions in `later` (the code may have come with them); a `not_listed` answer names the lists
 * that hold the code but began only after the date.
 */
export function part746Lists(hs: string, dest: CountryCode, date: IsoDate): HtsMatch | undefined {
  const d = digits(hs);
  const relevant = sets.filter((l) => l.destinations.includes(dest));
  if (!relevant.length || d.length < 4) return undefined;
  const inForce = relevant.filter((l) => (startFor(l, dest)?.date ?? '9999-12-31') <= date);
  if (d.length < 6) {
    const under = inForce.some((l) => l.codes.some((c) => c.startsWith(d)));
    return under ? { kind: 'too_short', heading: d } : { kind: 'not_listed', hs6: d };
  }
  const hs6 = d.slice(0, 6);
  const hitLists = inForce.filter((l) => l.set.has(hs6));
  if (!hitLists.length) {
    const later = relevant.filter((l) => !inForce.includes(l) && l.set.has(hs6)).map((l) => ({ title: l.title, from: startFor(l, dest)!.date }));
    return { kind: 'not_listed', hs6, ...(later.length ? { later } : {}) };
  }
  const laterFor = (id: string) => file.history.additions.filter((a) => a.lists.includes(id) && onOrBefore(date, a.date));
  // Listed for certain when one list holding the code had no addition after the date; otherwise name the additions.
  const later = hitLists.every((l) => laterFor(l.id).length) ? [...new Set(hitLists.flatMap((l) => laterFor(l.id)))].map((a) => `${a.date}: ${a.what}`) : [];
  return { kind: 'listed', lists: hitLists.map((l) => ({ id: l.id, title: l.title, sections: l.sections })), hs6, ...(later.length ? { later } : {}) };
}

/** Whether an HS code reads as food or medicine for the EAR99 exclusions of §§ 746.4, 746.6 and 746.9 (our reading). */
export function foodOrMedicine(hs: string): 'food' | 'medicine' | undefined {
  const d = digits(hs);
  if (d.length < 4) return undefined;
  if (file.foodAndMedicine.medicineHeadings.includes(d.slice(0, 4))) return 'medicine';
  if (file.foodAndMedicine.foodChapters.includes(d.slice(0, 2))) return 'food';
  return undefined;
}
