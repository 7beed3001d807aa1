import { describe, expect, it } from 'vitest';
import type { Amendment } from './amendments.js';
import { createEngine } from './engine.js';
import { PluginRegistrationError, ValidationError } from './errors.js';
import { portfolioChanges } from './portfolio.js';
import { partiesFromList, type PartyList } from './lists.js';
import { sameListingCountry } from './screening.js';
import type { PluginDefinition } from './plugin.js';
import { aaPlugin } from './test-support/fixture-plugins.js';
import { fixtureTaxonomy } from './test-support/fixture-taxonomy.js';

const taxonomy = fixtureTaxonomy();
const source = { url: 'https://example.org/aa-list', publisher: 'AA Ministry', date: '2026-11-30' };

/** The AA fixture plugin, declaring that it applies the "aa-control-list" through its parties measure. */
function aaWithBinding(): PluginDefinition {
  return { ...aaPlugin(), lists: [{ list: 'aa-control-list', title: 'AA export control list', measure: 'aa-2025-parties', consequence: { requirement: 'prohibited', summary: 'No export to listed parties.' }, source }] };
}

const imported: PartyList = {
  id: 'aa-control-list', name: 'AA export control list', jurisdiction: 'AA', consequence: { requirement: 'prohibited', summary: 'No export to listed parties.' },
  source, asOf: '2026-11-30',
  entries: [{ id: 'N-7', name: 'Новый Металл ООО', aliases: ['Novyi Metall LLC'], country: 'RU', listedOn: '2026-11-01' }],
};

const gallium = { item: { id: 'gallium/metal' }, from: 'AA', to: 'RU', date: '2026-11-20' };

describe('listed owners (CONTRACT §9: owners are screened too)', () => {
  const owned = { ...gallium, endUser: { name: 'Harbour Trading Co', owners: [{ name: 'Tiny Holdings', share: 0.3 }, { name: 'Novyi Metall', share: 0.2 }], ownersComplete: true } };
  it('report an owner found on a list as a listed_owner warning naming the owner, the list and what it means, without changing the verdict', () => {
    const engine = createEngine({ taxonomy, plugins: [aaWithBinding()], lists: [imported] });
    const answer = engine.assess(owned);
    const w = answer.warnings.filter((x) => x.code === 'listed_owner');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ path: 'endUser.owners[1]', jurisdiction: 'AA', measure: 'aa-2025-parties', party: { id: 'aa-control-list-n-7', list: 'aa-control-list' } });
    expect(w[0]!.message).toMatch(/endUser\.owners\[1\] "Novyi Metall" \(20 %\) matches "Novyi Metall LLC" on the AA export control list/);
    expect(w[0]!.message).toMatch(/binds Новый Металл ООО itself: dealing with it directly requires prohibited/);
    expect(w[0]!.message).toMatch(/models no rule extending the AA export control list to parties a listed party owns/);
    // The end user is not listed and the plugin has no ownership rule: the listing of an owner decides nothing here.
    const plain = engine.assess({ ...owned, endUser: { ...owned.endUser, owners: [{ name: 'Tiny Holdings', share: 0.3 }] } });
    expect(answer.verdict).toBe(plain.verdict);
    expect(answer.jurisdictions[0]!.findings.some((f) => f.party)).toBe(false);
    expect(plain.warnings.some((x) => x.code === 'listed_owner')).toBe(false);
  });
  it('say what the binding says a listing means for owned parties, where the plugin states it', () => {
    const plugin = aaWithBinding();
    plugin.lists = plugin.lists!.map((b) => ({ ...b, owned: 'An entity half owned by listed parties is listed too (AA Rule 9).' }));
    const w = createEngine({ taxonomy, plugins: [plugin], lists: [imported] }).assess(owned).warnings.find((x) => x.code === 'listed_owner');
    expect(w!.message).toMatch(/AA Rule 9/);
  });
  it('do not report an owner whose listing had not begun on the date, nor for a regime that does not reach the transfer', () => {
    const engine = createEngine({ taxonomy, plugins: [aaWithBinding()], lists: [imported] });
    expect(engine.assess({ ...owned, date: '2026-10-31' }).warnings.some((x) => x.code === 'listed_owner')).toBe(false);
    expect(engine.assess({ ...owned, from: 'US' }).warnings.some((x) => x.code === 'listed_owner')).toBe(false);
  });
});

describe('a name that only begins listed names (possible_listed_party)', () => {
  const withDivisions: PartyList = {
    ...imported,
    entries: [
      ...imported.entries,
      { id: 'N-8', name: 'Raytor Missiles & Defense', country: 'US', listedOn: '2026-11-01' },
      { id: 'N-9', name: 'Raytor Missile Systems Inc.', country: 'US', listedOn: '2026-11-01' },
    ],
  };
  const engine = createEngine({ taxonomy, plugins: [aaWithBinding()], lists: [withDivisions] });
  it('warns that the name may be a listed party\'s short name, naming the listings, and changes no verdict', () => {
    const answer = engine.assess({ ...gallium, endUser: { name: 'Raytor' } });
    const w = answer.warnings.filter((x) => x.code === 'possible_listed_party');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ path: 'endUser.name', jurisdiction: 'AA', measure: 'aa-2025-parties', party: { list: 'aa-control-list' } });
    expect(w[0]!.message).toMatch(/endUser\.name "Raytor" matches no listed name, but listed names begin with it: "Raytor Missile Systems Inc\." \(AA export control list, listed 2026-11-01: dealing with it is prohibited\); "Raytor Missiles & Defense" \(/);
    expect(w[0]!.message).toMatch(/may be the short name of one of these parties, or name another party; this answer does not treat it as listed/);
    expect(answer.jurisdictions[0]!.findings.some((f) => f.party)).toBe(false);
    expect(answer.verdict).toBe(engine.assess({ ...gallium, endUser: { name: 'Harbour Trading Co' } }).verdict);
  });
  it('does not warn for the full listed name (a finding), a name that begins none, a listing not yet begun or a regime that does not reach', () => {
    const listed = engine.assess({ ...gallium, endUser: { name: 'Raytor Missiles & Defense' } });
    expect(listed.warnings.some((x) => x.code === 'possible_listed_party')).toBe(false);
    expect(listed.jurisdictions[0]!.findings.some((f) => f.party?.name === 'Raytor Missiles & Defense')).toBe(true);
    expect(engine.assess({ ...gallium, endUser: { name: 'Harbour Trading Co' } }).warnings.some((x) => x.code === 'possible_listed_party')).toBe(false);
    expect(engine.assess({ ...gallium, date: '2026-10-31', endUser: { name: 'Raytor' } }).warnings.some((x) => x.code === 'possible_listed_party')).toBe(false);
    expect(engine.assess({ ...gallium, from: 'US', endUser: { name: 'Raytor' } }).warnings.some((x) => x.code === 'possible_listed_party')).toBe(false);
  });
  it('warns for an owner named by the start of listed names too, whatever the item, and applies no ownership rule', () => {
    const answer = engine.assess({ ...gallium, endUser: { name: 'Harbour Trading Co', owners: [{ name: 'Raytor', share: 0.6 }], ownersComplete: true } });
    const w = answer.warnings.filter((x) => x.code === 'possible_listed_party');
    expect(w.map((x) => x.path)).toEqual(['endUser.owners[0]']);
    expect(w[0]!.message).toMatch(/this answer does not treat it as listed, nor apply the rules on parties a listed party owns/);
    expect(answer.warnings.some((x) => x.code === 'listed_owner')).toBe(false);
  });
  it('warns for other parties too, under their own path', () => {
    const answer = engine.assess({ ...gallium, endUser: { name: 'Harbour Trading Co' }, parties: [{ role: 'intermediate_consignee', name: 'Raytor' }] });
    expect(answer.warnings.filter((x) => x.code === 'possible_listed_party').map((x) => x.path)).toEqual(['parties[0].name (intermediate_consignee)']);
  });
});

describe('sample lists', () => {
  const sampled = (): PluginDefinition => ({ ...aaWithBinding(), lists: aaWithBinding().lists!.map((b) => ({ ...b, sample: '1 party bundled, not the whole list' })) });
  it('warn sample_list in every answer that screens a party against a bundled sample, and show it in data status', () => {
    const engine = createEngine({ taxonomy, plugins: [sampled()] });
    const warned = (request: object) => engine.assess({ ...gallium, ...request }).warnings.filter((w) => w.code === 'sample_list');
    expect(warned({ endUser: { name: 'Harbour Trading Co' } })[0]!.message).toMatch(/AA export control list: 1 party bundled, not the whole list.*A party without a hit is not cleared.*chokepoint data update/);
    expect(warned({ parties: [{ role: 'purchaser', name: 'Harbour Trading Co' }] })).toHaveLength(1);
    expect(warned({})).toHaveLength(0);
    expect(engine.dataStatus().lists.find((l) => l.id === 'aa-control-list')).toMatchObject({ origin: 'bundled', sample: '1 party bundled, not the whole list' });
    expect(engine.assess({ ...gallium, endUser: { name: 'x' } }).data[0]!.lists[0]).toMatchObject({ id: 'aa-control-list', sample: true });
  });
  it('stop warning once the full list is imported', () => {
    const engine = createEngine({ taxonomy, plugins: [sampled()], lists: [imported] });
    expect(engine.assess({ ...gallium, endUser: { name: 'Harbour Trading Co' } }).warnings.some((w) => w.code === 'sample_list')).toBe(false);
    expect(engine.dataStatus().lists.find((l) => l.id === 'aa-control-list')).not.toHaveProperty('sample');
  });
});

describe('imported lists', () => {
  it('replace the bundled parties of the same list in assessments and screening', () => {
    const engine = createEngine({ taxonomy, plugins: [aaWithBinding()], lists: [imported] });
    const hit = engine.assess({ ...gallium, endUser: { name: 'Novyi Metall' } });
    expect(hit.verdict).toBe('prohibited');
    expect(hit.jurisdictions[0]!.findings.find((f) => f.party)?.party?.id).toBe('aa-control-list-n-7');
    // The bundled party is gone with the bundled copy.
    expect(engine.assess({ ...gallium, endUser: { name: 'Acme Rare Metals' } }).jurisdictions[0]!.findings.some((f) => f.party)).toBe(false);
    expect(engine.screen({ name: 'Новый Металл' }).matches.map((m) => m.entry.id)).toEqual(['N-7']);
    expect(hit.data[0]!.lists).toEqual([{ id: 'aa-control-list', asOf: '2026-11-30', entries: 1, origin: 'imported' }]);
  });
  it('bundled lists are screened and named in data when nothing is imported', () => {
    const engine = createEngine({ taxonomy, plugins: [aaWithBinding()] });
    expect(engine.screen({ name: '阿克米稀有金属' }).matches[0]).toMatchObject({ list: 'aa-control-list', consequence: 'prohibited' });
    const status = engine.dataStatus();
    expect(status.lists).toMatchObject([{ id: 'aa-control-list', entries: 2, origin: 'bundled', asOf: '2026-06-30' }]);
  });
  it('a bundled edition older than the plugin\'s data carries its own date (binding asOf): data status, screening and stale_list say it', () => {
    const plugin = aaWithBinding();
    plugin.lists = plugin.lists!.map((b) => ({ ...b, asOf: '2025-09-29' }));
    const engine = createEngine({ taxonomy, plugins: [plugin], listMaxAgeDays: 100_000 });
    expect(engine.dataStatus().lists).toMatchObject([{ id: 'aa-control-list', origin: 'bundled', asOf: '2025-09-29' }]);
    expect(engine.screen({ name: '阿克米稀有金属' }).lists.find((l) => l.id === 'aa-control-list')).toMatchObject({ asOf: '2025-09-29' });
    const stale = createEngine({ taxonomy, plugins: [plugin], listMaxAgeDays: 1 }).assess({ ...gallium, endUser: { name: 'Harbour Trading Co' } });
    expect(stale.warnings.find((w) => w.code === 'stale_list')!.message).toMatch(/dated 2025-09-29/);
  });
  it('a binding may turn each entry into parties of its own (toParties), which are validated like bundled ones', () => {
    const bound = aaWithBinding();
    const binding = { ...bound.lists![0]!, toParties: (list: PartyList) => list.entries.map((e) => ({
      id: `aa-n-${e.id.toLowerCase()}`, name: e.name, ...(e.aliases ? { aliases: e.aliases } : {}), list: list.id, listTitle: list.name,
      measure: 'aa-2025-parties', added: e.listedOn!, requirement: 'license_required' as const, covers: { all: true }, scopes: [{ destinations: { include: ['RU'] } }],
    })) };
    const engine = createEngine({ taxonomy, plugins: [{ ...bound, lists: [binding] }], lists: [imported] });
    const hit = engine.assess({ ...gallium, item: { hs: '010121' }, endUser: { name: 'Novyi Metall' } });
    expect(hit.verdict).toBe('license_required');
    expect(hit.jurisdictions[0]!.findings.find((f) => f.party)?.party?.id).toBe('aa-n-n-7');
    expect(engine.assess({ ...gallium, item: { hs: '010121' }, to: 'US', endUser: { name: 'Novyi Metall' } }).verdict).toBe('not_controlled');
    const bad = { ...binding, toParties: (list: PartyList) => binding.toParties(list).map((p) => ({ ...p, scopes: [{ destinations: { include: ['group:NOPE'] } }] })) };
    expect(() => createEngine({ taxonomy, plugins: [{ ...bound, lists: [bad] }], lists: [imported] })).toThrow(/parties\[0\] "aa-n-n-7"\.scopes\[0\]\.destinations\.include\[0\]: unknown group "NOPE"/);
  });
  it('warn stale_list when a list used to screen an end user is older than the configured age', () => {
    const old = createEngine({ taxonomy, plugins: [aaWithBinding()], lists: [{ ...imported, asOf: '2020-01-01' }], listMaxAgeDays: 30 });
    expect(old.assess({ ...gallium, endUser: { name: 'x' } }).warnings.map((w) => w.code)).toContain('stale_list');
    expect(old.assess(gallium).warnings.map((w) => w.code)).not.toContain('stale_list');
    expect(old.dataStatus().lists[0]!.stale).toBe(true);
  });
  it('warn in a screening answer when a list it searched is out of date or a sample, naming only the lists searched (screening review)', () => {
    const plugin = aaWithBinding();
    const watch = { ...plugin.lists![0]!, list: 'aa-watch-list', title: 'AA watch list', sample: '1 party bundled, not the whole list' };
    const engine = createEngine({ taxonomy, plugins: [{ ...plugin, lists: [plugin.lists![0]!, watch] }], lists: [{ ...imported, asOf: '2020-01-01' }], listMaxAgeDays: 30 });
    const all = engine.screen({ name: 'Harbour Trading Co' });
    expect(all.warnings?.map((w) => w.code)).toEqual(['sample_list', 'stale_list']);
    expect(all.warnings!.find((w) => w.code === 'stale_list')!.message).toMatch(/aa-control-list \(dated 2020-01-01\).*not cleared/);
    expect(all.warnings!.find((w) => w.code === 'sample_list')!.message).toMatch(/AA watch list: 1 party bundled/);
    expect(engine.screen({ name: 'Harbour Trading Co', lists: ['aa-control-list'] }).warnings?.map((w) => w.code)).toEqual(['stale_list']);
    const fresh = createEngine({ taxonomy, plugins: [aaWithBinding()], lists: [imported], listMaxAgeDays: 100_000 });
    expect(fresh.screen({ name: 'Harbour Trading Co' })).not.toHaveProperty('warnings');
  });
  it('names every out-of-date list of a regime in one stale_list warning, not one warning per list', () => {
    const plugin = aaWithBinding();
    const watch = { ...plugin.lists![0]!, list: 'aa-watch-list', title: 'AA watch list' };
    const two = createEngine({ taxonomy, plugins: [{ ...plugin, lists: [plugin.lists![0]!, watch] }], lists: [{ ...imported, asOf: '2020-01-01' }, { ...imported, id: 'aa-watch-list', name: 'AA watch list', asOf: '2021-03-04' }], listMaxAgeDays: 30 });
    const stale = two.assess({ ...gallium, endUser: { name: 'x' } }).warnings.filter((w) => w.code === 'stale_list');
    expect(stale).toEqual([{ code: 'stale_list', jurisdiction: 'AA', message: 'The lists used to screen the parties are more than 30 days old: aa-control-list (dated 2020-01-01), aa-watch-list (dated 2021-03-04); run `chokepoint data update` for current copies.' }]);
  });
});

describe('amendments', () => {
  const extension: Amendment & { sha256: string; file: string } = {
    id: 'aa-70-extended', plugin: 'AA', sha256: 'ab'.repeat(32), file: 'aa-70-extended.json',
    source: { url: 'https://example.org/aa-notice-90', publisher: 'AA Ministry', date: '2026-11-05' },
    statusEvents: [{ measure: 'aa-2025-oct', event: 'suspension', from: '2025-11-07', to: '2027-11-10', by: 'AA Notice 90' }],
  };
  const germanium = { item: { id: 'germanium/metal' }, from: 'AA', to: 'US', date: '2026-12-01' };
  it('an extended suspension changes the status after the old end and names itself in data', () => {
    const before = createEngine({ taxonomy, plugins: [aaPlugin()] }).assess(germanium);
    expect(before.jurisdictions[0]!.findings[0]!.status).toBe('in_force');
    const after = createEngine({ taxonomy, plugins: [aaPlugin()], amendments: [extension] }).assess(germanium);
    expect(after.jurisdictions[0]!.findings[0]!.status).toBe('suspended');
    expect(after.data[0]!.amendments).toEqual([{ id: 'aa-70-extended', sha256: 'ab'.repeat(32), file: 'aa-70-extended.json' }]);
  });
  it('a wrong field refuses the amendment naming file and field', () => {
    const bad = { ...extension, statusEvents: [{ measure: 'aa-2025-oct', event: 'suspension' as const, from: '2025-11-07', to: '10 Nov 2027', by: 'AA Notice 90' }] };
    expect(() => createEngine({ taxonomy, plugins: [aaPlugin()], amendments: [bad] })).toThrow(PluginRegistrationError);
    expect(() => createEngine({ taxonomy, plugins: [aaPlugin()], amendments: [bad] })).toThrow(/amendment aa-70-extended \(aa-70-extended\.json\): statusEvents\[0\]\.to: expected YYYY-MM-DD/);
  });
  it('records pass the plugin data checks', () => {
    const bad = { ...extension, statusEvents: [], entries: [{ id: 'x', measure: 'nope', title: 'X', covers: { ids: ['gallium'] }, requirement: 'prohibited' as const, reason: 'r' }] };
    expect(() => createEngine({ taxonomy, plugins: [aaPlugin()], amendments: [bad] })).toThrow(/nope/);
  });
});

/**
 * An engine for portfolioChanges that answers from a timeline: its events and its answer on a date; no party is
 * listed and no country changes group (the tests that need those use a real engine).
 */
function fakeEngine(events: object[], assess: (r: { date: string }) => object): Parameters<typeof portfolioChanges>[0] {
  return { changes: () => events, assess, listingDays: () => [], membershipDays: () => [] } as unknown as Parameters<typeof portfolioChanges>[0];
}

describe('portfolioChanges', () => {
  const engine = createEngine({ taxonomy, plugins: [aaPlugin()] });
  // A line whose end user is on the AA list from 2026-11-01 (imported), and the AA regime's answer to it on a date.
  const partyLine = { item: { id: 'gallium/metal' }, from: 'AA', to: 'RU', endUser: { name: 'Novyi Metall LLC' } };
  const aaOn = (e: typeof engine, date: string) => e.assess({ ...partyLine, date }).jurisdictions[0]!;
  it('finds the day a suspension ends, with before, after and the measure, assessing only candidate dates', () => {
    const changes = portfolioChanges(engine, { from: '2026-01-01', to: '2026-12-31' });
    const r = changes({ id: 'sku-1', item: { id: 'germanium/metal' }, from: 'AA', to: 'US', date: '2020-01-01' });
    expect(r).toEqual({
      id: 'sku-1', on: 'not_controlled', onDate: '2026-01-01',
      changes: [{ date: '2026-11-11', jurisdiction: 'AA', before: { verdict: 'not_controlled' }, after: { verdict: 'license_required' }, measures: ['aa-2025-oct'] }],
    });
    expect(changes({ item: { id: 'widgets' }, from: 'AA', to: 'DE' }).changes).toEqual([]);
    // The line's id is echoed as given (CONTRACT §2): a number stays a number.
    expect(changes({ id: 42, item: { id: 'widgets' }, from: 'AA', to: 'DE' }).id).toBe(42);
  });
  it('finds the day a counterparty is listed, which no measure event marks (CONTRACT §10: the dates its answer changes)', () => {
    const listed = createEngine({ taxonomy, plugins: [aaWithBinding()], lists: [imported] });
    const line = { id: 'po-9', ...partyLine };
    const before = aaOn(listed, '2026-10-31');
    const after = aaOn(listed, '2026-11-01');
    expect(after.verdict).toBe('prohibited');
    expect(before.verdict).not.toBe('prohibited');
    const r = portfolioChanges(listed, { from: '2026-10-01', to: '2026-12-31' })(line);
    expect(r.on).toBe(before.verdict);
    expect(r.onDate).toBe('2026-10-01');
    expect(r.changes).toEqual([{ date: '2026-11-01', jurisdiction: 'AA', before: { verdict: before.verdict, ...(before.licensePolicy ? { licensePolicy: before.licensePolicy } : {}) }, after: { verdict: 'prohibited' }, measures: ['aa-2025-parties'] }]);
    // A window that ends before the listing, or starts after it, sees no change.
    expect(portfolioChanges(listed, { from: '2026-10-01', to: '2026-10-31' })(line).changes).toEqual([]);
    expect(portfolioChanges(listed, { from: '2026-11-01', to: '2026-12-31' })(line).changes).toEqual([]);
  });
  it('finds a listing that begins and ends inside the window, between two assessed days, for the end user or an owner', () => {
    // Listed 2026-11-01 to 2026-11-20: the answer on the window's first and last days is the same, and no measure event
    // falls between them, so only the listing's own days show the two changes.
    const brief: PartyList = { ...imported, entries: [{ ...imported.entries[0]!, removedOn: '2026-11-20' }] };
    const listed = createEngine({ taxonomy, plugins: [aaWithBinding()], lists: [brief] });
    const line = { id: 'po-10', ...partyLine };
    const during = aaOn(listed, '2026-11-10');
    const outside = aaOn(listed, '2026-12-31');
    expect(during.verdict).toBe('prohibited');
    expect(outside.verdict).not.toBe('prohibited');
    expect(listed.listingDays(['Novyi Metall LLC', 'Tiny Holdings'])).toEqual(['2026-11-01', '2026-11-21']);
    expect(() => listed.listingDays(['Novyi Metall LLC', null as unknown as string])).toThrow(/names\[1\]: expected a party name \(text\), got null/);
    const r = portfolioChanges(listed, { from: '2026-10-01', to: '2026-12-31' })(line);
    expect(r.changes.map((c) => [c.date, c.before.verdict, c.after.verdict, c.measures])).toEqual([
      ['2026-11-01', outside.verdict, 'prohibited', ['aa-2025-parties']],
      ['2026-11-21', 'prohibited', outside.verdict, ['aa-2025-parties']],
    ]);
    // Named only as an owner, the party changes no verdict here (no ownership rule), so there is nothing to report.
    const owned = { ...line, endUser: { name: 'Harbour Trading Co', owners: [{ name: 'Novyi Metall', share: 0.6 }] } };
    expect(portfolioChanges(listed, { from: '2026-10-01', to: '2026-12-31' })(owned).changes).toEqual([]);
  });
  it('assesses the days a country the line names joins or leaves a country group: a spell inside the window is seen', () => {
    // RU is in the regime's WATCH group from 2027-02-05 to 2027-02-25 only; widgets to a WATCH member need a licence.
    // No event of the regime's measures falls in the window, and the answer on its first and last days is the same.
    const base = aaPlugin();
    const watched: PluginDefinition = {
      ...base,
      groups: [{ id: 'WATCH', name: 'Watched destinations', members: [{ country: 'RU', from: '2027-02-05', to: '2027-02-25' }] }],
      entries: [...base.entries, { id: 'widgets-watch', measure: 'aa-2020-widgets', title: 'Widgets to watched destinations', covers: { ids: ['widgets'] }, destinations: { include: ['group:WATCH'] }, requirement: 'prohibited', reason: 'No widgets to watched destinations.' }],
    };
    const e = createEngine({ taxonomy, plugins: [watched] });
    const line = { item: { id: 'widgets' }, from: 'AA', to: 'RU' };
    const on = (date: string) => e.assess({ ...line, date }).jurisdictions[0]!.verdict;
    expect([on('2027-02-04'), on('2027-02-05'), on('2027-02-25'), on('2027-02-26')]).toEqual(['license_required', 'prohibited', 'prohibited', 'license_required']);
    expect(e.membershipDays(['AA', 'RU'])).toEqual(['2027-02-05', '2027-02-26']);
    expect(() => e.membershipDays(['RU', 7 as unknown as string])).toThrow(/countries\[1\]: expected a country code \(text\), got 7/);
    const r = portfolioChanges(e, { from: '2027-01-01', to: '2027-03-31' })(line);
    expect(r.changes.map((c) => [c.date, c.before.verdict, c.after.verdict])).toEqual([
      ['2027-02-05', 'license_required', 'prohibited'],
      ['2027-02-26', 'prohibited', 'license_required'],
    ]);
    // Only the line's countries count: to DE, nothing changes.
    expect(portfolioChanges(e, { from: '2027-01-01', to: '2027-03-31' })({ ...line, to: 'DE' }).changes).toEqual([]);
  });
  it('assesses the event days of every regime that reaches the line: a rule that only asks (no finding) in force for a while is seen', () => {
    // In force 03-01, suspended 05-01: a question, never a finding, and the same answer on the window's first and last days.
    const verdict = (date: string) => (date >= '2026-03-01' && date < '2026-05-01' ? 'needs_information' : 'no_license_required');
    const fake = fakeEngine(
      [{ date: '2026-03-01', jurisdiction: 'XX', measure: 'asks', event: 'in_force' }, { date: '2026-05-01', jurisdiction: 'XX', measure: 'asks', event: 'suspended' }],
      (r) => ({ verdict: verdict(r.date), jurisdictions: [{ jurisdiction: 'XX', reaches: true, verdict: verdict(r.date), findings: [] }] }),
    );
    const r = portfolioChanges(fake, { from: '2026-01-01', to: '2026-12-31' })({ item: { id: 'x' } });
    expect(r.changes.map((c) => [c.date, c.before.verdict, c.after.verdict, c.measures])).toEqual([
      ['2026-03-01', 'no_license_required', 'needs_information', ['asks']],
      ['2026-05-01', 'needs_information', 'no_license_required', ['asks']],
    ]);
  });
  it('puts each change on its own day, whether an event marks it or not, and assesses few days to find them', () => {
    // A regime whose answer turns on dates alone: listed from 03-15 (no event), a measure in force from 06-01
    // (an event), delisted from 09-01 (no event). Each change must land on its day, not on the next event's.
    const timeline = (date: string) => {
      const findings = [
        ...(date >= '2026-03-15' && date < '2026-09-01' ? [{ measure: { id: 'listing' }, status: 'in_force' }] : []),
        { measure: { id: 'measure' }, status: date >= '2026-06-01' ? 'in_force' : 'not_yet_in_force' },
      ];
      const verdict = date >= '2026-03-15' && date < '2026-09-01' ? 'prohibited' : date >= '2026-06-01' ? 'license_required' : 'not_controlled';
      return { verdict, jurisdictions: [{ jurisdiction: 'XX', verdict, findings }] };
    };
    const assessed: string[] = [];
    const fake = fakeEngine([{ date: '2026-06-01', measure: 'measure', event: 'in_force' }], (r) => (assessed.push(r.date), timeline(r.date)));
    const r = portfolioChanges(fake, { from: '2026-01-01', to: '2026-12-31' })({ item: { id: 'x' } });
    expect(r.changes.map((c) => [c.date, c.before.verdict, c.after.verdict, c.measures])).toEqual([
      ['2026-03-15', 'not_controlled', 'prohibited', ['listing']],
      ['2026-09-01', 'prohibited', 'license_required', ['listing']],
    ]);
    // The event day changed nothing (prohibited before and after): it is assessed, and no change is made up for it.
    expect(assessed).toContain('2026-06-01');
    expect(new Set(assessed).size).toBeLessThan(30);
  });
  it('works out the changes of lines that differ only in id and date once, and still refuses each bad line', () => {
    const days: string[] = [];
    const events = [{ date: '2026-06-01', jurisdiction: 'AA', measure: 'm', event: 'in_force', title: 'M', reference: 'M' }];
    const fake = fakeEngine(events, (r: { date: string; id?: unknown; to?: string }) => {
      days.push(r.date);
      if (r.id !== undefined && typeof r.id !== 'string') throw new ValidationError([{ path: 'id', message: 'expected a string' }]);
      const verdict = r.to === 'US' && r.date >= '2026-06-01' ? 'license_required' : 'not_controlled';
      return { ...(r.id !== undefined ? { id: r.id } : {}), verdict, jurisdictions: [{ jurisdiction: 'AA', reaches: true, verdict, findings: [] }] };
    });
    const changes = portfolioChanges(fake, { from: '2026-01-01', to: '2026-12-31' });
    const first = changes({ id: 'a', item: { id: 'x' }, from: 'AA', to: 'US' });
    expect(first.changes.map((c) => [c.date, c.after.verdict])).toEqual([['2026-06-01', 'license_required']]);
    const assessedForFirst = days.length;
    expect(assessedForFirst).toBeGreaterThan(2);
    // The same line under another id and date: its own first day is assessed (it is validated), nothing else.
    const second = changes({ id: 'b', item: { id: 'x' }, from: 'AA', to: 'US', date: '2020-01-01' });
    expect(second).toEqual({ ...first, id: 'b' });
    expect(days.length).toBe(assessedForFirst + 1);
    // A bad id on an otherwise known line is refused, and a line that differs in anything else is worked out anew.
    expect(() => changes({ id: {}, item: { id: 'x' }, from: 'AA', to: 'US' })).toThrow(ValidationError);
    expect(changes({ id: 'c', item: { id: 'x' }, from: 'AA', to: 'DE' }).changes).toEqual([]);
    expect(days.length).toBeGreaterThan(assessedForFirst + 3);
  });
  it('refuses a bad window or line, naming the field', () => {
    expect(() => portfolioChanges(engine, { from: '2026-12-31', to: '2026-01-01' })).toThrow(/from: starts/);
    expect(() => portfolioChanges(engine, { from: '2026-01-01', to: '2026-12-31' })({ item: {}, from: 'AA' })).toThrow(ValidationError);
  });
});

describe('a bundled copy of a whole list (ListBinding.bundled)', () => {
  const copy: PartyList = {
    id: 'aa-control-list', name: 'AA export control list', jurisdiction: 'AA', consequence: { requirement: 'prohibited', summary: 'No export to listed parties.' },
    source: { url: 'https://example.org/aa-list-compiled', publisher: 'a compilation of the AA list', date: '2026-07-09' }, asOf: '2026-07-09', confidence: 'medium',
    entries: [{ id: 'x-1', name: 'Severny Alloys JSC', aliases: ['North Alloys'], country: 'RU', listedOn: '2024-03-01', requirement: 'license_required', licenseRequirementText: 'For all items on the AA list.', notice: 'AA Gazette 12/2024' }],
  };
  function withCopy(): PluginDefinition {
    const def = aaWithBinding();
    const binding = { ...def.lists![0]!, bundled: copy };
    return { ...def, lists: [binding], parties: [...def.parties!, ...partiesFromList(copy, binding)] };
  }
  const engine = createEngine({ taxonomy, plugins: [withCopy()] });

  it('data status shows the copy’s date and its entries with the plugin’s own parties it does not hold', () => {
    const list = engine.dataStatus().lists.find((l) => l.id === 'aa-control-list')!;
    expect(list).toMatchObject({ asOf: '2026-07-09', entries: 3, origin: 'bundled' });
  });
  it('screening shows the entry as the copy gives it, with its licence requirement and citation', () => {
    const m = engine.screen({ name: 'North Alloys' }).matches[0]!;
    expect(m.entry).toMatchObject({ id: 'x-1', licenseRequirementText: 'For all items on the AA list.', notice: 'AA Gazette 12/2024' });
  });
  it('an end user on the copy: the finding quotes the entry, cites it, says the review policy is not recorded, and takes the copy’s confidence', () => {
    const aa = engine.assess({ ...gallium, endUser: { name: 'Severny Alloys JSC', country: 'RU' } }).jurisdictions.find((j) => j.jurisdiction === 'AA')!;
    const f = aa.findings.find((x) => x.party)!;
    expect(f.requirement).toBe('license_required');
    expect(f.reason).toBe('Severny Alloys JSC is on the AA export control list (listed 2024-03-01; AA Gazette 12/2024). The entry\'s licence requirement: "For all items on the AA list.". The review policy of this entry is not recorded in this copy of the list: check it in the list itself before applying for a licence.');
    expect(f.confidence).toBe('medium');
  });
  it('an imported copy of the list replaces the bundled copy: data status counts the imported entries only', () => {
    const imported: PartyList = { ...copy, asOf: '2026-11-30', source: { ...copy.source, url: 'https://example.org/aa-list' }, entries: [{ id: 'y-1', name: 'Southern Metals LLC', country: 'RU', listedOn: '2026-10-01', requirement: 'license_required' }] };
    const withImport = createEngine({ taxonomy, plugins: [withCopy()], lists: [imported] });
    expect(withImport.dataStatus().lists.find((l) => l.id === 'aa-control-list')).toMatchObject({ asOf: '2026-11-30', entries: 1, origin: 'imported' });
    expect(withImport.dataStatus().plugins.flatMap((p) => p.lists).find((l) => l.id === 'aa-control-list')).toMatchObject({ entries: 1, origin: 'imported' });
    expect(withImport.screen({ name: 'North Alloys' }).matches).toHaveLength(0);
  });
  it('a name placed in another country than its listing is asked about, not charged; China, Hong Kong and Macau count as one', () => {
    const elsewhere = engine.assess({ ...gallium, endUser: { name: 'Acme Rare Metals Co., Ltd.', country: 'DE' } }).jurisdictions.find((j) => j.jurisdiction === 'AA')!;
    expect(elsewhere.findings.find((x) => x.party)).toMatchObject({ requirement: 'needs_information' });
    expect(elsewhere.findings.find((x) => x.party)!.reason).toMatch(/listed on the AA export control list in US .* places it in DE\. If it is the listed party, dealing with it is prohibited/);
    // needs_information names the fact that settles it (contract review N3).
    const asked = engine.assess({ ...gallium, endUser: { name: 'Acme Rare Metals Co., Ltd.', country: 'DE' } }).questions;
    expect(asked.find((q) => q.parameter === 'endUser.country')?.prompt).toMatch(/Is it that party\? If it is, give endUser\.country as US/);
    const here = engine.assess({ ...gallium, endUser: { name: 'Acme Rare Metals Co., Ltd.', country: 'US' } }).jurisdictions.find((j) => j.jurisdiction === 'AA')!;
    expect(here.findings.find((x) => x.party)).toMatchObject({ requirement: 'prohibited' });
    expect(sameListingCountry('HK', 'CN')).toBe(true);
    expect(sameListingCountry('MO', 'HK')).toBe(true);
    expect(sameListingCountry('TW', 'CN')).toBe(false);
  });
  it('a company of its own whose name holds a listed name is asked about, not charged; a branch after the legal name is the party (enduse review U112, U114)', () => {
    const party = (name: string) => engine.assess({ ...gallium, endUser: { name, country: 'US' } });
    const subsidiary = party('Acme Rare Metals Trading Co., Ltd.');
    expect(subsidiary.jurisdictions.find((j) => j.jurisdiction === 'AA')!.findings.find((x) => x.party)).toMatchObject({ requirement: 'needs_information' });
    expect(subsidiary.questions.find((q) => q.parameter === 'endUser.name')?.prompt).toMatch(/names a company of its own.*give endUser\.name as the list writes it/);
    const branch = party('Acme Rare Metals Co., Ltd. Houston Branch');
    expect(branch.jurisdictions.find((j) => j.jurisdiction === 'AA')!.findings.find((x) => x.party)).toMatchObject({ requirement: 'prohibited' });
    expect(branch.questions.some((q) => q.parameter === 'endUser.name')).toBe(false);
  });
});

describe('brands of a list binding (standalone screening)', () => {
  const branded = (brands: NonNullable<PluginDefinition['lists']>[number]['brands']): PluginDefinition => ({ ...aaWithBinding(), lists: aaWithBinding().lists!.map((b) => ({ ...b, brands })) });
  const metall = [{ brands: ['Metall'], names: ['Новый Металл ООО'] }];
  it('match an imported copy of the list: the binding keeps its brands when the copy replaces the bundled one', () => {
    const engine = createEngine({ taxonomy, plugins: [branded(metall)], lists: [imported] });
    const r = engine.screen({ name: 'Metall' });
    expect(r.matches.map((m) => [m.list, m.entry.id, m.score])).toEqual([['aa-control-list', 'N-7', 0.9]]);
    expect(r.matches[0]!.explanation).toMatch(/carries "Metall", a brand of the listed Новый Металл ООО/);
  });
  it('add no finding to an assessment: a brand alone names no listed party there', () => {
    const withBrands = createEngine({ taxonomy, plugins: [branded(metall)], lists: [imported] }).assess({ ...gallium, endUser: { name: 'Metall' } });
    const without = createEngine({ taxonomy, plugins: [aaWithBinding()], lists: [imported] }).assess({ ...gallium, endUser: { name: 'Metall' } });
    expect(withBrands.jurisdictions).toEqual(without.jurisdictions);
    expect(withBrands.verdict).toBe(without.verdict);
  });
  it('are refused at registration when a brand is a single character or names no entry', () => {
    expect(() => createEngine({ taxonomy, plugins: [branded([{ brands: ['M'], names: [] }])] })).toThrow(PluginRegistrationError);
    try {
      createEngine({ taxonomy, plugins: [branded([{ brands: ['M'], names: [] }])] });
    } catch (err) {
      expect((err as PluginRegistrationError).problems).toEqual([
        'lists[0] "aa-control-list".brands[0].brands: expected brand names of two characters or more',
        'lists[0] "aa-control-list".brands[0].names: expected the names of the entries the brand stands for',
      ]);
    }
  });
});
