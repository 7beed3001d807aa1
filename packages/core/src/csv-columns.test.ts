import { describe, expect, it } from 'vitest';
import { csvColumnPaths, CsvHeaderError, csvRecordRequest } from './csv-columns.js';
import { createEngine } from './engine.js';
import { ValidationError } from './errors.js';
import { aaPlugin } from './test-support/fixture-plugins.js';
import { fixtureTaxonomy } from './test-support/fixture-taxonomy.js';

describe('csvColumnPaths', () => {
  it('maps request fields, item fields with or without prefix, parameters and the end user', () => {
    expect(csvColumnPaths([' id', 'item.id', 'hs', 'item.cnCode', 'from', 'valueUsd', 'param.purity', 'item.parameters.fraction.W', 'endUser.name', 'jurisdictions'])).toEqual([
      ['id'],
      ['item', 'id'],
      ['item', 'hs'],
      ['item', 'cnCode'],
      ['from'],
      ['item', 'valueUsd'],
      ['item', 'parameters', 'purity'],
      ['item', 'parameters', 'fraction.W'],
      ['endUser', 'name'],
      ['jurisdictions'],
    ]);
  });

  it('refuses an unknown column, naming its position and the fields there are', () => {
    expect(() => csvColumnPaths(['id', 'destination'])).toThrow(CsvHeaderError);
    expect(() => csvColumnPaths(['id', 'destination'])).toThrow(/^CSV column 2 "destination" is not a request field; use id, from, to/);
  });

  it('refuses two columns that set one field', () => {
    expect(() => csvColumnPaths(['hs', 'item.hs'])).toThrow('CSV columns "hs" and "item.hs" both set item.hs');
  });
});

describe('csvRecordRequest', () => {
  const paths = csvColumnPaths(['id', 'item.id', 'hs', 'from', 'to', 'param.purity', 'valueUsd', 'jurisdictions', 'endUser.nationalities', 'endUser.type']);

  it('nests values, splits lists and leaves empty cells out', () => {
    expect(csvRecordRequest(['r1', 'gallium/metal', '', 'AA', 'US', ' 0.9999 ', '1200', 'CN; US', 'IN|PK', ''], paths)).toEqual({
      id: 'r1',
      item: { id: 'gallium/metal', parameters: { purity: '0.9999' }, valueUsd: '1200' },
      from: 'AA',
      to: 'US',
      jurisdictions: ['CN', 'US'],
      endUser: { nationalities: ['IN', 'PK'] },
    });
  });

  it('keeps a number as text, so validation names a cell that is not one', () => {
    const engine = createEngine({ taxonomy: fixtureTaxonomy(), plugins: [aaPlugin()] });
    const request: Record<string, unknown> = { ...csvRecordRequest(['r2', 'gallium/metal', '', 'AA', 'US', 'high', '', '', '', ''], paths), date: '2026-11-28' };
    let errors: unknown;
    try {
      engine.assess(request);
    } catch (err) {
      if (err instanceof ValidationError) errors = err.errors;
    }
    expect(errors).toEqual([{ path: 'item.parameters.purity', message: 'expected a finite number, got "high"' }]);
    expect(engine.assess({ ...request, item: { ...(request.item as object), parameters: { purity: '0.9999' } } }).item.resolved).toEqual(['gallium/metal']);
  });
});
