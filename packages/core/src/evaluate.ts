import type { CompiledAdvisory, CompiledEntry, CompiledPlugin, Candidate } from './compiled-plugin.js';
import { basesMask, CoverageIndex } from './compiled-plugin.js';
import { controlCodeCovers } from './codes.js';
import { conditionParameters, describeCondition, evaluateCondition, type ConditionResult } from './conditions.js';
import { sharedChildRequirement } from './broader.js';
import { compositionDecides, compositionDefines, elementsOfCoverage, elementsOfPart, ruledOutByComposition, type Composition } from './composition.js';
import { combinedStatusOn, effectiveOf, suspensionEndingOn, unverifiedResumption } from './dates.js';
import { itemControlCode, type ContentShareResult, type ControlCodeField, type EvaluationContext, type EvaluationResult, type FindingInput, type ReachContext, type ReachResult } from './plugin.js';
import type { ResolvedItem } from './resolve.js';
import type { TaxonomyView } from './taxonomy.js';
import type {
  Advisory, Authorization, Condition, ControlEntry, Coverage, CountryCode, DestinationScope, Caveat, Finding, JurisdictionAssessment, ListedParty, Measure,
  LicensePolicy, MeasureStatus, NormalizedRequest, Question, Verdict, Warning,
} from './types.js';
import { compareVerdicts, moreRestrictive, policyRank, strictestPolicy } from './verdict.js';
import { normalizeName, type NormalizedName } from './names.js';
import { listingExpiryMessage, namesAnotherCompany, sameListingCountry, type PartyMatch } from './screening.js';

/** What a rule adds if the answer to its question makes it apply. */
interface Stake {
  requirement: Verdict;
  licensePolicy?: LicensePolicy | undefined;
}

/** One regime's answer plus what the response gathers across regimes. */
export interface PluginOutcome {
  assessment: JurisdictionAssessment;
  questions: Question[];
  warnings: Warning[];
  advisories: Advisory[];
}

/** Shared inputs for evaluating every plugin on one request. */
export interface RequestScope {
  request: NormalizedRequest;
  resolved: ResolvedItem;
  taxonomy: TaxonomyView;
  resolve: (item: NormalizedRequest['item']) => ResolvedItem;
  /** The make-up the request states (`fraction.<Symbol>`, `content[]`); none when omitted. */
  composition?: Composition;
  /** Taxonomy nodes the stated composition rules out (their `definedBy` fails); none when omitted. */
  excluded?: ReadonlySet<string>;
  /** The names to screen, prepared by the first regime that screens them. */
  screened?: readonly ScreenedName[];
}

/**
 * True when an authorisation's coverage includes what was exported under a control entry: the
 * request's own list code when it is narrower than the entry's (an authorisation may cover only some
 * sub-items), else the entry's code, customs lines or taxonomy nodes.
 */
function coverageIncludesEntry(covers: Coverage, entry: ControlEntry, taxonomy: TaxonomyView, requestCode: string | undefined): boolean {
  if (covers.all) return true;
  const code = entry.code && requestCode && controlCodeCovers(entry.code, requestCode) ? requestCode : entry.code;
  if (code && covers.controlCodes?.some((c) => controlCodeCovers(c, code))) return true;
  const ids = entry.covers.ids ?? [];
  if (ids.length && covers.ids && ids.every((id) => taxonomy.ancestors(id).some((a) => covers.ids!.includes(a)))) return true;
  const lines = entry.covers.hs ?? [];
  return lines.length > 0 && !!covers.hs && lines.every((l) => covers.hs!.some((h) => l.startsWith(h)));
}

/**
 * True when an authorisation's exclusions may touch what was exported: an excluded code that
 * contains the exported code, or lies inside it (then the request does not say it is outside).
 */
function exclusionTouchesEntry(excludes: Coverage, entry: ControlEntry, taxonomy: TaxonomyView, requestCode: string | undefined): boolean {
  const code = entry.code && requestCode && controlCodeCovers(entry.code, requestCode) ? requestCode : entry.code;
  if (code && excludes.controlCodes?.some((c) => controlCodeCovers(c, code) || controlCodeCovers(code, c))) return true;
  return coverageIncludesEntry({ ...excludes, controlCodes: [] }, entry, taxonomy, undefined);
}

// Coverages of parties and content rules are plugin data: their indexes are built on first use and
// kept with the coverage object, so a request never builds one.
const coverageIndexes = new WeakMap<Coverage, CoverageIndex<true>>();

function coverageMatches(covers: Coverage, item: NormalizedRequest['item'], scope: RequestScope, field: ControlCodeField | undefined): boolean {
  return coverageMatchKind(covers, item, scope, field) === 'exact';
}

/** How a coverage matches an item: `exact`, `broader` (the item may be what it lists), or not at all. */
function coverageMatchKind(covers: Coverage, item: NormalizedRequest['item'], scope: RequestScope, field: ControlCodeField | undefined): 'exact' | 'broader' | undefined {
  if (covers.all) return 'exact';
  let index = coverageIndexes.get(covers);
  if (!index) {
    index = new CoverageIndex<true>();
    index.add(true, covers);
    coverageIndexes.set(covers, index);
  }
  const found = new Map<true, { kind: 'exact' | 'broader'; matchedOn: string[] }>();
  index.match(item, scope.resolve(item), scope.taxonomy, itemControlCode(item, field), found);
  return found.get(true)?.kind;
}

function destinationCovers(scopeDef: DestinationScope | undefined, country: CountryCode, isMember: (g: string, c: CountryCode) => boolean): boolean {
  if (!scopeDef) return true;
  const hit = (ref: string) => (ref.startsWith('group:') ? isMember(ref.slice(6), country) : ref === country);
  if (scopeDef.include && !scopeDef.include.some(hit)) return false;
  return !(scopeDef.exclude && scopeDef.exclude.some(hit));
}

/**
 * The state of one plugin's evaluation of one request, passed from stage to stage. The functions a
 * plugin's hooks receive (`isMember`, `contentShare`, `finding`, `measure`) are properties, so a
 * plugin may pass them on.
 */
export class PluginRun {
  readonly request: NormalizedRequest;
  readonly resolved: ResolvedItem;
  readonly taxonomy: TaxonomyView;
  readonly date: string;
  readonly field: ControlCodeField | undefined;
  readonly findings: Finding[] = [];
  readonly questions: Question[] = [];
  readonly warnings: Warning[] = [];
  readonly matchedEntries: ControlEntry[] = [];
  /** The entry behind each finding drawn from the plugin's list (made when the first such finding is). */
  private entries?: Map<Finding, CompiledEntry>;
  readonly broader: Candidate[] = [];
  /** Transfer kinds the item is listed for when the request's is not (made when the first is found). */
  otherTransfers?: Set<string>;
  /** An item entry (in force or not) matched the item and its parameters. */
  listedHere = false;
  /** An item entry in force matched: rules on "every listed item" then apply. */
  listedInForce = false;
  /** An item entry in force lists the item with its conditions met (`covers.exceptListed` rules skip it). */
  listedForSure = false;
  /** Entries in force that list the item (its thresholds met or unknown) for other destinations than `to` (see {@link listedElsewhereStage}). */
  listedElsewhere: Candidate[] | undefined = undefined;
  reach!: ReachResult;
  /** The bases of {@link reach} as a bit set, to compare with each entry's. */
  reachMask = 0;
  reachCtx!: ReachContext;
  /** The request's parameters over the facts the plugin derived from it (`facts` hook); set by the reach stage. */
  parameters: Readonly<Record<string, number>> | undefined;

  constructor(readonly plugin: CompiledPlugin, readonly scope: RequestScope) {
    this.request = scope.request;
    this.resolved = scope.resolved;
    this.taxonomy = scope.taxonomy;
    this.date = scope.request.date;
    this.field = plugin.field;
  }

  readonly isMember = (groupId: string, country: CountryCode): boolean =>
    this.plugin.isMember(groupId, country, this.date) ?? this.taxonomy.isMember(groupId, country, this.date) ?? false;

  /**
   * Content shares are bounds (#12.3): a part that is what `covers` lists counts; one that may be it
   * (a broader item) or may hold it (a magnet that may contain dysprosium, a part nothing identifies)
   * counts only toward `upTo`. A counted part whose share the request leaves out makes the share unknown;
   * a part that may count, of unknown share, lets it reach the whole value (`upTo` 1).
   */
  readonly contentShare = (o: CountryCode | ((c: CountryCode) => boolean), covers?: Coverage): ContentShareResult => {
    const content = this.request.item.content;
    if (!content) return { share: 0, known: false };
    let share = 0;
    let upTo = 0;
    let known = true;
    for (const part of content) {
      if (typeof o === 'function' ? !o(part.origin) : part.origin !== o) continue;
      const kind = covers ? coverageMatchKind(covers, part.item, this.scope, this.field) : 'exact';
      if (kind === 'exact') {
        if (part.valueShare === undefined) known = false;
        else share += part.valueShare;
      } else if (kind === 'broader' || this.mayHold(part.item, covers!)) upTo += part.valueShare ?? 1;
    }
    if (!known) return { share, known: false };
    return upTo > 0 ? { share, known: true, upTo: Math.min(1, share + upTo) } : { share, known: true };
  };

  private mayHold(part: NormalizedRequest['item'], covers: Coverage): boolean {
    const held = elementsOfPart(part, this.scope.resolve, this.taxonomy);
    if (!held) return true;
    for (const e of elementsOfCoverage(covers, this.taxonomy)) if (held.has(e)) return true;
    return false;
  }

  /**
   * The status on the request's date of one of the plugin's measures, or of a part of it with dates of its own
   * (CONTRACT §3): the one rule every finding's status follows, for a hook that must know whether a measure it
   * cites is in force before it asks or warns (only law in force on the date may).
   */
  statusOf(measureId: string, part?: FindingInput['part']): MeasureStatus {
    const measure = this.plugin.measures.get(measureId);
    if (!measure) throw new Error(`${this.plugin.manifest.name}: status asked of unknown measure "${measureId}"`);
    return part ? combinedStatusOn(measure, part, this.date) : this.plugin.timelines.get(measure.id)!.statusOn(this.date);
  }

  /** A finding whose status and dates follow its measure's timeline (and its part's, when given). */
  finding(input: FindingInput): Finding {
    const measure = this.plugin.measures.get(input.measure);
    if (!measure) throw new Error(`${this.plugin.manifest.name}: finding refers to unknown measure "${input.measure}"`);
    return this.makeFinding(input, this.statusOf(measure.id, input.part), input.part ? effectiveOf(measure, input.part) : measure.effective);
  }

  makeFinding(input: FindingInput, status: MeasureStatus, effective: Finding['effective']): Finding {
    const measure = this.plugin.measures.get(input.measure)!;
    const ref = this.plugin.measureRefs.get(measure.id)!;
    // One literal with every field, absent ones undefined (JSON leaves them out, in this order): every finding has
    // one object shape, so the stages and hooks that read findings on every request are optimised once.
    return {
      measure: ref, entry: input.entry, requirement: input.requirement, status, effective, reason: input.reason, matchedOn: input.matchedOn,
      confidence: measure.confidence, licensePolicy: input.licensePolicy || undefined, party: undefined,
    };
  }

  /**
   * What answering each question could add, by parameter: the requirement and policy of every rule that asked
   * it, or null when some asker did not say (such a question is always kept).
   */
  private stakes?: Map<string, Stake[] | null>;

  /** The entries that asked each question through {@link askFor}, by parameter (their measures' warnings apply too). */
  private askers?: Map<string, ControlEntry[]>;

  /** A question whose answer could make `entry` apply, adding its requirement and policy. */
  askFor(q: Question, entry: ControlEntry): void {
    this.ask(q, { requirement: entry.requirement, licensePolicy: entry.licensePolicy });
    const askers = (this.askers ??= new Map());
    const list = askers.get(q.parameter);
    if (!list) askers.set(q.parameter, [entry]);
    else if (!list.includes(entry)) list.push(entry);
  }

  /** The entries behind the questions still asked (after moot ones are dropped). */
  askingEntries(): readonly ControlEntry[] {
    // Most runs ask nothing: no array is allocated for them (this runs for every regime that reaches).
    if (!this.askers || !this.questions.length) return NO_ENTRIES;
    const out: ControlEntry[] = [];
    for (const q of this.questions) for (const e of this.askers.get(q.parameter) ?? []) if (!out.includes(e)) out.push(e);
    return out;
  }

  /**
   * Drops the questions whose answer cannot change the verdict or the licence policy already decided by the
   * findings in force (a request must not be asked what would not change its answer).
   */
  dropMootQuestions(verdict: Verdict, licensePolicy: LicensePolicy | undefined): void {
    // A ban in force is the most an answer can be: no fact asked could make it stricter, and the findings it rests on
    // were found on what the request states, so none can lift it (CONTRACT §3: questions come with needs_information).
    if (verdict === 'prohibited') {
      this.questions.length = 0;
      return;
    }
    // With the item not yet listed for sure, an answer could also bring in rules on every listed item.
    if (!this.stakes || !(verdict === 'license_required' && this.listedForSure)) return;
    const decisive = (s: Stake) => compareVerdicts(s.requirement, verdict) < 0
      || (s.requirement === 'license_required' && policyRank(s.licensePolicy) < policyRank(licensePolicy));
    for (let i = this.questions.length - 1; i >= 0; i--) {
      const stakes = this.stakes.get(this.questions[i]!.parameter);
      if (stakes && !stakes.some(decisive)) this.questions.splice(i, 1);
    }
  }

  /** Drops core's questions on parameters the plugin's own rules settle (EvaluationResult.settles). */
  settle(parameters: readonly string[]): void {
    for (let i = this.questions.length - 1; i >= 0; i--) if (parameters.includes(this.questions[i]!.parameter)) this.questions.splice(i, 1);
    for (const p of parameters) this.stakes?.delete(p);
  }

  /** One question per missing fact: several entries may turn on the same parameter. */
  ask(q: Question, stake?: Stake): void {
    const stakes = (this.stakes ??= new Map());
    const known = stakes.get(q.parameter);
    if (!stake) stakes.set(q.parameter, null);
    else if (known !== null) stakes.set(q.parameter, [...(known ?? []), stake]);
    if (this.questions.some((x) => x.parameter === q.parameter)) return;
    const question: Question = { parameter: q.parameter, prompt: q.prompt };
    if (q.candidates) question.candidates = q.candidates;
    question.jurisdiction = this.plugin.manifest.jurisdiction;
    this.questions.push(question);
  }

  /** Screening results of this run by name: core and the plugin's hooks may screen one name several times. */
  private screenings?: Map<string, PartyMatch[]>;

  /** The plugin's listed parties matching `name` on the request's date (each name searched once per run). */
  readonly screen = (name: string): PartyMatch[] => {
    let hits = this.screenings?.get(name);
    if (!hits) {
      hits = this.plugin.screener.screen(name, this.date, { prepared: () => preparedName(this.scope, name) });
      (this.screenings ??= new Map()).set(name, hits);
    }
    return hits;
  };

  /** Records the list entry behind a finding. */
  noteEntry(finding: Finding, entry: CompiledEntry): void {
    (this.entries ??= new Map()).set(finding, entry);
  }

  /** The list entry behind a finding, if it came from the plugin's list. */
  entryOf(finding: Finding): CompiledEntry | undefined {
    return this.entries?.get(finding);
  }

  inScope(cand: CompiledEntry): boolean {
    return !cand.destinations || cand.destinations.covers(this.request.to, this.isMember);
  }
}

/** Stage 1, reach: which bases of jurisdiction (territory, origin, content, …) the plugin finds. */
export function reachStage(run: PluginRun): void {
  const origin = run.request.item.origin ?? run.request.from;
  // Every field present (composition undefined when the request states none): one object shape for every
  // request, and no spread (which copies through a slow generic path).
  run.reachCtx = {
    request: run.request, item: run.resolved, taxonomy: run.taxonomy, origin, contentShare: run.contentShare, isMember: run.isMember,
    screen: run.screen, composition: run.scope.composition,
  };
  run.reach = run.plugin.definition.reach(run.reachCtx);
  run.reachMask = basesMask(run.reach.bases);
  const given = run.request.item.parameters;
  const derived = run.reach.bases.length ? run.plugin.definition.facts?.(run.reachCtx) : undefined;
  run.parameters = derived ? { ...derived, ...given } : given;
}

/** Stage 2, candidates: the entries whose coverage matches the item, from the indexes built at registration. */
export function candidatesStage(run: PluginRun): readonly Candidate[] {
  return run.reach.bases.length ? run.plugin.candidates(run.request.item, run.resolved, run.taxonomy) : [];
}

/** Content reach: the share of covered content, or a question when the request gives none. Returns false when the entry does not apply. */
function contentApplies(run: PluginRun, cand: Candidate, status: MeasureStatus, matchedOn: string[]): boolean {
  const { entry } = cand;
  const bases = cand.compiled.bases;
  if (!bases.includes('content') || bases.some((b) => b !== 'content' && run.reach.bases.includes(b)) || !entry.content) return true;
  const share = run.contentShare(entry.content.origin, entry.content.covers);
  // Below the threshold only when even the parts that may count leave it below; a question only when unknown and the
  // shares given do not already meet it (a part of unknown share cannot lower them).
  if (share.share < entry.content.minShare && (!share.known || (share.upTo ?? 0) >= entry.content.minShare)) {
    if (status === 'in_force') run.askFor({ parameter: 'content', prompt: entry.content.prompt ?? `What share of the item's value is ${entry.content.origin}-origin content covered by ${entry.code ?? entry.id}?` }, entry);
    return false;
  }
  if (share.share < entry.content.minShare) return false;
  matchedOn.push(`content ${(share.share * 100).toFixed(2)} % of value from ${entry.content.origin}`);
  return true;
}

/**
 * True when an entry that reaches the item only through its content cannot reach it: the stated content leaves the share
 * below the entry's minimum even counting every part that may count (no question about the item could change that:
 * tech-reach review X62, a magnet whose only PRC content is neodymium asked for its Dy and Tb shares).
 */
function contentRulesOut(run: PluginRun, cand: Candidate): boolean {
  const { entry } = cand;
  const bases = cand.compiled.bases;
  if (!entry.content || !bases.includes('content') || bases.some((b) => b !== 'content' && run.reach.bases.includes(b))) return false;
  const share = run.contentShare(entry.content.origin, entry.content.covers);
  return share.known && share.share < entry.content.minShare && (share.upTo ?? 0) < entry.content.minShare;
}

/** True when the request states an end use or end-user type the entry names (what a knowledge-based entry waits for). */
function endUseNamed(run: PluginRun, entry: ControlEntry): boolean {
  const { request } = run;
  return (entry.endUses?.includes(request.endUse) ?? false) || (request.endUser?.type !== undefined && (entry.endUserTypes?.includes(request.endUser.type) ?? false));
}

/** End-use and end-user tests: false when the entry does not apply (asking when the end use is unknown). */
function endUseApplies(run: PluginRun, entry: ControlEntry, status: MeasureStatus, matchedOn: string[]): boolean {
  if (!entry.endUses && !entry.endUserTypes) return true;
  const { request } = run;
  if (!endUseNamed(run, entry)) {
    if (request.endUse === 'unknown' && entry.endUses !== undefined && status === 'in_force' && !entry.knowledgeBased) {
      run.askFor({ parameter: 'endUse', prompt: `${entry.reason} Is the end use ${entry.endUses.join(' or ')}?`, candidates: [...entry.endUses] }, entry);
    }
    return false;
  }
  matchedOn.push(entry.endUses?.includes(request.endUse) ? `endUse ${request.endUse}` : `endUser.type ${request.endUser!.type}`);
  return true;
}

/**
 * Parameter thresholds still unknown: one question per missing parameter, and the entry does not apply yet.
 * An entry not in force on the date asks nothing (CONTRACT §3) but is still shown, with its status, as a
 * measure that may list the item: the user sees what is paused or coming, and it changes nothing.
 */
function askForParameters(run: PluginRun, cand: Candidate, result: ConditionResult & { value: 'unknown' }, status: MeasureStatus, matchedOn: string[]): void {
  const { entry, compiled } = cand;
  if (status !== 'in_force') {
    matchedOn.push(`listed only if its ${result.missing.join(', ')} meet${result.missing.length === 1 ? 's' : ''} the thresholds (not given)`);
    const finding = run.makeFinding({ measure: entry.measure, entry: compiled.ref, requirement: entry.requirement, licensePolicy: entry.licensePolicy, reason: entry.reason, matchedOn }, status, compiled.effective);
    if (entry.confidence) finding.confidence = entry.confidence;
    run.findings.push(finding);
    run.noteEntry(finding, compiled);
    return;
  }
  for (const p of result.missing) run.askFor({ parameter: p, prompt: entry.prompts?.[p] ?? `${entry.code ?? entry.id} (${entry.title}) turns on ${p}; give item.parameters.${p}.` }, entry);
}

/** True when the entry reaches by one of the bases of jurisdiction the reach stage found. */
function reachesBy(run: PluginRun, compiled: CompiledEntry): boolean {
  return (compiled.basesMask & run.reachMask) !== 0;
}

/**
 * Stage 3, match: whether a candidate goes on to the entry's conditions. It stops here when the entry
 * lists the item for another kind of transfer (noted, to ask about the transfer when the entry is in
 * force), when it lists something narrower than the item (kept aside in `run.broader`, to ask which
 * item it is), or when it is a rule on every listed item and no entry has listed the item for sure yet.
 */
export function matchStage(run: PluginRun, cand: Candidate): boolean {
  const { entry, compiled } = cand;
  if (!compiled.transfers.includes(run.request.transfer)) {
    // Only law in force on the date may ask: an entry not yet in force changes nothing (CONTRACT §3); nor does one
    // whose conditions the request (or a fact the plugin derives from it) already fails.
    if (compiled.itemEntry && statusStage(run, compiled) === 'in_force' && conditionsStage(run, entry)?.value !== false) for (const t of compiled.transfers) (run.otherTransfers ??= new Set()).add(t);
    return false;
  }
  if (cand.kind === 'broader') {
    if (run.scope.excluded && ruledOutByComposition(entry.covers.ids, run.resolved.nodes, run.scope.excluded, run.taxonomy)) return false;
    // A narrower entry with thresholds is judged on the stated composition, when the request gives one.
    if (!(entry.conditions && run.scope.composition?.given)) {
      if (reachesBy(run, compiled)) run.broader.push(cand);
      return false;
    }
  }
  // A rule on every listed item reaches the item only once an entry in force lists it with its conditions met;
  // while a threshold is unknown the item entry asks, and the answer decides both.
  return !(entry.covers.anyListed && !run.listedForSure);
}

/** Stage 4, conditions: the entry's parameter thresholds on the request's parameters and composition; undefined when it has none. */
export function conditionsStage(run: PluginRun, entry: ControlEntry): ConditionResult | undefined {
  return entry.conditions ? evaluateCondition(entry.conditions, run.parameters, run.scope.composition) : undefined;
}

/** Stage 5, status: the entry's status on the request's date (its own dates, else its measure's), from the timeline built at registration. */
export function statusStage(run: PluginRun, compiled: CompiledEntry): MeasureStatus {
  return compiled.timeline.statusOn(run.date);
}

/**
 * Records what a matched item entry says about the item being listed (rules on every listed item
 * depend on it); false when the entry is a rule on unlisted items only (`exceptListed`) and the item is listed.
 */
function noteListing(run: PluginRun, compiled: CompiledEntry, status: MeasureStatus, condition: ConditionResult | undefined): boolean {
  if (compiled.itemEntry) {
    run.listedHere = true;
    // An ordinary trade licence (outsideList) is a finding of its own, not a listing that rules on every listed item reach.
    if (status === 'in_force' && compiled.listsItem) run.listedInForce = true;
    if (status === 'in_force' && compiled.listsItem && condition?.value !== 'unknown') run.listedForSure = true;
    return true;
  }
  return !(compiled.entry.covers.exceptListed && run.listedForSure);
}

/**
 * Stages 3–5 for one candidate, match → conditions → status, then the entry's own tests (destination,
 * content share, end use): the entry's finding, or a question, or nothing.
 */
export function matchEntry(run: PluginRun, cand: Candidate): void {
  // A knowledge-based rule (a catch-all over every item) that the request's end use and end user do not meet asks
  // nothing and finds nothing: left before the match, which for a catch-all means checking every listing.
  if (cand.entry.knowledgeBased && !endUseNamed(run, cand.entry)) return;
  if (!matchStage(run, cand)) return;
  const { entry, compiled } = cand;
  const condition = conditionsStage(run, entry);
  if (condition?.value === false) return;
  const status = statusStage(run, compiled);
  if (!noteListing(run, compiled, status, condition)) return;
  if (!reachesBy(run, compiled)) return;
  run.matchedEntries.push(entry);
  if (!run.inScope(compiled)) {
    if (status === 'in_force' && compiled.listsItem) (run.listedElsewhere ??= []).push(cand);
    return;
  }
  // A spread, not slice(): the shared candidates are frozen, and slice() on a frozen array takes a path many times slower.
  const matchedOn = [...cand.matchedOn];
  if (!contentApplies(run, cand, status, matchedOn)) return;
  if (!endUseApplies(run, entry, status, matchedOn)) return;
  if (condition?.value === 'unknown') return askForParameters(run, cand, condition, status, matchedOn);
  if (condition?.value === true) matchedOn.push('parameters meet the listed thresholds');
  const finding = run.makeFinding({ measure: entry.measure, entry: compiled.ref, requirement: entry.requirement, licensePolicy: entry.licensePolicy, reason: entry.reason, matchedOn }, status, compiled.effective);
  if (entry.confidence) finding.confidence = entry.confidence;
  run.findings.push(finding);
  run.noteEntry(finding, compiled);
}

/**
 * A request that states a composition, even only as absences (`fraction.Dy: 0`), is asked for the shares that
 * still decide between the item and the listed items beneath it, never for a more specific identifier (#12.3):
 * when every open entry lists a node reached through a child whose `definedBy` the stated composition leaves
 * unknown, the missing `fraction.<Symbol>` parameters are asked. True when it asked.
 */
function askForDefiningShares(run: PluginRun, open: readonly Candidate[]): boolean {
  const { request: { item }, resolved, taxonomy } = run;
  const stated = run.scope.composition?.given || Object.keys(item.parameters ?? {}).some((k) => k.startsWith('fraction.'));
  if (!stated) return false;
  const asks = new Map<string, string>();
  for (const c of open) {
    let decidedByShares = false;
    for (const id of c.entry.covers.ids ?? []) {
      for (const n of resolved.nodes) {
        if (id === n || !taxonomy.ancestors(id).includes(n)) continue;
        for (const a of taxonomy.ancestors(id)) {
          if (a === n || !taxonomy.ancestors(a).includes(n)) continue;
          const def = taxonomy.node(a)?.definedBy;
          if (!def) continue;
          const r = evaluateCondition(def, item.parameters, run.scope.composition);
          if (r.value !== 'unknown' || !r.missing.every((m) => m.startsWith('fraction.'))) continue;
          decidedByShares = true;
          for (const m of r.missing) if (!asks.has(m)) asks.set(m, `What is the mass fraction of ${m.slice(9)} in the item (0–1; 0 if it has none)? It decides whether the item is ${a} (${describeCondition(def)}), which ${c.entry.code ?? c.entry.title} lists.`);
        }
      }
    }
    if (!decidedByShares) return false;
  }
  for (const [parameter, prompt] of asks) run.ask({ parameter, prompt });
  return asks.size > 0;
}

/** Questions when the identifiers did not settle the item: another transfer kind, only a name, another regime's code, a broader item. */
function identificationQuestions(run: PluginRun): void {
  const { request, resolved, plugin, reach, field } = run;
  if (!reach.bases.length) return;
  const { manifest } = plugin;
  // The item is listed, but only for another kind of transfer: a technology sent as "goods" must not
  // come back as not controlled without saying so.
  if (run.otherTransfers && !run.listedHere) {
    run.ask({
      parameter: 'transfer',
      prompt: `This item is listed for ${[...run.otherTransfers].join(' or ')} transfers, not ${request.transfer}: is know-how, technical data, a service or people who carry it being transferred? Set transfer accordingly.`,
      candidates: [...run.otherTransfers],
    });
  }
  // Nothing identified the item but a free-text name or a CAS number the taxonomy does not know: nothing
  // was checked, which is not "not controlled" (a customs line or list code, by contrast, is compared as given).
  const { item } = request;
  const onlyNameOrCas = (item.name !== undefined || item.cas !== undefined) && !item.id && !item.hs && !item.cnCode && !item.cnControlCode && !item.eccn && !item.euCode && !item.codes;
  if (onlyNameOrCas && resolved.nodes.length === 0 && !run.listedHere && run.findings.length === 0) {
    const given = item.name !== undefined ? `"${item.name}"` : `CAS ${item.cas}`;
    run.ask({ parameter: 'item', prompt: `${given} matches no known item; give a taxonomy ID, an HS or customs code, or a list code so the ${manifest.jurisdiction} lists can be checked.` });
  }
  // Another regime's list code only: ask for this regime's own classification. A regime that numbers its list its own
  // way cannot compare another regime's number with it, and asks rather than call an item it never identified not
  // controlled (an ECCN 3B001 exported from Japan).
  if (field && !itemControlCode(item, field) && resolved.nodes.length === 0) {
    if (!field.startsWith('codes.')) askForOwnClassification(run, field);
    else if (!run.listedHere && !run.findings.length) askForOwnCode(run, field);
  }
  if (run.broader.length) askAboutBroaderEntries(run);
}

/**
 * The request states the item's code under this regime (the exporter's classification), and the answer takes it as
 * given. Where the regime's data holds that entry's thresholds and the parameters the request gives fail every one of
 * them in force on the date, the classification and the parameters cannot both be right: the answer says so rather
 * than trust the code silently. Only a definite failure warns; a threshold the request leaves open does not.
 */
function classificationCheck(run: PluginRun): void {
  const { field, request } = run;
  const code = itemControlCode(request.item, field);
  if (!code || !field) return;
  const given = request.item.parameters;
  if (!given && !run.scope.composition?.given) return;
  const conditions = unmetThresholds(run, code);
  if (!conditions) return;
  const stated = conditionParameters(conditions).filter((p) => given?.[p] !== undefined).map((p) => `${p} = ${given![p]}`);
  const jurisdiction = run.plugin.manifest.jurisdiction;
  run.warnings.push({
    code: 'classification_contradicted',
    jurisdiction,
    path: `item.${field}`,
    message: `The item is stated as ${jurisdiction} ${code}, but the parameters given${stated.length ? ` (${stated.join(', ')})` : ''} do not meet the thresholds this regime's data holds for ${code} (${describeCondition(conditions)}). The answer follows the stated classification; check it: an item outside those thresholds is listed under ${code} only if a part of the entry the data does not hold covers it.`,
  });
}

/**
 * The thresholds of `code` that the request's parameters fail, when they fail every one the regime holds for it (the
 * plugin's own for the whole entry, else those of its entries in force that list kinds of item under the code); else
 * undefined, also when a threshold is left open.
 */
function unmetThresholds(run: PluginRun, code: string): Condition | undefined {
  const fails = (c: Condition) => evaluateCondition(c, run.parameters, run.scope.composition).value === false;
  const declared = run.plugin.declaredThresholds.get(code);
  if (declared) return declared.every(fails) ? declared[0] : undefined;
  let failed: Condition | undefined;
  for (const compiled of run.plugin.thresholdsByCode.get(code) ?? []) {
    if (statusStage(run, compiled) !== 'in_force') continue;
    if (!fails(compiled.entry.conditions!)) return undefined;
    failed ??= compiled.entry.conditions;
  }
  return failed;
}

/**
 * Another regime's list code: the multilateral lists share their numbering, but only the exporter's own classification
 * under this regime counts, so ask for it and say which entry the number points at. (This and the next are functions of
 * their own, not blocks of identificationQuestions: their arrow functions over the run would make V8 keep the run in a
 * heap context on every call of it, that is for every regime that reaches a transfer.)
 */
function askForOwnClassification(run: PluginRun, field: ControlCodeField): void {
  const { item } = run.request;
  for (const other of ['cnControlCode', 'eccn', 'euCode'] as const) {
    const code = item[other];
    if (other === field || !code || code === 'EAR99') continue;
    const same = run.plugin.candidatesForCode(code, run.taxonomy).filter((c) => c.kind === 'exact' && c.compiled.itemEntry && c.compiled.timeline.statusOn(run.date) === 'in_force');
    if (same.length) {
      run.ask({
        parameter: field,
        prompt: `${other} ${code} is another regime's classification; this regime's list has an entry numbered ${same[0]!.entry.code ?? code} (${same[0]!.entry.title}). Classify the item under ${run.plugin.manifest.jurisdiction} rules and give ${field}.`,
        candidates: [...new Set(same.map((c) => c.entry.code ?? code))].slice(0, 5),
      });
    }
  }
}

/** See identificationQuestions: the list codes of other regimes an item carries, and a question for this regime's own code. */
function askForOwnCode(run: PluginRun, field: ControlCodeField): void {
  const { item } = run.request;
  const given: string[] = [];
  if (item.cnControlCode) given.push(`cnControlCode ${item.cnControlCode}`);
  if (item.eccn && item.eccn !== 'EAR99') given.push(`eccn ${item.eccn}`);
  if (item.euCode) given.push(`euCode ${item.euCode}`);
  if (!given.length) return;
  const { jurisdiction, controlCode } = run.plugin.manifest;
  run.ask({
    parameter: field,
    prompt: `${given.join(' and ')} ${given.length > 1 ? 'are other regimes\' classifications' : 'is another regime\'s classification'}; the ${jurisdiction} list numbers its entries its own way${controlCode ? ` (e.g. "${controlCode.example}")` : ''}, and an item on the multilateral lists is usually on it too. Classify the item under ${jurisdiction} rules and give item.${field}.`,
  });
}

/**
 * A broader item listed in force beneath the requested one: with nothing in force found for the item itself, adopt a
 * shared requirement, or ask for shares or a narrower identifier; with something found, ask only about the items
 * beneath it listed more strictly (rare-earth mining technology needs a licence, its ionic-clay leaching is banned).
 */
function askAboutBroaderEntries(run: PluginRun): void {
  const { request: { item }, resolved } = run;
  let broaderInForce = run.broader.filter((c) => run.inScope(c.compiled) && !c.entry.endUses && c.compiled.timeline.statusOn(run.date) === 'in_force' && !contentRulesOut(run, c));
  if (!broaderInForce.length) return;
  const own = strictestInForce(run.findings);
  if (own !== undefined) broaderInForce = broaderInForce.filter((c) => compareVerdicts(c.entry.requirement, own) < 0);
  if (!broaderInForce.length) return;
  if (own === undefined && adoptSharedRequirement(run)) return;
  // A request that states the composition is decided by it, never asked for a narrower identifier (#12.3);
  // only the entries its composition cannot settle (a form of an element it contains) are still asked about.
  const open = broaderInForce.filter((c) => !compositionDecides(c.entry.covers.ids, resolved.nodes, item, run.scope.composition, run.taxonomy));
  if (open.length && askForDefiningShares(run, open)) return;
  if (open.length) {
    const codes = open.map((c) => (c.entry.code ? `${c.entry.code} ${c.entry.title}` : c.entry.title));
    const children = listedChildren(run, open);
    run.ask({
      parameter: 'item',
      prompt: `The item may be ${open.length === 1 ? 'a listed item' : `one of ${open.length} listed items`} (${open[0]!.matchedOn[0]})${children.length ? `; listed beneath it: ${children.slice(0, 12).join(', ')}` : ''}; give a more specific identifier.`,
      candidates: [...new Set(codes)].slice(0, 12),
    });
  }
}

/**
 * A group whose listed members all share one requirement gets it (#12.2): the members' findings then
 * decide, the item counts as listed (rules on every listed item apply), and nothing is asked.
 */
function adoptSharedRequirement(run: PluginRun): boolean {
  const { item } = run.request;
  const defines = (child: string, parent: string) => compositionDefines(child, parent, item, run.scope.composition, run.taxonomy);
  const shared = sharedChildRequirement(run.resolved.nodes, run.broader, run.taxonomy, run.date, (c) => run.inScope(c), defines);
  if (!shared) return false;
  const note = `every item listed beneath ${run.resolved.nodes[0]} gets ${shared.requirement}${shared.licensePolicy ? ` (${shared.licensePolicy})` : ''} here`;
  for (const f of broaderFindings(run)) {
    if (f.status === 'in_force') f.matchedOn.push(note);
    run.findings.push(f);
  }
  run.broader.length = 0;
  run.listedHere = true;
  run.listedInForce = true;
  run.listedForSure = true;
  for (const compiled of run.plugin.entries.anyListed) matchEntry(run, { entry: compiled.entry, compiled, kind: 'exact', matchedOn: ['item is on this regime\'s list'] });
  return true;
}

/** The most restrictive requirement among the findings in force, or undefined when none is. */
function strictestInForce(findings: readonly Finding[]): Verdict | undefined {
  let out: Verdict | undefined;
  for (const f of findings) if (f.status === 'in_force') out = out === undefined ? f.requirement : moreRestrictive(out, f.requirement);
  return out;
}

/** Taxonomy items beneath the requested ones that the broader entries list. */
function listedChildren(run: PluginRun, broader: readonly Candidate[]): string[] {
  const out = new Set<string>();
  for (const c of broader) {
    for (const id of c.entry.covers.ids ?? []) if (!run.resolved.lineage.has(id) && run.resolved.nodes.some((n) => run.taxonomy.ancestors(id).includes(n))) out.add(id);
  }
  return [...out];
}

/**
 * A broader identifier surfaces what lies beneath it (#12.2): the findings of the listed entries
 * under the requested item, with their status. They inform and do not decide: the verdict comes
 * from the question that asks which of them the item is. Added after the plugin's own rules, which
 * judge only what lists the item itself.
 */
function broaderFindings(run: PluginRun): Finding[] {
  const out: Finding[] = [];
  for (const cand of run.broader) {
    const { entry, compiled } = cand;
    // A narrower item the stated content keeps out of reach is not shown as what would apply.
    if (!run.inScope(compiled) || contentRulesOut(run, cand)) continue;
    const finding = run.makeFinding({ measure: entry.measure, entry: compiled.ref, requirement: entry.requirement, licensePolicy: entry.licensePolicy, reason: entry.reason, matchedOn: [...cand.matchedOn] }, compiled.timeline.statusOn(run.date), compiled.effective);
    if (entry.confidence) finding.confidence = entry.confidence;
    out.push(finding);
    run.noteEntry(finding, compiled);
  }
  return out;
}

/** One name a request asks to screen, prepared once for every regime's index. */
export interface ScreenedName {
  path: string;
  name: string;
  /** Made when a regime first has to search for the name (its screener may already know it). */
  prepared?: NormalizedName;
  /** Where the request places the party, when it says. */
  country?: string;
}

/**
 * The names a regime screens in one request: the end user and every other party (CONTRACT §2 `parties`, "screened
 * like the end user"). Owners are not here: a listed owner does not list the end user; ownership rules read shares.
 * Each name is normalised once per request, however many regimes screen it.
 */
function screenedNames(scope: RequestScope): readonly ScreenedName[] {
  if (scope.screened) return scope.screened;
  const { request } = scope;
  const out: ScreenedName[] = [];
  if (request.endUser?.name) out.push({ path: 'endUser.name', name: request.endUser.name, country: request.endUser.country });
  request.parties?.forEach((p, i) => out.push({ path: `parties[${i}].name (${p.role})`, name: p.name, country: p.country }));
  scope.screened = out;
  return out;
}

/** A name the request asks to screen, normalised once for every regime; any other name on its own. */
function preparedName(scope: RequestScope, name: string): NormalizedName {
  for (const n of screenedNames(scope)) if (n.name === name) return (n.prepared ??= normalizeName(name));
  return normalizeName(name);
}

/** Screening: a listed end user or other party whose listing covers the item adds its finding. */
function screenParties(run: PluginRun): void {
  const { request, plugin } = run;
  if (!run.reach.bases.length || plugin.screener.empty || (!request.endUser?.name && !request.parties?.length)) return;
  const seen = new Set<string>();
  for (const { path, name, country } of screenedNames(run.scope)) {
    let query: NormalizedName | undefined;
    const matches = run.screen(name);
    if (!matches.length) warnOfListedNamesBeginningWith(run, path, name);
    for (const match of matches) {
      const { party } = match;
      const elsewhere = country && party.country && !sameListingCountry(country, party.country) ? country : undefined;
      const ownCompany = match.method === 'contains' && namesAnotherCompany(match, (query ??= normalizeName(name)));
      if (!listingReaches(run, party)) continue;
      const key = `${party.id}\u0000${path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const scope = party.scopes ? listingScope(run, party) : { applies: true as const };
      if (!scope.applies) continue;
      // A listing names a party at its location: the same name placed elsewhere may be another party, so the answer asks.
      const finding = run.finding(ownCompany ? {
        measure: party.measure,
        requirement: 'needs_information',
        reason: `${path} "${name}" holds the name of ${party.name}, listed on the ${party.listTitle} (listed ${party.added}), but names a company of its own: a subsidiary or other company is not the listed legal person. If it is the listed party (a branch or division of it), dealing with it ${listingConsequence(party)}; establish which it is before relying on this answer.${listingTerms(party)}`,
        matchedOn: [`${path} "${name}" contains "${match.matchedName}" (score ${match.score}: ${match.explanation}), with words of its own before its legal form`],
      } : elsewhere ? {
        measure: party.measure,
        requirement: 'needs_information',
        reason: `${path} "${name}" matches ${party.name}, listed on the ${party.listTitle} in ${party.country} (listed ${party.added}), but the request places it in ${elsewhere}. If it is the listed party, dealing with it ${listingConsequence(party)}; establish that it is not before relying on this answer.${listingTerms(party)}`,
        matchedOn: [`${path} "${name}" matches "${match.matchedName}" (score ${match.score}: ${match.explanation}); listed in ${party.country}, request says ${elsewhere}`],
      } : {
        measure: party.measure,
        requirement: party.requirement,
        ...(party.licensePolicy ? { licensePolicy: party.licensePolicy } : {}),
        reason: `${party.name} is on the ${party.listTitle} (listed ${party.added}${party.notice ? `; ${party.notice}` : ''}).${listingTerms(party)}`,
        matchedOn: [`${path} "${name}" matches "${match.matchedName}" (score ${match.score}: ${match.explanation})`],
      });
      finding.party = { id: party.id, name: party.name, list: party.list, listTitle: party.listTitle };
      if (party.confidence) finding.confidence = party.confidence;
      if (!ownCompany && !elsewhere && finding.requirement === 'needs_information' && !settleListingFact(run, party, finding, path)) continue;
      if (scope.applies === 'unknown') {
        // Like an entry whose thresholds are unknown: only law in force asks, and nothing is found yet.
        if (finding.status === 'in_force') for (const q of scope.questions) run.ask({ ...q, prompt: `${party.name} is on the ${party.listTitle}: ${q.prompt}` });
        continue;
      }
      if (match.expiryUnverified) {
        // The copy cannot confirm the listing ended: the answer applies it as still listed, and says why.
        const message = listingExpiryMessage(party.name, party.listTitle, match.expiryUnverified.removed, match.expiryUnverified.asOf);
        finding.reason += ` ${message}`;
        run.warnings.push({ code: 'listing_expiry_unverified', jurisdiction: plugin.manifest.jurisdiction, measure: party.measure, path, party: finding.party, message: `${path} "${name}": ${message}` });
      }
      run.findings.push(finding);
      // The answer turns on who the party is: the question says what settles it (CONTRACT §3: needs_information names the fact).
      if (ownCompany && finding.status === 'in_force') {
        run.ask({ parameter: path, prompt: `${path} "${name}" holds the name of ${party.name}, listed on the ${party.listTitle}, but names a company of its own. Is it the listed party itself (a branch or division)? If so, give ${path} as the list writes it ("${match.matchedName}"). If it is a separate company (a subsidiary, an affiliate, an unrelated firm), the listing does not name it: check who owns it and whether rules on owned companies reach it.` });
      } else if (elsewhere && finding.status === 'in_force') {
        const at = `${path.replace(/\.name$/, '')}.country`;
        run.ask({ parameter: at, prompt: `${path} "${name}" matches ${party.name}, listed on the ${party.listTitle} in ${party.country}, but the request places it in ${elsewhere}. Is it that party? If it is, give ${at} as ${party.country}; if it is another, give its full legal name and address so that it can be told apart.` });
      }
    }
  }
}

/** True when a listing reaches this transfer: its kinds of transfer include the request's, and it covers the item. */
function listingReaches(run: PluginRun, party: ListedParty): boolean {
  const covers = party.covers ?? { anyListed: true };
  if (!(party.transfers ?? ['goods', 'technology', 'software']).includes(run.request.transfer)) return false;
  return covers.all || (covers.anyListed ? run.listedForSure : coverageMatches(covers, run.request.item, run.scope, run.field));
}

/** How many listed names a `possible_listed_party` warning names at most. */
const LISTED_NAMES_NAMED = 3;

/**
 * A name that matches no listed name but begins some ("Raytheon" for "Raytheon Missiles & Defense"): the request may
 * give a listed party's short name, or name another firm of that name. The answer cannot tell which, so it warns
 * (`possible_listed_party`, naming the listings that would reach this transfer) and changes no verdict: the full legal
 * name, screened, decides.
 */
function warnOfListedNamesBeginningWith(run: PluginRun, path: string, name: string, owner = false): void {
  const found = run.plugin.screener.beginnings(name, run.date, () => preparedName(run.scope, name));
  if (!found.length) return;
  // An owner's listing binds the owner, whatever the item (see screenOwners): every such name is worth a look.
  const starts = owner ? found : found.filter((m) => listingReaches(run, m.party));
  if (!starts.length) return;
  const named = starts.slice(0, LISTED_NAMES_NAMED).map(({ party, matchedName }) => `"${matchedName}" (${party.listTitle}, listed ${party.added}: dealing with it ${listingConsequence(party)})`);
  const more = starts.length > LISTED_NAMES_NAMED ? ` and ${starts.length - LISTED_NAMES_NAMED} more` : '';
  const { party } = starts[0]!;
  run.warnings.push({
    code: 'possible_listed_party',
    jurisdiction: run.plugin.manifest.jurisdiction,
    ...(starts.every((m) => m.party.measure === party.measure) ? { measure: party.measure } : {}),
    path,
    party: { id: party.id, name: party.name, list: party.list, listTitle: party.listTitle },
    message: `${path} "${name}" matches no listed name, but listed names begin with it: ${named.join('; ')}${more}. It may be the short name of ${starts.length > 1 ? 'one of these parties' : 'that party'}, or name another party; this answer does not treat it as listed${owner ? ', nor apply the rules on parties a listed party owns' : ''}. Give the party's full legal name to screen it.`,
  });
}

/**
 * A listing that needs a fact the list cannot give (CONTRACT §3: `needs_information` says which): the request's answer
 * (`party.fact`, an item parameter) settles the finding's requirement, and while it is missing, or where the answer
 * still leaves the listing unsettled, the answer asks. False: the listing requires nothing for this transfer.
 */
function settleListingFact(run: PluginRun, party: ListedParty, finding: Finding, path: string): boolean {
  const fact = party.fact;
  const answer = fact ? run.parameters?.[fact.parameter] : undefined;
  if (fact && (answer === 1 || answer === 0)) {
    const requirement = answer === 1 ? fact.ifYes : fact.ifNo;
    if (!requirement) return false;
    finding.requirement = requirement;
    if (requirement === 'license_required' && party.licensePolicy) finding.licensePolicy = party.licensePolicy;
    finding.reason += ` ${answer === 1 ? fact.saysYes : fact.saysNo}`;
    finding.matchedOn.push(`item.parameters["${fact.parameter}"] = ${answer}`);
  }
  if (finding.requirement !== 'needs_information' || finding.status !== 'in_force') return true;
  const listed = `${party.name} is on the ${party.listTitle}${party.licenseRequirementText ? `, for: "${party.licenseRequirementText}"` : ''}.`;
  run.ask(fact
    ? { parameter: fact.parameter, prompt: `${listed} ${fact.prompt}`, candidates: ['1', '0'] }
    : { parameter: path, prompt: `${listed} The list does not say by itself what the listing requires for this transfer: read the entry's terms and establish them before relying on this answer.` });
  return true;
}

/** What a listing means for dealing with the party, as words, with its review policy: "requires a licence (case by case)", "is prohibited". */
function listingConsequence(party: Pick<ListedParty, 'requirement' | 'licensePolicy'>): string {
  const policy = party.licensePolicy ? ` (${party.licensePolicy.replace(/_/g, ' ')})` : '';
  if (party.requirement === 'license_required') return `requires a licence${policy}`;
  if (party.requirement === 'prohibited') return `is prohibited${policy}`;
  if (party.requirement === 'needs_information') return 'turns on facts the list names, to be settled first';
  return `is ${party.requirement.replace(/_/g, ' ')}${policy}`;
}

/** The entry's own words on its licence requirement and review policy, where the list gives them, and what the copy leaves out. */
function listingTerms(party: ListedParty): string {
  if (!party.licenseRequirementText) return '';
  const policy = party.licensePolicyText
    ? ` Review policy: "${party.licensePolicyText}".`
    : party.licensePolicy ? '' : ' The review policy of this entry is not recorded in this copy of the list: check it in the list itself before applying for a licence.';
  return ` The entry's licence requirement: "${party.licenseRequirementText}".${policy}`;
}

/**
 * Whether a listing applies to this request under its scopes: the first scope whose destinations hold
 * and whose parameters meet its thresholds applies it; a scope whose parameters are missing asks.
 */
function listingScope(run: PluginRun, party: ListedParty): { applies: true | false } | { applies: 'unknown'; questions: Question[] } {
  const questions: Question[] = [];
  for (const s of party.scopes!) {
    if (!destinationCovers(s.destinations, run.request.to, run.isMember)) continue;
    if (!s.conditions) return { applies: true };
    const result = evaluateCondition(s.conditions, run.parameters, run.scope.composition);
    if (result.value === true) return { applies: true };
    if (result.value === 'unknown') for (const p of result.missing) questions.push({ parameter: p, prompt: s.prompts?.[p] ?? `the listing turns on ${p}; give item.parameters.${p}.` });
  }
  return questions.length ? { applies: 'unknown', questions } : { applies: false };
}

/**
 * Owners (CONTRACT §9: screening runs for `owners` too): an owner found on one of the regime's lists is
 * reported as a `listed_owner` warning naming `endUser.owners[i]`, the list and what the listing means.
 * The listing binds the owner itself; whether it reaches the end user is for the regime's ownership rules
 * (the plugin's own, such as the EAR affiliates rule), so the warning changes no verdict. An owner named only by the
 * start of listed names ("Sukhoi" for "Sukhoi Aviation JSC") gets a `possible_listed_party` warning instead.
 */
function screenOwners(run: PluginRun): void {
  const { request, plugin } = run;
  const owners = request.endUser?.owners;
  if (!owners?.length || !run.reach.bases.length) return;
  const endUser = request.endUser!.name ?? 'the end user';
  owners.forEach((owner, i) => {
    const seen = new Set<string>();
    const matches = run.screen(owner.name);
    if (!matches.length) warnOfListedNamesBeginningWith(run, `endUser.owners[${i}]`, owner.name, true);
    for (const match of matches) {
      const { party } = match;
      if (seen.has(party.id)) continue;
      seen.add(party.id);
      const binding = plugin.definition.lists?.find((b) => b.list === party.list);
      const share = owner.share === undefined ? 'share not given' : `${Math.round(owner.share * 1000) / 10} %`;
      const requires = party.requirement === 'license_required' && party.licensePolicy ? `license_required, ${party.licensePolicy.replace(/_/g, ' ')}` : party.requirement;
      const reach = binding?.owned ?? `This regime's data models no rule extending the ${party.listTitle} to parties a listed party owns, so this answer does not extend it to ${endUser}; check the list's terms.`;
      run.warnings.push({
        code: 'listed_owner',
        jurisdiction: plugin.manifest.jurisdiction,
        measure: party.measure,
        path: `endUser.owners[${i}]`,
        party: { id: party.id, name: party.name, list: party.list, listTitle: party.listTitle },
        message: `endUser.owners[${i}] "${owner.name}" (${share}) matches "${match.matchedName}" on the ${party.listTitle} (listed ${party.added}; score ${match.score}). The listing binds ${party.name} itself: dealing with it directly requires ${requires}. ${reach}${match.expiryUnverified ? ` ${listingExpiryMessage(party.name, party.listTitle, match.expiryUnverified.removed, match.expiryUnverified.asOf)}` : ''}`,
      });
    }
  });
}

/**
 * Stage 3b, exclusions: an entry that another takes items out of (`excludedBy`, "excluding those in row 4")
 * gives no finding in force when that other applies in force, its conditions met. Where the other's
 * conditions are unknown the entry stands: the item needs what one of them requires either way.
 */
export function exclusionsStage(run: PluginRun): void {
  const applied = new Set<string>();
  for (const f of run.findings) if (f.status === 'in_force' && f.entry) applied.add(f.entry.id);
  if (!applied.size) return;
  for (let i = run.findings.length - 1; i >= 0; i--) {
    const f = run.findings[i]!;
    const excludedBy = f.status === 'in_force' ? run.entryOf(f)?.entry.excludedBy : undefined;
    if (excludedBy?.some((id) => applied.has(id))) run.findings.splice(i, 1);
  }
}

/**
 * The context a plugin's `evaluate` hook reads: the one literal every context is made from, the engine's
 * ({@link pluginRules}) and a hook's own for another request ({@link contextWithRequest}). Contexts of one shape keep
 * the hooks' code optimised: a context of another shape deoptimises every function that reads it, and one made with
 * `Object.create(ctx)` has a shape of its own each time (its prototype is that request's context), so the hooks' reads
 * of every context turned megamorphic after a few of them.
 */
function evaluationContext(r: ReachContext, request: NormalizedRequest, rest: Pick<EvaluationContext, 'reach' | 'findings' | 'matchedEntries' | 'finding' | 'measure' | 'statusOf'>): EvaluationContext {
  return {
    request, item: r.item, taxonomy: r.taxonomy, origin: r.origin, contentShare: r.contentShare, isMember: r.isMember,
    reach: rest.reach, findings: rest.findings, matchedEntries: rest.matchedEntries, finding: rest.finding, measure: rest.measure, statusOf: rest.statusOf,
    screen: r.screen, composition: r.composition,
  };
}

/**
 * The same context for another request (a hook asking what its rules would answer were a fact given, say; build the
 * request with {@link requestWithParameters}): everything else, the run's findings and methods included, is the
 * context's own. Use it rather than a copy or `Object.create`, which give contexts of other shapes (see evaluationContext).
 */
export function contextWithRequest(ctx: EvaluationContext, request: NormalizedRequest): EvaluationContext {
  return evaluationContext(ctx, request, ctx);
}

/** The plugin's own rules (`evaluate` hook), given what the data found. */
function pluginRules(run: PluginRun): EvaluationResult | undefined {
  const hook = run.plugin.definition.evaluate;
  if (!hook || !run.reach.bases.length) return undefined;
  const r = run.reachCtx;
  const ctx = evaluationContext(r, r.request, {
    // Bound here, for the hook only (it may call them detached): as fields of every run they were three closures
    // made for each regime and request, most of which never reach this hook.
    reach: run.reach, findings: run.findings, matchedEntries: run.matchedEntries, finding: (input) => run.finding(input), measure: run.plugin.measureOf,
    statusOf: (measureId, part) => run.statusOf(measureId, part),
  });
  const extra = hook(ctx);
  if (!extra) return undefined;
  if (extra.findings) for (const f of extra.findings) run.findings.push(f);
  for (const q of extra.questions ?? []) run.ask(q);
  if (extra.settles?.length) run.settle(extra.settles);
  for (const w of extra.warnings ?? []) run.warnings.push(w.jurisdiction ? w : { ...w, jurisdiction: run.plugin.manifest.jurisdiction });
  return extra;
}

/**
 * Whether the regime reaches the transfer: its own rules may say (a content share not yet known may
 * decide it); otherwise territory or a deemed export does, and any other basis only with a finding in
 * force or a question (then the answer is that question, not not_controlled).
 */
export function reachesStage(run: PluginRun, inForce: readonly Finding[], extra: EvaluationResult | undefined): boolean {
  return extra?.reaches ?? (run.reach.bases.includes('territory') || run.reach.bases.includes('deemed') || inForce.length > 0 || run.questions.length > 0);
}

/** Stage 6, verdict: the strictest finding in force, a question, or what an unlisted item gets. */
export function verdictStage(run: PluginRun, inForce: Finding[], reaches: boolean, baseline: Verdict | undefined): Verdict {
  if (!reaches) return 'not_controlled';
  // Folded one finding at a time: an array of the requirements would be one more allocation per plugin and
  // request, and its element kind (empty or not) one more map for the optimised code to meet.
  let verdict: Verdict = run.questions.length ? 'needs_information' : 'not_controlled';
  for (let i = 0; i < inForce.length; i++) verdict = moreRestrictive(verdict, inForce[i]!.requirement);
  // Only an entry in force lists the item (CONTRACT §3): a measure not in force changes nothing.
  if (verdict === 'not_controlled') {
    if (run.listedInForce || inForce.length > 0) return 'no_license_required';
    if (baseline) return baseline;
  }
  return verdict;
}

/**
 * Stage 7, authorisations: a licence requirement that general authorisations cover (the plugin's own
 * rules', and those of its data that cover every licensed finding in force) becomes
 * authorization_available with them; any verdict but those two carries none.
 */
export function authorisationsStage(run: PluginRun, inForce: readonly Finding[], verdict: Verdict, fromRules: Authorization[] | undefined): { verdict: Verdict; authorizations: Authorization[] } {
  if (verdict === 'authorization_available') return { verdict, authorizations: fromRules ?? [] };
  if (verdict !== 'license_required') return { verdict, authorizations: [] };
  const fromData = authorisationsFromData(run, inForce);
  const authorizations = fromData.length ? (fromRules ?? []).concat(fromData) : fromRules ?? [];
  return { verdict: authorizations.length ? 'authorization_available' : verdict, authorizations };
}

/** The plugin's general authorisations (its data) that cover every licensed finding in force. */
function authorisationsFromData(run: PluginRun, inForce: readonly Finding[]): Authorization[] {
  const { request, plugin, field } = run;
  const licensed = inForce.filter((f) => f.requirement === 'license_required');
  const requestCode = itemControlCode(request.item, field);
  const out: Authorization[] = [];
  for (const rule of plugin.definition.authorizations ?? []) {
    if (!destinationCovers(rule.destinations, request.to, run.isMember)) continue;
    if (rule.transfers && !rule.transfers.includes(request.transfer)) continue;
    if (rule.notForEndUses?.includes(request.endUse)) continue;
    const coversAll = licensed.every((f) => {
      const entry = run.entryOf(f)?.entry;
      return entry !== undefined && coverageIncludesEntry(rule.covers, entry, run.taxonomy, requestCode) && !(rule.excludes && exclusionTouchesEntry(rule.excludes, entry, run.taxonomy, requestCode));
    });
    if (coversAll) out.push({ id: rule.id, title: rule.title, conditions: rule.conditions, url: rule.url });
  }
  return out;
}

/**
 * An advisory on this answer that reports on the measure (or on the act that suspended it) is named in the
 * warning, so that a reader of the warning learns of it; the status stays what the data says.
 */
function reportedOn(advisories: readonly Advisory[], measureId: string, by: string | undefined): string {
  const hits = advisories.filter((a) => a.measures?.some((m) => m === measureId || m === by));
  return hits.map((a) => ` Reported since ${a.firstReported}, not in force as law: ${a.title} (advisory ${a.id}, evidence ${a.evidence}); it does not change this status.`).join('');
}

/** Warnings on the answer: data older than the date, suspensions whose end nobody checked, measure caveats. */
function warningsStage(run: PluginRun, advisories: readonly Advisory[]): void {
  const { manifest } = run.plugin;
  const { date } = run;
  // Every plugin whose data stops before the date warns, whether or not it reaches (CONTRACT §3 "Dates").
  if (date > manifest.dataVerifiedThrough) {
    run.warnings.push({ code: 'stale_data', message: `${manifest.name} data was verified through ${manifest.dataVerifiedThrough}; the answer for ${date} may miss later changes.`, jurisdiction: manifest.jurisdiction });
  }
  for (const f of run.findings) measureWarnings(run, run.plugin.measures.get(f.measure.id)!, run.entryOf(f)?.entry, advisories);
  // A question asked under a measure (a threshold, content or end use not given) rests on it as a finding does: a
  // suspension that ended unchecked, or the measure's caveats, concern the answer to come (CONTRACT §3 "Dates").
  for (const e of run.askingEntries()) {
    if (!run.findings.some((f) => f.measure.id === e.measure)) measureWarnings(run, run.plugin.measures.get(e.measure)!, e, advisories);
  }
}

/**
 * The warnings of a measure an answer rests on (through a finding, or a question one of its entries asks): a
 * suspension that ended with nothing checked after it, the last day of a suspension, the measure's caveats.
 */
function measureWarnings(run: PluginRun, measure: Measure, part: ControlEntry | undefined, advisories: readonly Advisory[]): void {
  const { manifest } = run.plugin;
  const { date } = run;
  const gap = unverifiedResumption(measure, date, manifest.dataVerifiedThrough) ?? (part ? unverifiedResumption(part, date, manifest.dataVerifiedThrough) : undefined);
  if (gap) {
    run.warnings.push({
      code: 'status_unverified',
      message: `${measure.reference}: the suspension by ${gap.by}${gap.scope ? ` (${gap.scope})` : ''} ended on ${gap.to}; the text applies again, but no source checked through ${manifest.dataVerifiedThrough} says what followed.${reportedOn(advisories, measure.id, gap.byMeasure)}`,
      jurisdiction: manifest.jurisdiction,
      measure: measure.id,
    });
  }
  const ending = suspensionEndingOn(measure, date) ?? (part ? suspensionEndingOn(part, date) : undefined);
  if (ending) {
    // Not `status_unverified`: CONTRACT §3 keeps that for the days after E; on E the measure is suspended by the
    // contract's reading, and this says only that the reading is contested.
    run.warnings.push({
      code: 'suspension_last_day',
      message: `${measure.reference}: ${date} is the last day of the suspension by ${ending.by}${ending.scope ? ` (${ending.scope})` : ''}, read as suspended ("until ${date}" includes ${date}); some read the end date as the day the text applies again, so confirm the status for this day.${reportedOn(advisories, measure.id, ending.byMeasure)}`,
      jurisdiction: manifest.jurisdiction,
      measure: measure.id,
    });
  }
  if (measure.caveats) caveatWarnings(run, measure, measure.caveats);
  if (part?.caveats) caveatWarnings(run, measure, part.caveats);
}

/**
 * The warning a caveat gives, made once and frozen: the same caveats recur on most answers that reach a regime, and
 * a shared warning is neither allocated again nor compared character by character when warnings are freed of repeats.
 */
const caveatWarningKept = new WeakMap<Caveat, Warning>();
function caveatWarning(c: Caveat, jurisdiction: string, measureId: string): Warning {
  const kept = caveatWarningKept.get(c);
  // A plugin may give one caveat object to several measures: the kept warning serves only the one it was made for.
  if (kept !== undefined && kept.measure === measureId && kept.jurisdiction === jurisdiction) return kept;
  const w: Warning = Object.freeze({ code: c.code, message: c.message, jurisdiction, measure: measureId });
  caveatWarningKept.set(c, w);
  return w;
}

/** The caveats (a measure's or one of its entries') that apply on the request's date. */
function caveatWarnings(run: PluginRun, measure: Measure, caveats: readonly Caveat[]): void {
  const { date } = run;
  for (let i = 0; i < caveats.length; i++) {
    const c = caveats[i]!;
    if ((c.from === undefined || date >= c.from) && (c.to === undefined || date <= c.to)) run.warnings.push(caveatWarning(c, run.plugin.manifest.jurisdiction, measure.id));
  }
}

const NO_ADVISORIES: Advisory[] = Object.freeze([]) as unknown as Advisory[];
const NO_ENTRIES: readonly ControlEntry[] = Object.freeze([]);

/**
 * The item lies under a node an advisory's scope names (its lineage holds it), or is broader than one (one of its nodes
 * is among the named nodes' ancestors), or its customs line and a named heading fall one within the other. Loops rather
 * than some() with arrow functions: closures over the loop's variables cost an allocation per advisory and request.
 */
function advisoryItemHit(c: CompiledAdvisory, resolved: ResolvedItem): boolean {
  if (c.ids !== undefined) {
    for (let i = 0; i < c.ids.length; i++) if (resolved.lineage.has(c.ids[i]!)) return true;
    for (let i = 0; i < resolved.nodes.length; i++) if (c.above!.has(resolved.nodes[i]!)) return true;
  }
  const code = resolved.customsCode;
  if (code !== undefined && c.hs !== undefined) {
    for (let i = 0; i < c.hs.length; i++) if (code.startsWith(c.hs[i]!) || c.hs[i]!.startsWith(code)) return true;
  }
  return false;
}

/** Advisories of the plugin that concern the corridor, the date and the item (from the index by origin country). */
function advisoriesStage(run: PluginRun): Advisory[] {
  const { request, resolved, taxonomy, date } = run;
  const from = run.plugin.advisoriesOf(request.from, taxonomy);
  if (!from) return NO_ADVISORIES;
  // Made on the first advisory that applies: most corridors with advisories have none for a given request.
  let out: Advisory[] | undefined;
  for (let i = 0; i < from.length; i++) {
    const c = from[i]!;
    const a = c.advisory;
    if (a.firstReported > date) continue;
    if (!c.anyTo && !c.to.has(request.to)) continue;
    if (!a.itemScope) {
      (out ??= []).push(a);
      continue;
    }
    if (c.transfers && !c.transfers.has(request.transfer)) continue;
    // A scope naming neither nodes nor headings holds every item.
    if ((!c.ids && !c.hs) || advisoryItemHit(c, resolved)) (out ??= []).push(a);
  }
  return out ?? NO_ADVISORIES;
}

/**
 * Evaluates one plugin for one request (DESIGN "The engine", step 2–3), in stages, each a function of
 * its own: reach (1) → candidates (2) → for each candidate match (3), conditions (4) and status (5)
 * → identification questions → screening → the plugin's own rules → verdict (6) → authorisations (7)
 * → the questions that could still change the answer, findings beneath a broader item, warnings and advisories.
 */
export function evaluatePlugin(plugin: CompiledPlugin, scope: RequestScope): PluginOutcome {
  const run = new PluginRun(plugin, scope);
  reachStage(run);
  if (!run.reach.bases.length) return notReached(run);
  for (const cand of candidatesStage(run)) matchEntry(run, cand);
  if (run.plugin.hasExclusions) exclusionsStage(run);
  identificationQuestions(run);
  classificationCheck(run);
  screenParties(run);
  screenOwners(run);
  const extra = pluginRules(run);

  const inForce = run.findings.filter((f) => f.status === 'in_force');
  const reaches = reachesStage(run, inForce, extra);
  const { verdict, authorizations } = pendingReachStage(run, openAuthorisationStage(run, extra?.authorizationsOpen, authorisationsStage(run, inForce, verdictStage(run, inForce, reaches, extra?.baseline), extra?.authorizations)));
  const licensePolicy = verdict === 'license_required' ? strictestPolicy(inForce.filter((f) => f.requirement === 'license_required').map((f) => f.licensePolicy)) : undefined;
  run.dropMootQuestions(verdict, licensePolicy);
  if (verdict === 'no_license_required' && inForce.length === 0) listedElsewhereStage(run);
  // What the entries beneath a broader item would require is shown only where the regime reaches the transfer: a regime
  // that does not reach it answers not_controlled, which findings of rules in force must not contradict (CONTRACT §3).
  if (reaches) for (const f of broaderFindings(run)) run.findings.push(f);
  const advisories = advisoriesStage(run);
  warningsStage(run, advisories);
  return { assessment: assessmentOf(run, reaches, extra?.reach, verdict, authorizations, licensePolicy), questions: reaches ? run.questions : [], warnings: dedupeWarnings(run.warnings), advisories };
}

/**
 * An authorisation offered while a question that could take it away is open (`EvaluationResult.authorizationsOpen`):
 * the answer is that question, `needs_information`; the findings show the licence requirement it would cover.
 */
function openAuthorisationStage(run: PluginRun, open: readonly string[] | undefined, decided: { verdict: Verdict; authorizations: Authorization[] }): { verdict: Verdict; authorizations: Authorization[] } {
  if (decided.verdict !== 'authorization_available' || !open?.length || !run.questions.some((q) => open.includes(q.parameter))) return decided;
  return { verdict: 'needs_information', authorizations: [] };
}

/**
 * A reach that turns on an open fact (`reach.pending`): where a rule would bind if the regime reaches, the answer is
 * that question, `needs_information`, and the findings show what would apply; where nothing binds, nothing is asked.
 */
function pendingReachStage(run: PluginRun, decided: { verdict: Verdict; authorizations: Authorization[] }): { verdict: Verdict; authorizations: Authorization[] } {
  const pending = run.reach.pending;
  if (!pending || decided.verdict === 'not_controlled' || decided.verdict === 'no_license_required') return decided;
  run.ask(pending);
  return { verdict: 'needs_information', authorizations: [] };
}

/**
 * A regime that answers `no_license_required` because an entry in force lists the item for other destinations (an
 * export control that leaves transfers within a union free): that entry, as a `no_license_required` finding, so that
 * the answer names what it rests on (CONTRACT §3: "an entry in force on the date lists the item, but it is not
 * controlled for this destination").
 */
function listedElsewhereStage(run: PluginRun): void {
  const seen = new Set<string>();
  for (const { entry, compiled, matchedOn } of run.listedElsewhere ?? []) {
    if (seen.has(compiled.ref.id)) continue;
    seen.add(compiled.ref.id);
    const scope = describeDestinations(entry.destinations ?? {});
    // Out of scope, an unmet or unknown threshold is not asked: either way the entry needs no licence here.
    const open = entry.conditions && conditionsStage(run, entry)?.value === 'unknown' ? ` when it meets ${describeCondition(entry.conditions)}` : '';
    const reason = `${entry.code ?? entry.title ?? compiled.ref.id} lists the item${open}, but its requirement covers ${scope}, not ${run.request.to}: no licence is needed under it for this transfer.`;
    run.findings.push(run.makeFinding({ measure: entry.measure, entry: compiled.ref, requirement: 'no_license_required', reason, matchedOn: [...matchedOn, `destination ${run.request.to} outside the entry's destinations`] }, 'in_force', compiled.effective));
  }
}

/** A destination scope in words: "destinations outside group eu", "CN, HK". */
function describeDestinations(scope: DestinationScope): string {
  const words = (refs: readonly string[]) => refs.map((r) => (r.startsWith('group:') ? `group ${r.slice(6)}` : r)).join(', ');
  if (scope.include && scope.exclude) return `destinations in ${words(scope.include)} except ${words(scope.exclude)}`;
  if (scope.include) return `destinations in ${words(scope.include)}`;
  if (scope.exclude) return `destinations outside ${words(scope.exclude)}`;
  return 'other destinations';
}

/** The regime's assessment as the answer carries it, from what the stages found. */
function assessmentOf(run: PluginRun, reaches: boolean, reachFromRules: string | undefined, verdict: Verdict, authorizations: Authorization[], licensePolicy: LicensePolicy | undefined): JurisdictionAssessment {
  const reachText = reachFromRules || run.reach.description;
  const assessment: JurisdictionAssessment = {
    jurisdiction: run.plugin.manifest.jurisdiction,
    plugin: run.plugin.descriptor,
    reaches,
    reach: reaches ? reachText : `${reachText} (no rule in force reaches it on ${run.date})`,
    verdict,
    authorizations,
    findings: inForceFirst(run.findings),
  };
  if (licensePolicy) assessment.licensePolicy = licensePolicy;
  if (run.questions.length) assessment.questions = run.questions;
  return assessment;
}

/**
 * The findings with those in force first, each group in the order found: the first finding is one the answer rests
 * on, not a repealed or not-yet-in-force measure shown for context (a batch's CSV `reference` column is the first
 * finding's). The list itself when it is already in that order, as it nearly always is.
 */
function inForceFirst(findings: Finding[]): Finding[] {
  let seenOther = false;
  let ordered = true;
  for (let i = 0; i < findings.length; i++) {
    if (findings[i]!.status !== 'in_force') seenOther = true;
    else if (seenOther) {
      ordered = false;
      break;
    }
  }
  if (ordered) return findings;
  return [...findings.filter((f) => f.status === 'in_force'), ...findings.filter((f) => f.status !== 'in_force')];
}

/**
 * The answer of a regime that does not reach the transfer: no stage after reach has anything to do,
 * so only the data's age and the corridor's advisories are looked at.
 */
function notReached(run: PluginRun): PluginOutcome {
  const advisories = advisoriesStage(run);
  warningsStage(run, advisories);
  return { assessment: run.plugin.notReached(run.reach.description), questions: run.questions, warnings: run.warnings, advisories };
}

/** Removes repeated warnings (same code, jurisdiction, measure and message). Answers carry a handful, so a pairwise scan beats building keys. */
export function dedupeWarnings(warnings: Warning[]): Warning[] {
  if (warnings.length < 2) return warnings;
  const out: Warning[] = [];
  for (let i = 0; i < warnings.length; i++) {
    const w = warnings[i]!;
    if (!includesWarning(out, w)) out.push(w);
  }
  return out;
}

/**
 * Appends to `warnings` (free of repeats) those of `more` (free of repeats too) that it does not hold: the result is
 * what {@link dedupeWarnings} makes of both together, each of `more` compared only with the warnings there before.
 */
export function appendWarnings(warnings: Warning[], more: readonly Warning[]): void {
  const before = warnings.length;
  for (let i = 0; i < more.length; i++) {
    const w = more[i]!;
    if (!includesWarning(warnings, w, before)) warnings.push(w);
  }
}

/** True when the first `end` warnings of `list` hold one that says what `w` says (same code, message, jurisdiction and measure). */
function includesWarning(list: readonly Warning[], w: Warning, end = list.length): boolean {
  for (let i = 0; i < end; i++) {
    const o = list[i]!;
    if (o.code === w.code && o.message === w.message && (o.jurisdiction ?? '') === (w.jurisdiction ?? '') && (o.measure ?? '') === (w.measure ?? '')) return true;
  }
  return false;
}
