import { describe, expect, it } from 'vitest';
import { createEngine } from './engine.js';
import { PluginRegistrationError, ValidationError } from './errors.js';
import { aaPlugin, bbPlugin } from './test-support/fixture-plugins.js';
import { fixtureTaxonomy } from './test-support/fixture-taxonomy.js';
import type { AssessmentResponse } from './types.js';

const taxonomy = fixtureTaxonomy();
const engine = createEngine({ taxonomy, plugins: [aaPlugin(), bbPlugin()] });
const aa = (r: AssessmentResponse) => r.jurisdictions.find((j) => j.jurisdiction === 'AA')!;

describe('verdicts', () => {
  it('license_required with its policy for a listed item', () => {
    const r = engine.assess({ item: { id: 'gallium/metal' }, from: 'AA', to: 'IN', date: '2025-01-15' });
    expect(r.verdict).toBe('license_required');
    expect(aa(r).licensePolicy).toBe('case_by_case');
    // The finding the answer rests on comes first; the repealed measure follows, for context.
    expect(aa(r).findings.map((f) => [f.measure.id, f.status])).toEqual([['aa-2024-list', 'in_force'], ['aa-2023-ga', 'repealed']]);
  });

  it('prohibited for a banned technology transfer', () => {
    const r = engine.assess({ item: { id: 'tech/rare-earths/separation' }, from: 'AA', to: 'US', transfer: 'technology', date: '2024-01-01' });
    expect(r.verdict).toBe('prohibited');
  });

  it('a technology sent as goods asks which transfer it is, rather than answering not controlled', () => {
    const r = engine.assess({ item: { id: 'tech/rare-earths/separation' }, from: 'AA', to: 'US', date: '2024-01-01' });
    expect(aa(r).verdict).toBe('needs_information');
    expect(r.questions).toEqual([expect.objectContaining({ parameter: 'transfer', candidates: ['technology'], jurisdiction: 'AA' })]);
  });

  it('a plugin whose own rules settle the transfer (EvaluationResult.settles) drops that question, and only for itself', () => {
    const base = aaPlugin();
    const settling = { ...base, evaluate: (ctx: Parameters<NonNullable<typeof base.evaluate>>[0]) => ({ ...(base.evaluate?.(ctx) ?? {}), settles: ['transfer'] }) };
    const request = { item: { id: 'tech/rare-earths/separation' }, from: 'AA', to: 'US', date: '2024-01-01' };
    const r = createEngine({ taxonomy, plugins: [settling, bbPlugin()] }).assess(request);
    expect(r.questions.map((q) => q.parameter)).not.toContain('transfer');
    expect(aa(r).verdict).toBe('not_controlled');
    // Without the hook's word the question stays (the test above), so the drop comes from settles.
    expect(engine.assess(request).questions.map((q) => q.parameter)).toContain('transfer');
  });

  it('a technology entry whose conditions the request already fails does not ask which transfer it is', () => {
    const base = aaPlugin();
    const conditioned = { ...base, entries: base.entries.map((e) => (e.covers.ids?.includes('tech/rare-earths/separation') ? { ...e, conditions: { param: 'aaScope', op: '==' as const, value: 1 } } : e)) };
    const conditionedEngine = createEngine({ taxonomy, plugins: [conditioned, bbPlugin()] });
    const ask = (parameters?: Record<string, number>) => conditionedEngine.assess({ item: { id: 'tech/rare-earths/separation', ...(parameters ? { parameters } : {}) }, from: 'AA', to: 'US', date: '2024-01-01' });
    expect(ask({ aaScope: 0 }).questions.map((q) => q.parameter)).not.toContain('transfer');
    expect(aa(ask({ aaScope: 0 })).verdict).toBe('not_controlled');
    // Met, or not yet known: the entry may apply, so the transfer is still asked.
    expect(ask({ aaScope: 1 }).questions.map((q) => q.parameter)).toContain('transfer');
    expect(ask().questions.map((q) => q.parameter)).toContain('transfer');
  });

  it('a broader item or code whose listed sub-items are technology, sent as goods, asks which transfer it is', () => {
    const r = engine.assess({ item: { id: 'tech/rare-earths' }, from: 'AA', to: 'US', date: '2024-01-01' });
    expect(aa(r).verdict).toBe('needs_information');
    expect(r.questions.map((q) => q.parameter)).toContain('transfer');
  });

  it('a name that matches nothing asks for an identifier instead of answering not controlled', () => {
    const r = engine.assess({ item: { name: 'unobtainium bars' }, from: 'AA', to: 'US', date: '2024-01-01' });
    expect(aa(r).verdict).toBe('needs_information');
    expect(r.questions[0]).toMatchObject({ parameter: 'item' });
    expect(engine.assess({ item: { hs: '010121' }, from: 'AA', to: 'US', date: '2024-01-01' }).verdict).toBe('not_controlled');
  });

  it('a CAS number the taxonomy does not know asks for an identifier instead of answering not controlled', () => {
    const r = engine.assess({ item: { cas: '1306-25-8' }, from: 'AA', to: 'US', date: '2024-01-01' });
    expect(aa(r).verdict).toBe('needs_information');
    expect(r.questions[0]).toMatchObject({ parameter: 'item', prompt: expect.stringContaining('CAS 1306-25-8') });
    expect(aa(engine.assess({ item: { cas: '7440-55-3' }, from: 'AA', to: 'IN', date: '2025-01-15' })).verdict).toBe('license_required');
  });

  it('another regime\'s list code points at this regime\'s entry of the same number and asks for its own classification', () => {
    const r = engine.assess({ item: { eccn: '1C001.a' }, from: 'AA', to: 'IN', date: '2025-01-15' });
    expect(aa(r).verdict).toBe('needs_information');
    expect(r.questions[0]).toMatchObject({ parameter: 'cnControlCode', candidates: ['1C001.a'] });
    expect(engine.assess({ item: { eccn: '5A002' }, from: 'AA', to: 'IN', date: '2025-01-15' }).verdict).toBe('not_controlled');
  });

  it('needs_information when a threshold parameter is missing, naming it', () => {
    const r = engine.assess({ item: { id: 'graphite/artificial', parameters: { densityGPerCm3: 1.8 } }, from: 'AA', to: 'DE', date: '2024-06-01' });
    expect(r.verdict).toBe('needs_information');
    expect(r.questions).toEqual([{ parameter: 'purity', prompt: 'What is the purity (0–1)?', jurisdiction: 'AA' }]);
  });

  it('parameters decide: above the thresholds needs a licence, below is not controlled', () => {
    const above = engine.assess({ item: { id: 'graphite/artificial', parameters: { purity: 0.9995, densityGPerCm3: 1.8 } }, from: 'AA', to: 'DE', date: '2024-06-01' });
    expect(above.verdict).toBe('license_required');
    expect(aa(above).findings[0]!.matchedOn).toContain('parameters meet the listed thresholds');
    const below = engine.assess({ item: { id: 'graphite/artificial', parameters: { purity: 0.99, densityGPerCm3: 1.8 } }, from: 'AA', to: 'DE', date: '2024-06-01' });
    expect(below.verdict).toBe('not_controlled');
    expect(below.questions).toEqual([]);
  });

  it('an entry not in force whose thresholds the request lacks asks nothing but is shown with its status', () => {
    const r = engine.assess({ item: { id: 'graphite/artificial', parameters: { densityGPerCm3: 1.8 } }, from: 'AA', to: 'DE', date: '2023-11-30' });
    expect(aa(r).verdict).toBe('not_controlled');
    expect(r.questions).toEqual([]);
    const f = aa(r).findings.find((x) => x.measure.id === 'aa-2023-graphite')!;
    expect(f.status).toBe('not_yet_in_force');
    expect(f.matchedOn.at(-1)).toMatch(/purity .*not given/);
    // From the first day in force it asks, as before.
    expect(engine.assess({ item: { id: 'graphite/artificial', parameters: { densityGPerCm3: 1.8 } }, from: 'AA', to: 'DE', date: '2023-12-01' }).questions.map((q) => q.parameter)).toEqual(['purity']);
  });

  it('asks nothing whose answer cannot change the verdict or the licence policy', () => {
    const base = aaPlugin();
    const extra = (id: string, licensePolicy: 'case_by_case' | 'presumption_of_denial') => ({ id, measure: 'aa-2024-list', title: `Pure gallium (${licensePolicy})`, covers: { ids: ['gallium/metal'] }, conditions: { param: 'purity', op: '>=' as const, value: 0.99999 }, prompts: { purity: 'What is the purity?' }, requirement: 'license_required' as const, licensePolicy, reason: 'Pure gallium.' });
    const same = createEngine({ taxonomy, plugins: [{ ...base, entries: [...base.entries, extra('ga-pure', 'case_by_case')] }] });
    const r = same.assess({ item: { id: 'gallium/metal' }, from: 'AA', to: 'IN', date: '2025-01-15' });
    expect([aa(r).verdict, aa(r).licensePolicy]).toEqual(['license_required', 'case_by_case']);
    expect(r.questions).toEqual([]);                          // the answer is the same whatever the purity
    const stricter = createEngine({ taxonomy, plugins: [{ ...base, entries: [...base.entries, extra('ga-pure-denied', 'presumption_of_denial')] }] });
    expect(stricter.assess({ item: { id: 'gallium/metal' }, from: 'AA', to: 'IN', date: '2025-01-15' }).questions.map((q) => q.parameter)).toEqual(['purity']);
  });

  it('a regime that answers prohibited asks nothing, whoever asked (CONTRACT §3: questions come with needs_information)', () => {
    const base = aaPlugin();
    // The plugin's own rule bans the item and also asks a fact of its own, with no stake core could weigh.
    const banning = (ban: boolean) => ({
      ...base,
      evaluate: (ctx: Parameters<NonNullable<typeof base.evaluate>>[0]) => ({
        findings: ban ? [ctx.finding({ measure: 'aa-2024-list', entry: { id: 'aa-ban' }, requirement: 'prohibited', reason: 'Banned.', matchedOn: ['test'] })] : [],
        questions: [{ parameter: 'aa.ownFact', prompt: 'A fact of the plugin.' }],
      }),
    });
    const request = { item: { id: 'gallium/metal' }, from: 'AA', to: 'IN', date: '2025-01-15' };
    const banned = createEngine({ taxonomy, plugins: [banning(true), bbPlugin()] }).assess(request);
    expect(aa(banned).verdict).toBe('prohibited');
    expect(banned.questions.filter((q) => q.jurisdiction === 'AA')).toEqual([]);
    // Without the ban the same question is asked, so the drop comes from the verdict.
    const open = createEngine({ taxonomy, plugins: [banning(false), bbPlugin()] }).assess(request);
    expect(open.questions.map((q) => q.parameter)).toContain('aa.ownFact');
  });

  it('a false branch decides an all() even when another parameter is missing', () => {
    const r = engine.assess({ item: { id: 'graphite/artificial', parameters: { densityGPerCm3: 1.5 } }, from: 'AA', to: 'DE', date: '2024-06-01' });
    expect(r.verdict).toBe('not_controlled');
  });

  it('authorization_available when a general authorisation covers the item and destination', () => {
    const r = engine.assess({ item: { id: 'gallium/metal' }, from: 'AA', to: 'FR', date: '2025-01-15' });
    expect(r.verdict).toBe('authorization_available');
    expect(aa(r).authorizations).toEqual([{ id: 'AA-GEN1', title: 'General licence for gallium to friends', conditions: ['Register before first use.'], url: 'https://example.org/gen1' }]);
  });

  it('an authorisation is not offered for an end use it excludes, nor outside its destinations', () => {
    expect(engine.assess({ item: { id: 'gallium/metal' }, from: 'AA', to: 'FR', endUse: 'military', date: '2025-01-15' }).verdict).toBe('license_required');
    expect(engine.assess({ item: { id: 'gallium/metal' }, from: 'AA', to: 'IN', date: '2025-01-15' }).verdict).toBe('license_required');
  });

  it('an authorisation judges the sub-item the request names, and an overlapping exclusion blocks it', () => {
    const verdict = (code: string) => engine.assess({ item: { cnControlCode: code }, from: 'AA', to: 'JP', date: '2025-01-15', endUse: 'civil' }).verdict;
    expect(verdict('1C001.a.1')).toBe('authorization_available');
    expect(verdict('1C001.a.2')).toBe('license_required');
    expect(verdict('1C001.a')).toBe('license_required');
  });
  it('group membership is dated: the UK left the group on 2020-01-31', () => {
    expect(engine.assess({ item: { id: 'gallium/metal' }, from: 'AA', to: 'GB', date: '2025-01-15' }).verdict).toBe('license_required');
  });

  it('no_license_required when the item is listed but not for this destination', () => {
    const r = engine.assess({ item: { id: 'widgets' }, from: 'AA', to: 'DE', date: '2025-01-15' });
    expect(r.verdict).toBe('no_license_required');
    expect(engine.assess({ item: { id: 'widgets' }, from: 'AA', to: 'RU', date: '2025-01-15' }).verdict).toBe('license_required');
  });

  it('not_controlled when nothing matches, and regimes that do not reach report so', () => {
    const r = engine.assess({ item: { hs: '0101.21' }, from: 'AA', to: 'DE', date: '2025-01-15' });
    expect(r.verdict).toBe('not_controlled');
    const bb = r.jurisdictions.find((j) => j.jurisdiction === 'BB')!;
    expect(bb).toMatchObject({ reaches: false, verdict: 'not_controlled' });
  });

  it('the overall verdict is the most restrictive over regimes that reach', () => {
    const r = engine.assess({ item: { id: 'gallium/metal' }, from: 'BB', to: 'DE', date: '2025-01-15' });
    expect(r.jurisdictions.map((j) => [j.jurisdiction, j.reaches, j.verdict])).toEqual([['AA', false, 'not_controlled'], ['BB', true, 'prohibited']]);
    expect(r.verdict).toBe('prohibited');
  });

  it('jurisdictions limits the regimes', () => {
    const r = engine.assess({ item: { id: 'gallium/metal' }, from: 'BB', to: 'DE', date: '2025-01-15', jurisdictions: ['AA'] });
    expect(r.jurisdictions.map((j) => j.jurisdiction)).toEqual(['AA']);
    expect(r.verdict).toBe('not_controlled');
  });
});

describe('dates', () => {
  const gallium = (date: string) => engine.assess({ item: { id: 'gallium/metal' }, from: 'AA', to: 'IN', date });
  it('the day before a measure takes effect it is not yet in force and changes nothing (CONTRACT §3)', () => {
    const r = gallium('2023-07-31');
    expect(r.verdict).toBe('not_controlled');
    expect(aa(r).findings.map((f) => f.status)).toEqual(['not_yet_in_force', 'not_yet_in_force']);
  });
  it('a measure applies on its first day', () => {
    expect(aa(gallium('2023-08-01')).findings.map((f) => f.status)).toEqual(['in_force', 'not_yet_in_force']);
  });
  it('its last day before repeal is in force; the next day it is repealed and the successor applies', () => {
    expect(aa(gallium('2024-11-30')).findings.map((f) => f.status)).toEqual(['in_force', 'not_yet_in_force']);
    expect(aa(gallium('2024-12-01')).findings.map((f) => f.status)).toEqual(['in_force', 'repealed']);
  });

  const usGallium = (date: string) => aa(engine.assess({ item: { id: 'gallium/metal' }, from: 'AA', to: 'US', date }));
  it('a suspended clause does not count; its suspension covers both end days', () => {
    expect(usGallium('2025-11-08').licensePolicy).toBe('presumption_of_denial');
    expect(usGallium('2025-11-09').findings.find((f) => f.entry?.id === 'us-ga')!.status).toBe('suspended');
    expect(usGallium('2025-11-09').licensePolicy).toBe('case_by_case');
    expect(usGallium('2026-11-27').findings.find((f) => f.entry?.id === 'us-ga')!.status).toBe('suspended');
  });
  it('after a suspension ends the text applies again, with status_unverified when the data stops earlier', () => {
    const r = engine.assess({ item: { id: 'gallium/metal' }, from: 'AA', to: 'US', date: '2026-11-28' });
    expect(aa(r).findings.find((f) => f.entry?.id === 'us-ga')!.status).toBe('in_force');
    expect(aa(r).licensePolicy).toBe('presumption_of_denial');
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['status_unverified', 'stale_data']));
    expect(r.warnings.find((w) => w.code === 'status_unverified')!.message).toContain('AA Notice 72');
  });
  it('a question asked under a measure whose suspension ended unchecked carries status_unverified too, as a finding would', () => {
    const base = aaPlugin();
    const withThreshold = { ...base, entries: base.entries.map((e) => (e.id === 'ho-oxide' ? { ...e, conditions: { param: 'purity', op: '>=' as const, value: 0.99 } } : e)) };
    const thresholdEngine = createEngine({ taxonomy, plugins: [withThreshold, bbPlugin()] });
    const ask = (date: string, parameters?: Record<string, number>) => thresholdEngine.assess({ item: { id: 'germanium/metal', ...(parameters ? { parameters } : {}) }, from: 'AA', to: 'IN', date });
    const after = ask('2026-11-11');
    expect(aa(after).verdict).toBe('needs_information');
    expect(after.questions.map((q) => q.parameter)).toContain('purity');
    expect(after.warnings.filter((w) => w.code === 'status_unverified').map((w) => w.measure)).toContain('aa-2025-oct');
    // Once the threshold is answered the finding carries the warning, once.
    expect(ask('2026-11-11', { purity: 0.999 }).warnings.filter((w) => w.code === 'status_unverified' && w.measure === 'aa-2025-oct')).toHaveLength(1);
  });
  it('stale_data also from regimes that do not reach the transfer (CONTRACT §3 "Dates")', () => {
    const r = engine.assess({ item: { id: 'gallium/metal' }, from: 'BB', to: 'IN', date: '2026-07-01' });
    expect(aa(r).reaches).toBe(false);
    expect(r.warnings.filter((w) => w.code === 'stale_data').map((w) => w.jurisdiction)).toEqual(['AA']);
  });
  it('stale_data only after dataVerifiedThrough', () => {
    expect(engine.assess({ item: { id: 'gallium/metal' }, from: 'AA', to: 'IN', date: '2026-06-30' }).warnings).toEqual([]);
    expect(engine.assess({ item: { id: 'gallium/metal' }, from: 'AA', to: 'IN', date: '2026-07-01' }).warnings.map((w) => w.code)).toEqual(['stale_data']);
  });
  it('a measure suspended before its start is not yet in force, then suspended, then in force', () => {
    const status = (date: string) => aa(engine.assess({ item: { id: 'germanium/metal' }, from: 'AA', to: 'IN', date })).findings.find((f) => f.measure.id === 'aa-2025-oct')!.status;
    expect(status('2025-11-07')).toBe('not_yet_in_force');
    expect(status('2025-11-08')).toBe('suspended');
    expect(status('2026-11-10')).toBe('suspended');
    expect(status('2026-11-11')).toBe('in_force');
  });
  it('the date defaults to today (UTC)', () => {
    expect(engine.assess({ item: { id: 'widgets' }, from: 'AA', to: 'DE' }).date).toBe(new Date().toISOString().slice(0, 10));
  });
  it('measure caveats become warnings', () => {
    const r = engine.assess({ item: { id: 'graphite/artificial', parameters: { purity: 0.9995, densityGPerCm3: 1.8 } }, from: 'AA', to: 'DE', date: '2024-06-01' });
    expect(r.warnings).toEqual([{ code: 'sources_disagree', message: 'Two sources disagree on the density threshold.', jurisdiction: 'AA', measure: 'aa-2023-graphite' }]);
  });
  it('a caveat object a plugin gives to two measures warns under each one, and the warning it shares cannot be changed', () => {
    const plugin = aaPlugin();
    const shared = { code: 'data_incomplete', message: 'Shared caveat.' };
    plugin.measures = plugin.measures.map((m) => (m.id === 'aa-2023-graphite' || m.id === 'aa-2024-list' ? { ...m, caveats: [shared] } : m));
    const own = createEngine({ taxonomy, plugins: [plugin] });
    const warned = (item: { id: string; parameters?: Record<string, number> }) => own.assess({ item, from: 'AA', to: 'DE', date: '2025-06-01' }).warnings.filter((w) => w.message === 'Shared caveat.');
    const graphite = { id: 'graphite/artificial', parameters: { purity: 0.9995, densityGPerCm3: 1.8 } };
    expect(warned(graphite).map((w) => w.measure)).toEqual(['aa-2023-graphite']);
    expect(warned({ id: 'gallium/metal' }).map((w) => w.measure)).toEqual(['aa-2024-list']);
    const again = warned(graphite);
    expect(again.map((w) => w.measure)).toEqual(['aa-2023-graphite']);
    expect(() => { (again[0] as { message: string }).message = 'changed'; }).toThrow(TypeError);
    expect(warned(graphite).map((w) => w.message)).toEqual(['Shared caveat.']);
  });
  it('an entry\'s caveats become warnings inside their window, with its findings in force or not yet in force', () => {
    const plugin = aaPlugin();
    // ga-list (the List, from 2024-12-01) says the earlier list that held the item is not modelled, up to the List's eve.
    plugin.entries = plugin.entries.map((e) => (e.id === 'ga-list' ? { ...e, caveats: [{ code: 'data_incomplete', message: 'Held earlier under a list not modelled.', to: '2024-11-30' }] } : e));
    plugin.entries.push({ id: 'ge-list', measure: 'aa-2024-list', title: 'Germanium metal (List)', covers: { ids: ['germanium/metal'] }, requirement: 'license_required', reason: 'Germanium metal needs a licence under the List.' });
    const own = createEngine({ taxonomy, plugins: [plugin] });
    const warned = (date: string) => own.assess({ item: { id: 'gallium/metal' }, from: 'AA', to: 'IN', date }).warnings.filter((w) => w.code === 'data_incomplete');
    expect(warned('2024-06-01')).toEqual([{ code: 'data_incomplete', message: 'Held earlier under a list not modelled.', jurisdiction: 'AA', measure: 'aa-2024-list' }]);
    expect(warned('2024-12-01')).toEqual([]);
    // Another entry of the same measure does not carry it.
    const other = own.assess({ item: { id: 'germanium/metal' }, from: 'AA', to: 'IN', date: '2024-06-01' });
    expect(aa(other).findings.map((f) => f.entry?.id)).toContain('ge-list');
    expect(other.warnings.filter((w) => w.code === 'data_incomplete')).toEqual([]);
  });
});

describe('end uses and end users', () => {
  it('a military end use to the US is prohibited; unknown end use asks', () => {
    expect(engine.assess({ item: { id: 'gallium/metal' }, from: 'AA', to: 'US', date: '2025-06-01', endUse: 'military' }).verdict).toBe('prohibited');
    expect(engine.assess({ item: { id: 'gallium/metal' }, from: 'AA', to: 'US', date: '2025-06-01', endUser: { type: 'military' } }).verdict).toBe('prohibited');
    const unknown = engine.assess({ item: { id: 'gallium/metal' }, from: 'AA', to: 'US', date: '2025-06-01' });
    expect(unknown.verdict).toBe('license_required');
    expect(unknown.questions.map((q) => q.parameter)).toEqual(['endUse']);
    expect(engine.assess({ item: { id: 'gallium/metal' }, from: 'AA', to: 'US', date: '2025-06-01', endUse: 'civil' }).questions).toEqual([]);
  });
  it('a list code alone names the items its entries list, so measures on those items apply on a date before the code existed', () => {
    // ga-list (1C001.a, from 2024-12-01) lists gallium metal and nitride; ga-2023 lists the same items without a code.
    const before = engine.assess({ item: { cnControlCode: '1C001.a' }, from: 'AA', to: 'IN', date: '2024-06-01' });
    expect(before.item.resolved).toEqual(['gallium/metal', 'gallium/nitride']);
    expect(before.item.matchedBy).toBe('cnControlCode 1C001.a');
    expect(aa(before).verdict).toBe('license_required');
    expect(aa(before).findings.map((f) => [f.entry?.id, f.status]).sort()).toEqual([['ga-2023', 'in_force'], ['ga-list', 'not_yet_in_force']]);
    expect(before.questions).toEqual([]);
    expect(before.warnings.map((w) => w.code)).toContain('item_from_list_code');
    // A sub-item of the code resolves the same way; on the code's own first day its entry counts.
    const sub = engine.assess({ item: { cnControlCode: '1c001.A.2' }, from: 'AA', to: 'IN', date: '2024-12-01' });
    expect(sub.item.resolved).toEqual(['gallium/metal', 'gallium/nitride']);
    expect(aa(sub).findings.filter((f) => f.status === 'in_force').map((f) => f.entry?.id)).toEqual(['ga-list']);
    // Another identifier that names the item decides it; the code then only matches its own entries.
    const named = engine.assess({ item: { id: 'gallium/metal', cnControlCode: '1C001.a' }, from: 'AA', to: 'IN', date: '2024-06-01' });
    expect(named.item.resolved).toEqual(['gallium/metal']);
    expect(named.warnings.map((w) => w.code)).not.toContain('item_from_list_code');
    // A code no entry lists with an item still resolves to nothing.
    expect(engine.assess({ item: { cnControlCode: '5A002' }, from: 'AA', to: 'IN', date: '2024-06-01' }).item.resolved).toEqual([]);
  });

  it('an unlisted item is not caught by a rule on all listed items', () => {
    expect(engine.assess({ item: { hs: '010121' }, from: 'AA', to: 'US', date: '2025-06-01', endUse: 'military' }).verdict).toBe('not_controlled');
    const belowThreshold = { id: 'graphite/artificial', parameters: { purity: 0.99, densityGPerCm3: 1.8 } };
    expect(engine.assess({ item: belowThreshold, from: 'AA', to: 'US', date: '2025-06-01', endUse: 'military' }).verdict).toBe('not_controlled');
  });
  it('an ordinary trade licence (outsideList) is a finding of its own but does not list the item for end-use bans or listed parties', () => {
    const base = aaPlugin();
    const licence = { id: 'ordinary-w', measure: 'aa-2024-list', title: 'Ordinary export licence for tungsten', covers: { ids: ['tungsten'] }, outsideList: true, requirement: 'license_required' as const, reason: 'Tungsten needs an ordinary export licence.' };
    const e = createEngine({ taxonomy, plugins: [{ ...base, entries: [...base.entries, licence] }] });
    const military = e.assess({ item: { id: 'tungsten' }, from: 'AA', to: 'US', date: '2025-06-01', endUse: 'military' });
    expect(aa(military).verdict).toBe('license_required');
    expect(aa(military).findings.map((f) => f.entry?.id)).toEqual(['ordinary-w']);
    const party = e.assess({ item: { id: 'tungsten' }, from: 'AA', to: 'US', date: '2025-06-01', endUse: 'civil', endUser: { name: 'Acme Rare Metals Co., Ltd.' } });
    expect(aa(party).verdict).toBe('license_required');
    // A listed item still is, with the licence or without it.
    expect(aa(e.assess({ item: { id: 'gallium/metal' }, from: 'AA', to: 'US', date: '2025-06-01', endUse: 'military' })).verdict).toBe('prohibited');
    expect(() => createEngine({ taxonomy, plugins: [{ ...base, entries: [...base.entries, { ...licence, covers: { anyListed: true } }] }] })).toThrow(/outsideList: a boolean, only on an entry that lists items/);
  });
  it('an item listed only above a threshold it does not state is asked about, not banned, by rules on every listed item and listed parties', () => {
    const open = { id: 'graphite/artificial', parameters: { densityGPerCm3: 1.8 } };
    const military = engine.assess({ item: open, from: 'AA', to: 'US', date: '2025-06-01', endUse: 'military' });
    expect(aa(military).verdict).toBe('needs_information');
    expect(military.questions.map((q) => q.parameter)).toEqual(['purity']);
    const party = engine.assess({ item: open, from: 'AA', to: 'US', date: '2025-06-01', endUse: 'civil', endUser: { name: 'Acme Rare Metals Co., Ltd.' } });
    expect(aa(party).verdict).toBe('needs_information');
    // Once the purity is given, the item is listed and both rules reach it.
    expect(aa(engine.assess({ item: { ...open, parameters: { purity: 0.9999, densityGPerCm3: 1.8 } }, from: 'AA', to: 'US', date: '2025-06-01', endUse: 'military' })).verdict).toBe('prohibited');
  });
  it('a catch-all that excepts listed items asks only about items no entry in force lists (exceptListed)', () => {
    const base = aaPlugin();
    const plugin = { ...base, entries: [...base.entries, { id: 'catch-all', measure: 'aa-2020-widgets', title: 'Catch-all for unlisted items', covers: { all: true, exceptListed: true }, endUses: ['wmd' as const], requirement: 'license_required' as const, reason: 'Unlisted items for a WMD end use need a licence.' }] };
    const e = createEngine({ taxonomy, plugins: [plugin] });
    const ask = (item: { id: string; parameters?: Record<string, number> }, date = '2025-01-15') => e.assess({ item, from: 'AA', to: 'IN', date }).questions.map((q) => q.parameter);
    expect(ask({ id: 'gallium/metal' })).not.toContain('endUse');                          // listed in force: the catch-all stays out
    expect(ask({ id: 'gallium/metal' }, '2024-12-01')).not.toContain('endUse');
    expect(ask({ id: 'germanium/metal' }, '2025-06-01')).toContain('endUse');              // its listing is not yet in force
    expect(ask({ id: 'graphite/artificial' })).toEqual(expect.arrayContaining(['purity', 'endUse'])); // listed only if it meets the numbers
    expect(ask({ id: 'graphite/artificial', parameters: { purity: 0.9999, densityGPerCm3: 1.8 } })).not.toContain('endUse');
    const below = e.assess({ item: { id: 'graphite/artificial', parameters: { purity: 0.99, densityGPerCm3: 1.8 } }, from: 'AA', to: 'IN', date: '2025-01-15', endUse: 'wmd' });
    expect(aa(below).findings.map((f) => f.entry?.id)).toEqual(['catch-all']);
    expect(() => createEngine({ taxonomy, plugins: [{ ...base, entries: [...base.entries, { ...plugin.entries.at(-1)!, covers: { ids: ['gallium/metal'], exceptListed: true } }] }] })).toThrow(/exceptListed: only qualifies all/);
  });
  it('an authorisation waits for an open question that could take it away (authorizationsOpen)', () => {
    const gen = { id: 'AA-GEN', title: 'General licence', conditions: [], url: 'https://example.org/gen' };
    const withRules = (open: string[]) => createEngine({ taxonomy, plugins: [{ ...aaPlugin(), evaluate: () => ({ authorizations: [gen], authorizationsOpen: open, questions: [{ parameter: 'aa.scopeMet', prompt: 'Is it in the scope that bars the general licence?' }] }) }] });
    const req = { item: { id: 'gallium/metal' }, from: 'AA', to: 'US', date: '2025-06-01', endUse: 'civil' as const };
    const waits = aa(withRules(['aa.scopeMet']).assess(req));
    expect(waits.verdict).toBe('needs_information');
    expect(waits.authorizations).toEqual([]);
    expect(waits.findings.some((f) => f.requirement === 'license_required' && f.status === 'in_force')).toBe(true);
    // A question that cannot take the authorisation away leaves it offered.
    const offered = aa(withRules([]).assess(req));
    expect(offered.verdict).toBe('authorization_available');
    expect(offered.authorizations.map((a) => a.id)).toEqual(['AA-GEN']);
  });
  it('a knowledge-based catch-all applies to a stated end use and asks nothing when the end use is unknown (knowledgeBased)', () => {
    const base = aaPlugin();
    const catchAll = { id: 'catch-all', measure: 'aa-2020-widgets', title: 'Catch-all for unlisted items', covers: { all: true, exceptListed: true }, endUses: ['wmd' as const], knowledgeBased: true, requirement: 'license_required' as const, reason: 'Unlisted items the exporter knows are for WMD need a licence.' };
    const e = createEngine({ taxonomy, plugins: [{ ...base, entries: [...base.entries, catchAll] }] });
    const unknown = e.assess({ item: { id: 'tungsten/alloy' }, from: 'AA', to: 'IN', date: '2025-01-15' });
    expect(aa(unknown).verdict).toBe('not_controlled');
    expect(unknown.questions.map((q) => q.parameter)).not.toContain('endUse');
    const wmd = e.assess({ item: { id: 'tungsten/alloy' }, from: 'AA', to: 'IN', date: '2025-01-15', endUse: 'wmd' });
    expect(aa(wmd).verdict).toBe('license_required');
    expect(aa(wmd).findings.map((f) => f.entry?.id)).toEqual(['catch-all']);
  });
  it('screens the end user across case, punctuation, legal suffixes and Chinese names, and reports the list', () => {
    for (const name of ['ACME RARE METALS CO LTD', 'acme rare metals', 'Acme Rare Metals Corp.', '阿克米稀有金属', 'Acme Rare Metals Co., Ltd. (Texas branch)']) {
      const r = engine.assess({ item: { id: 'gallium/metal' }, from: 'AA', to: 'US', date: '2025-06-01', endUse: 'civil', endUser: { name } });
      expect(r.verdict, name).toBe('prohibited');
      expect(aa(r).findings.find((f) => f.party)!.party).toEqual({ id: 'acme', name: 'Acme Rare Metals Co., Ltd.', list: 'aa-control-list', listTitle: 'AA export control list' });
    }
  });
  it('screens every other party like the end user, naming the party it matched', () => {
    const base = { item: { id: 'gallium/metal' }, from: 'AA', to: 'US', date: '2025-06-01', endUse: 'civil' as const, endUser: { name: 'Harmless Buyer Inc' } };
    expect(engine.assess(base).verdict).toBe('license_required');
    const r = engine.assess({ ...base, parties: [{ role: 'freight_forwarder', name: 'Harmless Logistics' }, { role: 'intermediate_consignee', name: 'ACME RARE METALS CO LTD', country: 'US' }] });
    expect(r.verdict).toBe('prohibited');
    const hit = aa(r).findings.find((f) => f.party)!;
    expect(hit.party!.id).toBe('acme');
    expect(hit.matchedOn[0]).toMatch(/^parties\[1\]\.name \(intermediate_consignee\)/);
    expect(aa(r).findings.filter((f) => f.party)).toHaveLength(1);
  });
  it('applies a scoped listing by destination and asks for the parameter its other scope turns on', () => {
    const aa0 = aaPlugin();
    const scoped = { id: 'scoped', name: 'Scoped Optics Ltd', list: 'aa-user-list', listTitle: 'AA user list', measure: 'aa-2025-parties', added: '2025-01-02', requirement: 'license_required' as const, covers: { all: true },
      scopes: [{ destinations: { include: ['RU'] } }, { destinations: { exclude: ['RU', 'DE'] }, conditions: { param: 'specificItem', op: '==' as const, value: 1 }, prompts: { specificItem: 'is the item a specific item (1 = yes, 0 = no)?' } }] };
    const engine = createEngine({ taxonomy, plugins: [{ ...aa0, parties: [...aa0.parties!, scoped] }] });
    const r = (to: string, parameters?: Record<string, number>) => engine.assess({ item: { hs: '010121', ...(parameters ? { parameters } : {}) }, from: 'AA', to, date: '2025-06-01', endUse: 'civil', endUser: { name: 'Scoped Optics Ltd' } });
    expect(r('RU').verdict).toBe('license_required');
    expect(aa(r('RU')).findings.find((f) => f.party)!.party!.id).toBe('scoped');
    expect(r('DE').verdict).toBe('not_controlled');
    const asked = r('CN');
    expect(asked.verdict).toBe('needs_information');
    expect(asked.questions).toEqual([expect.objectContaining({ parameter: 'specificItem', prompt: 'Scoped Optics Ltd is on the AA user list: is the item a specific item (1 = yes, 0 = no)?' })]);
    expect(aa(asked).findings.filter((f) => f.party)).toEqual([]);
    expect(r('CN', { specificItem: 1 }).verdict).toBe('license_required');
    expect(r('CN', { specificItem: 0 }).verdict).toBe('not_controlled');
    expect(engine.assess({ item: { hs: '010121' }, from: 'AA', to: 'CN', date: '2025-01-01', endUse: 'civil', endUser: { name: 'Scoped Optics Ltd' } }).questions).toEqual([]);
  });
  it('asks the fact a needs_information listing turns on, and settles the finding by the answer (CONTRACT §3)', () => {
    const aa0 = aaPlugin();
    const fact = { parameter: 'aa.statementHeld', prompt: 'Do you hold its statement?', ifYes: 'no_license_required' as const, ifNo: null, saysYes: 'Statement held.', saysNo: '' };
    const party = (id: string, name: string, withFact: boolean) => ({ id, name, list: 'aa-user-list', listTitle: 'AA user list', measure: 'aa-2025-parties', added: '2025-01-02',
      requirement: 'needs_information' as const, licenseRequirementText: 'For some items only', covers: { all: true }, ...(withFact ? { fact } : {}) });
    const e = createEngine({ taxonomy, plugins: [{ ...aa0, parties: [...aa0.parties!, party('unsettled', 'Unsettled Optics Ltd', true), party('bare', 'Bare Optics Ltd', false)] }] });
    const r = (name: string, parameters?: Record<string, number>, date = '2025-06-01') =>
      e.assess({ item: { hs: '010121', ...(parameters ? { parameters } : {}) }, from: 'AA', to: 'CN', date, endUse: 'civil', endUser: { name } });
    const asked = r('Unsettled Optics Ltd');
    expect(asked.verdict).toBe('needs_information');
    expect(asked.questions).toEqual([{ parameter: 'aa.statementHeld', prompt: 'Unsettled Optics Ltd is on the AA user list, for: "For some items only". Do you hold its statement?', candidates: ['1', '0'], jurisdiction: 'AA' }]);
    expect(aa(asked).findings.filter((f) => f.party).map((f) => f.requirement)).toEqual(['needs_information']);
    const yes = r('Unsettled Optics Ltd', { 'aa.statementHeld': 1 });
    expect(yes.verdict).toBe('no_license_required');
    expect(yes.questions).toEqual([]);
    expect(aa(yes).findings.find((f) => f.party)).toMatchObject({ requirement: 'no_license_required', reason: expect.stringMatching(/ Statement held\.$/), matchedOn: [expect.any(String), 'item.parameters["aa.statementHeld"] = 1'] });
    const no = r('Unsettled Optics Ltd', { 'aa.statementHeld': 0 });
    expect([no.verdict, aa(no).findings.filter((f) => f.party)]).toEqual(['not_controlled', []]);
    // A listing with no fact to ask still names what is missing: the party, by the path that named it.
    const bare = r('Bare Optics Ltd');
    expect(bare.verdict).toBe('needs_information');
    expect(bare.questions.map((q) => q.parameter)).toEqual(['endUser.name']);
    // Only a listing in force asks.
    expect(r('Unsettled Optics Ltd', undefined, '2024-12-01').questions).toEqual([]);
    // A fact that cannot be asked, or answers with no verdict, is refused at registration, naming the field.
    const broken = { ...party('broken', 'Broken Optics Ltd', true), fact: { ...fact, parameter: ' ', ifYes: 'maybe' as unknown as null } };
    expect(() => createEngine({ taxonomy, plugins: [{ ...aa0, parties: [...aa0.parties!, broken] }] })).toThrow(/parties\[\d+\] "broken"\.fact\.parameter: expected the item parameter[\s\S]*\.fact\.ifYes: expected a verdict or null/);
  });
  it('reads a fact the plugin derives from the request (facts hook) instead of asking it; a parameter the request gives wins', () => {
    const aa0 = aaPlugin();
    // A list by tariff code, as Japan's 16(1): the HS code decides; without one the parameter is asked.
    const byCode = { id: 'by-code', measure: 'aa-2020-widgets', title: 'Listed tariff lines', covers: { all: true, exceptListed: true }, conditions: { param: 'inTariffList', op: '==' as const, value: 1 }, prompts: { inTariffList: 'is the item in the tariff list (1 = yes, 0 = no)?' }, requirement: 'license_required' as const, reason: 'Tariff lines of the list need a licence.' };
    const scoped = { id: 'scoped-by-code', name: 'Scoped Optics Ltd', list: 'aa-user-list', listTitle: 'AA user list', measure: 'aa-2025-parties', added: '2025-01-02', requirement: 'license_required' as const, covers: { all: true }, scopes: [{ conditions: { param: 'inTariffList', op: '==' as const, value: 1 } }] };
    const facts = ({ request }: { request: { item: { hs?: string } } }) => (request.item.hs ? { inTariffList: request.item.hs.startsWith('8457') ? 1 : 0 } : undefined);
    const e = createEngine({ taxonomy, plugins: [{ ...aa0, entries: [...aa0.entries, byCode], parties: [...aa0.parties!, scoped], facts }] });
    const r = (item: { hs?: string; id?: string; parameters?: Record<string, number> }, endUser?: string) => aa(e.assess({ item, from: 'AA', to: 'IN', date: '2025-06-01', endUse: 'civil', ...(endUser ? { endUser: { name: endUser } } : {}) }));
    expect(r({ hs: '845710' }).verdict).toBe('license_required');
    expect(r({ hs: '845710' }).questions ?? []).toEqual([]);
    expect(r({ hs: '010121' }).verdict).toBe('not_controlled');
    expect(r({ hs: '010121' }).questions ?? []).toEqual([]);
    expect(r({ id: 'germanium/metal' }).questions!.map((q) => q.parameter)).toContain('inTariffList');
    expect(r({ hs: '010121', parameters: { inTariffList: 1 } }).verdict).toBe('license_required');
    expect(r({ hs: '010121' }, 'Scoped Optics Ltd').findings.filter((f) => f.party)).toEqual([]);
    expect(r({ hs: '845710' }, 'Scoped Optics Ltd').findings.filter((f) => f.party).map((f) => f.party!.id)).toEqual(['scoped-by-code']);
  });
  it('does not match a different name, a party before its listing or after its removal', () => {
    const verdict = (name: string, date: string) => engine.assess({ item: { id: 'gallium/metal' }, from: 'AA', to: 'US', date, endUse: 'civil', endUser: { name } }).verdict;
    expect(verdict('Acme Foods Ltd', '2025-06-01')).toBe('license_required');
    expect(verdict('Acme Rare Metals', '2025-01-01')).toBe('license_required');
    expect(verdict('Gone Industries', '2025-06-30')).toBe('prohibited');
    expect(verdict('Gone Industries', '2025-07-01')).toBe('license_required');
  });
});

describe('reach by origin and content', () => {
  it('a re-export of an AA-origin item from abroad is reached while the origin rule is in force', () => {
    const r = engine.assess({ item: { id: 'magnets/ndfeb-dy-tb', origin: 'AA' }, from: 'DE', to: 'IN', date: '2025-10-20' });
    expect(aa(r)).toMatchObject({ reaches: true, verdict: 'license_required' });
    const suspended = engine.assess({ item: { id: 'magnets/ndfeb-dy-tb', origin: 'AA' }, from: 'DE', to: 'IN', date: '2025-11-07' });
    expect(aa(suspended)).toMatchObject({ reaches: false, verdict: 'not_controlled' });
    expect(aa(suspended).findings.map((f) => f.status)).toEqual(['suspended']);
  });
  it('a technology part (the item is its direct product) may leave out its value share, read as 0', () => {
    const r = engine.assess({ item: { id: 'magnets/ndfeb', origin: 'DE', content: [{ item: { id: 'tech/rare-earths/separation' }, origin: 'AA' }] }, from: 'DE', to: 'IN', date: '2025-06-01' });
    expect(r).not.toHaveProperty('error');
    expect(r.verdict).toBeDefined();
  });

  it('a foreign item with AA content at or above the de minimis share is reached; below it is not', () => {
    const withShare = (valueShare: number) => engine.assess({
      item: { id: 'magnets/ndfeb', origin: 'DE', content: [{ item: { id: 'dysprosium/oxide' }, origin: 'AA', valueShare }] },
      from: 'DE', to: 'IN', date: '2026-11-12',
    });
    expect(aa(withShare(0.001)).verdict).toBe('license_required');
    expect(aa(withShare(0.001)).findings[0]!.matchedOn).toContain('content 0.10 % of value from AA');
    expect(aa(withShare(0.0009)).verdict).toBe('not_controlled');
  });
  it('content of another origin does not count', () => {
    const r = engine.assess({ item: { id: 'magnets/ndfeb', content: [{ item: { id: 'dysprosium/oxide' }, origin: 'AA', valueShare: 0.01 }, { item: { id: 'dysprosium/oxide' }, origin: 'US', valueShare: 0.5 }] }, from: 'DE', to: 'IN', date: '2026-11-12' });
    expect(aa(r).findings[0]!.matchedOn).toContain('content 1.00 % of value from AA');
  });
  it('the origin reach applies to destination rules too (JP military users)', () => {
    const r = engine.assess({ item: { id: 'gallium/nitride', origin: 'AA' }, from: 'KR', to: 'JP', date: '2026-02-01', endUser: { type: 'military' } });
    expect(aa(r)).toMatchObject({ reaches: true, verdict: 'prohibited' });
  });
});

describe('item identification', () => {
  it('identifiers that disagree: the taxonomy ID decides; a customs code is said to be read still by rules keyed on it, a name to be ignored', () => {
    const warning = (item: Record<string, string>) => engine.assess({ item, from: 'AA', to: 'IN', date: '2025-01-15' }).warnings.find((w) => w.code === 'identifiers_disagree')?.message;
    const code = warning({ id: 'gallium/metal', hs: '850511' });
    expect(code).toMatch(/^hs 850511 points at a different item than id gallium\/metal, which identifies the item; a rule that turns on the declared customs code itself/);
    expect(code).not.toMatch(/Ignored/);
    expect(warning({ id: 'gallium/metal', name: 'germanium metal' })).toBe('Ignored name "germanium metal": it points at a different item than id gallium/metal.');
    expect(warning({ id: 'gallium/metal' })).toBeUndefined();
  });
  it('a China tariff line resolves to the exact item', () => {
    const r = engine.assess({ item: { cnCode: '8112929010' }, from: 'AA', to: 'IN', date: '2025-01-15' });
    expect(r.item).toMatchObject({ resolved: ['gallium/metal'], matchedBy: 'cnCode 8112929010' });
  });
  it('a shared HS subheading is ambiguous; a name narrows it', () => {
    const broad = engine.assess({ item: { hs: '8112.92' }, from: 'AA', to: 'IN', date: '2025-01-15' });
    expect(broad.item.candidates).toEqual(['gallium/metal', 'germanium/metal']);
    expect(broad.warnings.map((w) => w.code)).toContain('ambiguous_item');
    const narrow = engine.assess({ item: { hs: '811292', name: 'gallium metal' }, from: 'AA', to: 'IN', date: '2025-01-15' });
    expect(narrow.item.resolved).toEqual(['gallium/metal']);
    expect(narrow.item.matchedBy).toBe('hs 811292, name "gallium metal"');
  });
  it('a broader item than the listed ones asks which one, with candidates', () => {
    const r = engine.assess({ item: { id: 'magnets/ndfeb' }, from: 'AA', to: 'IN', date: '2025-06-01' });
    expect(r.verdict).toBe('needs_information');
    expect(r.questions[0]).toMatchObject({ parameter: 'item', candidates: ['1C905.a Dy-containing NdFeB'] });
  });
  it('a list code of the regime matches, and a sub-item code matches its entry', () => {
    expect(engine.assess({ item: { cnControlCode: '1c001.A' }, from: 'AA', to: 'IN', date: '2025-01-15' }).verdict).toBe('license_required');
    expect(engine.assess({ item: { cnControlCode: '1C001.a.1' }, from: 'AA', to: 'IN', date: '2025-01-15' }).verdict).toBe('license_required');
  });
  it('a customs line listed by an entry matches without a taxonomy node', () => {
    const r = engine.assess({ item: { cnCode: '2846901990' }, from: 'AA', to: 'IN', date: '2025-06-01' });
    expect(aa(r).findings[0]).toMatchObject({ entry: { id: 'dy-oxide', code: '1C905.b' }, matchedOn: ['taxonomy dysprosium/oxide', 'cnCode 2846901990'] });
  });
  it('includes the HS heading', () => {
    expect(engine.assess({ item: { hs: '811292', name: 'gallium metal' }, from: 'AA', to: 'IN', date: '2025-01-15' }).item.hsHeading?.code).toBe('811292');
  });
});

describe('bad input names the field', () => {
  const errorsOf = (req: unknown) => {
    try {
      engine.assess(req);
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).errors.map((x) => x.path);
    }
    throw new Error('expected a ValidationError');
  };
  it.each([
    [{ from: 'AA', to: 'DE' }, ['item']],
    [{ item: {}, from: 'AA', to: 'DE' }, ['item']],
    [{ item: { id: 'unobtainium' }, from: 'AA', to: 'DE' }, ['item.id']],
    [{ item: { hs: '81a' }, from: 'AA', to: 'DE' }, ['item.hs']],
    [{ item: { cnCode: '811292' }, from: 'AA', to: 'DE' }, ['item.cnCode']],
    [{ item: { eccn: 'banana' }, from: 'AA', to: 'DE' }, ['item.eccn']],
    [{ item: { cas: '7440-55-4' }, from: 'AA', to: 'DE' }, ['item.cas']],
    [{ item: { id: 'widgets', parameters: { purity: 99.99 } }, from: 'AA', to: 'DE' }, ['item.parameters.purity']],
    [{ item: { id: 'widgets', parameters: { purity: 'high' } }, from: 'AA', to: 'DE' }, ['item.parameters.purity']],
    [{ item: { id: 'widgets', content: [{ item: { id: 'gallium' }, origin: 'AA', valueShare: 1.5 }] }, from: 'AA', to: 'DE' }, ['item.content[0].valueShare']],
    [{ item: { id: 'widgets', content: [{ item: { id: 'gallium' }, origin: 'AA', valueShare: '0.2' }] }, from: 'AA', to: 'DE' }, ['item.content[0].valueShare']],
    [{ item: { id: 'widgets' }, from: 'ZZ', to: 'DE' }, ['from']],
    [{ item: { id: 'widgets' }, from: 'AA' }, ['to']],
    [{ item: { id: 'widgets' }, from: 'AA', to: 'DE', date: '2025-02-30' }, ['date']],
    [{ item: { id: 'widgets' }, from: 'AA', to: 'DE', transfer: 'services' }, ['transfer']],
    [{ item: { id: 'widgets' }, from: 'AA', to: 'DE', endUse: 'peaceful' }, ['endUse']],
    [{ item: { id: 'widgets' }, from: 'AA', to: 'DE', endUser: { type: 'army' } }, ['endUser.type']],
    [{ item: { id: 'widgets' }, from: 'AA', to: 'DE', jurisdictions: ['XX'] }, ['jurisdictions[0]']],
    [{ item: { id: 'widgets' }, form: 'AA', to: 'DE' }, ['form', 'from']],
  ])('%j → %j', (req, paths) => {
    expect(errorsOf(req)).toEqual(paths);
  });
  it('a non-object request', () => {
    expect(() => engine.assess('gallium')).toThrow(/expected a JSON object/);
  });
});

describe('assessMany', () => {
  it('keeps order, echoes ids, and reports a bad line without stopping', () => {
    const out = [...engine.assessMany([
      { id: 'a', item: { id: 'gallium/metal' }, from: 'AA', to: 'IN', date: '2025-01-15' },
      { id: 'b', item: { id: 'nope' }, from: 'AA', to: 'IN' },
      { id: 'c', item: { id: 'widgets' }, from: 'AA', to: 'RU', date: '2025-01-15' },
      { id: 'd', item: { id: 'gallium/metal' }, from: 'AA', to: 'IN', date: '2025-01-15' },
    ])];
    expect(out.map((o) => [o.index, o.ok])).toEqual([[0, true], [1, false], [2, true], [3, true]]);
    expect(out[1]).toMatchObject({ ok: false, id: 'b', error: { code: 'invalid_request', errors: [{ path: 'item.id' }] } });
    const ok = out.filter((o) => o.ok).map((o) => (o.ok ? [o.response.id, o.response.verdict] : []));
    expect(ok).toEqual([['a', 'license_required'], ['c', 'license_required'], ['d', 'license_required']]);
  });
  it('streams async iterables', async () => {
    async function* gen() {
      yield { id: 'x', item: { id: 'widgets' }, from: 'AA', to: 'DE', date: '2025-01-15' };
      yield null;
    }
    const out = [];
    for await (const o of engine.assessMany(gen())) out.push(o);
    expect(out.map((o) => o.ok)).toEqual([true, false]);
  });
});

describe('one request never changes the answer to another (hardening #10.1–2)', () => {
  const req = { item: { id: 'gallium/metal' }, from: 'AA', to: 'US', date: '2026-11-28' };
  it('a bad id is refused, and the same question with a good id then gets its answer', () => {
    const e = createEngine({ taxonomy, plugins: [aaPlugin()] });
    expect(() => e.assess({ ...req, id: { a: 1 } })).toThrow(ValidationError);
    const good = e.assess({ ...req, id: 'good' });
    expect(good.id).toBe('good');
    expect(good.verdict).toBe(createEngine({ taxonomy, plugins: [aaPlugin()] }).assess(req).verdict);
  });
  it('echoes an id as given: a number stays a number, in an answer and in a batch error (CONTRACT §2)', () => {
    const e = createEngine({ taxonomy, plugins: [aaPlugin()] });
    expect(e.assess({ ...req, id: 7 }).id).toBe(7);
    expect(e.assess({ ...req, id: '7' }).id).toBe('7');
    expect(e.assess({ ...req, id: 0 }).id).toBe(0);
    const lines = [...e.assessMany([{ ...req, id: 1.5 }, { ...req, id: 2, from: 'nowhere' }])];
    expect(lines.map((l) => (l.ok ? l.response.id : l.id))).toEqual([1.5, 2]);
  });
  it('an id of {"toString":1} is a validation error naming id, before and after the same question was answered', () => {
    const e = createEngine({ taxonomy, plugins: [aaPlugin()] });
    const bad = () => e.assess({ ...req, id: { toString: 1 } });
    expect(bad).toThrow(ValidationError);
    e.assess({ ...req, id: 'first' });
    try {
      bad();
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).errors.map((x) => x.path)).toEqual(['id']);
    }
    const [line] = [...e.assessMany([{ ...req, id: { toString: 1 } }])];
    expect(line).toMatchObject({ ok: false, error: { code: 'invalid_request', errors: [{ path: 'id' }] } });
  });
  it('answers to the same question are equal but separate objects: changing one leaves the next untouched', () => {
    const e = createEngine({ taxonomy, plugins: [aaPlugin()] });
    const first = e.assess({ ...req, id: 'one' });
    const expected = structuredClone(first);
    (first as { verdict: string }).verdict = 'prohibited';
    first.jurisdictions.length = 0;
    const second = e.assess({ ...req, id: 'one' });
    expect(second).toEqual(expected);
    expect(e.assess({ ...req, id: 'two' }).id).toBe('two');
  });
  it('a rejected request leaves nothing behind: a thousand distinct bad requests change no later answer', () => {
    const e = createEngine({ taxonomy, plugins: [aaPlugin()] });
    const before = e.assess(req);
    for (let i = 0; i < 1000; i++) expect(() => e.assess({ ...req, id: [i], item: { id: 'gallium/metal', name: 'x'.repeat(i) } })).toThrow(ValidationError);
    expect(e.assess(req)).toEqual(before);
  });
});

describe('measures, changes, compare', () => {
  it('lists measures with their status on a date', () => {
    const list = engine.measures({ jurisdiction: 'AA', asOf: '2025-11-10' });
    const oct = list.find((m) => m.id === 'aa-2025-oct')!;
    expect(oct.status).toBe('suspended');
    expect(oct.statusTimeline).toEqual([
      { from: null, to: '2025-11-07', status: 'not_yet_in_force' },
      { from: '2025-11-08', to: '2026-11-10', status: 'suspended' },
      { from: '2026-11-11', to: null, status: 'in_force' },
    ]);
  });
  it('lists the entries of one measure, and none for an unknown one', () => {
    const view = engine.measures({ jurisdiction: 'AA' }).find((m) => m.entries > 0)!;
    const entries = engine.measureEntries(view.id);
    expect(entries).toHaveLength(view.entries);
    expect(entries.every((e) => typeof e.title === 'string' && typeof e.requirement === 'string')).toBe(true);
    expect(engine.measureEntries('no-such-measure')).toEqual([]);
  });
  it('filters measures by item', () => {
    expect(engine.measures({ jurisdiction: 'AA', itemId: 'graphite/artificial' }).map((m) => m.id)).toEqual(['aa-2023-graphite']);
  });
  it('lists changes in a window, oldest first, including clause suspensions', () => {
    const changes = engine.changes({ from: '2025-11-01', to: '2026-12-31', jurisdiction: 'AA' });
    expect(changes.map((c) => [c.date, c.measure, c.event])).toEqual([
      // Suspended from the day before its first day (2025-11-08): the feed dates it as the status timeline does.
      ['2025-11-07', 'aa-2025-reexport', 'suspended'],
      ['2025-11-08', 'aa-2025-oct', 'suspended'],
      ['2025-11-09', 'aa-2024-us', 'suspended'],
      ['2026-01-06', 'aa-2026-jp', 'published'],
      ['2026-01-06', 'aa-2026-jp', 'in_force'],
      ['2026-11-11', 'aa-2025-oct', 'in_force'],
      // Its content rule's own first day (2025-12-01) fell in the suspension: it comes into force as the rest resumes.
      ['2026-11-11', 'aa-2025-reexport', 'in_force'],
      ['2026-11-11', 'aa-2025-reexport', 'resumed'],
      ['2026-11-28', 'aa-2024-us', 'resumed'],
    ]);
  });
  it('rejects an unknown jurisdiction and a reversed window', () => {
    expect(() => engine.changes({ from: '2025-01-01', to: '2024-01-01' })).toThrow(ValidationError);
    expect(() => engine.measures({ jurisdiction: 'XX' })).toThrow(/no installed plugin/);
  });
  it('compares an item across regimes', () => {
    const c = engine.compare({ id: 'gallium/metal' }, '2025-06-01');
    expect(c.regimes.map((r) => [r.jurisdiction, r.entries.map((e) => `${e.measure}:${e.status}`)])).toEqual([
      ['AA', ['aa-2023-ga:repealed', 'aa-2024-list:in_force', 'aa-2024-us:in_force']],
      ['BB', ['bb-1:in_force']],
    ]);
  });
  it('names the parameters an item’s entries turn on, with their thresholds and questions', () => {
    const c = engine.compare({ id: 'graphite/artificial' }, '2025-06-01');
    const entry = c.regimes.find((r) => r.jurisdiction === 'AA')!.entries.find((e) => e.entry === 'graphite-art')!;
    expect(entry.conditions).toBe('purity > 0.999 and densityGPerCm3 > 1.73');
    expect(entry.parameters).toEqual([{ name: 'purity', prompt: 'What is the purity (0–1)?' }, { name: 'densityGPerCm3' }]);
    // An entry without thresholds names none.
    const ga = engine.compare({ id: 'gallium/metal' }, '2025-06-01').regimes[0]!.entries[0]!;
    expect(ga).not.toHaveProperty('parameters');
  });
});

describe('plugin registration', () => {
  it('refuses a plugin whose core range does not match', () => {
    expect(() => createEngine({ taxonomy, plugins: [aaPlugin({ core: '^9.0.0' })] })).toThrow(/supports @chokepoint\/core \^9\.0\.0/);
  });
  it('refuses a second plugin for the same jurisdiction', () => {
    expect(() => createEngine({ taxonomy, plugins: [aaPlugin(), aaPlugin()] })).toThrow(/already registered/);
  });
  it('names each bad record', () => {
    const bad = aaPlugin();
    bad.entries = [...bad.entries, { id: 'ga-2023', measure: 'nope', title: 't', covers: { ids: ['unobtainium'] }, requirement: 'license_required', reason: 'r', caveats: [{ code: 'data_incomplete', message: 'm', to: '30.11.2024' }] }];
    bad.measures = [...bad.measures, { ...bad.measures[0]!, id: 'aa-bad', sources: [], effective: { from: '2025-01-01', to: '2024-01-01' } }];
    try {
      createEngine({ taxonomy, plugins: [bad] });
      throw new Error('expected refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(PluginRegistrationError);
      const problems = (e as PluginRegistrationError).problems;
      expect(problems).toEqual(expect.arrayContaining([
        'measures[11] "aa-bad".effective: ends (2024-01-01) before it starts (2025-01-01)',
        'measures[11] "aa-bad": needs at least one source {url, publisher, date}',
        'entries[13] "ga-2023".id: duplicate',
        'entries[13] "ga-2023".measure: "nope" is not a measure of this plugin',
        'entries[13] "ga-2023".covers.ids[0]: "unobtainium" is not a taxonomy ID',
        'entries[13] "ga-2023".caveats[0].to: expected YYYY-MM-DD',
      ]));
    }
  });
});

describe('advisories', () => {
  it('attaches advisories on the corridor and item, never changing the verdict', () => {
    const r = engine.assess({ item: { id: 'magnets/ndfeb-dy-tb' }, from: 'AA', to: 'IN', date: '2025-06-01' });
    expect(r.advisories.map((a) => a.id)).toEqual(['aa-in-holds']);
    expect(r.verdict).toBe('license_required');
    expect(engine.assess({ item: { id: 'magnets/ndfeb-dy-tb' }, from: 'AA', to: 'DE', date: '2025-06-01' }).advisories).toEqual([]);
    expect(engine.assess({ item: { id: 'magnets/ndfeb-dy-tb' }, from: 'AA', to: 'IN', date: '2025-01-01' }).advisories).toEqual([]);
  });
});

describe('the answer cache', () => {
  it('never confuses a string with a number or a value with a separator', () => {
    const ok = { item: { id: 'gallium/metal', valueUsd: 5 }, from: 'AA', to: 'IN', date: '2025-01-15' };
    expect(() => engine.assess({ ...ok, item: { ...ok.item, valueUsd: 'n5x' } })).toThrow(ValidationError);
    expect(engine.assess(ok).verdict).toBe('license_required');
    expect(() => engine.assess({ item: { id: 'gallium/metal' }, from: 'AA\u0002IN', to: '', date: '2025-01-15' })).toThrow(ValidationError);
    expect(engine.assess({ item: { id: 'gallium/metal' }, from: 'AA', to: 'IN', date: '2025-01-15' }).verdict).toBe('license_required');
  });
  it('keeps invalid requests invalid and valid ones valid, whatever their order', () => {
    const bad = { item: { id: 'gallium/metal', hs: '81a' }, from: 'AA', to: 'IN', date: '2025-01-15' };
    expect(() => engine.assess(bad)).toThrow(ValidationError);
    expect(() => engine.assess(bad)).toThrow(ValidationError);
  });
});

describe('ambiguous items', () => {
  it('asks which item when only some of the candidate items are listed', () => {
    const r = engine.assess({ item: { hs: '811292' }, from: 'AA', to: 'IN', date: '2025-06-01' });
    expect(r.item.candidates).toEqual(['gallium/metal', 'germanium/metal']);
    expect(r.verdict).toBe('needs_information');
    expect(r.questions[0]).toMatchObject({ parameter: 'item' });
  });
  it('asks even when each candidate is listed under a different entry: the answer may differ by item', () => {
    const r = engine.assess({ item: { hs: '811292' }, from: 'AA', to: 'IN', date: '2026-11-15' });
    expect(r.verdict).toBe('needs_information');
    expect(r.questions[0]!.candidates).toEqual(['1C001.a Gallium items (List)', '1C909.b Germanium metal (Oct package)']);
  });
  it('a customs code shared by a product and its variant resolves to the product', () => {
    const r = engine.assess({ item: { hs: '850511' }, from: 'AA', to: 'IN', date: '2025-06-01' });
    expect(r.item.resolved).toEqual(['magnets/ndfeb']);
    expect(r.verdict).toBe('needs_information');
  });
});

describe('answers share nothing a caller can change', () => {
  it('changing an answer\'s item.resolved leaves the next answer for the same item as it was', () => {
    const request = { item: { id: 'gallium/metal' }, from: 'AA', to: 'US', date: '2025-06-01' };
    const first = engine.assess(request);
    const before = JSON.stringify(engine.assess(request));
    expect(first.item.resolved).toEqual(['gallium/metal']);
    first.item.resolved.push('germanium/metal');
    first.item.resolved[0] = 'tungsten';
    expect(JSON.stringify(engine.assess(request))).toBe(before);
    const compared = engine.compare({ id: 'gallium/metal' }, '2025-06-01');
    compared.item.resolved.length = 0;
    expect(engine.compare({ id: 'gallium/metal' }, '2025-06-01').item.resolved).toEqual(['gallium/metal']);
    expect(JSON.stringify(engine.assess(request))).toBe(before);
  });
});

describe('memos of sub-results (#11)', () => {
  it('an item named again is resolved from the memo, with the same answer, and a refused request leaves nothing in it', () => {
    const fresh = createEngine({ taxonomy, plugins: [aaPlugin(), bbPlugin()] });
    const request = { item: { hs: '811292' }, from: 'AA', to: 'IN', date: '2025-01-15' };
    const first = JSON.stringify(fresh.assess(request));
    expect(() => fresh.assess({ item: { hs: '811292' }, from: 'AA', to: 'ZZ' })).toThrow(ValidationError);
    const second = JSON.stringify(fresh.assess({ ...request }));
    expect(second).toBe(first);
    const resolution = fresh.memoStatistics().find((m) => m.label === 'item resolution')!;
    expect(resolution).toMatchObject({ hits: 1, misses: 1, size: 1 });
  });

  it('a resolution is kept under its identifier field: the same text as another field, or with a second identifier, is resolved on its own', () => {
    const fresh = createEngine({ taxonomy, plugins: [aaPlugin(), bbPlugin()] });
    const at = { from: 'AA', to: 'IN', date: '2025-01-15' };
    const byId = fresh.assess({ item: { id: 'gallium/metal' }, ...at });
    const byName = fresh.assess({ item: { name: 'gallium/metal' }, ...at });
    const both = fresh.assess({ item: { id: 'gallium/metal', hs: '811292' }, ...at });
    expect(byId.item.matchedBy).toBe('id gallium/metal');
    expect(byName.item.matchedBy).not.toBe(byId.item.matchedBy);
    expect(both.item.matchedBy).not.toBe(byId.item.matchedBy);
    expect(fresh.memoStatistics().find((m) => m.label === 'item resolution')).toMatchObject({ hits: 0, misses: 3, size: 3 });
  });

  it('a caller changing its answer does not change what the next caller is told', () => {
    const fresh = createEngine({ taxonomy, plugins: [aaPlugin(), bbPlugin()] });
    const request = { item: { hs: '811292' }, from: 'AA', to: 'IN', date: '2025-01-15' };
    const before = JSON.stringify(fresh.assess(request));
    const mine = fresh.assess(request);
    mine.item.resolved.push('tampered');
    if (mine.item.hsHeading) mine.item.hsHeading.description = 'tampered';
    for (const j of mine.jurisdictions) for (const f of j.findings) f.matchedOn.push('tampered');
    expect(JSON.stringify(fresh.assess(request))).toBe(before);
  });
});

describe('a name that matches no item but mentions an element (taxonomy search: matchedBy "family")', () => {
  const familySearch = { ...taxonomy, search: (text: string, limit?: number) => (text.startsWith('germanium wafers') ? [{ id: 'germanium', score: 0.55, matchedBy: 'family' }] : taxonomy.search(text, limit)) };
  const byFamily = createEngine({ taxonomy: familySearch, plugins: [aaPlugin()] });
  it('stays unresolved (an entry on the whole element must not answer for a product that contains it), the warning naming the element', () => {
    const r = byFamily.assess({ item: { name: 'germanium wafers' }, from: 'AA', to: 'IN', date: '2025-01-15' });
    expect(r.item.resolved).toEqual([]);
    expect(r.warnings.filter((w) => w.code === 'unresolved_item').map((w) => w.message)).toEqual([
      'No taxonomy item matches the identifiers given; only list codes and customs lines were compared. The name mentions germanium but matches none of its items: give the item\'s taxonomy ID (`chokepoint taxonomy search germanium` lists them), a customs code or a fuller name.',
    ]);
  });
  it('says nothing of the family when another identifier resolved the item', () => {
    const r = byFamily.assess({ item: { name: 'germanium wafers', cnCode: '8112921010' }, from: 'AA', to: 'IN', date: '2025-01-15' });
    expect(r.item.resolved).toEqual(['germanium/metal']);
    expect(r.warnings.map((w) => w.message).join(' ')).not.toContain('mentions germanium');
  });
});
