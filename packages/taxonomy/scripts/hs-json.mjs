// Writes data/hs2022.json from data/hs2022.csv (the nomenclature as published by
// datasets/harmonized-system). The package imports the JSON as a module so that bundles carry it;
// the CSV stays the source. Run after replacing the CSV: `node scripts/hs-json.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** Rows of the CSV as `[code, description, parent, section]`, headings and subheadings only. */
export function hsRowsFromCsv(csv) {
  const rows = parse(csv, { columns: true, bom: true, skip_empty_lines: true });
  return rows
    .filter((r) => /^\d{2}(\d{2}){0,2}$/.test(r.hscode ?? ''))
    .map((r) => [r.hscode, r.description ?? '', r.parent && r.parent !== 'TOTAL' ? r.parent : null, r.section ?? '']);
}

/** The JSON text written to data/hs2022.json: one row per line, so diffs stay readable. */
export function renderHsJson(rows) {
  return `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const csv = readFileSync(new URL('../data/hs2022.csv', import.meta.url), 'utf8');
  writeFileSync(new URL('../data/hs2022.json', import.meta.url), renderHsJson(hsRowsFromCsv(csv)));
}
