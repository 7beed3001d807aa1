import { describe, expect, test } from 'vitest';
import { answersCsv, columnPath, requestLines } from './batch.js';

describe('batch files', () => {
  test('a CSV row becomes a request, columns named as for the CLI', () => {
    const csv = 'id,item.id,hs,from,to,param.purity,endUser.name,jurisdictions\nl1,gallium/metal,,CN,US,0.9999,Acme,"CN,US"\n';
    expect(requestLines('x.csv', csv)).toEqual([
      { line: 2, json: JSON.stringify({ id: 'l1', item: { id: 'gallium/metal', parameters: { purity: 0.9999 } }, from: 'CN', to: 'US', endUser: { name: 'Acme' }, jurisdictions: ['CN', 'US'] }) },
    ]);
  });

  test('an unknown column is refused, naming it', () => {
    expect(() => columnPath('colour', 3)).toThrow('CSV column 4 "colour" is not a request field');
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
        { id: 'a', verdict: 'license_required', jurisdictions: [{ jurisdiction: 'CN', verdict: 'license_required', licensePolicy: 'case_by_case', findings: [{ status: 'in_force', measure: { reference: 'No. 23, 2023' } }] }], questions: [], warnings: [{ code: 'stale_data' }, { code: 'stale_data' }] },
        { id: 'b', line: 1, error: { code: 'invalid_request', message: 'to: expected a code' } },
      ],
      [2, 3],
      ['CN'],
    );
    expect(csv).toBe('id,line,verdict,CN.verdict,CN.licensePolicy,questions,reference,warnings,error\na,2,license_required,license_required,case_by_case,,"No. 23, 2023",stale_data,\nb,3,,,,,,,invalid_request: to: expected a code\n');
  });
});
