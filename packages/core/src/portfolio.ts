import type { Engine } from './engine.js';
import { isIsoDate, previousDay } from './dates.js';
import { ValidationError } from './errors.js';
import { Memo } from './memo.js';
import type { AssessmentResponse, IsoDate, LicensePolicy, Verdict } from './types.js';

/** A regime's answer at one point: what a change is measured in. */
export interface AnswerState {
  verdict: Verdict;
  licensePolicy?: LicensePolicy;
}

/** One date on which a line's answer changes under one regime (CONTRACT §10). */
export interface PortfolioChange {
  date: IsoDate;
  jurisdiction: string;
  before: AnswerState;
  after: AnswerState;
  /** Measures with an event on that date that bear on the line. */
  measures: string[];
}

/** What changes for one portfolio line in a window. */
export interface PortfolioLineChanges {
  /** The line's `id`, echoed as given (text or number). */
  id?: string | number;
  /** The verdict on the first day of the window (CONTRACT §10: `"on": "D1 verdict"`). */
  on: Verdict;
  /** That first day, `--from` (D1). */
  onDate: IsoDate;
  changes: PortfolioChange[];
}

function stateOf(r: AssessmentResponse): Map<string, AnswerState> {
  return new Map(r.jurisdictions.map((j) => [j.jurisdiction, { verdict: j.verdict, ...(j.licensePolicy ? { licensePolicy: j.licensePolicy } : {}) }]));
}

const sameState = (a: AnswerState | undefined, b: AnswerState | undefined) => a?.verdict === b?.verdict && a?.licensePolicy === b?.licensePolicy;

/** Days since 1970-01-01 of an ISO date, and back: the window is halved in whole days. */
const dayNumber = (date: IsoDate): number => Date.parse(`${date}T00:00:00Z`) / DAY;
const dateOf = (day: number): IsoDate => new Date(day * DAY).toISOString().slice(0, 10);
const DAY = 86_400_000;

function sameStates(a: Map<string, AnswerState>, b: Map<string, AnswerState>): boolean {
  if (a.size !== b.size) return false;
  for (const [jurisdiction, state] of a) if (!sameState(state, b.get(jurisdiction))) return false;
  return true;
}

/** Measures of the findings in force under one regime that one answer has and the other has not. */
function measuresThatDiffer(before: AssessmentResponse, after: AssessmentResponse, jurisdiction: string): string[] {
  const inForce = (r: AssessmentResponse) => new Set(r.jurisdictions.find((j) => j.jurisdiction === jurisdiction)?.findings.filter((f) => f.status === 'in_force').map((f) => f.measure.id));
  const a = inForce(before);
  const b = inForce(after);
  return [...new Set([...[...b].filter((m) => !a.has(m)), ...[...a].filter((m) => !b.has(m))])].sort();
}

/** The parties a line names: the end user, its owners and the other parties. */
function partiesOf(line: Record<string, unknown>): unknown[] {
  const endUser = line.endUser as { owners?: unknown } | undefined;
  return [endUser, ...(Array.isArray(endUser?.owners) ? endUser.owners : []), ...(Array.isArray(line.parties) ? line.parties : [])];
}

/** The text a party gives in `field` (its name, its country), for each party that gives one. */
function partyTexts(line: Record<string, unknown>, field: 'name' | 'country'): string[] {
  return partiesOf(line).flatMap((party) => {
    const value = typeof party === 'object' && party !== null ? (party as Record<string, unknown>)[field] : undefined;
    return typeof value === 'string' && value ? [value] : [];
  });
}

/** The countries a line names (where from, where to, its parties'): the countries whose group memberships its answers read. */
function countriesOf(line: Record<string, unknown>): string[] {
  return [line.from, line.to, ...partyTexts(line, 'country')].filter((c): c is string => typeof c === 'string' && c !== '');
}

/**
 * Answers "on which dates in [from, to] does this line's answer change?" without assessing every day.
 * The line is assessed on `from` and `to`; the measures its findings name (findings include measures not
 * yet in force, suspended or repealed) give candidate dates from their events in the window, and those
 * dates are assessed. A change that no event explains — a counterparty listed or delisted, any date the
 * events do not mark — is found by halving the stretch in which it happened (a few assessments more, only
 * where the answer did change). The days of every event of a regime that reaches the line (a rule that only
 * asks has no finding), the days the line's parties are listed, delisted or suspended, and the days a country the
 * line names joins or leaves a country group are assessed too, so that a change undone between two of them is seen.
 * A change undone before the next assessed date, with nothing in the data marking either end, is not seen. Each
 * request's own `date` is ignored.
 */
export function portfolioChanges(engine: Engine, window: { from: IsoDate; to: IsoDate }): (request: unknown) => PortfolioLineChanges {
  const { from, to } = window;
  if (!isIsoDate(from)) throw new ValidationError([{ path: 'from', message: `expected YYYY-MM-DD, got ${JSON.stringify(from)}` }]);
  if (!isIsoDate(to)) throw new ValidationError([{ path: 'to', message: `expected YYYY-MM-DD, got ${JSON.stringify(to)}` }]);
  if (from > to) throw new ValidationError([{ path: 'from', message: `starts (${from}) after the window ends (${to})` }]);
  const eventDates = new Map<string, Set<IsoDate>>();
  // The same events by regime and day: the days a regime's measures may change an answer without a finding (a
  // rule that only asks), and the measures a change no finding explains is put down to.
  const regimeEvents = new Map<string, Map<IsoDate, string[]>>();
  for (const c of engine.changes({ from, to })) {
    if (c.date <= from || c.event === 'published') continue;
    const set = eventDates.get(c.measure) ?? new Set<IsoDate>();
    set.add(c.date);
    eventDates.set(c.measure, set);
    const byDay = regimeEvents.get(c.jurisdiction) ?? new Map<IsoDate, string[]>();
    regimeEvents.set(c.jurisdiction, byDay);
    const measures = byDay.get(c.date) ?? [];
    if (!measures.includes(c.measure)) measures.push(c.measure);
    byDay.set(c.date, measures);
  }
  // A portfolio names the same item on the same route many times (one line per SKU, order or site): lines that differ
  // only in `id` (and in `date`, which the feed ignores) have the same changes. Each line is still validated by its own
  // first assessment; the rest is kept for the lines after it, in a memo of this feed only (one caller's portfolio),
  // bounded in results and in key length (a longer line is worked out each time).
  const kept = new Memo<readonly PortfolioChange[]>('portfolio lines', PORTFOLIO_MEMO);
  return (raw) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ValidationError([{ path: '', message: 'expected a JSON object (an assessment request)' }]);
    // Each date assessed once, its answer kept with its state (verdict and policy by regime) for every comparison.
    const assessed = new Map<IsoDate, { answer: AssessmentResponse; state: Map<string, AnswerState> }>();
    const assessedOn = (date: IsoDate) => {
      let a = assessed.get(date);
      if (!a) {
        const answer = engine.assess({ ...(raw as object), date });
        assessed.set(date, (a = { answer, state: stateOf(answer) }));
      }
      return a;
    };
    const at = (date: IsoDate): AssessmentResponse => assessedOn(date).answer;
    const stateOn = (date: IsoDate): Map<string, AnswerState> => assessedOn(date).state;
    const first = at(from);
    const key = JSON.stringify({ ...(raw as object), id: undefined, date: undefined });
    const changes = kept.get(key, () => frozen(lineChanges(raw as Record<string, unknown>, first, at, stateOn)));
    return { ...(first.id !== undefined ? { id: first.id } : {}), on: first.verdict, onDate: from, changes: changes as PortfolioChange[] };
  };

  /** The changes of one line in the window, given its answer on the first day and its assessments by day. */
  function lineChanges(line: Record<string, unknown>, first: AssessmentResponse, at: (date: IsoDate) => AssessmentResponse, stateOn: (date: IsoDate) => Map<string, AnswerState>): PortfolioChange[] {
    const last = at(to);
    const touching = new Set([first, last].flatMap((r) => r.jurisdictions.flatMap((j) => j.findings.map((f) => f.measure.id))));
    // The days assessed: the events of the measures behind the line's findings and of every regime that reaches the
    // line (a rule that only asks a question has no finding), the days a party the line names is listed or delisted,
    // and the days a country the line names joins or leaves a country group (the line was validated above). A change
    // undone between two assessed days is not seen otherwise.
    const reaching = new Set([first, last].flatMap((r) => r.jurisdictions.filter((j) => j.reaches).map((j) => j.jurisdiction)));
    const inWindow = (d: IsoDate) => d > from && d <= to;
    const eventDays = new Set([
      ...[...touching].flatMap((m) => [...(eventDates.get(m) ?? [])]),
      ...[...reaching].flatMap((j) => [...(regimeEvents.get(j)?.keys() ?? [])]),
      ...engine.listingDays(partyTexts(line, 'name')).filter(inWindow),
      ...engine.membershipDays(countriesOf(line)).filter(inWindow),
    ]);
    const changes: PortfolioChange[] = [];
    const record = (previous: IsoDate, date: IsoDate) => {
      const before = at(previous);
      const after = at(date);
      const was = stateOn(previous);
      for (const [jurisdiction, now] of stateOn(date)) {
        const then = was.get(jurisdiction);
        if (!then || sameState(then, now)) continue;
        // The measures with an event that day behind a finding of the regime; failing those, the measures whose
        // findings in force came or went (a listing); failing those, the regime's measures with an event that day
        // (one that changed a question, not a finding).
        const marked = [...touching].filter((m) => eventDates.get(m)?.has(date) && after.jurisdictions.some((j) => j.jurisdiction === jurisdiction && j.findings.some((f) => f.measure.id === m)));
        const differ = marked.length ? marked : measuresThatDiffer(before, after, jurisdiction);
        changes.push({ date, jurisdiction, before: then, after: now, measures: differ.length ? differ : [...(regimeEvents.get(jurisdiction)?.get(date) ?? [])].sort() });
      }
    };
    // The first day in (lo, hi] whose answer differs from lo's, given that hi's does: halving the days between.
    const firstDifferent = (lo: IsoDate, hi: IsoDate): IsoDate => {
      const state = stateOn(lo);
      let a = dayNumber(lo);
      let b = dayNumber(hi);
      while (b - a > 1) {
        const mid = Math.floor((a + b) / 2);
        if (sameStates(stateOn(dateOf(mid)), state)) a = mid;
        else b = mid;
      }
      return dateOf(b);
    };
    let lo = from;
    for (const hi of [...[...eventDays].sort(), ...(eventDays.has(to) ? [] : [to])]) {
      // Every change in (lo, hi]: on an event date most often that day itself (one look at the day before tells).
      while (!sameStates(stateOn(lo), stateOn(hi))) {
        const dayBefore = previousDay(hi);
        const date = eventDays.has(hi) && dayBefore >= lo && sameStates(stateOn(dayBefore), stateOn(lo)) ? hi : firstDifferent(lo, hi);
        record(lo, date);
        lo = date;
      }
      lo = hi;
    }
    return changes;
  }
}

/** Distinct lines whose changes one feed keeps (see portfolioChanges). */
const PORTFOLIO_MEMO = 4096;

/** The changes, frozen to the leaves: the same ones are handed to every line that shares them. */
function frozen(changes: PortfolioChange[]): readonly PortfolioChange[] {
  for (const c of changes) {
    Object.freeze(c.before);
    Object.freeze(c.after);
    Object.freeze(c.measures);
    Object.freeze(c);
  }
  return Object.freeze(changes);
}
