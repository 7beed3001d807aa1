import { PluginTester } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import { createEngine, type PartyList } from '@chokepoint/core';
import plugin, { END_USER_LIST_EDITION, END_USER_LIST_ID, FRAMEWORK_MEASURES, JP_CODE_SCHEME } from '../src/index.js';

const t = new PluginTester(plugin);

/** An imported copy of the End User List of 2026-03-02 holding `entries`. */
const importedEdition = (entries: PartyList['entries']): PartyList => ({
  id: END_USER_LIST_ID, name: 'METI End User List', jurisdiction: 'JP', asOf: '2026-03-02',
  consequence: { requirement: 'license_required', licensePolicy: 'case_by_case', summary: 'test edition' },
  source: { url: 'https://www.meti.go.jp/policy/anpo/law05.html', publisher: 'METI', date: '2026-03-02' },
  entries,
});

/** Assesses a row-16 (catch-all) item for a named end user with `engine`. */
const row16Assessor = (engine: ReturnType<typeof createEngine>) => (name: string, to: string, date: string, parameters?: Record<string, number>) =>
  engine.assess({ item: { codes: { JP: '16' }, ...(parameters ? { parameters } : {}) }, from: 'JP', to, date, endUse: 'civil', endUser: { name } });
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

  it('Appended Table 3-2 holds the 10 regions of the 2026 text today, and dated changes before it', () => {
    const un = plugin.groups!.find((g) => g.id === 'JP-UN-ARMS-EMBARGO')!;
    const current = un.members.filter((m) => !m.to).map((m) => m.country).sort();
    expect(current).toEqual(['AF', 'CD', 'CF', 'IQ', 'KP', 'LB', 'LY', 'SD', 'SO', 'SS']);
  });

  it('bundles the whole End User List of 2025-09-29: 835 entities in 15 countries and regions, applied from 2025-10-09', () => {
    expect(END_USER_LIST_EDITION).toEqual({ asOf: '2025-09-29', appliesFrom: '2025-10-09', entities: 835 });
    const parties = plugin.parties!.filter((p) => p.list === END_USER_LIST_ID);
    expect(parties).toHaveLength(835);
    expect(parties.map((p) => p.id)).toEqual(Array.from({ length: 835 }, (_, i) => `jp-eul-${i + 1}`));
    expect(new Set(parties.map((p) => p.country)).size).toBe(15);
    // The edition records no listing dates: each party is dated by the day the edition applies (not an invented listing
    // date); earlier days of its WMD-concern entities are asked about by the plugin's rules (rules.test.ts, U103).
    expect(parties.every((p) => p.added === '2025-10-09' && p.requirement === 'license_required')).toBe(true);
    // METI's press release of 2025-09-29: 835 entities (87 more); entities listed for conventional weapons only are new with this edition.
    const conventionalOnly = parties.filter((p) => p.listTitle === 'METI End User List (conventional weapons concern)');
    expect(conventionalOnly).toHaveLength(54);
    expect(conventionalOnly.every((p) => p.scopes?.length === 2)).toBe(true);
  });

  it('holds the entries as METI lists them (samples copied by hand from the source)', () => {
    const byId = new Map(plugin.parties!.map((p) => [p.id, p]));
    expect(byId.get('jp-eul-1')).toMatchObject({ name: 'Al Qa\'ida/Islamic Army', country: 'AF', listTitle: 'METI End User List (biological, chemical, missile, nuclear, conventional weapons concern)' });
    expect(byId.get('jp-eul-39')!.aliases).toContain('IRAN URANIUM ENRICHMENT COMPANY');
    expect(byId.get('jp-eul-297')).toMatchObject({ name: '4.27 Co. Pyongyang Branch', aliases: ['4.27貿易会社平壌支社', '4.27 Corporation'], country: 'KP' });
    expect(byId.get('jp-eul-447')).toMatchObject({ name: 'セソン技術貿易', country: 'KP' });
    expect(byId.get('jp-eul-503')).toMatchObject({ name: 'CETC Chip Technology Co., Ltd', aliases: expect.arrayContaining(['中电科芯片技术股份有限公司', 'CETC 24']), country: 'CN', listTitle: 'METI End User List (conventional weapons concern)' });
    expect(byId.get('jp-eul-806')!.aliases).toContain('АО Рособоронэкспорт');
    expect(byId.get('jp-eul-835')).toMatchObject({ name: 'Zavod "Miass"', aliases: ['AO Miasskiy mashinostroitelnyy zavod', 'JSC MMZ', 'Miass Machine-Building Factory'], country: 'RU', listTitle: 'METI End User List (missile concern)' });
  });

  it('the bundled copy is dated by its edition (2025-09-29), not by the date the rest of the data was checked', () => {
    const engine = createEngine({ taxonomy: t.taxonomy, plugins: [plugin] });
    expect(engine.dataStatus().lists.find((l) => l.id === END_USER_LIST_ID)).toMatchObject({ asOf: '2025-09-29', entries: 835, origin: 'bundled' });
    expect(engine.screen({ name: 'Beijing Institute of Radio Measurement' }).lists.find((l) => l.id === END_USER_LIST_ID)).toMatchObject({ asOf: '2025-09-29' });
    expect(plugin.manifest.dataVerifiedThrough > '2025-09-29').toBe(true);
  });

  it('lists no entity in a Group A country, so the Group A exclusion never hides a local end user', () => {
    const groupA = new Set(plugin.groups!.find((g) => g.id === 'JP-GROUP-A')!.members.map((m) => m.country));
    expect(plugin.parties!.filter((p) => groupA.has(p.country!))).toEqual([]);
  });

  it('an imported edition replaces the bundled one, with the same meaning for each type of concern', () => {
    const engine = createEngine({ taxonomy: t.taxonomy, plugins: [plugin], lists: [importedEdition([
      { id: '1', name: 'Candid General Trading LLC', country: 'AE', programs: ['Missile'] },
      { id: '2', name: 'Northwind Optics Co., Ltd.', country: 'CN', programs: ['Conventional weapons'] },
    ])] });
    const assess = row16Assessor(engine);
    expect(assess('Candid General Trading LLC', 'AE', '2026-03-02').verdict).toBe('license_required');
    expect(assess('Candid General Trading LLC', 'AE', '2026-03-01').verdict).toBe('not_controlled');
    expect(assess('Northwind Optics Co., Ltd.', 'CN', '2026-03-02').questions.map((q) => q.parameter)).toEqual(['jpRow16Item1']);
    expect(assess('Northwind Optics Co., Ltd.', 'CN', '2026-03-02', { jpRow16Item1: 1 }).verdict).toBe('license_required');
    // An entity of the bundled edition that the imported one no longer names is no longer a hit.
    expect(assess('Khan Research Laboratories', 'PK', '2026-03-02').verdict).toBe('not_controlled');
    expect(engine.assess({ item: { id: 'gallium/metal' }, from: 'JP', to: 'AE', date: '2026-03-02', endUse: 'civil' }).data.find((x) => x.plugin === plugin.manifest.name)!.lists).toEqual([{ id: END_USER_LIST_ID, asOf: '2026-03-02', entries: 2, origin: 'imported' }]);
  });
});

describe('an imported edition that gives listing dates (review finding U103)', () => {
  const engine = createEngine({ taxonomy: t.taxonomy, plugins: [plugin], lists: [importedEdition([
    { id: '1', name: 'Southwind Trading FZE', country: 'AE', programs: ['Missile', 'Nuclear'], listedOn: '2012-05-01' },
    { id: '2', name: 'Northwind Optics Co., Ltd.', country: 'CN', programs: ['Conventional weapons'], listedOn: '2024-01-01' },
    { id: '3', name: 'Eastwind Machinery LLC', country: 'AE', programs: ['Nuclear'], listedOn: '2026-01-05' },
  ])] });
  const assess = row16Assessor(engine);
  it('a WMD-concern listing applies from its own listing date, before the copy\'s date and before 2025-10-09, without a question', () => {
    expect(assess('Southwind Trading FZE', 'AE', '2012-04-30').verdict).toBe('not_controlled');
    expect(assess('Southwind Trading FZE', 'AE', '2012-04-30').questions.map((q) => q.parameter)).not.toContain('jpEulListedOnDate');
    expect(assess('Southwind Trading FZE', 'AE', '2012-05-01').verdict).toBe('license_required');
    expect(assess('Southwind Trading FZE', 'AE', '2025-06-01').verdict).toBe('license_required');
    expect(assess('Southwind Trading FZE', 'AE', '2025-06-01').questions.map((q) => q.parameter)).not.toContain('jpEulListedOnDate');
    expect(assess('Eastwind Machinery LLC', 'AE', '2026-01-04').verdict).toBe('not_controlled');
    expect(assess('Eastwind Machinery LLC', 'AE', '2026-01-05').verdict).toBe('license_required');
  });
  it('a conventional-weapons listing applies from 2025-10-09 at the earliest, whatever date the copy gives', () => {
    expect(assess('Northwind Optics Co., Ltd.', 'CN', '2025-10-08', { jpRow16Item1: 1 }).verdict).toBe('not_controlled');
    expect(assess('Northwind Optics Co., Ltd.', 'CN', '2025-10-09', { jpRow16Item1: 1 }).verdict).toBe('license_required');
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
