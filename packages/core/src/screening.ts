import { notACountryMessage } from './codes.js';
import { nextDay, todayUtc } from './dates.js';
import { shownValue, ValidationError, type FieldError } from './errors.js';
import { BRAND_SCORE, brandMatcher, brandPattern, foldCase, foldedBrandMatcher, type ListBrand, type ListEntry, type PartyList } from './lists.js';
import { ScreeningRequestSchema } from './schema-knowledge.js';
import { DEFAULT_MIN_SCORE, NameIndex, type NameMatch } from './name-index.js';
import { normalizeName, type NormalizedName } from './names.js';
import { Memo, type MemoStatistics } from './memo.js';
import { echoedId } from './request.js';
import type { IsoDate, LicensePolicy, ListedParty, Source, Verdict, Warning } from './types.js';

/** How a screened name matched a listed party in an assessment. */
export interface PartyMatch {
  party: ListedParty;
  /** The listed name or alias that matched. */
  matchedName: string;
  method: NameMatch<ListedParty>['method'];
  score: number;
  explanation: string;
  /**
   * Set when the party's listing was due to end (`removed`) after the copy was taken (`copyAsOf`) and the date
   * is after that end: the copy cannot say whether it was renewed, so the party is still reported as listed.
   */
  expiryUnverified?: { removed: IsoDate; asOf: IsoDate };
}

/**
 * True when a name holds a listed name whole but is the name of a company of its own: it has more words before its
 * legal form than the listed name has ("Lockheed Martin UK Limited" for Lockheed Martin Corporation, "Mitsubishi Materials
 * Trading Corporation" for Mitsubishi Materials Corporation), where a branch or division follows the listed legal name
 * ("Huawei Technologies Co., Ltd. Shenzhen Branch"). A listing names a legal person; another company, even one it owns,
 * is a question, not a hit (enduse review U112, U114).
 */
export function namesAnotherCompany(match: Pick<PartyMatch, 'method' | 'matchedName'>, query: NormalizedName): boolean {
  return match.method === 'contains' && query.beforeLegalForm > normalizeName(match.matchedName).tokens.length;
}

/**
 * Whether a listing that ends on `removed`, in a copy of its list dated `asOf`, is still to be reported on `date`:
 * yes while it runs, and also after an end that falls after the copy's date, which the copy cannot confirm
 * (temporary denial orders are routinely renewed). An end on or before `asOf` is a delisting the copy records.
 */
export function listedOrUnverified(date: IsoDate, removed: IsoDate | undefined, asOf: IsoDate | undefined): 'listed' | 'expiry_unverified' | 'removed' {
  if (removed === undefined || date <= removed) return 'listed';
  return asOf !== undefined && removed > asOf ? 'expiry_unverified' : 'removed';
}

/** The `listing_expiry_unverified` warning's words for a party whose listing was due to end after the copy's date. */
export function listingExpiryMessage(name: string, listTitle: string, removed: IsoDate, asOf: IsoDate): string {
  return `${name}'s listing on the ${listTitle} was due to expire on ${removed}, after this copy of the list (dated ${asOf}) was taken. `
    + `Listings with an end date (temporary denial orders in particular) are often renewed, and a renewal published after ${asOf} is not in this copy: the party is treated as still listed. `
    + 'Check the current list (or run `chokepoint data update`) before relying on this answer.';
}

/**
 * Screens names against a plugin's listed parties on a date (see {@link NameIndex} for how names
 * compare: case, punctuation, legal forms, word order, spelling, Chinese and Cyrillic script).
 */
export class PartyScreener {
  private readonly parties: readonly ListedParty[];
  private built?: NameIndex<ListedParty>;
  /**
   * A name's matches whatever the date (the listing dates are applied after): the names a host screens
   * recur (its counterparties), and a search costs far more than the lookup.
   */
  private readonly recent: Memo<NameMatch<ListedParty>[]>;
  /** A name's {@link beginnings} whatever the date, kept as its matches are. */
  private readonly starts: Memo<NameMatch<ListedParty>[]>;

  /** The index is built when the first name is screened: a host that never screens one (a batch without names) never pays for it. */
  constructor(parties: readonly ListedParty[], label = 'party screening') {
    this.parties = parties;
    this.recent = new Memo(label, SCREENING_MEMO);
    this.starts = new Memo(`${label}, listed names beginning with the name`, SCREENING_MEMO);
  }

  /** True when the plugin lists no party (nothing to screen against). */
  get empty(): boolean {
    return this.parties.length === 0;
  }

  private get index(): NameIndex<ListedParty> {
    return (this.built ??= new NameIndex(this.parties.map((party) => ({ value: party, name: party.name, ...(party.aliases ? { aliases: party.aliases } : {}), ...(party.country ? { country: party.country } : {}), list: party.list }))));
  }

  /**
   * Parties listed on `date` whose names match `name` (text, or normalised once with `normalizeName`), best first, one per party.
   * `options.prepared` gives the text's normalised form when the caller has it (or can make it once for several screeners).
   */
  screen(name: string | NormalizedName, date: IsoDate, options: { minScore?: number; prepared?: () => NormalizedName } = {}): PartyMatch[] {
    const accept = (p: ListedParty) => listedOn(p, date);
    // A text at the default threshold is looked up in the memo; the date filter is applied to the kept matches
    // (a search keeps each party's best name, and whether a party is listed on a date depends on the party alone).
    const found = typeof name === 'string' && options.minScore === undefined
      ? this.matchesOf(name, options.prepared).filter((m) => accept(m.value))
      : this.index.search(name, { accept, ...(options.minScore !== undefined ? { minScore: options.minScore } : {}) });
    return found.map((m) => partyMatch(m, date));
  }

  /**
   * Parties listed on `date` under a name that begins with every word of `name` and goes on ({@link NameIndex.beginningWith}:
   * "Raytheon" for "Raytheon Missiles & Defense"), best first: not matches, but names the text may stand for.
   */
  beginnings(name: string, date: IsoDate, prepared?: () => NormalizedName): readonly PartyMatch[] {
    const found = this.starts.get(name, () => {
      const starts = this.index.beginningWith(prepared?.() ?? name);
      return starts.length ? starts : NO_MATCHES;
    });
    // Most names begin no listed name: one shared empty answer, nothing built.
    return found === NO_MATCHES ? NO_PARTY_MATCHES : found.filter((m) => listedOn(m.value, date)).map((m) => partyMatch(m, date));
  }

  /**
   * The days on which the listing of a party matching `name` (at the default threshold, as assessments screen it)
   * begins, ends, is suspended or applies again: the days on which an answer that screens the name may change.
   */
  listingDays(name: string): IsoDate[] {
    const days: IsoDate[] = [];
    for (const m of this.matchesOf(name)) {
      const party = m.value;
      days.push(party.added);
      if (party.removed) days.push(nextDay(party.removed));
      for (const s of party.suspensions ?? []) {
        days.push(s.from);
        if (s.to !== null) days.push(nextDay(s.to));
      }
    }
    return days;
  }

  /** Every party matching a text at the default threshold, whatever the date, from the memo (`prepared` gives its normalised form). */
  private matchesOf(name: string, prepared?: () => NormalizedName): NameMatch<ListedParty>[] {
    return this.recent.get(name, () => this.searchAll(prepared?.() ?? name));
  }

  /** Every party matching a name at the default threshold, whatever the date (one shared empty list for no match). */
  private searchAll(name: string | NormalizedName): NameMatch<ListedParty>[] {
    const found = this.index.search(name);
    return found.length ? found : NO_MATCHES;
  }

  /** Hits and misses of the memo of names screened. */
  statistics(): MemoStatistics {
    return this.recent.statistics();
  }
}

/** Names whose matches a screener keeps: a host's counterparties, many times over (most match nothing: one shared empty list each). */
const SCREENING_MEMO = 16_384;

const NO_MATCHES: NameMatch<ListedParty>[] = [];
const NO_PARTY_MATCHES: readonly PartyMatch[] = Object.freeze([]);

/** True when the party's listing applies on `date`: added, not ended (or ended after its copy, unconfirmed), not suspended. */
function listedOn(p: ListedParty, date: IsoDate): boolean {
  return date >= p.added && listedOrUnverified(date, p.removed, p.copyAsOf) !== 'removed' && !(p.suspensions ?? []).some((x) => date >= x.from && (x.to === null || date <= x.to));
}

/** A search's match as an assessment's {@link PartyMatch} on `date`. */
function partyMatch(m: NameMatch<ListedParty>, date: IsoDate): PartyMatch {
  return {
    party: m.value, matchedName: m.matchedName, method: m.method, score: m.score, explanation: m.explanation,
    ...(listedOrUnverified(date, m.value.removed, m.value.copyAsOf) === 'expiry_unverified' ? { expiryUnverified: { removed: m.value.removed!, asOf: m.value.copyAsOf! } } : {}),
  };
}

/** Lists file Hong Kong and Macau parties under China (the Entity List has since 2020): one place when comparing countries. */
const CHINA_LISTING = new Set(['CN', 'HK', 'MO']);

/**
 * Whether a party the request places in `a` can be the one a list files under `b`. A listing names a party at its
 * location; assessments do not apply a listing to a name placed elsewhere, and say so.
 */
export function sameListingCountry(a: string, b: string): boolean {
  return a === b || (CHINA_LISTING.has(a) && CHINA_LISTING.has(b));
}

/** A screening request (CONTRACT §9). */
export interface ScreeningRequest {
  /** Echoed back as given: text stays text, a number stays a number. */
  id?: string | number;
  name: string;
  country?: string;
  address?: string;
  /** Only these lists; default every loaded list. */
  lists?: string[];
  minScore?: number;
}

/** One hit (CONTRACT §9). */
export interface ScreeningMatch {
  list: string;
  listName: string;
  jurisdiction: string;
  entry: ListEntry;
  matchedName: string;
  /** Only for a brand match (`ListBinding.brands`): the brand the screened name carries; `matchedName` is the brand too. */
  brand?: string;
  score: number;
  explanation: string;
  consequence: Verdict;
  licensePolicy?: LicensePolicy;
  source: Source;
  /**
   * `listing_expiry_unverified` when the entry's `removedOn` falls after the list's `asOf` and today is after it:
   * the copy cannot confirm the listing ended (orders are often renewed), so the hit is reported, unverified.
   */
  warnings?: Warning[];
  /** When the request gives an address and the entry has some: the entry address sharing most words with it, and those words. */
  address?: AddressComparison;
}

/** The entry's address that shares most words with the one a screening gives, the words shared and their share of the given ones. */
export interface AddressComparison {
  address: string;
  shared: string[];
  share: number;
}

/** Words too common in addresses to tell one from another. */
const ADDRESS_FILLER = new Set(['no', 'rm', 'room', 'flat', 'floor', 'fl', 'unit', 'block', 'blk', 'building', 'bldg', 'road', 'rd', 'street', 'st', 'avenue', 'ave', 'lane', 'the', 'of', 'and', 'district', 'province', 'city', 'area']);

/** An address's words: letters and digits, lower-case, accents dropped, each once; filler words and lone letters left out, numbers kept. */
function addressWords(text: string): string[] {
  const words = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return [...new Set(words.filter((w) => (w.length > 1 || /\d/.test(w)) && !ADDRESS_FILLER.has(w)))];
}

/**
 * How an address a screening gives compares with a listed entry's addresses: the one sharing most words, with those
 * words and their share of the given address's words (0 when none shares one). Undefined when the entry has no
 * address or the given one has no word to compare. Names decide matches and scores; this is evidence for the
 * reviewer, since the same name at an unrelated address may be another party, and a shared address is a strong sign.
 */
export function compareAddress(given: string, addresses: readonly string[] | undefined): AddressComparison | undefined {
  const words = addressWords(given);
  if (!addresses?.length || !words.length) return undefined;
  let best: AddressComparison | undefined;
  for (const address of addresses) {
    const theirs = new Set(addressWords(address));
    const shared = words.filter((w) => theirs.has(w));
    if (!best || shared.length > best.shared.length) best = { address, shared, share: Math.round((shared.length / words.length) * 100) / 100 };
  }
  return best;
}

/** The explanation's words on an address comparison. */
function addressNote(c: AddressComparison): string {
  return c.shared.length
    ? `; address shares ${c.shared.length} of its words (${c.shared.join(', ')}) with the entry's "${c.address}"`
    : '; address shares no word with the entry\'s addresses (it may be another party of that name)';
}

/** The answer to a screening request (CONTRACT §9). */
export interface ScreeningResponse {
  id?: string | number;
  query: ScreeningRequest;
  matches: ScreeningMatch[];
  /** The lists screened, each with what a hit on it means (the list's consequence, in words). */
  lists: { id: string; name: string; jurisdiction: string; entries: number; asOf: IsoDate; consequence: PartyList['consequence'] }[];
  /**
   * Only when nothing reaches the threshold: the best few names scoring {@link NEAR_MISS_SCORE} or more, or beginning with
   * the words given and going on ("Raytheon" for "Raytheon Missiles & Defense", scoring 0.5), for a reviewer (a brand
   * given alone that no list binding names scores 0.667 against a listed name of two words that begins with it). They are not matches.
   */
  nearMatches?: ScreeningMatch[];
  /**
   * What the lists screened rest on, when it limits the answer: `stale_list` when a list is older than the engine's
   * `listMaxAgeDays`, `sample_list` when the bundled copy of a list is not the publisher's whole list. Absent when there
   * is nothing to say. A party without a match on such a list is not cleared.
   */
  warnings?: Warning[];
}

/** The lowest score of a near match (see {@link ScreeningResponse.nearMatches}). */
export const NEAR_MISS_SCORE = 0.6;
/** How many near matches an answer gives at most. */
const NEAR_MATCHES = 5;

const COUNTRY = /^[A-Z]{2}$/;
/** The request's fields, from its one schema (schema-knowledge.ts). */
const SCREENING_FIELDS: ReadonlySet<string> = new Set(Object.keys(ScreeningRequestSchema.shape));

/**
 * Checks a screening request, naming each bad field. With `isCountry`, a `country` that is two
 * letters but no country (`UK` for `GB`) is refused too: as a filter it would silently hide every hit.
 */
export function normalizeScreeningRequest(raw: unknown, knownLists: ReadonlySet<string>, isCountry?: (code: string) => boolean): ScreeningRequest {
  const errors: FieldError[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ValidationError([{ path: '', message: 'expected a JSON object' }]);
  const r = raw as Record<string, unknown>;
  const out: ScreeningRequest = { name: '' };
  if (r.id !== undefined) {
    const id = echoedId(r.id);
    if (id !== undefined) out.id = id;
    else errors.push({ path: 'id', message: `expected a string or a number, got ${shownValue(r.id)}` });
  }
  if (r.name === undefined || (typeof r.name === 'string' && !r.name.trim())) errors.push({ path: 'name', message: 'required: the party name to screen' });
  else if (typeof r.name !== 'string') errors.push({ path: 'name', message: `expected the party name to screen as text, got ${shownValue(r.name)}` });
  else if (r.name.length > 500) errors.push({ path: 'name', message: 'expected at most 500 characters' });
  else out.name = r.name;
  if (r.country !== undefined) {
    const code = typeof r.country === 'string' ? r.country.toUpperCase() : '';
    if (!COUNTRY.test(code) || (isCountry && !isCountry(code))) errors.push({ path: 'country', message: notACountryMessage(r.country) });
    else out.country = code;
  }
  if (r.address !== undefined) {
    // Bounded like the name: each match compares it word by word.
    if (typeof r.address !== 'string') errors.push({ path: 'address', message: 'expected a string' });
    else if (r.address.length > 1000) errors.push({ path: 'address', message: 'expected at most 1,000 characters' });
    else out.address = r.address;
  }
  if (r.lists !== undefined) {
    if (!Array.isArray(r.lists) || r.lists.some((l) => typeof l !== 'string')) errors.push({ path: 'lists', message: 'expected an array of list IDs' });
    else {
      r.lists.forEach((l: string, i) => {
        if (!knownLists.has(l)) errors.push({ path: `lists[${i}]`, message: `unknown list "${l}"; loaded: ${[...knownLists].join(', ')}` });
      });
      out.lists = r.lists as string[];
    }
  }
  if (r.minScore !== undefined) {
    if (typeof r.minScore === 'number' && r.minScore >= 0 && r.minScore <= 1) out.minScore = r.minScore;
    else errors.push({ path: 'minScore', message: `expected a number from 0 to 1, got ${JSON.stringify(r.minScore)}` });
  }
  for (const key of Object.keys(r)) if (!SCREENING_FIELDS.has(key)) errors.push({ path: key, message: `unknown field; expected one of ${[...SCREENING_FIELDS].join(', ')}` });
  if (errors.length) throw new ValidationError(errors);
  return out;
}

interface ListedEntry {
  list: PartyList;
  entry: ListEntry;
}

/**
 * One brand of a list ({@link ListBrand}) with its test, the entries it stands for (`named`) and the other entries of
 * the list whose names carry it too (`carriers`, the group's other listed parties as the list names them).
 */
interface BrandRule {
  brand: string;
  /** Tests a name passed through `foldCase`. */
  carries: (folded: string) => boolean;
  named: ListedEntry[];
  carriers: ListedEntry[];
}

/** Screens names against whole lists (CONTRACT §9): one index over every entry of every list. */
export class ListScreener {
  private readonly index: NameIndex<ListedEntry>;
  private readonly lists: readonly PartyList[];
  private readonly ids: ReadonlySet<string>;
  private readonly isCountry: ((code: string) => boolean) | undefined;
  private readonly brands: readonly BrandRule[];
  /**
   * One test for every brand, so that a name that carries none (most screenings) costs one regular expression rather
   * than one per brand: the brands' text, not yet their word boundaries, which each rule's own test checks.
   */
  private readonly brandGate: RegExp | undefined;

  /**
   * `isCountry` (the taxonomy's) lets {@link screen} refuse a `country` that names no country. `brands` are the list
   * bindings' (`ListBinding.brands`), each with the list it belongs to; a brand whose entries are not in that
   * list (an imported copy that spells them otherwise) matches nothing.
   */
  constructor(lists: readonly PartyList[], isCountry?: (code: string) => boolean, brands: readonly (ListBrand & { list: string })[] = []) {
    this.lists = lists;
    this.isCountry = isCountry;
    this.ids = new Set(lists.map((l) => l.id));
    const values = lists.flatMap((list) => list.entries.map((entry): ListedEntry => ({ list, entry })));
    this.index = new NameIndex(values.map((value) => ({
      value, name: value.entry.name, ...(value.entry.aliases ? { aliases: value.entry.aliases } : {}), ...(value.entry.country ? { country: value.entry.country } : {}),
      ...(/^individual$/i.test(value.entry.type ?? '') ? { person: true } : {}),
    })));
    this.brands = brandRules(values, brands);
    this.brandGate = this.brands.length ? new RegExp([...new Set(this.brands.map((r) => brandPattern(r.brand)))].join('|'), 'u') : undefined;
  }

  /** The lists screened, with their sizes and dates. */
  summary(): ScreeningResponse['lists'] {
    return this.lists.map((l) => ({ id: l.id, name: l.name, jurisdiction: l.jurisdiction, entries: l.entries.length, asOf: l.asOf, consequence: l.consequence }));
  }

  /** Screens one request; throws {@link ValidationError} naming each bad field. */
  screen(raw: unknown): ScreeningResponse {
    const query = normalizeScreeningRequest(raw, this.ids, this.isCountry);
    const only = query.lists ? new Set(query.lists) : undefined;
    const today = todayUtc();
    // Entries whose listing ended are history, not hits; suspended ones still show, with their periods. An end
    // after the copy's date is a forecast the copy cannot confirm: such an entry still shows, with a warning.
    const accept = (v: ListedEntry) => (!only || only.has(v.list.id)) && listedOrUnverified(today, v.entry.removedOn, v.list.asOf) !== 'removed';
    const search = (minScore: number) => this.index.search(query.name, { minScore, ...(query.country ? { country: query.country } : {}), accept });
    const minScore = query.minScore ?? DEFAULT_MIN_SCORE;
    const hits = this.brandGate && minScore <= BRAND_SCORE ? withBrandHits(search(minScore), this.brands, this.brandGate, query, accept) : search(minScore);
    const matches = hits.map((hit) => screeningMatch(hit, today, query.address));
    // A second, looser search only when the first found nothing: most screenings of a listed name stop at the first.
    const near = !matches.length && minScore > NEAR_MISS_SCORE ? nearHits(search(NEAR_MISS_SCORE), this.index.beginningWith(query.name, { ...(query.country ? { country: query.country } : {}), accept })).map((hit) => screeningMatch(hit, today, query.address)) : [];
    const lists = only ? this.summary().filter((l) => only.has(l.id)) : this.summary();
    return { ...(query.id !== undefined ? { id: query.id } : {}), query, matches, lists, ...(near.length ? { nearMatches: near } : {}) };
  }
}

/**
 * The near matches of a name nothing matched: names scoring {@link NEAR_MISS_SCORE} or more, and names that begin with
 * the name's words (which score less when they have many more words), one per entry, best first, at most {@link NEAR_MATCHES}.
 */
function nearHits(near: NameMatch<ListedEntry>[], beginning: NameMatch<ListedEntry>[]): NameMatch<ListedEntry>[] {
  const seen = new Set(near.map((m) => m.value));
  const all = [...near, ...beginning.filter((m) => !seen.has(m.value))];
  return all.sort((a, b) => b.score - a.score).slice(0, NEAR_MATCHES);
}

/** The brand rules of {@link ListScreener}: each brand with the entries it names (by name or alias) and the other entries of its list that carry it. */
function brandRules(values: readonly ListedEntry[], brands: readonly (ListBrand & { list: string })[]): BrandRule[] {
  const names = (v: ListedEntry) => [v.entry.name, ...(v.entry.aliases ?? [])];
  return brands.flatMap((b) => {
    const inList = values.filter((v) => v.list.id === b.list);
    const named = inList.filter((v) => names(v).some((n) => b.names.includes(n)));
    if (!named.length) return [];
    return b.brands.map((brand) => {
      const carries = brandMatcher(brand);
      return { brand, carries: foldedBrandMatcher(brand), named, carriers: inList.filter((v) => !named.includes(v) && names(v).some(carries)) };
    });
  });
}

/**
 * Brand matches (`ListBinding.brands`) for a screened name that no listed name matches at {@link BRAND_SCORE} or more:
 * each entry a brand the name carries stands for, then the list's other entries whose names carry it, all at
 * BRAND_SCORE, before the name-index hits (which all scored lower). A name that matches a listed name well is that party, and
 * gets no brand matches. They follow the request's country and lists like the others.
 */
function withBrandHits(hits: NameMatch<ListedEntry>[], rules: readonly BrandRule[], gate: RegExp, query: ScreeningRequest, accept: (v: ListedEntry) => boolean): NameMatch<ListedEntry>[] {
  if (hits.some((h) => h.score >= BRAND_SCORE)) return hits;
  const folded = foldCase(query.name);
  if (!gate.test(folded)) return hits;
  const seen = new Set(hits.map((h) => h.value));
  const brandHits: NameMatch<ListedEntry>[] = [];
  const add = (value: ListedEntry, brand: string, explanation: string) => {
    if (seen.has(value) || (query.country && value.entry.country && value.entry.country !== query.country) || !accept(value)) return;
    seen.add(value);
    brandHits.push({ value, matchedName: brand, alias: true, score: BRAND_SCORE, method: 'brand', explanation });
  };
  for (const rule of rules) {
    if (!rule.carries(folded)) continue;
    const owner = rule.named[0]!.entry.name;
    for (const v of rule.named) add(v, rule.brand, `the name carries "${rule.brand}", a brand of the listed ${v.entry.name}: it may be that party or another party of its group; screen the full legal name`);
    for (const v of rule.carriers) add(v, rule.brand, `the name carries "${rule.brand}", a brand of the listed ${owner}, and so does this listed name: it may be this party or another party of the group; screen the full legal name`);
  }
  // Every name-index hit scored below BRAND_SCORE here: best first puts the brand matches before them.
  return brandHits.length ? [...brandHits, ...hits] : hits;
}

/**
 * A name-index hit as the answer gives it: the list's consequence for the entry, its source, an unverified expiry, and
 * how the address the request gives compares with the entry's.
 */
function screeningMatch({ value: { list, entry }, matchedName, score, explanation, method }: NameMatch<ListedEntry>, today: IsoDate, givenAddress: string | undefined): ScreeningMatch {
  const consequence = entry.requirement ?? list.consequence.requirement;
  const licensePolicy = consequence === 'license_required' ? (entry.licensePolicy ?? list.consequence.licensePolicy) : undefined;
  const address = givenAddress === undefined ? undefined : compareAddress(givenAddress, entry.addresses);
  return {
    list: list.id, listName: list.name, jurisdiction: list.jurisdiction, entry, matchedName, ...(method === 'brand' ? { brand: matchedName } : {}), score,
    explanation: address ? explanation + addressNote(address) : explanation, consequence,
    ...(licensePolicy ? { licensePolicy } : {}), source: list.source,
    ...(listedOrUnverified(today, entry.removedOn, list.asOf) === 'expiry_unverified'
      ? { warnings: [{ code: 'listing_expiry_unverified', message: listingExpiryMessage(entry.name, list.name, entry.removedOn!, list.asOf) }] }
      : {}),
    ...(address ? { address } : {}),
  };
}
