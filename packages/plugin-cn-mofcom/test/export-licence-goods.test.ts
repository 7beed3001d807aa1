import { PluginTester } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

// The annual Catalogue of Goods Subject to Export Licence Management (出口许可证管理货物目录): an ordinary
// foreign-trade export licence, separate from the dual-use licence. One measure per year, in force from
// 1 January to 31 December.
const t = new PluginTester(plugin);
const cn = (item: object, date: string, extra: object = {}) => ({ item, from: 'CN', to: 'DE', date, endUse: 'civil' as const, ...extra });
const ce = { id: 'cerium/oxide' }; // a rare earth under no dual-use announcement

t.run('each year its own catalogue', [
  { name: '2023-01-01: first day of the 2023 catalogue', request: cn(ce, '2023-01-01'), verdict: 'license_required', findings: [{ measure: 'cn-export-licence-goods-2023', entry: 'cn-elic-2023-rare-earths', status: 'in_force' }] },
  { name: '2023-12-31: last day of the 2023 catalogue', request: cn(ce, '2023-12-31'), verdict: 'license_required', findings: [{ measure: 'cn-export-licence-goods-2023', status: 'in_force' }, { measure: 'cn-export-licence-goods-2024', status: 'not_yet_in_force' }] },
  { name: '2024-01-01: the 2024 catalogue takes over', request: cn(ce, '2024-01-01'), verdict: 'license_required', findings: [{ measure: 'cn-export-licence-goods-2024', status: 'in_force' }, { measure: 'cn-export-licence-goods-2023', status: 'repealed' }] },
  { name: '2025-06-01 under the 2025 catalogue', request: cn({ id: 'tungsten/ore' }, '2025-06-01'), verdict: 'license_required', findings: [{ measure: 'cn-export-licence-goods-2025', entry: 'cn-elic-2025-tungsten' }] },
  { name: '2026-01-01 under the 2026 catalogue', request: cn({ id: 'antimony/metal' }, '2026-01-01'), verdict: 'license_required', findings: [{ measure: 'cn-export-licence-goods-2026', entry: 'cn-elic-2026-antimony' }, { measure: 'cn-mofcom-2024-51' }] },
  { name: 'silver by its HS heading', request: cn({ hs: '710691' }, '2024-03-01'), verdict: 'license_required', findings: [{ measure: 'cn-export-licence-goods-2024', entry: 'cn-elic-2024-silver' }] },
]);

// No. 46/2024 clause 1 and No. 1/2026 ban dual-use items to US and Japanese military users and uses, and the
// control list bars dual-use items to the party (Export Control Law art. 18): an item under the ordinary
// licence only (molybdenum oxide, cerium oxide: on no dual-use list) keeps its ordinary licence.
const moO3 = { id: 'molybdenum/oxide' };
const moPowder = { id: 'molybdenum/powder', parameters: { purity: 0.99, particleSizeUm: 40 } }; // 1C117.b
t.run('end-use bans and the control list reach dual-use items only', [
  { name: 'Mo oxide to a US military end use (No. 46 clause 1 does not reach it)', request: { ...cn(moO3, '2025-06-01'), to: 'US', endUse: 'military' }, verdict: 'license_required', findings: [{ measure: 'cn-export-licence-goods-2025', status: 'in_force' }] },
  { name: 'Mo powder of 1C117.b to a US military end use is banned', request: { ...cn(moPowder, '2025-06-01'), to: 'US', endUse: 'military' }, verdict: 'prohibited' },
  { name: 'Mo oxide to a Japanese military end user on 2026-02-01 (No. 1/2026 does not reach it)', request: { ...cn(moO3, '2026-02-01'), to: 'JP', endUser: { name: 'Japan Ground Self-Defense Force', country: 'JP', type: 'military' } }, verdict: 'license_required' },
  { name: 'cerium oxide to a Japanese military end use', request: { ...cn(ce, '2026-02-01'), to: 'JP', endUse: 'military' }, verdict: 'license_required' },
  { name: 'Mo oxide to a party on the control list (No. 1 of 2025)', request: { ...cn(moO3, '2025-06-01'), to: 'US', endUser: { name: 'General Dynamics', country: 'US', type: 'commercial' } }, verdict: 'license_required' },
  { name: 'Mo powder of 1C117.b to the same party is banned', request: { ...cn(moPowder, '2025-06-01'), to: 'US', endUser: { name: 'General Dynamics', country: 'US', type: 'commercial' } }, verdict: 'prohibited' },
]);

// The antimony goods are ores, the metal (with its alloys) and its products, and oxides (the 2005 catalogue's
// wording): indium antimonide below the No. 33 thresholds is under neither licence.
t.run('antimony under the ordinary licence: ores, metal, oxides, not antimony compounds of other metals', [
  { name: 'antimony oxide of 99.9 % (below the dual-use threshold) still needs the ordinary licence', request: cn({ id: 'antimony/oxide', parameters: { purity: 0.999 } }, '2025-06-01'), verdict: 'license_required', findings: [{ measure: 'cn-export-licence-goods-2025', entry: 'cn-elic-2025-antimony', status: 'in_force' }] },
  { name: 'indium antimonide below the No. 33 thresholds is not controlled', request: cn({ id: 'indium/antimonide', parameters: { purity: 0.999999, dislocationDensityPerCm2: 100 } }, '2025-06-01'), verdict: 'not_controlled' },
]);

describe('an ordinary licence, not a dual-use one', () => {
  const regime = (item: object, date: string, extra: object = {}) => t.engine.assess(cn(item, date, extra)).jurisdictions.find((j) => j.jurisdiction === 'CN')!;
  it('2022-12-31: the 2023 catalogue is not yet in force; the 2022 catalogue (held in the 2005–2022 span) requires the licence', () => {
    const r = regime(ce, '2022-12-31');
    expect(r.findings.find((f) => f.measure.id === 'cn-export-licence-goods-2023')?.status).toBe('not_yet_in_force');
    expect(r.findings.find((f) => f.measure.id === 'cn-export-licence-goods-2005-2022')?.status).toBe('in_force');
    expect(r.verdict).toBe('license_required');
    // Each application is decided on its own (no presumption either way), as for the dual-use licence.
    expect(r.licensePolicy).toBe('case_by_case');
  });
  it('says so in the finding', () => {
    const f = regime(ce, '2024-05-01').findings.find((x) => x.measure.id === 'cn-export-licence-goods-2024')!;
    expect(f.reason).toMatch(/ordinary export licence/);
    expect(f.reason).toMatch(/not a dual-use licence/);
  });
  it('comes on top of the dual-use licence and leaves its review policy in charge', () => {
    const r = regime({ id: 'dysprosium/oxide' }, '2025-06-01');
    expect(r.findings.map((f) => f.measure.id)).toEqual(expect.arrayContaining(['cn-mofcom-2025-18', 'cn-export-licence-goods-2025']));
    expect(r.licensePolicy).toBe('case_by_case');
  });
  it('concerns goods, not technology', () => {
    const r = regime({ id: 'tech/rare-earths/separation' }, '2024-05-01', { transfer: 'technology' });
    expect(r.findings.some((f) => f.measure.id === 'cn-export-licence-goods-2024')).toBe(false);
  });
  it('does not reach finished magnets, which are not a rare-earth good in the taxonomy', () => {
    const r = regime({ id: 'magnets/ndfeb' }, '2024-05-01');
    expect(r.findings.some((f) => f.measure.id === 'cn-export-licence-goods-2024')).toBe(false);
  });
  it('marks the years whose list of goods was not read as low confidence', () => {
    for (const year of [2024, 2025]) {
      const m = plugin.measures.find((x) => x.id === `cn-export-licence-goods-${year}`)!;
      expect(m.confidence, String(year)).toBe('low');
      expect(plugin.entries.find((e) => e.id === `cn-elic-${year}-rare-earths`)!.confidence).toBe('low');
    }
    expect(plugin.entries.find((e) => e.id === 'cn-elic-2023-rare-earths')!.confidence).toBe('medium');
    // 2026: number, repeal and the mineral goods confirmed by two sources; molybdenum and indium by one
    expect(plugin.measures.find((x) => x.id === 'cn-export-licence-goods-2026')!.confidence).toBe('medium');
    expect(plugin.entries.find((e) => e.id === 'cn-elic-2026-rare-earths')!.confidence).toBe('medium');
    for (const year of [2023, 2024, 2025, 2026]) for (const key of ['molybdenum', 'indium']) {
      expect(plugin.entries.find((e) => e.id === `cn-elic-${year}-${key}`)!.confidence, `${year} ${key}`).toBe('low');
    }
    // silver: only the 2024 quota notice names it (export licence instead of a quota for 2024)
    expect(plugin.entries.filter((e) => /^cn-elic-202[3-6]-silver$/.test(e.id)).map((e) => e.confidence)).toEqual(['low', 'medium', 'low', 'low']);
    // 2005–2022: the 2005 and 2016 catalogues read, the years between held unchanged; silver and molybdenum by one source each
    expect(plugin.entries.filter((e) => e.measure === 'cn-export-licence-goods-2005-2022').map((e) => [e.id, e.confidence])).toEqual([
      ['cn-elic-2005-2022-rare-earths', 'medium'], ['cn-elic-2005-2022-tungsten', 'medium'], ['cn-elic-2005-2022-antimony', 'medium'],
      ['cn-elic-2015-2022-molybdenum', 'low'], ['cn-elic-2005-2022-silver', 'low'],
    ]);
  });
  it('names the 2025 catalogue by the number the 2026 catalogue repeals', () => {
    expect(plugin.measures.find((x) => x.id === 'cn-export-licence-goods-2025')!.reference).toBe('MOFCOM/GAC Announcement No. 65 of 2024');
    expect(plugin.measures.find((x) => x.id === 'cn-export-licence-goods-2026')!.reference).toBe('MOFCOM/GAC Announcement No. 89 of 2025');
  });
});

t.run('molybdenum and indium under the ordinary licence', [
  { name: 'molybdenum ore the first day of the 2023 catalogue', request: cn({ id: 'molybdenum/ore' }, '2023-01-01'), verdict: 'license_required', findings: [{ measure: 'cn-export-licence-goods-2023', entry: 'cn-elic-2023-molybdenum', status: 'in_force' }] },
  { name: 'ferromolybdenum the last day of the 2025 catalogue', request: cn({ id: 'molybdenum/ferromolybdenum' }, '2025-12-31'), verdict: 'license_required', findings: [{ measure: 'cn-export-licence-goods-2025', entry: 'cn-elic-2025-molybdenum', status: 'in_force' }] },
  { name: 'indium metal under the 2024 catalogue', request: cn({ id: 'indium/metal' }, '2024-06-01'), verdict: 'license_required', findings: [{ measure: 'cn-export-licence-goods-2024', entry: 'cn-elic-2024-indium' }] },
  { name: 'indium metal under the 2026 catalogue, on top of the dual-use licence of No. 10/2025', request: cn({ id: 'indium/metal' }, '2026-03-01'), verdict: 'license_required', findings: [{ measure: 'cn-export-licence-goods-2026', entry: 'cn-elic-2026-indium' }] },
  { name: 'indium tin oxide is a compound, not an indium product', request: cn({ id: 'indium/tin-oxide' }, '2024-06-01'), verdict: 'not_controlled', noFindings: [{ measure: 'cn-export-licence-goods-2024' }] },
]);

describe('publication days that were not found', () => {
  const warned = (date: string) => t.engine.assess(cn({ id: 'molybdenum/ore' }, date)).warnings.filter((w) => w.code === 'date_uncertain').map((w) => w.measure);
  it('the 2024 and 2025 catalogues warn in their year that their day is the latest possible one', () => {
    expect(warned('2024-01-01')).toEqual(['cn-export-licence-goods-2024']);
    expect(warned('2025-12-31')).toEqual(['cn-export-licence-goods-2025']);
  });
  it('the 2023 and 2026 catalogues, whose days were found, do not', () => {
    expect(warned('2023-06-01')).toEqual([]);
    expect(warned('2026-06-01')).toEqual([]);
  });
});

// Before 2023: the 2005 catalogue (MOFCOM/GAC Announcement No. 78 of 2004) named rare earths, antimony ores, antimony
// and its alloys and products, antimony oxide, tungsten ores, APT, tungsten oxides, tungstic acid and salts, tungsten
// powder and products, and silver; the 2016 catalogue still named rare earths; from 2015 rare earths, tungsten and
// molybdenum moved from export quotas to export licences. A 2022 export of these minerals needed the licence.
t.run('the catalogues of 2005 to 2022', [
  { name: 'dysprosium oxide in 2022, before any dual-use control of it', request: cn({ id: 'dysprosium/oxide' }, '2022-06-01'), verdict: 'license_required', findings: [{ measure: 'cn-export-licence-goods-2005-2022', entry: 'cn-elic-2005-2022-rare-earths', status: 'in_force' }, { measure: 'cn-mofcom-2025-18', status: 'not_yet_in_force' }], warnings: ['data_incomplete'] },
  { name: 'APT on 2022-12-31, the last day of the span', request: cn({ id: 'tungsten/ammonium-paratungstate' }, '2022-12-31'), verdict: 'license_required', findings: [{ measure: 'cn-export-licence-goods-2005-2022', entry: 'cn-elic-2005-2022-tungsten', status: 'in_force' }] },
  { name: 'the 2023 catalogue takes over on 2023-01-01', request: cn(ce, '2023-01-01'), verdict: 'license_required', findings: [{ measure: 'cn-export-licence-goods-2005-2022', status: 'repealed' }, { measure: 'cn-export-licence-goods-2023', status: 'in_force' }] },
  { name: 'antimony ingots in 2010', request: cn({ id: 'antimony/metal' }, '2010-06-01'), verdict: 'license_required', findings: [{ measure: 'cn-export-licence-goods-2005-2022', entry: 'cn-elic-2005-2022-antimony' }] },
  { name: 'the first day of the 2005 catalogue', request: cn(ce, '2005-01-01'), verdict: 'license_required', findings: [{ measure: 'cn-export-licence-goods-2005-2022', status: 'in_force' }], warnings: ['date_uncertain'] },
  { name: 'before 2005 nothing is modelled, and the answer says so', request: cn(ce, '2004-12-31'), verdict: 'not_controlled', findings: [{ measure: 'cn-export-licence-goods-2005-2022', status: 'not_yet_in_force' }], warnings: ['data_incomplete'] },
  { name: 'molybdenum from 2015, when it moved from quotas to licences', request: cn({ id: 'molybdenum/ore' }, '2015-01-01'), verdict: 'license_required', findings: [{ measure: 'cn-export-licence-goods-2005-2022', entry: 'cn-elic-2015-2022-molybdenum', status: 'in_force' }] },
  { name: 'molybdenum in 2014 is not modelled', request: cn({ id: 'molybdenum/ore' }, '2014-12-31'), verdict: 'not_controlled' },
  { name: 'gallium in 2022: in no export-licence catalogue', request: cn({ id: 'gallium/metal' }, '2022-06-01'), verdict: 'not_controlled', noFindings: [{ measure: 'cn-export-licence-goods-2005-2022' }] },
]);

// Identifiers review H25, H26, N19: the catalogue's tariff lines were not read, and a customs tariff copy shows no
// export-licence code on tungsten and molybdenum wire (and some other articles). The finding stands, warned about.
describe('tungsten and molybdenum lines that customs shows without the licence code', () => {
  const warned = (item: object, date: string) => t.engine.assess(cn(item, date)).warnings.filter((w) => w.code === 'sources_disagree' && /third-party copy of China's customs tariff/.test(w.message));
  it('warns once, in the year of the catalogue in force, naming the lines', () => {
    const w = warned({ hs: '8101.96' }, '2025-06-01');
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toMatch(/tungsten wire \(8101\.96\)/);
    expect(warned({ hs: '8102.96' }, '2026-06-01')[0]!.message).toMatch(/wire \(8102\.96\)/);
    expect(warned({ id: 'tungsten/ore' }, '2010-06-01')).toHaveLength(1);
  });
  it('keeps the ordinary licence finding for those goods', () => {
    const r = t.engine.assess(cn({ hs: '8102.96' }, '2026-06-01')).jurisdictions.find((j) => j.jurisdiction === 'CN')!;
    expect(r.findings.find((f) => f.measure.id === 'cn-export-licence-goods-2026')?.requirement).toBe('license_required');
  });
});
