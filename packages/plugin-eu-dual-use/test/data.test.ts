import { PluginTester } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin, { DATA_VERIFIED_THROUGH, FRAMEWORK_MEASURES } from '../src/index.js';
import { ANNEX_I, ANNEX_I_CODES } from '../src/annex-i.js';

const t = new PluginTester(plugin);
t.checkData({ frameworkMeasures: [...FRAMEWORK_MEASURES] });
t.checkDocs(new URL('../../../docs/measures/eu', import.meta.url).pathname);

describe('Annex I entry codes', () => {
  it('holds every code of the 2025/2003 text: 2,679 codes, 384 top-level entries', () => {
    expect(ANNEX_I.entries.length).toBe(2679);
    expect(ANNEX_I.counts.entries).toBe(2679);
    expect(ANNEX_I_CODES.size).toBe(2679);
    expect(ANNEX_I.entries.filter((e) => e.depth === 0).length).toBe(384);
  });

  it('accepts every code as euCode: an export to China on 2026-01-10 finds the 2025/2003 entry for it', () => {
    const missed: string[] = [];
    for (const { code } of ANNEX_I.entries) {
      const r = t.engine.assess({ item: { euCode: code }, from: 'DE', to: 'CN', date: '2026-01-10', endUse: 'civil' });
      const eu = r.jurisdictions[0]!;
      const head = code.split('.')[0]!;
      if (!eu.findings.some((f) => f.status === 'in_force' && f.measure.id === 'eu-del-reg-2025-2003' && f.entry?.code === head)) missed.push(code);
    }
    expect(missed).toEqual([]);
  });
});

describe('measures', () => {
  it('lists the Regulation and each delegated act with EUR-Lex URLs, back-to-back windows and sources', () => {
    const list = t.engine.measures({ jurisdiction: 'EU', asOf: '2026-01-10' });
    const byId = new Map(list.map((m) => [m.id, m]));
    const chain = ['eu-del-reg-2022-1', 'eu-del-reg-2023-66', 'eu-del-reg-2023-996', 'eu-del-reg-2023-2616', 'eu-del-reg-2024-2547', 'eu-del-reg-2025-2003'];
    const from = ['2022-01-07', '2023-01-12', '2023-05-26', '2023-12-16', '2024-11-08', '2025-11-15'];
    chain.forEach((id, i) => {
      const m = byId.get(id)!;
      expect(m.effective.from, id).toBe(from[i]);
      expect(m.sources[0]!.url).toMatch(/^https:\/\/eur-lex\.europa\.eu\/eli\/reg_del\//);
      const next = from[i + 1];
      if (next) {
        const dayBefore = new Date(`${next}T00:00:00Z`);
        dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
        expect(m.effective.to, id).toBe(dayBefore.toISOString().slice(0, 10));
        expect(m.status).toBe('repealed');
      } else expect(m.effective.to).toBeNull();
    });
    expect(byId.get('eu-reg-2021-821')!.effective).toEqual({ from: '2021-09-09', to: null });
    expect(byId.get('eu-reg-2021-821')!.status).toBe('in_force');
    expect(byId.get('eu-del-reg-2025-2003')!.status).toBe('in_force');
  });

  it('says which date the data was verified through', () => {
    expect(plugin.manifest.dataVerifiedThrough).toBe(DATA_VERIFIED_THROUGH);
    expect(plugin.manifest.controlCodeField).toBe('euCode');
  });
});
