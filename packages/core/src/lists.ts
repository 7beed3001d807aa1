import { isIsoDate } from './dates.js';
import type { Confidence, Coverage, CountryCode, IsoDate, LicensePolicy, ListedParty, ListingFact, Source, Suspension, TransferType, Verdict } from './types.js';

/** One listed party as its publisher lists it (CONTRACT §9 `entry`). */
export interface ListEntry {
  /** Stable within the list; importers derive it from the publisher's own ID. */
  id: string;
  name: string;
  aliases?: string[];
  country?: CountryCode;
  addresses?: string[];
  /** First day listed (the publisher's start date or effective date). */
  listedOn?: IsoDate;
  /** Last day listed, when the publisher gives one (a denial order's end). */
  removedOn?: IsoDate;
  /** Periods in which the listing's measures are suspended (China's stopped or paused countermeasures). */
  suspensions?: Suspension[];
  programs?: string[];
  /** Entity, Individual, Vessel, Aircraft … as the publisher says. */
  type?: string;
  /** What a hit on this entry requires, where the entry says more than its list does. */
  requirement?: Verdict;
  /** Review policy for `license_required`, where the entry states one. */
  licensePolicy?: LicensePolicy;
  /** The publisher's own words on the licence requirement and policy. */
  licenseRequirementText?: string;
  licensePolicyText?: string;
  /** Federal Register (or gazette) citation of the listing. */
  notice?: string;
  /** Entity List footnote designations named by the entry (1, 3, 4, 5). */
  footnotes?: number[];
  remarks?: string;
  sourceUrl?: string;
}

/** A screening list: a publisher's list of parties, with what a hit means (CONTRACT §9 and §10). */
export interface PartyList {
  /** `us-entity-list`, `us-denied-persons`, `cn-unreliable-entity-list` … */
  id: string;
  name: string;
  /** Jurisdiction of the plugin that applies it. */
  jurisdiction: string;
  /** What a hit means, for entries that do not say more. */
  consequence: { requirement: Verdict; licensePolicy?: LicensePolicy; summary: string };
  source: Source;
  /** The publisher's date for this copy (or the day it was fetched when the publisher gives none). */
  asOf: IsoDate;
  /** How sure the copy is, for the parties made from it; default `high` (a publisher's own file). */
  confidence?: Confidence;
  entries: ListEntry[];
}

/**
 * A list a plugin applies in assessments: an imported copy with this ID replaces the plugin's bundled
 * parties of the same list, and its entries become findings of `measure`.
 */
export interface ListBinding {
  list: string;
  title: string;
  measure: string;
  consequence: PartyList['consequence'];
  source: Source;
  /** Items a hit covers; default every item the plugin lists. */
  covers?: Coverage;
  /**
   * What the listing means for a party the listed one owns, in this regime's words (the rule and how the
   * plugin applies it); shown when an owner in `endUser.owners` is on the list. Without it the answer says
   * the plugin models no such rule.
   */
  owned?: string;
  /**
   * Set when the plugin's bundled copy is not the whole list: what it holds ("13 parties of this domain").
   * Until a copy is imported, data status says so and every answer that screens a party warns `sample_list`.
   */
  sample?: string;
  /**
   * The date of the bundled copy (the edition the publisher dated), shown as the list's `asOf` in data
   * status and screening and used for `stale_list`; default the plugin's `dataVerifiedThrough`. Set it
   * when the bundled edition is older than the rest of the plugin's data.
   */
  asOf?: IsoDate;
  /**
   * The plugin's bundled copy of the whole list, when it ships one: its entries are screened as they are (with
   * its `asOf` and `source` in data status), and the plugin turns them into parties with {@link partiesFromList}
   * or `toParties`. An imported copy with the same ID replaces it like any bundled party.
   */
  bundled?: PartyList;
  transfers?: TransferType[];
  /**
   * The fact that settles an entry whose requirement is `needs_information` (the list's consequence, or the entry's
   * own): {@link partiesFromList} gives it to each such party, so a bundled or an imported copy asks the same.
   */
  unsettled?: ListingFact;
  /**
   * Short names that parties of the list trade under ("Huawei", "华为"), each with the entries it stands for. People
   * often screen a brand alone, which scores low against every full legal name of the group; standalone screening
   * (CONTRACT §9) reports a name that carries one as a match with those entries, at {@link BRAND_SCORE}, and says it
   * may be that party or another of its group. Assessments leave brands to the plugin's own rules (the EAR affiliates
   * rule reads them): a brand adds no finding by itself. An imported copy of the list keeps the brands of its binding.
   */
  brands?: ListBrand[];
  /**
   * The list's entries as the plugin's parties, where entries differ in what a hit means (by a
   * program or concern the entry names); default {@link partiesFromList} with this binding.
   */
  toParties?(list: PartyList): ListedParty[];
}

/** Brands ({@link ListBinding.brands}) and the entries of the list they stand for, by the entry's name or one of its aliases. */
export interface ListBrand {
  brands: string[];
  names: string[];
}

/** The score of a brand match ({@link ListBinding.brands}): above the default threshold, below a name that matches whole. */
export const BRAND_SCORE = 0.9;

/** A name as brands are looked for in it: compatibility forms folded (full-width letters), lower case. */
export const foldCase = (text: string): string => text.normalize('NFKC').toLowerCase();

/** A brand as regular-expression source, folded, its special characters escaped and any run of spaces matching any. */
export function brandPattern(brand: string): string {
  return foldCase(brand).trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/** {@link brandMatcher} on a name already passed through {@link foldCase} (a screening folds its query once for every brand). */
export function foldedBrandMatcher(brand: string): (folded: string) => boolean {
  const b = foldCase(brand).trim();
  if (!/[a-z]/.test(b)) return (folded) => folded.includes(b);
  const words = new RegExp(`(^|[^\\p{L}\\p{N}])${brandPattern(brand)}([^\\p{L}\\p{N}]|$)`, 'u');
  return (folded) => words.test(folded);
}

/**
 * A test of whether a name carries `brand`: as whole words when the brand is written in Latin letters ("Huawei" in
 * "Huawei Device Co." but not in "Huaweisoft"), as text in any other script, whose names run words together ("华为" in
 * "华为技术有限公司"). Case and character width aside.
 */
export function brandMatcher(brand: string): (name: string) => boolean {
  const test = foldedBrandMatcher(brand);
  return (name) => test(foldCase(name));
}

const SLUG = /[^a-z0-9]+/g;

/** A kebab-case party ID from a list entry's ID. */
export function partyIdFor(listId: string, entryId: string): string {
  return `${listId}-${entryId.toLowerCase().replace(SLUG, '-').replace(/^-+|-+$/g, '')}`;
}

/** The entries of a list as parties of the plugin that binds it. */
export function partiesFromList(list: PartyList, binding: ListBinding): ListedParty[] {
  return list.entries.map((e) => {
    const requirement = e.requirement ?? list.consequence.requirement;
    const licensePolicy = requirement === 'license_required' ? (e.licensePolicy ?? list.consequence.licensePolicy) : undefined;
    return {
      id: partyIdFor(list.id, e.id),
      name: e.name,
      ...(e.aliases?.length ? { aliases: e.aliases } : {}),
      ...(e.country ? { country: e.country } : {}),
      list: list.id,
      listTitle: list.name,
      measure: binding.measure,
      added: e.listedOn ?? '1900-01-01',
      ...(e.removedOn ? { removed: e.removedOn, copyAsOf: list.asOf } : {}),
      ...(e.suspensions?.length ? { suspensions: e.suspensions } : {}),
      requirement,
      ...(licensePolicy ? { licensePolicy } : {}),
      ...(binding.transfers ? { transfers: binding.transfers } : {}),
      ...(e.footnotes?.length ? { footnotes: e.footnotes } : {}),
      ...(e.licenseRequirementText ? { licenseRequirementText: e.licenseRequirementText } : {}),
      ...(e.licensePolicyText ? { licensePolicyText: e.licensePolicyText } : {}),
      ...(e.notice ? { notice: e.notice } : {}),
      covers: binding.covers ?? { anyListed: true },
      ...(requirement === 'needs_information' && binding.unsettled ? { fact: binding.unsettled } : {}),
      sources: [list.source],
      confidence: list.confidence ?? 'high',
    };
  });
}

const COUNTRY = /^[A-Z]{2}$/;
const VERDICTS = new Set<Verdict>(['prohibited', 'license_required', 'needs_information', 'authorization_available', 'no_license_required', 'not_controlled']);
const POLICIES = new Set<LicensePolicy>(['case_by_case', 'presumption_of_denial', 'presumption_of_approval']);

/** Problems with a list, each naming the entry and field ("entries[3] (el-123).name: required"). */
export function validatePartyList(list: PartyList): string[] {
  const problems: string[] = [];
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(list.id ?? '')) problems.push('id: expected lower-case kebab');
  if (!list.name?.trim()) problems.push('name: required');
  if (!list.jurisdiction?.trim()) problems.push('jurisdiction: required');
  if (!isIsoDate(list.asOf)) problems.push('asOf: expected YYYY-MM-DD');
  if (!list.source?.url || !list.source.publisher || !isIsoDate(list.source.date)) problems.push('source: expected { url, publisher, date }');
  if (!VERDICTS.has(list.consequence?.requirement)) problems.push('consequence.requirement: expected a verdict');
  const ids = new Set<string>();
  (list.entries ?? []).forEach((e, i) => {
    const where = `entries[${i}]${e.id ? ` (${e.id})` : ''}`;
    if (!e.id) problems.push(`${where}.id: required`);
    else if (ids.has(e.id)) problems.push(`${where}.id: duplicate`);
    ids.add(e.id);
    if (!e.name?.trim()) problems.push(`${where}.name: required`);
    if (e.country !== undefined && !COUNTRY.test(e.country)) problems.push(`${where}.country: expected ISO 3166-1 alpha-2, got ${JSON.stringify(e.country)}`);
    if (e.listedOn !== undefined && !isIsoDate(e.listedOn)) problems.push(`${where}.listedOn: expected YYYY-MM-DD`);
    if (e.removedOn !== undefined && !isIsoDate(e.removedOn)) problems.push(`${where}.removedOn: expected YYYY-MM-DD`);
    if (e.requirement !== undefined && !VERDICTS.has(e.requirement)) problems.push(`${where}.requirement: expected a verdict`);
    if (e.licensePolicy !== undefined && !POLICIES.has(e.licensePolicy)) problems.push(`${where}.licensePolicy: expected case_by_case, presumption_of_denial or presumption_of_approval`);
  });
  return problems;
}
