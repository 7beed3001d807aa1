import { describe, expect, test } from 'vitest';
import { answersCsv, requestLines } from './batch.js';
import { changesByDay, portfolioCsvParts } from './portfolio.js';

describe('batch files', () => {
  test('a CSV row becomes a request, columns named as for the CLI', () => {
    const csv = 'id,item.id,hs,from,to,param.purity,endUser.name,jurisdictions\nl1,gallium/metal,,CN,US,0.9999,Acme,"CN,US"\n';
    expect(requestLines('x.csv', csv)).toEqual([
      { line: 2, json: JSON.stringify({ id: 'l1', item: { id: 'gallium/metal', parameters: { purity: '0.9999' } }, from: 'CN', to: 'US', endUser: { name: 'Acme' }, jurisdictions: ['CN', 'US'] }) },
    ]);
  });

  test('an unknown column or two columns for one field are refused, naming them', () => {
    expect(() => requestLines('x.csv', 'id,from,to,a,colour\nl1,CN,US,,red\n')).toThrow('CSV column 4 "a" is not a request field');
    expect(() => requestLines('x.csv', 'hs,item.hs\n8112,8112\n')).toThrow('CSV columns "hs" and "item.hs" both set item.hs');
  });

  test('NDJSON lines keep their line numbers; blank lines are skipped', () => {
    expect(requestLines('x.ndjson', '{"a":1}\n\n{"b":2}\n')).toEqual([
      { line: 1, json: '{"a":1}' },
      { line: 3, json: '{"b":2}' },
    ]);
  });

  test('answers and errors as CSV rows, one per line, in order', () => {
    const csv = answersCsv(
      [
        // A repealed measure listed first changes nothing: the reference is that of the finding in force.
        { id: 'a', verdict: 'license_required', jurisdictions: [{ jurisdiction: 'CN', verdict: 'license_required', licensePolicy: 'case_by_case', findings: [{ status: 'repealed', measure: { reference: 'No. 39, 2023' } }, { status: 'in_force', measure: { reference: 'No. 23, 2023' } }] }], questions: [], warnings: [{ code: 'stale_data' }, { code: 'stale_data' }] },
        { id: 'b', line: 1, error: { code: 'invalid_request', message: 'to: expected a code' } },
      ],
      [2, 3],
      ['CN'],
    );
    expect(csv).toBe('id,line,verdict,CN.verdict,CN.licensePolicy,questions,reference,warnings,error\na,2,license_required,license_required,case_by_case,,"No. 23, 2023",stale_data,\nb,3,,,,,,,invalid_request: to: expected a code\n');
  });

  test('portfolio changes as CSV: one row per change, one for a line without change, one for an error', () => {
    const parts = portfolioCsvParts(
      [
        { id: 'ga', on: 'not_controlled', onDate: '2023-01-01', changes: [{ date: '2023-08-01', jurisdiction: 'CN', before: { verdict: 'not_controlled' }, after: { verdict: 'license_required', licensePolicy: 'case_by_case' }, measures: ['cn-mofcom-2023-23'] }] },
        { id: 'li', on: 'not_controlled', onDate: '2023-01-01', changes: [] },
        { id: 'bad', line: 3, error: { code: 'invalid_request', message: 'to: expected a code, got "USA"' } },
      ],
      [2, 3, 4],
      new Map([['CN', '2023-07-31']]),
      2,
    );
    expect(parts).toHaveLength(3);
    expect(parts.join('')).toBe(
      'id,line,from,verdict,date,jurisdiction,before.verdict,before.licensePolicy,after.verdict,after.licensePolicy,measures,unverifiedAfter,error\n' +
        'ga,2,2023-01-01,not_controlled,2023-08-01,CN,not_controlled,,license_required,case_by_case,cn-mofcom-2023-23,2023-07-31,\n' +
        'li,3,2023-01-01,not_controlled,,,,,,,,,\n' +
        'bad,4,,,,,,,,,,,"invalid_request: to: expected a code, got ""USA"""\n',
    );
  });

  test('portfolio changes by day and regime, oldest first, each line once', () => {
    const change = (date: string, jurisdiction: string, measure: string) => ({ date, jurisdiction, before: { verdict: 'not_controlled' }, after: { verdict: 'license_required' }, measures: [measure] });
    const days = changesByDay(
      [
        { id: 'a', changes: [change('2025-02-01', 'CN', 'm2'), change('2024-12-03', 'CN', 'm1')] },
        { changes: [change('2024-12-03', 'CN', 'm1'), change('2024-12-03', 'US', 'm3')] },
        { id: 'c', error: { code: 'invalid_request', message: 'x' } },
      ],
      [2, 3, 4],
    );
    expect(days).toEqual([
      { date: '2024-12-03', jurisdiction: 'CN', measures: ['m1'], lines: ['a', 'line 3'] },
      { date: '2024-12-03', jurisdiction: 'US', measures: ['m3'], lines: ['line 3'] },
      { date: '2025-02-01', jurisdiction: 'CN', measures: ['m2'], lines: ['a'] },
    ]);
  });
});
