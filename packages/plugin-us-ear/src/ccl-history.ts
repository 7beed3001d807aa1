import type { Question, ScopeChange } from '@chokepoint/core';

/** A Federal Register rule that created or changed an ECCN (or one of its paragraphs) on a date. */
export interface EccnRule {
  code: string;
  from: string;
  rule: string;
  /** The rule's Federal Register document number, where the sources give it (its page is federalregister.gov/d/<doc>). */
  doc?: string;
}

/** True when `code` is the rule's ECCN or one of its paragraphs and `date` is before the rule. */
const before = (code: string, date: string) => (e: EccnRule) => (code === e.code || code.startsWith(`${e.code}.`)) && date < e.from;

/**
 * ECCNs (or paragraphs) created after the CCL snapshot's older text, with the rule that created them
 * (us-ear.md §5, Federal Register): before that day the classification did not exist, so an answer
 * under it would be anachronistic.
 */
export const ECCN_INTRODUCED: readonly EccnRule[] = [
  { code: '3A090', from: '2022-10-07', rule: '87 FR 62186 (advanced computing and SME rule)', doc: '2022-21658' },
  { code: '4A090', from: '2022-10-07', rule: '87 FR 62186 (advanced computing and SME rule)', doc: '2022-21658' },
  { code: '3C907', from: '2024-09-06', rule: 'FR Doc 2024-19633 (quantum, semiconductor and additive manufacturing items)', doc: '2024-19633' },
  { code: '3C908', from: '2024-09-06', rule: 'FR Doc 2024-19633', doc: '2024-19633' },
  { code: '3C909', from: '2024-09-06', rule: 'FR Doc 2024-19633', doc: '2024-19633' },
  { code: '3A090.c', from: '2024-12-02', rule: '89 FR 96790 (HBM, SME and FDP rule)', doc: '2024-28270' },
  { code: '3B993', from: '2024-12-02', rule: '89 FR 96790 (HBM, SME and FDP rule)', doc: '2024-28270' },
  { code: '3B994', from: '2024-12-02', rule: '89 FR 96790 (HBM, SME and FDP rule)', doc: '2024-28270' },
  { code: '4E091', from: '2025-01-13', rule: '90 FR 4544 (AI Diffusion rule)', doc: '2025-00636' },
];

/** The rule that created an ECCN after `date`, or undefined when it existed then (as far as the data knows). */
export function createdAfter(code: string, date: string): EccnRule | undefined {
  return ECCN_INTRODUCED.find(before(code, date));
}

/** The question asked when a request classifies an item under an ECCN that did not exist yet on its date. */
export function notYetCreatedQuestion(code: string, created: EccnRule): Question {
  return {
    parameter: 'item.eccn',
    prompt: `ECCN ${created.code} was created on ${created.from} by ${created.rule}; on an earlier date classify the item under the CCL then in force (often another ECCN or EAR99).`,
  };
}

/**
 * Rules that changed an ECCN's text after it existed (us-ear.md §5, Federal Register): for an earlier date the entry read
 * here (eCFR 2026-09-24) is not the one then in force, and the answer says so.
 */
/** 87 FR 49979 (Wassenaar 2021 plenary): gallium oxide and diamond substrates added to 3C001.d-f, 3C005.a-b, 3C006 and 3E003. */
export const UWBG_SUBSTRATES_RULE = { from: '2022-08-15', rule: '87 FR 49979 (interim final rule effective 2022-08-15: gallium oxide and diamond substrates added, Wassenaar 2021 plenary)', doc: '2022-17125' } as const;

export const ECCN_CHANGED: readonly EccnRule[] = [
  ...['3C001', '3C005', '3C006', '3E003'].map((code) => ({ code, ...UWBG_SUBSTRATES_RULE })),
  { code: '3A090', from: '2023-11-17', rule: '88 FR 73458 (new .a/.b performance thresholds)', doc: '2023-23055' },
  { code: '4A090', from: '2023-11-17', rule: '88 FR 73458', doc: '2023-23055' },
  { code: '3B001', from: '2023-11-17', rule: '88 FR 73424 (SME rule: new paragraphs and the Macau/D:5 licence)', doc: '2023-23049' },
  { code: '3B001', from: '2024-12-02', rule: '89 FR 96790 (HBM, SME and FDP rule)', doc: '2024-28270' },
  { code: '3B993', from: '2025-01-16', rule: '90 FR 5298 (heading corrections)', doc: '2025-00711' },
  { code: '3B994', from: '2025-01-16', rule: '90 FR 5298 (heading corrections)', doc: '2025-00711' },
  { code: '9A012', from: '2026-01-20', rule: 'FR Doc 2026-01059 (civil UAV rule: 9A012.a.1 reasons for control changed)', doc: '2026-01059' },
  { code: '9A012', from: '2026-08-13', rule: '91 FR 52501 (drone export rule; secondary source)', doc: '2026-16628' },
];

/** The changes to an ECCN made after `date`, oldest first. */
export function changedAfter(code: string, date: string): EccnRule[] {
  return ECCN_CHANGED.filter(before(code, date));
}

/**
 * The rules above as dated changes to what the CCL lists (the plugin's `scopeChanges`): `changes` and an exposure
 * timeline show each to the items classified under the code it created or rewrote. `measure` is the CCL's.
 */
export function cclScopeChanges(measure: string): ScopeChange[] {
  const change = (e: EccnRule, what: string): ScopeChange => ({ date: e.from, measure, scope: `ECCN ${e.code} ${what}`, reference: e.rule, ...(e.doc ? { url: federalRegisterUrl(e.doc) } : {}), codes: [e.code] });
  return [...ECCN_INTRODUCED.map((e) => change(e, 'created')), ...ECCN_CHANGED.map((e) => change(e, 'rewritten'))];
}

/** A Federal Register document's page on federalregister.gov, by its document number ("2023-23055"). */
export const federalRegisterUrl = (doc: string): string => `https://www.federalregister.gov/d/${doc}`;
