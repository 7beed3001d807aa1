import { describe, expect, it } from 'vitest';
import { createEngine } from './engine.js';
import { definePlugin, type PluginDefinition } from './plugin.js';
import { fixtureTaxonomy } from './test-support/fixture-taxonomy.js';
import type { AssessmentResponse, Measure } from './types.js';

// The verdict rules of CONTRACT §3 that every plugin shares (#12 items 1–5), on a fictional regime
// "RR" whose dates are test data, not law: a measure in force from 2025-04-04; one in force from
// 2024-01-01 and suspended from 2025-11-10 until 2026-11-10; magnets listed by their Dy/Tb content.
const src = [{ url: 'https://example.org/rr', publisher: 'RR Ministry', date: '2024-01-01' }];
const measure = (id: string, from: string, extra: Partial<Measure> = {}): Measure => ({
  id, jurisdiction: 'RR', title: `Measure ${id}`, reference: `RR Notice ${id}`, authority: 'RR Ministry', published: from,
  effective: { from, to: null }, summary: 'Test measure.', url: `https://example.org/${id}`, sources: src, confidence: 'high', ...extra,
});

function rrPlugin(dataVerifiedThrough = '2026-06-30'): PluginDefinition {
  return definePlugin({
    manifest: { name: '@test/plugin-rr', version: '1.0.0', jurisdiction: 'RR', title: 'Test regime RR', core: '>=0.1.0', dataVerifiedThrough },
    measures: [
      measure('rr-future', '2025-04-04'),
      measure('rr-susp', '2024-01-01', { suspensions: [{ from: '2025-11-10', to: '2026-11-10', by: 'RR Notice 9' }] }),
      measure('rr-magnets', '2024-01-01'),
    ],
    entries: [
      { id: 'dy-oxide', measure: 'rr-future', title: 'Dysprosium oxide', covers: { ids: ['dysprosium/oxide'] }, requirement: 'license_required', reason: 'Dysprosium oxide needs a licence.' },
      { id: 'ga-metal', measure: 'rr-susp', title: 'Gallium metal', covers: { ids: ['gallium/metal'] }, requirement: 'license_required', reason: 'Gallium metal needs a licence.' },
      { id: 'tech-sep', measure: 'rr-future', title: 'Separation technology', covers: { ids: ['tech/rare-earths/separation'] }, transfers: ['technology'], requirement: 'prohibited', reason: 'Separation technology may not be exported.' },
      {
        id: 'dy-magnets', measure: 'rr-magnets', title: 'NdFeB magnets containing Dy or Tb', covers: { ids: ['magnets/ndfeb'] },
        conditions: { any: [{ param: 'fraction.Dy', op: '>', value: 0 }, { param: 'fraction.Tb', op: '>', value: 0 }] },
        requirement: 'license_required', reason: 'Magnets containing dysprosium or terbium need a licence.',
      },
    ],
    reach: (ctx) => (ctx.request.from === 'AA' ? { bases: ['territory'], description: 'export from RR' } : { bases: [], description: 'not an export from RR' }),
  });
}

const taxonomy = fixtureTaxonomy();
const engine = createEngine({ taxonomy, plugins: [rrPlugin()] });
const rr = (r: AssessmentResponse) => r.jurisdictions[0]!;
const ask = (item: object, date: string, extra: object = {}) => engine.assess({ item, from: 'AA', to: 'IN', date, ...extra });

describe('a measure not in force changes nothing (#12.1)', () => {
  it('the day before it takes effect: not_controlled, the measure shown as not yet in force', () => {
    const r = ask({ id: 'dysprosium/oxide' }, '2025-04-03');
    expect(r.verdict).toBe('not_controlled');
    expect(rr(r).findings.map((f) => [f.entry?.id, f.status])).toEqual([['dy-oxide', 'not_yet_in_force']]);
  });
  it('its first day it lists the item', () => {
    expect(ask({ id: 'dysprosium/oxide' }, '2025-04-04').verdict).toBe('license_required');
  });
  it('while suspended: not_controlled, the measure shown as suspended', () => {
    const r = ask({ id: 'gallium/metal' }, '2026-01-15');
    expect(r.verdict).toBe('not_controlled');
    expect(rr(r).findings.map((f) => f.status)).toEqual(['suspended']);
  });
  it('a technology listed only by a measure not yet in force asks nothing about the transfer', () => {
    expect(ask({ id: 'tech/rare-earths/separation' }, '2025-04-03').questions).toEqual([]);
    expect(ask({ id: 'tech/rare-earths/separation' }, '2025-04-04').questions.map((q) => q.parameter)).toEqual(['transfer']);
  });
});

describe('the last day of a suspension (#12.4)', () => {
  const codes = (r: AssessmentResponse) => r.warnings.map((w) => w.code);
  it('the day before it starts the measure applies; its first day it is suspended', () => {
    expect(ask({ id: 'gallium/metal' }, '2025-11-09').verdict).toBe('license_required');
    expect(rr(ask({ id: 'gallium/metal' }, '2025-11-10')).findings[0]!.status).toBe('suspended');
  });
  it('its last day E is suspended and warns that the end date is read as inclusive', () => {
    const r = ask({ id: 'gallium/metal' }, '2026-11-10');
    expect(rr(r).findings[0]!.status).toBe('suspended');
    expect(r.verdict).toBe('not_controlled');
    const w = r.warnings.find((x) => x.code === 'status_unverified')!;
    expect(w.message).toContain('last day of the suspension by RR Notice 9');
    expect(w.measure).toBe('rr-susp');
  });
  it('the day after E the text applies again, status_unverified when the data stops before E', () => {
    const r = ask({ id: 'gallium/metal' }, '2026-11-11');
    expect(r.verdict).toBe('license_required');
    expect(r.warnings.find((x) => x.code === 'status_unverified')!.message).toContain('ended on 2026-11-10');
  });
  it('with data verified past E: E still warns, E + 1 does not', () => {
    const checked = createEngine({ taxonomy, plugins: [rrPlugin('2027-01-31')] });
    const on = (date: string) => codes(checked.assess({ item: { id: 'gallium/metal' }, from: 'AA', to: 'IN', date }));
    expect(on('2026-11-09')).toEqual([]);
    expect(on('2026-11-10')).toEqual(['status_unverified']);
    expect(on('2026-11-11')).toEqual([]);
  });
});

describe('a broader identifier surfaces what lies beneath it (#12.2)', () => {
  it('the parent of a listed item gets the child entry as a finding and a question naming the child', () => {
    const r = ask({ id: 'gallium' }, '2025-01-15');
    expect(r.verdict).toBe('needs_information');
    expect(rr(r).findings.map((f) => [f.entry?.id, f.status])).toEqual([['ga-metal', 'in_force']]);
    expect(r.questions).toEqual([expect.objectContaining({ parameter: 'item', jurisdiction: 'RR' })]);
    expect(r.questions[0]!.prompt).toContain('gallium/metal');
  });
  it('a suspended child is shown with its status and decides nothing', () => {
    const r = ask({ id: 'gallium' }, '2026-01-15');
    expect(r.verdict).toBe('not_controlled');
    expect(rr(r).findings.map((f) => [f.entry?.id, f.status])).toEqual([['ga-metal', 'suspended']]);
    expect(r.questions).toEqual([]);
  });
});

describe('composition decides coverage (#12.3)', () => {
  const magnet = (extra: object, date = '2025-01-15') => ask({ id: 'magnets/ndfeb', ...extra }, date);
  it('unknown composition: a question for the shares', () => {
    const r = magnet({});
    expect(r.verdict).toBe('needs_information');
    expect(r.questions.map((q) => q.parameter)).toEqual(['fraction.Dy', 'fraction.Tb']);
  });
  it('a share of Dy above zero lists it', () => {
    expect(magnet({ parameters: { 'fraction.Dy': 0.03 } }).verdict).toBe('license_required');
  });
  it('a composition without Dy or Tb: not listed, and nothing asked', () => {
    const r = magnet({ parameters: { 'fraction.Nd': 0.31, 'fraction.Fe': 0.66, 'fraction.B': 0.01 } });
    expect(r.verdict).toBe('not_controlled');
    expect(r.questions).toEqual([]);
  });
  it('content naming a dysprosium material lists it', () => {
    const r = magnet({ content: [{ item: { id: 'dysprosium/oxide' }, origin: 'CN', valueShare: 0.05 }] });
    expect(r.verdict).toBe('license_required');
  });
  it('a broader identifier with a composition is decided by it, never asked for a narrower identifier', () => {
    const withDy = ask({ id: 'magnets', parameters: { 'fraction.Dy': 0.03 } }, '2025-01-15');
    expect(withDy.verdict).toBe('license_required');
    expect(withDy.questions).toEqual([]);
    const without = ask({ id: 'magnets', parameters: { 'fraction.Nd': 0.31 } }, '2025-01-15');
    expect(without.questions.filter((q) => q.parameter === 'item')).toEqual([]);
  });
});

describe('stale_data on every plugin whose data is older than the date (#12.5)', () => {
  it('a regime that does not reach still warns after its dataVerifiedThrough, and not on that day', () => {
    const on = (date: string) => engine.assess({ item: { id: 'gallium/metal' }, from: 'IN', to: 'US', date });
    expect(rr(on('2026-07-01')).reaches).toBe(false);
    expect(on('2026-07-01').warnings.map((w) => [w.code, w.jurisdiction])).toEqual([['stale_data', 'RR']]);
    expect(on('2026-06-30').warnings).toEqual([]);
  });
});
