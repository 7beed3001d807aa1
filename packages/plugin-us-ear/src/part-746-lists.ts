import type { Confidence, CountryCode } from '@chokepoint/core';
import { readData } from './data-files.js';

interface HtsList {
  title: string;
  sections: string;
  destinations: CountryCode[];
  codes: string[];
}

interface Part746File {
  missing: string[];
  lists: Record<string, HtsList>;
  foodAndMedicine: { foodChapters: string[]; medicineHeadings: string[]; confidence: Confidence };
}

const file = readData<Part746File>('part-746-hts.json');
const sets = Object.values(file.lists).map((l) => ({ ...l, set: new Set(l.codes) }));

/** The supplements to part 746 this plugin does not hold, named in answers that rest on the others. */
export const MISSING_SUPPLEMENTS: readonly string[] = file.missing;

/** The digits of an HS code (`"8471.30"` → `"847130"`). */
function digits(hs: string): string {
  return hs.replace(/\D/g, '');
}

/** How an HS code meets the part 746 HTS-6 lists for a destination. */
export type HtsMatch =
  | { kind: 'listed'; lists: { title: string; sections: string }[]; hs6: string }
  | { kind: 'not_listed'; hs6: string }
  | { kind: 'too_short'; heading: string };

/** Looks an HS code up in the part 746 supplements that apply to a destination. */
export function part746Lists(hs: string, dest: CountryCode): HtsMatch | undefined {
  const d = digits(hs);
  const relevant = sets.filter((l) => l.destinations.includes(dest));
  if (!relevant.length || d.length < 4) return undefined;
  if (d.length < 6) {
    const under = relevant.some((l) => l.codes.some((c) => c.startsWith(d)));
    return under ? { kind: 'too_short', heading: d } : { kind: 'not_listed', hs6: d };
  }
  const hs6 = d.slice(0, 6);
  const hits = relevant.filter((l) => l.set.has(hs6)).map((l) => ({ title: l.title, sections: l.sections }));
  return hits.length ? { kind: 'listed', lists: hits, hs6 } : { kind: 'not_listed', hs6 };
}

/** Whether an HS code reads as food or medicine for the EAR99 exclusions of §§ 746.4, 746.6 and 746.9 (our reading). */
export function foodOrMedicine(hs: string): 'food' | 'medicine' | undefined {
  const d = digits(hs);
  if (d.length < 4) return undefined;
  if (file.foodAndMedicine.medicineHeadings.includes(d.slice(0, 4))) return 'medicine';
  if (file.foodAndMedicine.foodChapters.includes(d.slice(0, 2))) return 'food';
  return undefined;
}
