import type { CountryCode, IsoDate } from '@chokepoint/core';
import { readData } from './data-files.js';
import { earCountry } from './groups.js';

interface Supp3File {
  countries: { country: CountryCode; name: string; scope: string; cite: string; from: IsoDate }[];
}

const file = readData<Supp3File>('part-746-supp3.json');

/**
 * The Supp. No. 3 to Part 746 entry of the country an item is exported or reexported from (or transferred within), when
 * it is listed there on the date: such exports are outside the § 746.8(a)(2)–(3) foreign direct product licences and
 * count no AT-only or EAR99 US content toward de minimis through § 746.8 (§ 746.8(a)(12)(iii)).
 */
export function geccExporter(from: CountryCode, date: IsoDate): { name: string; cite: string } | undefined {
  const c = earCountry(from);
  const hit = file.countries.find((x) => x.country === c && x.scope === 'Full' && date >= x.from);
  return hit ? { name: hit.name, cite: hit.cite } : undefined;
}
