import { CompiledPlugin } from './compiled-plugin.js';
import { conditionParameters, describeCondition } from './conditions.js';
import { compositionOf, refineByComposition } from './composition.js';
import { assessExposure, type ExposurePlan, type ExposureResponse } from './exposure.js';
import { measureEvents, statusOn, statusTimeline, todayUtc, isIsoDate, combinedStatusOn, type MeasureEvent } from './dates.js';
import { PluginRegistrationError, ValidationError } from './errors.js';
import { appendWarnings, dedupeWarnings, evaluatePlugin, type RequestScope } from './evaluate.js';
import type { PluginDefinition } from './plugin.js';
import { echoedId, normalizeRequest, type CodeFormat } from './request.js';
import { resolveItem, type ListCodeHit, type ResolvedItem } from './resolve.js';
import { controlCodeAncestry } from './codes.js';
import { controlCodeFieldOf, itemControlCode, type ControlCodeField } from './plugin.js';
import type { TaxonomyView } from './taxonomy.js';
import type {
  Advisory, AssessmentResponse, IsoDate, ItemRef, LicensePolicy, Measure, MeasureStatus, NormalizedRequest, Question,
  StatusInterval, Suspension, Verdict, Warning,
  AssessmentRequest,
} from './types.js';
import { validatePlugin } from './validate-plugin.js';
import { applyAmendments, amends, checkAmendmentShape, type Amendment, type AmendmentUsed } from './amendments.js';
import { withImportedLists } from './imported-lists.js';
import { buildKnowledge, type DataStatus } from './knowledge.js';
import type { PartyList } from './lists.js';
import type { ScreeningRequest, ScreeningResponse } from './screening.js';
import { mostRestrictive } from './verdict.js';
import { CORE_VERSION } from './version.js';
import { MemoByKind, type MemoStatistics } from './memo.js';

/** Options for {@link createEngine}. */
export interface EngineOptions {
  /** The taxonomy items resolve against (usually `loadTaxonomy()` from `@chokepoint/taxonomy`). */
  taxonomy: TaxonomyView;
  /** Jurisdiction plugins; each is validated before registration. */
  plugins: PluginDefinition[];
  /**
   * Ignored. The engine once remembered answers by request; on varied traffic that cache was never
   * hit, grew with every distinct request and let one caller's bad `id` change another's answer, so
   * every request is now evaluated on its own. Kept so that existing callers still compile.
   * @deprecated No effect; remove it.
   */
  cacheSize?: number;
  /** Imported screening lists (CONTRACT §10); each replaces the bundled list with the same ID. */
  lists?: PartyList[];
  /** Amendments to apply, each with the SHA-256 of its file (CONTRACT §10). */
  amendments?: (Amendment & { sha256: string; file?: string })[];
  /** A list whose `asOf` is older than this many days warns (`stale_list`) in answers that screened a party against it. Default 7. */
  listMaxAgeDays?: number;
}

/**
 * A measure with its status on a date (CONTRACT §4 `measures --json`): the measure's own facts, picked from
 * {@link Measure} so that the two cannot drift apart, with its status, timeline and entry count.
 */
export interface MeasureView
  extends Pick<Measure, 'id' | 'jurisdiction' | 'title' | 'titleOriginal' | 'reference' | 'authority' | 'published' | 'effective' | 'summary' | 'url' | 'sources' | 'confidence' | 'related'> {
  status: MeasureStatus;
  statusTimeline: StatusInterval[];
  /** Number of list entries that belong to the measure. */
  entries: number;
}

/** One list entry of a measure, as a reader browsing the measure needs it. */
export interface MeasureEntryView {
  id: string;
  code?: string;
  title: string;
  requirement: Verdict;
  licensePolicy?: LicensePolicy;
  reason: string;
  /** The entry's own dates, where they differ from its measure's (a part added or ended later). */
  effective?: { from: IsoDate; to: IsoDate | null };
  /** Suspensions of the entry alone (a clause of its measure suspended), where it has any. */
  suspensions?: Suspension[];
}

/** A dated change (CONTRACT §4 `changes --json`). */
export interface ChangeView {
  date: IsoDate;
  jurisdiction: string;
  measure: string;
  event: MeasureEvent['event'];
  title: string;
  reference: string;
  scope?: string;
  /** For a change to what a measure lists (a plugin's `scopeChanges`): the list codes it changed. */
  codes?: string[];
  /** For a change to what a measure lists: where the rule that made it is published, when the plugin gives it. */
  url?: string;
}

/** One line of a batch: its answer, or an error that names what was wrong with it. */
export type BatchOutcome =
  | { ok: true; index: number; response: AssessmentResponse }
  | { ok: false; index: number; id?: string | number; error: { code: string; message: string; errors?: { path: string; message: string }[] } };

/** How one regime treats an item, ignoring destination (for `compare`). */
export interface RegimeComparison {
  jurisdiction: string;
  plugin: string;
  entries: {
    entry: string;
    measure: string;
    reference: string;
    code?: string;
    title: string;
    requirement: Verdict;
    status: MeasureStatus;
    destinations?: { include?: string[]; exclude?: string[] };
    transfers: string[];
    /** The entry's parameter thresholds in words (`purity > 0.999 and densityGPerCm3 > 1.73`), when it has any. */
    conditions?: string;
    /**
     * The technical parameters (CONTRACT §6) the entry turns on, with the plugin's question for each
     * where it has one: what a request should state for this entry to be decided without a question.
     */
    parameters?: { name: string; prompt?: string }[];
  }[];
}

/** How every regime lists an item on a date, whatever the destination (`engine.compare`, `GET /v1/compare`). */
export interface Comparison {
  item: { resolved: string[]; matchedBy: string };
  date: IsoDate;
  regimes: RegimeComparison[];
}

/** The assessment engine (DESIGN "The engine"). */
export interface Engine {
  /** Installed plugins' identities. */
  /** The installed plugins; `controlCodeField` is the request field that carries a regime's own list codes (`item.eccn`, `item.codes.JP` …). */
  readonly plugins: readonly { name: string; version: string; jurisdiction: string; title: string; dataVerifiedThrough: IsoDate; core: string; controlCodeField?: ControlCodeField }[];
  /** The taxonomy the engine resolves against. */
  readonly taxonomy: TaxonomyView;
  /**
   * Assesses one request; throws {@link ValidationError} naming each bad field. Each request is
   * validated and evaluated on its own: nothing of one request (its `id`, an error it raised) is kept
   * for another. The answer is a new object; parts that are the same for every answer (a plugin's
   * descriptor, the `data` block, the assessment of a regime that does not reach, for each reason) are
   * shared and frozen. Typed with {@link AssessmentRequest} for TypeScript callers; any
   * value is accepted (parsed JSON, a form) and validated the same way.
   */
  assess(request: AssessmentRequest): AssessmentResponse;
  /** Assesses a value of unknown shape (parsed JSON), validating it first. */
  assess(request: unknown): AssessmentResponse;
  /** Assesses a stream of requests in order; a bad line yields an error outcome and the stream goes on. */
  assessMany(requests: Iterable<AssessmentRequest>): Iterable<BatchOutcome>;
  /** Assesses a stream of values of unknown shape (parsed NDJSON lines), validating each. */
  assessMany(requests: Iterable<unknown>): Iterable<BatchOutcome>;
  /** Assesses an async stream of requests in order (a file, a socket), one outcome per request. */
  assessMany(requests: AsyncIterable<unknown>): AsyncIterable<BatchOutcome>;
  /** Measures with their status on a date, optionally for one jurisdiction or item. */
  measures(options?: { jurisdiction?: string; asOf?: IsoDate; itemId?: string }): MeasureView[];
  /** One measure by ID. */
  measure(id: string, asOf?: IsoDate): MeasureView | undefined;
  /** The list entries that belong to a measure (empty for an unknown measure or one without entries). */
  measureEntries(id: string): MeasureEntryView[];
  /** Dated events (published, in force, suspended, resumed, repealed) in a window, oldest first. */
  changes(options: { from: IsoDate; to: IsoDate; jurisdiction?: string; itemIds?: string[] }): ChangeView[];
  /** How every regime lists an item on a date, whatever the destination. */
  compare(item: ItemRef, date?: IsoDate): Comparison;
  /** Every advisory of every plugin. */
  advisories(): Advisory[];
  /**
   * The days on which the listing of a party matching one of `names`, on any regime's lists, begins, ends, is
   * suspended or applies again, sorted and without repeats: the days no measure event marks on which an answer
   * that screens those names may change (the portfolio changes feed assesses them).
   */
  listingDays(names: readonly string[]): IsoDate[];
  /**
   * The days on which one of `countries` joins or leaves a country group of any regime or of the taxonomy, sorted
   * and without repeats: days no measure event marks on which an answer naming those countries may change (the
   * portfolio changes feed assesses them). Throws {@link ValidationError} naming `countries[i]` when one is not text.
   */
  membershipDays(countries: readonly string[]): IsoDate[];
  /**
   * Which inputs of a production step cannot follow it to a site (CONTRACT §8); see {@link assessExposure}.
   * Throws {@link ValidationError} naming each bad field. Typed with {@link ExposurePlan}; any value is accepted and validated.
   */
  exposure(plan: ExposurePlan): ExposureResponse;
  /** Plans a value of unknown shape (parsed JSON), validating it first. */
  exposure(plan: unknown): ExposureResponse;
  /**
   * Screens a party against every loaded list (CONTRACT §9); throws {@link ValidationError} naming each bad field.
   * Typed with {@link ScreeningRequest}; any value is accepted and validated.
   */
  screen(request: ScreeningRequest): ScreeningResponse;
  /** Screens a value of unknown shape (parsed JSON), validating it first. */
  screen(request: unknown): ScreeningResponse;
  /** What the engine's answers rest on: plugins, lists and amendments (CONTRACT §10). */
  dataStatus(): DataStatus;
  /**
   * Hits and misses of the engine's bounded memos of sub-results (item resolution, each regime's candidate
   * entries and party screening): the engine keeps no answers, only these; the bench reports them beside its figures.
   */
  memoStatistics(): MemoStatistics[];
}

/** Adds an advisory unless one with its ID is there already (answers carry a handful: a scan beats a map). */
function addAdvisory(list: Advisory[], advisory: Advisory): void {
  for (const a of list) if (a.id === advisory.id) return;
  list.push(advisory);
}

/** A resolution's label for a customs code the request gave (`hs 850511`, `cnCode 2846901000`). */
const isCustomsCodeLabel = (label: string): boolean => label.startsWith('hs ') || label.startsWith('cnCode ');

/** Warnings on how the item was resolved: nothing matched (naming the families its name names), several items matched, an unverified identifier, a list code read as the item, identifiers that disagree. */
function resolutionWarnings(resolved: ResolvedItem, item: NormalizedRequest['item'], warnings: Warning[]): void {
  if (resolved.nodes.length === 0 && !item.cnControlCode && !item.eccn && !item.euCode && !item.codes) {
    const families = resolved.namedFamilies?.length ? ` The name mentions ${resolved.namedFamilies.join(' and ')} but matches none of ${resolved.namedFamilies.length > 1 ? 'their' : 'its'} items: give the item's taxonomy ID (\`chokepoint taxonomy search ${resolved.namedFamilies[0]}\` lists them), a customs code or a fuller name.` : '';
    warnings.push({ code: 'unresolved_item', message: `No taxonomy item matches the identifiers given; only list codes and customs lines were compared.${families}` });
  } else if (resolved.nodes.length > 1) {
    warnings.push({ code: 'ambiguous_item', message: `The identifiers match ${resolved.nodes.length} items (${resolved.nodes.join(', ')}); add an identifier to narrow them.` });
  }
  if (resolved.unverified?.length) {
    warnings.push({ code: 'identifier_unverified', message: `${resolved.unverified.join(', ')} matched ${resolved.nodes.join(', ')} only through an identifier the taxonomy records as unverified; confirm the item (a name or customs code) before relying on the answer.` });
  }
  if (resolved.byListCode?.length) {
    warnings.push({ code: 'item_from_list_code', message: `No other identifier names the item: ${resolved.byListCode.join(', ')} was read as the item${resolved.nodes.length > 1 ? 's' : ''} its list entries name (${resolved.nodes.join(', ')}), assessed under every measure on ${resolved.nodes.length > 1 ? 'them' : 'it'} on the date; an entry of the code counts only while in force.` });
  }
  if (resolved.conflicts.length) {
    // A customs code is not ignored whole: rules keyed on the code declared at customs (the EU's sanctions lists by CN
    // code) read it as given, whatever the taxonomy item; the warning says so rather than "ignored".
    const codes = resolved.conflicts.filter(isCustomsCodeLabel).join(', ');
    const others = resolved.conflicts.filter((c) => !isCustomsCodeLabel(c)).join(', ');
    const by = resolved.matchedBy.join(', ');
    const parts: string[] = [];
    if (others) parts.push(`Ignored ${others}: it points at a different item than ${by}.`);
    if (codes) parts.push(`${codes} points at a different item than ${by}, which identifies the item; a rule that turns on the declared customs code itself (such as an EU sanctions list by CN code) still reads ${codes} as given: check which identifier is right.`);
    warnings.push({ code: 'identifiers_disagree', message: parts.join(' ') });
  }
}

/**
 * A resolution as the engine keeps it: the resolution, and the parts of an answer that follow from it alone (its
 * `matchedBy` text and its warnings), worked out once when it is kept rather than for every answer that uses it.
 */
interface KeptResolution {
  resolved: ResolvedItem;
  matchedBy: string;
  /** Frozen, as every warning shared between answers is. */
  warnings: readonly Warning[];
}

/** The `matchedBy` text of an answer's item. */
const matchedByText = (resolved: ResolvedItem): string => resolved.matchedBy.join(', ') || 'list codes and customs lines only';

/** A resolution with its answer parts (see {@link KeptResolution}); every identifier the warnings read is part of the memo key. */
function keptResolution(resolved: ResolvedItem, item: ItemRef): KeptResolution {
  const warnings: Warning[] = [];
  resolutionWarnings(resolved, item, warnings);
  return { resolved: Object.freeze(resolved), matchedBy: matchedByText(resolved), warnings: warnings.map((w) => Object.freeze(w)) };
}

/**
 * Item resolutions kept (see {@link MemoByKind}): several times the distinct items a day's traffic names. Half of it is
 * the newer generation, and an item found only in the older one is moved (a map insertion): the half holds more than
 * the bundled taxonomy's nodes and list codes together (about 6,600), so that a host naming each of them in turn looks
 * most of them up once.
 */
const RESOLUTION_MEMO = 16_384;

/**
 * Every identifier {@link resolveItem} reads, in one string (a field the item lacks is empty); NUL separates them, as no
 * validated text holds one (input-safety.ts). Only for an item named by several identifiers, or by `codes`: one named
 * by a single field (most are) is kept under that field's own text (see {@link resolveKept}).
 */
function resolutionKey(item: ItemRef): string {
  let key = `${item.id ?? ''}\u0000${item.hs ?? ''}\u0000${item.cnCode ?? ''}\u0000${item.cas ?? ''}\u0000${item.name ?? ''}\u0000${item.cnControlCode ?? ''}\u0000${item.eccn ?? ''}\u0000${item.euCode ?? ''}`;
  if (item.codes) for (const k of Object.keys(item.codes).sort()) key += `\u0000${k}\u0000${item.codes[k]}`;
  return key;
}

/**
 * The kept resolution of an item, or `compute()`'s. An item with exactly one identifier is looked up under the field's
 * name and the identifier's own text, with no key built; any other under {@link resolutionKey} (kind `*`). The fields
 * are read one by one, by name, rather than from a table: a read with a variable key on the item is the slowest kind
 * this V8 has (see request.ts).
 */
function resolveKept(memo: MemoByKind<KeptResolution>, item: ItemRef, compute: () => KeptResolution): KeptResolution {
  let kind = '';
  let text = '';
  let count = 0;
  if (item.id !== undefined) { count++; kind = 'id'; text = item.id; }
  if (item.hs !== undefined) { count++; kind = 'hs'; text = item.hs; }
  if (item.cnCode !== undefined) { count++; kind = 'cnCode'; text = item.cnCode; }
  if (item.cas !== undefined) { count++; kind = 'cas'; text = item.cas; }
  if (item.name !== undefined) { count++; kind = 'name'; text = item.name; }
  if (item.cnControlCode !== undefined) { count++; kind = 'cnControlCode'; text = item.cnControlCode; }
  if (item.eccn !== undefined) { count++; kind = 'eccn'; text = item.eccn; }
  if (item.euCode !== undefined) { count++; kind = 'euCode'; text = item.euCode; }
  return count === 1 && !item.codes ? memo.get(kind, text, compute) : memo.get('*', resolutionKey(item), compute);
}

/**
 * One change per measure, day and event: the same event of several list entries of one measure (27 codes of a clause
 * suspended together) is one change naming them all in `scope` (and `codes`, where a rule's change lists codes); an
 * event of the whole measure on that day already covers its entries. Changes that cite another rule (`reference`,
 * `url`: a later rule that rewrote a code) stay apart.
 */
function mergeScopedEvents(changes: ChangeView[]): ChangeView[] {
  // Each kept change with the parts it names; null once the whole measure changed that day.
  const byKey = new Map<string, { change: ChangeView; scopes: Set<string> | null }>();
  for (const c of changes) {
    const key = `${c.date}|${c.jurisdiction}|${c.measure}|${c.event}|${c.reference}|${c.url ?? ''}`;
    const kept = byKey.get(key);
    if (!kept) byKey.set(key, { change: c, scopes: c.scope === undefined ? null : new Set([c.scope]) });
    else if (kept.scopes && c.scope === undefined) kept.scopes = null;
    else if (kept.scopes) {
      kept.scopes.add(c.scope!);
      if (c.codes) kept.change.codes = [...new Set([...(kept.change.codes ?? []), ...c.codes])];
    }
  }
  return [...byKey.values()].map(({ change, scopes }) => {
    if (scopes) return { ...change, scope: [...scopes].join(', ') };
    const { scope: _scope, codes: _codes, ...whole } = change;
    return whole;
  });
}

function checkDate(value: IsoDate | undefined, path: string): IsoDate {
  if (value === undefined) return todayUtc();
  if (!isIsoDate(value)) throw new ValidationError([{ path, message: `expected a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}` }]);
  return value;
}

/** Throws a {@link ValidationError} naming `path[i]` for each of `values` that is not text (`what`: what was expected). */
function refuseNonText(values: readonly unknown[], path: string, what: string): void {
  const bad = values.flatMap((v, i) => (typeof v === 'string' ? [] : [{ path: `${path}[${i}]`, message: `expected ${what} (text), got ${JSON.stringify(v) ?? typeof v}` }]));
  if (bad.length) throw new ValidationError(bad);
}

/**
 * Builds an engine over a taxonomy and plugins. Plugins are checked first: a plugin whose core range
 * does not match this core, whose data is invalid, or whose jurisdiction is already taken is refused
 * with a {@link PluginRegistrationError} that names each problem.
 */
export function createEngine(options: EngineOptions): Engine {
  const { taxonomy } = options;
  const compiled: CompiledPlugin[] = [];
  const imported = options.lists ?? [];
  const amendmentsUsed = new Map<string, AmendmentUsed[]>();
  for (const original of options.plugins) {
    const own = (options.amendments ?? []).filter((a) => amends(a, original));
    const shape = own.flatMap((a) => checkAmendmentShape(a, new Set(original.measures.map((m) => m.id))).map((p) => `amendment ${a.id}${a.file ? ` (${a.file})` : ''}: ${p}`));
    if (shape.length) throw new PluginRegistrationError(original.manifest?.name ?? '(unnamed plugin)', shape);
    const def = withImportedLists(applyAmendments(original, own), imported);
    amendmentsUsed.set(def.manifest.name, own.map((a) => ({ id: a.id, sha256: a.sha256, ...(a.file ? { file: a.file } : {}) })));
    const problems = validatePlugin(def, { taxonomy, coreVersion: CORE_VERSION });
    if (compiled.some((p) => p.manifest.jurisdiction === def.manifest?.jurisdiction)) problems.push(`manifest.jurisdiction: "${def.manifest.jurisdiction}" is already registered`);
    if (problems.length) throw new PluginRegistrationError(def.manifest?.name ?? '(unnamed plugin)', problems);
    compiled.push(new CompiledPlugin(def));
  }
  const jurisdictions = new Set(compiled.map((p) => p.manifest.jurisdiction));
  const codeSchemes = new Map<string, CodeFormat>();
  for (const p of compiled) {
    const scheme = p.manifest.controlCode;
    if (scheme) codeSchemes.set(scheme.field.slice(6), { pattern: new RegExp(scheme.pattern), example: scheme.example });
  }
  const knowledge = buildKnowledge(compiled, imported, amendmentsUsed, options.listMaxAgeDays ?? 7, (code) => taxonomy.isCountry(code));
  // Which lists are stale or samples depends only on today's date and on the regimes an answer covers: worked out once a
  // day for each selection of regimes a request makes (`jurisdictions`), of which there are at most 2^plugins.
  const stale = new Map<string, { day: string; warnings: Warning[] }>();
  // Free of repeats, so an answer only checks them against its own warnings.
  const listWarnings = (selected: readonly CompiledPlugin[]): Warning[] => {
    const key = selected === compiled ? '*' : selected.map((p) => p.manifest.jurisdiction).join(',');
    const day = todayUtc();
    let kept = stale.get(key);
    if (kept?.day !== day) stale.set(key, (kept = { day, warnings: dedupeWarnings(knowledge.listWarnings(selected)).map((w) => Object.freeze(w)) }));
    return kept.warnings;
  };
  // The items each list code stands for: the taxonomy IDs that item entries list together with the code,
  // by request field (`cnControlCode`, `eccn`, `euCode`, `codes.JP`), under the code itself (`exact`) and
  // under each of its ancestors (`within`, for a request naming a heading whose sub-items are listed).
  const listCodeItems = new Map<ControlCodeField, { exact: Map<string, Set<string>>; within: Map<string, Set<string>> }>();
  for (const p of compiled) {
    if (!p.field) continue;
    let index = listCodeItems.get(p.field);
    if (!index) listCodeItems.set(p.field, (index = { exact: new Map(), within: new Map() }));
    for (const e of p.definition.entries) {
      const { ids, controlCodes } = e.covers;
      if (!ids?.length || !controlCodes?.length || e.covers.all || e.covers.anyListed) continue;
      for (const code of controlCodes) {
        for (const [i, anc] of controlCodeAncestry(code).entries()) {
          const map = i === 0 ? index.exact : index.within;
          let set = map.get(anc);
          if (!set) map.set(anc, (set = new Set()));
          for (const id of ids) set.add(id);
        }
      }
    }
  }
  const listCodeHits = (item: ItemRef): ListCodeHit[] => {
    const hits: ListCodeHit[] = [];
    for (const [field, index] of listCodeItems) {
      const code = itemControlCode(item, field);
      if (code === undefined) continue;
      // The entries listing the code or the heading it falls under; else those listing its sub-items.
      let nodes: string[] = [];
      for (const anc of controlCodeAncestry(code)) {
        const set = index.exact.get(anc);
        if (set) {
          nodes = [...set];
          break;
        }
      }
      if (!nodes.length) nodes = [...(index.within.get(code) ?? [])];
      if (nodes.length) hits.push({ label: `${field} ${code}`, nodes });
    }
    return hits;
  };
  // Resolutions depend only on the item's identifiers, and traffic names the same items again and again
  // (by ID, customs code, name): they are kept in a bounded memo keyed on every identifier resolution
  // reads. A kept resolution is frozen; its arrays are not (on this V8, some(), filter(), slice() and for-of
  // over a frozen array take a path many times slower, and evaluation reads them on every request), so
  // answers get copies of them, never the arrays.
  const resolutions = new MemoByKind<KeptResolution>('item resolution', RESOLUTION_MEMO);
  const keep = (item: ItemRef): KeptResolution => resolveKept(resolutions, item, () => keptResolution(resolveItem(item, taxonomy, listCodeHits), item));
  const resolve = (item: ItemRef): ResolvedItem => keep(item).resolved;

  const evaluate = (request: NormalizedRequest): AssessmentResponse => {
    const composition = compositionOf(request.item, resolve);
    const kept = keep(request.item);
    const { resolved, excluded } = refineByComposition(kept.resolved, request.item, composition, taxonomy);
    const scope: RequestScope = { request, resolved, taxonomy, resolve, composition, excluded, screened: undefined };
    const wanted = request.jurisdictions;
    const selected = wanted ? compiled.filter((p) => wanted.includes(p.manifest.jurisdiction)) : compiled;
    const jurisdictionsOut: AssessmentResponse['jurisdictions'] = [];
    const questions: Question[] = [];
    let warnings: Warning[] = [];
    const advisoryList: Advisory[] = [];
    const verdicts: Verdict[] = [];
    for (const p of selected) {
      const o = evaluatePlugin(p, scope);
      jurisdictionsOut.push(o.assessment);
      if (o.assessment.reaches) verdicts.push(o.assessment.verdict);
      for (const q of o.questions) questions.push(q);
      for (const w of o.warnings) warnings.push(w);
      // Indexed: most regimes answer the shared frozen empty list, and for-of over a frozen array is slow on this V8.
      for (let i = 0; i < o.advisories.length; i++) addAdvisory(advisoryList, o.advisories[i]!);
    }
    // A resolution the stated composition refined is this request's own: its warnings are worked out here.
    if (resolved === kept.resolved) for (let i = 0; i < kept.warnings.length; i++) warnings.push(kept.warnings[i]!);
    else resolutionWarnings(resolved, request.item, warnings);
    warnings = dedupeWarnings(warnings);
    // The list warnings (a dozen on an answer that screened a party) are added after the others are freed of repeats:
    // they hold none among themselves, so each is compared only with the regimes' and the resolution's warnings, not
    // with every other list warning (the same warnings, in the same order, as one pass over them all).
    if (request.endUser?.name || request.parties?.length) appendWarnings(warnings, listWarnings(selected));
    // Copies: the resolution may be shared with other requests (see resolve), and a caller may change its answer.
    const item: AssessmentResponse['item'] = { resolved: [...resolved.nodes], matchedBy: resolved === kept.resolved ? kept.matchedBy : matchedByText(resolved) };
    if (resolved.nodes.length > 1) item.candidates = [...resolved.nodes];
    if (resolved.hsHeading) item.hsHeading = { code: resolved.hsHeading.code, description: resolved.hsHeading.description };
    const verdict = mostRestrictive(verdicts);
    // Two literals rather than a spread: `id` stays first and the answer keeps one fixed shape.
    return request.id !== undefined
      ? { id: request.id, verdict, date: request.date, item, jurisdictions: jurisdictionsOut, questions, advisories: advisoryList, warnings, data: knowledge.dataBlock() }
      : { verdict, date: request.date, item, jurisdictions: jurisdictionsOut, questions, advisories: advisoryList, warnings, data: knowledge.dataBlock() };
  };

  const assessWithDefault = (raw: unknown, defaultDate: string): AssessmentResponse =>
    evaluate(normalizeRequest(raw, { taxonomy, jurisdictions, codeSchemes, defaultDate }));

  const outcome = (raw: unknown, index: number, today: string): BatchOutcome => {
    try {
      return { ok: true, index, response: assessWithDefault(raw, today) };
    } catch (err) {
      const id = echoedId(typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined);
      if (err instanceof ValidationError) return { ok: false, index, ...(id !== undefined ? { id } : {}), error: { code: err.code, message: err.message, errors: err.errors } };
      return { ok: false, index, ...(id !== undefined ? { id } : {}), error: { code: 'internal_error', message: err instanceof Error ? err.message : String(err) } };
    }
  };

  function assessMany(requests: Iterable<unknown>): Iterable<BatchOutcome>;
  function assessMany(requests: AsyncIterable<unknown>): AsyncIterable<BatchOutcome>;
  function assessMany(requests: Iterable<unknown> | AsyncIterable<unknown>): Iterable<BatchOutcome> | AsyncIterable<BatchOutcome> {
    const today = todayUtc();
    if (Symbol.asyncIterator in requests) {
      return (async function* () {
        let index = 0;
        for await (const raw of requests as AsyncIterable<unknown>) yield outcome(raw, index++, today);
      })();
    }
    return (function* () {
      let index = 0;
      for (const raw of requests as Iterable<unknown>) yield outcome(raw, index++, today);
    })();
  }

  const entryCounts = new Map<string, number>();
  for (const p of compiled) for (const e of p.definition.entries) entryCounts.set(e.measure, (entryCounts.get(e.measure) ?? 0) + 1);

  const view = (p: CompiledPlugin, id: string, asOf: IsoDate): MeasureView | undefined => {
    const m = p.measures.get(id);
    if (!m) return undefined;
    return {
      id: m.id,
      jurisdiction: m.jurisdiction,
      title: m.title,
      ...(m.titleOriginal ? { titleOriginal: m.titleOriginal } : {}),
      reference: m.reference,
      authority: m.authority,
      published: m.published,
      effective: m.effective,
      status: statusOn(m, asOf),
      statusTimeline: statusTimeline(m),
      summary: m.summary,
      url: m.url,
      sources: m.sources,
      confidence: m.confidence,
      ...(m.related ? { related: m.related } : {}),
      entries: entryCounts.get(m.id) ?? 0,
    };
  };

  const pluginFor = (jurisdiction: string | undefined): CompiledPlugin[] => {
    if (jurisdiction === undefined) return compiled;
    const code = jurisdiction.toUpperCase();
    const found = compiled.filter((p) => p.manifest.jurisdiction === code);
    if (!found.length) throw new ValidationError([{ path: 'jurisdiction', message: `no installed plugin for "${jurisdiction}"; installed: ${[...jurisdictions].join(', ') || 'none'}` }]);
    return found;
  };

  const measuresTouching = (p: CompiledPlugin, itemIds: string[]): Set<string> => {
    const out = new Set<string>();
    for (const itemId of itemIds) {
      const resolved = resolve({ id: itemId });
      for (const c of p.candidates({ id: itemId }, resolved, taxonomy)) if (!c.entry.covers.all && !c.entry.covers.anyListed) out.add(c.entry.measure);
    }
    return out;
  };

  const engine: Engine = {
    plugins: compiled.map((p) => ({
      name: p.manifest.name,
      version: p.manifest.version,
      jurisdiction: p.manifest.jurisdiction,
      title: p.manifest.title,
      dataVerifiedThrough: p.manifest.dataVerifiedThrough,
      core: p.manifest.core,
      ...(controlCodeFieldOf(p.manifest) ? { controlCodeField: controlCodeFieldOf(p.manifest) } : {}),
    })),
    taxonomy,
    assess: (raw) => assessWithDefault(raw, todayUtc()),
    assessMany,
    measures(opts = {}) {
      const asOf = checkDate(opts.asOf, 'asOf');
      if (opts.itemId !== undefined && !taxonomy.node(opts.itemId)) throw new ValidationError([{ path: 'itemId', message: `unknown taxonomy ID "${opts.itemId}"` }]);
      const out: MeasureView[] = [];
      for (const p of pluginFor(opts.jurisdiction)) {
        const touching = opts.itemId !== undefined ? measuresTouching(p, [taxonomy.node(opts.itemId)!.id]) : undefined;
        for (const id of p.measures.keys()) if (!touching || touching.has(id)) out.push(view(p, id, asOf)!);
      }
      return out;
    },
    measure(id, asOf) {
      const date = checkDate(asOf, 'asOf');
      for (const p of compiled) {
        const v = view(p, id, date);
        if (v) return v;
      }
      return undefined;
    },
    measureEntries(id) {
      const out: MeasureEntryView[] = [];
      for (const p of compiled) {
        for (const e of p.definition.entries) {
          if (e.measure !== id) continue;
          out.push({
            id: e.id, ...(e.code ? { code: e.code } : {}), title: e.title, requirement: e.requirement, ...(e.licensePolicy ? { licensePolicy: e.licensePolicy } : {}), reason: e.reason,
            ...(e.effective ? { effective: e.effective } : {}), ...(e.suspensions?.length ? { suspensions: e.suspensions } : {}),
          });
        }
      }
      return out;
    },
    changes({ from, to, jurisdiction, itemIds }) {
      checkDate(from, 'from');
      checkDate(to, 'to');
      if (from > to) throw new ValidationError([{ path: 'from', message: `starts (${from}) after the window ends (${to})` }]);
      const out: ChangeView[] = [];
      for (const p of pluginFor(jurisdiction)) {
        const touching = itemIds ? measuresTouching(p, itemIds) : undefined;
        const parts = new Map<string, { scope: string; rule: { effective?: { from: IsoDate; to: IsoDate | null }; suspensions?: import('./types.js').Suspension[] } }[]>();
        for (const e of p.definition.entries) {
          if (!e.effective && !e.suspensions) continue;
          const list = parts.get(e.measure) ?? [];
          const scope = e.code ?? e.title;
          const rule: { effective?: { from: IsoDate; to: IsoDate | null }; suspensions?: import('./types.js').Suspension[] } = {};
          if (e.effective) rule.effective = e.effective;
          if (e.suspensions) rule.suspensions = e.suspensions;
          if (!list.some((x) => x.scope === scope)) list.push({ scope, rule });
          parts.set(e.measure, list);
        }
        for (const m of p.measures.values()) {
          if (touching && !touching.has(m.id)) continue;
          for (const ev of measureEvents(m, parts.get(m.id) ?? [])) {
            if (ev.date < from || ev.date > to) continue;
            out.push({ date: ev.date, jurisdiction: m.jurisdiction, measure: m.id, event: ev.event, title: m.title, reference: m.reference, ...(ev.scope ? { scope: ev.scope } : {}) });
          }
        }
        for (const c of p.definition.scopeChanges ?? []) {
          const m = p.measures.get(c.measure);
          if (!m || c.date < from || c.date > to || (touching && !touching.has(m.id))) continue;
          out.push({ date: c.date, jurisdiction: m.jurisdiction, measure: m.id, event: 'in_force', title: m.title, reference: c.reference, scope: c.scope, codes: [...c.codes], ...(c.url ? { url: c.url } : {}) });
        }
      }
      const rank = { published: 0, in_force: 1, suspended: 2, resumed: 3, repealed: 4 } as const;
      return mergeScopedEvents(out).sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.measure !== b.measure ? (a.measure < b.measure ? -1 : 1) : rank[a.event] - rank[b.event]));
    },
    compare(itemRaw, date) {
      const asOf = checkDate(date, 'date');
      const request = normalizeRequest({ item: itemRaw, from: 'US', to: 'US', date: asOf }, { taxonomy, jurisdictions, codeSchemes });
      const resolved = resolve(request.item);
      const regimes: RegimeComparison[] = compiled.map((p) => ({
        jurisdiction: p.manifest.jurisdiction,
        plugin: p.manifest.name,
        entries: p
          .candidates(request.item, resolved, taxonomy)
          .filter((c) => c.kind === 'exact' && !c.entry.covers.all && !c.entry.covers.anyListed)
          .map(({ entry }) => {
            const measure = p.measures.get(entry.measure)!;
            return {
              entry: entry.id,
              measure: measure.id,
              reference: measure.reference,
              ...(entry.code ? { code: entry.code } : {}),
              title: entry.title,
              requirement: entry.requirement,
              status: combinedStatusOn(measure, entry, asOf),
              ...(entry.destinations ? { destinations: entry.destinations } : {}),
              transfers: entry.transfers ?? ['goods'],
              ...(entry.conditions ? { conditions: describeCondition(entry.conditions), parameters: conditionParameters(entry.conditions).map((name) => ({ name, ...(entry.prompts?.[name] ? { prompt: entry.prompts[name] } : {}) })) } : {}),
            };
          }),
      }));
      return { item: { resolved: [...resolved.nodes], matchedBy: resolved.matchedBy.join(', ') }, date: asOf, regimes };
    },
    advisories: () => compiled.flatMap((p) => [...p.advisories]),
    listingDays: (names) => {
      refuseNonText(names, 'names', 'a party name');
      const days = new Set<IsoDate>();
      for (const name of names) for (const p of compiled) if (!p.screener.empty) for (const d of p.screener.listingDays(name)) days.add(d);
      return [...days].sort();
    },
    membershipDays: (countries) => {
      refuseNonText(countries, 'countries', 'a country code');
      const days = new Set<IsoDate>();
      for (const country of countries) {
        for (const d of taxonomy.membershipDays?.(country) ?? []) days.add(d);
        for (const p of compiled) for (const d of p.membershipDays(country)) days.add(d);
      }
      return [...days].sort();
    },
    exposure: (plan) => assessExposure(engine, plan),
    screen: (request) => knowledge.screen(request),
    dataStatus: () => knowledge.status(),
    memoStatistics: () => [resolutions.statistics(), ...compiled.map((p) => p.candidateStatistics()), ...compiled.filter((p) => !p.screener.empty).map((p) => p.screener.statistics())],
  };
  return engine;
}
