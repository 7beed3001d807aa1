import { describe, expect, it } from 'vitest';
import { createEngine } from './engine.js';
import { definePlugin } from './plugin.js';
import { fixtureTaxonomy } from './test-support/fixture-taxonomy.js';
import type { AssessmentRequest, Measure } from './types.js';

// A fictional regime "QQ" whose list codes go in item.euCode; its entries and dates are test data, not law. The list
// entry 1C226 is matched by the code itself; the domain entries say when items of a kind fall under a code.
const source = [{ url: 'https://example.org/qq', publisher: 'QQ Ministry', date: '2024-01-01' }];
const measure = (id: string, from: string): Measure => ({
  id, jurisdiction: 'QQ', title: `Measure ${id}`, reference: `QQ Act ${id}`, authority: 'QQ Ministry', published: from,
  effective: { from, to: null }, summary: 'Test measure.', url: `https://example.org/${id}`, sources: source, confidence: 'high',
});

const qq = definePlugin({
  manifest: { name: '@test/plugin-qq', version: '1.0.0', jurisdiction: 'QQ', title: 'Test regime QQ', core: '>=0.1.0', dataVerifiedThrough: '2030-12-31', controlCodeField: 'euCode' },
  measures: [measure('qq-list', '2024-01-01'), measure('qq-2027', '2027-01-01')],
  entries: [
    { id: 'list-1c226', measure: 'qq-list', code: '1C226', title: 'Entry 1C226', covers: { controlCodes: ['1C226'] }, requirement: 'license_required', reason: '1C226 needs a licence.' },
    { id: 'tungsten-1c226', measure: 'qq-list', code: '1C226', title: 'Heavy tungsten alloy parts', covers: { ids: ['tungsten/alloy'] }, conditions: { all: [{ param: 'fraction.W', op: '>', value: 0.9 }, { param: 'massKg', op: '>', value: 20 }] }, requirement: 'license_required', reason: 'Such parts need a licence.' },
    // The same code for another kind of item, with another threshold: an item stated under 1C226 may be either.
    { id: 'gallium-1c226', measure: 'qq-list', code: '1C226', title: 'Fictional gallium part', covers: { ids: ['gallium/metal'] }, conditions: { param: 'massKg', op: '>', value: 100 }, requirement: 'license_required', reason: 'Such parts need a licence.' },
    // Matched by the code itself; its condition is a further test on items of the code, not what the code means.
    { id: 'list-1e001-part', measure: 'qq-list', code: '1E001', title: 'Entry 1E001, listed part', covers: { controlCodes: ['1E001'] }, transfers: ['goods'], conditions: { param: 'qq.part', op: '==', value: 1 }, requirement: 'license_required', reason: 'The listed part needs a licence.' },
    { id: 'list-2b001', measure: 'qq-list', code: '2B001', title: 'Entry 2B001', covers: { controlCodes: ['2B001'] }, requirement: 'license_required', reason: '2B001 needs a licence.' },
    { id: 'press-2b001', measure: 'qq-2027', code: '2B001', title: 'Large presses', covers: { ids: ['equipment/press'] }, conditions: { param: 'forceMN', op: '>=', value: 50 }, requirement: 'license_required', reason: 'Large presses need a licence.' },
  ],
  // The whole entry 2B001 as the data holds it: read instead of the press entry's threshold.
  codeThresholds: [{ code: '2B001', conditions: { param: 'forceMN', op: '>=', value: 5 } }],
  reach: (ctx) => ({ bases: ctx.request.from === 'AA' ? ['territory'] : [], description: 'export from AA' }),
});

const engine = createEngine({ taxonomy: fixtureTaxonomy(), plugins: [qq] });
const assess = (item: AssessmentRequest['item'], date = '2025-06-01') => engine.assess({ item, from: 'AA', to: 'IN', date });
const contradictions = (item: AssessmentRequest['item'], date?: string) => assess(item, date).warnings.filter((w) => w.code === 'classification_contradicted');

describe('a stated code whose thresholds the stated parameters fail', () => {
  it('keeps the stated classification and says which parameters fail which thresholds', () => {
    const answer = assess({ euCode: '1C226', parameters: { 'fraction.W': 0.5, massKg: 50 } });
    expect(answer.verdict).toBe('license_required');
    const warnings = answer.warnings.filter((w) => w.code === 'classification_contradicted');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ jurisdiction: 'QQ', path: 'item.euCode' });
    expect(warnings[0]!.message).toContain('stated as QQ 1C226');
    expect(warnings[0]!.message).toContain('fraction.W = 0.5, massKg = 50');
    expect(warnings[0]!.message).toContain('fraction.W > 0.9 and massKg > 20');
  });

  it('says nothing when the parameters meet the thresholds of one kind of item the code covers', () => {
    expect(contradictions({ euCode: '1C226', parameters: { 'fraction.W': 0.95, massKg: 30 } })).toEqual([]);
    // Fails the tungsten part's thresholds, but could be the gallium part (no W threshold, over 100 kg).
    expect(contradictions({ euCode: '1C226', parameters: { 'fraction.W': 0.5, massKg: 120 } })).toEqual([]);
  });

  it('says nothing while a threshold that decides is not given, or when no parameter is given', () => {
    expect(contradictions({ euCode: '1C226', parameters: { 'fraction.W': 0.95 } })).toEqual([]);
    expect(contradictions({ euCode: '1C226' })).toEqual([]);
  });

  it('does not read the further test of an entry matched by the code itself as the code’s thresholds', () => {
    expect(contradictions({ euCode: '1E001', parameters: { 'qq.part': 0 } })).toEqual([]);
  });

  it('judges only thresholds of entries in force on the date', () => {
    const withoutDeclared = createEngine({ taxonomy: fixtureTaxonomy(), plugins: [{ ...qq, codeThresholds: [] }] });
    const warned = (date: string) => withoutDeclared.assess({ item: { euCode: '2B001', parameters: { forceMN: 10 } }, from: 'AA', to: 'IN', date }).warnings.some((w) => w.code === 'classification_contradicted');
    expect(warned('2026-06-01')).toBe(false);
    expect(warned('2027-06-01')).toBe(true);
  });

  it('reads the plugin’s thresholds for the whole entry instead of its entries’, where it gives them', () => {
    expect(contradictions({ euCode: '2B001', parameters: { forceMN: 10 } }, '2027-06-01')).toEqual([]);
    const [w] = contradictions({ euCode: '2B001', parameters: { forceMN: 2 } }, '2026-06-01');
    expect(w!.message).toContain('(forceMN >= 5)');
  });

  it('refuses a plugin whose thresholds are malformed, naming the field', () => {
    const bad = { ...qq, codeThresholds: [{ code: '', conditions: { param: 'forceMN', op: '~', value: 5 } }] } as unknown as typeof qq;
    expect(() => createEngine({ taxonomy: fixtureTaxonomy(), plugins: [bad] })).toThrow(/codeThresholds\[0\]\.code: required[\s\S]*codeThresholds\[0\]\.conditions/);
  });
});
