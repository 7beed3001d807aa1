import semver from 'semver';
import { normalizeListCode, normalizeHs, normalizeCas, normalizeSchemeCode } from './codes.js';
import { conditionParameters } from './conditions.js';
import { isIsoDate } from './dates.js';
import type { PluginDefinition, PluginManifest } from './plugin.js';
import type { TaxonomyView } from './taxonomy.js';
import type { Caveat, Condition, Coverage, DestinationScope, ListingFact, Source, Suspension } from './types.js';
import { isVerdict } from './verdict.js';

const ID = /^[a-z0-9]+([-_.][a-z0-9]+)*$/;
const JURISDICTION = /^[A-Z][A-Z0-9_-]{1,15}$/;
const CONFIDENCE = new Set(['high', 'medium', 'low']);
const POLICIES = new Set(['case_by_case', 'presumption_of_denial', 'presumption_of_approval']);
const TRANSFERS = new Set(['goods', 'technology', 'software']);
const END_USES = new Set(['civil', 'military', 'military-intelligence', 'wmd', 'unknown']);
const END_USER_TYPES = new Set(['government', 'military', 'commercial', 'research', 'individual']);
const REACH = new Set(['territory', 'origin', 'content', 'direct_product', 'person', 'deemed']);
const EVIDENCE = new Set(['alleged', 'reported', 'confirmed']);
const ADVISORY_STATUS = new Set(['active', 'eased', 'resolved', 'unknown']);
const OPS = new Set(['>', '>=', '<', '<=', '==']);

/** What validation checks plugin data against. */
export interface PluginValidationContext {
  taxonomy: TaxonomyView;
  /** The running core version. */
  coreVersion: string;
}

function label(kind: string, index: number, id: unknown): string {
  return typeof id === 'string' ? `${kind}[${index}] "${id}"` : `${kind}[${index}]`;
}

function checkSources(sources: unknown, where: string, problems: string[], required: boolean): void {
  if (sources === undefined && !required) return;
  if (!Array.isArray(sources) || sources.length === 0) {
    problems.push(`${where}: needs at least one source {url, publisher, date}`);
    return;
  }
  (sources as Source[]).forEach((s, i) => {
    if (!s || typeof s.url !== 'string' || !/^https?:\/\//.test(s.url)) problems.push(`${where}.sources[${i}].url: expected an http(s) URL`);
    if (!s || typeof s.publisher !== 'string' || !s.publisher.trim()) problems.push(`${where}.sources[${i}].publisher: required`);
    if (!s || !isIsoDate(s.date)) problems.push(`${where}.sources[${i}].date: expected YYYY-MM-DD, got ${JSON.stringify(s?.date)}`);
  });
}

function checkInterval(effective: unknown, where: string, problems: string[]): effective is { from: string; to: string | null } {
  const e = effective as { from?: unknown; to?: unknown } | undefined;
  if (!e || !isIsoDate(e.from)) {
    problems.push(`${where}.effective.from: expected YYYY-MM-DD`);
    return false;
  }
  if (e.to !== null && !isIsoDate(e.to)) {
    problems.push(`${where}.effective.to: expected YYYY-MM-DD or null`);
    return false;
  }
  if (e.to !== null && (e.to as string) < e.from) {
    problems.push(`${where}.effective: ends (${e.to}) before it starts (${e.from})`);
    return false;
  }
  return true;
}

/** A measure's or an entry's caveats: each with a code and a message, its window in calendar dates. */
function checkCaveats(caveats: Caveat[] | undefined, where: string, problems: string[]): void {
  if (caveats === undefined) return;
  if (!Array.isArray(caveats)) {
    problems.push(`${where}.caveats: expected an array`);
    return;
  }
  caveats.forEach((c, j) => {
    if (!c.code || !c.message) problems.push(`${where}.caveats[${j}]: needs code and message`);
    if (c.from !== undefined && !isIsoDate(c.from)) problems.push(`${where}.caveats[${j}].from: expected YYYY-MM-DD`);
    if (c.to !== undefined && !isIsoDate(c.to)) problems.push(`${where}.caveats[${j}].to: expected YYYY-MM-DD`);
  });
}

function checkSuspensions(suspensions: Suspension[] | undefined, where: string, problems: string[]): void {
  if (suspensions === undefined) return;
  if (!Array.isArray(suspensions)) {
    problems.push(`${where}.suspensions: expected an array`);
    return;
  }
  const sorted = [...suspensions].sort((a, b) => (a.from < b.from ? -1 : 1));
  sorted.forEach((s, i) => {
    if (!isIsoDate(s.from)) problems.push(`${where}.suspensions[${i}].from: expected YYYY-MM-DD`);
    if (s.to !== null && !isIsoDate(s.to)) problems.push(`${where}.suspensions[${i}].to: expected YYYY-MM-DD or null`);
    if (s.to !== null && s.to < s.from) problems.push(`${where}.suspensions[${i}]: ends (${s.to}) before it starts (${s.from})`);
    if (typeof s.by !== 'string' || !s.by.trim()) problems.push(`${where}.suspensions[${i}].by: name the suspending act`);
    const next = sorted[i + 1];
    if (next && (s.to === null || next.from <= s.to)) problems.push(`${where}.suspensions: ${s.from}–${s.to ?? 'open'} overlaps ${next.from}`);
  });
}

/** Whether a stored list code is well formed for the manifest's scheme; undefined when it has none. */
type CodeCheck = ((code: string) => boolean) | undefined;

/** Checks the manifest's control-code declaration and returns how to check the codes in its data. */
function checkCodeScheme(m: PluginManifest, problems: string[]): CodeCheck {
  const scheme = m.controlCode;
  if (!scheme) {
    const field = m.controlCodeField;
    return field !== undefined ? (code) => normalizeListCode(code, field) === code : undefined;
  }
  if (m.controlCodeField !== undefined) problems.push('manifest.controlCode: give either controlCode or controlCodeField, not both');
  if (scheme.field !== `codes.${m.jurisdiction}`) problems.push(`manifest.controlCode.field: expected "codes.${m.jurisdiction}" (item.codes keyed by the manifest's jurisdiction), got ${JSON.stringify(scheme.field)}`);
  if (typeof scheme.description !== 'string' || !scheme.description.trim()) problems.push('manifest.controlCode.description: required, say what the codes are');
  let pattern: RegExp;
  try {
    pattern = new RegExp(scheme.pattern);
  } catch {
    problems.push(`manifest.controlCode.pattern: ${JSON.stringify(scheme.pattern)} is not a regular expression`);
    return () => true;
  }
  if (typeof scheme.example !== 'string' || normalizeSchemeCode(scheme.example, pattern) !== scheme.example) {
    problems.push(`manifest.controlCode.example: ${JSON.stringify(scheme.example)} does not match the pattern ${scheme.pattern}`);
  }
  return (code) => normalizeSchemeCode(code, pattern) === code;
}

function checkCoverage(c: Coverage | undefined, where: string, ctx: PluginValidationContext, problems: string[], codeCheck: CodeCheck): void {
  if (!c || typeof c !== 'object') {
    problems.push(`${where}: expected an object naming ids, hs, controlCodes, cas, anyListed or all`);
    return;
  }
  const any = (c.ids?.length ?? 0) + (c.hs?.length ?? 0) + (c.controlCodes?.length ?? 0) + (c.cas?.length ?? 0) > 0 || c.anyListed || c.all;
  if (!any) problems.push(`${where}: covers nothing; name ids, hs, controlCodes, cas, anyListed or all`);
  if (c.exceptListed && !c.all) problems.push(`${where}.exceptListed: only qualifies all (a catch-all that excludes listed items)`);
  c.ids?.forEach((id, i) => { if (!ctx.taxonomy.node(id)) problems.push(`${where}.ids[${i}]: "${id}" is not a taxonomy ID`); });
  c.hs?.forEach((h, i) => { if (normalizeHs(h) !== h) problems.push(`${where}.hs[${i}]: "${h}" is not 4–10 digits`); });
  c.controlCodes?.forEach((code, i) => {
    if (!codeCheck) problems.push(`${where}.controlCodes[${i}]: the manifest has no controlCodeField or controlCode`);
    else if (!codeCheck(code)) problems.push(`${where}.controlCodes[${i}]: "${code}" is not a normalised list code`);
  });
  c.cas?.forEach((cas, i) => { if (normalizeCas(cas) !== cas) problems.push(`${where}.cas[${i}]: "${cas}" is not a valid CAS number`); });
}

function checkDestinations(d: DestinationScope | undefined, where: string, ctx: PluginValidationContext, groups: Set<string>, problems: string[]): void {
  if (!d) return;
  for (const key of ['include', 'exclude'] as const) {
    d[key]?.forEach((ref, i) => {
      if (ref.startsWith('group:')) {
        const g = ref.slice(6);
        if (!groups.has(g) && ctx.taxonomy.isMember(g, 'US', '2000-01-01') === undefined) problems.push(`${where}.${key}[${i}]: unknown group "${g}"`);
      } else if (!ctx.taxonomy.isCountry(ref)) problems.push(`${where}.${key}[${i}]: "${ref}" is neither a country code nor group:<ID>`);
    });
  }
}

function checkCondition(c: Condition, where: string, problems: string[]): void {
  try {
    for (const p of conditionParameters(c)) if (!/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)?$/.test(p)) problems.push(`${where}: bad parameter name "${p}"`);
  } catch {
    problems.push(`${where}: malformed condition tree`);
    return;
  }
  const walk = (n: Condition): void => {
    if ('param' in n) {
      if (!OPS.has(n.op) || typeof n.value !== 'number' || !Number.isFinite(n.value)) problems.push(`${where}: bad comparison on "${n.param}"`);
    } else if ('not' in n) walk(n.not);
    else if ('all' in n || 'any' in n) {
      const branches = 'all' in n ? n.all : n.any;
      if (!Array.isArray(branches) || branches.length === 0) problems.push(`${where}: empty all/any`);
      else branches.forEach(walk);
    } else problems.push(`${where}: malformed condition node`);
  };
  walk(c);
}

/**
 * Checks a plugin before registration: manifest and core range, unique IDs, every measure sourced and
 * dated, well-formed intervals and suspensions, entries that point at real measures and taxonomy IDs.
 * Returns every problem found, each naming the bad record; an empty array means valid.
 */
export function validatePlugin(plugin: PluginDefinition, ctx: PluginValidationContext): string[] {
  const problems: string[] = [];
  const m = plugin.manifest;
  if (!m || typeof m !== 'object') return ['manifest: required'];
  if (typeof m.name !== 'string' || !m.name) problems.push('manifest.name: required');
  if (!semver.valid(m.version)) problems.push(`manifest.version: "${m.version}" is not a semver version`);
  if (!JURISDICTION.test(m.jurisdiction ?? '')) problems.push(`manifest.jurisdiction: "${m.jurisdiction}" should be upper case like "CN"`);
  if (!semver.validRange(m.core)) problems.push(`manifest.core: "${m.core}" is not a semver range`);
  else if (!semver.satisfies(ctx.coreVersion, m.core, { includePrerelease: true })) {
    problems.push(`manifest.core: the plugin supports @chokepoint/core ${m.core}, but this is ${ctx.coreVersion}`);
  }
  if (!isIsoDate(m.dataVerifiedThrough)) problems.push('manifest.dataVerifiedThrough: expected YYYY-MM-DD');
  if (typeof plugin.reach !== 'function') problems.push('reach: required function');
  const codeField = checkCodeScheme(m, problems);

  const measureIds = new Set<string>();
  (plugin.measures ?? []).forEach((measure, i) => {
    const where = label('measures', i, measure.id);
    if (!ID.test(measure.id ?? '')) problems.push(`${where}.id: expected lower-case kebab`);
    if (measureIds.has(measure.id)) problems.push(`${where}.id: duplicate`);
    measureIds.add(measure.id);
    if (measure.jurisdiction !== m.jurisdiction) problems.push(`${where}.jurisdiction: "${measure.jurisdiction}" differs from the manifest's "${m.jurisdiction}"`);
    for (const key of ['title', 'reference', 'authority', 'summary', 'url'] as const) {
      if (typeof measure[key] !== 'string' || !measure[key].trim()) problems.push(`${where}.${key}: required`);
    }
    if (!isIsoDate(measure.published)) problems.push(`${where}.published: expected YYYY-MM-DD`);
    checkInterval(measure.effective, where, problems);
    checkSuspensions(measure.suspensions, where, problems);
    checkSources(measure.sources, where, problems, true);
    if (!CONFIDENCE.has(measure.confidence)) problems.push(`${where}.confidence: expected high, medium or low`);
    checkCaveats(measure.caveats, where, problems);
  });
  if (measureIds.size === 0) problems.push('measures: a plugin needs at least one measure');

  const groupIds = new Set((plugin.groups ?? []).map((g) => g.id));
  const entryIds = new Set<string>();
  (plugin.entries ?? []).forEach((entry, i) => {
    const where = label('entries', i, entry.id);
    if (!ID.test(entry.id ?? '')) problems.push(`${where}.id: expected lower-case kebab`);
    if (entryIds.has(entry.id)) problems.push(`${where}.id: duplicate`);
    entryIds.add(entry.id);
    if (!measureIds.has(entry.measure)) problems.push(`${where}.measure: "${entry.measure}" is not a measure of this plugin`);
    if (!isVerdict(entry.requirement) || entry.requirement === 'needs_information') problems.push(`${where}.requirement: expected a verdict other than needs_information`);
    if (entry.licensePolicy !== undefined && (!POLICIES.has(entry.licensePolicy) || entry.requirement !== 'license_required')) {
      problems.push(`${where}.licensePolicy: only with requirement license_required, one of ${[...POLICIES].join(', ')}`);
    }
    if (typeof entry.title !== 'string' || !entry.title.trim()) problems.push(`${where}.title: required`);
    if (typeof entry.reason !== 'string' || !entry.reason.trim()) problems.push(`${where}.reason: required`);
    checkCoverage(entry.covers, `${where}.covers`, ctx, problems, codeField);
    entry.transfers?.forEach((t, j) => { if (!TRANSFERS.has(t)) problems.push(`${where}.transfers[${j}]: "${t}"`); });
    entry.endUses?.forEach((u, j) => { if (!END_USES.has(u)) problems.push(`${where}.endUses[${j}]: "${u}"`); });
    entry.endUserTypes?.forEach((u, j) => { if (!END_USER_TYPES.has(u)) problems.push(`${where}.endUserTypes[${j}]: "${u}"`); });
    entry.reach?.forEach((r, j) => { if (!REACH.has(r)) problems.push(`${where}.reach[${j}]: "${r}"`); });
    checkDestinations(entry.destinations, `${where}.destinations`, ctx, groupIds, problems);
    if (entry.conditions) checkCondition(entry.conditions, `${where}.conditions`, problems);
    if (entry.content) {
      checkCoverage(entry.content.covers, `${where}.content.covers`, ctx, problems, codeField);
      if (!(entry.content.minShare >= 0 && entry.content.minShare <= 1)) problems.push(`${where}.content.minShare: expected 0–1`);
      if (!entry.reach?.includes('content')) problems.push(`${where}.content: needs reach "content"`);
    }
    if (entry.effective) checkInterval(entry.effective, where, problems);
    checkSuspensions(entry.suspensions, where, problems);
    checkCaveats(entry.caveats, where, problems);
    if (entry.outsideList !== undefined && (typeof entry.outsideList !== 'boolean' || entry.covers.all || entry.covers.anyListed)) problems.push(`${where}.outsideList: a boolean, only on an entry that lists items`);
    checkSources(entry.sources, where, problems, false);
    if (entry.confidence !== undefined && !CONFIDENCE.has(entry.confidence)) problems.push(`${where}.confidence: expected high, medium or low`);
  });
  // Checked once every ID is known: an entry may name one that comes later in the file.
  (plugin.entries ?? []).forEach((entry, i) => {
    if (entry.excludedBy === undefined) return;
    const where = label('entries', i, entry.id);
    if (!Array.isArray(entry.excludedBy) || entry.excludedBy.length === 0) problems.push(`${where}.excludedBy: expected a non-empty array of entry IDs of this plugin`);
    else for (const id of entry.excludedBy) if (id === entry.id || !entryIds.has(id)) problems.push(`${where}.excludedBy: "${id}" is not another entry of this plugin`);
  });

  const partyIds = new Set<string>();
  (plugin.parties ?? []).forEach((party, i) => {
    const where = label('parties', i, party.id);
    if (!ID.test(party.id ?? '')) problems.push(`${where}.id: expected lower-case kebab`);
    if (partyIds.has(party.id)) problems.push(`${where}.id: duplicate`);
    partyIds.add(party.id);
    if (!party.name?.trim()) problems.push(`${where}.name: required`);
    if (!measureIds.has(party.measure)) problems.push(`${where}.measure: "${party.measure}" is not a measure of this plugin`);
    if (!isIsoDate(party.added)) problems.push(`${where}.added: expected YYYY-MM-DD`);
    if (party.removed !== undefined && (!isIsoDate(party.removed) || party.removed < party.added)) problems.push(`${where}.removed: expected a date on or after added`);
    if (!isVerdict(party.requirement)) problems.push(`${where}.requirement: expected a verdict`);
    if (party.country !== undefined && !ctx.taxonomy.isCountry(party.country)) problems.push(`${where}.country: "${party.country}"`);
    if (party.covers) checkCoverage(party.covers, `${where}.covers`, ctx, problems, codeField);
    party.scopes?.forEach((s, j) => {
      checkDestinations(s.destinations, `${where}.scopes[${j}].destinations`, ctx, groupIds, problems);
      if (s.conditions) checkCondition(s.conditions, `${where}.scopes[${j}].conditions`, problems);
    });
    if (party.fact) checkListingFact(party.fact, `${where}.fact`, problems);
    checkSources(party.sources, where, problems, false);
  });

  // A brand that matches a few letters anywhere, or names no entry, would make screening report parties at random or never.
  (plugin.lists ?? []).forEach((binding, i) => {
    if (binding.unsettled) checkListingFact(binding.unsettled, `${label('lists', i, binding.list)}.unsettled`, problems);
    binding.brands?.forEach((b, j) => {
      const where = `${label('lists', i, binding.list)}.brands[${j}]`;
      if (!Array.isArray(b.brands) || !b.brands.length || b.brands.some((x) => typeof x !== 'string' || x.trim().length < 2)) problems.push(`${where}.brands: expected brand names of two characters or more`);
      if (!Array.isArray(b.names) || !b.names.length || b.names.some((x) => typeof x !== 'string' || !x.trim())) problems.push(`${where}.names: expected the names of the entries the brand stands for`);
    });
  });

  const advisoryIds = new Set<string>();
  (plugin.advisories ?? []).forEach((a, i) => {
    const where = label('advisories', i, a.id);
    if (!ID.test(a.id ?? '')) problems.push(`${where}.id: expected lower-case kebab`);
    if (advisoryIds.has(a.id)) problems.push(`${where}.id: duplicate`);
    advisoryIds.add(a.id);
    if (!EVIDENCE.has(a.evidence)) problems.push(`${where}.evidence: expected alleged, reported or confirmed`);
    if (!ADVISORY_STATUS.has(a.status)) problems.push(`${where}.status: expected active, eased, resolved or unknown`);
    if (!isIsoDate(a.firstReported)) problems.push(`${where}.firstReported: expected YYYY-MM-DD`);
    if (!a.corridor || !ctx.taxonomy.isCountry(a.corridor.from) || !Array.isArray(a.corridor.to)) problems.push(`${where}.corridor: expected {from, to[]}`);
    else a.corridor.to.forEach((c, j) => { if (c !== '*' && !ctx.taxonomy.isCountry(c)) problems.push(`${where}.corridor.to[${j}]: "${c}"`); });
    a.itemScope?.ids?.forEach((id, j) => { if (!ctx.taxonomy.node(id)) problems.push(`${where}.itemScope.ids[${j}]: "${id}" is not a taxonomy ID`); });
    a.measures?.forEach((m, j) => { if (!measureIds.has(m)) problems.push(`${where}.measures[${j}]: "${m}" is not a measure of this plugin`); });
    checkSources(a.sources, where, problems, true);
  });

  const authIds = new Set<string>();
  (plugin.authorizations ?? []).forEach((a, i) => {
    const where = label('authorizations', i, a.id);
    if (authIds.has(a.id)) problems.push(`${where}.id: duplicate`);
    authIds.add(a.id);
    if (!measureIds.has(a.measure)) problems.push(`${where}.measure: "${a.measure}" is not a measure of this plugin`);
    checkCoverage(a.covers, `${where}.covers`, ctx, problems, codeField);
    if (a.excludes) checkCoverage(a.excludes, `${where}.excludes`, ctx, problems, codeField);
    checkDestinations(a.destinations, `${where}.destinations`, ctx, groupIds, problems);
    if (!Array.isArray(a.conditions)) problems.push(`${where}.conditions: expected an array of sentences`);
  });

  (plugin.scopeChanges ?? []).forEach((c, i) => {
    const where = `scopeChanges[${i}]`;
    if (!isIsoDate(c.date)) problems.push(`${where}.date: expected YYYY-MM-DD, got ${JSON.stringify(c.date)}`);
    if (!measureIds.has(c.measure)) problems.push(`${where}.measure: "${c.measure}" is not a measure of this plugin`);
    if (!c.scope || !c.reference) problems.push(`${where}: scope and reference are required`);
    if (!Array.isArray(c.codes) || !c.codes.length) problems.push(`${where}.codes: expected the list codes it changed`);
    if (c.url !== undefined && (typeof c.url !== 'string' || !/^https?:\/\//.test(c.url))) problems.push(`${where}.url: expected an http(s) URL`);
  });

  (plugin.codeThresholds ?? []).forEach((t, i) => {
    const where = `codeThresholds[${i}]`;
    if (typeof t.code !== 'string' || !t.code.trim()) problems.push(`${where}.code: required`);
    if (!t.conditions) problems.push(`${where}.conditions: required`);
    else checkCondition(t.conditions, `${where}.conditions`, problems);
  });

  (plugin.groups ?? []).forEach((g, i) => {
    const where = label('groups', i, g.id);
    g.members.forEach((mem, j) => {
      if (!ctx.taxonomy.isCountry(mem.country)) problems.push(`${where}.members[${j}].country: "${mem.country}"`);
      if (mem.from !== undefined && !isIsoDate(mem.from)) problems.push(`${where}.members[${j}].from: expected YYYY-MM-DD`);
      if (mem.to !== undefined && !isIsoDate(mem.to)) problems.push(`${where}.members[${j}].to: expected YYYY-MM-DD`);
    });
  });
  return problems;
}

/** A listing's fact: an item parameter to ask, a question, and a verdict (or null) for each answer. */
function checkListingFact(fact: ListingFact, where: string, problems: string[]): void {
  if (typeof fact.parameter !== 'string' || !fact.parameter.trim()) problems.push(`${where}.parameter: expected the item parameter that carries the answer`);
  if (typeof fact.prompt !== 'string' || !fact.prompt.trim()) problems.push(`${where}.prompt: expected the question`);
  for (const key of ['ifYes', 'ifNo'] as const) if (fact[key] !== null && !isVerdict(fact[key])) problems.push(`${where}.${key}: expected a verdict or null`);
  for (const key of ['saysYes', 'saysNo'] as const) if (typeof fact[key] !== 'string') problems.push(`${where}.${key}: expected text (empty where the answer gives no finding)`);
}
