import { controlCodeCovers } from '@chokepoint/core';
import { readData } from './data-files.js';

/** One Annex I entry of Regulation 428/2009 whose listing was established from its consolidated texts (`data/annex-i-428.json`). */
export interface Listing428 {
  code: string;
  what: string;
  from: string;
  to: string;
  evidence: string;
  confidence: 'high' | 'medium' | 'low';
}

interface File428 {
  sources: { id: string; url: string; commit: string; date: string }[];
  from: string;
  to: string;
  notEstablished: { before: string; codes: Record<string, string> };
  codes: Listing428[];
}

export const ANNEX_I_428 = readData<File428>('annex-i-428.json');
const BY_CODE = new Map(ANNEX_I_428.codes.map((c) => [c.code, c]));

/**
 * The 428/2009 listing of a top-level Annex I code on a date, when the texts read establish it; undefined when they
 * do not (a code not read, a scope that changed, a date before the earliest text read), so the caller asks.
 */
export function listing428(topLevelCode: string, date: string): Listing428 | undefined {
  const rec = BY_CODE.get(topLevelCode);
  return rec && date >= rec.from && date <= rec.to ? rec : undefined;
}

interface Eu001Of428 {
  id: string;
  title: string;
  from: string;
  to: string;
  destinations: string[];
  laterDestinations: { country: string; from: string }[];
  excludes: Record<string, string[] | string>;
  conditions: string[];
}

const EU001 = (ANNEX_I_428 as unknown as { eu001: Eu001Of428 }).eu001;
const EU001_EXCLUDED = Object.values(EU001.excludes).filter((v): v is string[] => Array.isArray(v)).flat();

/** Whether a code overlaps an exclusion: a code or a prefix either way (0A covers 0A001; 1C450 might be 1C450.a.1). */
function overlaps(a: string, b: string): boolean {
  const under = (x: string, y: string) => x === y || y.startsWith(x.includes('.') || x.length > 2 ? `${x}.` : x);
  return under(a, b) || under(b, a);
}

/**
 * EU001 of Regulation 428/2009 (Annex IIa) for an export on `date` to `to` of items of these Annex I codes: offered only
 * when every code is outside Annex IIg (which includes every Annex IV item) and the destination is one of Part 2.
 */
export function eu001Of428(codes: readonly string[], to: string, date: string): { id: string; title: string; conditions: string[]; url: string } | undefined {
  if (date < EU001.from || date > EU001.to || !codes.length) return undefined;
  const destinations = [...EU001.destinations, ...EU001.laterDestinations.filter((d) => date >= d.from).map((d) => d.country)];
  if (!destinations.includes(to)) return undefined;
  if (codes.some((c) => EU001_EXCLUDED.some((x) => overlaps(x, c)))) return undefined;
  return { id: EU001.id, title: EU001.title, conditions: EU001.conditions, url: 'https://eur-lex.europa.eu/eli/reg/2009/428/oj (Annex IIa)' };
}

interface Eu002Of428 {
  id: string;
  title: string;
  from: string;
  to: string;
  introduced: { verified: boolean; note: string };
  items: string[];
  destinations: string[];
  destinationsNotOffered: Record<string, string>;
  conditions: string[];
}

/** EU002 of Regulation 428/2009 (Annex IIb), as read in its consolidated texts of 2014-07-02 and the last one. */
export const EU002_428 = (ANNEX_I_428 as unknown as { eu002: Eu002Of428 }).eu002;

/** Whether a Part 1 code of Annex IIb is the code or one of its ancestors (3C005 covers 3C005.a; 3A001.a.3 does not cover a bare 3A001). */
function inAnnexIIb(code: string): boolean {
  return EU002_428.items.some((listed) => controlCodeCovers(listed, code));
}

/**
 * EU002 of Regulation 428/2009 (Annex IIb) for an export on `date` to `to` of items of these Annex I codes: offered
 * only when every code falls under a Part 1 entry and the destination is one of Part 2 (Croatia, still printed there,
 * was a member state on every day modelled). Annex IIb excludes nothing more (no Annex IIg).
 */
export function eu002Of428(codes: readonly string[], to: string, date: string): { id: string; title: string; conditions: string[]; url: string } | undefined {
  if (date < EU002_428.from || date > EU002_428.to || !eu002Covers(codes, to)) return undefined;
  return { id: EU002_428.id, title: EU002_428.title, conditions: EU002_428.conditions, url: 'https://eur-lex.europa.eu/eli/reg/2009/428/oj (Annex IIb)' };
}

/**
 * Whether EU002 of Regulation 428/2009 might have covered this export on a date before the first text read
 * (2014-07-02), when its first day is not verified: every code under Part 1 and the destination in Part 2.
 */
export function eu002Of428Unverified(codes: readonly string[], to: string, date: string): boolean {
  return date < EU002_428.from && eu002Covers(codes, to);
}

/** Every code under a Part 1 entry of Annex IIb and the destination in its Part 2 (whatever the date). */
function eu002Covers(codes: readonly string[], to: string): boolean {
  return codes.length > 0 && EU002_428.destinations.includes(to) && codes.every(inAnnexIIb);
}
