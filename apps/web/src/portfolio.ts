import Papa from 'papaparse';

/** A regime's answer at one moment: its verdict and, with `license_required`, its licence policy. */
export interface RegimeState {
  verdict: string;
  licensePolicy?: string;
}

/** One line of `POST /v1/changes/portfolio` (CONTRACT §10): the dates in the window on which its answer changes, or its error. */
export interface PortfolioLine {
  id?: string | null;
  line?: number;
  on?: string;
  onDate?: string;
  changes?: { date: string; jurisdiction: string; before: RegimeState; after: RegimeState; measures: string[] }[];
  error?: { code: string; message: string };
}

/**
 * The columns of the portfolio CSV download, one row per change (a line without change or with an
 * error gets one row). `unverifiedAfter` holds the regime's `dataVerifiedThrough` when the change
 * falls after it: the data was not checked that far, so the change is what the text said, unverified.
 */
export const PORTFOLIO_COLUMNS = ['id', 'line', 'from', 'verdict', 'date', 'jurisdiction', 'before.verdict', 'before.licensePolicy', 'after.verdict', 'after.licensePolicy', 'measures', 'unverifiedAfter', 'error'];

/** Each regime's `dataVerifiedThrough`, by jurisdiction. */
export type VerifiedThrough = ReadonlyMap<string, string>;

/** The regime's `dataVerifiedThrough` when a change falls after it, else undefined. */
export const unverifiedAfter = (change: { date: string; jurisdiction: string }, verified: VerifiedThrough): string | undefined => {
  const through = verified.get(change.jurisdiction);
  return through !== undefined && change.date > through ? through : undefined;
};

/** The CSV rows of some answered lines, without the header (so that a large result is written in parts). */
export function portfolioCsvRows(lines: PortfolioLine[], fileLines: number[], verified: VerifiedThrough, offset = 0): string {
  const rows = lines.flatMap((l, i) => {
    const head = [l.id ?? '', String(fileLines[offset + i] ?? l.line ?? offset + i + 1)];
    if (l.error) return [[...head, '', '', '', '', '', '', '', '', '', '', `${l.error.code}: ${l.error.message}`]];
    const on = [l.onDate ?? '', l.on ?? ''];
    if (!l.changes?.length) return [[...head, ...on, '', '', '', '', '', '', '', '', '']];
    return l.changes.map((c) => [...head, ...on, c.date, c.jurisdiction, c.before.verdict, c.before.licensePolicy ?? '', c.after.verdict, c.after.licensePolicy ?? '', c.measures.join(' '), unverifiedAfter(c, verified) ?? '', '']);
  });
  return rows.length ? `${Papa.unparse(rows, { newline: '\n' })}\n` : '';
}

/** The whole portfolio CSV, header first, as parts for a Blob. */
export function portfolioCsvParts(lines: PortfolioLine[], fileLines: number[], verified: VerifiedThrough, partSize = 5000): string[] {
  const parts = [`${PORTFOLIO_COLUMNS.join(',')}\n`];
  for (let i = 0; i < lines.length; i += partSize) parts.push(portfolioCsvRows(lines.slice(i, i + partSize), fileLines, verified, i));
  return parts;
}

/** Changes of a portfolio gathered by day and regime: what a planner watches for (the lines each touches). */
export interface DayChange {
  date: string;
  jurisdiction: string;
  measures: string[];
  /** IDs (or file line numbers) of the lines whose answer changes that day, in input order. */
  lines: string[];
}

/** The portfolio's changes by day and regime, oldest first. */
export function changesByDay(lines: PortfolioLine[], fileLines: number[]): DayChange[] {
  const byKey = new Map<string, DayChange>();
  lines.forEach((l, i) => {
    for (const c of l.changes ?? []) {
      const key = `${c.date} ${c.jurisdiction}`;
      const day = byKey.get(key) ?? { date: c.date, jurisdiction: c.jurisdiction, measures: [], lines: [] };
      for (const m of c.measures) if (!day.measures.includes(m)) day.measures.push(m);
      const name = l.id ?? `line ${fileLines[i] ?? i + 1}`;
      if (day.lines.at(-1) !== name) day.lines.push(name);
      byKey.set(key, day);
    }
  });
  return [...byKey.values()].sort((a, b) => (a.date === b.date ? a.jurisdiction.localeCompare(b.jurisdiction) : a.date < b.date ? -1 : 1));
}
