import type { CountryCode, IsoDate } from '@chokepoint/core';
import { readData } from './data-files.js';
import { earCountry } from './groups.js';

/** A Country Chart column (`NS1`, `AT2`, …). */
export type ChartColumn = 'CB1' | 'CB2' | 'CB3' | 'NP1' | 'NP2' | 'NS1' | 'NS2' | 'MT1' | 'RS1' | 'RS2' | 'FC1' | 'CC1' | 'CC2' | 'CC3' | 'AT1' | 'AT2';

/** The shape of `data/country-chart.json`. */
export interface CountryChartFile {
  ecfrDate: IsoDate;
  columns: ChartColumn[];
  rowCount: number;
  destinations: Record<CountryCode, { name: string; licenceRequired: ChartColumn[]; footnotes: string[] }>;
  footnotes: Record<string, string>;
  embargoedRowsUnreliable: CountryCode[];
  /** How each footnote is applied (typed in chart-footnotes.ts). */
  footnoteRules: { rules: Record<string, { kind: string; row?: CountryCode }> };
  changes: { date: IsoDate; countries: CountryCode[]; columns: ChartColumn[]; change: 'added' | 'removed'; citation: string }[];
}

export const chartFile = readData<CountryChartFile>('country-chart.json');

/** A destination's chart row (Hong Kong reads China's, Liechtenstein Switzerland's). */
export interface ChartRow {
  /** The row used (Hong Kong reads China's). */
  row: CountryCode;
  name: string;
  columns: Set<ChartColumn>;
  footnotes: string[];
  /** True for the rows the source parse garbled (Cuba, Iran, North Korea, Syria): part 746 decides. */
  unreliable: boolean;
}

/** Rows a footnote sends to another row (footnote 5: Liechtenstein takes Switzerland's requirements). */
const ROW_OF: Record<CountryCode, CountryCode> = Object.fromEntries(
  Object.entries(chartFile.destinations).flatMap(([code, r]) => r.footnotes
    .map((n) => chartFile.footnoteRules.rules[n])
    .filter((rule): rule is { kind: 'readRow'; row: CountryCode } => rule?.kind === 'readRow')
    .map((rule) => [code, rule.row])),
);

/** A destination's chart row on a date: the 2026-09-24 row with later recorded changes undone. */
export function chartRow(country: CountryCode, date: IsoDate): ChartRow | undefined {
  const own = earCountry(country);
  const row = ROW_OF[own] ?? own;
  const r = chartFile.destinations[row];
  if (!r) return undefined;
  const columns = new Set(r.licenceRequired);
  for (const c of chartFile.changes) {
    if (date >= c.date || !c.countries.includes(row)) continue;
    for (const col of c.columns) {
      if (c.change === 'removed') columns.add(col);
      else columns.delete(col);
    }
  }
  return { row, name: r.name, columns, footnotes: r.footnotes, unreliable: chartFile.embargoedRowsUnreliable.includes(row) };
}
