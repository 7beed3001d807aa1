import type { Engine } from './engine.js';
import { isIsoDate } from './dates.js';
import { ValidationError } from './errors.js';
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
  id?: string;
  /** The answer on the first day of the window. */
  on: { date: IsoDate; verdict: Verdict };
  changes: PortfolioChange[];
}

function stateOf(r: AssessmentResponse): Map<string, AnswerState> {
  return new Map(r.jurisdictions.map((j) => [j.jurisdiction, { verdict: j.verdict, ...(j.licensePolicy ? { licensePolicy: j.licensePolicy } : {}) }]));
}

const sameState = (a: AnswerState | undefined, b: AnswerState | undefined) => a?.verdict === b?.verdict && a?.licensePolicy === b?.licensePolicy;

/**
 * Answers "on which dates in [from, to] does this line's answer change?" without assessing every day:
 * the line is assessed on `from` and `to`, the measures its findings name (findings include measures
 * not yet in force, suspended or repealed) give the candidate dates from their events in the window,
 * and only those dates are assessed. Each request's own `date` is ignored.
 */
export function portfolioChanges(engine: Engine, window: { from: IsoDate; to: IsoDate }): (request: unknown) => PortfolioLineChanges {
  const { from, to } = window;
  if (!isIsoDate(from)) throw new ValidationError([{ path: 'from', message: `expected YYYY-MM-DD, got ${JSON.stringify(from)}` }]);
  if (!isIsoDate(to)) throw new ValidationError([{ path: 'to', message: `expected YYYY-MM-DD, got ${JSON.stringify(to)}` }]);
  if (from > to) throw new ValidationError([{ path: 'from', message: `starts (${from}) after the window ends (${to})` }]);
  const eventDates = new Map<string, Set<IsoDate>>();
  for (const c of engine.changes({ from, to })) {
    if (c.date <= from || c.event === 'published') continue;
    const set = eventDates.get(c.measure) ?? new Set<IsoDate>();
    set.add(c.date);
    eventDates.set(c.measure, set);
  }
  return (raw) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ValidationError([{ path: '', message: 'expected a JSON object (an assessment request)' }]);
    const at = (date: IsoDate) => engine.assess({ ...(raw as object), date });
    const first = at(from);
    const last = from === to ? first : at(to);
    const touching = new Set([first, last].flatMap((r) => r.jurisdictions.flatMap((j) => j.findings.map((f) => f.measure.id))));
    const dates = [...new Set([...touching].flatMap((m) => [...(eventDates.get(m) ?? [])]))].sort();
    const changes: PortfolioChange[] = [];
    let previous = stateOf(first);
    for (const date of dates) {
      const answer = date === to ? last : at(date);
      const now = stateOf(answer);
      for (const [jurisdiction, after] of now) {
        const before = previous.get(jurisdiction);
        if (before && !sameState(before, after)) {
          const measures = [...touching].filter((m) => eventDates.get(m)?.has(date) && answer.jurisdictions.some((j) => j.jurisdiction === jurisdiction && j.findings.some((f) => f.measure.id === m)));
          changes.push({ date, jurisdiction, before, after, measures });
        }
      }
      previous = now;
    }
    return { ...(first.id !== undefined ? { id: first.id } : {}), on: { date: from, verdict: first.verdict }, changes };
  };
}
