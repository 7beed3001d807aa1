import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../usage.js';
import { mapCsvHeader, readCsv } from './csv-requests.js';
import type { BatchLine } from '@chokepoint/core';

describe('mapCsvHeader', () => {
  it('maps request fields, item fields with or without prefix, parameters and end user', () => {
    expect(mapCsvHeader(['id', 'item.id', 'hs', 'item.cnCode', 'from', 'to', 'endUse', 'param.purity', 'item.parameters.fraction.W', 'endUser.name', 'jurisdictions'])).toEqual([
      ['id'],
      ['item', 'id'],
      ['item', 'hs'],
      ['item', 'cnCode'],
      ['from'],
      ['to'],
      ['endUse'],
      ['item', 'parameters', 'purity'],
      ['item', 'parameters', 'fraction.W'],
      ['endUser', 'name'],
      ['jurisdictions'],
    ]);
  });

  it('refuses an unknown column, naming it and --input', () => {
    expect(() => mapCsvHeader(['id', 'destination'])).toThrow(UsageError);
    expect(() => mapCsvHeader(['id', 'destination'])).toThrow(/--input: CSV column 2 "destination"/);
  });

  it('refuses two columns for one field', () => {
    expect(() => mapCsvHeader(['hs', 'item.hs'])).toThrow(/both set item.hs/);
  });
});

describe('readCsv', () => {
  async function readAll(text: string): Promise<BatchLine[]> {
    const out: BatchLine[] = [];
    for await (const b of readCsv(Readable.from([Buffer.from(text)]), 2)) out.push(...b.lines);
    return out;
  }

  it('gives a short row an error line with its ID and keeps the rest in order', async () => {
    const lines = await readAll('id,item.id,from,to\nr1,gallium/metal,CN,US\nr2,gallium/metal,CN\n\nr3,germanium/metal,CN,DE\n');
    expect(lines.map((l) => l.line)).toEqual([2, 3, 5]);
    expect(lines[0]).toEqual({ line: 2, request: { id: 'r1', item: { id: 'gallium/metal' }, from: 'CN', to: 'US' } });
    expect(lines[1]).toMatchObject({ line: 3, id: 'r2', error: { code: 'invalid_csv', message: 'expected 4 cells as in the header, got 3' } });
    expect(lines[2]).toMatchObject({ line: 5, request: { id: 'r3' } });
  });

  it('reads quoted cells with commas and newlines', async () => {
    const lines = await readAll('id,name,from,to\nq1,"gallium, metal",CN,US\n');
    expect(lines).toEqual([{ line: 2, request: { id: 'q1', item: { name: 'gallium, metal' }, from: 'CN', to: 'US' } }]);
  });
});
