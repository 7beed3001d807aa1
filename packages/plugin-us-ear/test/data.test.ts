import { PluginTester } from '@chokepoint/plugin-kit';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import plugin, { FRAMEWORK_MEASURES } from '../src/index.js';
import { cclFile, scopeCovers } from '../src/ccl.js';
import { chartFile, chartRow } from '../src/chart.js';
import { CLASSIFICATION_ENTRIES } from '../src/classification.js';
import { groupsFile, groupsOf, inGroup } from '../src/groups.js';

const t = new PluginTester(plugin);
t.checkData({ frameworkMeasures: [...FRAMEWORK_MEASURES] });
t.checkDocs(new URL('../../../docs/measures/us', import.meta.url).pathname);

const sourceChart = JSON.parse(readFileSync(new URL('../data/country-chart.json', import.meta.url), 'utf8')) as typeof chartFile;

describe('Country Chart (Supp. No. 1 to Part 738, eCFR 2026-09-24)', () => {
  it('has the 200 rows and 16 columns of the source', () => {
    expect(Object.keys(chartFile.destinations)).toHaveLength(200);
    expect(chartFile.rowCount).toBe(200);
    expect(chartFile.columns).toEqual(['CB1', 'CB2', 'CB3', 'NP1', 'NP2', 'NS1', 'NS2', 'MT1', 'RS1', 'RS2', 'FC1', 'CC1', 'CC2', 'CC3', 'AT1', 'AT2']);
  });
  it('reads every row on the snapshot date exactly as the source has it', () => {
    for (const [code, row] of Object.entries(sourceChart.destinations)) {
      expect([...chartRow(code, '2026-09-24')!.columns].sort(), code).toEqual([...row.licenceRequired].sort());
    }
  });
  const spot: Record<string, string[]> = {
    CN: ['CB1', 'CB2', 'CB3', 'NP1', 'NP2', 'NS1', 'NS2', 'MT1', 'RS1', 'RS2', 'CC1', 'CC3'],
    IN: ['CB1', 'NP1', 'NS1', 'MT1', 'RS1'],
    DE: ['CB1', 'NS1', 'MT1', 'RS1'],
    GB: ['CB1'],
    CA: ['CB1', 'FC1'],
    RU: ['CB1', 'CB2', 'CB3', 'NP1', 'NP2', 'NS1', 'NS2', 'MT1', 'RS1', 'RS2', 'CC1', 'CC2'],
    KH: ['CB1', 'CB2', 'NP1', 'NS1', 'NS2', 'MT1', 'RS1', 'RS2', 'CC1', 'CC2'],
  };
  for (const [code, columns] of Object.entries(spot)) {
    it(`${code} row matches the fact sheet (us-ear.md §3.1)`, () => expect([...chartRow(code, '2026-09-24')!.columns].sort()).toEqual([...columns].sort()));
  }
  it('reads Hong Kong as China', () => expect(chartRow('HK', '2026-09-24')!.row).toBe('CN'));
  it('undoes the AUKUS change before 2024-04-19 (89 FR 28594)', () => {
    expect(chartRow('GB', '2024-04-18')!.columns.has('NS1')).toBe(true);
    expect(chartRow('AU', '2024-04-18')!.columns.has('MT1')).toBe(true);
    expect(chartRow('GB', '2024-04-19')!.columns.has('NS1')).toBe(false);
  });
  it('marks the garbled embargoed rows as unreliable', () => {
    for (const c of ['CU', 'IR', 'KP', 'SY']) expect(chartRow(c, '2026-09-24')!.unreliable).toBe(true);
    expect(chartRow('CN', '2026-09-24')!.unreliable).toBe(false);
  });
});

describe('Country Groups (Supp. No. 1 to Part 740, eCFR 2026-09-24)', () => {
  const counts: Record<string, number> = { 'A:1': 40, 'A:2': 34, 'A:3': 42, 'A:4': 45, 'A:5': 38, 'A:6': 8, B: 173, 'D:1': 24, 'D:2': 10, 'D:3': 36, 'D:4': 21, 'D:5': 22, 'E:1': 3, 'E:2': 1 };
  for (const [group, n] of Object.entries(counts)) {
    it(`${group} has ${n} members on 2026-09-24, as in the source`, () => {
      expect(groupsFile.groups[group as keyof typeof groupsFile.groups].members).toHaveLength(n);
      const members = plugin.groups.find((g) => g.id === `EAR:${group}`)!.members.filter((m) => (m.from === undefined || m.from <= '2026-09-24') && (m.to === undefined || m.to >= '2026-09-24'));
      expect(members).toHaveLength(n);
    });
  }
  it('places China, India, Germany, the UK and Canada as the fact sheet does (us-ear.md §3.2)', () => {
    expect(groupsOf('CN', '2026-09-24')).toEqual(['D:1', 'D:3', 'D:4', 'D:5']);
    expect(groupsOf('IN', '2026-09-24')).toEqual(['A:1', 'A:2', 'A:3', 'A:5', 'B']);
    expect(groupsOf('DE', '2026-09-24')).toEqual(['A:1', 'A:2', 'A:3', 'A:4', 'A:5', 'B']);
    expect(groupsOf('GB', '2026-09-24')).toEqual(['A:1', 'A:2', 'A:3', 'A:4', 'A:5', 'B']);
    expect(groupsOf('CA', '2026-09-24')).toEqual(['A:1', 'A:2', 'A:3', 'A:4', 'A:5', 'B']);
    expect(groupsOf('RU', '2026-09-24')).toEqual(['D:1', 'D:2', 'D:3', 'D:4', 'D:5']);
  });
  it('dates Cambodia out of D:5 on 2026-02-03 (FR Doc 2026-02262)', () => {
    expect(groupsOf('KH', '2026-02-02')).toEqual(['D:1', 'D:5']);
    expect(groupsOf('KH', '2026-02-03')).toEqual(['D:1']);
  });
  it('dates the UAE into A:5 and out of D:3/D:4 on 2026-07-10 (91 FR 43034)', () => {
    expect(groupsOf('AE', '2026-07-09')).toEqual(['B', 'D:3', 'D:4']);
    expect(groupsOf('AE', '2026-07-10')).toEqual(['A:5', 'B']);
  });
  it('dates Nicaragua out of B and into D:1 and D:5 on 2024-03-15 (FR Doc 2024-05696)', () => {
    expect(groupsOf('NI', '2024-03-14')).toEqual(['B']);
    expect(groupsOf('NI', '2024-03-15')).toEqual(['D:1', 'D:5']);
  });
  it('treats Hong Kong as China', () => expect(inGroup('D:5', 'HK', '2026-09-24')).toBe(true));
});

describe('Commerce Control List (Supp. No. 1 to Part 774)', () => {
  it('holds the 638 ECCNs of the source', () => expect(cclFile.eccns).toHaveLength(638));
  it('reads paragraph scopes', () => {
    expect(scopeCovers('3B001.c.1.a', '3B001.c.1.a, c.1.c, q worldwide (742.4(a)(5))')).toBe('yes');
    expect(scopeCovers('3B001.a.1', '3B001.c.1.a, c.1.c, q worldwide (742.4(a)(5))')).toBe('no');
    expect(scopeCovers('3B001.l', '3B001.a.4, c, d, f.1, f.5, f.6, k-n, p.2, p.4, r to Macau or D:5 (742.4(a)(4))')).toBe('yes');
    expect(scopeCovers('3B001', '3B001.a.4, c, d to Macau or D:5')).toBe('maybe');
    expect(scopeCovers('9A515.x', 'entire entry except .e, .x, .y')).toBe('no');
    expect(scopeCovers('9A515.a.1', 'entire entry except .e, .x, .y')).toBe('yes');
    expect(scopeCovers('5A002.a', '5A002.z.*.a worldwide (742.6(a)(6)(iii)(A))')).toBe('no');
  });
  it('maps domain paragraphs to taxonomy items that exist', () => {
    for (const e of CLASSIFICATION_ENTRIES) for (const id of e.covers.ids ?? []) expect(t.taxonomy.node(id), id).toBeDefined();
  });
});

describe('manifest', () => {
  it('is the US regime, keyed by ECCN, verified through the eCFR issue of its data', () => {
    expect(plugin.manifest).toMatchObject({ jurisdiction: 'US', controlCodeField: 'eccn', core: '>=0.1.0 <1', dataVerifiedThrough: '2026-09-24', name: '@chokepoint/plugin-us-ear' });
  });
});
