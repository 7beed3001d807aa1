import type { ListBinding } from './lists.js';
import type { PartyMatch } from './screening.js';
import type { ResolvedItem } from './resolve.js';
import type { Composition } from './composition.js';
import type { TaxonomyView } from './taxonomy.js';
import type {
  Advisory, Authorization, AuthorizationRule, Condition, ControlEntry, CountryGroup, Finding, IsoDate, ListedParty,
  Measure, MeasureStatus, NormalizedRequest, ItemRef, Question, ReachBasis, Verdict, Warning, LicensePolicy, CountryCode, Coverage,
} from './types.js';

/**
 * Which request field carries a plugin's own list codes: one of the named fields for the
 * Wassenaar-numbered lists, or `codes.<JURISDICTION>` (`item.codes.JP`) for any other scheme.
 */
export type ControlCodeField = 'cnControlCode' | 'eccn' | 'euCode' | `codes.${string}`;

/**
 * A plugin's own control-code scheme, so that a new regime needs no change in core: where the code
 * travels in a request and what a well-formed code looks like.
 */
export interface ControlCodeScheme {
  /** `codes.<JURISDICTION>`, the manifest's own jurisdiction (`"codes.JP"`). */
  field: `codes.${string}`;
  /**
   * Regular expression source a normalised code must match in full (`"^[0-9]{1,2}(\\([0-9]+\\))*[a-z]?$"`).
   * Requests are checked against it; sub-items start at `.` or `(` and nest under their row.
   */
  pattern: string;
  /** A valid code, quoted in error messages (`"2(24)"`). */
  example: string;
  /** What the codes are, for people (`"Export Trade Control Order, Appended Table 1 row(item)"`). */
  description: string;
}

/** Who a plugin is and what it supports (DESIGN "Plugins"). */
export interface PluginManifest {
  /** npm package name. */
  name: string;
  /** Package version (semver). */
  version: string;
  /** Regime code used in answers (`"CN"`, `"US"`, `"EU"`, or a plugin's own). */
  jurisdiction: string;
  /** Human name of the regime. */
  title: string;
  /**
   * Range of `@chokepoint/core` versions the plugin supports (a semver range, e.g. `">=0.1.0 <1"`); a core outside it
   * refuses the plugin. Under 0.x a caret range admits one minor only (`"^0.1.0"` is `>=0.1.0 <0.2.0`).
   */
  core: string;
  /** Last date through which the plugin's data was checked against its sources. */
  dataVerifiedThrough: IsoDate;
  /** Request field that carries the regime's own list codes, for the Wassenaar-numbered lists. */
  controlCodeField?: 'cnControlCode' | 'eccn' | 'euCode';
  /** A scheme of the plugin's own, carried in `item.codes.<jurisdiction>`; instead of `controlCodeField`. */
  controlCode?: ControlCodeScheme;
  /** Documentation home. */
  homepage?: string;
}

/** Whether and how a regime reaches a transfer. */
export interface ReachResult {
  /** The bases on which it reaches; empty when it does not. */
  bases: ReachBasis[];
  /** One sentence: "export from the territory of the PRC". */
  description: string;
  /**
   * A fact the reach turns on that the request leaves open: the regime reaches on `bases` only if its answer says so
   * (China reaches a sale inside China only when the recipient is foreign). When a rule would then require a licence or
   * prohibit, the regime answers `needs_information` with this question, never as if it had reached; when none would,
   * the question is not asked.
   */
  pending?: Question;
}

/** Share of an item's value from content matching a test, and whether the request said anything about content. */
export interface ContentShareResult {
  share: number;
  /**
   * False when the request gave no `content` at all, or left out the share of a part that counts: the share is then
   * unknown rather than zero, and `share` is the sum of the shares given.
   */
  known: boolean;
  /**
   * The most the share can be, when some parts may or may not count (a broader item, a part that may
   * hold a covered element, a part nothing identifies); absent when every part is decided. `share` is
   * then the least it can be.
   */
  upTo?: number;
}

/** What a plugin's `reach` function sees. */
export interface ReachContext {
  request: NormalizedRequest;
  item: ResolvedItem;
  taxonomy: TaxonomyView;
  /** Origin of the item: `item.origin`, or `from` when absent. */
  origin: CountryCode;
  /** Share of the item's value that comes from `origin` content matching `covers` (any item when omitted). */
  contentShare(origin: CountryCode | ((country: CountryCode) => boolean), covers?: Coverage): ContentShareResult;
  /** Membership of a country in a group (plugin groups first, then the taxonomy's) on the request date. */
  isMember(groupId: string, country: CountryCode): boolean;
  /**
   * The item's make-up as the request states it (`fraction.<Symbol>`, `content[]`), read by core's one rule on
   * elements the request does not mention (unknown unless the stated shares make up the whole item). Pass it to
   * `evaluateCondition` whenever a plugin reads a condition on the item itself, so that every regime reads a
   * composition alike (#12.3, #12.10). The engine always sets it; hosts that build a context by hand may omit it.
   */
  composition?: Composition;
  /**
   * Screens a name against the plugin's listed parties on the request's date, its own and those imported from lists
   * (an owner of the end user for ownership rules, a party whose list designation a rule turns on). Optional: hosts
   * that build a context by hand may omit it.
   */
  screen?(name: string): PartyMatch[];
}

/** Arguments for building a finding from a plugin hook. */
export interface FindingInput {
  /** Measure ID; its dates decide the finding's status. */
  measure: string;
  entry?: { id: string; code?: string };
  requirement: Verdict;
  licensePolicy?: LicensePolicy;
  reason: string;
  matchedOn: string[];
  /** Dates of the part of the measure that applies, when they differ from the measure's. */
  part?: Pick<ControlEntry, 'effective' | 'suspensions'>;
}

/** What a plugin's `evaluate` hook sees. */
export interface EvaluationContext extends ReachContext {
  reach: ReachResult;
  /** Findings from the plugin's data, every status included. */
  findings: readonly Finding[];
  /** Entries that matched the item, before destination and end-use tests. */
  matchedEntries: readonly ControlEntry[];
  /** Builds a finding whose status and effective dates follow the measure's (and part's) timeline. */
  finding(input: FindingInput): Finding;
  /** The plugin's measure by ID. */
  measure(id: string): Measure | undefined;
  /**
   * The status on the request's date of one of the plugin's measures (or of a part with dates of its own), by
   * the rule findings follow: a measure not in force changes nothing, asks nothing and is shown, not counted.
   */
  statusOf(measure: string, part?: FindingInput['part']): MeasureStatus;
}

/** What a plugin's `evaluate` hook may add. */
export interface EvaluationResult {
  findings?: Finding[];
  questions?: Question[];
  warnings?: Warning[];
  /** Licence exceptions or general authorisations that cover the whole transfer. */
  authorizations?: Authorization[];
  /**
   * Parameters of questions whose answer could take away every authorisation offered (a reason for control whose scope
   * the request leaves open and that would bar the licence exception): while one of them is asked, the regime answers
   * `needs_information`, which CONTRACT §3 ranks above `authorization_available`.
   */
  authorizationsOpen?: string[];
  /** Replaces the reach sentence (e.g. "re-export of a US-origin item"). */
  reach?: string;
  /** Treat the regime as reaching the transfer although no data entry applied (e.g. EAR99 items subject to the EAR). */
  reaches?: boolean;
  /** Verdict when nothing else applies but the item is subject to the regime (US: a CCL item whose reasons need no licence here, `no_license_required`; EAR99 `not_controlled`). */
  baseline?: Verdict;
  /**
   * Questions core asked that the plugin's own rules settle, by parameter: core drops them. `['transfer']`
   * when the rules relate the requested kind of transfer to the item themselves (e.g. technology for an item
   * the data lists only as goods), so asking whether another kind is meant would be noise.
   */
  settles?: string[];
}

/** A rule that changed the scope of a measure on a date: it came into force for the list codes it names. */
export interface ScopeChange {
  /** The day the change applied. */
  date: IsoDate;
  /** The measure whose scope changed (one of the plugin's measures). */
  measure: string;
  /** What changed, as a reader would name it ("ECCN 3A090"). */
  scope: string;
  /** The rule that made the change ("88 FR 73458"). */
  reference: string;
  /** Where the rule's official text is published (its Federal Register page, say). */
  url?: string;
  /** The list codes it changed; a code covers its sub-items. */
  codes: string[];
}

/**
 * What an item stated under a list code must meet, for the whole entry as far as the plugin's data holds it: its
 * parameter thresholds, less the notes that release items. Only read to warn when the parameters a request gives
 * contradict the code it states (`classification_contradicted`); it never matches or unmatches an item.
 */
export interface CodeThreshold {
  /** The list code as the request states it in the plugin's code field (`"1C226"`, `"3A001.e.1.b"`). */
  code: string;
  conditions: Condition;
}

/** A jurisdiction plugin: data plus small hooks for what data cannot say. */
export interface PluginDefinition {
  manifest: PluginManifest;
  measures: Measure[];
  entries: ControlEntry[];
  advisories?: Advisory[];
  parties?: ListedParty[];
  /** Screening lists the plugin applies; an imported copy of one replaces its bundled parties of that list. */
  lists?: ListBinding[];
  authorizations?: AuthorizationRule[];
  groups?: CountryGroup[];
  /**
   * Dated changes to what a measure lists that neither the measure nor an entry dates (a list code created or
   * rewritten by a later rule): `changes` reports them, and an exposure timeline shows each to the inputs whose
   * list codes it covers.
   */
  scopeChanges?: ScopeChange[];
  /**
   * Each list code's thresholds for the whole entry (several for one code: an item meeting any of them fits it). Without
   * them for a code, the engine reads the thresholds of the entries that list kinds of item under that code.
   */
  codeThresholds?: CodeThreshold[];
  /** Decides whether the regime governs the transfer at all. */
  reach(ctx: ReachContext): ReachResult;
  /**
   * Facts the regime's own data lets the plugin derive from the request, as parameters its conditions and
   * listing scopes read (whether a tariff code is in a list the regime publishes): they fill parameters the
   * request leaves out, so that nobody is asked what the request already says; a parameter the request gives
   * always wins. Called once per request, after `reach`, when the regime reaches the transfer.
   */
  facts?(ctx: ReachContext): Readonly<Record<string, number>> | undefined;
  /** Logic beyond the data: country charts, licence exceptions, de minimis. */
  evaluate?(ctx: EvaluationContext): EvaluationResult | undefined;
  /** Extra answers a host may expose (e.g. a plugin's own lookups); not used by the engine. */
  extras?: Record<string, unknown>;
}

/** The request field that carries a plugin's list codes, from `controlCode` or `controlCodeField`. */
export function controlCodeFieldOf(manifest: PluginManifest): ControlCodeField | undefined {
  return manifest.controlCode?.field ?? manifest.controlCodeField;
}

/** An item's code in `field` (`item.eccn`, or `item.codes.JP` for `codes.JP`). */
export function itemControlCode(item: ItemRef, field: ControlCodeField | undefined): string | undefined {
  if (field === undefined) return undefined;
  return field.startsWith('codes.') ? item.codes?.[field.slice(6)] : item[field as 'cnControlCode' | 'eccn' | 'euCode'];
}

/** Types a plugin definition; the types make a malformed plugin fail to compile. */
export function definePlugin<const T extends PluginDefinition>(definition: T): T {
  return definition;
}
