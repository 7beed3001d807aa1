import { controlCodeAncestry } from './codes.js';
import { combinedStatusOn, effectiveOf, nextDay, type DatedRule } from './dates.js';
import { controlCodeFieldOf, itemControlCode, type ControlCodeField, type PluginDefinition, type PluginManifest } from './plugin.js';
import type { ResolvedItem } from './resolve.js';
import { GroupMembership } from './membership.js';
import { PartyScreener } from './screening.js';
import { Memo, type MemoStatistics } from './memo.js';
import type { TaxonomyView } from './taxonomy.js';
import type {
  Advisory, Condition, ControlEntry, Coverage, CountryGroup, CountryCode, DestinationScope, Finding, IsoDate, ItemRef, JurisdictionAssessment, ListedParty, Measure,
  MeasureStatus, ReachBasis, TransferType,
} from './types.js';

/** An item no identifier resolved (a bare list code). */
const NO_RESOLUTION: ResolvedItem = Object.freeze({ nodes: [], lineage: new Set<string>(), matchedBy: [], conflicts: [] });

/** Reasons of not reaching whose assessment a plugin shares between answers; a plugin gives a handful. */
const MAX_SHARED_UNREACHED = 256;

/** How an entry matched: `exact` (the item is what the entry lists) or `broader` (the item may be it). */
export type MatchKind = 'exact' | 'broader';

/** A candidate entry and the identifiers that matched it. */
export interface Candidate {
  readonly entry: ControlEntry;
  /** What evaluation needs of the entry, prepared at registration. */
  readonly compiled: CompiledEntry;
  readonly kind: MatchKind;
  /** Why it matched; shared between requests, so a finding takes a copy. */
  readonly matchedOn: readonly string[];
}

/**
 * A status history as an array: the days on which the status may change, sorted, and the status
 * from each of them on. Built once from a measure (and an entry's own dates); a lookup compares
 * dates and allocates nothing.
 */
export class Timeline {
  private readonly starts: IsoDate[] = [];
  private readonly statuses: MeasureStatus[] = [];

  constructor(measure: DatedRule, part?: Partial<DatedRule>) {
    const days = new Set<IsoDate>();
    for (const rule of part ? [measure, part] : [measure]) {
      if (rule.effective) {
        days.add(rule.effective.from);
        if (rule.effective.to !== null) days.add(nextDay(rule.effective.to));
      }
      for (const s of rule.suspensions ?? []) {
        days.add(s.from);
        if (s.to !== null) days.add(nextDay(s.to));
      }
    }
    // The status is constant between two change days, so its value on each change day is its value until the next.
    for (const day of [...days].sort()) {
      this.starts.push(day);
      this.statuses.push(combinedStatusOn(measure, part, day));
    }
  }

  /** The status on `date`; the same as `combinedStatusOn` for the rules it was built from. */
  statusOn(date: IsoDate): MeasureStatus {
    let i = this.starts.length - 1;
    while (i >= 0 && this.starts[i]! > date) i--;
    return i < 0 ? 'not_yet_in_force' : this.statuses[i]!;
  }
}

/** True when `country` is one of the part's countries or a member of one of its groups. */
function scopeHit(part: { countries: ReadonlySet<string>; groups: readonly string[] }, country: CountryCode, isMember: (group: string, country: CountryCode) => boolean): boolean {
  if (part.countries.has(country)) return true;
  for (const g of part.groups) if (isMember(g, country)) return true;
  return false;
}

/** A destination scope with its country codes in sets and its groups in arrays. */
export class CompiledScope {
  private readonly include?: { countries: ReadonlySet<string>; groups: readonly string[] };
  private readonly exclude?: { countries: ReadonlySet<string>; groups: readonly string[] };

  constructor(scope: DestinationScope) {
    const split = (refs: string[]) => ({
      countries: new Set(refs.filter((r) => !r.startsWith('group:'))),
      groups: refs.filter((r) => r.startsWith('group:')).map((r) => r.slice(6)),
    });
    if (scope.include) this.include = split(scope.include);
    if (scope.exclude) this.exclude = split(scope.exclude);
  }

  /** True when `country` is in scope; `isMember` answers group membership on the request's date. */
  covers(country: CountryCode, isMember: (group: string, country: CountryCode) => boolean): boolean {
    if (this.include && !scopeHit(this.include, country, isMember)) return false;
    return !(this.exclude && scopeHit(this.exclude, country, isMember));
  }
}

/** One bit per basis of reach, so that "does the entry reach by a basis the regime found" is one AND. */
const BASIS_BITS: Readonly<Record<ReachBasis, number>> = { territory: 1, origin: 2, content: 4, direct_product: 8, person: 16, deemed: 32 };

/** The bases as a bit set ({@link BASIS_BITS}); an unknown basis sets none. */
export function basesMask(bases: readonly ReachBasis[]): number {
  let mask = 0;
  // Indexed: the bases are often a frozen constant (TERRITORY_ONLY), and for-of over a frozen array allocates an iterator on this V8.
  for (let i = 0; i < bases.length; i++) mask |= BASIS_BITS[bases[i]!] ?? 0;
  return mask;
}

const GOODS_ONLY: readonly TransferType[] = Object.freeze(['goods']);
const TERRITORY_ONLY: readonly ReachBasis[] = Object.freeze(['territory']);

/** A coverage with every field, absent ones undefined, in one order (see {@link shapedEntry}). */
function shapedCoverage(c: Coverage): Coverage {
  return { ids: c.ids, hs: c.hs, controlCodes: c.controlCodes, cas: c.cas, anyListed: c.anyListed, all: c.all, exceptListed: c.exceptListed };
}

/**
 * The entry with every field of {@link ControlEntry}, absent ones undefined, in one order. Plugin data comes
 * from JSON files and modules whose entries carry dozens of different sets of fields: evaluation reading
 * them met that many object shapes at each property read and V8 fell back to its slowest lookups. One shape
 * keeps those reads fast. JSON output leaves undefined fields out, so answers are unchanged.
 */
function shapedEntry(e: ControlEntry): ControlEntry {
  return {
    id: e.id, measure: e.measure, code: e.code, title: e.title, titleOriginal: e.titleOriginal, covers: shapedCoverage(e.covers), transfers: e.transfers,
    destinations: e.destinations, endUses: e.endUses, endUserTypes: e.endUserTypes, knowledgeBased: e.knowledgeBased, conditions: e.conditions, prompts: e.prompts, requirement: e.requirement,
    licensePolicy: e.licensePolicy, reason: e.reason, reach: e.reach, content: e.content, effective: e.effective, suspensions: e.suspensions,
    outsideList: e.outsideList, excludedBy: e.excludedBy, sources: e.sources, confidence: e.confidence, caveats: e.caveats,
  } as ControlEntry;
}

/**
 * The measure with every field of {@link Measure}, absent ones undefined, in one order, then any field of its own
 * a plugin added: as for entries ({@link shapedEntry}), measures come from JSON files with 23 different sets of
 * fields, and hooks and stages read them on every request. JSON output leaves undefined fields out.
 */
function shapedMeasure(m: Measure): Measure {
  const shaped: Record<string, unknown> = {
    id: m.id, jurisdiction: m.jurisdiction, title: m.title, titleOriginal: m.titleOriginal, reference: m.reference, authority: m.authority,
    published: m.published, effective: m.effective, suspensions: m.suspensions, repealedBy: m.repealedBy, summary: m.summary, url: m.url,
    sources: m.sources, confidence: m.confidence, caveats: m.caveats, related: m.related,
  };
  for (const key of Object.keys(m)) if (!(key in shaped)) shaped[key] = (m as unknown as Record<string, unknown>)[key];
  return shaped as unknown as Measure;
}

/** What evaluation needs of one control entry, prepared once when the plugin is registered. */
export class CompiledEntry {
  /** The entry, in the one shape every entry has here ({@link shapedEntry}). */
  readonly entry: ControlEntry;
  readonly measure: Measure;
  readonly transfers: readonly TransferType[];
  readonly bases: readonly ReachBasis[];
  /** {@link bases} as a bit set. */
  readonly basesMask: number;
  /** True for entries that list items (not rules on every item or every listed item). */
  readonly itemEntry: boolean;
  /** An item entry that puts the item on the regime's list, so that `anyListed` rules reach it (not `outsideList`). */
  readonly listsItem: boolean;
  readonly destinations?: CompiledScope;
  readonly timeline: Timeline;
  /** The finding's `entry` and `effective`, shared by every answer (frozen). */
  readonly ref: NonNullable<Finding['entry']>;
  readonly effective: Finding['effective'];

  /** @param measureTimeline the measure's own timeline, which an entry without dates of its own shares. */
  constructor(given: ControlEntry, measure: Measure, measureTimeline?: Timeline) {
    const entry = (this.entry = shapedEntry(given));
    this.measure = measure;
    this.transfers = entry.transfers ?? GOODS_ONLY;
    this.bases = entry.reach ?? TERRITORY_ONLY;
    this.basesMask = basesMask(this.bases);
    this.itemEntry = !entry.covers.all && !entry.covers.anyListed;
    this.listsItem = this.itemEntry && entry.outsideList !== true;
    if (entry.destinations) this.destinations = new CompiledScope(entry.destinations);
    // An entry without dates of its own has its measure's timeline (combinedStatusOn is then the measure's status).
    this.timeline = measureTimeline && !entry.effective && !entry.suspensions ? measureTimeline : new Timeline(measure, entry);
    this.ref = Object.freeze(entry.code ? { id: entry.id, code: entry.code } : { id: entry.id });
    this.effective = Object.freeze(effectiveOf(measure, entry));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes over a coverage: taxonomy IDs, control codes, customs codes (exact and by prefix) and CAS numbers. */
export class CoverageIndex<T> {
  private readonly byNode = new Map<string, T[]>();
  private readonly byCode = new Map<string, T[]>();
  private readonly byCodeAncestor = new Map<string, T[]>();
  private readonly byCustoms = new Map<string, T[]>();
  private readonly byCustomsPrefix = new Map<string, T[]>();
  private readonly byCas = new Map<string, T[]>();
  readonly anyListed: T[] = [];
  readonly all: T[] = [];

  add(value: T, covers: Coverage): void {
    for (const id of covers.ids ?? []) push(this.byNode, id, value);
    for (const code of covers.controlCodes ?? []) {
      push(this.byCode, code, value);
      for (const anc of controlCodeAncestry(code).slice(1)) push(this.byCodeAncestor, anc, value);
    }
    for (const code of covers.hs ?? []) {
      push(this.byCustoms, code, value);
      for (let l = 4; l < code.length; l++) push(this.byCustomsPrefix, code.slice(0, l), value);
    }
    for (const cas of covers.cas ?? []) push(this.byCas, cas, value);
    if (covers.anyListed) this.anyListed.push(value);
    if (covers.all) this.all.push(value);
  }

  /**
   * Values whose coverage matches the item. `exact` when an identifier of the value covers the item
   * (a listed node is the item or its ancestor, a listed code prefixes the item's code); `broader`
   * when the item is wider than what the value lists (a listed node is the item's descendant).
   */
  match(item: ItemRef, resolved: ResolvedItem, taxonomy: TaxonomyView, code: string | undefined, found: Found<T>): void {
    // With several candidate items, an entry is an exact match only when it lists every one of them;
    // otherwise the item may or may not be what it lists, which is a question, not an answer.
    const lineages = resolved.nodes.map((n) => taxonomy.ancestors(n));
    this.matchLineage(resolved, lineages, lineages.length > 1 ? this.coveringEvery(lineages) : undefined, found);
    for (const node of resolved.nodes) {
      for (const d of taxonomy.descendants(node)) for (const v of this.byNode.get(d) ?? []) note(found, v, 'broader', `taxonomy ${node} includes ${d}`);
    }
    if (code) this.matchCode(code, found);
    const customs = item.cnCode ?? item.hs;
    if (customs) this.matchCustoms(customs, item.cnCode ? 'cnCode' : 'hs', found);
    if (item.cas) for (const v of this.byCas.get(item.cas) ?? []) note(found, v, 'exact', `cas ${item.cas}`);
  }

  /** Values that list each of several candidate items, one node or several (a code's entry naming the metal and the alloy): they cover whichever the item is. */
  private coveringEvery(lineages: readonly (readonly string[])[]): Set<T> {
    const hits = new Map<T, Set<number>>();
    lineages.forEach((line, i) => {
      for (const node of line) for (const v of this.byNode.get(node) ?? []) {
        let set = hits.get(v);
        if (!set) hits.set(v, (set = new Set()));
        set.add(i);
      }
    });
    return new Set([...hits].filter(([, set]) => set.size === lineages.length).map(([v]) => v));
  }

  /** Values listing a node of the item's lineage: `exact` when every candidate item lies under it (or the value covers each), else `broader`. */
  private matchLineage(resolved: ResolvedItem, lineages: readonly (readonly string[])[], coversEvery: Set<T> | undefined, found: Found<T>): void {
    for (const node of resolved.lineage) {
      const all = lineages.every((line) => line.includes(node));
      for (const v of this.byNode.get(node) ?? []) {
        if (all || coversEvery?.has(v)) note(found, v, 'exact', `taxonomy ${node}`);
        else {
          const mine = lineages.filter((line) => line.includes(node)).map((line) => line[0]!).join(', ');
          note(found, v, 'broader', `identifiers match ${resolved.nodes.length} items; ${mine} is listed`);
        }
      }
    }
  }

  private matchCode(code: string, found: Found<T>): void {
    for (const anc of controlCodeAncestry(code)) for (const v of this.byCode.get(anc) ?? []) note(found, v, 'exact', `control code ${code}`);
    for (const v of this.byCodeAncestor.get(code) ?? []) note(found, v, 'broader', `control code ${code} has listed sub-items`);
  }

  private matchCustoms(customs: string, label: string, found: Found<T>): void {
    for (let l = 4; l <= customs.length; l++) for (const v of this.byCustoms.get(customs.slice(0, l)) ?? []) note(found, v, 'exact', `${label} ${customs}`);
    for (const v of this.byCustomsPrefix.get(customs) ?? []) note(found, v, 'broader', `${label} ${customs} includes listed lines`);
  }
}

/** What {@link CoverageIndex.match} found: each value with how it matches and on what. */
type Found<T> = Map<T, { kind: MatchKind; matchedOn: string[] }>;

/** Records a match: an exact one replaces a broader one; reasons of the same kind add up, each once. */
function note<T>(found: Found<T>, value: T, kind: MatchKind, why: string): void {
  const prior = found.get(value);
  if (!prior) found.set(value, { kind, matchedOn: [why] });
  else if (prior.kind === kind) {
    if (!prior.matchedOn.includes(why)) prior.matchedOn.push(why);
  } else if (kind === 'exact') found.set(value, { kind, matchedOn: [why] });
}

/** A registered plugin with its indexes built once. */
/** An advisory as its per-request test reads it (see {@link CompiledPlugin.advisoriesOf}). */
export interface CompiledAdvisory {
  readonly advisory: Advisory;
  /** The corridor reaches every destination (`*`). */
  readonly anyTo: boolean;
  readonly to: ReadonlySet<string>;
  readonly transfers: ReadonlySet<string> | undefined;
  readonly ids: readonly string[] | undefined;
  /** Every ancestor (itself included) of every node in `ids`: an item broader than one of them is one of these. */
  readonly above: ReadonlySet<string> | undefined;
  readonly hs: readonly string[] | undefined;
}

function compileAdvisory(advisory: Advisory, taxonomy: TaxonomyView): CompiledAdvisory {
  const scope = advisory.itemScope;
  const ids = scope?.ids;
  return {
    advisory,
    anyTo: advisory.corridor.to.includes('*'),
    to: new Set(advisory.corridor.to),
    transfers: scope?.transfers ? new Set(scope.transfers) : undefined,
    ids,
    above: ids ? new Set(ids.flatMap((id) => taxonomy.ancestors(id))) : undefined,
    hs: scope?.hs,
  };
}

export class CompiledPlugin {
  readonly definition: PluginDefinition;
  readonly manifest: PluginManifest;
  readonly measures = new Map<string, Measure>();
  /** A measure by ID, as the `evaluate` hook's `measure` (one function for every request). */
  readonly measureOf = (id: string): Measure | undefined => this.measures.get(id);
  /** Each measure's reference as findings show it, shared by every answer (frozen). */
  readonly measureRefs = new Map<string, Finding['measure']>();
  /** Each measure's own status history. */
  readonly timelines = new Map<string, Timeline>();
  /** The plugin as answers name it, shared by every answer (frozen). */
  readonly descriptor: Readonly<{ name: string; version: string; dataVerifiedThrough: IsoDate }>;
  readonly entries: CoverageIndex<CompiledEntry> = new CoverageIndex();
  readonly screener: PartyScreener;
  readonly groups = new Map<string, CountryGroup>();
  private readonly membership: GroupMembership;
  readonly advisories: readonly Advisory[];
  /** The advisories by the country their corridor starts from, in the plugin's order. */
  readonly advisoriesFrom = new Map<CountryCode, Advisory[]>();
  /** The field of `item` that carries this regime's own list code. */
  readonly field: ControlCodeField | undefined;
  /**
   * Candidate lists by resolution: everything the match reads is the item's identifiers and the nodes they
   * resolved to, and the engine keeps one resolution object per set of identifiers (its bounded memo), so a
   * list lives as long as its resolution is kept. See {@link candidates}.
   */
  private candidateLists = new WeakMap<ResolvedItem, readonly Candidate[]>();
  private readonly candidateCounts = { hits: 0, misses: 0 };
  private candidateTaxonomy: TaxonomyView | undefined;
  /** Shared assessments of the regime not reaching, by reason: see {@link notReached}. */
  private readonly unreached = new Map<string, JurisdictionAssessment>();
  /** Some entry names entries that take items out of it (`excludedBy`): only then does evaluation look. */
  readonly hasExclusions: boolean;
  /**
   * Entries that say when items of given kinds (taxonomy IDs) fall under a list code, by that code: the thresholds
   * the regime's data holds for an item stated under the code (see `classificationCheck` in evaluate.ts). An entry
   * matched by the code itself is left out: its conditions are further tests on items of that code (whether one is
   * in Annex IV's part, say), not what the code means.
   */
  readonly thresholdsByCode = new Map<string, CompiledEntry[]>();
  /** The plugin's own thresholds for whole entries (`codeThresholds`), by code: where given, they are read instead. */
  readonly declaredThresholds = new Map<string, Condition[]>();

  constructor(definition: PluginDefinition) {
    this.definition = definition;
    this.manifest = definition.manifest;
    this.field = controlCodeFieldOf(this.manifest);
    for (const given of definition.measures) {
      const m = shapedMeasure(given);
      this.measures.set(m.id, m);
      this.measureRefs.set(m.id, Object.freeze({ id: m.id, title: m.title, reference: m.reference, authority: m.authority, url: m.url }));
      this.timelines.set(m.id, new Timeline(m));
    }
    const { name, version, dataVerifiedThrough } = this.manifest;
    this.descriptor = Object.freeze({ name, version, dataVerifiedThrough });
    for (const e of definition.entries) {
      const compiled = new CompiledEntry(e, this.measures.get(e.measure)!, this.timelines.get(e.measure));
      this.entries.add(compiled, compiled.entry.covers);
      const { code, conditions } = compiled.entry;
      if (code && conditions && compiled.itemEntry && compiled.entry.covers.ids?.length && !compiled.entry.covers.controlCodes?.length) push(this.thresholdsByCode, code, compiled);
    }
    for (const t of definition.codeThresholds ?? []) push(this.declaredThresholds, t.code, t.conditions);
    this.hasExclusions = definition.entries.some((e) => e.excludedBy?.length);
    // A party with an end date knows the date of the copy it came from (the list's asOf, as data status shows it).
    const copyAsOf = (p: ListedParty): IsoDate => definition.lists?.find((b) => b.list === p.list)?.asOf ?? dataVerifiedThrough;
    this.screener = new PartyScreener((definition.parties ?? []).map((p) => (p.removed && !p.copyAsOf ? { ...p, copyAsOf: copyAsOf(p) } : p)), `party screening, ${definition.manifest.jurisdiction}`);
    for (const g of definition.groups ?? []) this.groups.set(g.id, g);
    this.membership = new GroupMembership(this.groups.values());
    this.advisories = definition.advisories ?? [];
    for (const a of this.advisories) {
      const list = this.advisoriesFrom.get(a.corridor.from);
      if (list) list.push(a);
      else this.advisoriesFrom.set(a.corridor.from, [a]);
    }
  }

  /**
   * The advisories from `from`, each compiled for its per-request test (destinations as a set, the
   * ancestors of the nodes its scope names as one set), in the plugin's order; built on first use per
   * origin country, again if the taxonomy changes.
   */
  advisoriesOf(from: CountryCode, taxonomy: TaxonomyView): readonly CompiledAdvisory[] | undefined {
    const list = this.advisoriesFrom.get(from);
    if (!list) return undefined;
    if (taxonomy !== this.advisoryTaxonomy) {
      this.compiledAdvisories.clear();
      this.advisoryTaxonomy = taxonomy;
    }
    let compiled = this.compiledAdvisories.get(from);
    if (!compiled) {
      compiled = list.map((a) => compileAdvisory(a, taxonomy));
      this.compiledAdvisories.set(from, compiled);
    }
    return compiled;
  }

  private advisoryTaxonomy: TaxonomyView | undefined;
  private readonly compiledAdvisories = new Map<CountryCode, CompiledAdvisory[]>();

  /**
   * Entries that match the item, in the order evaluation takes them: exact matches of item entries
   * (in index order), then rules on every item, then rules on every listed item (which need an item
   * entry in force first), then broader matches. `resolved` must be the resolution of `item`'s identifiers
   * (refined or not): the list is kept with it and shared by every request that resolves the same way. The
   * list, its candidates and their `matchedOn` are read, never changed (a finding copies `matchedOn`). They
   * are not frozen: on this V8 iterating or copying a frozen array takes a path many times slower.
   */
  candidates(item: ItemRef, resolved: ResolvedItem, taxonomy: TaxonomyView): readonly Candidate[] {
    this.keepCandidatesFor(taxonomy);
    let list = this.candidateLists.get(resolved);
    if (list) {
      this.candidateCounts.hits++;
      return list;
    }
    this.candidateCounts.misses++;
    list = this.findCandidates(item, resolved, taxonomy, itemControlCode(item, this.field));
    this.candidateLists.set(resolved, list);
    return list;
  }

  /**
   * Entries that a bare list code of this regime matches, with no item behind it (to name the entry another
   * regime's code points at); kept by code.
   */
  candidatesForCode(code: string, taxonomy: TaxonomyView): readonly Candidate[] {
    this.keepCandidatesFor(taxonomy);
    return this.codeCandidates.get(code, () => this.findCandidates({}, NO_RESOLUTION, taxonomy, code));
  }

  private readonly codeCandidates = new Memo<readonly Candidate[]>('candidate entries by code', 1024);

  /** Candidates kept are a taxonomy's: another taxonomy forgets them all. */
  private keepCandidatesFor(taxonomy: TaxonomyView): void {
    if (taxonomy === this.candidateTaxonomy) return;
    this.candidateLists = new WeakMap();
    this.codeCandidates.clear();
    this.candidateTaxonomy = taxonomy;
  }

  /** Hits and misses of the candidate lists kept with resolutions (their number follows the engine's resolution memo). */
  candidateStatistics(): MemoStatistics {
    return { label: `candidate entries, ${this.manifest.jurisdiction}`, ...this.candidateCounts };
  }

  private findCandidates(item: ItemRef, resolved: ResolvedItem, taxonomy: TaxonomyView, code: string | undefined): Candidate[] {
    const found = new Map<CompiledEntry, { kind: MatchKind; matchedOn: string[] }>();
    this.entries.match(item, resolved, taxonomy, code, found);
    const exact: Candidate[] = [];
    const listed: Candidate[] = [];
    const broader: Candidate[] = [];
    for (const [compiled, m] of found) {
      const cand: Candidate = { entry: compiled.entry, compiled, kind: m.kind, matchedOn: m.matchedOn };
      if (m.kind === 'broader') broader.push(cand);
      else if (compiled.entry.covers.anyListed) listed.push(cand);
      else exact.push(cand);
    }
    if (exact.length || listed.length) {
      for (const compiled of this.entries.anyListed) if (!found.has(compiled)) listed.push({ entry: compiled.entry, compiled, kind: 'exact', matchedOn: ['item is on this regime\'s list'] });
    }
    for (const compiled of this.entries.all) if (!found.has(compiled)) exact.push({ entry: compiled.entry, compiled, kind: 'exact', matchedOn: ['applies to every item'] });
    for (const c of listed) exact.push(c);
    for (const c of broader) exact.push(c);
    return exact;
  }

  /**
   * The assessment of a regime that does not reach a transfer, for the reason its reach gave. It is the
   * same in every answer for that reason, so it is made once per reason and shared, frozen (up to
   * {@link MAX_SHARED_UNREACHED} reasons of at most 1,000 characters; past that each answer gets its own).
   */
  notReached(description: string): JurisdictionAssessment {
    const shared = this.unreached.get(description);
    if (shared) return shared;
    const fresh: JurisdictionAssessment = { jurisdiction: this.manifest.jurisdiction, plugin: this.descriptor, reaches: false, reach: description, verdict: 'not_controlled', authorizations: [], findings: [] };
    if (this.unreached.size >= MAX_SHARED_UNREACHED || description.length > 1000) return fresh;
    Object.freeze(fresh.authorizations);
    Object.freeze(fresh.findings);
    this.unreached.set(description, Object.freeze(fresh));
    return fresh;
  }

  /** Membership in one of the plugin's own groups, or undefined when it has no such group. */
  isMember(groupId: string, country: CountryCode, date: IsoDate): boolean | undefined {
    return this.membership.isMember(groupId, country, date);
  }

  /** The days `country` joins or leaves one of the plugin's own groups. */
  membershipDays(country: CountryCode): IsoDate[] {
    return this.membership.changeDays(country);
  }
}
