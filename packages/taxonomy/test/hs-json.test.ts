import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without types
import { hsRowsFromCsv, renderHsJson } from '../scripts/hs-json.mjs';
import { HsNomenclature, loadTaxonomy } from '../src/index.js';

const csv = new URL('../data/hs2022.csv', import.meta.url);

describe('the bundled HS nomenclature', () => {
  it('is data/hs2022.csv converted by scripts/hs-json.mjs (run it after changing the CSV)', () => {
    const rendered = renderHsJson(hsRowsFromCsv(readFileSync(csv, 'utf8')));
    expect(readFileSync(new URL('../data/hs2022.json', import.meta.url), 'utf8')).toBe(rendered);
  });

  it('answers like the nomenclature read from the CSV', () => {
    const fromCsv = new HsNomenclature(csv);
    const t = loadTaxonomy();
    expect(t.hs.counts()).toEqual(fromCsv.counts());
    expect(t.hs.counts().subheadings).toBeGreaterThan(5000);
    expect(t.hs.get('850511')).toEqual(fromCsv.get('850511'));
    expect(t.hs.get('8505')?.parent).toBe('85');
    expect(t.hs.get('85')?.parent).toBeNull();
  });
});
