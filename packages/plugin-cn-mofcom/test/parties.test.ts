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
  // Foreign Ministry decision of 2024-10-10: three companies (its ten executives are not held).
  'cn-mfa-countermeasure-2024-10-10': 3,
};
// Foreign Ministry countermeasures are not in the MOFCOM list snapshot, and sit on a list of their own, so that an
// imported MOFCOM countermeasure list does not replace them (review of 2026-12-06, U45).
const MFA = 'cn-mfa-countermeasure-2024-10-10';

// The sample checked against reports of the announcements (search of stored public pages, December 2026).
const CHECKED: { measure: string; source: string; names: string[] }[] = [
  { measure: 'cn-uel-2025-2', source: 'China Daily HK (Xinhua) and Anadolu, 2025-01-15', names: ['Inter-Coastal Electronics', 'System Studies & Simulation', 'IronMountain Solutions', 'Applied Technologies Group', 'Axient', 'Anduril Industries', 'Maritime Tactical Systems'] },
  { measure: 'cn-uel-2025-8', source: 'The Asia Live, 2025-04-12 (Shield AI "alongside five other U.S. firms")', names: ['Shield AI, Inc.'] },
  { measure: 'cn-uel-2025-09-25', source: "People's Daily (Xinhua) and Global Times, 2025-09-25", names: ['Saronic Technologies, Inc.', 'Aerkomm Inc.', 'Oceaneering International, Inc.'] },
  { measure: 'cn-uel-2025-10-09', source: 'TASS, 2025-10-09', names: ['Dedrone by Axon', 'DZYNE Technologies', 'Elbit Systems of America, LLC', 'Epirus, Inc.', 'AeroVironment, Inc.', 'Exelis Inc.', 'Alliant Techsystems Operations LLC', 'Teledyne FLIR, LLC', 'VSE Corporation', 'Cubic Global Defense', 'Recorded Future, Inc.', 'BAE Systems, Inc.', 'Halifax International Security Forum', 'TechInsights Inc.'] },
  { measure: 'cn-countermeasure-2025-6', source: 'iMarine News and Bastille Post (Xinhua), 2025-10-14', names: ['Hanwha Shipping LLC', 'Hanwha Philly Shipyard Inc.', 'Hanwha Ocean USA International LLC', 'Hanwha Shipping Holdings LLC', 'HS USA Holdings Corp.'] },
  { measure: 'cn-mfa-countermeasure-2024-10-10', source: 'Bastille Post (Xinhua), KUNA and People\'s Daily Online, 2024-10-10/11', names: ['Edge Autonomy Operations LLC', 'Huntington Ingalls Industries, Inc.', 'Skydio, Inc.'] },
  // A second sample, against other reports of the announcements (stored public pages, 2026-12-05).
  { measure: 'cn-mofcom-2025-ecl-20250709', source: 'Lianhe Zaobao, Deutsche Welle and Mirror Daily, 2025-07-09 (all eight, in force on publication)', names: ['Aerospace Industrial Development Corp.', 'GEOSAT Aerospace & Technology Inc.', 'National Chung-Shan Institute of Science & Technology', 'JC Technology Inc.', 'CSBC Corporation, Taiwan', 'Jong Shyn Shipbuilding Co., Ltd', 'Lungteh Shipbuilding Co., Ltd', 'Gong Wei Co., Ltd'] },
  { measure: 'cn-mofcom-2025-51', source: 'ETtoday, 2025-09-25', names: ['Huntington Ingalls Industries, Inc.', 'Planate Management Group', 'Global Dimensions LLC'] },
  { measure: 'cn-mofcom-2026-23', source: 'Benchmark Mineral Intelligence, Kalkine and a Bloomberg summary, 2026-06-22 (ten US entities, in force that day)', names: ['MP Materials Corp.', 'USA Rare Earth, Inc.', 'Aveox, Inc.'] },
  { measure: 'cn-mofcom-2025-13', source: "People's Daily (as reposted), 2025-03 (fifteen US entities, Leidos first, in force on publication)", names: ['Leidos'] },
  { measure: 'cn-mofcom-2025-1', source: 'i-Cable News, 2025-01-02 (28 US entities, General Dynamics named)', names: ['General Dynamics'] },
];

// The EyeWarnYou snapshot (commit 0980eccb, as of 2026-08-05), read entry by entry in December 2026: how many
// entries each announcement has there and the MOFCOM page it links. 270 entries in all.
const SNAPSHOT: Record<string, [number, string]> = {
  'cn-mofcom-2025-1': [28, 'art_9b966e20a6934cc6b4fa2cf777626854'], 'cn-mofcom-2025-13': [15, 'art_67b1b070edcb42e2ad9b8860c15f3b12'],
  'cn-mofcom-2025-21': [15, 'art_e1772b9dcc6c4337aa61f1f8847d0a61'], 'cn-mofcom-2025-22': [12, 'art_a3535a90814b4d33bf9dc2878c65c9e0'],
  'cn-mofcom-2025-ecl-20250709': [8, 'art_bc099a251426466f8fa650f9216c064d'], 'cn-mofcom-2025-51': [3, 'art_250b2a4fdbd04ed19f626a5ce931492c'],
  'cn-mofcom-2026-11': [20, 'art_b5159a773124428a9813884015d1b8b3'], 'cn-mofcom-2026-12': [20, 'art_bac18400512d408a8d4c2f964e36ac11'],
  'cn-mofcom-2026-20': [7, 'art_d909592ea44b40148f244cb233773d4f'], 'cn-mofcom-2026-23': [10, 'art_dfa9cc5c1e004d7fbb86f83d249e7986'],
  'cn-mofcom-2026-27': [20, 'art_df87be1437044874a35f85cf6e076f3d'], 'cn-mofcom-2026-28': [20, 'art_1a0adf5de9b84cd091992669d59e10d4'],
  'cn-mofcom-2026-30': [14, 'art_452eed7fd22c431fbd3d7a8b9fad6d93'],
  'cn-uel-2025-1': [10, 'art_6d2af2148a554e58854998d6b0770625'], 'cn-uel-2025-2': [7, 'art_4d8f19badfca417b9293f8479181706b'],
  'cn-uel-2025-3': [4, 'art_a4e1d7ae955d409780b01fa4a08a1331'], 'cn-uel-2025-02-04': [1, 'art_ab15d2258dda4e93b8ad1ec4776d37c3'],
  'cn-uel-2025-03-04': [10, 'art_fe1f402f866f4216b1e835770df96f8c'], 'cn-uel-2025-6': [1, 'art_5476ce842c764bd09fa530b97ebf96bb'],
  'cn-uel-2025-04-04': [11, 'art_e4f474d3aeba4672913db1042d845d78'], 'cn-uel-2025-8': [6, 'art_81fd0e00d5aa4be39db90f2c183c809a'],
  'cn-uel-2025-09-25': [3, 'art_f7201e9ac9864599bd43ed65a3257577'], 'cn-uel-2025-10-09': [13, 'art_fa5c991e926144e8a13de34fe1b8e00a'],
  'cn-countermeasure-2025-6': [5, 'art_ff624c30d2734ed9b3d0916a23ed1c45'], 'cn-countermeasure-2026-2': [6, 'art_4028b8300fa24a0399f7da26e4939b20'],
  'cn-countermeasure-2026-08-05': [1, 'art_97d99d522e6944439ae31884c928ee31'],
};
// Listings the snapshot lacks, each from its announcement's reports: the 16th entity of No. 21/2025, PVH (listed with
// Illumina on 2025-02-04) and TechInsights (the snapshot names only its Japanese branch in the programme's title).
const NOT_IN_SNAPSHOT: Record<string, string> = { 'High Point Aerotechnologies': 'cn-mofcom-2025-21', 'PVH Corp.': 'cn-uel-2025-02-04', 'TechInsights Inc.': 'cn-uel-2025-10-09' };

describe('party lists against the EyeWarnYou snapshot (#12.8)', () => {
  const measures = new Map(plugin.measures.map((m) => [m.id, m]));
  it('holds the snapshot\'s 270 listings and the three it lacks: 273', () => {
    expect(Object.values(SNAPSHOT).reduce((n, [c]) => n + c, 0)).toBe(270);
    const counts = new Map<string, number>();
    for (const p of plugin.parties) if (!(p.name in NOT_IN_SNAPSHOT) && p.measure !== MFA) counts.set(p.measure, (counts.get(p.measure) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(Object.entries(SNAPSHOT).map(([m, [c]]) => [m, c])));
    for (const [name, measure] of Object.entries(NOT_IN_SNAPSHOT)) expect(plugin.parties.find((p) => p.name === name)?.measure, name).toBe(measure);
    expect(plugin.parties.filter((p) => p.measure !== MFA)).toHaveLength(273);
  });
  it('links each announcement to the MOFCOM page the snapshot gives', () => {
    for (const [id, [, page]] of Object.entries(SNAPSHOT)) expect(measures.get(id)!.url, id).toContain(page);
  });
  it('does not cite the snapshot for a listing it lacks', () => {
    for (const name of Object.keys(NOT_IN_SNAPSHOT)) {
      const p = plugin.parties.find((x) => x.name === name)!;
      expect((p.sources ?? []).some((s) => s.url.includes('EyeWarnYou')), name).toBe(false);
    }
  });
});

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
      expect(['cn-export-control-list', 'cn-export-control-watch-list', 'cn-unreliable-entity-list', 'cn-anti-foreign-sanctions-list', 'cn-mfa-countermeasure-list']).toContain(p.list);
      expect(p.sources?.[0]?.url ?? m.url, p.id).toMatch(/^https?:\/\//);
      expect(p.confidence, p.id).toBeTruthy();
    }
  });
  it('links each listing announcement to its official MOFCOM page', () => {
    for (const id of Object.keys(ANNOUNCED).filter((m) => m !== MFA)) expect(measures.get(id)!.url, id).toMatch(/^https:\/\/(www|aqygzj)\.mofcom\.gov\.cn\//);
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

// Foreign Ministry decision of 2024-10-10 (review of 2026-12-06, U45): transactions with the three companies barred
// from that day, whatever the item; no suspension or lifting was found, so the UEL suspension of 2025 changes nothing.
t.run('Foreign Ministry countermeasures of 2024-10-10 (Anti-Foreign Sanctions Law)', [
  { name: 'Skydio the day before the decision', request: cn(unlisted, 'US', '2024-10-09', 'Skydio, Inc.'), verdict: 'not_controlled', noFindings: [{ measure: MFA }] },
  { name: 'Skydio from 2024-10-10: any item', request: cn(unlisted, 'US', '2024-10-10', 'Skydio, Inc.'), verdict: 'prohibited', findings: [{ measure: MFA, party: 'cn-mfa-2024-10-10-skydio-inc', status: 'in_force' }] },
  { name: 'cobalt metal to Skydio on 2025-06-01, while its UEL listing is suspended (U45)', request: cn({ id: 'cobalt/metal' }, 'US', '2025-06-01', 'Skydio, Inc.'), verdict: 'prohibited', findings: [{ measure: MFA, status: 'in_force' }, { measure: 'cn-uel-2025-04-04', status: 'suspended' }] },
  { name: 'Huntington Ingalls by its abbreviation', request: cn(unlisted, 'US', '2025-01-15', 'HII'), verdict: 'prohibited', findings: [{ measure: MFA, party: 'cn-mfa-2024-10-10-huntington-ingalls-industries-inc' }] },
  { name: 'Edge Autonomy Operations', request: cn(unlisted, 'US', '2026-03-01', 'Edge Autonomy Operations LLC'), verdict: 'prohibited', findings: [{ measure: MFA, party: 'cn-mfa-2024-10-10-edge-autonomy-operations-llc' }] },
]);

describe('Foreign Ministry countermeasures are a list of their own', () => {
  it('keeps the MFA decision off the MOFCOM countermeasure list, which an import replaces', () => {
    const mfa = plugin.parties.filter((p) => p.measure === MFA);
    expect(mfa.map((p) => p.list)).toEqual(['cn-mfa-countermeasure-list', 'cn-mfa-countermeasure-list', 'cn-mfa-countermeasure-list']);
    expect(mfa.every((p) => p.covers?.all && p.requirement === 'prohibited')).toBe(true);
    expect(plugin.measures.find((m) => m.id === MFA)!.authority).toMatch(/Foreign Affairs/);
  });
});

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

// Review of 2026-12-06 (screening, Q45 and the entries it pointed to): a firm MOFCOM lists on the Unreliable Entity List
// and on the control list is named in Chinese by the control list's entry; the UEL entry carries that name too.
t.run('Unreliable Entity List entries by their Chinese names', [
  { name: 'AeroVironment by its Chinese name while its UEL listing stands', request: cn(unlisted, 'US', '2025-10-20', '宇航环境公司'), verdict: 'prohibited', findings: [{ measure: 'cn-uel-2025-10-09', party: 'cn-uel-aerovironment', status: 'in_force' }] },
  { name: 'Huntington Ingalls by its Chinese name on its UEL listing\'s days', request: cn(unlisted, 'US', '2025-06-01', '亨廷顿·英格尔斯工业公司'), verdict: 'prohibited', findings: [{ measure: 'cn-uel-2025-03-04', party: 'cn-uel-huntington-ingalls', status: 'in_force' }] },
]);

describe('Chinese names of firms on two lists', () => {
  it('gives a Chinese name to every UEL entry whose firm has one on another list of the plugin', () => {
    const han = /\p{Script=Han}/u;
    const named = (p: (typeof plugin.parties)[number]) => [p.name, ...(p.aliases ?? [])].some((n) => han.test(n));
    const lacking = plugin.parties.filter((uel) => uel.list === 'cn-unreliable-entity-list' && !named(uel)
      && plugin.parties.some((p) => p !== uel && p.name === uel.name && named(p)));
    expect(lacking.map((p) => p.id)).toEqual([]);
  });
});
