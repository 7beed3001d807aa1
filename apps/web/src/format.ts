import type { Verdict } from '@chokepoint/core';

const VERDICT_LABELS: Record<Verdict, string> = {
  prohibited: 'Prohibited',
  license_required: 'Licence required',
  needs_information: 'Needs information',
  authorization_available: 'Authorisation available',
  no_license_required: 'No licence required',
  not_controlled: 'Not controlled',
};

/** A verdict in words; unknown codes are shown as they come. */
export const verdictLabel = (v: string): string => VERDICT_LABELS[v as Verdict] ?? v;

/** Words for the snake_case codes of the API (`presumption_of_denial` → "presumption of denial"). */
export const words = (code: string): string => code.replace(/[_-]+/g, ' ');

/** Today in UTC, as the API's default date. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** CSS class for a verdict's colour; colour is never the only signal, the label always shows. */
export const verdictClass = (v: string): string => `verdict verdict-${v.replace(/_/g, '-')}`;

/**
 * The language of a text for its `lang` attribute, so that Han characters are drawn in the right
 * regional form: Japanese when it has kana, Chinese when it has Han only, none otherwise.
 */
export function langOf(text: string): 'ja' | 'zh' | undefined {
  if (/[\u3040-\u30ff\u31f0-\u31ff]/.test(text)) return 'ja';
  if (/[\u3400-\u9fff\uf900-\ufaff]/.test(text)) return 'zh';
  return undefined;
}

/** Whole days from `from` to `to` (ISO dates). */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** The language of a regime's own texts, where it writes in Chinese or Japanese. */
export const langOfJurisdiction = (jurisdiction: string): 'ja' | 'zh' | undefined => (jurisdiction === 'JP' ? 'ja' : jurisdiction === 'CN' ? 'zh' : undefined);

/**
 * When a measure's status on `asOf` began after its regime's data was verified (`verifiedThrough`): the day it began.
 * Such a status follows from the measure's recorded dates (a suspension's end, say) and no source checked since
 * confirms it; assessments on such a date warn `status_unverified` or `stale_data`. Undefined otherwise.
 */
export function statusBeganUnverified(timeline: readonly { from: string | null; to: string | null }[], asOf: string, verifiedThrough: string | undefined): string | undefined {
  if (!verifiedThrough) return undefined;
  const now = timeline.find((i) => (i.from === null || i.from <= asOf) && (i.to === null || asOf <= i.to));
  return now?.from && now.from > verifiedThrough ? now.from : undefined;
}

/**
 * An entry's own status on `asOf` where its own dates or suspensions make it differ from its measure's (a suspended
 * clause, a part added or ended apart): `suspended`, `not_yet_in_force` or `repealed` (ended). Undefined when the entry follows its measure.
 */
export function entryStatusOn(e: { effective?: { from: string; to: string | null }; suspensions?: { from: string; to: string | null }[] }, asOf: string): { status: 'suspended' | 'not_yet_in_force' | 'repealed' } | undefined {
  if (e.effective && asOf < e.effective.from) return { status: 'not_yet_in_force' };
  if (e.effective?.to && asOf > e.effective.to) return { status: 'repealed' };
  if ((e.suspensions ?? []).some((x) => x.from <= asOf && (x.to === null || asOf <= x.to))) return { status: 'suspended' };
  return undefined;
}
