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
    expect(r.warnings.map((x) => x.code)).not.toContain('status_unverified');
    const w = r.warnings.find((x) => x.code === 'suspension_last_day')!;
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
    expect(on('2026-11-10')).toEqual(['suspension_last_day']);
    expect(on('2026-11-11')).toEqual([]);
  });
});

describe('an advisory reporting on a suspension is named in its warnings, never changing the status (#12.4, #12.9)', () => {
  // A fictional announced extension of RR Notice 9's suspension, reported from 2026-09-23: an advisory, not law.
  const extension = {
    id: 'rr-extension', title: 'Announced extension of the suspension to 2027-01-10', corridor: { from: 'AA', to: ['*'] }, measureType: 'announced_extension',
    evidence: 'reported' as const, status: 'unknown' as const, firstReported: '2026-09-23', itemScope: { ids: ['gallium'] }, measures: ['rr-susp'], sources: src,
  };
  const withAdvisory = createEngine({ taxonomy, plugins: [{ ...rrPlugin(), advisories: [extension] }] });
  const on = (date: string) => withAdvisory.assess({ item: { id: 'gallium/metal' }, from: 'AA', to: 'IN', date });
  const unverified = (r: AssessmentResponse) => r.warnings.filter((w) => w.code === 'status_unverified').map((w) => w.message);
  it('the last day E: suspended, the end-day warning names the advisory', () => {
    const r = on('2026-11-10');
    expect(rr(r).findings[0]!.status).toBe('suspended');
    expect(unverified(r)).toHaveLength(0);
    const lastDay = r.warnings.filter((w) => w.code === 'suspension_last_day');
    expect(lastDay).toHaveLength(1);
    expect(lastDay[0]!.message).toContain('advisory rr-extension');
  });
  for (const date of ['2026-11-11', '2027-01-10', '2027-01-11']) {
    it(`${date}: the text applies again (status in force, licence required) and the warning names the advisory`, () => {
      const r = on(date);
      expect(r.verdict).toBe('license_required');
      expect(rr(r).findings[0]!.status).toBe('in_force');
      expect(unverified(r)).toHaveLength(1);
      expect(unverified(r)[0]).toMatch(/ended on 2026-11-10.*advisory rr-extension.*does not change this status/);
      expect(r.advisories.map((a) => a.id)).toEqual(['rr-extension']);
    });
  }
  it('an advisory that does not name the measure leaves the warning as it was', () => {
    const other = createEngine({ taxonomy, plugins: [{ ...rrPlugin(), advisories: [{ ...extension, measures: ['rr-future'] }] }] });
    const r = other.assess({ item: { id: 'gallium/metal' }, from: 'AA', to: 'IN', date: '2026-11-11' });
    expect(r.advisories.map((a) => a.id)).toEqual(['rr-extension']);
    expect(unverified(r)[0]).not.toContain('rr-extension');
  });
  it('an advisory naming a measure the plugin does not have is refused', () => {
    expect(() => createEngine({ taxonomy, plugins: [{ ...rrPlugin(), advisories: [{ ...extension, measures: ['rr-nothing'] }] }] })).toThrow(/measures\[0\]: "rr-nothing" is not a measure/);
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
  it('a complete composition (shares adding up to 100 %) without Dy or Tb: not listed, and nothing asked', () => {
    const r = magnet({ parameters: { 'fraction.Nd': 0.31, 'fraction.Fe': 0.66, 'fraction.B': 0.01, 'fraction.Pr': 0.02 } });
    expect(r.verdict).toBe('not_controlled');
    expect(r.questions).toEqual([]);
  });
  it('100 % within rounding (99.9 %) is complete too', () => {
    expect(magnet({ parameters: { 'fraction.Nd': 0.31, 'fraction.Fe': 0.66, 'fraction.B': 0.01, 'fraction.Pr': 0.019 } }).verdict).toBe('not_controlled');
  });
  it('a partial composition (98 %) naming neither Dy nor Tb leaves them unknown: the 2 % left may be either, so both are asked', () => {
    const r = magnet({ parameters: { 'fraction.Nd': 0.31, 'fraction.Fe': 0.66, 'fraction.B': 0.01 } });
    expect(r.verdict).toBe('needs_information');
    expect(r.questions.map((q) => q.parameter)).toEqual(['fraction.Dy', 'fraction.Tb']);
  });
  it('compound shares (fraction.SiO2) never complete an element composition', () => {
    const r = magnet({ parameters: { 'fraction.Nd': 0.31, 'fraction.Fe': 0.66, 'fraction.SiO2': 0.03 } });
    expect(r.verdict).toBe('needs_information');
  });
  it('a request stating only that Dy is absent leaves Tb unknown: asked, not answered not listed', () => {
    const r = magnet({ parameters: { 'fraction.Dy': 0 } });
    expect(r.verdict).toBe('needs_information');
    expect(r.questions.map((q) => q.parameter)).toContain('fraction.Tb');
    expect(r.questions.map((q) => q.parameter)).not.toContain('fraction.Dy');
  });
  it('both stated absent: not listed, nothing asked', () => {
    const r = magnet({ parameters: { 'fraction.Dy': 0, 'fraction.Tb': 0 } });
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

// A second fictional regime "SS" shaped like the lists that name items by kind rather than by
// threshold: a Dy/Tb magnet node listed outright, an equipment class listed member by member, an
// alloy by element share and a 0.1 % content rule with a suspension. Dates and thresholds are test data.
function ssPlugin(): PluginDefinition {
  const m = (id: string, from: string, extra: Partial<Measure> = {}) => ({ ...measure(id, from, extra), jurisdiction: 'SS' });
  return definePlugin({
    manifest: { name: '@test/plugin-ss', version: '1.0.0', jurisdiction: 'SS', title: 'Test regime SS', core: '>=0.1.0', dataVerifiedThrough: '2027-12-31' },
    measures: [
      m('ss-items', '2024-01-01'),
      m('ss-equip', '2025-04-04', { effective: { from: '2025-04-04', to: '2026-12-31' } }),
      m('ss-content', '2025-12-01', { suspensions: [{ from: '2026-03-01', to: '2026-03-31', by: 'SS Notice 2' }] }),
    ],
    entries: [
      { id: 'dy-tb-magnets', measure: 'ss-items', title: 'NdFeB magnets containing Dy or Tb', covers: { ids: ['magnets/ndfeb-dy-tb'] }, requirement: 'license_required', licensePolicy: 'case_by_case', reason: 'Dy/Tb magnets need a licence.' },
      { id: 'dy-alloy', measure: 'ss-items', title: 'Dysprosium alloys', covers: { ids: ['dysprosium/alloy'] }, requirement: 'license_required', licensePolicy: 'case_by_case', reason: 'Dy alloys need a licence.' },
      { id: 'sm-alloy', measure: 'ss-items', title: 'Samarium alloys', covers: { ids: ['samarium/alloy'] }, requirement: 'license_required', licensePolicy: 'presumption_of_denial', reason: 'Sm alloys are in principle denied.' },
      {
        id: 'w-alloy', measure: 'ss-items', title: 'Tungsten alloys with 97 % tungsten or more', covers: { ids: ['tungsten/alloy'] },
        conditions: { param: 'fraction.W', op: '>=', value: 0.97 }, requirement: 'license_required', reason: 'Heavy tungsten alloys need a licence.',
      },
      { id: 'press', measure: 'ss-equip', title: 'Presses', covers: { ids: ['equipment/press'] }, requirement: 'license_required', licensePolicy: 'case_by_case', reason: 'Presses need a licence.' },
      { id: 'furnace', measure: 'ss-equip', title: 'Furnaces', covers: { ids: ['equipment/furnace'] }, requirement: 'license_required', licensePolicy: 'case_by_case', reason: 'Furnaces need a licence.' },
      {
        id: 'vacuum-us', measure: 'ss-equip', title: 'Vacuum furnaces to US', covers: { ids: ['equipment/furnace/vacuum'] }, destinations: { include: ['US'] },
        requirement: 'license_required', licensePolicy: 'presumption_of_denial', reason: 'Vacuum furnaces to the US are in principle denied.',
      },
      {
        id: 'content', measure: 'ss-content', title: 'Foreign Dy/Tb magnets with AA-origin Dy oxide', covers: { ids: ['magnets/ndfeb-dy-tb'] }, reach: ['content'],
        content: { origin: 'AA', covers: { ids: ['dysprosium/oxide'] }, minShare: 0.001 }, requirement: 'license_required', reason: 'AA-origin Dy oxide at 0.1 % of value or more.',
      },
    ],
    reach: (ctx) => {
      if (ctx.request.from === 'AA') return { bases: ['territory'], description: 'export from SS' };
      const c = ctx.contentShare('AA');
      // AA content of a share not given reaches too: the content rule then asks the share.
      return c.share > 0 || (!c.known && ctx.request.item.content !== undefined) ? { bases: ['content'], description: 'foreign item with AA content' } : { bases: [], description: 'not an export from SS' };
    },
  });
}

const ss = createEngine({ taxonomy, plugins: [ssPlugin()] });
const ssAsk = (item: object, date: string, extra: object = {}) => ss.assess({ item, from: 'AA', to: 'IN', date, ...extra });
const only = (r: AssessmentResponse) => r.jurisdictions[0]!;

describe('a group whose listed members share one answer gets it (#12.2)', () => {
  const group = (date: string, to = 'IN') => ssAsk({ id: 'equipment' }, date, { to });
  it('the day before the members are listed: not_controlled, the members shown as not yet in force', () => {
    const r = group('2025-04-03');
    expect(r.verdict).toBe('not_controlled');
    expect(only(r).findings.map((f) => [f.entry?.id, f.status])).toEqual([['press', 'not_yet_in_force'], ['furnace', 'not_yet_in_force']]);
  });
  it('the first and last day: the shared verdict and policy, with every member as a finding and no question', () => {
    for (const date of ['2025-04-04', '2026-12-31']) {
      const r = group(date);
      expect(r.verdict).toBe('license_required');
      expect(only(r).licensePolicy).toBe('case_by_case');
      expect(r.questions).toEqual([]);
      expect(only(r).findings.map((f) => f.entry?.id).sort()).toEqual(['furnace', 'press']);
      expect(only(r).findings[0]!.matchedOn.at(-1)).toBe('every item listed beneath equipment gets license_required (case_by_case) here');
    }
  });
  it('the day after the measure ends: not_controlled again', () => {
    expect(group('2027-01-01').verdict).toBe('not_controlled');
  });
  it('members that differ for this corridor (a stricter policy for one member to US): the question naming the members', () => {
    const r = group('2025-06-01', 'US');
    expect(r.verdict).toBe('needs_information');
    expect(r.questions.map((q) => q.parameter)).toEqual(['item']);
    expect(r.questions[0]!.prompt).toContain('equipment/press');
  });
  it('a member class narrower than the group: the class itself is listed, so it is not a broader request', () => {
    expect(ssAsk({ id: 'equipment/furnace' }, '2025-06-01').verdict).toBe('license_required');
  });
  it('a node that is an item in its own right never takes its children\'s answer (gallium may be an unlisted compound)', () => {
    const r = ask({ id: 'gallium' }, '2025-01-15');
    expect(r.verdict).toBe('needs_information');
  });
});

describe('a stated composition decides which item it is (#12.3)', () => {
  it('NdFeB with a Dy share is the Dy/Tb magnet: listed, and the answer says the composition decided', () => {
    const r = ssAsk({ id: 'magnets/ndfeb', parameters: { 'fraction.Dy': 0.03 } }, '2025-01-15');
    expect(r.verdict).toBe('license_required');
    expect(r.item.resolved).toEqual(['magnets/ndfeb-dy-tb']);
    expect(r.item.matchedBy).toContain('composition (fraction.Dy > 0 or fraction.Tb > 0) makes it magnets/ndfeb-dy-tb');
    expect(r.questions).toEqual([]);
  });
  it('NdFeB with Tb content named in content[] is the Dy/Tb magnet too', () => {
    const r = ssAsk({ id: 'magnets/ndfeb', content: [{ item: { id: 'dysprosium/oxide' }, origin: 'AA', valueShare: 0.04 }] }, '2025-01-15');
    expect(r.verdict).toBe('license_required');
  });
  it('NdFeB whose composition has neither Dy nor Tb is not listed: no finding of the Dy/Tb entry and nothing asked', () => {
    const r = ssAsk({ id: 'magnets/ndfeb', parameters: { 'fraction.Nd': 0.31, 'fraction.Fe': 0.66, 'fraction.B': 0.01, 'fraction.Pr': 0.02, 'fraction.Dy': 0 } }, '2025-01-15');
    expect(r.verdict).toBe('not_controlled');
    expect(only(r).findings).toEqual([]);
    expect(r.questions).toEqual([]);
  });
  it('a group with a composition: the members the composition makes it share one answer, so the group gets it', () => {
    const withDy = ssAsk({ id: 'magnets', parameters: { 'fraction.Dy': 0.03 } }, '2025-01-15');
    expect(withDy.verdict).toBe('license_required');
    expect(withDy.questions).toEqual([]);
    const without = ssAsk({ id: 'magnets', parameters: { 'fraction.Nd': 0.31, 'fraction.Fe': 0.69, 'fraction.Dy': 0 } }, '2025-01-15');
    expect(without.verdict).toBe('not_controlled');
    expect(without.questions).toEqual([]);
    // Nd 31 % and no Dy, the rest unsaid: terbium may be in the 69 % left, so it is asked, never assumed absent.
    const partial = ssAsk({ id: 'magnets', parameters: { 'fraction.Nd': 0.31, 'fraction.Dy': 0 } }, '2025-01-15');
    expect(partial.verdict).toBe('needs_information');
    expect(partial.questions.map((q) => q.parameter)).toEqual(['fraction.Tb']);
  });
  it('a class of forms by its element shares: a rare-earth alloy with Dy is a Dy alloy', () => {
    const r = ssAsk({ id: 'rare-earths/alloy', parameters: { 'fraction.Dy': 0.2, 'fraction.Fe': 0.8 } }, '2025-01-15');
    expect(r.item.resolved).toEqual(['dysprosium/alloy']);
    expect(r.verdict).toBe('license_required');
    expect(only(r).licensePolicy).toBe('case_by_case');
  });
  it('an alloy of Sm and Dy is both: the stricter policy, and nothing asked', () => {
    const r = ssAsk({ id: 'rare-earths/alloy', parameters: { 'fraction.Dy': 0.1, 'fraction.Sm': 0.3, 'fraction.Co': 0.6 } }, '2025-01-15');
    expect(r.item.resolved).toEqual(['rare-earths/alloy']);
    expect(r.verdict).toBe('license_required');
    expect(only(r).licensePolicy).toBe('presumption_of_denial');
    expect(r.questions).toEqual([]);
    expect(only(r).findings.map((f) => f.entry?.id).sort()).toEqual(['dy-alloy', 'sm-alloy']);
  });
  it('a rare-earth alloy with neither: not listed, no finding, nothing asked; without a composition, the question', () => {
    const none = ssAsk({ id: 'rare-earths/alloy', parameters: { 'fraction.Nd': 0.3, 'fraction.Fe': 0.7 } }, '2025-01-15');
    expect(none.verdict).toBe('not_controlled');
    expect(only(none).findings).toEqual([]);
    expect(none.questions).toEqual([]);
    expect(ssAsk({ id: 'rare-earths/alloy' }, '2025-01-15').questions.map((q) => q.parameter)).toEqual(['item']);
  });
  it('a definition is read from the class of forms, never from the element: dysprosium with a Dy share may still be its alloy, so the question stays', () => {
    const r = ssAsk({ id: 'dysprosium', parameters: { 'fraction.Dy': 0.7, 'fraction.O': 0.3 } }, '2025-01-15');
    expect(r.item.resolved).toEqual(['dysprosium']);
    expect(r.verdict).toBe('needs_information');
    expect(r.questions.map((q) => q.parameter)).toEqual(['item']);
  });
  it('NdFeB with no composition: the question names the Dy/Tb magnet beneath it', () => {
    const r = ssAsk({ id: 'magnets/ndfeb' }, '2025-01-15');
    expect(r.verdict).toBe('needs_information');
    expect(r.questions[0]!.prompt).toContain('magnets/ndfeb-dy-tb');
  });
  it('an alloy by element share: at the threshold listed, below it not, unknown share asked, absent element not listed', () => {
    const alloy = (extra: object) => ssAsk({ id: 'tungsten/alloy', ...extra }, '2025-01-15');
    expect(alloy({ parameters: { 'fraction.W': 0.97 } }).verdict).toBe('license_required');
    expect(alloy({ parameters: { 'fraction.W': 0.9699 } }).verdict).toBe('not_controlled');
    expect(alloy({}).questions.map((q) => q.parameter)).toEqual(['fraction.W']);
    // content names tungsten but not its share by weight: still a question, for the share, never for an identifier
    const named = alloy({ content: [{ item: { id: 'tungsten' }, origin: 'AA', valueShare: 0.9 }] });
    expect(named.questions.map((q) => q.parameter)).toEqual(['fraction.W']);
  });
});

describe('a content share decides a content rule (#12.3, a 0.1 % value-share rule with a suspension)', () => {
  const foreign = (content: object[] | undefined, date = '2025-12-01') =>
    ss.assess({ item: { id: 'magnets/ndfeb-dy-tb', origin: 'BB', ...(content ? { content } : {}) }, from: 'BB', to: 'US', date });
  const dyOxide = (valueShare: number) => ({ item: { id: 'dysprosium/oxide' }, origin: 'AA', valueShare });
  it('the day before the rule: not_controlled, the rule shown as not yet in force', () => {
    const r = foreign([dyOxide(0.01)], '2025-11-30');
    expect(r.verdict).toBe('not_controlled');
    expect(only(r).findings.map((f) => f.status)).toEqual(['not_yet_in_force']);
  });
  it('its first day: exactly 0.1 % meets the threshold; just below does not and asks nothing', () => {
    expect(foreign([dyOxide(0.001)]).verdict).toBe('license_required');
    const below = foreign([dyOxide(0.0009), { item: { id: 'widgets' }, origin: 'AA', valueShare: 0.5 }]);
    expect(below.verdict).toBe('not_controlled');
    expect(below.questions).toEqual([]);
  });
  it('a part that may hold the listed input (an AA-made Dy/Tb magnet inside) is a question for the share, unless its whole value is below the threshold', () => {
    const magnet = (valueShare: number) => ({ item: { id: 'magnets/ndfeb-dy-tb' }, origin: 'AA', valueShare });
    const open = foreign([magnet(0.3)]);
    expect(open.verdict).toBe('needs_information');
    expect(open.questions.map((q) => q.parameter)).toEqual(['content']);
    expect(foreign([magnet(0.0005)]).verdict).toBe('not_controlled');
  });
  it('a part nothing identifies follows the one composition rule: a partial make-up may hold dysprosium (asked), a complete one without it does not', () => {
    const part = (parameters: Record<string, number>) => ({ item: { name: 'sintered part', parameters }, origin: 'AA', valueShare: 0.3 });
    const partial = foreign([part({ 'fraction.Fe': 0.6 })]);
    expect(partial.verdict).toBe('needs_information');
    expect(partial.questions.map((q) => q.parameter)).toEqual(['content']);
    const complete = foreign([part({ 'fraction.Fe': 0.6, 'fraction.Ni': 0.4 })]);
    expect(complete.verdict).toBe('not_controlled');
    expect(complete.questions).toEqual([]);
  });
  it('a part whose share is not given is asked for its share, never counted as 0 or as the whole (tech-reach review X61)', () => {
    const unknown = foreign([{ item: { id: 'dysprosium/oxide' }, origin: 'AA' }]);
    expect(unknown.verdict).toBe('needs_information');
    expect(unknown.questions.map((q) => q.parameter)).toEqual(['content']);
    // A part that may hold the input, of unknown share, may reach the threshold: asked too.
    expect(foreign([{ item: { id: 'magnets/ndfeb-dy-tb' }, origin: 'AA' }]).questions.map((q) => q.parameter)).toEqual(['content']);
    // The shares given already meet the threshold: a part of unknown share cannot lower them, so nothing is asked.
    const met = foreign([dyOxide(0.01), { item: { id: 'dysprosium/oxide' }, origin: 'AA' }]);
    expect(met.verdict).toBe('license_required');
    expect(met.questions).toEqual([]);
  });
  it('a part that only names the element (dysprosium, form unknown) may be the listed oxide: a question', () => {
    expect(foreign([{ item: { id: 'dysprosium' }, origin: 'AA', valueShare: 0.05 }]).verdict).toBe('needs_information');
  });
  it('suspended from its first to its last day (warned that day), applies again the day after', () => {
    expect(foreign([dyOxide(0.01)], '2026-02-28').verdict).toBe('license_required');
    expect(foreign([dyOxide(0.01)], '2026-03-01').verdict).toBe('not_controlled');
    const last = foreign([dyOxide(0.01)], '2026-03-31');
    expect(last.verdict).toBe('not_controlled');
    expect(last.warnings.map((w) => w.code)).toEqual(['suspension_last_day']);
    expect(foreign([dyOxide(0.01)], '2026-04-01').verdict).toBe('license_required');
  });
});
