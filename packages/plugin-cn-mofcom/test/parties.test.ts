import { PluginTester } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

// China's party lists, converted from the EyeWarnYou snapshot (data/snapshots/cn-lists.json, as of
// 2026-08-05) and checked against the announcements as reported. Cases are written from what each
// announcement says: the day before a listing, its first day, suspended days, the last day before
// measures stopped and the day after.
const t = new PluginTester(plugin);
const cn = (item: object, to: string, date: string, endUser: string, extra: object = {}) => ({ item, from: 'CN', to, date, endUse: 'civil' as const, endUser: { name: endUser }, ...extra });
// Not on any control list: only a list that covers every item (Unreliable Entity List, countermeasure list) can catch it.
const unlisted = { hs: '010121' };

// How many parties each listing announcement names, as the announcement (or its report) states it.
const ANNOUNCED: Record<string, number> = {
  'cn-mofcom-2025-1': 28, 'cn-mofcom-2025-13': 15, 'cn-mofcom-2025-21': 16, 'cn-mofcom-2025-22': 12, 'cn-mofcom-2025-ecl-20250709': 8,
  'cn-mofcom-2025-51': 3, 'cn-mofcom-2026-11': 20, 'cn-mofcom-2026-12': 20, 'cn-mofcom-2026-20': 7, 'cn-mofcom-2026-23': 10,
  'cn-mofcom-2026-27': 20, 'cn-mofcom-2026-28': 20, 'cn-mofcom-2026-30': 14,
  'cn-uel-2025-1': 10, 'cn-uel-2025-2': 7, 'cn-uel-2025-3': 4, 'cn-uel-2025-02-04': 2, 'cn-uel-2025-03-04': 10, 'cn-uel-2025-6': 1,
  'cn-uel-2025-04-04': 11, 'cn-uel-2025-8': 6, 'cn-uel-2025-09-25': 3, 'cn-uel-2025-10-09': 14,
  'cn-countermeasure-2025-6': 5, 'cn-countermeasure-2026-2': 6, 'cn-countermeasure-2026-08-05': 1,
};

// The sample checked against reports of the announcements (search of stored public pages, December 2026).
const CHECKED: { measure: string; source: string; names: string[] }[] = [
  { measure: 'cn-uel-2025-2', source: 'China Daily HK (Xinhua) and Anadolu, 2025-01-15', names: ['Inter-Coastal Electronics', 'System Studies & Simulation', 'IronMountain Solutions', 'Applied Technologies Group', 'Axient', 'Anduril Industries', 'Maritime Tactical Systems'] },
  { measure: 'cn-uel-2025-8', source: 'The Asia Live, 2025-04-12 (Shield AI "alongside five other U.S. firms")', names: ['Shield AI, Inc.'] },
  { measure: 'cn-uel-2025-09-25', source: "People's Daily (Xinhua) and Global Times, 2025-09-25", names: ['Saronic Technologies, Inc.', 'Aerkomm Inc.', 'Oceaneering International, Inc.'] },
  { measure: 'cn-uel-2025-10-09', source: 'TASS, 2025-10-09', names: ['Dedrone by Axon', 'DZYNE Technologies', 'Elbit Systems of America, LLC', 'Epirus, Inc.', 'AeroVironment, Inc.', 'Exelis Inc.', 'Alliant Techsystems Operations LLC', 'Teledyne FLIR, LLC', 'VSE Corporation', 'Cubic Global Defense', 'Recorded Future, Inc.', 'BAE Systems, Inc.', 'Halifax International Security Forum', 'TechInsights Inc.'] },
  { measure: 'cn-countermeasure-2025-6', source: 'iMarine News and Bastille Post (Xinhua), 2025-10-14', names: ['Hanwha Shipping LLC', 'Hanwha Philly Shipyard Inc.', 'Hanwha Ocean USA International LLC', 'Hanwha Shipping Holdings LLC', 'HS USA Holdings Corp.'] },
];

describe('party lists', () => {
  const measures = new Map(plugin.measures.map((m) => [m.id, m]));
  it('has every listing the announcements name, and no more', () => {
    const counts = new Map<string, number>();
    for (const p of plugin.parties) counts.set(p.measure, (counts.get(p.measure) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual(ANNOUNCED);
  });
  it('gives every party its list, its announcement, its first day and a source', () => {
    for (const p of plugin.parties) {
      const m = measures.get(p.measure)!;
      expect(m, p.id).toBeDefined();
      expect(p.added, p.id).toBe(m.effective.from);
      expect(p.removed ?? null, p.id).toBe(m.effective.to);
      expect(['cn-export-control-list', 'cn-export-control-watch-list', 'cn-unreliable-entity-list', 'cn-anti-foreign-sanctions-list']).toContain(p.list);
      expect(p.sources?.[0]?.url ?? m.url, p.id).toMatch(/^https?:\/\//);
      expect(p.confidence, p.id).toBeTruthy();
    }
  });
  it('links each listing announcement to its official MOFCOM page', () => {
    for (const id of Object.keys(ANNOUNCED)) expect(measures.get(id)!.url, id).toMatch(/^https:\/\/(www|aqygzj)\.mofcom\.gov\.cn\//);
  });
  it('marks announcements that no independent report confirmed as low confidence', () => {
    for (const id of ['cn-uel-2025-1', 'cn-uel-2025-3']) {
      expect(measures.get(id)!.confidence, id).toBe('low');
      expect(measures.get(id)!.caveats?.map((c) => c.code), id).toContain('unverified');
    }
  });
  it('raises to medium the announcements since 2026-06-29 that independent compilations confirmed (#12.9), texts unread', () => {
    for (const id of ['cn-mofcom-2026-30', 'cn-countermeasure-2026-2', 'cn-countermeasure-2026-08-05']) {
      expect(measures.get(id)!.confidence, id).toBe('medium');
      expect(measures.get(id)!.caveats?.map((c) => c.code), id).not.toContain('unverified');
      expect(measures.get(id)!.caveats?.map((c) => c.code), id).toContain('data_incomplete');
    }
    expect(measures.get('cn-countermeasure-2026-08-05')!.reference).toBe('MOFCOM Order No. 3 of 2026');
  });
  it('gives every No. 30/2026 entity its country, as the entity compilation does', () => {
    const countries = Object.fromEntries(plugin.parties.filter((p) => p.measure === 'cn-mofcom-2026-30').map((p) => [p.name, p.country]));
    expect(countries).toMatchObject({ 'Garnet S.r.l.': 'IT', 'Sindlhauser Materials GmbH': 'DE', 'Antraco Chemie-Handelsgesellschaft mbH': 'DE', 'InPACT S.A.': 'FR', 'Cavok UAS': 'FR', 'Opticoelectron Group': 'BG' });
    expect(Object.values(countries).every((c) => typeof c === 'string' && c.length === 2)).toBe(true);
  });
  for (const c of CHECKED) {
    it(`holds the names of ${c.measure} as reported by ${c.source}`, () => {
      const names = new Set(plugin.parties.filter((p) => p.measure === c.measure).map((p) => p.name));
      for (const n of c.names) expect(names.has(n), n).toBe(true);
    });
  }
});

t.run('No. 30/2026: fourteen EU entities on the control list from 2026-07-24', [
  { name: 'Rheinmetall the day before', request: cn({ id: 'gallium/metal' }, 'DE', '2026-07-23', 'Rheinmetall AG'), verdict: 'license_required' },
  { name: 'Rheinmetall from its listing', request: cn({ id: 'gallium/metal' }, 'DE', '2026-07-24', 'Rheinmetall AG'), verdict: 'prohibited', findings: [{ measure: 'cn-mofcom-2026-30', requirement: 'prohibited' }] },
  { name: 'found by its Chinese name', request: cn({ id: 'gallium/metal' }, 'LT', '2026-08-01', '莱茵金属公司'), verdict: 'prohibited' },
  { name: 'an unlisted item is not caught by the dual-use ban', request: cn(unlisted, 'LT', '2026-08-01', 'Ekspla UAB'), verdict: 'not_controlled' },
]);

t.run('Unreliable Entity List: any item, from the day of listing', [
  { name: 'Anduril the day before UEL No. 2', request: cn(unlisted, 'US', '2025-01-13', 'Anduril Industries'), verdict: 'not_controlled' },
  { name: 'Anduril from UEL No. 2 (2025-01-14)', request: cn(unlisted, 'US', '2025-01-14', 'Anduril Industries'), verdict: 'prohibited', findings: [{ measure: 'cn-uel-2025-2', status: 'in_force' }] },
  { name: 'Lockheed Martin Aeronautics from UEL No. 1 (2025-01-02)', request: cn(unlisted, 'US', '2025-01-02', 'Lockheed Martin Aeronautics'), verdict: 'prohibited', findings: [{ measure: 'cn-uel-2025-1' }] },
  { name: 'technology counts too', request: cn({ id: 'tech/electronics/smartphone-assembly' }, 'US', '2025-10-01', 'Saronic Technologies', { transfer: 'technology' }), verdict: 'prohibited', findings: [{ measure: 'cn-uel-2025-09-25' }] },
  { name: 'UEL No. 5: last day before MOFCOM stopped the measures', request: cn(unlisted, 'US', '2025-11-09', 'Exovera'), verdict: 'prohibited', findings: [{ measure: 'cn-uel-2025-03-04' }] },
  { name: 'UEL No. 5: the day the measures stopped', request: cn(unlisted, 'US', '2025-11-10', 'Exovera'), verdict: 'not_controlled' },
  { name: 'Illumina is listed but no export measure followed', request: cn(unlisted, 'US', '2025-02-04', 'Illumina, Inc.'), verdict: 'no_license_required', findings: [{ measure: 'cn-uel-2025-02-04', requirement: 'no_license_required' }] },
]);

t.run('Countermeasure list (Anti-Foreign Sanctions Law)', [
  { name: 'Hanwha Philly Shipyard the day before Order No. 6 of 2025', request: cn(unlisted, 'US', '2025-10-13', 'Hanwha Philly Shipyard Inc.'), verdict: 'not_controlled' },
  { name: 'Hanwha Philly Shipyard from Order No. 6 (2025-10-14)', request: cn(unlisted, 'US', '2025-10-14', 'Hanwha Philly Shipyard Inc.'), verdict: 'prohibited', findings: [{ measure: 'cn-countermeasure-2025-6', status: 'in_force' }] },
  { name: 'last day before the one-year suspension', request: cn(unlisted, 'US', '2025-11-09', 'HS USA Holdings Corp.'), verdict: 'prohibited' },
  { name: 'after the suspension ends the order applies again, unverified', request: cn(unlisted, 'US', '2026-11-11', 'HS USA Holdings Corp.'), verdict: 'prohibited', warnings: ['status_unverified', 'stale_data'] },
  { name: 'Responsible Business Alliance from 2026-08-05 (low confidence)', request: cn(unlisted, 'US', '2026-08-05', 'Responsible Business Alliance'), verdict: 'prohibited', findings: [{ measure: 'cn-countermeasure-2026-2', party: 'cn-cm-2026-2-responsible-business-alliance' }] },
]);

// A suspended listing changes nothing: the finding shows the suspension and nothing is prohibited.
describe('suspended listings', () => {
  const regime = (date: string, name: string) => t.engine.assess(cn(unlisted, 'US', date, name)).jurisdictions.find((j) => j.jurisdiction === 'CN')!;
  const cases: [string, string, string][] = [
    ['2025-11-10', 'Hanwha Shipping LLC', 'cn-countermeasure-2025-6'],
    ['2026-11-10', 'Hanwha Shipping LLC', 'cn-countermeasure-2025-6'],
    ['2025-05-14', 'Shield AI, Inc.', 'cn-uel-2025-8'],
    ['2025-08-11', 'Shield AI, Inc.', 'cn-uel-2025-8'],
    ['2025-08-12', 'Domo Tactical Communications', 'cn-uel-2025-04-04'],
  ];
  for (const [date, name, measure] of cases) {
    it(`${name} on ${date} (${measure} suspended)`, () => {
      const r = regime(date, name);
      expect(r.findings.find((f) => f.measure.id === measure)?.status).toBe('suspended');
      expect(r.verdict).not.toBe('prohibited');
    });
  }
  it('UEL No. 8 ended with its suspension: from 2025-08-12 Shield AI is not on the list', () => {
    const r = regime('2025-08-12', 'Shield AI, Inc.');
    expect(r.findings.some((f) => f.measure.id === 'cn-uel-2025-8')).toBe(false);
  });
});
