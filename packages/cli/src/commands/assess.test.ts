import { describe, expect, it } from 'vitest';
import type { AssessmentResponse } from '@chokepoint/core';
import { DISCLAIMER } from '../format/assessment.js';
import { runInProcess } from '../test-support/run.js';

describe('assess (one transfer)', { timeout: 30_000 }, () => {
  it('prints the response JSON with --json', async () => {
    const r = await runInProcess(['assess', '--cn-code', '8112929010', '--from', 'CN', '--to', 'US', '--date', '2025-01-15', '--json']);
    expect(r.code).toBe(0);
    const response = JSON.parse(r.stdout) as AssessmentResponse;
    expect(response.verdict).toBe('prohibited');
    expect(response.item.resolved).toEqual(['gallium/metal']);
    const test = response.jurisdictions.find((j) => j.jurisdiction === 'TEST')!;
    expect(test.findings.map((f) => [f.measure.id, f.status])).toEqual([
      ['test-gallium-licensing', 'in_force'],
      ['test-us-ban', 'in_force'],
    ]);
  });

  it('reads as a report: verdict, regime, findings with reference, entry code, dates and URL, and the disclaimer', async () => {
    const r = await runInProcess(['assess', '--id', 'gallium/metal', '--from', 'CN', '--to', 'US', '--date', '2026-01-15']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('VERDICT: license_required — an individual licence is needed');
    expect(r.stdout).toContain('TEST — @chokepoint/test-plugin 0.0.1, data verified through 2030-12-31');
    expect(r.stdout).toContain('verdict: license_required (case_by_case)');
    expect(r.stdout).toContain('[in_force] license_required (case_by_case) — Test Announcement No. 1 of 2023 · entry T-1.a');
    expect(r.stdout).toContain('effective 2023-08-01 to open-ended · https://example.org/test-announcement-1');
    // The suspended ban is shown apart: it does not count toward the verdict.
    expect(r.stdout).toMatch(/not in force on this date \(not counted\):\n\s+\[suspended\] prohibited — Test Announcement No. 2 of 2024/);
    expect(r.stdout.trimEnd().endsWith(DISCLAIMER)).toBe(true);
  });

  it('shows questions when a parameter decides, and takes it with --param', async () => {
    const missing = await runInProcess(['assess', '--id', 'germanium/metal', '--from', 'CN', '--to', 'DE', '--date', '2025-03-01']);
    expect(missing.stdout).toContain('VERDICT: needs_information');
    expect(missing.stdout).toContain('[TEST] purity: What is the purity of the germanium (0–1)?');
    const given = await runInProcess(['assess', '--id', 'germanium/metal', '--from', 'CN', '--to', 'DE', '--date', '2025-03-01', '--param', 'purity=0.99999', '--json']);
    expect(JSON.parse(given.stdout).verdict).toBe('license_required');
  });

  it('shows advisories on the corridor', async () => {
    const r = await runInProcess(['assess', '--id', 'gallium/metal', '--from', 'CN', '--to', 'IN', '--date', '2025-03-01']);
    expect(r.stdout).toContain('Reported customs holds on gallium shipments to India (customs_hold; reported, active; first reported 2025-02-16; CN to IN)');
  });

  it('passes end user, origin, value and jurisdictions into the request', async () => {
    const r = await runInProcess([
      'assess', '--id', 'gallium/metal', '--from', 'DE', '--to', 'FR', '--date', '2025-03-01', '--end-user', 'Acme GmbH',
      '--end-user-type', 'commercial', '--origin', 'CN', '--value-usd', '1200', '--jurisdiction', 'test', '--json',
    ]);
    expect(r.code).toBe(0);
    const response = JSON.parse(r.stdout) as AssessmentResponse;
    expect(response.jurisdictions.map((j) => [j.jurisdiction, j.reaches, j.verdict])).toEqual([['TEST', false, 'not_controlled']]);
  });

  it.each([
    [['--id', 'gallium/metal', '--from', 'XX', '--to', 'US'], '--from: unknown country code "XX"'],
    [['--id', 'gallium/metal', '--from', 'CN'], '--to: required: an ISO 3166-1 alpha-2 country code'],
    [['--from', 'CN', '--to', 'US'], '--id/--hs/--cn-code/--cn-control-code/--eccn/--eu-code/--cas/--name: needs at least one identifier'],
    [['--id', 'gallium/metl', '--from', 'CN', '--to', 'US'], '--id: unknown taxonomy ID "gallium/metl"'],
    [['--hs', '12', '--from', 'CN', '--to', 'US'], '--hs: expected an HS code of 4 to 10 digits'],
    [['--id', 'gallium/metal', '--from', 'CN', '--to', 'US', '--date', '2025-02-30'], '--date: expected a calendar date YYYY-MM-DD'],
    [['--id', 'gallium/metal', '--from', 'CN', '--to', 'US', '--param', 'purity=99.99'], '--param purity: expected a fraction between 0 and 1'],
    [['--id', 'gallium/metal', '--from', 'CN', '--to', 'US', '--jurisdiction', 'XX'], '--jurisdiction: no installed plugin for "XX"'],
    [['--id', 'gallium/metal', '--from', 'CN', '--to', 'US', '--transfer', 'goodz'], "option '--transfer <kind>' argument 'goodz' is invalid"],
    [['--id', 'gallium/metal', '--from', 'CN', '--to', 'US', '--frm', 'CN'], "unknown option '--frm'"],
    [['--id', 'gallium/metal', '--from', 'CN', '--to', 'US', '--output', 'x.ndjson'], '--output: only with --input'],
    [['--input', 'x.ndjson', '--from', 'CN'], '--input: request flags (--from) cannot be combined with a batch'],
  ])('exits 2 naming the flag for %j', async (args, message) => {
    const r = await runInProcess(['assess', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('--end-user-nationality carries a deemed-export recipient\'s nationalities to the engine, and a bad one names the flag', async () => {
    const ok = await runInProcess(['assess', '--id', 'gallium/metal', '--from', 'US', '--to', 'US', '--transfer', 'technology', '--end-user-nationality', 'CN', '--end-user-nationality', 'IR', '--date', '2026-01-20', '--json']);
    expect(ok.code).toBe(0);
    const bad = await runInProcess(['assess', '--id', 'gallium/metal', '--from', 'US', '--to', 'US', '--end-user-nationality', 'ZZ']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--end-user-nationality');
  });
});
