import { VERDICT_PRECEDENCE, type Verdict } from '@chokepoint/core';

/** Counts a batch's answers by verdict, and its failed lines, for the line printed on stderr at the end. */
export class BatchSummary {
  private readonly verdicts = new Map<Verdict, number>();
  private lines = 0;
  private failures = 0;

  /** One line answered with this verdict. */
  answered(verdict: Verdict): void {
    this.lines++;
    this.verdicts.set(verdict, (this.verdicts.get(verdict) ?? 0) + 1);
  }

  /** One line that could not be assessed. */
  failed(): void {
    this.lines++;
    this.failures++;
  }

  /** Lines that failed so far. */
  get failedCount(): number {
    return this.failures;
  }

  /** `chokepoint: 3 lines: 1 prohibited, 2 license_required; 0 failed`, most severe verdict first. */
  text(): string {
    const counts = [...VERDICT_PRECEDENCE].filter((v) => this.verdicts.has(v)).map((v) => `${this.verdicts.get(v)} ${v}`);
    return `chokepoint: ${this.lines} ${this.lines === 1 ? 'line' : 'lines'}: ${counts.length ? counts.join(', ') : 'none answered'}; ${this.failures} failed\n`;
  }
}
