import type { AssessmentRequest } from '@chokepoint/core';
import { PluginTester } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import { catalogueEntries, readCatalogue } from '../src/catalogue.js';
import plugin from '../src/index.js';

// The 2026 licence catalogue lists hydrogen fluoride as 1C350.a under customs lines 2811111000 and 2811119000; the
// machine-readable copy files 2811111000 under the record before it (1C241, rhenium), whose raw text shows the line
// is hydrogen fluoride's (catalogue.ts, LINE_CORRECTIONS).
const t = new PluginTester(plugin);
const cn = (item: AssessmentRequest['item'], date = '2026-06-01'): AssessmentRequest => ({ item, from: 'CN', to: 'DE', date, endUse: 'civil' });

t.run('hydrogen fluoride, 1C350.a', [
  { name: 'by taxonomy ID', request: cn({ id: 'reagents/hydrogen-fluoride' }), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2024-51', code: '1C350.a', status: 'in_force' }] },
  { name: 'by the customs line the copy misfiles: hydrogen fluoride, not rhenium', request: cn({ cnCode: '2811111000' }), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2024-51', code: '1C350.a' }], noFindings: [{ measure: 'cn-mofcom-gac-2026-licence-catalogue', code: '1C241' }] },
  { name: 'by the other line', request: cn({ cnCode: '2811119000' }), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2024-51', code: '1C350.a' }] },
]);

describe('catalogue line corrections', () => {
  it('moves 2811111000 from the 1C241 group to the 1C350 group', () => {
    const { entries } = catalogueEntries(readCatalogue(), new Set());
    const lines = (id: string) => entries.find((e) => e.id === id)?.covers.hs ?? [];
    expect(lines('cat-1c350-lines')).toEqual(expect.arrayContaining(['2811111000', '2811119000']));
    expect(lines('cat-1c241-lines')).not.toContain('2811111000');
  });
});
