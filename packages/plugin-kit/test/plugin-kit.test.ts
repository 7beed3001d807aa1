import { definePlugin, type PluginDefinition } from '@chokepoint/core';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPluginData, PluginTester, renderMeasureDoc, staleMeasureDocs, writeMeasureDocs } from '../src/index.js';

// A fictional regime "ZZ" for testing the kit itself; its rules are test data, not law.
const source = [{ url: 'https://example.org/zz', publisher: 'ZZ', date: '2024-01-01' }];
const zz = (): PluginDefinition => definePlugin({
  manifest: { name: '@test/plugin-zz', version: '0.0.1', jurisdiction: 'ZZ', title: 'ZZ', core: '*', dataVerifiedThrough: '2026-01-01', controlCodeField: 'cnControlCode' },
  measures: [
    { id: 'zz-law', jurisdiction: 'ZZ', title: 'ZZ law', reference: 'ZZ Law', authority: 'ZZ', published: '2020-01-01', effective: { from: '2020-01-01', to: null }, summary: 's', url: 'https://example.org/law', sources: source, confidence: 'high' },
    { id: 'zz-ga', jurisdiction: 'ZZ', title: 'ZZ gallium', reference: 'ZZ 1', authority: 'ZZ', published: '2024-01-01', effective: { from: '2024-02-01', to: null }, summary: 's', url: 'https://example.org/ga', sources: source, confidence: 'high' },
  ],
  entries: [
    { id: 'ga', measure: 'zz-ga', code: '3C001.a', title: 'Gallium metal', covers: { ids: ['gallium/metal'], controlCodes: ['3C001.a'] }, requirement: 'license_required', licensePolicy: 'case_by_case', reason: 'Licence needed.' },
    { id: 'code-only', measure: 'zz-ga', code: '1B101.a', title: 'Winding machines', covers: { controlCodes: ['1B101.a'], hs: ['8479899955'] }, requirement: 'license_required', reason: 'Licence needed.' },
  ],
  reach: (ctx) => ({ bases: ctx.request.from === 'CN' ? ['territory'] : [], description: 'export from ZZ test territory' }),
});

const tester = new PluginTester(zz());

tester.run('the kit runs case tables', [
  { request: { item: { id: 'gallium/metal' }, from: 'CN', to: 'DE', date: '2024-01-31' }, verdict: 'not_controlled', findings: [{ measure: 'zz-ga', status: 'not_yet_in_force' }] },
  { request: { item: { id: 'gallium/metal' }, from: 'CN', to: 'DE', date: '2024-02-01' }, verdict: 'license_required', licensePolicy: 'case_by_case', findings: [{ measure: 'zz-ga', entry: 'ga', code: '3C001.a', status: 'in_force' }], onlyFindings: true },
  { request: { item: { cnControlCode: '1B101.a' }, from: 'CN', to: 'DE', date: '2024-02-01' }, verdict: 'license_required' },
  { request: { item: { id: 'gallium/metal' }, from: 'US', to: 'DE', date: '2024-02-01' }, verdict: 'not_controlled', reaches: false },
]);

tester.checkData({ frameworkMeasures: ['zz-law'] });

describe('a regime\'s own code as a territory', () => {
  it('cases may use the plugin\'s jurisdiction code as a country when it is not an ISO code; others stay refused', () => {
    expect(tester.check({ request: { item: { id: 'gallium/metal' }, from: 'ZZ', to: 'DE', date: '2024-02-01' }, verdict: 'not_controlled', reaches: false })).toEqual([]);
    expect(() => tester.check({ request: { item: { id: 'gallium/metal' }, from: 'XQ', to: 'DE' }, verdict: 'not_controlled' })).toThrow(/from: unknown country code "XQ"/);
    const strict = new PluginTester(zz(), { territories: [] });
    expect(() => strict.check({ request: { item: { id: 'gallium/metal' }, from: 'ZZ', to: 'DE' }, verdict: 'not_controlled' })).toThrow(/unknown country code "ZZ"/);
  });
});

describe('writeMeasureDocs', () => {
  it('writes one page per measure, removes pages of measures that are gone, and leaves nothing stale', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plugin-kit-docs-'));
    try {
      writeFileSync(join(dir, 'zz-old.md'), 'gone');
      expect(staleMeasureDocs(zz(), dir)).toEqual(['zz-law', 'zz-ga']);
      expect(writeMeasureDocs(zz(), dir)).toEqual(['zz-law.md', 'zz-ga.md']);
      expect(readdirSync(dir).sort()).toEqual(['zz-ga.md', 'zz-law.md']);
      expect(staleMeasureDocs(zz(), dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('renderMeasureDoc', () => {
  it('lists the entries\' own caveats once each, naming the entries that carry them', () => {
    const plugin = zz();
    const caveat = { code: 'data_incomplete', message: 'Codes not confirmed.', to: '2024-11-30' };
    plugin.entries = plugin.entries.map((e) => ({ ...e, caveats: [caveat] }));
    const page = renderMeasureDoc(plugin, plugin.measures.find((m) => m.id === 'zz-ga')!);
    expect(page).toContain('## Caveats on entries');
    expect(page).toContain('- **data_incomplete** (… – 2024-11-30): Codes not confirmed. — on ga (3C001.a), code-only (1B101.a)');
    expect(page.match(/Codes not confirmed/g)).toHaveLength(1);
    expect(renderMeasureDoc(zz(), zz().measures[1]!)).not.toContain('Caveats on entries');
  });
});

describe('PluginTester.check reports each difference', () => {
  it('names a wrong verdict with the findings it saw', () => {
    const diffs = tester.check({ request: { item: { id: 'gallium/metal' }, from: 'CN', to: 'DE', date: '2024-02-01' }, verdict: 'prohibited', findings: [{ measure: 'zz-law' }], questions: ['purity'], warnings: ['stale_data'] });
    expect(diffs).toEqual([
      'verdict: expected prohibited, got license_required (findings: zz-ga/ga:in_force:license_required; questions: none)',
      'missing finding {"measure":"zz-law"}; got zz-ga/ga:in_force:license_required',
      'missing question on purity; got none',
      'missing warning stale_data; got none',
    ]);
  });
  it('names a question that must not be asked, or one beyond those expected', () => {
    const broader = { request: { item: { id: 'gallium' }, from: 'CN', to: 'DE', date: '2024-02-01' }, verdict: 'needs_information' as const };
    expect(tester.check({ ...broader, questions: ['item'] })).toEqual([]);
    expect(tester.check({ ...broader, noQuestions: ['item'] })).toEqual(['unexpected question on item']);
    expect(tester.check({ ...broader, onlyQuestions: true })).toEqual(['unexpected questions: item']);
    expect(tester.check({ ...broader, questions: ['item'], onlyQuestions: true })).toEqual([]);
  });
});

describe('checkPluginData', () => {
  it('reports unused measures and registration problems, naming the record', () => {
    expect(checkPluginData(zz(), tester.taxonomy)).toEqual(['measures "zz-law": no entry, party or authorisation uses it; declare it in frameworkMeasures if it is listed for reference']);
    const bad = zz();
    bad.entries = [{ ...bad.entries[0]!, covers: { ids: ['gallium/nope'] } }];
    expect(checkPluginData(bad, tester.taxonomy)).toEqual(['entries[0] "ga".covers.ids[0]: "gallium/nope" is not a taxonomy ID']);
  });
  it('reports a caveat that repeats the engine\'s warning on a suspension\'s end (#12.10), and accepts others', () => {
    const copy = zz();
    const ga = copy.measures[1]!;
    copy.measures[1] = {
      ...ga,
      suspensions: [{ from: '2025-01-01', to: '2025-06-30', by: 'ZZ 2' }],
      caveats: [{ code: 'status_unverified', from: '2025-07-01', message: 'What followed was not found.' }, { code: 'sources_disagree', from: '2025-07-01', message: 'Sources disagree on the end.' }],
    };
    expect(checkPluginData(copy, tester.taxonomy, { frameworkMeasures: ['zz-law'] })).toEqual([
      'measures "zz-ga".caveats: a status_unverified caveat from 2025-07-01 repeats the engine\'s warning on a suspension\'s end; remove it (an announced extension is an advisory with `measures`)',
    ]);
    copy.measures[1] = { ...copy.measures[1]!, caveats: [{ code: 'status_unverified', from: '2025-03-01', to: '2025-03-31', message: 'A reading of March is disputed.' }] };
    expect(checkPluginData(copy, tester.taxonomy, { frameworkMeasures: ['zz-law'] })).toEqual([]);
    // An entry's own suspension counts too, and its last day as well as the day after.
    copy.measures[1] = { ...ga, caveats: [{ code: 'status_unverified', from: '2025-06-30', message: 'Read as the last day.' }] };
    copy.entries = [{ ...copy.entries[0]!, suspensions: [{ from: '2025-01-01', to: '2025-06-30', by: 'ZZ 2' }] }, copy.entries[1]!];
    expect(checkPluginData(copy, tester.taxonomy, { frameworkMeasures: ['zz-law'] })).toHaveLength(1);
  });
  it('reports an entry whose only identifier is a list code the plugin cannot be queried by', () => {
    const bad = zz();
    const { controlCodeField: _dropped, ...manifest } = bad.manifest;
    bad.manifest = manifest;
    bad.entries = [bad.entries[1]!];
    bad.entries[0] = { ...bad.entries[0]!, covers: { controlCodes: ['1B101.a'] } };
    expect(checkPluginData(bad, tester.taxonomy, { frameworkMeasures: ['zz-law'] })).toEqual(['entries[0] "code-only".covers.controlCodes[0]: the manifest has no controlCodeField or controlCode']);
  });
});
