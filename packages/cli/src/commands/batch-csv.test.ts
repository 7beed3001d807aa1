import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { headerSeparator } from '../batch/csv-requests.js';
import { runInProcess } from '../test-support/run.js';

const line = (id: string, to: string, extra: object = {}) => JSON.stringify({ id, item: { id: 'gallium/metal' }, from: 'CN', to, date: '2025-01-15', ...extra });
const input = `${[line('a', 'US'), line('b', 'DE'), '{oops', line('d', 'USA')].join('\n')}\n`;

interface Answer {
  verdict?: string;
  jurisdictions: { jurisdiction: string; verdict: string; licensePolicy?: string; findings: { status: string; measure: { reference: string } }[] }[];
  questions: { prompt: string }[];
  warnings: { code: string }[];
}

function ndjson(text: string): Answer[] {
  return text.trimEnd().split('\n').map((l) => JSON.parse(l) as Answer);
}

describe('assess --input … --output FILE.csv (CONTRACT §4)', { timeout: 30_000 }, () => {
  it('writes one row per line with the verdicts, policy, questions, first reference, warnings and error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chokepoint-csv-'));
    const r = await runInProcess(['assess', '--input', '-', '--output', 'answers.csv'], { stdin: input, cwd: dir });
    expect(r.code).toBe(1);
    const rows = parse(await readFile(join(dir, 'answers.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const answers = ndjson((await runInProcess(['assess', '--input', '-'], { stdin: input })).stdout);
    expect(Object.keys(rows[0]!)).toEqual(['id', 'line', 'verdict', 'TEST.verdict', 'TEST.licensePolicy', 'questions', 'reference', 'warnings', 'error']);
    expect(rows.map((row) => row.id)).toEqual(['a', 'b', '', 'd']);
    for (const i of [0, 1]) {
      const a = answers[i]!;
      const test = a.jurisdictions.find((j) => j.jurisdiction === 'TEST')!;
      expect(rows[i]).toMatchObject({
        line: String(i + 1),
        verdict: a.verdict,
        'TEST.verdict': test.verdict,
        'TEST.licensePolicy': test.licensePolicy ?? '',
        questions: a.questions.map((q) => q.prompt).join(' | '),
        reference: a.jurisdictions.flatMap((j) => j.findings).find((f) => f.status === 'in_force')?.measure.reference ?? '',
        warnings: [...new Set(a.warnings.map((w) => w.code))].join(' '),
        error: '',
      });
    }
    expect(rows[0]!.reference).not.toBe('');
    expect(rows[2]).toMatchObject({ line: '3', verdict: '', error: expect.stringMatching(/^invalid_json: /) });
    expect(rows[3]).toMatchObject({ line: '4', verdict: '', error: expect.stringMatching(/^invalid_request: .*\bto: /) });
  });

  it('ends with a summary on stderr: counts by verdict and failed lines', async () => {
    const r = await runInProcess(['assess', '--input', '-'], { stdin: input });
    const verdicts = ndjson(r.stdout).flatMap((a) => (a.verdict ? [a.verdict] : []));
    const count = (v: string) => verdicts.filter((x) => x === v).length;
    const expected = [...new Set(verdicts)].map((v) => `${count(v)} ${v}`);
    expect(r.stderr).toContain('chokepoint: 4 lines: ');
    for (const part of expected) expect(r.stderr).toContain(part);
    expect(r.stderr).toContain('; 2 failed\n');
  });

  it('reads CSV from stdin with --input-format csv, answering as the NDJSON of the same requests', async () => {
    const csv = 'id,item.id,from,to,date\na,gallium/metal,CN,US,2025-01-15\nb,gallium/metal,CN,DE,2025-01-15\n';
    const fromCsv = await runInProcess(['assess', '--input', '-', '--input-format', 'csv'], { stdin: csv });
    expect(fromCsv.code).toBe(0);
    const fromNdjson = await runInProcess(['assess', '--input', '-'], { stdin: `${line('a', 'US')}\n${line('b', 'DE')}\n` });
    expect(ndjson(fromCsv.stdout)).toEqual(ndjson(fromNdjson.stdout));
    expect(fromCsv.stderr).toMatch(/^chokepoint: 2 lines: .*; 0 failed\n$/);
  });

  it('reads CSV saved with semicolons or tabs (a spreadsheet in a decimal-comma locale), a comma inside a cell staying text', async () => {
    const rows = [['id', 'item.id', 'from', 'to', 'date', 'endUser.name'], ['a', 'gallium/metal', 'CN', 'US', '2025-01-15', 'Acme, Inc.'], ['b', 'gallium/metal', 'CN', 'DE', '2025-01-15', 'Beta, GmbH']];
    const expected = `${line('a', 'US', { endUser: { name: 'Acme, Inc.' } })}\n${line('b', 'DE', { endUser: { name: 'Beta, GmbH' } })}\n`;
    const fromNdjson = ndjson((await runInProcess(['assess', '--input', '-'], { stdin: expected })).stdout);
    for (const sep of [';', '\t']) {
      const csv = `\ufeff${rows.map((r) => r.join(sep)).join('\r\n')}\r\n`;
      const r = await runInProcess(['assess', '--input', '-', '--input-format', 'csv'], { stdin: csv });
      expect(r.code).toBe(0);
      expect(ndjson(r.stdout)).toEqual(fromNdjson);
    }
    expect(headerSeparator('id,item.id,from,to')).toBe(',');
    expect(headerSeparator('"id";"item.id";"from";"to"')).toBe(';');
    expect(headerSeparator('id')).toBe(',');
  });

  it('refuses --fields or --compact with a .csv output, and --input-format without --input', async () => {
    const fields = await runInProcess(['assess', '--input', '-', '--output', 'x.csv', '--compact'], { stdin: input });
    expect(fields.code).toBe(2);
    expect(fields.stderr).toContain('--output: a .csv file has fixed columns');
    const format = await runInProcess(['assess', '--input', '-', '--input-format', 'xml'], { stdin: input });
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--input-format');
    const single = await runInProcess(['assess', '--id', 'gallium/metal', '--from', 'CN', '--to', 'US', '--input-format', 'csv']);
    expect(single.code).toBe(2);
    expect(single.stderr).toContain('--input-format: only with --input');
  });
});
