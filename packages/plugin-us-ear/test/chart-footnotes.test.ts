import { PluginTester, type PluginCase } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { chartFile, chartRow } from '../src/chart.js';
import { footnoteRule } from '../src/chart-footnotes.js';
import { M } from '../src/measures.js';

const t = new PluginTester(plugin);
const D = '2026-09-01';
const us = (item: PluginCase['request']['item'], to: string, date = D): PluginCase['request'] => ({ item, from: 'US', to, date });
/** A licence finding of the chart step; which footnote it names is checked below. */
const CHART_LICENCE = [{ measure: M.chart, requirement: 'license_required' as const }];

// Supp. No. 1 to Part 738, footnote 10 (Australia, United Kingdom): "A license is required to these destinations for
// items in the following ECCNs: 0A501 (except for 0A501.y), 0A502 for shotguns with a barrel length less than 18 inches …"
t.run('Country Chart footnote 10: firearms to Australia and the United Kingdom', [
  { name: '0A501.a to the UK needs a licence although the row has no NS1/RS1/FC1 X', request: us({ eccn: '0A501.a' }, 'GB'), verdict: 'license_required', findings: CHART_LICENCE },
  { name: '0A501.y.1 is excepted', request: us({ eccn: '0A501.y.1' }, 'GB'), verdict: 'no_license_required' },
  { name: '0A501 without a paragraph: asks which', request: us({ eccn: '0A501' }, 'AU'), verdict: 'needs_information', questions: ['item.eccn'] },
  { name: '0A502: asks whether the barrel is under 18 inches', request: us({ eccn: '0A502' }, 'AU'), verdict: 'needs_information', questions: ['ear.chartFootnoteApplies'] },
  { name: '0A502 with a barrel under 18 inches', request: us({ eccn: '0A502', parameters: { 'ear.chartFootnoteApplies': 1 } }, 'AU'), verdict: 'license_required', findings: CHART_LICENCE },
  { name: '0A502 with a longer barrel', request: us({ eccn: '0A502', parameters: { 'ear.chartFootnoteApplies': 0 } }, 'AU'), verdict: 'no_license_required' },
]);

// Footnote 7 (India): "a license is still required for items controlled under ECCNs 6A003.b.4.b and 9A515.e for RS column 2 reasons".
t.run('Country Chart footnote 7: RS2 items to India', [
  { name: '9A515.e to India needs a licence for RS2 reasons', request: us({ eccn: '9A515.e' }, 'IN'), verdict: 'license_required', findings: CHART_LICENCE },
]);

// Footnote 5: "Refer to Switzerland for licensing requirements for Liechtenstein under the EAR."
describe('Country Chart footnote 5: Liechtenstein reads Switzerland', () => {
  it('takes the Swiss row', () => expect(chartRow('LI', D)!.row).toBe('CH'));
});

describe('every footnote on a chart row has a rule', () => {
  it('maps all footnote numbers the rows carry', () => {
    const used = new Set(Object.values(chartFile.destinations).flatMap((r) => r.footnotes));
    for (const n of used) expect(footnoteRule(n), `footnote ${n}`).toBeDefined();
  });
  it('footnote 8 on the Pakistan row repeats footnote 9 (Crimea): no warning, and 1B999 still needs a licence for Pakistan (§ 742.6(a)(12))', () => {
    const r = t.engine.assess(us({ eccn: '1B999.a' }, 'PK'));
    expect(r.warnings.filter((w) => w.code === 'chart_footnote')).toEqual([]);
    expect(r.verdict).toBe('license_required');
  });
  it('warns about special provisions it does not evaluate (footnote 1: UN sanctions, Iraq)', () => {
    const r = t.engine.assess(us({ eccn: '6C002.a' }, 'IQ'));
    expect(r.warnings.some((w) => w.code === 'chart_footnote' && /footnote 1\b/.test(w.message))).toBe(true);
  });
});

describe('footnote findings name their footnote', () => {
  const reasons = (request: PluginCase['request']) => t.engine.assess(request).jurisdictions.find((j) => j.jurisdiction === 'US')!.findings.map((f) => f.reason);
  it('footnote 10 for 0A501.a to the UK', () => expect(reasons(us({ eccn: '0A501.a' }, 'GB')).some((r) => /footnote 10\b/.test(r))).toBe(true));
  it('footnote 7 for 9A515.e to India', () => expect(reasons(us({ eccn: '9A515.e' }, 'IN')).some((r) => /footnote 7\b/.test(r))).toBe(true));
  it('no footnote 10 finding before the AUKUS rule (2024-04-19)', () => expect(reasons(us({ eccn: '0A501.a' }, 'GB', '2024-04-01')).some((r) => /footnote 10\b/.test(r))).toBe(false));
});
