import type { IsoDate, Measure, MeasureStatus, StatusInterval, Suspension } from './types.js';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The digit at `i` of `s` as a number, or -1. */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * True when `value` is a real calendar date written `YYYY-MM-DD`, from year 0100 (the years before
 * were never accepted: JavaScript dates read years 0–99 as 1900–1999). Read digit by digit, as every
 * request carries one.
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = digitAt(value, i);
    if (d < 0) return false;
    year = year * 10 + d;
  }
  const m1 = digitAt(value, 5);
  const m2 = digitAt(value, 6);
  const d1 = digitAt(value, 8);
  const d2 = digitAt(value, 9);
  if (m1 < 0 || m2 < 0 || d1 < 0 || d2 < 0 || year < 100) return false;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

let today: { date: IsoDate; until: number } | undefined;

/** Today's date in UTC (formatted once per day: every request without a date asks for it). */
export function todayUtc(): IsoDate {
  const now = Date.now();
  if (!today || now >= today.until || now < today.until - 86_400_000) {
    const midnight = Math.floor(now / 86_400_000) * 86_400_000;
    today = { date: new Date(midnight).toISOString().slice(0, 10), until: midnight + 86_400_000 };
  }
  return today.date;
}

/** The day after `date`. */
export function nextDay(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The day before `date`. */
export function previousDay(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The dated parts of a measure or entry that decide its status. */
export interface DatedRule {
  effective: { from: IsoDate; to: IsoDate | null };
  suspensions?: Suspension[] | undefined;
}

function inSuspension(suspensions: Suspension[] | undefined, date: IsoDate): Suspension | undefined {
  if (!suspensions) return undefined;
  for (const s of suspensions) {
    if (date >= s.from && (s.to === null || date <= s.to)) return s;
  }
  return undefined;
}

/**
 * Status of a dated rule on `date` (CONTRACT §3): in force from its first day; a suspension
 * "until E" covers E; after a suspension ends the rule applies again; after `effective.to` it is repealed.
 */
export function statusOn(rule: DatedRule, date: IsoDate): MeasureStatus {
  if (date < rule.effective.from) return 'not_yet_in_force';
  if (rule.effective.to !== null && date > rule.effective.to) return 'repealed';
  return inSuspension(rule.suspensions, date) ? 'suspended' : 'in_force';
}

/**
 * Status of an entry on `date`: the stricter of its measure's status and its own dates, so a
 * suspended clause or a part that starts later is reported as such. A part before its own first day is
 * not yet in force even while its measure is suspended, as a measure suspended before its first day is.
 */
export function combinedStatusOn(measure: DatedRule, part: Partial<DatedRule> | undefined, date: IsoDate): MeasureStatus {
  const outer = statusOn(measure, date);
  if (outer === 'suspended' && part?.effective && date < part.effective.from) return 'not_yet_in_force';
  if (outer !== 'in_force' || !part) return outer;
  const inner = statusOn({ effective: part.effective ?? measure.effective, suspensions: part.suspensions }, date);
  return inner;
}

/** The dated interval that applies to an entry: its own, or its measure's. */
export function effectiveOf(measure: DatedRule, part?: Partial<DatedRule>): { from: IsoDate; to: IsoDate | null } {
  if (!part?.effective) return measure.effective;
  const from = part.effective.from > measure.effective.from ? part.effective.from : measure.effective.from;
  const tos = [part.effective.to, measure.effective.to].filter((d): d is IsoDate => d !== null);
  return { from, to: tos.length ? tos.sort()[0]! : null };
}

/** The whole status history of a dated rule as consecutive inclusive intervals. */
export function statusTimeline(rule: DatedRule): StatusInterval[] {
  const out: StatusInterval[] = [{ from: null, to: previousDay(rule.effective.from), status: 'not_yet_in_force' }];
  const end = rule.effective.to;
  const suspensions = [...(rule.suspensions ?? [])].sort((a, b) => (a.from < b.from ? -1 : 1));
  let cursor: IsoDate | null = rule.effective.from;
  for (const s of suspensions) {
    if (cursor === null) break;
    if (end !== null && s.from > end) break;
    if (s.from > cursor) out.push({ from: cursor, to: previousDay(s.from), status: 'in_force' });
    const sTo = end !== null && (s.to === null || s.to > end) ? end : s.to;
    out.push({ from: s.from < cursor ? cursor : s.from, to: sTo, status: 'suspended' });
    cursor = sTo === null ? null : nextDay(sTo);
  }
  if (cursor !== null && (end === null || cursor <= end)) out.push({ from: cursor, to: end, status: 'in_force' });
  if (end !== null) out.push({ from: nextDay(end), to: null, status: 'repealed' });
  return out;
}

/** The status a timeline of {@link statusTimeline} gives `date`. */
export function statusIn(timeline: readonly StatusInterval[], date: IsoDate): MeasureStatus | undefined {
  return timeline.find((i) => (i.from === null || i.from <= date) && (i.to === null || date <= i.to))?.status;
}

/** A dated event in a measure's life (CONTRACT §4 `changes`). */
export interface MeasureEvent {
  date: IsoDate;
  event: 'published' | 'in_force' | 'suspended' | 'resumed' | 'repealed';
  /** Which part, when a clause or entry changed rather than the whole measure. */
  scope?: string;
}

/**
 * Suspensions with the ones that follow on without a day of application merged (a suspension extended from the day
 * the last one ended is one suspension to a reader of the change feed: nothing was resumed in between).
 */
function continuousSuspensions(suspensions: readonly Suspension[] | undefined): Suspension[] {
  if (!suspensions?.length) return [];
  const sorted = [...suspensions].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const out: Suspension[] = [{ ...sorted[0]! }];
  for (const s of sorted.slice(1)) {
    const last = out[out.length - 1]!;
    if (last.to !== null && s.from > nextDay(last.to)) out.push({ ...s });
    else if (last.to !== null && (s.to === null || s.to > last.to)) last.to = s.to;
  }
  return out;
}

/** Every dated event of a measure, oldest first. */
export function measureEvents(measure: Measure, parts: { scope: string; rule: Partial<DatedRule> }[] = []): MeasureEvent[] {
  const events: MeasureEvent[] = [{ date: measure.published, event: 'published' }];
  // A measure suspended before its first day never came into force then: the day its suspension ends is the day it
  // comes into force (`in_force`), not a resumption of something that applied before.
  if (!inSuspension(measure.suspensions, measure.effective.from)) events.push({ date: measure.effective.from, event: 'in_force' });
  // A suspension that ends while the measure still stands is followed by the day it applies again.
  const endsBeforeRepeal = (s: Suspension): s is Suspension & { to: IsoDate } => s.to !== null && (measure.effective.to === null || s.to < measure.effective.to);
  const addSuspensions = (suspensions: Suspension[] | undefined, firstDay: IsoDate, scope?: string) => {
    for (const s of continuousSuspensions(suspensions)) {
      // A suspension that began before the first day holds from that day, as the status timeline shows it.
      events.push({ date: s.from < firstDay ? firstDay : s.from, event: 'suspended', ...(scope ? { scope } : {}) });
      if (endsBeforeRepeal(s)) events.push({ date: nextDay(s.to), event: s.from <= firstDay && firstDay <= s.to ? 'in_force' : 'resumed', ...(scope ? { scope } : {}) });
    }
  };
  addSuspensions(measure.suspensions, measure.effective.from);
  for (const part of parts) {
    const ownStart = part.rule.effective && part.rule.effective.from > measure.effective.from ? part.rule.effective.from : undefined;
    if (ownStart && !inSuspension(part.rule.suspensions, ownStart)) {
      // A part whose first day falls in a suspension of the whole measure comes into force when that suspension ends.
      const held = inSuspension(measure.suspensions, ownStart);
      if (!held) events.push({ date: ownStart, event: 'in_force', scope: part.scope });
      else if (endsBeforeRepeal(held)) events.push({ date: nextDay(held.to), event: 'in_force', scope: part.scope });
    }
    addSuspensions(part.rule.suspensions, ownStart ?? measure.effective.from, part.scope);
  }
  if (measure.effective.to !== null) events.push({ date: nextDay(measure.effective.to), event: 'repealed' });
  const seen = new Set<string>();
  return events
    .filter((e) => {
      const key = `${e.date}|${e.event}|${e.scope ?? ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * A suspension that ended on or before `date` whose end the data could not verify: the rule applies
 * again by its text, but nobody checked what followed (CONTRACT §3 `status_unverified`).
 */
export function unverifiedResumption(rule: Partial<DatedRule>, date: IsoDate, dataVerifiedThrough: IsoDate): Suspension | undefined {
  // Indexed, and no `?? []` stand-in: most rules have no suspensions, and a literal empty array is one more
  // array map for the optimised loop to meet (each new one threw the code away and compiled it again).
  const list = rule.suspensions;
  if (list === undefined) return undefined;
  for (let i = 0; i < list.length; i++) {
    const s = list[i]!;
    if (s.to !== null && date > s.to && dataVerifiedThrough <= s.to) return s;
  }
  return undefined;
}

/** A suspension whose last day is `date` (CONTRACT §3: "until E" covers E, a reading some contest). */
export function suspensionEndingOn(rule: Partial<DatedRule>, date: IsoDate): Suspension | undefined {
  const list = rule.suspensions;
  if (list === undefined) return undefined;
  for (let i = 0; i < list.length; i++) if (list[i]!.to === date) return list[i];
  return undefined;
}
