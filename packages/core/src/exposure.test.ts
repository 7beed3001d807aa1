import { describe, expect, it } from 'vitest';
import { createEngine } from './engine.js';
import { ValidationError } from './errors.js';
import { aaPlugin, bbPlugin } from './test-support/fixture-plugins.js';
import { fixtureTaxonomy } from './test-support/fixture-taxonomy.js';

const engine = createEngine({ taxonomy: fixtureTaxonomy(), plugins: [aaPlugin(), bbPlugin()] });
const plan = { name: 'Magnet plant', site: 'US', date: '2025-06-01', chain: 'magnet-line', from: 'AA' };

describe('exposure', () => {
  it('expands the chain into inputs, personnel as a technology transfer', () => {
    const r = engine.exposure(plan);
    expect(r.inputs.map((i) => [i.item.id, i.item.stage, i.transfer, i.from])).toEqual([
      ['tech/rare-earths/separation', 'separation', 'technology', 'AA'],
      ['dysprosium/oxide', 'magnet-making', 'goods', 'AA'],
      ['gallium/metal', 'magnet-making', 'goods', 'AA'],
      ['widgets', 'magnet-making', 'goods', 'AA'],
    ]);
    expect(r).toMatchObject({ plan: 'Magnet plant', site: 'US', date: '2025-06-01', chain: 'magnet-line' });
  });
  it('moves only the stages named', () => {
    expect(engine.exposure({ ...plan, stages: ['separation'] }).inputs.map((i) => i.item.id)).toEqual(['tech/rare-earths/separation']);
  });
  it('ranks chokepoints most severe first, then by the source country share', () => {
    const r = engine.exposure({ ...plan, endUse: 'civil' });
    expect(r.chokepoints.map((c) => [c.item.id, c.verdict, c.share])).toEqual([
      ['tech/rare-earths/separation', 'prohibited', undefined],
      ['gallium/metal', 'license_required', 0.98],
      ['dysprosium/oxide', 'license_required', 0.88],
    ]);
    expect(r.chokepoints[0]!.why).toContain('rare-earth separation technology is prohibited');
    expect(r.inputs.find((i) => i.item.id === 'widgets')!.verdict).toBe('no_license_required');
  });
  it('finds alternative producers at the input\'s own stage, with the verdict from each', () => {
    // An oxide is made by separation: a country that only mines rare earths does not make it.
    const dy = engine.exposure(plan).inputs.find((i) => i.item.id === 'dysprosium/oxide')!;
    // The latest separation figure (2024), not the older, higher one of 2023.
    expect(dy.share).toMatchObject({ share: 0.88, stage: 'separation', year: 2024 });
    expect(dy.alternatives).toEqual([{ country: 'BB', share: 0.05, year: 2024, verdict: 'not_controlled', stage: 'separation' }]);
    // Ore comes from mines: the mining figures, the site itself marked as domestic sourcing.
    const ore = engine.exposure({ site: 'US', date: '2025-06-01', inputs: [{ item: { id: 'rare-earths/ore' }, from: 'AA' }] }).inputs[0]!;
    expect(ore.share).toMatchObject({ share: 0.7, stage: 'mining' });
    expect(ore.alternatives.map((a) => [a.country, a.stage, a.atSite])).toEqual([['US', 'mining', true], ['BB', 'mining', undefined]]);
  });
  it('says when an input has no supply figure at its own stage, and which stage its shares and alternatives are of', () => {
    const r = engine.exposure({ site: 'US', date: '2025-06-01', inputs: [{ item: { id: 'tungsten/alloy' }, from: 'AA' }] });
    expect(r.inputs[0]!.share).toMatchObject({ share: 0.5, stage: 'mining' });
    expect(r.inputs[0]!.alternatives.map((a) => [a.country, a.stage])).toEqual([['BB', 'mining']]);
    expect(r.warnings.find((w) => w.code === 'supply_stage_substituted')?.message).toContain('tungsten/alloy: no figure at its own stage; the shares and alternatives are of mining');
    // An input with figures at its own stage carries no such warning.
    expect(engine.exposure({ site: 'US', date: '2025-06-01', inputs: [{ item: { id: 'dysprosium/oxide' }, from: 'AA' }] }).warnings.map((w) => w.code)).not.toContain('supply_stage_substituted');
  });
  it('says when the figures held for the source country\'s share disagree widely, with their range', () => {
    const r = engine.exposure({ site: 'US', date: '2025-06-01', inputs: [{ item: { id: 'gallium/metal' }, from: 'AA' }] });
    expect(r.inputs[0]!.share).toMatchObject({ share: 0.98, year: 2024 });
    expect(r.warnings.find((w) => w.code === 'supply_figures_disagree')?.message).toContain('gallium/metal from AA: 80–98 % across 2 figures (98 % shown, refining 2024)');
    // Two separation figures 2 points apart are not called a disagreement.
    expect(engine.exposure({ site: 'US', date: '2025-06-01', inputs: [{ item: { id: 'dysprosium/oxide' }, from: 'AA' }] }).warnings.map((w) => w.code)).not.toContain('supply_figures_disagree');
  });
  it('marks a source or an alternative under sanctions on buying from it, from the day they apply, and says the verdict does not weigh them', () => {
    const sanction = { country: 'BB', from: '2025-01-01', imposedBy: ['UN'], note: 'Buying from BB is banned.', sources: [{ url: 'https://example.org/bb', publisher: 'UN', date: '2025-01-01' }], confidence: 'high' as const };
    const taxonomy = fixtureTaxonomy();
    const sanctioning = createEngine({ taxonomy: { ...taxonomy, sourcingSanctions: (c, d) => (c === sanction.country && sanction.from <= d ? [sanction] : []) }, plugins: [aaPlugin(), bbPlugin()] });
    const r = sanctioning.exposure(plan);
    const dy = r.inputs.find((i) => i.item.id === 'dysprosium/oxide')!;
    expect(dy.alternatives).toEqual([{ country: 'BB', share: 0.05, year: 2024, verdict: 'not_controlled', stage: 'separation', sanctions: { imposedBy: ['UN'], note: 'Buying from BB is banned.' } }]);
    expect(r.warnings.find((w) => w.code === 'alternative_sanctioned')!.message).toMatch(/^BB is offered as an alternative source of .*dysprosium\/oxide.*, but buying from BB is banned\. Its verdicts weigh export controls only\.$/);
    expect(r.warnings.map((w) => w.code)).not.toContain('source_sanctioned');
    // The day before the ban, nothing is said.
    const before = sanctioning.exposure({ ...plan, date: '2024-12-31' });
    expect(before.inputs.find((i) => i.item.id === 'dysprosium/oxide')!.alternatives[0]!.sanctions).toBeUndefined();
    expect(before.warnings.map((w) => w.code)).not.toContain('alternative_sanctioned');
    // A plan that sources from BB is told so for each input it takes from there.
    const fromBb = sanctioning.exposure({ site: 'US', date: '2025-06-01', inputs: [{ item: { id: 'gallium/metal' }, from: 'BB' }] });
    expect(fromBb.warnings.find((w) => w.code === 'source_sanctioned')!.message).toBe('gallium/metal from BB: Buying from BB is banned. The verdicts weigh export controls only; these sanctions were not checked against the item.');
    // A taxonomy without such facts flags nothing.
    expect(engine.exposure(plan).inputs.flatMap((i) => i.alternatives).some((a) => a.sanctions)).toBe(false);
  });
  it('takes a chain input source from the supply facts when the plan gives none, and says it assumed it', () => {
    const r = engine.exposure({ site: 'US', date: '2025-06-01', chain: 'magnet-line', stages: ['magnet-making'] });
    const ga = r.inputs.find((i) => i.item.id === 'gallium/metal')!;
    expect([ga.from, ga.sourceAssumed]).toEqual(['AA', true]);
    expect(r.warnings.find((w) => w.code === 'input_source_assumed')!.message).toContain('gallium/metal from AA (98 % of refining, 2024)');
    expect(engine.exposure(plan).inputs.every((i) => i.sourceAssumed === undefined)).toBe(true);
  });
  it('asks where an input comes from when nothing says, instead of guessing, and does not assess it', () => {
    const r = engine.exposure({ site: 'US', date: '2025-06-01', chain: 'magnet-line', stages: ['magnet-making'] });
    expect(r.inputs.map((i) => i.item.id)).not.toContain('widgets');
    expect(r.warnings.map((w) => w.code)).toContain('input_source_unknown');
    expect(r.questions).toEqual([{ parameter: 'from', prompt: expect.stringContaining('Where does widgets (stage magnet-making) come from?') }]);
    // Listed apart too, so that a picture of the plan can show the input it could not assess.
    expect(r.notAssessed).toEqual([{ item: { id: 'widgets', name: 'Plain widgets' }, stage: 'magnet-making', transfer: 'goods' }]);
    expect(engine.exposure(plan).questions).toEqual([]);
    expect(engine.exposure(plan).notAssessed).toEqual([]);
  });
  it('says which general authorisation covers an input that needs a licence', () => {
    const r = engine.exposure({ site: 'FR', date: '2025-01-15', inputs: [{ item: { id: 'gallium/metal' }, from: 'AA' }] });
    const c = r.chokepoints[0]!;
    expect(c.verdict).toBe('authorization_available');
    expect(c.rules).toEqual([expect.objectContaining({ jurisdiction: 'AA', requirement: 'license_required', authorizations: [{ id: 'AA-GEN1', title: 'General licence for gallium to friends' }] })]);
    expect(c.why).toMatch(/^AA: .+ Covered by AA-GEN1 \(General licence for gallium to friends\) if its conditions are met\.$/);
  });
  it('names every rule that stops an input, and the authorisation that covers it', () => {
    const r = engine.exposure({ ...plan, endUse: 'civil' });
    const sep = r.chokepoints.find((c) => c.item.id === 'tech/rare-earths/separation')!;
    expect(sep.rules.map((x) => [x.jurisdiction, x.requirement])).toEqual([['AA', 'prohibited']]);
    expect(sep.rules[0]!.reason).toBe(sep.why.replace(/^AA: /, ''));
    for (const c of r.chokepoints) {
      const input = r.inputs.find((i) => i.item.id === c.item.id)!;
      const binding = input.jurisdictions.filter((j) => j.reaches && !['not_controlled', 'no_license_required'].includes(j.verdict)).map((j) => j.jurisdiction);
      expect([...new Set(c.rules.map((x) => x.jurisdiction))]).toEqual(binding);
    }
  });
  it('keeps the name and code the plan gave for an input named without a taxonomy ID', () => {
    const r = engine.exposure({ name: 'By hand', site: 'US', date: '2025-06-01', inputs: [{ item: { cnControlCode: '1C902.a', name: 'metal from the catalogue' }, from: 'AA' }, { item: { id: 'gallium/metal' }, from: 'AA' }] });
    expect(r.inputs.map((i) => i.item)).toEqual([
      expect.objectContaining({ name: 'metal from the catalogue', code: 'CN 1C902.a' }),
      expect.not.objectContaining({ code: expect.anything() }),
    ]);
  });
  it('moves a technology named by hand without a transfer as technology, as the chain does', () => {
    const r = engine.exposure({ site: 'US', date: '2025-06-01', inputs: [{ item: { id: 'tech/rare-earths/separation' }, from: 'AA' }] });
    expect(r.inputs.map((i) => [i.transfer, i.verdict])).toEqual([['technology', 'prohibited']]);
    const goods = engine.exposure({ site: 'US', date: '2025-06-01', inputs: [{ item: { id: 'dysprosium/oxide' }, from: 'AA' }] });
    expect(goods.inputs[0]!.transfer).toBe('goods');
  });
  it('says when it assumed a civil end use because the plan names none', () => {
    expect(engine.exposure(plan).warnings.map((w) => w.code)).toContain('end_use_assumed');
    expect(engine.exposure({ ...plan, endUse: 'civil' }).warnings.map((w) => w.code)).not.toContain('end_use_assumed');
  });
  it('lets a hand-named input replace the same chain input', () => {
    const r = engine.exposure({ ...plan, inputs: [{ item: { id: 'gallium/metal' }, from: 'BB' }] });
    expect(r.inputs.filter((i) => i.item.id === 'gallium/metal').map((i) => [i.from, i.via, i.verdict])).toEqual([['BB', 'plan', 'prohibited']]);
  });
  it('builds the timeline of dated changes around the date for the inputs touched', () => {
    const r = engine.exposure({ ...plan, date: '2025-06-01' });
    expect(r.timeline.map((t) => [t.date, t.measure, t.event])).toEqual([
      ['2023-08-01', 'aa-2023-ga', 'published'],
      ['2023-08-01', 'aa-2023-ga', 'in_force'],
      ['2023-12-21', 'aa-2023-tech', 'published'],
      ['2023-12-21', 'aa-2023-tech', 'in_force'],
      ['2024-12-01', 'aa-2023-ga', 'repealed'],
      ['2024-12-01', 'aa-2024-list', 'published'],
      ['2024-12-01', 'aa-2024-list', 'in_force'],
      ['2024-12-03', 'aa-2024-us', 'published'],
      ['2024-12-03', 'aa-2024-us', 'in_force'],
      ['2025-04-04', 'aa-2025-dy', 'published'],
      ['2025-04-04', 'aa-2025-dy', 'in_force'],
      ['2025-11-09', 'aa-2024-us', 'suspended'],
      ['2026-11-28', 'aa-2024-us', 'resumed'],
    ]);
    expect(r.timeline.find((t) => t.measure === 'aa-2025-dy')!.inputs).toEqual(['dysprosium/oxide']);
  });
  it('puts on the timeline a measure that covers an input without a finding on the date (a threshold still asked)', () => {
    // Without its parameters artificial graphite is asked about, not found: the measure that lists it is still a
    // dated change touching the input.
    const r = engine.exposure({ site: 'DE', date: '2024-06-01', inputs: [{ item: { id: 'graphite/artificial' }, from: 'AA' }] });
    expect(r.inputs[0]!.verdict).toBe('needs_information');
    expect(r.timeline.filter((t) => t.measure === 'aa-2023-graphite').map((t) => [t.date, t.event, t.inputs])).toEqual([
      ['2023-12-01', 'published', ['graphite/artificial']],
      ['2023-12-01', 'in_force', ['graphite/artificial']],
    ]);
  });
  it('leaves off the timeline a measure for another destination, and lists each dated event once', () => {
    // aa-2024-us covers gallium to the US only: an Indian site never meets it.
    const india = engine.exposure({ site: 'IN', date: '2025-06-01', endUse: 'civil', inputs: [{ item: { id: 'gallium/metal' }, from: 'AA' }] });
    expect(india.timeline.map((t) => t.measure)).not.toContain('aa-2024-us');
    expect(india.timeline.map((t) => t.measure)).toContain('aa-2024-list');
    const us = engine.exposure({ site: 'US', date: '2025-06-01', endUse: 'civil', inputs: [{ item: { id: 'gallium/metal' }, from: 'AA' }] });
    expect(us.timeline.map((t) => t.measure)).toContain('aa-2024-us');
    const keys = us.timeline.map((t) => `${t.date}|${t.event}|${t.measure}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('shows a rule that changed what a measure lists only to the inputs under the codes it changed', () => {
    const change = { date: '2025-02-01', measure: 'aa-2024-list', scope: 'code 1C001 rewritten', reference: 'AA Rule 7', url: 'https://example.org/aa-rule-7', codes: ['1C001'] };
    const scoped = createEngine({ taxonomy: fixtureTaxonomy(), plugins: [{ ...aaPlugin(), scopeChanges: [change] }, bbPlugin()] });
    expect(scoped.changes({ from: '2025-01-01', to: '2025-12-31', jurisdiction: 'AA' }).find((c) => c.reference === 'AA Rule 7')).toEqual({
      date: '2025-02-01', jurisdiction: 'AA', measure: 'aa-2024-list', event: 'in_force', title: expect.any(String), reference: 'AA Rule 7', scope: 'code 1C001 rewritten', codes: ['1C001'], url: 'https://example.org/aa-rule-7',
    });
    // Gallium's finding is entry 1C001.a, which the rule's 1C001 covers; dysprosium oxide's is 1C905.b, which it does not.
    const r = scoped.exposure({ site: 'US', date: '2025-06-01', endUse: 'civil', inputs: [{ item: { id: 'gallium/metal' }, from: 'AA' }, { item: { id: 'dysprosium/oxide' }, from: 'AA' }] });
    expect(r.timeline.filter((t) => t.reference === 'AA Rule 7')).toEqual([
      { date: '2025-02-01', event: 'in_force', jurisdiction: 'AA', measure: 'aa-2024-list', title: expect.any(String), reference: 'AA Rule 7', scope: 'code 1C001 rewritten', url: 'https://example.org/aa-rule-7', inputs: ['gallium/metal'] },
    ]);
    // The measure's own events still show to every input it touches.
    expect(r.timeline.find((t) => t.measure === 'aa-2024-list' && t.event === 'in_force' && t.reference !== 'AA Rule 7')!.inputs).toEqual(['gallium/metal']);
    // An input named only by a code the rule covers is matched by that code.
    const byCode = scoped.exposure({ site: 'US', date: '2025-06-01', endUse: 'civil', inputs: [{ item: { cnControlCode: '1C001.a' }, from: 'AA' }] });
    expect(byCode.timeline.find((t) => t.reference === 'AA Rule 7')!.inputs).toHaveLength(1);
    // A plugin refuses a change to a measure it does not have.
    expect(() => createEngine({ taxonomy: fixtureTaxonomy(), plugins: [{ ...aaPlugin(), scopeChanges: [{ ...change, measure: 'nope' }] }] })).toThrow(/scopeChanges\[0\]\.measure: "nope" is not a measure of this plugin/);
    // Nor one whose link is not a web address.
    expect(() => createEngine({ taxonomy: fixtureTaxonomy(), plugins: [{ ...aaPlugin(), scopeChanges: [{ ...change, url: 'AA Rule 7' }] }] })).toThrow(/scopeChanges\[0\]\.url: expected an http\(s\) URL/);
  });
  it('puts on the timeline the day a part of a measure applied, as its finding dates it', () => {
    // A plugin hook finds a listing with a first day of its own (as the EU's Russia annexes list a customs code from the act that added it).
    const bb = bbPlugin();
    const codes: Record<string, string> = { widgets: 'CN 9999 01', 'gallium/metal': 'CN 9999 02' };
    const dated = createEngine({ taxonomy: fixtureTaxonomy(), plugins: [aaPlugin(), { ...bb, evaluate: (ctx) => {
      const code = codes[ctx.request.item.id ?? ''];
      return code ? { findings: [ctx.finding({ measure: 'bb-1', entry: { id: `bb-${code}`, code }, requirement: 'prohibited', reason: 'Listed from 2025-03-01.', matchedOn: [code], part: { effective: { from: '2025-03-01', to: null } } })] } : undefined;
    } }] });
    const r = dated.exposure({ site: 'RU', date: '2025-06-01', endUse: 'civil', inputs: [{ item: { id: 'widgets' }, from: 'BB' }] });
    expect(r.timeline.filter((t) => t.measure === 'bb-1').map((t) => [t.date, t.event, t.scope, t.inputs])).toEqual([['2025-03-01', 'in_force', 'CN 9999 01', ['widgets']]]);
    // Two parts that start on one day share a line that names both.
    const both = dated.exposure({ site: 'RU', date: '2025-06-01', endUse: 'civil', inputs: [{ item: { id: 'widgets' }, from: 'BB' }, { item: { id: 'gallium/metal' }, from: 'BB' }] });
    expect(both.timeline.filter((t) => t.measure === 'bb-1').map((t) => [t.date, t.event, t.scope, t.inputs])).toEqual([['2025-03-01', 'in_force', 'CN 9999 01, CN 9999 02', ['widgets', 'gallium/metal']]]);
  });
  it('does not date a part from a day its whole measure was suspended', () => {
    // aa-2025-reexport's content rule starts 2025-12-01, inside the measure's suspension (2025-11-07 to 2026-11-10): it
    // came into force on 2026-11-11 with the rest, which the measure's own events say; 2025-12-01 is no event.
    const r = engine.exposure({ site: 'US', date: '2026-06-01', endUse: 'civil', inputs: [{ item: { id: 'magnets/ndfeb-dy-tb', origin: 'DE', content: [{ item: { id: 'dysprosium/oxide' }, origin: 'AA', valueShare: 0.01 }] }, from: 'DE' }] });
    const reexport = r.timeline.filter((t) => t.measure === 'aa-2025-reexport').map((t) => [t.date, t.event]);
    expect(reexport).toContainEqual(['2026-11-11', 'in_force']);
    expect(reexport.map(([d]) => d)).not.toContain('2025-12-01');
  });
  it('gathers advisories on the corridor', () => {
    const r = engine.exposure({ site: 'IN', date: '2025-06-01', from: 'AA', inputs: [{ item: { id: 'magnets/ndfeb-dy-tb' } }] });
    expect(r.advisories.map((a) => a.id)).toEqual(['aa-in-holds']);
  });
  const errorsOf = (p: unknown) => {
    try {
      engine.exposure(p);
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).errors.map((x) => [x.path, x.message]);
    }
    throw new Error('expected a ValidationError');
  };
  it('names the bad field: unknown chain, stage, country or item', () => {
    expect(errorsOf({ site: 'US', chain: 'nope' })).toEqual([['chain', 'unknown value chain "nope"; known: magnet-line']]);
    expect(errorsOf({ site: 'US', chain: 'magnet-line', stages: ['separation', 'polishing'] })[0]).toEqual(['stages[1]', '"polishing" is not a stage of magnet-line; stages: separation, magnet-making']);
    expect(errorsOf({ site: 'ZZ', chain: 'magnet-line' })[0]![0]).toBe('site');
    expect(errorsOf({ site: 'USA', chain: 'magnet-line' })[0]).toEqual(['site', 'expected an ISO 3166-1 alpha-2 country code such as "CN", got "USA" (did you mean "US"?)']);
    expect(errorsOf({ site: 'US', inputs: [{ item: { id: 'unobtainium' }, from: 'AA' }] })[0]).toEqual(['inputs[0].item.id', 'unknown taxonomy ID "unobtainium"']);
    expect(errorsOf({ site: 'US', inputs: [{ item: { id: 'widgets' } }] })[0]![0]).toBe('inputs[0].from');
    expect(errorsOf({ site: 'US' })[0]![0]).toBe('chain');
    expect(errorsOf({ site: 'US', chain: 'magnet-line', date: '2025-13-01' })[0]![0]).toBe('date');
    expect(errorsOf({ site: 'US', chain: 'magnet-line', sight: 'x' })[0]![0]).toBe('sight');
    expect(errorsOf([])).toEqual([['', 'expected a JSON object with site and a chain or inputs']]);
  });
  it('names a bad input item field through the plan path', () => {
    expect(errorsOf({ site: 'US', inputs: [{ item: { hs: 'abc' }, from: 'AA' }] })[0]![0]).toBe('inputs[0].item.hs');
  });
});
