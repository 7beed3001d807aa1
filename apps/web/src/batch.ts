import Papa from 'papaparse';

// CSV columns as CONTRACT §4 names them for `chokepoint assess --input FILE.csv`: request fields,
// item fields bare or as item.<field>, endUser.<field>, and param.NAME for technical parameters.
const REQUEST_COLUMNS = ['id', 'from', 'to', 'date', 'transfer', 'endUse', 'jurisdictions'];
const ITEM_COLUMNS = ['id', 'hs', 'cnCode', 'cnControlCode', 'eccn', 'euCode', 'cas', 'name', 'origin', 'valueUsd'];
const END_USER_COLUMNS = ['name', 'country', 'type', 'nationalities'];
const LIST_FIELDS = new Set(['jurisdictions', 'endUser.nationalities']);
const NUMBER_FIELDS = new Set(['item.valueUsd']);
const PARAMETER = /^(?:param|item\.parameters)\.([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)?)$/;

/** Where a CSV column goes in a request; an unknown column is an error naming it. */
export function columnPath(header: string, index: number): string[] {
  const name = header.trim();
  const param = PARAMETER.exec(name);
  if (param) return ['item', 'parameters', param[1]!];
  if (REQUEST_COLUMNS.includes(name)) return [name];
  if (ITEM_COLUMNS.includes(name)) return ['item', name];
  if (name.startsWith('item.') && ITEM_COLUMNS.includes(name.slice(5))) return ['item', name.slice(5)];
  if (name.startsWith('endUser.') && END_USER_COLUMNS.includes(name.slice(8))) return ['endUser', name.slice(8)];
  throw new Error(`CSV column ${index + 1} "${name}" is not a request field; use ${REQUEST_COLUMNS.join(', ')}, item.<field>, param.NAME or endUser.<field>.`);
}

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
  return csvRequests(header.map(columnPath), rows, 2);
}

/** Whether an uploaded file is read as CSV (by its name); anything else is NDJSON. */
export const isCsv = (fileName: string): boolean => fileName.toLowerCase().endsWith('.csv');

/** CSV rows as request lines, given the columns' paths (see {@link columnPath}) and the first row's line number. */
export function csvRequests(paths: string[][], rows: string[][], firstLine: number): RequestLine[] {
  return rows.map((row, i) => {
    const request: Record<string, unknown> = {};
    paths.forEach((path, j) => {
      const cell = row[j]?.trim() ?? '';
      if (!cell) return;
      let target = request;
      for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
      const dotted = path.join('.');
      target[path[path.length - 1]!] = LIST_FIELDS.has(dotted) ? cell.split(/[\s,;|]+/).filter(Boolean) : path[1] === 'parameters' || NUMBER_FIELDS.has(dotted) ? Number(cell) : cell;
    });
    return { line: firstLine + i, json: JSON.stringify(request) };
  });
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
 * verdict, each regime's verdict and licence policy, the questions, the first finding's reference, the
 * warning codes (each once) and a failed line's error.
 */
export function answersCsv(answers: AnswerLine[], lines: number[], regimes: string[]): string {
  const header = ['id', 'line', 'verdict', ...regimes.flatMap((r) => [`${r}.verdict`, `${r}.licensePolicy`]), 'questions', 'reference', 'warnings', 'error'];
  const rows = answers.map((a, i) => {
    const line = String(lines[i] ?? a.line ?? i + 1);
    if (a.error) return [a.id ?? '', line, '', ...regimes.flatMap(() => ['', '']), '', '', '', `${a.error.code}: ${a.error.message}`];
    const byRegime = new Map((a.jurisdictions ?? []).map((j) => [j.jurisdiction, j]));
    const first = (a.jurisdictions ?? []).flatMap((j) => j.findings)[0];
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
