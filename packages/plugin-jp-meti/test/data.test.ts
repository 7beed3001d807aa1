import { PluginTester } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin, { END_USER_LIST_SIZE, FRAMEWORK_MEASURES, JP_CODE_SCHEME } from '../src/index.js';

const t = new PluginTester(plugin);
t.checkData({ frameworkMeasures: [...FRAMEWORK_MEASURES] });
t.checkDocs(new URL('../../../docs/measures/jp', import.meta.url).pathname);

describe('Japan\'s plugin data', () => {
  it('declares its own code field, item.codes.JP, in row-and-item form', () => {
    expect(plugin.manifest).toMatchObject({ jurisdiction: 'JP', controlCode: { field: 'codes.JP', example: '2(24)' } });
    const pattern = new RegExp(JP_CODE_SCHEME.pattern);
    for (const ok of ['2', '2(24)', '3-2(1)', '2(10-2)', '16(1)', '2(12).1']) expect(pattern.test(ok), ok).toBe(true);
    for (const bad of ['17', '2(24', '1C226', '2-24']) expect(pattern.test(bad), bad).toBe(false);
  });

  it('has one entry per row 1–15 of Appended Table 1 for goods and of the Foreign Exchange Order for technology', () => {
    const rows = plugin.entries.filter((e) => e.id.startsWith('jp-row-')).map((e) => e.code);
    expect(rows).toEqual(['1', '2', '3', '3-2', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15']);
    expect(plugin.entries.filter((e) => e.id.startsWith('jp-tech-row-')).every((e) => e.transfers?.includes('technology'))).toBe(true);
  });

  it('Group A has 27 regions today, with the Republic of Korea out from 2019-08-28 to 2023-07-20', () => {
    const groupA = plugin.groups!.find((g) => g.id === 'JP-GROUP-A')!;
    expect(new Set(groupA.members.map((m) => m.country)).size).toBe(27);
    expect(groupA.members.filter((m) => m.country === 'KR')).toEqual([{ country: 'KR', to: '2019-08-27' }, { country: 'KR', from: '2023-07-21' }]);
  });

  it('bundles part of the End User List and says how much', () => {
    expect(END_USER_LIST_SIZE).toEqual({ entities: 835, bundled: 49 });
    expect(plugin.parties).toHaveLength(49);
    expect(plugin.measures.find((m) => m.id === 'jp-meti-end-user-list')!.caveats![0]!.message).toContain('49 of the 835');
  });
});

describe('exposure with Japanese inputs', () => {
  it('a Chinese site buying nuclear-grade graphite, lithium-6 and 7(16) equipment from Japan sees Japan\'s licences as chokepoints; unlisted gallium is not controlled', () => {
    const r = t.engine.exposure({
      name: 'Japanese inputs to a Chinese site', site: 'CN', date: '2026-01-15',
      inputs: [
        { item: { id: 'graphite/artificial', parameters: { massKg: 5, boronEquivalentPpm: 2, densityGPerCm3: 1.8 } }, from: 'JP', transfer: 'goods' },
        { item: { id: 'lithium/lithium-6-enriched' }, from: 'JP', transfer: 'goods' },
        { item: { codes: { JP: '7(16)' } }, from: 'JP', transfer: 'goods' },
        { item: { id: 'gallium/metal' }, from: 'JP', transfer: 'goods' },
      ],
    });
    expect(r.inputs.map((i) => i.verdict)).toEqual(['license_required', 'license_required', 'license_required', 'not_controlled']);
    expect(r.chokepoints.map((c) => c.item.id)).toEqual(expect.arrayContaining(['graphite/artificial', 'lithium/lithium-6-enriched']));
  });
});
