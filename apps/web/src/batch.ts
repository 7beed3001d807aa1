import { csvColumnPaths, csvRecordRequest, type CsvColumnPath } from '@chokepoint/core/csv';
import Papa from 'papaparse';

// CSV columns are read as for `chokepoint assess --input FILE.csv` (CONTRACT §4), by core's one mapping: a file gives
// the same requests here as in the CLI.

/** One request line to send, with its line number in the uploaded file (the header is line 1 of a CSV). */
export interface RequestLine {
  line: number;
  json: string;
}

/** The NDJSON request lines of an uploaded file: CSV (by its name) or NDJSON as it is. */
export function requestLines(fileName: string, text: string): RequestLine[] {
  if (!isCsv(fileName)) {
    return text.split(/\r?\n/).flatMap((json, i) => (json.trim() ? [{ line: i + 1, json }] : []));
  }
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  if (!header) throw new Error('The CSV file is empty; its first row must name the columns.');
  return csvRequests(csvColumnPaths(header), rows, 2);
}

/** Whether an uploaded file is read as CSV (by its name); anything else is NDJSON. */
export const isCsv = (fileName: string): boolean => fileName.toLowerCase().endsWith('.csv');

/** CSV rows as request lines, given the columns' paths (see `csvColumnPaths`) and the first row's line number. */
export function csvRequests(paths: CsvColumnPath[], rows: string[][], firstLine: number): RequestLine[] {
  return rows.map((row, i) => ({ line: firstLine + i, json: JSON.stringify(csvRecordRequest(row, paths)) }));
}

interface AnswerLine {
  id?: string;
  line?: number;
  verdict?: string;
  jurisdictions?: { jurisdiction: string; verdict: string; licensePolicy?: string; findings: { status: string; measure: { reference: string } }[] }[];
  questions?: { parameter: string; prompt: string }[];
  warnings?: { code: string }[];
  error?: { code: string; message: string };
}

/**
 * Answers as CSV, with the columns of `chokepoint assess --output FILE.csv` (CONTRACT §4): id, line,
 * verdict, each regime's verdict and licence policy, the questions, the first finding's reference (of one in force), the
 * warning codes (each once) and a failed line's error.
 */
export function answersCsv(answers: AnswerLine[], lines: number[], regimes: string[]): string {
  const header = ['id', 'line', 'verdict', ...regimes.flatMap((r) => [`${r}.verdict`, `${r}.licensePolicy`]), 'questions', 'reference', 'warnings', 'error'];
  const rows = answers.map((a, i) => {
    const line = String(lines[i] ?? a.line ?? i + 1);
    if (a.error) return [a.id ?? '', line, '', ...regimes.flatMap(() => ['', '']), '', '', '', `${a.error.code}: ${a.error.message}`];
    const byRegime = new Map((a.jurisdictions ?? []).map((j) => [j.jurisdiction, j]));
    // The first finding in force, as the CLI's CSV names it: never a measure that changes nothing on the date.
    const first = (a.jurisdictions ?? []).flatMap((j) => j.findings).find((f) => f.status === 'in_force');
    return [
      a.id ?? '',
      line,
      a.verdict ?? '',
      ...regimes.flatMap((r) => [byRegime.get(r)?.verdict ?? '', byRegime.get(r)?.licensePolicy ?? '']),
      (a.questions ?? []).map((q) => q.prompt).join(' | '),
      first?.measure.reference ?? '',
      [...new Set((a.warnings ?? []).map((w) => w.code))].join(' '),
      '',
    ];
  });
  return Papa.unparse([header, ...rows], { newline: '\n' }) + '\n';
}
