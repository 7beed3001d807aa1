import { stringify } from 'csv-stringify/sync';
import type { AssessmentResponse, BatchLine, Engine } from '@chokepoint/core';
import type { BatchSummary } from './summary.js';

/**
 * Answers as CSV (CONTRACT §4 `--output FILE.csv`): one row per input line, in order, with the id,
 * the verdict, each installed regime's verdict and licence policy, the questions, the first finding's reference
 * (of one in force, {@link decidingFinding}), the warning codes (each once) and, for a line that failed, its error. Spreadsheet users
 * open it as is; the NDJSON output keeps everything else.
 */
export class CsvAnswers {
  private readonly jurisdictions: readonly string[];

  /** @param jurisdictions the installed regimes, one verdict and one policy column each. */
  constructor(jurisdictions: readonly string[]) {
    this.jurisdictions = jurisdictions;
  }

  /** The header row. */
  header(): string {
    const regimes = this.jurisdictions.flatMap((j) => [`${j}.verdict`, `${j}.licensePolicy`]);
    return stringify([['id', 'line', 'verdict', ...regimes, 'questions', 'reference', 'warnings', 'error']]);
  }

  /** Rows for one chunk of lines, assessed in order. */
  assess(engine: Engine, lines: readonly BatchLine[], summary: BatchSummary): string {
    const requests: unknown[] = [];
    for (const l of lines) if ('request' in l) requests.push(l.request);
    const outcomes = engine.assessMany(requests)[Symbol.iterator]();
    const rows: string[][] = [];
    for (const l of lines) {
      if ('error' in l) {
        rows.push(this.errorRow(l.id, l.line, l.error));
        summary.failed();
        continue;
      }
      const outcome = outcomes.next().value!;
      if (outcome.ok) {
        rows.push(this.answerRow(outcome.response, l.line));
        summary.answered(outcome.response.verdict);
      } else {
        rows.push(this.errorRow(outcome.id, l.line, outcome.error));
        summary.failed();
      }
    }
    return stringify(rows);
  }

  private answerRow(a: AssessmentResponse, line: number): string[] {
    const byJurisdiction = new Map(a.jurisdictions.map((j) => [j.jurisdiction, j]));
    const regimes = this.jurisdictions.flatMap((j) => [byJurisdiction.get(j)?.verdict ?? '', byJurisdiction.get(j)?.licensePolicy ?? '']);
    const deciding = decidingFinding(a);
    return [
      a.id === undefined ? '' : String(a.id), String(line), a.verdict, ...regimes,
      a.questions.map((q) => q.prompt).join(' | '),
      deciding?.measure.reference ?? '',
      [...new Set(a.warnings.map((w) => w.code))].join(' '),
      '',
    ];
  }

  private errorRow(id: string | number | undefined, line: number, error: { code: string; message: string }): string[] {
    return [id === undefined ? '' : String(id), String(line), '', ...this.jurisdictions.flatMap(() => ['', '']), '', '', '', `${error.code}: ${error.message}`];
  }
}

/**
 * The finding a row's `reference` names: the answer's first finding in force (regimes list theirs in force first, so
 * this is the first finding whenever one is in force). A finding of a measure repealed, suspended or not yet in force
 * on the date changes nothing and is never named: with none in force the column is empty.
 */
export function decidingFinding(a: Pick<AssessmentResponse, 'jurisdictions'>): AssessmentResponse['jurisdictions'][number]['findings'][number] | undefined {
  for (const j of a.jurisdictions) for (const f of j.findings) if (f.status === 'in_force') return f;
  return undefined;
}
