/** One bad row of an imported file: where it is and what is wrong. */
export interface RowProblem {
  /** 1-based line of the file (CSV), or the record's position (`results[12]`) in JSON. */
  at: string;
  field: string;
  message: string;
}

/**
 * Thrown when the list asked for (`--list`, the server's `list`) is not among those a source carries: a bad value
 * of that option, not a bad file. The message begins with `--list`; `list` is the value given, `detail` what is wrong.
 */
export class ListChoiceError extends Error {
  constructor(readonly list: string, readonly detail: string) {
    super(`--list ${list}: ${detail}`);
    this.name = 'ListChoiceError';
  }
}

/** Thrown when a file cannot be imported; nothing of it is used. */
export class ImportError extends Error {
  readonly problems: RowProblem[];

  constructor(source: string, problems: RowProblem[]) {
    const shown = problems.slice(0, 20).map((p) => `  ${p.at} ${p.field}: ${p.message}`);
    super(`${source}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported\n${shown.join('\n')}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}`);
    this.name = 'ImportError';
    this.problems = problems;
  }
}
