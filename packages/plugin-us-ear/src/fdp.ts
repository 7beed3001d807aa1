import type { CountryCode, EvaluationContext, Finding, IsoDate, NormalizedRequest, PartyMatch, Question, Source } from '@chokepoint/core';
import { footnotesOf } from './entity-list.js';
import { cclEntry, eccnHead, scopeFit } from './ccl.js';
import { readData } from './data-files.js';
import { earCountry, inGroup, type GroupCode } from './groups.js';

/** Where or to whom a foreign direct product rule's items must go. */
type DestinationScope =
  | { kind: 'countries'; countries: CountryCode[] }
  | { kind: 'macauOrD5' }
  | { kind: 'aiTiers'; also?: { country: CountryCode; from: IsoDate; note: string }[] }
  | { kind: 'footnote5' }
  /** § 734.9(h)(2)(ii): technology developed by an entity headquartered in Macau or D:5, wherever it goes. */
  | { kind: 'developerD5' };

interface RuleVersion {
  from: IsoDate;
  to?: IsoDate;
  items: string[];
  except?: string[];
  destination: DestinationScope;
  rule: string;
  confidence: 'high' | 'medium' | 'low';
  complianceFrom?: IsoDate;
  /** Plugin parameters the rule also turns on: each must be 1; 0 takes the item out; unstated, it is asked. */
  facts?: string[];
  note: string;
}

interface FdpRule {
  id: string;
  title: string;
  techList: string;
  plantRoute: boolean;
  containsRoute: boolean;
  licence: string;
  versions: RuleVersion[];
}

/**
 * A rule of § 734.9(b)–(d) whose scopes are classes of ECCNs (controlled for NS, 9x515, 600 series) and Country Groups,
 * not lists: `item` and `input` name the class (`input` may list ECCNs), `from` the first day when it is not the EAR's.
 */
interface GroupRule {
  id: string;
  title: string;
  item: 'nsControlled' | '9x515' | '600';
  input: 'nsControlled' | '600' | string[];
  groups: GroupCode[];
  from?: IsoDate;
  note: string;
  confidence: 'high' | 'medium' | 'low';
}

interface FdpFile {
  sources: Source[];
  groupRules: GroupRule[];
  facts: Record<string, string>;
  techLists: Record<string, string[]>;
  rules: FdpRule[];
  smeExclusion: { sections: string; scopeCites: string[]; supplement4: CountryCode[]; supplement4AsOf: IsoDate; note: string };
  zeroDeMinimis: { id: string; rule: string; title: string; from: IsoDate; complianceFrom: IsoDate; note: string }[];
  zeroDeMinimisTechnology: { id: string; title: string; contentEccns: string[]; confidence: string; note: string }[];
}

const file = readData<FdpFile>('fdp-rules.json');

/** The sources of the foreign direct product rules and the SME exclusion. */
export const FDP_SOURCES: Source[] = file.sources;

/** Plugin parameters of the foreign direct product rules. */
export const FDP_PARAMS = {
  plant: 'ear.plantDirectProduct',
  contains: 'ear.containsPlantProduct',
  footnote5: 'ear.footnote5Party',
  advancedNodeFab: 'ear.advancedNodeFab',
  exporterHq: 'ear.exporterHeadquartersD5',
  exporterHqSupp4: 'ear.exporterHeadquartersSupp4',
  equivalent: 'ear.equivalentControls',
  developerHq: 'ear.developerHeadquartersD5',
  chipProduction: 'ear.chipProductionTechnology',
} as const;

/** Macau or a Country Group D:5 destination. */
const macauOrD5 = (c: CountryCode, date: IsoDate) => earCountry(c) === 'MO' || inGroup('D:5', c, date);

/** A rule met (or possibly met) by a request, with the version in force on its date. */
export interface FdpMatch {
  rule: FdpRule;
  version: RuleVersion;
  /** How the product scope is met: US technology or software, the plant, or a plant product inside. */
  via: string;
}

/** A rule whose item and destination scope the request meets but whose product facts it does not state. */
export interface FdpCandidate {
  rule: FdpRule;
  version: RuleVersion;
  missing: string[];
}

const within = (code: string, ref: string) => code === ref || code.startsWith(`${ref}.`);

/** Whether the item's code is in the version's item scope (its paragraph must be given where the scope names paragraphs). */
function itemInScope(code: string | undefined, v: RuleVersion): boolean {
  if (!code || code === 'EAR99') return false;
  if (v.except?.some((x) => within(code, x))) return false;
  return v.items.some((ref) => within(code, ref));
}

/** Screens a name against the listed parties (the engine's, imported lists included). */
export type Screen = (name: string) => PartyMatch[];

/** The Entity List footnote designations of the end user and the other parties, from the lists the screen reads. */
export function partyDesignations(request: NormalizedRequest, screen: Screen | undefined): { name: string; footnotes: number[] }[] {
  if (!screen) return [];
  const names = [request.endUser?.name, ...(request.parties ?? []).map((p) => p.name)].filter((n): n is string => !!n);
  return names.flatMap((name) => screen(name)
    .filter((m) => m.party.list === 'us-entity-list')
    .map((m) => ({ name: m.party.name, footnotes: m.party.footnotes ?? footnotesOf(m.party.id) })));
}

/** Whether the transfer meets the version's destination or end-user scope. */
function destinationInScope(request: NormalizedRequest, scope: DestinationScope, date: IsoDate, screen?: Screen): boolean {
  const to = earCountry(request.to);
  const p = request.item.parameters ?? {};
  switch (scope.kind) {
    case 'countries': return scope.countries.includes(to);
    case 'macauOrD5': return to === 'MO' || inGroup('D:5', request.to, date);
    case 'aiTiers': return ((inGroup('D:1', request.to, date) || inGroup('D:4', request.to, date) || inGroup('D:5', request.to, date)) && !inGroup('A:5', request.to, date) && !inGroup('A:6', request.to, date))
      || (scope.also ?? []).some((a) => a.country === to && date >= a.from);
    // The developer's headquarters is a fact; unstated, the rule is considered for technology made in or sent from Macau or D:5.
    case 'developerD5': return p[FDP_PARAMS.developerHq] === 1
      || (p[FDP_PARAMS.developerHq] === undefined && (macauOrD5(request.from, date) || macauOrD5(request.item.origin ?? request.from, date)));
    case 'footnote5': return p[FDP_PARAMS.footnote5] === 1 || (p[FDP_PARAMS.advancedNodeFab] === 1 && (to === 'MO' || inGroup('D:5', request.to, date)))
      || (p[FDP_PARAMS.footnote5] === undefined && partyDesignations(request, screen).some((d) => d.footnotes.includes(5)));
  }
}

/** US-origin technology or software inputs of the request (content with origin US and an ECCN in product group D or E). */
function usInputs(request: NormalizedRequest): string[] {
  return (request.item.content ?? [])
    .filter((c) => c.origin === 'US' && c.item.eccn && /^[0-9][DE]/.test(c.item.eccn))
    .map((c) => eccnHead(c.item.eccn!));
}

/** How the product scope is met, or the facts that would decide it. */
function productScope(request: NormalizedRequest, rule: FdpRule): { via?: string; missing: string[] } {
  const list = file.techLists[rule.techList] ?? [];
  const tech = usInputs(request).filter((t) => list.includes(t));
  if (tech.length) return { via: `the direct product of US-origin technology or software ${tech.join(', ')}`, missing: [] };
  const p = request.item.parameters ?? {};
  if (rule.plantRoute && p[FDP_PARAMS.plant] === 1) return { via: 'produced by a plant or major component of a plant that is itself a direct product of US-origin Category 3 technology or software', missing: [] };
  if (rule.containsRoute && p[FDP_PARAMS.contains] === 1) return { via: 'containing a commodity produced by such a plant', missing: [] };
  const missing: string[] = [];
  if (rule.plantRoute && p[FDP_PARAMS.plant] === undefined) missing.push(FDP_PARAMS.plant);
  if (rule.containsRoute && p[FDP_PARAMS.contains] === undefined) missing.push(FDP_PARAMS.contains);
  return { missing };
}

/** The rule's version in force on the date (a loop: it runs for every rule on most requests, and `find` made a closure each time). */
function versionOn(rule: FdpRule, date: IsoDate): RuleVersion | undefined {
  for (const v of rule.versions) if (date >= v.from && (v.to === undefined || date <= v.to)) return v;
  return undefined;
}

const NO_RULES: { readonly met: readonly FdpMatch[]; readonly candidates: readonly FdpCandidate[] } = Object.freeze({ met: Object.freeze([]), candidates: Object.freeze([]) });

/**
 * The § 734.9 rules of the data (advanced computing (h), SME (k), footnote 5 (e)(3)) that make a foreign-made item
 * subject to the EAR on the request's date, and the ones whose item and destination scope it meets but whose
 * product facts (US technology, plant, plant product inside) it does not state.
 */
export function directProductRules(request: NormalizedRequest, date: IsoDate, screen?: Screen): { readonly met: readonly FdpMatch[]; readonly candidates: readonly FdpCandidate[] } {
  // Every rule's item scope is a list of ECCNs: an item without one (or EAR99) is in none, whatever the date (and
  // gets the one frozen empty result: most requests name no ECCN, and this runs more than once for each).
  const code = request.item.eccn;
  if (!code || code === 'EAR99') return NO_RULES;
  const met: FdpMatch[] = [];
  const candidates: FdpCandidate[] = [];
  for (const rule of file.rules) {
    const version = versionOn(rule, date);
    if (!version || !itemInScope(code, version) || !destinationInScope(request, version.destination, date, screen)) continue;
    const p = request.item.parameters ?? {};
    if (version.facts?.some((f) => p[f] === 0)) continue;
    const unstated = (version.facts ?? []).filter((f) => p[f] === undefined);
    const product = productScope(request, rule);
    if (product.via && !unstated.length) met.push({ rule, version, via: product.via });
    else if (product.via || product.missing.length || unstated.length || version.facts?.length) candidates.push({ rule, version, missing: [...product.missing, ...unstated] });
  }
  return { met, candidates };
}

/**
 * Whether an ECCN is in a group rule's class: 9x515, 600 series, or controlled for NS — an item by any NS reason whose
 * scope may reach it, technology or software by an NS reason on the Country Chart, the control that requires the written
 * assurance of Supp. No. 2 to Part 748 (o)(3)(i) ((b)(1)(i)); the NS controls of § 742.4(a)(4)–(5) outside the chart
 * (3D992, 3E992) are not read as requiring it.
 */
function inClass(code: string, kind: GroupRule['item'], input = false): boolean {
  const entry = cclEntry(code);
  if (!entry) return false;
  if (kind === '9x515') return entry.series === '515';
  if (kind === '600') return entry.series === '600';
  return entry.reasons.some((r) => r.reason === 'NS' && (input ? r.column !== undefined && r.column !== null : scopeFit(code, r.scope) !== 'no'));
}

/**
 * The rules of § 734.9(b) (national security), (c) (9x515) and (d) (600 series): a foreign-made item of the rule's class,
 * the direct product of US technology or software of the rule's input class, going to one of its Country Groups on the
 * date, is subject to the EAR. The sentence for the reach description, or undefined.
 */
export function groupDirectProductRule(request: NormalizedRequest, tech: readonly string[], date: IsoDate): string | undefined {
  const code = request.item.eccn;
  if (!code || code === 'EAR99' || !tech.length) return undefined;
  for (const rule of file.groupRules) {
    if ((rule.from && date < rule.from) || !inClass(code, rule.item)) continue;
    const inputs = tech.filter((t) => (Array.isArray(rule.input) ? rule.input.includes(t) : inClass(t, rule.input, true)));
    const group = rule.groups.find((g) => inGroup(g, request.to, date));
    if (inputs.length && group) return `foreign direct product of US technology or software ${inputs.join(', ')} (${rule.title}), an item of ${code} going to ${earCountry(request.to)} in Country Group ${group} (15 CFR ${rule.id})`;
  }
  return undefined;
}

/** One sentence for the reach description: the rule, its source and how it is met. */
export function describeMatch(m: FdpMatch): string {
  const compliance = m.version.complianceFrom && m.version.from <= m.version.complianceFrom ? ` (in force from ${m.version.from}; compliance required from ${m.version.complianceFrom})` : '';
  return `foreign direct product under the ${m.rule.title} (15 CFR ${m.rule.id}; ${m.version.rule}${compliance}): ${m.via}; licence requirements in ${m.rule.licence}`;
}

/**
 * The questions for a foreign-made item that fits a rule's item and destination scope but whose product facts the
 * request does not state: whether it is the direct product of the rule's US technology or software, or of a plant
 * that is (or contains such a plant's product). CONTRACT §3: a rule that may apply for want of a fact is asked.
 */
export function candidateQuestions(candidates: readonly FdpCandidate[], request: NormalizedRequest): Question[] {
  const rules = candidates.map((c) => `the ${c.rule.title} (15 CFR ${c.rule.id})`).join(' and ');
  const tech = [...new Set(candidates.flatMap((c) => file.techLists[c.rule.techList] ?? []))];
  // A request that already lists the US technology and software the item was made with has answered the first route.
  const out: Question[] = usInputs(request).length ? [] : [{
    parameter: 'item.content',
    prompt: `${rules} would make this foreign-made item subject to the EAR, whatever its US content, if it is the direct product of US-origin technology or software in ${tech.join(', ')}. List that technology or software in item.content with origin US (valueShare 0), or answer the plant questions.`,
  }];
  for (const param of [...new Set(candidates.flatMap((c) => c.missing))]) {
    out.push({ parameter: param, prompt: `${rules}: ${file.facts[param]}. Give item.parameters["${param}"] = 1 or 0.`, candidates: ['1', '0'] });
  }
  return out;
}

/** The sentence naming the facts that would bring a foreign-made item under a rule it otherwise fits. */
export function describeCandidates(candidates: readonly FdpCandidate[]): string {
  return candidates.map((c) => `the ${c.rule.title} (15 CFR ${c.rule.id}) would reach it if it is the direct product of US technology or software in ${(file.techLists[c.rule.techList] ?? []).join(', ')} (give it in item.content with origin US) or if ${c.missing.map((m) => `item.parameters["${m}"] = 1 (${file.facts[m]})`).join(', or ')}`).join('; ');
}

/** True when the EAR reach the item as a foreign direct product under the given rule of the data. */
export function reachedBy(bases: readonly string[], request: NormalizedRequest, date: IsoDate, ruleId: string, screen?: Screen): boolean {
  return bases.includes('direct_product') && directProductRules(request, date, screen).met.some((m) => m.rule.id === ruleId);
}

/**
 * True when the EAR reach a foreign-made SME commodity only through the SME rule § 734.9(k) or its de minimis twin
 * § 734.4(a)(8) (not as a US-origin item, an export from the United States, or content above the ordinary level), so
 * that the exclusions of § 742.4(a)(4)(ii)(B)–(C) and § 742.6(a)(6)(i)(A)(2)(ii)–(iii) may apply.
 */
export function reachedOnlyBySme(bases: readonly string[], request: NormalizedRequest, date: IsoDate, screen?: Screen, aboveOrdinaryDeMinimis = false): boolean {
  if (!bases.length || bases.some((b) => b !== 'direct_product' && b !== 'content') || (bases.includes('content') && aboveOrdinaryDeMinimis)) return false;
  const { met } = directProductRules(request, date, screen);
  const viaContent = bases.includes('content') && zeroDeMinimisForChips(request, date, screen)?.includes('734.4(a)(8)');
  const viaFdp = met.length > 0 && met.every((m) => m.rule.id === '734.9(k)');
  return (bases.includes('direct_product') ? viaFdp : true) && (bases.includes('content') ? !!viaContent : true);
}

/**
 * The § 742.4(a)(4)(ii)(B)–(C) and § 742.6(a)(6)(i)(A)(2)(ii)–(iii) exclusion for a reason whose scope cites the SME
 * licence requirements, when the item is subject to the EAR only under § 734.9(k): `excluded`, `applies`, or a question.
 */
export function smeExclusion(scope: string | null, request: NormalizedRequest, smeOnly: boolean): { kind: 'excluded' | 'applies' } | { kind: 'ask'; question: Question } {
  const x = file.smeExclusion;
  if (!smeOnly || !x.scopeCites.some((s) => (scope ?? '').includes(s))) return { kind: 'applies' };
  const p = request.item.parameters ?? {};
  const listed = x.supplement4.includes(earCountry(request.from));
  if (!listed && p[FDP_PARAMS.equivalent] !== 1) return { kind: 'applies' };
  const hq = p[FDP_PARAMS.exporterHq];
  if (hq === 0) return { kind: 'excluded' };
  if (hq === 1) return { kind: 'applies' };
  return { kind: 'ask', question: { parameter: FDP_PARAMS.exporterHq, prompt: `${x.note} (15 CFR ${x.sections}). Give item.parameters["${FDP_PARAMS.exporterHq}"]: ${file.facts[FDP_PARAMS.exporterHq]}.`, candidates: ['1', '0'] } };
}

/**
 * § 744.11(a)(2)(v)(A): when a foreign-made commodity subject to the EAR under § 734.9(e)(3) or § 734.4(a)(9) needs a
 * licence, by who exports it and from where: (1) an exporter headquartered in Macau or D:5; (2) 3B993 from an A:5
 * country outside Supp. No. 4 to Part 742 without equivalent controls; (3) from outside A:5, by an exporter
 * headquartered outside Supp. No. 4 (or 3B993 by one headquartered in it); (4) the same tests for transfers in-country.
 * Returns the paragraph that applies, `none`, or the parameter to ask.
 */
function footnote5Case(request: NormalizedRequest, date: IsoDate): { kind: 'licence'; paragraph: string } | { kind: 'none' } | { kind: 'ask'; parameter: string } {
  const p = request.item.parameters ?? {};
  const from = earCountry(request.from);
  const is3B993 = (request.item.eccn ?? '').startsWith('3B993');
  const supp4 = file.smeExclusion.supplement4;
  const hqD5 = p[FDP_PARAMS.exporterHq];
  if (hqD5 === 1) return { kind: 'licence', paragraph: '(v)(A)(1)' };
  if (hqD5 === undefined) return { kind: 'ask', parameter: FDP_PARAMS.exporterHq };
  const inCountry = earCountry(request.to) === from;
  if (!inCountry && inGroup('A:5', request.from, date) && !supp4.includes(from)) {
    if (!is3B993) return { kind: 'none' };
    if (p[FDP_PARAMS.equivalent] === undefined) return { kind: 'ask', parameter: FDP_PARAMS.equivalent };
    return p[FDP_PARAMS.equivalent] === 1 ? { kind: 'none' } : { kind: 'licence', paragraph: '(v)(A)(2)' };
  }
  if (!inCountry && inGroup('A:5', request.from, date)) return { kind: 'none' };
  const hqSupp4 = p[FDP_PARAMS.exporterHqSupp4];
  if (hqSupp4 === undefined) return { kind: 'ask', parameter: FDP_PARAMS.exporterHqSupp4 };
  const paragraph = inCountry ? '(v)(A)(4)' : '(v)(A)(3)';
  return hqSupp4 === 0 || is3B993 ? { kind: 'licence', paragraph } : { kind: 'none' };
}

/**
 * § 744.11(a)(2)(v): the licence for a foreign-made commodity subject to the EAR under § 734.9(e)(3) (or § 734.4(a)(9))
 * when a footnote 5 Entity List entity is a party or will incorporate it (ear.footnote5Party, or a party the lists
 * designate with footnote 5). The advanced-node facility route is licensed by § 744.23 in the end-use step.
 */
export function footnote5Finding(ctx: EvaluationContext, measure: string, prefix: string): { finding?: Finding; question?: Question } {
  const { request } = ctx;
  const p = request.item.parameters?.[FDP_PARAMS.footnote5];
  const designated = partyDesignations(request, ctx.screen).filter((d) => d.footnotes.includes(5)).map((d) => d.name);
  if (p !== 1 && (p === 0 || !designated.length)) return {};
  if (!viaFootnote5Rules(ctx.reach.bases, request, request.date, ctx.screen)) return {};
  const match = file.rules.find((r) => r.id === '734.9(e)(3)')!;
  const decision = footnote5Case(request, request.date);
  if (decision.kind === 'ask') {
    return { question: { parameter: decision.parameter, prompt: `The foreign-made ${request.item.eccn} for a footnote 5 Entity List entity needs a licence under 15 CFR 744.11(a)(2)(v)(A) depending on who exports it and from where. Give item.parameters["${decision.parameter}"]: ${file.facts[decision.parameter]}.`, candidates: ['1', '0'] } };
  }
  if (decision.kind === 'none') return {};
  return {
    finding: ctx.finding({
      measure, requirement: 'license_required',
      reason: `${prefix}The foreign-made ${request.item.eccn} is subject to the EAR under the ${match.title} (15 CFR 734.9(e)(3), or § 734.4(a)(9) for its US chip) and a footnote 5 Entity List entity is a party or will incorporate it: a licence is required (15 CFR 744.11${decision.paragraph.replace(/^\(v\)/, '(a)(2)(v)')}), reviewed under the policy of that entity's Entity List entry; licence exceptions are not available unless the entry says so.`,
      matchedOn: [p === 1 ? `${FDP_PARAMS.footnote5} 1` : `footnote 5 party: ${designated.join(', ')}`, `item.eccn ${request.item.eccn}`, `from ${request.from}`],
    }),
  };
}

/** A US-origin integrated circuit of CCL Category 3, 4 or 5 among the item's content (an ECCN in product group A of those categories). */
function usIntegratedCircuit(request: NormalizedRequest): string | undefined {
  return (request.item.content ?? []).find((c) => c.origin === 'US' && c.item.eccn && /^[345]A/.test(c.item.eccn))?.item.eccn;
}

/**
 * § 734.4(a)(8)–(9): no de minimis level for the SME and footnote 5 commodities of § 734.9(k) and (e)(3) that contain a
 * US-origin integrated circuit, when they go where those rules look (item scope and destination or end user as in the
 * rule's version on the date). Returns the sentence for the reach description, or undefined.
 */
export function zeroDeMinimisForChips(request: NormalizedRequest, date: IsoDate, screen?: Screen): string | undefined {
  const ic = usIntegratedCircuit(request);
  if (!ic) return undefined;
  for (const z of file.zeroDeMinimis) {
    const rule = file.rules.find((r) => r.id === z.rule);
    const version = rule && versionOn(rule, date);
    if (!version || date < z.from || !itemInScope(request.item.eccn, version) || !destinationInScope(request, version.destination, date, screen)) continue;
    const compliance = date < z.complianceFrom ? ` (compliance required from ${z.complianceFrom})` : '';
    return `US-origin integrated circuit ${ic} in ${request.item.eccn}: ${z.title} (15 CFR ${z.id}${compliance})`;
  }
  return undefined;
}

/** True when the EAR reach the item through the footnote 5 rules: § 734.9(e)(3), or its de minimis twin § 734.4(a)(9). */
export function viaFootnote5Rules(bases: readonly string[], request: NormalizedRequest, date: IsoDate, screen?: Screen): boolean {
  if (reachedBy(bases, request, date, '734.9(e)(3)', screen)) return true;
  return bases.includes('content') && (zeroDeMinimisForChips(request, date, screen)?.includes('734.4(a)(9)') ?? false);
}

/**
 * § 734.4(a)(2) and (a)(4): no de minimis level for foreign technology that incorporates US-origin 5E002 encryption
 * technology, or with which US-origin 9E003 hot-section technology of the listed paragraphs is commingled, whatever the
 * destination. Returns the sentence for the reach description, or undefined.
 */
export function zeroDeMinimisForTechnology(request: NormalizedRequest): string | undefined {
  if (request.transfer !== 'technology') return undefined;
  for (const z of file.zeroDeMinimisTechnology) {
    const hit = (request.item.content ?? []).find((c) => c.origin === 'US' && c.item.eccn && z.contentEccns.some((ref) => within(c.item.eccn!, ref)));
    if (hit) return `US-origin ${hit.item.eccn} technology in this foreign technology: ${z.title} (15 CFR ${z.id})`;
  }
  return undefined;
}
