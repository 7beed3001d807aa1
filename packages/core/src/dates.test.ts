import { describe, expect, it } from 'vitest';
import { combinedStatusOn, isIsoDate, measureEvents, nextDay, previousDay, statusOn, statusTimeline, unverifiedResumption } from './dates.js';
import type { Measure } from './types.js';

const rule = { effective: { from: '2025-11-08', to: null }, suspensions: [{ from: '2025-11-07', to: '2026-11-10', by: 'No. 70' }] };

describe('statusOn', () => {
  it('follows CONTRACT §3: inclusive start, suspension covers its end day, then the text applies again', () => {
    expect(statusOn(rule, '2025-11-06')).toBe('not_yet_in_force');
    expect(statusOn(rule, '2025-11-07')).toBe('not_yet_in_force');
    expect(statusOn(rule, '2025-11-08')).toBe('suspended');
    expect(statusOn(rule, '2026-11-10')).toBe('suspended');
    expect(statusOn(rule, '2026-11-11')).toBe('in_force');
  });
  it('a measure is in force on its last day and repealed the day after', () => {
    const r = { effective: { from: '2023-08-01', to: '2024-11-30' } };
    expect(statusOn(r, '2023-07-31')).toBe('not_yet_in_force');
    expect(statusOn(r, '2023-08-01')).toBe('in_force');
    expect(statusOn(r, '2024-11-30')).toBe('in_force');
    expect(statusOn(r, '2024-12-01')).toBe('repealed');
  });
  it('a part that starts later is not yet in force before its first day, even while its measure is suspended', () => {
    const measure = { effective: { from: '2025-10-09', to: null }, suspensions: [{ from: '2025-11-07', to: '2026-11-10', by: 'No. 70' }] };
    const part = { effective: { from: '2025-12-01', to: null } };
    expect(combinedStatusOn(measure, part, '2025-11-06')).toBe('not_yet_in_force');
    expect(combinedStatusOn(measure, part, '2025-11-30')).toBe('not_yet_in_force');
    expect(combinedStatusOn(measure, part, '2025-12-01')).toBe('suspended');
    expect(combinedStatusOn(measure, part, '2026-11-11')).toBe('in_force');
    expect(combinedStatusOn(measure, undefined, '2025-11-30')).toBe('suspended');
  });
  it('an open-ended suspension never ends', () => {
    expect(statusOn({ effective: { from: '2020-01-01', to: null }, suspensions: [{ from: '2021-01-01', to: null, by: 'x' }] }, '2099-01-01')).toBe('suspended');
  });
});

describe('statusTimeline', () => {
  it('lists consecutive intervals including repeal', () => {
    expect(statusTimeline({ effective: { from: '2024-09-15', to: '2024-11-30' } })).toEqual([
      { from: null, to: '2024-09-14', status: 'not_yet_in_force' },
      { from: '2024-09-15', to: '2024-11-30', status: 'in_force' },
      { from: '2024-12-01', to: null, status: 'repealed' },
    ]);
  });
  it('handles a suspension in the middle', () => {
    expect(statusTimeline({ effective: { from: '2024-12-03', to: null }, suspensions: [{ from: '2025-11-09', to: '2026-11-27', by: 'No. 72' }] })).toEqual([
      { from: null, to: '2024-12-02', status: 'not_yet_in_force' },
      { from: '2024-12-03', to: '2025-11-08', status: 'in_force' },
      { from: '2025-11-09', to: '2026-11-27', status: 'suspended' },
      { from: '2026-11-28', to: null, status: 'in_force' },
    ]);
  });
});

describe('measureEvents and unverified resumption', () => {
  const m: Measure = {
    id: 'x', jurisdiction: 'AA', title: 't', reference: 'r', authority: 'a', published: '2025-10-09', effective: { from: '2025-11-08', to: null },
    suspensions: [{ from: '2025-11-07', to: '2026-11-10', by: 'No. 70' }], summary: 's', url: 'https://e.org', sources: [], confidence: 'high',
  };
  it('orders published, suspended, in force; a measure suspended before its first day comes into force when the suspension ends', () => {
    // Suspended from 2025-11-07, a day before its first day: the feed says suspended on its first day, as its status timeline does.
    expect(measureEvents(m).map((e) => `${e.date} ${e.event}`)).toEqual(['2025-10-09 published', '2025-11-08 suspended', '2026-11-11 in_force']);
  });
  it('a measure in force before its suspension resumes when the suspension ends', () => {
    const applied = { ...m, effective: { from: '2025-10-09', to: null } };
    expect(measureEvents(applied).map((e) => `${e.date} ${e.event}`)).toEqual(['2025-10-09 published', '2025-10-09 in_force', '2025-11-07 suspended', '2026-11-11 resumed']);
  });
  it('a part whose first day falls in a suspension of the whole measure comes into force when that suspension ends', () => {
    const applied = { ...m, effective: { from: '2025-10-09', to: null } };
    const events = measureEvents(applied, [{ scope: 'part 1(1)', rule: { effective: { from: '2025-12-01', to: null } } }]);
    expect(events.map((e) => `${e.date} ${e.event}${e.scope ? ` ${e.scope}` : ''}`)).toContain('2026-11-11 in_force part 1(1)');
    expect(events.some((e) => e.date === '2025-12-01')).toBe(false);
  });
  it('a suspension extended from the day the last one ended is one suspension: nothing resumed in between', () => {
    const applied = { ...m, published: '2025-04-04', effective: { from: '2025-04-04', to: null }, suspensions: [{ from: '2025-11-10', to: '2026-11-10', by: 'third' }, { from: '2025-05-14', to: '2025-08-11', by: 'first' }, { from: '2025-08-12', to: '2025-11-09', by: 'second' }] };
    expect(measureEvents(applied).map((e) => `${e.date} ${e.event}`)).toEqual(['2025-04-04 published', '2025-04-04 in_force', '2025-05-14 suspended', '2026-11-11 resumed']);
    // A day of application between two suspensions is a resumption and a new suspension.
    const gap = { ...applied, suspensions: [{ from: '2025-05-14', to: '2025-08-10', by: 'first' }, { from: '2025-08-12', to: '2025-11-09', by: 'second' }] };
    expect(measureEvents(gap).map((e) => `${e.date} ${e.event}`)).toEqual(['2025-04-04 published', '2025-04-04 in_force', '2025-05-14 suspended', '2025-08-11 resumed', '2025-08-12 suspended', '2025-11-10 resumed']);
  });
  it('flags a resumption the data has not verified', () => {
    expect(unverifiedResumption(m, '2026-11-11', '2026-06-30')?.by).toBe('No. 70');
    expect(unverifiedResumption(m, '2026-11-10', '2026-06-30')).toBeUndefined();
    expect(unverifiedResumption(m, '2026-11-11', '2026-11-11')).toBeUndefined();
  });
});

describe('date helpers', () => {
  it('validates calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate(20250101)).toBe(false);
  });
  it('steps days across month and year ends', () => {
    expect(nextDay('2024-12-31')).toBe('2025-01-01');
    expect(previousDay('2024-03-01')).toBe('2024-02-29');
  });
});
