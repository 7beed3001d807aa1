/**
 * The public domain model of chokepoint. Every type here is part of the API and follows
 * the JSON shapes of the public contract (CONTRACT.md §2, §3, §8).
 *
 * @packageDocumentation
 */

/** An ISO 8601 calendar date, `YYYY-MM-DD`. Dates are compared as strings. */
export type IsoDate = string;

/** An ISO 3166-1 alpha-2 country or territory code, upper case (`"CN"`, `"US"`). */
export type CountryCode = string;

/**
 * The answer for one regime or overall, most restrictive first:
 * `prohibited` › `license_required` › `needs_information` › `authorization_available`
 * › `no_license_required` › `not_controlled`.
 */
export type Verdict =
  | 'prohibited'
  | 'license_required'
  | 'needs_information'
  | 'authorization_available'
  | 'no_license_required'
  | 'not_controlled';

/** How a licence application is reviewed; only meaningful with `license_required`. */
export type LicensePolicy = 'case_by_case' | 'presumption_of_denial' | 'presumption_of_approval';

/** A measure's legal status on a given date. */
export type MeasureStatus = 'not_yet_in_force' | 'in_force' | 'suspended' | 'repealed';

/**
 * What moves: physical goods, technology (know-how, technical data, services and the people who
 * carry it) or software.
 */
export type TransferType = 'goods' | 'technology' | 'software';

/** The declared end use of a transfer. `unknown` is the default. */
export type EndUse = 'civil' | 'military' | 'military-intelligence' | 'wmd' | 'unknown';

/** The kind of organisation or person receiving the item. */
export type EndUserType = 'government' | 'military' | 'commercial' | 'research' | 'individual';

/** How sure the data is of a fact: several sources or the official text (`high`), one good source (`medium`), weak or inferred (`low`). */
export type Confidence = 'high' | 'medium' | 'low';

/** Where a legal fact comes from. */
export interface Source {
  /** Link to the document or page. */
  url: string;
  /** Who published it (authority, law firm, news outlet). */
  publisher: string;
  /** Publication date of the source, or the date it was read when no publication date exists. */
  date: IsoDate;
  /** Which of the two `date` is, where the data says. */
  dateType?: 'published' | 'accessed';
  /** Title of the document, when useful. */
  title?: string;
}

/** One part of an item's value, for content-based rules (US de minimis, China's rare-earth rules). */
export interface ContentShare {
  /** What the item incorporates. */
  item: ItemRef;
  /** Where that content was produced. */
  origin: CountryCode;
  /**
   * Share of the item's value, 0–1. A request may leave it out for a technology or software part (the item is its
   * direct product; a taxonomy technology ID, or a list code of product group D or E such as `1E001`), which is read as
   * 0. Left out for goods, it is `undefined`: the part is in the item but its share is not known, and a rule that turns
   * on the share asks for it rather than guess.
   */
  valueShare: number | undefined;
}

/** What moves. At least one identifier is required; several make matching more precise (CONTRACT §2). */
export interface ItemRef {
  /** Taxonomy ID (`"gallium/metal"`). */
  id?: string;
  /** HS code, 4 to 10 digits; dots and spaces are ignored. */
  hs?: string;
  /** China customs commodity code, 8 or 10 digits. */
  cnCode?: string;
  /** Code in China's dual-use export control list (`"1C902.a"`). */
  cnControlCode?: string;
  /** US ECCN as classified by the exporter (`"1C226"`, `"EAR99"`). */
  eccn?: string;
  /** EU Annex I entry as classified by the exporter (`"3C005.a"`). */
  euCode?: string;
  /**
   * Control codes of regimes the fields above do not name, keyed by jurisdiction (`{ "JP": "2(24)" }`);
   * each plugin documents its format (manifest `controlCode`).
   */
  codes?: Record<string, string>;
  /** CAS registry number (`"7440-55-3"`). */
  cas?: string;
  /** Free text, English or Chinese. */
  name?: string;
  /** Technical parameters in the units their names say (CONTRACT §6). */
  parameters?: Record<string, number>;
  /** Where the item was produced; defaults to the request's `from`. */
  origin?: CountryCode;
  /** What the item incorporates, for content-based rules. */
  content?: ContentShare[];
  /** Value of the line in US dollars, for value-based licence exceptions. */
  valueUsd?: number;
}

/** Who receives the item. */
export interface EndUser {
  /** Legal or common name, screened against each regime's listed parties. */
  name?: string;
  /** Where the end user is located. */
  country?: CountryCode;
  /** Kind of end user. */
  type?: EndUserType;
  /**
   * Citizenships or permanent residencies of a natural person receiving technology — used for
   * deemed exports (a release inside a country to a foreign national).
   */
  nationalities?: CountryCode[];
  /** Who owns the end user, for ownership rules (the EAR affiliates rule); absent means unknown. */
  owners?: Owner[];
  /**
   * True when `owners` lists every owner. Where an ownership rule is in force and owners are absent or
   * incomplete, a regime asks (`needs_information`); it never assumes.
   */
  ownersComplete?: boolean;
}

/** One owner of an end user. */
export interface Owner {
  /** Legal or common name, screened like the end user's. */
  name: string;
  /** Where the owner is located or incorporated. */
  country?: CountryCode;
  /** Share held, 0–1 (50 % = 0.5). */
  share?: number;
}

/** Role of another party to a transfer (CONTRACT §2). */
export type PartyRole = 'purchaser' | 'intermediate_consignee' | 'ultimate_consignee' | 'freight_forwarder';

/** Another party to a transfer, screened like the end user. */
export interface Party {
  /** What the party does in the transfer. */
  role: PartyRole;
  /** Legal or common name. */
  name: string;
  /** Where the party is located. */
  country?: CountryCode;
}

/** One assessment request (CONTRACT §2). */
export interface AssessmentRequest {
  /** Optional caller ID (text or a number), echoed back as given. */
  id?: string | number;
  /** What moves. */
  item: ItemRef;
  /** Territory the item leaves. */
  from: CountryCode;
  /** Destination. */
  to: CountryCode;
  /** Date of the transfer; defaults to today (UTC). */
  date?: IsoDate;
  /** Kind of transfer; defaults to `goods`. */
  transfer?: TransferType;
  /** Declared end use; defaults to `unknown`. */
  endUse?: EndUse;
  /** Who receives it. */
  endUser?: EndUser;
  /** Other parties (purchaser, consignees, freight forwarder), screened like the end user. */
  parties?: Party[];
  /** Only these regimes; defaults to every installed plugin. */
  jurisdictions?: string[];
}

/** A request after validation, with every default filled in and codes normalised. */
export interface NormalizedRequest {
  /** The caller's ID as given: text, or a finite number (echoed as a number). */
  id?: string | number;
  item: ItemRef;
  from: CountryCode;
  to: CountryCode;
  date: IsoDate;
  transfer: TransferType;
  endUse: EndUse;
  endUser?: EndUser;
  parties?: Party[];
  jurisdictions?: string[];
}

/** A period during which a measure, or part of it, does not apply. Both ends are inclusive. */
export interface Suspension {
  /** First suspended day. */
  from: IsoDate;
  /** Last suspended day (inclusive), or `null` when open-ended. */
  to: IsoDate | null;
  /** Reference of the act that suspended it (`"MOFCOM Announcement No. 70 of 2025"`). */
  by: string;
  /** ID of the suspending measure, when it is in the data. */
  byMeasure?: string;
  /** Which part is suspended, when not the whole measure (`"clause 2"`). */
  scope?: string;
}

/**
 * A warning that travels with a measure: a known disagreement between sources, or a gap in what is
 * known. It is attached to every finding of the measure for requests dated inside its window.
 */
export interface Caveat {
  /** Machine code, e.g. `sources_disagree` or `status_unverified`. */
  code: string;
  /** What the user should know, one or two sentences. */
  message: string;
  /** First date the caveat applies; default: always. */
  from?: IsoDate;
  /** Last date the caveat applies; default: open-ended. */
  to?: IsoDate;
}

/** One legal instrument with its dates and status timeline. */
export interface Measure {
  /** Stable ID, lower-case kebab (`"cn-mofcom-2023-23"`). */
  id: string;
  /** Code of the regime (`"CN"`, `"US"`, `"EU"` or a plugin's own). */
  jurisdiction: string;
  /** English title. */
  title: string;
  /** Title in the original language, when not English. */
  titleOriginal?: string;
  /** Citation as the authority numbers it (`"MOFCOM/GAC Announcement No. 23 of 2023"`). */
  reference: string;
  /** Issuing authority or authorities. */
  authority: string;
  /** Publication date. */
  published: IsoDate;
  /** When it applies: `from` inclusive; `to` is the last day in force before repeal, or `null`. */
  effective: { from: IsoDate; to: IsoDate | null };
  /** Periods when the whole measure was suspended. */
  suspensions?: Suspension[];
  /** Reference of the act that repealed or replaced it, with `effective.to`. */
  repealedBy?: string;
  /** What it does, in a few sentences of our own. */
  summary: string;
  /** Link to the official text, or the best public copy. */
  url: string;
  /** Sources for the facts above; at least one. */
  sources: Source[];
  /** How sure the data is. */
  confidence: Confidence;
  /** Known disagreements and gaps, shown as warnings with findings. */
  caveats?: Caveat[];
  /** IDs of related measures (the act it amends, suspends or replaces). */
  related?: string[];
}

/** One status interval of a measure: `[from, to]`, both inclusive; `to` null means open-ended. */
export interface StatusInterval {
  from: IsoDate | null;
  to: IsoDate | null;
  status: MeasureStatus;
}

/** A comparison of one technical parameter with a threshold. */
export interface ParameterCondition {
  /** Parameter name (CONTRACT §6), e.g. `purity`, `fraction.W`, `energyDensityWhPerKg`. */
  param: string;
  /** Comparison operator. */
  op: '>' | '>=' | '<' | '<=' | '==';
  /** Threshold in the parameter's unit. */
  value: number;
}

/** A tree of parameter conditions; a missing parameter makes the result unknown. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | ParameterCondition;

/** How a regime can reach a transfer. */
export type ReachBasis =
  | 'territory'
  | 'origin'
  | 'content'
  | 'direct_product'
  | 'person'
  | 'deemed';

/**
 * What a control entry covers. An item matches when any listed identifier matches it; `anyListed`
 * matches any item that another entry of the same plugin lists; `all` matches every item.
 */
export interface Coverage {
  /** Taxonomy IDs; an entry covering a node covers its descendants. */
  ids?: string[];
  /** HS or national tariff codes (4–10 digits); a code covers longer codes it prefixes. */
  hs?: string[];
  /** Control codes in the plugin's own scheme (its manifest's `controlCodeField` or `controlCode`). */
  controlCodes?: string[];
  /** CAS registry numbers. */
  cas?: string[];
  /** Every item the plugin lists elsewhere (for rules on "all dual-use items"). */
  anyListed?: boolean;
  /** Every item whatsoever (catch-all rules). */
  all?: boolean;
  /**
   * With `all`: not an item that an item entry of the same plugin lists, in force on the date and with its
   * conditions met (a catch-all that excludes the listed goods, such as Japan's row 16). An item whose
   * listing turns on a parameter the request lacks is still asked about.
   */
  exceptListed?: boolean;
}

/** Destinations a rule applies to: countries or `group:<ID>` references, resolved on the request date. */
export interface DestinationScope {
  include?: string[];
  exclude?: string[];
}

/** A content-based rule: the item is caught when content of `origin` matching `covers` reaches `minShare` of its value. */
export interface ContentRule {
  origin: CountryCode;
  covers: Coverage;
  /** Share of value, 0–1, at or above which the rule applies (0.001 = 0.1 %). */
  minShare: number;
  /** Question shown when the request gives no content. */
  prompt?: string;
}

/** One line of a control list or one rule of a measure. */
export interface ControlEntry {
  /** Stable ID, unique within the plugin. */
  id: string;
  /** ID of the measure it belongs to. */
  measure: string;
  /** The list code as the regime writes it (`"1C902.a"`, `"3C005"`, `"252604X"`). */
  code?: string;
  /** What it covers, in our own words. */
  title: string;
  /** Title in the regime's language, when useful for search. */
  titleOriginal?: string;
  /** What items it covers. */
  covers: Coverage;
  /** Kinds of transfer it applies to; default `["goods"]`. */
  transfers?: TransferType[];
  /** Destinations it applies to; default all. */
  destinations?: DestinationScope;
  /** Applies only when the request's end use is one of these. */
  endUses?: EndUse[];
  /** Applies only when the end user is of one of these types. */
  endUserTypes?: EndUserType[];
  /**
   * The rule turns on what the exporter knows of the end use (a catch-all such as China's Export Control Law art. 12(3)
   * or the EU's Art. 4): it applies when the request states one of `endUses`, and an unknown end use is not asked about.
   */
  knowledgeBased?: boolean;
  /**
   * Known gaps or disagreements about this entry alone (not its whole measure), shown as warnings wherever its
   * measure's caveats are: with its findings and its questions, for requests dated inside each caveat's window.
   */
  caveats?: Caveat[];
  /** Parameter thresholds; the entry applies only when they hold. */
  conditions?: Condition;
  /** Human prompts for the parameters in `conditions`, by parameter name. */
  prompts?: Record<string, string>;
  /** What it requires. */
  requirement: Verdict;
  /** Review policy, with `license_required`. */
  licensePolicy?: LicensePolicy;
  /** One sentence a compliance officer can act on. */
  reason: string;
  /** Reach bases under which it applies; default `["territory"]`. */
  reach?: ReachBasis[];
  /** Content test for `content` reach. */
  content?: ContentRule;
  /** Dates of this entry when they differ from its measure's (a part that starts later). */
  effective?: { from: IsoDate; to: IsoDate | null };
  /** Suspensions of this entry alone (a clause of a measure). */
  suspensions?: Suspension[];
  /**
   * The requirement comes from outside the regime's control list (China's ordinary export licence for
   * goods, a quota): the item still gets the finding, but it is not thereby "listed", so rules on every
   * listed item (`covers.anyListed`: end-use bans, parties on a control list) do not reach it.
   */
  outsideList?: boolean;
  /**
   * IDs of entries of the same plugin that take an item out of this one, as a list line "excluding those in
   * row 4" does: when one of them applies in force to the request (its conditions met), this entry gives no
   * finding. Where the other's conditions are not known, this entry still applies (the item needs what one of
   * them requires either way).
   */
  excludedBy?: string[];
  /** Sources for this entry when they add to the measure's. */
  sources?: Source[];
  /** How sure the data is of this entry. */
  confidence?: Confidence;
}

/** One case in which a listing applies: destinations and the item parameters it turns on. */
export interface ListingScope {
  /** Destinations of this case; default every destination. */
  destinations?: DestinationScope;
  /** Parameter thresholds of this case; a missing parameter is asked. */
  conditions?: Condition;
  /** Questions for the parameters of `conditions`, by parameter name. */
  prompts?: Record<string, string>;
}

/**
 * A fact about the transaction that settles what a listing requires where the list's own fields cannot: an Entity List
 * entry whose licence requirement covers only some items or uses, or the Unverified List's statement. The request
 * states it as an item parameter (1 = yes, 0 = no); while it is missing the finding is `needs_information` and the
 * answer asks it (CONTRACT §3: `needs_information` names the missing fact).
 */
export interface ListingFact {
  /** The item parameter that carries the answer (`"ear.entityListScopeMet"`). */
  parameter: string;
  /** The question, after "<party> is on the <list>[, for: "<the entry's licence requirement>"]." */
  prompt: string;
  /** What the listing requires when the answer is 1, and when it is 0; null: nothing for this transfer. */
  ifYes: Verdict | null;
  ifNo: Verdict | null;
  /** The finding's reason, after the listing's own, for each answer. */
  saysYes: string;
  saysNo: string;
}

/** A party on a regime's list (entity list, control list), screened against `endUser.name`. */
export interface ListedParty {
  /** Stable ID, unique within the plugin. */
  id: string;
  /** Name as listed. */
  name: string;
  /** Other names: former names, translations, abbreviations. */
  aliases?: string[];
  /** Where the party is located. */
  country?: CountryCode;
  /** ID of the list (`"cn-export-control-list"`). */
  list: string;
  /** Name of the list for display. */
  listTitle: string;
  /** ID of the measure that listed it. */
  measure: string;
  /** First day it is listed. */
  added: IsoDate;
  /** Last day it is listed, when removed. */
  removed?: IsoDate;
  /**
   * The date of the list copy the party was read from. A `removed` after it is the copy's forecast (an order
   * due to expire, often renewed), not a delisting the copy records: after that date the party still screens
   * as listed, with a `listing_expiry_unverified` warning. Default: the list's `asOf` or the plugin's `dataVerifiedThrough`.
   */
  copyAsOf?: IsoDate;
  /** Periods in which the listing does not apply (a suspended countermeasure). */
  suspensions?: Suspension[];
  /** What listing requires for transfers to it. */
  requirement: Verdict;
  /** Review policy, with `license_required`. */
  licensePolicy?: LicensePolicy;
  /** Designations the list gives the entry that other rules turn on (Entity List footnotes 1, 3, 4, 5). */
  footnotes?: number[];
  /** The list's own words on what the listing requires and its review policy, when the list states them for the entry. */
  licenseRequirementText?: string;
  licensePolicyText?: string;
  /** Federal Register (or gazette) citations of the listing. */
  notice?: string;
  /** Transfers it applies to; default all. */
  transfers?: TransferType[];
  /** Items it applies to; default every item the plugin lists (`anyListed`). */
  covers?: Coverage;
  /** The fact that settles a listing whose requirement is `needs_information` (see {@link ListingFact}). */
  fact?: ListingFact;
  /**
   * When the listing's consequence applies, where that depends on the destination or on item
   * parameters: it applies when any scope does (a scope whose parameters are missing asks for them).
   * Default: every destination, no parameters. Used for lists whose meaning differs by region and
   * goods, such as Japan's End User List under the catch-all.
   */
  scopes?: ListingScope[];
  /** Sources for the listing. */
  sources?: Source[];
  /** How sure the data is. */
  confidence?: Confidence;
}

/** A general authorisation or licence exception described as data (EU001, …). */
export interface AuthorizationRule {
  /** Its code (`"EU001"`). */
  id: string;
  /** Its name. */
  title: string;
  /** Measure it belongs to. */
  measure: string;
  /** Entries it can cover (by control code or taxonomy); an entry must be covered to use it. */
  covers: Coverage;
  /** Entries it never covers. */
  excludes?: Coverage;
  /** Destinations it is valid for. */
  destinations: DestinationScope;
  /** Transfers it is valid for; default all. */
  transfers?: TransferType[];
  /** It cannot be used when the end use is one of these. */
  notForEndUses?: EndUse[];
  /** Conditions of use, each one sentence. */
  conditions: string[];
  /** Link to its text. */
  url: string;
}

/** A licence exception or general authorisation that covers the transfer (CONTRACT §3). */
export interface Authorization {
  id: string;
  title: string;
  conditions: string[];
  url?: string;
}

/** A named set of countries, possibly changing over time (EU-27, Wassenaar, EAR Country Group D:5). */
export interface CountryGroup {
  /** ID used in `group:<ID>` references. */
  id: string;
  /** Display name. */
  name: string;
  /** Members with the dates they joined and left (inclusive); open ends are unbounded. */
  members: { country: CountryCode; from?: IsoDate; to?: IsoDate }[];
  /** Where the membership comes from. */
  sources?: Source[];
}

/** One rule that matched (CONTRACT §3). */
export interface Finding {
  measure: { id: string; title: string; reference: string; authority: string; url: string };
  entry?: { id: string; code?: string };
  requirement: Verdict;
  licensePolicy?: LicensePolicy;
  status: MeasureStatus;
  effective: { from: IsoDate; to: IsoDate | null };
  reason: string;
  matchedOn: string[];
  /** The listed party that matched, for screening findings. */
  party?: { id: string; name: string; list: string; listTitle: string };
  confidence?: Confidence;
}

/** A fact the request lacks that would decide a rule. */
export interface Question {
  /** Parameter or request field that is missing (`"purity"`, `"endUse"`, `"item"`). */
  parameter: string;
  /** The question to ask. */
  prompt: string;
  /** Possible answers, where they are a short list. */
  candidates?: string[];
  /** Regime that asks. */
  jurisdiction?: string;
}

/** A notice attached to an answer (`stale_data`, `status_unverified`, `sources_disagree`, …). */
export interface Warning {
  code: string;
  message: string;
  jurisdiction?: string;
  measure?: string;
  /** The request field the warning is about (`endUser.owners[0]` for a `listed_owner`). */
  path?: string;
  /** The listed party it names (`listed_owner`). */
  party?: { id: string; name: string; list: string; listTitle: string };
}

/** Evidence level of an informal measure. */
export type EvidenceLevel = 'alleged' | 'reported' | 'confirmed';

/** A non-binding signal: informal holds, customs delays, personnel recalls, guidance. Never changes a verdict. */
export interface Advisory {
  id: string;
  title: string;
  corridor: { from: CountryCode; to: CountryCode[] };
  measureType: string;
  evidence: EvidenceLevel;
  status: 'active' | 'eased' | 'resolved' | 'unknown';
  firstReported: IsoDate;
  lastUpdated?: IsoDate;
  /** Own-words account of what was reported. */
  summary?: string;
  /** Items, codes or value-chain stages it concerns; absent means any item on the corridor. */
  itemScope?: { ids?: string[]; hs?: string[]; transfers?: TransferType[] };
  /** What the authorities said. */
  officialPosition?: 'denied' | 'no_comment' | 'acknowledged' | 'unknown';
  /**
   * Measures of the plugin whose status it reports on (an announced extension of a suspension, a reported lapse).
   * The `status_unverified` warnings of those measures name it; it never changes their status.
   */
  measures?: string[];
  sources: Source[];
}

/** The plugin's identity in an answer. */
export interface PluginIdentity {
  name: string;
  version: string;
  dataVerifiedThrough: IsoDate;
}

/** One regime's answer (CONTRACT §3). */
export interface JurisdictionAssessment {
  jurisdiction: string;
  plugin: PluginIdentity;
  reaches: boolean;
  reach: string;
  verdict: Verdict;
  licensePolicy?: LicensePolicy;
  authorizations: Authorization[];
  findings: Finding[];
  /** This regime's open questions; the response gathers all of them in `questions`. */
  questions?: Question[];
}

/** The answer to one request (CONTRACT §3). */
export interface AssessmentResponse {
  /** The request's `id`, echoed as given: text stays text, a number stays a number. */
  id?: string | number;
  verdict: Verdict;
  date: IsoDate;
  item: { resolved: string[]; matchedBy: string; candidates?: string[]; hsHeading?: { code: string; description: string } };
  jurisdictions: JurisdictionAssessment[];
  questions: Question[];
  advisories: Advisory[];
  warnings: Warning[];
  /** What the answer rests on, one entry per installed plugin (CONTRACT §3, §10). */
  data: DataUsed[];
}

/** One plugin's data behind an answer: its version and vintage, the lists and amendments it used. */
export interface DataUsed {
  plugin: string;
  version: string;
  dataVerifiedThrough: IsoDate;
  lists: { id: string; asOf: IsoDate; entries: number; origin: 'imported' | 'bundled'; sample?: boolean }[];
  amendments: { id: string; sha256: string; file?: string }[];
}
