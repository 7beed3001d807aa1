import { PluginTester } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

// A suspension is dated data: the status (in_force / suspended) and its warnings follow the date asked.
// The texts of a suspended measure or entry must read true on every date, so they state what the
// measure requires and, where they name the suspension, its dates ("No. 70 suspends this measure from
// 2025-11-07 to 2026-11-10"), never a conditional or a present-tense state ("would need", "is
// suspended until") that contradicts an in_force status once the suspension has ended.
const TIME_RELATIVE: [string, RegExp][] = [
  ['conditional', /\bwould(?: have)?\b/i],
  ['present-tense suspension', /\b(?:is|are|remains?) (?:still )?suspended\b/i],
  ['open-ended "until"', /\buntil\b/i],
  ['"has not applied"', /\bhas not (?:yet )?(?:applied|taken effect)\b/i],
  ['"still"', /\bstill\b/i],
];

const suspendedMeasures = new Set(plugin.measures.filter((m) => m.suspensions?.length).map((m) => m.id));
const suspendedEntries = plugin.entries.filter((e) => suspendedMeasures.has(e.measure) || e.suspensions?.length);

describe('texts of suspended measures and entries read true on every date', () => {
  it('finds the suspended measures and entries (Nos. 55–58, 61, 62 under No. 70; No. 46 clause 2 under No. 72)', () => {
    for (const id of ['cn-mofcom-2025-55', 'cn-mofcom-2025-56', 'cn-mofcom-2025-57', 'cn-mofcom-2025-58', 'cn-mofcom-2025-61', 'cn-mofcom-2025-62']) {
      expect(suspendedMeasures.has(id), id).toBe(true);
    }
    expect(suspendedEntries.filter((e) => e.measure !== 'cn-mofcom-2024-46').length).toBeGreaterThanOrEqual(43);
    expect(suspendedEntries.filter((e) => e.measure === 'cn-mofcom-2024-46').length).toBeGreaterThanOrEqual(20);
  });

  for (const e of suspendedEntries) {
    it(`entry ${e.id}: reason`, () => {
      for (const [what, re] of TIME_RELATIVE) expect(e.reason, `${what} in ${e.id}`).not.toMatch(re);
    });
  }
  for (const m of plugin.measures.filter((x) => suspendedMeasures.has(x.id))) {
    it(`measure ${m.id}: summary`, () => {
      for (const [what, re] of TIME_RELATIVE.slice(0, 2).concat(TIME_RELATIVE.slice(3, 4))) expect(m.summary, `${what} in ${m.id}`).not.toMatch(re);
    });
  }
});

describe('the finding a user sees: status and reason agree before and after the No. 70 suspension ends', () => {
  const t = new PluginTester(plugin);
  const holmiumOxide = (date: string) =>
    t.engine.assess({ item: { id: 'holmium/oxide' }, from: 'CN', to: 'US', date, endUse: 'civil' }).jurisdictions[0]!.findings.find((f) => f.entry?.id === 'cn-2025-57-holmium-b');

  it('2026-06-01: suspended; the reason names the requirement and the suspension with its dates', () => {
    const f = holmiumOxide('2026-06-01');
    expect(f?.status).toBe('suspended');
    expect(f?.reason).toMatch(/needs a MOFCOM dual-use export licence under Announcement No\. 57 of 2025/);
    expect(f?.reason).toMatch(/Announcement No\. 70 of 2025 suspends this measure from 2025-11-07 to 2026-11-10/);
  });

  it('2026-12-01: in force; the reason states the requirement without a conditional', () => {
    const f = holmiumOxide('2026-12-01');
    expect(f?.status).toBe('in_force');
    expect(f?.reason).toMatch(/^Holmium oxide \(1C909\.b\) needs a MOFCOM dual-use export licence/);
    expect(f?.reason).not.toMatch(/\bwould\b|\bis suspended\b|\buntil\b/i);
  });
});
