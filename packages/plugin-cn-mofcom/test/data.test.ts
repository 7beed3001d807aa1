import { PluginTester } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin, { FRAMEWORK_MEASURES } from '../src/index.js';

const t = new PluginTester(plugin);
t.checkData({ frameworkMeasures: [...FRAMEWORK_MEASURES] });
t.checkDocs(new URL('../../../docs/measures/cn', import.meta.url).pathname);

// Generated checks on every dated measure with entries: nothing applies the day before it takes
// effect, and its entries apply (or are suspended) on the first day.
describe('every item measure on the day before it and on its first day', () => {
  for (const measure of plugin.measures) {
    const entry = plugin.entries.find((e) => e.measure === measure.id && e.covers.ids?.length && !e.conditions && !e.destinations && !e.endUses && (!e.reach || e.reach.includes('territory')));
    if (!entry) continue;
    const from = entry.effective?.from ?? measure.effective.from;
    const transfer = entry.transfers?.[0] ?? 'goods';
    const assess = (date: string) => t.engine.assess({ item: { id: entry.covers.ids![0] }, from: 'CN', to: 'BR', date, transfer, endUse: 'civil' });
    it(`${measure.id} (${entry.id}) from ${from}`, () => {
      const before = new Date(`${from}T00:00:00Z`);
      before.setUTCDate(before.getUTCDate() - 1);
      const dayBefore = assess(before.toISOString().slice(0, 10)).jurisdictions[0]!.findings.find((f) => f.entry?.id === entry.id);
      expect(dayBefore?.status).toBe('not_yet_in_force');
      const first = assess(from).jurisdictions[0]!.findings.find((f) => f.entry?.id === entry.id);
      expect(['in_force', 'suspended']).toContain(first?.status);
    });
  }
});

describe('measures', () => {
  it('lists every measure with reference, authority, dates, status and a source URL', () => {
    const list = t.engine.measures({ jurisdiction: 'CN', asOf: '2026-11-28' });
    expect(list.length).toBe(plugin.measures.length);
    for (const m of list) {
      expect(m.reference, m.id).toBeTruthy();
      expect(m.authority, m.id).toBeTruthy();
      expect(m.effective.from, m.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(m.sources[0]!.url, m.id).toMatch(/^https?:\/\//);
    }
    const byId = new Map(list.map((m) => [m.id, m]));
    expect(byId.get('cn-mofcom-2025-18')!.status).toBe('in_force');
    expect(byId.get('cn-mofcom-2023-23')!.status).toBe('repealed');
    expect(byId.get('cn-mofcom-2025-57')!.status).toBe('in_force');
    expect(t.engine.measures({ jurisdiction: 'CN', asOf: '2026-06-01' }).find((m) => m.id === 'cn-mofcom-2025-57')!.status).toBe('suspended');
  });
  it('covers every announcement the issue names', () => {
    const ids = new Set(plugin.measures.map((m) => m.id));
    for (const id of ['cn-ecl-2020', 'cn-mofcom-2024-51', 'cn-mofcom-2023-23', 'cn-mofcom-2023-39', 'cn-mofcom-2024-33', 'cn-mofcom-2024-46', 'cn-mofcom-2025-10', 'cn-mofcom-2025-18',
      'cn-mofcom-2025-55', 'cn-mofcom-2025-56', 'cn-mofcom-2025-57', 'cn-mofcom-2025-58', 'cn-mofcom-2025-61', 'cn-mofcom-2025-62', 'cn-mofcom-2025-70', 'cn-mofcom-2025-72', 'cn-mofcom-2026-1',
      'cn-mofcom-most-2023-57', 'cn-mofcom-most-2025-28']) {
      expect(ids.has(id), id).toBe(true);
    }
  });
});
