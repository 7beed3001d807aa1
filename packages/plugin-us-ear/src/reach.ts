import { type ContentShare, type CountryCode, type IsoDate, type PartyMatch, type Question, type ReachContext, type ReachResult, type ReachBasis } from '@chokepoint/core';
import { cclEntry, eccnHead } from './ccl.js';
import { footnotesOf } from './entity-list.js';
import { EAR_MEASURES, M } from './measures.js';
import { screenOn } from './lists.js';
import { earCountry, inGroup } from './groups.js';
import { russiaBelarusSanctioned } from './restrictions.js';
import { controlledContent } from './controlled-content.js';
import { geccExporter } from './part-746-supp3.js';
import { part746Lists } from './part-746-lists.js';
import { supp6Chemical } from './part-746-supp6.js';
import { describeCandidates, describeMatch, directProductRules, groupDirectProductRule, partyDesignations, zeroDeMinimisForChips, zeroDeMinimisForTechnology, type FdpCandidate } from './fdp.js';

const NONE: readonly string[] = Object.freeze([]);

/** ECCNs of US technology and software whose direct products § 734.9(e)(1) reaches (footnote 1 and 4 entities). */
const FN1_TECH = ['3D001', '3D901', '3D991', '3D992', '3D993', '3D994', '3E001', '3E002', '3E003', '3E901', '3E991', '3E992', '3E993', '3E994', '4D001', '4D993', '4D994', '4E001', '4E992', '4E993', '5D001', '5D991', '5E001', '5E991'];
/** Footnote 4 adds encryption technology and software (§ 734.9(e)(2)). */
const FN4_TECH = [...FN1_TECH, '5D002', '5E002'];

/** The Russia/Belarus military end user foreign direct product rule (§ 734.9(g)) came with the rule of 2022-02-24 (87 FR 12226). */
const FN3_FROM = '2022-02-24';

/** The embargoed destinations of part 746 whose rows the chart parse garbled. */
export const EMBARGOED = ['CU', 'IR', 'KP', 'SY'];

/** US-origin technology or software (an ECCN in product group D or E) that the item was made with. */
export function usTechnologyInputs(content: readonly ContentShare[] | undefined): readonly string[] {
  // Most items state no content: no arrays and closures to make for them.
  if (!content?.length) return NONE;
  return content
    .filter((c) => c.origin === 'US' && c.item.eccn && c.item.eccn !== 'EAR99' && /^[0-9][DE]/.test(c.item.eccn))
    .map((c) => eccnHead(c.item.eccn!));
}

/** The foreign direct product rule that makes a foreign-made item subject to the EAR, if any. */
export function directProductRule(ctx: Pick<ReachContext, 'request' | 'screen'> & Partial<Pick<ReachContext, 'item' | 'taxonomy'>>, date: IsoDate): string | undefined {
  const { request } = ctx;
  const tech = usTechnologyInputs(request.item.content);
  const to = request.to;
  const itemCode = request.item.eccn;
  // § 734.9(f)(1)(i)(B): the item is "specified in any ECCN on the CCL or in supplement no. 6 or 7 to part 746".
  // § 746.8(a)(12)(iii)(A): exports from a Supp. No. 3 country are outside the § 746.8(a)(2) licence of this rule.
  if (tech.length && russiaBelarusSanctioned(to, date) && !geccExporter(request.from, date)) {
    const where = to === 'RU' ? 'Russia' : 'Belarus';
    if (itemCode && itemCode !== 'EAR99') return `foreign direct product of US technology or software ${tech.join(', ')} going to ${where} (15 CFR 734.9(f))`;
    const listed = listedInSupp6or7(ctx, to, date);
    if (listed) return `foreign direct product of US technology or software ${tech.join(', ')} going to ${where}, an item ${listed} (15 CFR 734.9(f)(1)(i)(B))`;
  }
  const screen = screenOn(ctx, date);
  const rules = directProductRules(request, date, screen).met;
  if (rules.length) return rules.map(describeMatch).join('; ');
  if (!tech.length) return undefined;
  const byGroup = groupDirectProductRule(request, tech, date);
  if (byGroup) return byGroup;
  // § 734.9(e)(1)–(2): a footnote 1 or 4 entity as end user or other party (purchaser, consignee).
  // § 734.9(g): a footnote 3 entity (Russian or Belarusian military end user) as a party, for the direct product of US
  // technology or software in any product group D or E ECCN, whatever the item, from 2022-02-24.
  for (const d of partyDesignations(request, screen)) {
    const fn4 = d.footnotes.includes(4) && tech.some((t) => FN4_TECH.includes(t));
    const fn1 = d.footnotes.includes(1) && tech.some((t) => FN1_TECH.includes(t));
    if (fn1 || fn4) return `foreign direct product of US technology or software ${tech.join(', ')} for ${d.name}, an Entity List footnote ${fn4 ? 4 : 1} entity (15 CFR 734.9(e)(${fn4 ? 2 : 1}))`;
    if (d.footnotes.includes(3) && date >= FN3_FROM) return `foreign direct product of US technology or software ${tech.join(', ')} for ${d.name}, an Entity List footnote 3 entity (Russia/Belarus military end user; 15 CFR 734.9(g))`;
  }
  // § 734.9(e) and (g) introductory text (90 FR 47201, stayed by 90 FR 50857 until 2026-11-09): the end-user scope also
  // includes a foreign entity owned 50 % or more, in aggregate, by listed entities, at least one of which meets it.
  const owned = ownedByListed(request, screen, date);
  if (owned) {
    const of = (fn: number) => owned.owners.find((o) => o.footnotes.includes(fn));
    const fn4 = of(4) && tech.some((t) => FN4_TECH.includes(t)) ? of(4) : undefined;
    const fn1 = of(1) && tech.some((t) => FN1_TECH.includes(t)) ? of(1) : undefined;
    const fn3 = of(3) && date >= FN3_FROM ? of(3) : undefined;
    const via = fn4 ?? fn1 ?? fn3;
    if (via) {
      const para = fn4 ? '734.9(e)(2)' : fn1 ? '734.9(e)(1)' : '734.9(g)';
      const fn = fn4 ? 4 : fn1 ? 1 : 3;
      return `foreign direct product of US technology or software ${tech.join(', ')} for ${request.endUser!.name}, owned ${(owned.share * 100).toFixed(0)} % by Entity List entities including ${via.name} (footnote ${fn}): the end-user scope of 15 CFR ${para} covers entities 50 % or more owned by such entities (§ 734.9 ${fn === 3 ? '(g)' : '(e)'} introductory text, 90 FR 47201)`;
    }
  }
  return undefined;
}

/**
 * Where an item without an ECCN is listed in Supp. No. 6 (by CAS number, decided) or Supp. No. 7 (by HTS-6) to Part 746
 * for the destination on the date, for the § 734.9(f) product scope; undefined when it is not shown to be.
 */
function listedInSupp6or7(ctx: Pick<ReachContext, 'request'> & Partial<Pick<ReachContext, 'item' | 'taxonomy'>>, to: CountryCode, date: IsoDate): string | undefined {
  const { item } = ctx.request;
  const nodes = ctx.item?.nodes ?? [];
  const node = (id: string) => ctx.taxonomy?.node(id);
  const hs = item.hs ? [item.hs] : item.cnCode ? [item.cnCode.replace(/\D/g, '').slice(0, 6)] : [...new Set(nodes.flatMap((n) => node(n)?.identifiers?.hs ?? []))];
  for (const code of hs) {
    const m = part746Lists(code, to, date);
    if (m?.kind === 'listed' && !m.later && m.lists.some((l) => l.id === 'supp7')) return `listed by HTS-6 ${m.hs6} in Supplement No. 7 to Part 746`;
  }
  const cas = item.cas ? [item.cas] : [...new Set(nodes.flatMap((n) => node(n)?.identifiers?.cas ?? []))];
  const purity = item.parameters?.purity;
  for (const c of cas) {
    const m = supp6Chemical(c, to, date, purity);
    if (m.kind === 'listed' && !m.later) return `listed in Supplement No. 6 to Part 746, paragraph ${m.paragraph} (${m.name})`;
  }
  return undefined;
}

/** The days the affiliates rule (and its extension of the § 734.9(e) and (g) end-user scopes) was in force. */
function affiliatesInForce(date: IsoDate): boolean {
  const m = EAR_MEASURES.find((x) => x.id === M.affiliates)!;
  const from = m.effective?.from ?? '9999-12-31';
  return date >= from && !(m.suspensions ?? []).some((s) => date >= s.from && (s.to === null || s.to === undefined || date <= s.to));
}

/** The end user's listed owners and their total share, when they hold 50 % or more and the affiliates rule is in force. */
function ownedByListed(request: ReachContext['request'], screen: (name: string) => PartyMatch[], date: IsoDate): { share: number; owners: { name: string; footnotes: number[] }[] } | undefined {
  const owners = request.endUser?.owners;
  if (!owners?.length || !affiliatesInForce(date)) return undefined;
  const listed = owners.flatMap((o) => {
    const hit = screen(o.name).find((m) => m.party.list === 'us-entity-list');
    return hit ? [{ share: o.share ?? 0, name: hit.party.name, footnotes: hit.party.footnotes ?? footnotesOf(hit.party.id) }] : [];
  });
  const share = listed.reduce((sum, o) => sum + o.share, 0);
  return share >= 0.5 ? { share, owners: listed } : undefined;
}

/**
 * The foreign direct product rules that may reach a foreign-made item whose reach rests on them alone and whose
 * product facts the request does not state (empty when the EAR reach it on some other basis, or a rule is met).
 */
export function pendingDirectProduct(ctx: Pick<ReachContext, 'request' | 'screen' | 'origin'>, bases: readonly ReachBasis[]): readonly FdpCandidate[] {
  if (ctx.origin === 'US' || bases.length !== 1 || bases[0] !== 'direct_product' || directProductRule(ctx, ctx.request.date)) return [];
  return directProductRules(ctx.request, ctx.request.date, ctx.screen).candidates;
}

/** Countries of the foreign persons receiving a release in the United States (a deemed export). */
export function deemedCountries(nationalities: readonly CountryCode[] | undefined): CountryCode[] | undefined {
  if (!nationalities?.length || nationalities.includes('US')) return undefined;
  return [...new Set(nationalities)];
}

/**
 * The countries of a release of technology or source code inside a foreign country (`from` = `to`, not the US) to a
 * person of other nationalities: a deemed reexport to them (15 CFR 734.14(b), 772.1; tech-reach review X89). A person
 * who is also a national of the country of the release is left to that country's row.
 */
function deemedReexport(request: ReachContext['request']): CountryCode[] | undefined {
  if (request.from === 'US' || request.from !== request.to || request.transfer === 'goods') return undefined;
  const countries = deemedCountries(request.endUser?.nationalities);
  return countries && !countries.includes(request.from) ? countries : undefined;
}

/**
 * The item's controlled US-origin content (§ 734.4): the sum of the shares the request gives, and the parts whose share
 * it leaves out (named by what identifies them).
 */
function controlledUsContent(request: ReachContext['request'], date: IsoDate): { share: number; unknown: string[] } {
  let share = 0;
  const unknown: string[] = [];
  for (const c of request.item.content ?? []) {
    if (c.origin !== 'US' || !controlledContent(c.item.eccn, request.to, date, request.from)) continue;
    if (c.valueShare === undefined) unknown.push(c.item.eccn ?? c.item.id ?? c.item.name ?? 'a part');
    else share += c.valueShare;
  }
  return { share, unknown };
}

/** True when the item's controlled US-origin content given is above the ordinary de minimis level for its destination (§ 734.4(c)–(d)). */
export function aboveDeMinimis(request: ReachContext['request'], date: IsoDate): boolean {
  return controlledUsContent(request, date).share > deMinimisLevel(request.to, date);
}

/** The de minimis level for a destination: 10 % for E:1 and E:2, 25 % elsewhere (§ 734.4(c)–(d)). */
export function deMinimisLevel(to: CountryCode, date: IsoDate): number {
  return inGroup('E:1', to, date) || inGroup('E:2', to, date) ? 0.1 : 0.25;
}

/** A 0 % de minimis case (§ 734.4(a)(6)): 600-series or 9x515 US content going to D:5, or .y content to E:1, E:2, Belarus, China or Russia. */
function zeroDeMinimis(content: readonly ContentShare[], to: CountryCode, date: IsoDate): string | undefined {
  for (const c of content) {
    if (c.origin !== 'US' || !c.item.eccn) continue;
    const entry = cclEntry(c.item.eccn);
    if (!entry?.series) continue;
    const isY = /\.y(\.|$)/.test(c.item.eccn);
    const destinations = isY ? inGroup('E:1', to, date) || inGroup('E:2', to, date) || ['BY', 'CN', 'RU', 'HK'].includes(to) : inGroup('D:5', to, date) || to === 'HK';
    if (destinations) return `US-origin ${c.item.eccn} content has no de minimis level for ${to} (15 CFR 734.4(a)(6))`;
  }
  return undefined;
}

/**
 * The sentence of a transfer the EAR do not reach, by exporting country, made once per country: the
 * engine shares a regime's answer for a transfer it does not reach by that sentence, and a sentence
 * built anew for each request is copied and hashed again for each lookup.
 */
const NOT_SUBJECT = new Map<string, string>();
function notSubject(from: string): string {
  let sentence = NOT_SUBJECT.get(from);
  if (sentence === undefined) {
    sentence = `not subject to the EAR: exported from ${from}, not of US origin, with no US content above de minimis and no foreign direct product rule shown (15 CFR 734.3, 734.4, 734.9)`;
    NOT_SUBJECT.set(from, sentence);
  }
  return sentence;
}

/**
 * Why US content brings a foreign-made item under the EAR (a zero de minimis rule, or a share above the level), if it
 * does; or, when the shares given stay within the level but some controlled part's share is left out, the question
 * that decides it (the share is not guessed).
 */
function contentBasis(ctx: ReachContext, content: readonly ContentShare[], date: IsoDate): { why?: string; pending?: Question } {
  const { request } = ctx;
  const zero = zeroDeMinimis(content, request.to, date) ?? zeroDeMinimisForChips(request, date, screenOn(ctx, date)) ?? zeroDeMinimisForTechnology(request);
  if (zero) return { why: zero };
  const { share, unknown } = controlledUsContent(request, date);
  const level = deMinimisLevel(request.to, date);
  if (share > level) return { why: `foreign-made item with ${(share * 100).toFixed(1)} % controlled US-origin content, above the ${level * 100} % de minimis level (15 CFR 734.4)` };
  if (!unknown.length) return {};
  return {
    pending: {
      parameter: 'item.content',
      prompt: `The share of the item's value of its controlled US-origin content (${unknown.join(', ')}) is not given${share > 0 ? `; the shares given add up to ${(share * 100).toFixed(1)} %` : ''}. A foreign-made item with more than ${level * 100} % controlled US-origin content is subject to the EAR for ${earCountry(request.to)} (15 CFR 734.4(c)–(d)): give valueShare for each such part in item.content.`,
    },
  };
}

/**
 * Whether the EAR reach a transfer (15 CFR 734.3): export from the United States; reexport of a
 * US-origin item; a foreign-made item above de minimis US content; a foreign direct product; a
 * release of technology to a foreign person in the United States (deemed export).
 */
export function earReach(ctx: ReachContext): ReachResult {
  const { request, origin } = ctx;
  const date = request.date;
  const hk = request.to === 'HK' ? ' Hong Kong is treated as China for the Country Chart and Country Groups (15 CFR 740.2(a)(12), (19), (20) still name it).' : '';
  if (request.from === 'US' && request.to === 'US') {
    if (request.transfer === 'goods') return { bases: [], description: 'a transfer within the United States is not an export' };
    const countries = deemedCountries(request.endUser?.nationalities);
    if (countries) return { bases: ['deemed'], description: `deemed export: release of ${request.transfer} in the United States to a foreign person, an export to ${countries.join(', ')} (15 CFR 734.13(b))` };
    return { bases: ['deemed'], description: `release of ${request.transfer} in the United States: a deemed export if the recipient is a foreign person (15 CFR 734.13(b))` };
  }
  if (request.from === 'US') return { bases: ['territory'], description: `export from the United States (15 CFR 734.3(a)(1), 734.13).${hk}` };
  const bases: ReachBasis[] = [];
  const why: string[] = [];
  if (origin === 'US') {
    bases.push('origin');
    why.push('reexport of a US-origin item (15 CFR 734.3(a)(2), 734.14)');
  }
  const content = request.item.content;
  let contentQuestion: Question | undefined;
  if (origin !== 'US' && content?.length) {
    const basis = contentBasis(ctx, content, date);
    if (basis.why) {
      bases.push('content');
      why.push(basis.why);
    }
    contentQuestion = basis.pending;
  }
  const fdp = origin !== 'US' ? directProductRule(ctx, date) : undefined;
  if (fdp) {
    bases.push('direct_product');
    why.push(fdp);
  }
  const reexportedTo = deemedReexport(request);
  if (bases.length && reexportedTo) {
    bases.push('deemed');
    why.push(`deemed reexport: release of ${request.transfer} in ${request.from} to a foreign person of ${reexportedTo.join(', ')}, a reexport to ${reexportedTo.length > 1 ? 'those countries' : 'that country'} (15 CFR 734.14(b)); the § 734.20 exclusions (e.g. bona fide regular and permanent employees) are not asked`);
  }
  if (!bases.length && contentQuestion) {
    // Reached pending the share: core asks it only where a rule would then require a licence.
    return { bases: ['content'], description: `possibly subject to the EAR by its US content: exported from ${request.from}, not of US origin, with controlled US-origin content whose share is not given (15 CFR 734.4)`, pending: contentQuestion };
  }
  if (!bases.length) {
    const candidates = origin !== 'US' ? directProductRules(request, date, ctx.screen).candidates : [];
    // A rule whose item and destination scope the item meets may still reach it: the evaluate hook asks its facts.
    if (candidates.length) return { bases: ['direct_product'], description: `possibly subject to the EAR as a foreign direct product: exported from ${request.from}, not of US origin and with no US content above de minimis, but ${describeCandidates(candidates)} (15 CFR 734.9)` };
    const gecc = russiaBelarusSanctioned(request.to, date) ? geccExporter(request.from, date) : undefined;
    const geccNote = gecc ? `; exports from ${gecc.name}, a country of Supp. No. 3 to Part 746 (${gecc.cite}), are outside the § 734.9(f) foreign direct product licence for Russia and Belarus, and AT-only or EAR99 US content does not count toward its de minimis through § 746.8 (15 CFR 746.8(a)(12)(iii))` : '';
    return { bases: [], description: geccNote ? `${notSubject(request.from)}${geccNote}` : notSubject(request.from) };
  }
  return { bases, description: `${why.join('; ')}.${hk}` };
}
