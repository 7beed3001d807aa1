import { controlCodeCovers, notACountryMessage } from './codes.js';
import { isIsoDate, nextDay, statusIn, todayUtc } from './dates.js';
import type { ChangeView, Engine, MeasureView } from './engine.js';
import { ValidationError, type FieldError } from './errors.js';
import { ExposurePlanSchema } from './schema-exposure.js';
import type { SupplyFact, TaxonomyView } from './taxonomy.js';
import type {
  Advisory, AssessmentResponse, CountryCode, IsoDate, ItemRef, JurisdictionAssessment, LicensePolicy, Question, TransferType, Verdict, Warning,
} from './types.js';
import { compareVerdicts } from './verdict.js';

/** One input of an exposure plan named by hand (CONTRACT §8). */
export interface PlanInput {
  item: ItemRef;
  /** Where the input comes from; required unless the plan's `from` is given. */
  from?: CountryCode;
  /** Goods (default), technology (know-how, services, people) or software. */
  transfer?: TransferType;
}

/** A production step moving to a site (CONTRACT §8). */
export interface ExposurePlan {
  name?: string;
  /** Where the production step is going. */
  site: CountryCode;
  /** Date of the move; default today. */
  date?: IsoDate;
  /** A taxonomy value chain whose stages' inputs are added. */
  chain?: string;
  /** Which stages of the chain move; default all. */
  stages?: string[];
  /** Inputs named by hand. */
  inputs?: PlanInput[];
  /** Where chain inputs come from when the taxonomy's supply facts do not say (extension). */
  from?: CountryCode;
  /** Declared end use of the production, passed to every assessment (extension). */
  endUse?: 'civil' | 'military' | 'unknown';
}

/** Another country that produces an input, and the answer for sourcing from it. */
export interface Alternative {
  country: CountryCode;
  share: number;
  year: number;
  verdict: Verdict;
  /** The production stage the share is of (`"refining"`, `"mining"`, …): the input's own stage where the facts have it. */
  stage?: string;
  /** True when the country is the site itself: sourcing there is domestic, not an export. */
  atSite?: boolean;
  /**
   * Sanctions on buying from the country on the date (import and procurement bans), which `verdict` (export controls
   * only) does not weigh: who imposes them and what they cover. The planner does not check the item against them.
   */
  sanctions?: { imposedBy: string[]; note: string };
}

/** One input's answer in an exposure report. */
export interface ExposureInput {
  /**
   * The input: its taxonomy ID when the plan gave one (with the taxonomy's name), else the name and the classification or
   * customs code the plan gave (`code`, e.g. "ECCN 3A090"), so that an input the taxonomy does not resolve stays recognisable.
   */
  item: { id?: string; resolved: string[]; kind?: string; stage?: string; name?: string; code?: string };
  from: CountryCode;
  transfer: TransferType;
  /** How the input entered the plan: a chain stage or by hand. */
  via: 'chain' | 'plan';
  verdict: Verdict;
  licensePolicy?: LicensePolicy;
  jurisdictions: JurisdictionAssessment[];
  questions: AssessmentResponse['questions'];
  /** The source country's share of world supply, from the taxonomy's facts. */
  share?: { share: number; year: number; stage: string; source: string };
  /**
   * True when neither the plan nor the input named the source: it was taken as the input's largest producer in
   * the taxonomy's supply facts, and a warning says so.
   */
  sourceAssumed?: boolean;
  alternatives: Alternative[];
}

/** One rule that stops an input from following freely: a regime's finding in force on the date. */
export interface ChokepointRule {
  jurisdiction: string;
  /** What the rule requires (a Verdict): the regime's verdict, or `license_required` where an authorisation covers it. */
  requirement: Verdict;
  licensePolicy?: LicensePolicy;
  /** The measure, where a finding in force makes the rule; absent where the regime asks a question first. */
  measure?: string;
  reference?: string;
  reason: string;
  /** General authorisations or licence exceptions that cover the transfer if their conditions are met. */
  authorizations?: { id: string; title: string }[];
}

/** An input that cannot follow the production step freely. */
export interface Chokepoint {
  item: ExposureInput['item'];
  from: CountryCode;
  transfer: TransferType;
  verdict: Verdict;
  share?: number;
  why: string;
  /** Every rule that stops the input, regime by regime (extension): a licence under two regimes is two rules. */
  rules: ChokepointRule[];
}

/** A dated change that touched the plan's inputs. */
export interface TimelineEvent {
  date: IsoDate;
  event: ChangeView['event'];
  jurisdiction: string;
  measure: string;
  title: string;
  reference: string;
  /** The part of the measure that changed, where the change is to what it lists (a list code a later rule created or rewrote). */
  scope?: string;
  /** Where the rule that changed what the measure lists is published, when its plugin gives it. */
  url?: string;
  inputs: string[];
}

/** The answer to an exposure plan (CONTRACT §8). */
export interface ExposureResponse {
  plan?: string;
  site: CountryCode;
  date: IsoDate;
  chain?: string;
  inputs: ExposureInput[];
  chokepoints: Chokepoint[];
  timeline: TimelineEvent[];
  advisories: Advisory[];
  /**
   * What the plan must say before some inputs can be assessed (extension): an input whose source neither the plan
   * nor the supply facts name is not assessed, and asked about here instead of being guessed.
   */
  questions: Question[];
  /**
   * The inputs not assessed because neither the plan nor the supply facts name where they come from (extension), each
   * with the question above that asks it: so that a picture of the plan can show them rather than leave them out.
   */
  notAssessed: { item: { id?: string; name?: string }; stage?: string; transfer: TransferType }[];
  warnings: Warning[];
}

const FREE: ReadonlySet<Verdict> = new Set(['not_controlled', 'no_license_required']);
/** The plan's fields, from its one schema (schema-exposure.ts). */
const PLAN_FIELDS: ReadonlySet<string> = new Set(Object.keys(ExposurePlanSchema.shape));
const MAX_ALTERNATIVES = 5;

interface Expanded {
  item: ItemRef;
  from: CountryCode | undefined;
  transfer: TransferType;
  via: 'chain' | 'plan';
  stage?: string;
  kind?: string;
  path: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The country's share of world supply: at each stage its latest figure (the largest where sources for that year
 * differ), then the largest across stages (the most concentrated stage is the one a move cannot route around).
 * An older, higher figure of a stage does not hide a newer one.
 */
function shareOf(facts: SupplyFact[], country: CountryCode): ExposureInput['share'] | undefined {
  const byStage = new Map<string, NonNullable<ExposureInput['share']>>();
  for (const f of facts) {
    const share = f.shares[country];
    if (share === undefined) continue;
    const prior = byStage.get(f.stage);
    if (!prior || f.year > prior.year || (f.year === prior.year && share > prior.share)) byStage.set(f.stage, { share, year: f.year, stage: f.stage, source: f.source.url });
  }
  let best: ExposureInput['share'] | undefined;
  for (const s of byStage.values()) if (!best || s.share > best.share || (s.share === best.share && s.year > best.year)) best = s;
  return best;
}

/** Forms that are dug or pumped out of the ground: their supply is mine (or brine) production. */
const MINED_FORMS: ReadonlySet<string> = new Set(['ore', 'concentrate', 'brine', 'natural', 'natural-flake']);

/**
 * The supply facts of the stage an input belongs to. Facts are recorded per element (mine production, refining,
 * separation, chemicals…); an oxide, metal or chemical is made at a processing stage, so a country that only mines
 * the element is not a producer of it, and an ore comes from mines, not refineries. Where the facts have no figure
 * for the input's stage, all are kept and each figure names its stage.
 */
function factsForStage(facts: SupplyFact[], id: string | undefined): { facts: SupplyFact[]; caveat?: string } {
  if (!id || facts.length === 0) return { facts };
  const form = id.includes('/') ? id.slice(id.lastIndexOf('/') + 1) : undefined;
  const mined = form !== undefined && MINED_FORMS.has(form);
  const own = facts.filter((f) => (f.stage === 'mining') === mined);
  if (own.length) {
    // Mine figures are per element: a brine's alternatives may mine the element from rock only.
    return form === 'brine' ? { facts: own, caveat: `${id}: the mine figures are for the element as a whole, brine and hard rock together` } : { facts: own };
  }
  return { facts, caveat: `${id}: no figure at its own stage; the shares and alternatives are of ${[...new Set(facts.map((f) => f.stage))].join(' and ')}` };
}

/** How far the figures held for one country's share at the input's stage lie apart before the answer says so. */
const SHARE_SPREAD = 0.1;

/** The spread of the figures held for `country` (any year, the stages kept), when it is wide enough to say so. */
function shareSpread(facts: SupplyFact[], country: CountryCode): { min: number; max: number; sources: number } | undefined {
  const shares = facts.map((f) => f.shares[country]).filter((x): x is number => x !== undefined);
  if (shares.length < 2) return undefined;
  const min = Math.min(...shares);
  const max = Math.max(...shares);
  return max - min > SHARE_SPREAD ? { min, max, sources: shares.length } : undefined;
}

/** Producing countries by their latest share, largest first. */
function producers(facts: SupplyFact[]): { country: CountryCode; share: number; year: number; stage: string }[] {
  const latest = new Map<CountryCode, { share: number; year: number; stage: string }>();
  for (const f of facts) {
    for (const [country, share] of Object.entries(f.shares)) {
      const prior = latest.get(country);
      if (!prior || f.year > prior.year || (f.year === prior.year && share > prior.share)) latest.set(country, { share, year: f.year, stage: f.stage });
    }
  }
  return [...latest].map(([country, v]) => ({ country, ...v })).sort((a, b) => b.share - a.share);
}

/** The rules in force that stop an input, regime by regime; a regime that asks is named by its first question. */
function rulesOf(i: ExposureInput): ChokepointRule[] {
  const rules: ChokepointRule[] = [];
  for (const j of i.jurisdictions) {
    if (!j.reaches || FREE.has(j.verdict)) continue;
    // Authorisation available: the licence requirement is the rule, and the authorisation is what it takes.
    const wanted = j.verdict === 'authorization_available' ? 'license_required' : j.verdict;
    const seen = new Set<string>();
    for (const f of j.findings) {
      if (f.status !== 'in_force' || f.requirement !== wanted || seen.has(f.measure.id)) continue;
      seen.add(f.measure.id);
      rules.push({
        jurisdiction: j.jurisdiction,
        requirement: f.requirement,
        ...(j.licensePolicy && f.requirement === 'license_required' ? { licensePolicy: j.licensePolicy } : {}),
        measure: f.measure.id,
        reference: f.measure.reference,
        reason: f.reason,
        ...(j.verdict === 'authorization_available' && j.authorizations.length ? { authorizations: j.authorizations.map((a) => ({ id: a.id, title: a.title })) } : {}),
      });
    }
    if (!seen.size && j.verdict === 'needs_information') {
      const q = i.questions.find((x) => x.jurisdiction === j.jurisdiction) ?? i.questions.find((x) => !x.jurisdiction);
      if (q) rules.push({ jurisdiction: j.jurisdiction, requirement: 'needs_information', reason: q.prompt });
    }
  }
  return rules;
}

/** One sentence per chokepoint: the most severe rule, what covers it, or the question that decides it. */
function whyOf(i: ExposureInput, rules: ChokepointRule[]): string {
  const first = rules.find((r) => r.requirement === i.verdict) ?? rules[0];
  if (first && i.verdict !== 'needs_information') {
    const auth = first.authorizations?.length ? ` Covered by ${first.authorizations.map((a) => `${a.id} (${a.title})`).join(' or ')} if its conditions are met.` : '';
    return `${first.jurisdiction}: ${first.reason}${auth}`;
  }
  const question = i.questions[0];
  if (question) return `${question.jurisdiction ? `${question.jurisdiction}: ` : ''}${question.prompt}`;
  if (first) return `${first.jurisdiction}: ${first.reason}`;
  return `${i.verdict} under ${i.jurisdictions.filter((j) => j.reaches && j.verdict === i.verdict).map((j) => j.jurisdiction).join(', ')}`;
}

function transferFor(kind: string): TransferType {
  return kind === 'technology' || kind === 'personnel' ? 'technology' : 'goods';
}

function yearShift(date: IsoDate, years: number, end: boolean): IsoDate {
  const y = Number(date.slice(0, 4)) + years;
  return end ? `${y}-12-31` : `${y}-01-01`;
}

/** Validates a plan and expands its chain stages into inputs; every problem names its field. */
function expandPlan(raw: unknown, taxonomy: TaxonomyView): { plan: ExposurePlan; site: CountryCode; from: CountryCode | undefined; date: IsoDate; inputs: Expanded[] } {
  const errors: FieldError[] = [];
  if (!isRecord(raw)) throw new ValidationError([{ path: '', message: 'expected a JSON object with site and a chain or inputs' }], 'invalid_plan');
  for (const k of Object.keys(raw)) if (!PLAN_FIELDS.has(k)) errors.push({ path: k, message: `unknown field; expected one of ${[...PLAN_FIELDS].join(', ')}` });
  const plan = raw as unknown as ExposurePlan;
  const country = (v: unknown, path: string, required: boolean): CountryCode | undefined => {
    if (v === undefined) {
      if (required) errors.push({ path, message: 'required: an ISO 3166-1 alpha-2 country code such as "US"' });
      return undefined;
    }
    const code = typeof v === 'string' ? v.trim().toUpperCase() : '';
    if (!/^[A-Z]{2}$/.test(code) || !taxonomy.isCountry(code)) {
      errors.push({ path, message: notACountryMessage(v, taxonomy) });
      return undefined;
    }
    return code;
  };
  const site = country(plan.site, 'site', true);
  const defaultFrom = country(plan.from, 'from', false);
  let date = todayUtc();
  if (plan.date !== undefined) {
    if (!isIsoDate(plan.date)) errors.push({ path: 'date', message: `expected a calendar date YYYY-MM-DD, got ${JSON.stringify(plan.date)}` });
    else date = plan.date;
  }
  if (plan.name !== undefined && typeof plan.name !== 'string') errors.push({ path: 'name', message: 'expected a string' });
  if (plan.endUse !== undefined && !['civil', 'military', 'unknown'].includes(plan.endUse)) errors.push({ path: 'endUse', message: 'expected "civil", "military" or "unknown"' });
  const inputs: Expanded[] = [];
  if (plan.chain !== undefined) {
    const chain = typeof plan.chain === 'string' ? taxonomy.chain?.(plan.chain) : undefined;
    if (!chain) {
      const known = taxonomy.chains?.().map((c) => c.id).join(', ') ?? 'none';
      errors.push({ path: 'chain', message: `unknown value chain ${JSON.stringify(plan.chain)}; known: ${known}` });
    } else {
      let stages = chain.stages;
      if (plan.stages !== undefined) {
        if (!Array.isArray(plan.stages) || plan.stages.length === 0) errors.push({ path: 'stages', message: `expected a non-empty array of stage IDs of ${chain.id}` });
        else {
          stages = [];
          plan.stages.forEach((id, i) => {
            const stage = chain.stages.find((s) => s.id === id);
            if (!stage) errors.push({ path: `stages[${i}]`, message: `${JSON.stringify(id)} is not a stage of ${chain.id}; stages: ${chain.stages.map((s) => s.id).join(', ')}` });
            else stages.push(stage);
          });
        }
      }
      for (const stage of stages) {
        stage.inputs.forEach((input, j) => {
          inputs.push({ item: { id: input.item }, from: undefined, transfer: transferFor(input.kind), via: 'chain', stage: stage.id, kind: input.kind, path: `chain ${chain.id} stage ${stage.id} input ${j}` });
        });
      }
    }
  } else if (plan.stages !== undefined) errors.push({ path: 'stages', message: 'stages need a chain' });
  if (plan.inputs !== undefined) {
    if (!Array.isArray(plan.inputs)) errors.push({ path: 'inputs', message: 'expected an array of {item, from, transfer}' });
    else {
      plan.inputs.forEach((input: unknown, i) => {
        const path = `inputs[${i}]`;
        if (!isRecord(input)) {
          errors.push({ path, message: 'expected {item, from, transfer}' });
          return;
        }
        if (!isRecord(input.item)) {
          errors.push({ path: `${path}.item`, message: 'required: an item such as {"id": "dysprosium/oxide"}' });
          return;
        }
        const id = input.item.id;
        if (typeof id === 'string' && !taxonomy.node(id)) errors.push({ path: `${path}.item.id`, message: `unknown taxonomy ID ${JSON.stringify(id)}` });
        const from = country(input.from, `${path}.from`, defaultFrom === undefined);
        // Without a transfer, a technology node moves as technology (as a chain's technology input does), anything else as goods.
        const node = typeof id === 'string' ? taxonomy.node(id) : undefined;
        const transfer = input.transfer ?? (node?.kind === 'technology' ? 'technology' : 'goods');
        if (!['goods', 'technology', 'software'].includes(transfer as string)) errors.push({ path: `${path}.transfer`, message: 'expected "goods", "technology" or "software"' });
        inputs.push({ item: input.item as ItemRef, from: from ?? defaultFrom, transfer: transfer as TransferType, via: 'plan', path });
      });
    }
  }
  if (plan.chain === undefined && plan.inputs === undefined) errors.push({ path: 'chain', message: 'a plan needs a chain, inputs, or both' });
  if (errors.length) throw new ValidationError(errors, 'invalid_plan');
  return { plan, site: site!, from: defaultFrom, date, inputs };
}

/**
 * Answers "can this production step move to the site, and which inputs cannot follow it?"
 * (CONTRACT §8): expands the chain's stages into inputs, assesses each input's move from its source
 * country to the site under every regime, ranks the chokepoints, finds alternative producers from
 * the taxonomy's supply facts, and gathers the dated changes and advisories on those corridors.
 */
export function assessExposure(engine: Engine, raw: unknown): ExposureResponse {
  const { taxonomy } = engine;
  const { plan, site, from: planFrom, date, inputs } = expandPlan(raw, taxonomy);
  const warnings: Warning[] = [];
  const questions: Question[] = [];
  const notAssessed: ExposureResponse['notAssessed'] = [];
  const assumed = new Set<string>();
  const unsourced = new Set<string>();
  /** Inputs whose shares come from another stage than their own, or from figures that mix forms (factsForStage). */
  const stageCaveats = new Set<string>();
  /** Inputs by the spread of the figures held for their source's share, where it exceeds SHARE_SPREAD. */
  const spreads = new Map<string, Set<string>>();
  const advisories = new Map<string, Advisory>();
  const seen = new Set<string>();
  const out: ExposureInput[] = [];
  /** The item each answered input was assessed with, in the order of `out`. */
  const refs: ItemRef[] = [];
  const endUse = plan.endUse ?? 'civil';
  /** Inputs by each sanctioned country they could come from, as a source (`source`) or as an alternative. */
  const sanctioned = { source: new Map<CountryCode, Set<string>>(), alternative: new Map<CountryCode, Set<string>>() };
  /** The sanctions on buying from each country on the date, looked up once per country. */
  const sanctionsByCountry = new Map<CountryCode, Alternative['sanctions']>();
  const sanctionsOn = (country: CountryCode): Alternative['sanctions'] => {
    if (sanctionsByCountry.has(country)) return sanctionsByCountry.get(country);
    const found = taxonomy.sourcingSanctions?.(country, date) ?? [];
    const sanctions = found.length ? { imposedBy: [...new Set(found.flatMap((x) => x.imposedBy))], note: found.map((x) => x.note).join(' ') } : undefined;
    sanctionsByCountry.set(country, sanctions);
    return sanctions;
  };

  // An input named by hand replaces the same item from the chain: it is the more specific statement.
  const byHand = new Set(inputs.filter((i) => i.via === 'plan' && i.item.id).map((i) => `${i.item.id}|${i.transfer}`));
  for (const input of inputs) {
    if (input.via === 'chain' && byHand.has(`${input.item.id}|${input.transfer}`)) continue;
    const staged = factsForStage(input.item.id ? taxonomy.supplyFor?.(input.item.id) ?? [] : [], input.item.id);
    const facts = staged.facts;
    if (staged.caveat) stageCaveats.add(staged.caveat);
    let from = input.from;
    let sourceAssumed = false;
    if (!from) {
      from = planFrom;
      if (!from) {
        const top = producers(facts)[0];
        if (top) {
          from = top.country;
          sourceAssumed = true;
          assumed.add(`${input.item.id} from ${top.country} (${(top.share * 100).toFixed(0)} % of ${top.stage}, ${top.year})`);
        }
      }
      if (!from) {
        const label = input.item.id ?? input.path;
        // Personnel and technology of the same item, or one item in two stages, are asked about once.
        if (unsourced.has(label)) continue;
        unsourced.add(label);
        warnings.push({ code: 'input_source_unknown', message: `${label}: no supply facts name its source and the plan gives no "from"; it was not assessed.` });
        questions.push({ parameter: 'from', prompt: `Where does ${label}${input.stage ? ` (stage ${input.stage})` : ''} come from? Give the plan's "from" or name the input with its "from"; until then it is not assessed.` });
        const name = input.item.id ? taxonomy.node(input.item.id)?.names.en : input.item.name;
        notAssessed.push({ item: { ...(input.item.id ? { id: input.item.id } : {}), ...(name ? { name } : {}) }, ...(input.stage ? { stage: input.stage } : {}), transfer: input.transfer });
        continue;
      }
    }
    const key = `${JSON.stringify(input.item)}|${from}|${input.transfer}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let response: AssessmentResponse;
    try {
      response = engine.assess({ item: input.item, from, to: site, date, transfer: input.transfer, endUse });
    } catch (err) {
      if (err instanceof ValidationError) {
        throw new ValidationError(err.errors.map((e) => ({ path: `${input.path}.${e.path}`, message: e.message })), 'invalid_plan');
      }
      throw err;
    }
    for (const a of response.advisories) advisories.set(a.id, a);
    for (const w of response.warnings) warnings.push(w);
    const label = input.item.id ?? input.item.name ?? givenCode(input.item) ?? input.path;
    if (from !== site && sanctionsOn(from)) addToSet(sanctioned.source, from, label);
    const alternatives: Alternative[] = [];
    for (const p of producers(facts)) {
      if (p.country === from || alternatives.length >= MAX_ALTERNATIVES) continue;
      const alt = engine.assess({ item: input.item, from: p.country, to: site, date, transfer: input.transfer, endUse });
      const sanctions = p.country === site ? undefined : sanctionsOn(p.country);
      if (sanctions) addToSet(sanctioned.alternative, p.country, label);
      alternatives.push({ country: p.country, share: p.share, year: p.year, verdict: alt.verdict, stage: p.stage, ...(p.country === site ? { atSite: true } : {}), ...(sanctions ? { sanctions } : {}) });
    }
    const share = shareOf(facts, from);
    const spread = share ? shareSpread(facts, from) : undefined;
    if (spread) addToSet(spreads, `${from}: ${(spread.min * 100).toFixed(0)}–${(spread.max * 100).toFixed(0)} % across ${spread.sources} figures (${(share!.share * 100).toFixed(0)} % shown, ${share!.stage} ${share!.year})`, label);
    const policy = response.jurisdictions.find((j) => j.reaches && j.verdict === response.verdict)?.licensePolicy;
    // An input named by taxonomy ID shows the taxonomy's name; one named otherwise, the name and code the plan gave.
    const node = input.item.id ? taxonomy.node(input.item.id) : undefined;
    const name = input.item.id ? node?.names.en : input.item.name;
    const code = input.item.id ? undefined : givenCode(input.item);
    refs.push(input.item);
    out.push({
      item: {
        ...(input.item.id ? { id: input.item.id } : {}),
        resolved: response.item.resolved,
        ...(input.kind ? { kind: input.kind } : {}),
        ...(input.stage ? { stage: input.stage } : {}),
        ...(name !== undefined ? { name } : {}),
        ...(code ? { code } : {}),
      },
      from,
      transfer: input.transfer,
      via: input.via,
      verdict: response.verdict,
      ...(policy ? { licensePolicy: policy } : {}),
      jurisdictions: response.jurisdictions,
      questions: response.questions,
      ...(share ? { share } : {}),
      ...(sourceAssumed ? { sourceAssumed: true } : {}),
      alternatives,
    });
  }

  const chokepoints: Chokepoint[] = out
    .filter((i) => !FREE.has(i.verdict))
    .map((i) => {
      const rules = rulesOf(i);
      return { item: i.item, from: i.from, transfer: i.transfer, verdict: i.verdict, ...(i.share ? { share: i.share.share } : {}), why: whyOf(i, rules), rules };
    })
    .sort((a, b) => compareVerdicts(a.verdict, b.verdict) || (b.share ?? 0) - (a.share ?? 0));

  const inputsByMeasure = new Map<string, Set<string>>();
  const touch = (measure: string, label: string) => addToSet(inputsByMeasure, measure, label);
  // The list codes each input is known by (its findings' entries and the codes the plan gave): a change to what a
  // measure lists (a code created or rewritten) touches only the inputs under the codes it changed.
  const codesByInput = new Map<string, Set<string>>();
  const knownAs = (label: string, code: string | undefined) => {
    if (code) addToSet(codesByInput, label, code);
  };
  // Parts of a measure with days of their own (an EU sanctions annex listing a code from the act that added it): the
  // findings carry those days, which the measure's own events do not.
  const parts: (ChangeView & { inputs: string[] })[] = [];
  const window = { from: yearShift(date, -3, false), to: yearShift(date, 1, true) };
  const inWindow = (d: IsoDate) => d >= window.from && d <= window.to;
  const measures = new Map<string, MeasureView | undefined>();
  const measureOf = (id: string) => (measures.has(id) ? measures.get(id) : measures.set(id, engine.measure(id, date)).get(id));
  const noteFindings = (label: string, jurisdictions: JurisdictionAssessment[]) => {
    for (const j of jurisdictions) {
      for (const f of j.findings) {
        touch(f.measure.id, label);
        knownAs(label, f.entry?.code);
        // Only a part's own days, and only where the measure itself applies then: a part whose first day falls in a
        // suspension of the whole measure comes into force with it, which the measure's events already say.
        const m = measureOf(f.measure.id);
        if (!m) continue;
        const base = { jurisdiction: j.jurisdiction, measure: f.measure.id, title: f.measure.title, reference: f.measure.reference, ...(f.entry?.code ? { scope: f.entry.code } : {}), inputs: [label] };
        const { from: start, to: end } = f.effective;
        if (start !== m.effective.from && inWindow(start) && statusIn(m.statusTimeline, start) === 'in_force') parts.push({ date: start, event: 'in_force', ...base });
        if (end !== null && end !== m.effective.to && inWindow(nextDay(end))) parts.push({ date: nextDay(end), event: 'repealed', ...base });
      }
    }
  };
  out.forEach((i, n) => {
    // An input named without a taxonomy ID that resolved to none is shown by the code or name the plan gave.
    const label = i.item.id ?? i.item.resolved[0] ?? i.item.code ?? i.item.name;
    if (!label) return;
    const ref = refs[n]!;
    for (const code of [ref.eccn, ref.euCode, ref.cnControlCode, ...Object.values(ref.codes ?? {})]) knownAs(label, code);
    noteFindings(label, i.jurisdictions);
    // A measure published after the date has no finding on it, yet a planner must see it coming: the same move
    // at the end of the window finds it, with the same reach, destination and end-use tests.
    noteFindings(label, engine.assess({ item: ref, from: i.from, to: site, date: window.to, transfer: i.transfer, endUse }).jurisdictions);
    // A regime that still asks (a threshold, a sub-item) has no finding either way: the measures whose entries
    // cover the input under that regime may apply, so they are on the timeline too.
    if (i.item.id && taxonomy.node(i.item.id)) {
      for (const j of i.jurisdictions) {
        if (!j.reaches || j.verdict !== 'needs_information') continue;
        for (const c of engine.changes({ ...window, jurisdiction: j.jurisdiction, itemIds: [i.item.id] })) touch(c.measure, label);
      }
    }
  });
  const coveredBy = (codes: readonly string[]) => [...codesByInput].filter(([, own]) => [...own].some((code) => codes.some((c) => controlCodeCovers(c, code)))).map(([label]) => label);
  // One line per dated event of a measure, even where the measure changes in several parts on that day; a change
  // to what a measure lists, made by a rule of its own, is a line of its own.
  const events = new Map<string, TimelineEvent>();
  const add = (c: ChangeView, inputs: readonly string[], part = false) => {
    if (!inputs.length) return;
    // The parts of a measure that start (or end) on one day share a line, which names each of them.
    const key = `${c.date}|${c.event}|${c.measure}${c.codes ? `|${c.reference}` : part ? '|parts' : ''}`;
    const known = events.get(key);
    if (known) {
      for (const label of inputs) if (!known.inputs.includes(label)) known.inputs.push(label);
      if (part && c.scope && !known.scope?.split(', ').includes(c.scope)) known.scope = known.scope ? `${known.scope}, ${c.scope}` : c.scope;
    } else events.set(key, { date: c.date, event: c.event, jurisdiction: c.jurisdiction, measure: c.measure, title: c.title, reference: c.reference, ...((c.codes || part) && c.scope ? { scope: c.scope } : {}), ...(c.url ? { url: c.url } : {}), inputs: [...inputs] });
  };
  for (const c of engine.changes(window)) add(c, c.codes ? coveredBy(c.codes) : [...(inputsByMeasure.get(c.measure) ?? [])]);
  for (const p of parts) add(p, p.inputs, true);
  const timeline = [...events.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  if (plan.endUse === undefined && out.length) {
    warnings.push({ code: 'end_use_assumed', message: 'The plan names no end use; every input was assessed for a civil end use. Give "endUse" ("military" or "unknown") if the production may serve a military use: end-use rules (military catch-alls, military end-user bans) can then apply.' });
  }
  if (assumed.size) {
    warnings.push({ code: 'input_source_assumed', message: `The plan does not say where these inputs come from; each was assessed from its largest producer at its stage in the taxonomy's supply facts: ${[...assumed].join('; ')}. Give "from" to assess your real sources.` });
  }
  if (stageCaveats.size) {
    warnings.push({ code: 'supply_stage_substituted', message: `Shares and alternatives are taken at each input's own stage where the supply facts have it; here they do not: ${[...stageCaveats].join('; ')}. A country listed may not make the input in this form: check before relying on an alternative.` });
  }
  if (spreads.size) {
    warnings.push({ code: 'supply_figures_disagree', message: `The supply facts give different shares for these sources (the latest figure is shown; where one year has several, the largest): ${[...spreads].map(([spread, labels]) => `${[...labels].join(', ')} from ${spread}`).join('; ')}.` });
  }
  // Export controls are all a verdict weighs: a source or an alternative under sanctions on buying from it is said so.
  for (const [country, labels] of sanctioned.source) {
    warnings.push({ code: 'source_sanctioned', message: `${[...labels].join(', ')} from ${country}: ${sanctionsOn(country)!.note} The verdicts weigh export controls only; these sanctions were not checked against the item.` });
  }
  for (const [country, labels] of sanctioned.alternative) {
    warnings.push({ code: 'alternative_sanctioned', message: `${country} is offered as an alternative source of ${[...labels].join(', ')}, but ${lowerFirst(sanctionsOn(country)!.note)} Its verdicts weigh export controls only.` });
  }
  const dedup = new Map<string, Warning>();
  for (const w of warnings) dedup.set(`${w.code}|${w.jurisdiction ?? ''}|${w.measure ?? ''}|${w.message}`, w);
  return {
    ...(plan.name ? { plan: plan.name } : {}),
    site,
    date,
    ...(plan.chain ? { chain: plan.chain } : {}),
    inputs: out,
    chokepoints,
    timeline,
    advisories: [...advisories.values()],
    questions,
    notAssessed,
    warnings: [...dedup.values()],
  };
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** Adds `value` to the set kept under `key`, making the set on first use. */
function addToSet<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

/** The classification or customs code a plan gave for an input, as a reader would write it ("ECCN 3A090"), or undefined. */
function givenCode(item: ItemRef): string | undefined {
  if (item.eccn) return `ECCN ${item.eccn}`;
  if (item.euCode) return `EU ${item.euCode}`;
  if (item.cnControlCode) return `CN ${item.cnControlCode}`;
  const own = item.codes ? Object.entries(item.codes)[0] : undefined;
  if (own) return `${own[0]} ${own[1]}`;
  if (item.cnCode) return `China customs ${item.cnCode}`;
  if (item.hs) return `HS ${item.hs}`;
  if (item.cas) return `CAS ${item.cas}`;
  return undefined;
}
