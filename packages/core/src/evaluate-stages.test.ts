import { describe, expect, it } from 'vitest';
import { CompiledPlugin } from './compiled-plugin.js';
import { appendWarnings, authorisationsStage, candidatesStage, contextWithRequest, dedupeWarnings, conditionsStage, evaluatePlugin, matchEntry, matchStage, PluginRun, reachesStage, reachStage, statusStage, verdictStage } from './evaluate.js';
import { definePlugin, type EvaluationContext } from './plugin.js';
import { normalizeRequest, requestWithParameters } from './request.js';
import { resolveItem } from './resolve.js';
import { fixtureTaxonomy } from './test-support/fixture-taxonomy.js';
import type { ControlEntry, ItemRef, Measure, Warning } from './types.js';
import { createEngine } from './engine.js';

// Each stage of evaluatePlugin on its own, on a fictional regime "SS" whose dates and rules are test
// data, not law: a list in force from 2024-01-01, a measure from 2025-04-04, one suspended from
// 2025-11-10 until 2026-11-10; exports from AA reach it.
const src = [{ url: 'https://example.org/ss', publisher: 'SS Ministry', date: '2024-01-01' }];
const measure = (id: string, from: string, extra: Partial<Measure> = {}): Measure => ({
  id, jurisdiction: 'SS', title: `Measure ${id}`, reference: `SS Notice ${id}`, authority: 'SS Ministry', published: from,
  effective: { from, to: null }, summary: 'Test measure.', url: `https://example.org/${id}`, sources: src, confidence: 'high', ...extra,
});

const ss = definePlugin({
  manifest: { name: '@test/plugin-ss', version: '1.0.0', jurisdiction: 'SS', title: 'Test regime SS', core: '>=0.1.0', dataVerifiedThrough: '2026-06-30', controlCodeField: 'cnControlCode' },
  measures: [
    measure('ss-list', '2024-01-01'),
    measure('ss-later', '2025-04-04'),
    measure('ss-susp', '2024-01-01', { suspensions: [{ from: '2025-11-10', to: '2026-11-10', by: 'SS Notice 9' }] }),
  ],
  entries: [
    { id: 'ga', measure: 'ss-list', code: '1A001', title: 'Gallium metal', covers: { ids: ['gallium/metal'], controlCodes: ['1A001'] }, requirement: 'license_required', licensePolicy: 'case_by_case', reason: 'Gallium metal needs a licence.' },
    { id: 'graphite', measure: 'ss-list', title: 'Pure artificial graphite', covers: { ids: ['graphite/artificial'] }, conditions: { param: 'purity', op: '>', value: 0.999 }, prompts: { purity: 'How pure is it (0–1)?' }, requirement: 'license_required', reason: 'Pure graphite needs a licence.' },
    { id: 'dy', measure: 'ss-later', title: 'Dysprosium oxide', covers: { ids: ['dysprosium/oxide'] }, requirement: 'license_required', reason: 'Dysprosium oxide needs a licence.' },
    { id: 'ge', measure: 'ss-susp', title: 'Germanium metal', covers: { ids: ['germanium/metal'] }, requirement: 'prohibited', reason: 'Germanium metal may not be exported.' },
    { id: 'sep-tech', measure: 'ss-list', title: 'Separation technology', covers: { ids: ['tech/rare-earths/separation'] }, transfers: ['technology'], requirement: 'prohibited', reason: 'Separation technology may not be exported.' },
    { id: 'dy-magnets', measure: 'ss-list', title: 'Magnets with Dy or Tb', covers: { ids: ['magnets/ndfeb-dy-tb'] }, requirement: 'license_required', reason: 'Dy magnets need a licence.' },
    { id: 'widgets-ru', measure: 'ss-list', title: 'Widgets to RU', covers: { ids: ['widgets'] }, destinations: { include: ['RU'] }, requirement: 'license_required', reason: 'Widgets to RU need a licence.' },
    { id: 'listed-military', measure: 'ss-list', title: 'No listed item for military use', covers: { anyListed: true }, endUses: ['military'], requirement: 'prohibited', reason: 'Listed items may not serve a military use.' },
  ],
  authorizations: [
    { id: 'SS-GEN', title: 'General licence for 1A001 to JP', measure: 'ss-list', covers: { controlCodes: ['1A001'] }, destinations: { include: ['JP'] }, conditions: ['Declare it.'], url: 'https://example.org/gen' },
  ],
  reach: (ctx) => (ctx.request.from === 'AA' ? { bases: ['territory'], description: 'export from SS' } : { bases: [], description: 'not an export from SS' }),
  facts: (ctx) => (ctx.request.item.id === 'graphite/artificial' ? { purity: 0.5, densityGPerCm3: 1.8 } : undefined),
});

const taxonomy = fixtureTaxonomy();
const plugin = new CompiledPlugin(ss);
const resolve = (item: ItemRef) => resolveItem(item, taxonomy);

/** A run of plugin SS on a request from AA to IN on 2025-06-01 unless `raw` says otherwise, before any stage. */
function runOf(raw: object): PluginRun {
  const request = normalizeRequest({ from: 'AA', to: 'IN', date: '2025-06-01', ...raw }, { taxonomy, jurisdictions: new Set(['SS']) });
  return new PluginRun(plugin, { request, resolved: resolve(request.item), taxonomy, resolve });
}

/** A run after the reach stage. */
function reached(raw: object): PluginRun {
  const run = runOf(raw);
  reachStage(run);
  return run;
}

/** A run after every candidate went through match, conditions and status. */
function matched(raw: object): PluginRun {
  const run = reached(raw);
  for (const cand of candidatesStage(run)) matchEntry(run, cand);
  return run;
}

const candidate = (run: PluginRun, id: string) => {
  const found = candidatesStage(run).find((c) => c.entry.id === id);
  if (!found) throw new Error(`no candidate ${id}`);
  return found;
};
const inForce = (run: PluginRun) => run.findings.filter((f) => f.status === 'in_force');

describe('stage 1, reach', () => {
  it('finds the bases the plugin reports and merges its derived facts under the parameters given', () => {
    const run = reached({ item: { id: 'graphite/artificial', parameters: { purity: 0.9995 } } });
    expect(run.reach.bases).toEqual(['territory']);
    expect(run.reachMask).not.toBe(0);
    expect(run.parameters).toEqual({ purity: 0.9995, densityGPerCm3: 1.8 });
  });
  it('finds no basis for an export from elsewhere, and then derives no facts', () => {
    const run = reached({ from: 'IN', to: 'AA', item: { id: 'graphite/artificial' } });
    expect(run.reach.bases).toEqual([]);
    expect(run.reachMask).toBe(0);
    expect(run.parameters).toBeUndefined();
  });
});

describe('stage 2, candidates', () => {
  it('gives nothing when the regime does not reach', () => {
    expect(candidatesStage(reached({ from: 'IN', to: 'AA', item: { id: 'gallium/metal' } }))).toEqual([]);
  });
  it('gives the item entries first, then the rules on every listed item', () => {
    expect(candidatesStage(reached({ item: { id: 'gallium/metal' } })).map((c) => [c.entry.id, c.kind])).toEqual([['ga', 'exact'], ['listed-military', 'exact']]);
  });
  it('finds an entry by the regime\'s own list code', () => {
    expect(candidatesStage(reached({ item: { cnControlCode: '1A001' } })).map((c) => c.entry.id)).toContain('ga');
  });
  it('marks an entry listing something narrower than the item as broader', () => {
    expect(candidatesStage(reached({ item: { id: 'magnets/ndfeb' } })).map((c) => [c.entry.id, c.kind])).toEqual([['dy-magnets', 'broader']]);
  });
});

describe('stage 3, match', () => {
  it('stops an entry for another kind of transfer and notes that kind when the entry is in force', () => {
    const run = reached({ item: { id: 'tech/rare-earths/separation' } });
    expect(matchStage(run, candidate(run, 'sep-tech'))).toBe(false);
    expect([...run.otherTransfers!]).toEqual(['technology']);
  });
  it('notes no other transfer kind for an entry not yet in force', () => {
    const run = reached({ item: { id: 'tech/rare-earths/separation' }, date: '2023-12-31' });
    expect(matchStage(run, candidate(run, 'sep-tech'))).toBe(false);
    expect(run.otherTransfers).toBeUndefined();
  });
  it('passes the entry for the transfer it lists', () => {
    const run = reached({ item: { id: 'tech/rare-earths/separation' }, transfer: 'technology' });
    expect(matchStage(run, candidate(run, 'sep-tech'))).toBe(true);
  });
  it('keeps a broader entry aside instead of passing it', () => {
    const run = reached({ item: { id: 'magnets/ndfeb' } });
    expect(matchStage(run, candidate(run, 'dy-magnets'))).toBe(false);
    expect(run.broader.map((c) => c.entry.id)).toEqual(['dy-magnets']);
  });
  it('passes a rule on every listed item only once an entry has listed the item for sure', () => {
    const run = reached({ item: { id: 'gallium/metal' } });
    const rule = candidate(run, 'listed-military');
    expect(matchStage(run, rule)).toBe(false);
    matchEntry(run, candidate(run, 'ga'));
    expect(run.listedForSure).toBe(true);
    expect(matchStage(run, rule)).toBe(true);
  });
});

describe('stage 4, conditions', () => {
  const graphite = (parameters?: Record<string, number>) => {
    const run = reached({ item: { id: 'widgets', ...(parameters ? { parameters } : {}) } });
    return conditionsStage(run, ss.entries.find((e) => e.id === 'graphite')!);
  };
  it('is met above the threshold and not met below it', () => {
    expect(graphite({ purity: 0.9995 })?.value).toBe(true);
    expect(graphite({ purity: 0.99 })?.value).toBe(false);
  });
  it('is unknown without the parameter, naming it', () => {
    expect(graphite()).toMatchObject({ value: 'unknown', missing: ['purity'] });
  });
  it('reads the facts the plugin derived when the request gives none', () => {
    const run = reached({ item: { id: 'graphite/artificial' } });
    expect(conditionsStage(run, candidate(run, 'graphite').entry)?.value).toBe(false);
  });
  it('is undefined for an entry without thresholds', () => {
    const run = reached({ item: { id: 'gallium/metal' } });
    expect(conditionsStage(run, candidate(run, 'ga').entry)).toBeUndefined();
  });
});

describe('stage 5, status', () => {
  const status = (id: string, date: string) => {
    const run = reached({ item: { id }, date });
    return statusStage(run, candidatesStage(run)[0]!.compiled);
  };
  it('follows the measure\'s dates: not yet in force the day before, in force from its first day', () => {
    expect(status('dysprosium/oxide', '2025-04-03')).toBe('not_yet_in_force');
    expect(status('dysprosium/oxide', '2025-04-04')).toBe('in_force');
  });
  it('is suspended during a suspension, its last day included, and in force again the day after', () => {
    expect(status('germanium/metal', '2025-11-09')).toBe('in_force');
    expect(status('germanium/metal', '2025-11-10')).toBe('suspended');
    expect(status('germanium/metal', '2026-11-10')).toBe('suspended');
    expect(status('germanium/metal', '2026-11-11')).toBe('in_force');
  });
});

describe('statusOf, the status a plugin hook reads', () => {
  const at = (date: string) => runOf({ item: { id: 'gallium/metal' }, date });
  const both = (date: string, measureId: string, part?: Parameters<PluginRun['statusOf']>[1]) => {
    const run = at(date);
    const status = run.statusOf(measureId, part);
    // The same rule a hook's finding gets: one in-force test, not a copy in each plugin.
    expect(run.finding({ measure: measureId, requirement: 'prohibited', reason: 'x', matchedOn: [], ...(part ? { part } : {}) }).status).toBe(status);
    return status;
  };
  it('follows the measure\'s dates: not yet in force the day before its first day, in force on it', () => {
    expect(both('2025-04-03', 'ss-later')).toBe('not_yet_in_force');
    expect(both('2025-04-04', 'ss-later')).toBe('in_force');
  });
  it('reads a suspension "until E" as covering E, in force again the day after', () => {
    expect(both('2026-11-10', 'ss-susp')).toBe('suspended');
    expect(both('2026-11-11', 'ss-susp')).toBe('in_force');
  });
  it('follows a part\'s own dates within its measure: not yet, in force, repealed after its last day', () => {
    const part = { effective: { from: '2025-07-01', to: '2025-12-31' } };
    expect(both('2025-06-30', 'ss-list', part)).toBe('not_yet_in_force');
    expect(both('2025-07-01', 'ss-list', part)).toBe('in_force');
    expect(both('2025-12-31', 'ss-list', part)).toBe('in_force');
    expect(both('2026-01-01', 'ss-list', part)).toBe('repealed');
  });
  it('a part that starts after a suspension began is not yet in force, not suspended', () => {
    expect(both('2025-12-01', 'ss-susp', { effective: { from: '2026-01-01', to: null } })).toBe('not_yet_in_force');
  });
  it('refuses a measure the plugin does not have', () => {
    expect(() => at('2025-06-01').statusOf('ss-nothing')).toThrow(/unknown measure "ss-nothing"/);
  });
  it('reaches a plugin\'s hook: a rule the hook cites is shown with its status and counts only in force', () => {
    // A hook that bans gallium to IN under ss-later and warns only while ss-later is in force.
    const hooked = new CompiledPlugin({
      ...ss,
      evaluate: (ctx) => ({
        findings: [ctx.finding({ measure: 'ss-later', requirement: 'prohibited', reason: 'Banned to IN.', matchedOn: ['to IN'] })],
        warnings: ctx.statusOf('ss-later') === 'in_force' ? [{ code: 'ss_note', message: 'in force' }] : [],
      }),
    });
    const outcome = (date: string) => {
      const request = normalizeRequest({ from: 'AA', to: 'IN', date, item: { id: 'gallium/metal' } }, { taxonomy, jurisdictions: new Set(['SS']) });
      return evaluatePlugin(hooked, { request, resolved: resolve(request.item), taxonomy, resolve });
    };
    const before = outcome('2025-04-03');
    expect(before.assessment.verdict).toBe('license_required');
    expect(before.assessment.findings.map((f) => [f.measure.id, f.status])).toEqual([['ss-list', 'in_force'], ['ss-later', 'not_yet_in_force']]);
    expect(before.warnings.map((w) => w.code)).not.toContain('ss_note');
    const first = outcome('2025-04-04');
    expect(first.assessment.verdict).toBe('prohibited');
    expect(first.warnings.map((w) => w.code)).toContain('ss_note');
  });
});

describe('stages 3–5 together, one candidate', () => {
  it('an entry in force that lists the item gives its finding', () => {
    const run = matched({ item: { id: 'gallium/metal' } });
    expect(run.findings.map((f) => [f.entry?.id, f.requirement, f.status, f.licensePolicy])).toEqual([['ga', 'license_required', 'in_force', 'case_by_case']]);
    expect(run.matchedEntries.map((e) => e.id)).toEqual(['ga', 'listed-military']);
  });
  it('an entry whose threshold is unknown asks for the parameter, with the entry\'s prompt, and finds nothing', () => {
    const run = reached({ item: { id: 'widgets' } });
    matchEntry(run, { ...candidate(reached({ item: { id: 'graphite/artificial' } }), 'graphite'), matchedOn: ['taxonomy widgets'] });
    expect(run.findings).toEqual([]);
    expect(run.questions.map((q) => [q.parameter, q.prompt])).toEqual([['purity', 'How pure is it (0–1)?']]);
  });
  it('an entry not yet in force is shown with its status and asks nothing', () => {
    const run = matched({ item: { id: 'dysprosium/oxide' }, date: '2025-04-03' });
    expect(run.findings.map((f) => [f.entry?.id, f.status])).toEqual([['dy', 'not_yet_in_force']]);
    expect(run.questions).toEqual([]);
    expect(run.listedInForce).toBe(false);
  });
  it('an entry for another destination lists the item but finds nothing for this one', () => {
    const run = matched({ item: { id: 'widgets' } });
    expect(run.findings).toEqual([]);
    expect(run.listedInForce).toBe(true);
  });
});

describe('stage 6, verdict', () => {
  it('is not_controlled when the regime does not reach', () => {
    const run = matched({ item: { id: 'gallium/metal' } });
    expect(verdictStage(run, inForce(run), false, undefined)).toBe('not_controlled');
  });
  it('is the strictest finding in force', () => {
    const run = matched({ item: { id: 'gallium/metal' }, endUse: 'military' });
    expect(inForce(run).map((f) => f.requirement)).toEqual(['license_required', 'prohibited']);
    expect(verdictStage(run, inForce(run), true, undefined)).toBe('prohibited');
  });
  it('is needs_information when a question is open and nothing stricter is found', () => {
    const run = matched({ item: { id: 'graphite/artificial', parameters: { densityGPerCm3: 1.8 } } });
    // The plugin's facts give purity 0.5, so the graphite entry is decided: nothing found, nothing asked.
    expect(verdictStage(run, inForce(run), true, undefined)).toBe('not_controlled');
    run.ask({ parameter: 'purity', prompt: 'How pure?' });
    expect(verdictStage(run, inForce(run), true, undefined)).toBe('needs_information');
  });
  it('is no_license_required for an item listed in force that needs nothing here', () => {
    // A civil end use: with the end use unknown, the rule on every listed item would ask about it.
    const run = matched({ item: { id: 'widgets' }, endUse: 'civil' });
    expect(run.questions).toEqual([]);
    expect(verdictStage(run, inForce(run), true, undefined)).toBe('no_license_required');
  });
  it('names the entry that lists the item for other destinations, as a finding needing no licence (CONTRACT §3)', () => {
    const request = normalizeRequest({ from: 'AA', to: 'IN', date: '2025-06-01', item: { id: 'widgets' }, endUse: 'civil' }, { taxonomy, jurisdictions: new Set(['SS']) });
    const { assessment } = evaluatePlugin(plugin, { request, resolved: resolve(request.item), taxonomy, resolve });
    expect(assessment.verdict).toBe('no_license_required');
    expect(assessment.findings).toHaveLength(1);
    expect(assessment.findings[0]).toMatchObject({ measure: { id: 'ss-list' }, entry: { id: 'widgets-ru' }, requirement: 'no_license_required', status: 'in_force' });
    expect(assessment.findings[0]!.reason).toBe('Widgets to RU lists the item, but its requirement covers destinations in RU, not IN: no licence is needed under it for this transfer.');
    // Where the entry applies, its own finding and nothing else.
    const toRu = normalizeRequest({ from: 'AA', to: 'RU', date: '2025-06-01', item: { id: 'widgets' }, endUse: 'civil' }, { taxonomy, jurisdictions: new Set(['SS']) });
    const ru = evaluatePlugin(plugin, { request: toRu, resolved: resolve(toRu.item), taxonomy, resolve }).assessment;
    expect(ru.findings.map((f) => [f.entry?.id, f.requirement])).toEqual([['widgets-ru', 'license_required']]);
  });
  it('is the plugin\'s baseline for an item nothing lists', () => {
    const run = matched({ item: { id: 'tungsten/alloy' } });
    expect(verdictStage(run, inForce(run), true, 'no_license_required')).toBe('no_license_required');
    expect(verdictStage(run, inForce(run), true, undefined)).toBe('not_controlled');
  });
  it('the regime reaches by territory even with nothing found, and another basis only with a finding or a question', () => {
    const run = matched({ item: { id: 'tungsten/alloy' } });
    expect(reachesStage(run, inForce(run), undefined)).toBe(true);
    expect(reachesStage(run, inForce(run), { reaches: false })).toBe(false);
  });
});

describe('a reach that turns on an open fact (reach.pending)', () => {
  const pendingPlugin = new CompiledPlugin({ ...ss, reach: () => ({ bases: ['territory'], description: 'only if the recipient is foreign', pending: { parameter: 'endUser.country', prompt: 'Where is the recipient?' } }) });
  const outcome = (id: string) => {
    const request = normalizeRequest({ from: 'AA', to: 'AA', date: '2025-06-01', item: { id }, endUse: 'civil' }, { taxonomy, jurisdictions: new Set(['SS']) });
    return evaluatePlugin(pendingPlugin, { request, resolved: resolve(request.item), taxonomy, resolve });
  };
  it('asks the fact where a rule would bind, and shows the rule', () => {
    const { assessment, questions } = outcome('gallium/metal');
    expect(assessment.verdict).toBe('needs_information');
    expect(assessment.licensePolicy).toBeUndefined();
    expect(questions.map((q) => q.parameter)).toEqual(['endUser.country']);
    expect(assessment.findings.map((f) => [f.entry?.id, f.requirement, f.status])).toEqual([['ga', 'license_required', 'in_force']]);
  });
  it('asks nothing where no rule binds', () => {
    const { assessment, questions } = outcome('tungsten/alloy');
    expect(assessment.verdict).toBe('not_controlled');
    expect(questions).toEqual([]);
  });
});

describe('stage 7, authorisations', () => {
  it('a licence requirement a general authorisation covers for the destination becomes authorization_available', () => {
    const run = matched({ item: { id: 'gallium/metal' }, to: 'JP' });
    const out = authorisationsStage(run, inForce(run), 'license_required', undefined);
    expect(out.verdict).toBe('authorization_available');
    expect(out.authorizations.map((a) => a.id)).toEqual(['SS-GEN']);
  });
  it('stays license_required where no authorisation covers the destination', () => {
    const run = matched({ item: { id: 'gallium/metal' } });
    expect(authorisationsStage(run, inForce(run), 'license_required', undefined)).toEqual({ verdict: 'license_required', authorizations: [] });
  });
  it('the plugin\'s own authorisations come first, those of its data after', () => {
    const run = matched({ item: { id: 'gallium/metal' }, to: 'JP' });
    const own = { id: 'SS-OWN', title: 'Own rule', conditions: [], url: 'https://example.org/own' };
    expect(authorisationsStage(run, inForce(run), 'license_required', [own]).authorizations.map((a) => a.id)).toEqual(['SS-OWN', 'SS-GEN']);
  });
  it('a prohibition carries no authorisation', () => {
    const run = matched({ item: { id: 'gallium/metal' }, to: 'JP', endUse: 'military' });
    expect(authorisationsStage(run, inForce(run), 'prohibited', [{ id: 'SS-OWN', title: 'Own rule', conditions: [], url: 'https://example.org/own' }])).toEqual({ verdict: 'prohibited', authorizations: [] });
  });
});

describe('stage 3b, exclusions (excludedBy: a list line "excluding those in row 4")', () => {
  // Regime XX: row 2 lists artificial graphite denser than 1.50 g/cm³ except what row 4 lists; row 4 lists it
  // from 1.72 g/cm³ with grains of 100 µm or less. Fictional figures in the shape of Japan's 2(4) and 4(15).2.
  const xx = (row2: Partial<ControlEntry> = {}) => definePlugin({
    manifest: { name: '@test/plugin-xx', version: '1.0.0', jurisdiction: 'XX', title: 'Test regime XX', core: '>=0.1.0', dataVerifiedThrough: '2026-06-30' },
    measures: [{ ...measure('xx-table', '2024-01-01'), jurisdiction: 'XX' }],
    entries: [
      { id: 'xx-row-2', measure: 'xx-table', code: '2(4)', title: 'Nuclear graphite', covers: { ids: ['graphite/artificial'] }, conditions: { param: 'densityGPerCm3', op: '>', value: 1.5 }, excludedBy: ['xx-row-4'], requirement: 'license_required', reason: 'Row 2 graphite needs a licence.', ...row2 },
      { id: 'xx-row-4', measure: 'xx-table', code: '4(15).2', title: 'Missile graphite', covers: { ids: ['graphite/artificial'] }, conditions: { all: [{ param: 'densityGPerCm3', op: '>=', value: 1.72 }, { param: 'particleSizeUm', op: '<=', value: 100 }] }, requirement: 'license_required', reason: 'Row 4 graphite needs a licence.' },
    ],
    reach: () => ({ bases: ['territory'], description: 'export from XX' }),
  });
  const codes = (parameters: Record<string, number>) => {
    const a = createEngine({ taxonomy, plugins: [xx()] }).assess({ item: { id: 'graphite/artificial', parameters }, from: 'AA', to: 'IN', date: '2025-06-01' });
    return { verdict: a.verdict, found: a.jurisdictions[0]!.findings.filter((f) => f.status === 'in_force').map((f) => f.entry?.id), asked: a.questions.map((q) => q.parameter) };
  };
  it('drops the excluded entry\'s finding where the excluding entry applies in force', () => {
    expect(codes({ densityGPerCm3: 1.8, particleSizeUm: 50 })).toEqual({ verdict: 'license_required', found: ['xx-row-4'], asked: [] });
  });
  it('keeps it where the excluding entry does not apply, or may or may not (a licence either way)', () => {
    expect(codes({ densityGPerCm3: 1.8, particleSizeUm: 200 })).toEqual({ verdict: 'license_required', found: ['xx-row-2'], asked: [] });
    expect(codes({ densityGPerCm3: 1.6 })).toEqual({ verdict: 'license_required', found: ['xx-row-2'], asked: [] });
    expect(codes({ densityGPerCm3: 1.8 }).found).toEqual(['xx-row-2']);
  });
  it('refuses an excludedBy that names no other entry of the plugin', () => {
    expect(() => createEngine({ taxonomy, plugins: [xx({ excludedBy: ['xx-row-9'] })] })).toThrow(/entries\[0\].*excludedBy: "xx-row-9" is not another entry of this plugin/);
    expect(() => createEngine({ taxonomy, plugins: [xx({ excludedBy: ['xx-row-2'] })] })).toThrow(/excludedBy: "xx-row-2" is not another entry/);
  });
});

describe('warnings without repeats', () => {
  const w = (code: string, message: string, jurisdiction?: string, measure?: string): Warning => ({ code, message, ...(jurisdiction ? { jurisdiction } : {}), ...(measure ? { measure } : {}) });
  it('appending a list free of repeats gives what one pass over both gives: the same warnings, in the same order', () => {
    const own = [w('stale_data', 'old', 'AA'), w('caveat', 'x', 'AA', 'm1'), w('stale_data', 'old', 'AA'), w('caveat', 'x', 'BB', 'm1'), w('ambiguous_item', 'two items')];
    const lists = [w('stale_list', 'list a', 'AA'), w('caveat', 'x', 'AA', 'm1'), w('stale_list', 'list a', 'BB'), w('sample_list', 'sample', 'AA')];
    const appended = dedupeWarnings([...own]);
    appendWarnings(appended, lists);
    expect(appended).toEqual(dedupeWarnings([...own, ...lists]));
    // The list warning that repeats one of the regime's is left out; the others keep their order.
    expect(appended.map((x) => `${x.code}/${x.jurisdiction ?? ''}`)).toEqual(['stale_data/AA', 'caveat/AA', 'caveat/BB', 'ambiguous_item/', 'stale_list/AA', 'stale_list/BB', 'sample_list/AA']);
  });
});

describe("a hook's context for another request", () => {
  // What a hook asking "what would the rules answer were this fact given" builds: the run's context with the request
  // changed. It must have the shape of the context and the request core makes (the same fields in the same order),
  // since a context or request of another shape deoptimises every function of the hooks that reads one.
  const seen: { ctx: EvaluationContext; other: EvaluationContext; answer: string }[] = [];
  const hooked = new CompiledPlugin({
    ...ss,
    evaluate: (ctx) => {
      const other = contextWithRequest(ctx, requestWithParameters(ctx.request, { purity: 0.9999 }));
      seen.push({ ctx, other, answer: other.statusOf('ss-later') });
      return undefined;
    },
  });
  const run = (input: Record<string, unknown>) => {
    const request = normalizeRequest({ from: 'AA', to: 'IN', date: '2025-06-01', ...input }, { taxonomy, jurisdictions: new Set(['SS']) });
    evaluatePlugin(hooked, { request, resolved: resolve(request.item), taxonomy, resolve });
    return { request, ...seen.at(-1)! };
  };
  it('has the fields of the context core made, in its order, with the request replaced and the rest the same', () => {
    const { request, ctx, other, answer } = run({ item: { id: 'graphite/artificial', parameters: { purity: 0.99 } }, endUse: 'civil' });
    expect(Object.keys(other)).toEqual(Object.keys(ctx));
    for (const key of Object.keys(ctx) as (keyof EvaluationContext)[]) if (key !== 'request') expect(other[key]).toBe(ctx[key]);
    expect(other.request.item.parameters).toEqual({ purity: 0.9999 });
    expect(answer).toBe('in_force');
    // The run's own request is unchanged.
    expect(request.item.parameters).toEqual({ purity: 0.99 });
    expect(ctx.request).toBe(request);
  });
  it("gives a request with normalizeRequest's fields in its order, item and all, every other field the request's own", () => {
    const { request, other } = run({ item: { hs: '3801.10', origin: 'CN', valueUsd: 1200 }, endUser: { name: 'Acme', country: 'IN' }, id: 'r1' });
    expect(Object.keys(other.request)).toEqual(Object.keys(request));
    expect(Object.keys(other.request.item)).toEqual(Object.keys(request.item));
    expect({ ...other.request, item: { ...other.request.item, parameters: request.item.parameters } }).toEqual(request);
  });
});
