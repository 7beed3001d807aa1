import type { CountryGroup, Source, Warning } from '@chokepoint/core';
import { readData } from './data-files.js';

interface EmbargoFile {
  id: string;
  name: string;
  countries: { country: string; from: string; to?: string; basis: string; confidence: string; note?: string; caveat?: Pick<Warning, 'code' | 'message'>; sources: Source[] }[];
}

const file = readData<EmbargoFile>('arms-embargoes.json');

/** Countries under an EU arms embargo, dated, for the military catch-all of Art. 4(1)(b) (`group:EU_ARMS_EMBARGO`). */
export const ARMS_EMBARGO_GROUP: CountryGroup = {
  id: file.id,
  name: file.name,
  members: file.countries.map((c) => ({ country: c.country, from: c.from, ...(c.to ? { to: c.to } : {}) })),
  sources: file.countries.flatMap((c) => c.sources),
};

/** The legal basis of each embargo, for the reason of a catch-all finding. */
export const ARMS_EMBARGO_BASIS: ReadonlyMap<string, string> = new Map(file.countries.map((c) => [c.country, c.basis]));

/**
 * What the answer must say with a catch-all finding for each embargo whose standing under Art. 4(1)(b) is in doubt (China's
 * rests on a political declaration, not on an act Art. 2(19) names): the data's caveat, by country.
 */
export const ARMS_EMBARGO_CAVEAT: ReadonlyMap<string, Pick<Warning, 'code' | 'message'>> = new Map(file.countries.flatMap((c) => (c.caveat ? [[c.country, c.caveat] as const] : [])));
