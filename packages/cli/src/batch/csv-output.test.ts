import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runWithOfficialPlugins } from '../test-support/run.js';

describe('assess --output FILE.csv: the reference column', { timeout: 60_000 }, () => {
  it('names the finding the verdict rests on, never a measure that is not in force on the date', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-reference-'));
    const graphite = (id: string, parameters: Record<string, number>) => ({ id, item: { id: 'graphite/artificial', parameters }, from: 'CN', to: 'US', date: '2025-06-01' });
    writeFileSync(join(dir, 'in.ndjson'), [
      graphite('all-given', { purity: 0.9999, flexuralStrengthMPa: 35, densityGPerCm3: 1.8 }),
      // Announcement No. 39 of 2023 (repealed 2024-11-30) is the answer's first finding; No. 51 of 2024 asks.
      graphite('asks', { purity: 0.9999 }),
    ].map((r) => JSON.stringify(r)).join('\n'));
    const run = await runWithOfficialPlugins(['assess', '--input', join(dir, 'in.ndjson'), '--output', join(dir, 'out.csv')]);
    expect(run.code).toBe(0);
    const rows = parse(readFileSync(join(dir, 'out.csv'), 'utf8'), { columns: true }) as { id: string; verdict: string; reference: string }[];
    expect(rows.map((r) => [r.id, r.verdict, r.reference])).toEqual([
      ['all-given', 'license_required', 'MOFCOM/MIIT/GAC/SCA Announcement No. 51 of 2024'],
      ['asks', 'needs_information', ''],
    ]);
  });
});
