import { describe, expect, it } from 'vitest';
import { runInProcess } from '../test-support/run.js';

describe('measures', { timeout: 30_000 }, () => {
  it('--json prints the measures with their status on --as-of', async () => {
    const r = await runInProcess(['measures', '--as-of', '2026-01-01', '--json']);
    expect(r.code).toBe(0);
    const measures = JSON.parse(r.stdout) as Record<string, unknown>[];
    const ban = measures.find((m) => m.id === 'test-us-ban')!;
    expect(ban).toMatchObject({
      jurisdiction: 'TEST',
      reference: 'Test Announcement No. 2 of 2024',
      authority: 'Test Ministry',
      published: '2024-12-03',
      effective: { from: '2024-12-03', to: null },
      status: 'suspended',
      confidence: 'high',
      sources: [{ url: 'https://example.org/test-plugin', publisher: 'chokepoint tests', date: '2024-12-03' }],
    });
    expect(ban.statusTimeline).toEqual([
      { from: null, to: '2024-12-02', status: 'not_yet_in_force' },
      { from: '2024-12-03', to: '2025-11-08', status: 'in_force' },
      { from: '2025-11-09', to: '2026-11-27', status: 'suspended' },
      { from: '2026-11-28', to: null, status: 'in_force' },
    ]);
  });

  it('filters by item and prints a table', async () => {
    const r = await runInProcess(['measures', '--item-id', 'germanium/metal', '--as-of', '2025-01-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^JUR\s+ID\s+STATUS\s+EFFECTIVE\s+REFERENCE/);
    expect(r.stdout).toContain('test-gallium-licensing');
    expect(r.stdout).not.toContain('test-us-ban');
  });

  it.each([
    [['--as-of', '2025-02-30'], '--as-of: expected a calendar date'],
    [['--jurisdiction', 'XX'], '--jurisdiction: no installed plugin for "XX"'],
    [['--item-id', 'nope/nothing'], '--item-id: unknown taxonomy ID "nope/nothing"'],
  ])('exits 2 naming the flag for %j', async (args, message) => {
    const r = await runInProcess(['measures', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('changes', { timeout: 30_000 }, () => {
  it('--json lists events in the window, oldest first', async () => {
    const r = await runInProcess(['changes', '--from', '2024-01-01', '--to', '2026-12-31', '--jurisdiction', 'TEST', '--json']);
    expect(r.code).toBe(0);
    const changes = JSON.parse(r.stdout) as { date: string; jurisdiction: string; measure: string; event: string }[];
    const dates = changes.map((c) => c.date);
    expect(dates).toEqual([...dates].sort());
    expect(changes.map((c) => `${c.date} ${c.measure} ${c.event}`).sort()).toEqual([
      '2024-12-03 test-us-ban in_force',
      '2024-12-03 test-us-ban published',
      '2025-11-09 test-us-ban suspended',
      '2026-11-28 test-us-ban resumed',
    ]);
    expect(changes.every((c) => c.jurisdiction === 'TEST')).toBe(true);
  });

  it('prints a table, and says so when nothing changed', async () => {
    const r = await runInProcess(['changes', '--from', '2023-01-01', '--to', '2023-12-31']);
    expect(r.stdout).toMatch(/2023-07-03\s+TEST\s+published\s+test-gallium-licensing/);
    const none = await runInProcess(['changes', '--from', '2020-01-01', '--to', '2020-12-31']);
    expect(none.stdout).toBe('No change between 2020-01-01 and 2020-12-31.\n');
  });

  it('exits 2 for a missing or reversed window', async () => {
    const missing = await runInProcess(['changes', '--from', '2024-01-01']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--to <YYYY-MM-DD>' not specified");
    const reversed = await runInProcess(['changes', '--from', '2025-01-01', '--to', '2024-01-01']);
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toContain('--from: starts (2025-01-01) after the window ends (2024-01-01)');
  });
});
