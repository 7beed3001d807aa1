import { PluginTester, type PluginCase } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { geccExporter } from '../src/part-746-supp3.js';
import supp3 from '../data/part-746-supp3.json' with { type: 'json' };

const t = new PluginTester(plugin);
type Request = PluginCase['request'];
const made = (from: string, date: string): Request => ({ item: { eccn: '4A994', content: [{ item: { eccn: '3E001' }, origin: 'US', valueShare: 0 }] }, from, to: 'RU', date, endUse: 'civil' });

// Supp. No. 3 to Part 746 (eCFR 2026-09-24): "Taiwan | Full | 87 FR 12183, 2/27/2023"; "South Korea | Full | 87 FR 13628,
// 3/10/2022"; "Japan | Full | 87 FR 12250, 3/3/2022". § 746.8(a)(12)(iii): exports from these countries "are not subject to
// the following license requirements …: (A) Foreign direct product rules. The license requirement described in
// paragraphs (a)(2) and (3)".
t.run('Supp. No. 3 to Part 746 and the Russia/Belarus FDP rule (§ 746.8(a)(12)(iii)(A))', [
  { name: 'from Japan on 2026-09-01: not reached by § 734.9(f)', request: made('JP', '2026-09-01'), verdict: 'not_controlled', reaches: false },
  { name: 'from Taiwan on 2023-02-26, before it was listed: reached, licence', request: made('TW', '2023-02-26'), verdict: 'license_required', reaches: true },
  { name: 'from Taiwan on 2023-02-27: not reached', request: made('TW', '2023-02-27'), verdict: 'not_controlled', reaches: false },
  { name: 'from Korea on 2022-03-09: reached; from 2022-03-10: not', request: made('KR', '2022-03-09'), verdict: 'license_required', reaches: true },
  { name: 'from Korea on 2022-03-10: not reached', request: made('KR', '2022-03-10'), verdict: 'not_controlled', reaches: false },
  { name: 'from India (not listed): reached, licence', request: made('IN', '2026-09-01'), verdict: 'license_required', reaches: true },
]);

describe('Supp. No. 3 data', () => {
  it('holds the 38 countries of the supplement, all with a full exclusion', () => {
    expect(supp3.countries).toHaveLength(38);
    expect(supp3.countries.every((c) => c.scope === 'Full')).toBe(true);
    expect(new Set(supp3.countries.map((c) => c.country)).size).toBe(38);
  });
  it('the reach answer names the exclusion', () => {
    const r = t.engine.assess(made('JP', '2026-09-01'));
    expect(r.jurisdictions.find((j) => j.jurisdiction === 'US')!.reach).toMatch(/Japan, a country of Supp\. No\. 3 to Part 746 .*746\.8\(a\)\(12\)\(iii\)/);
  });
  it('dates each country from its rule', () => {
    expect(geccExporter('DE', '2022-02-24')).toBeDefined();
    expect(geccExporter('DE', '2022-02-23')).toBeUndefined();
    expect(geccExporter('CH', '2022-04-11')).toBeUndefined();
    expect(geccExporter('CH', '2022-04-12')).toBeDefined();
    expect(geccExporter('CN', '2026-09-01')).toBeUndefined();
  });
});
