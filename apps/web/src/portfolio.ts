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
  on?: { date: string; verdict: string };
  changes?: { date: string; jurisdiction: string; before: RegimeState; after: RegimeState; measures: string[] }[];
  error?: { code: string; message: string };
}

/** The columns of the portfolio CSV download, one row per change (a line without change or with an error gets one row). */
export const PORTFOLIO_COLUMNS = ['id', 'line', 'from', 'verdict', 'date', 'jurisdiction', 'before.verdict', 'before.licensePolicy', 'after.verdict', 'after.licensePolicy', 'measures', 'error'];

/** The CSV rows of some answered lines, without the header (so that a large result is written in parts). */
export function portfolioCsvRows(lines: PortfolioLine[], fileLines: number[], offset = 0): string {
  const rows = lines.flatMap((l, i) => {
    const head = [l.id ?? '', String(fileLines[offset + i] ?? l.line ?? offset + i + 1)];
    if (l.error) return [[...head, '', '', '', '', '', '', '', '', '', `${l.error.code}: ${l.error.message}`]];
    const on = [l.on?.date ?? '', l.on?.verdict ?? ''];
    if (!l.changes?.length) return [[...head, ...on, '', '', '', '', '', '', '', '']];
    return l.changes.map((c) => [...head, ...on, c.date, c.jurisdiction, c.before.verdict, c.before.licensePolicy ?? '', c.after.verdict, c.after.licensePolicy ?? '', c.measures.join(' '), '']);
  });
  return rows.length ? `${Papa.unparse(rows, { newline: '\n' })}\n` : '';
}

/** The whole portfolio CSV, header first, as parts for a Blob. */
export function portfolioCsvParts(lines: PortfolioLine[], fileLines: number[], partSize = 5000): string[] {
  const parts = [`${PORTFOLIO_COLUMNS.join(',')}\n`];
  for (let i = 0; i < lines.length; i += partSize) parts.push(portfolioCsvRows(lines.slice(i, i + partSize), fileLines, i));
  return parts;
}
