import { evaluateCondition, type CountryCode, type EvaluationContext, type Finding, type Question, type Warning } from '@chokepoint/core';
import { CLASSIFICATION_ENTRIES } from './classification.js';
import { cclEntry, isTechnologyScope, scopeFit, scopeIsCondition, technologyFor, wholeParagraphs, type CclEntry, type CclReason } from './ccl.js';
import { chartRow } from './chart.js';
import { earCountry, inGroup } from './groups.js';
import { M } from './measures.js';
import { ecfr } from './sources.js';
import { footnoteRequirements } from './chart-footnotes.js';
import { specialOutcome } from './special.js';
import { carveOut } from './carve-outs.js';
import { reachedOnlyBySme, smeExclusion, viaFootnote5Rules } from './fdp.js';
import { aboveDeMinimis } from './reach.js';

/** The section of part 742 that sets each reason's licence policy. */
export const REASON_SECTION: Record<CclReason['reason'], string> = {
  NS: '742.4', MT: '742.5', NP: '742.3', CB: '742.2', RS: '742.6', FC: '742.17', CC: '742.7', AT: '742.8', CW: '742.18', EI: '742.15', SS: '754.2', UN: '746.1', SI: '742.14', SL: '742.13',
};

/** An ECCN (or EAR99) the item is classified under, and how the plugin knows. */
export interface Classification {
  code: string;
  entry?: CclEntry;
  /** The classification entry that matched by taxonomy ID and parameters, when that is how it was found. */
  entryId?: string;
  matchedOn: string;
}

/** The list line a finding on a classification names: the classification entry that matched, else the ECCN itself. */
export function cclEntryRef(cls: Classification): { id: string; code: string } {
  return { id: cls.entryId ?? `eccn-${cls.code.toLowerCase().replace(/\./g, '-')}`, code: cls.code };
}

/** The item's classifications: the exporter's ECCN, else the domain entries whose parameters the item meets. */
export function classify(ctx: EvaluationContext): { classes: Classification[]; unknownEccn?: string } {
  const code = ctx.request.item.eccn;
  if (code) {
    if (code === 'EAR99') return { classes: [{ code, matchedOn: 'eccn EAR99' }] };
    const entry = cclEntry(code);
    if (!entry) return { classes: [], unknownEccn: code };
    return { classes: [{ code, entry, matchedOn: `eccn ${code}` }] };
  }
  const classes: Classification[] = [];
  for (const e of ctx.matchedEntries) {
    if (e.measure !== M.ccl || !e.code) continue;
    // A paragraph that lists this item only from a later rule (classification.ts, ITEMS_ADDED_LATER) does not classify it before.
    if (e.effective && ctx.statusOf(e.measure, { effective: e.effective }) !== 'in_force') continue;
    if (e.conditions && evaluateCondition(e.conditions, ctx.request.item.parameters, ctx.composition).value !== true) continue;
    classes.push({ code: e.code, entry: cclEntry(e.code)!, entryId: e.id, matchedOn: `taxonomy and parameters meet ${e.code}` });
  }
  return { classes };
}

/** The day 91 FR 1687 changed the review policy for advanced ICs and computers to China and Macau (below). */
export const CHIP_RULE_FROM = '2026-01-15';

/**
 * Review policy for advanced ICs and computers (3A090, 4A090) to China or Macau. From 2026-01-15
 * (91 FR 1687) applications are reviewed case by case when the item's TPP is under 21,000 and its
 * total DRAM bandwidth under 6,500 GB/s and the Supp. No. 2 to Part 748 (dd) information is given;
 * otherwise, and before that rule, under a presumption of denial.
 */
function advancedChipPolicy(ctx: EvaluationContext, code: string, dest: CountryCode, warnings: Warning[]): 'case_by_case' | 'presumption_of_denial' | undefined {
  if (!/^(3A090|4A090)/.test(code) || !['CN', 'MO', 'HK'].includes(dest)) return undefined;
  // HBM (3A090.c) has no TPP or DRAM bandwidth: the 2026 case-by-case policy for lower-performance chips does not reach it.
  if (ctx.request.date < CHIP_RULE_FROM || code.startsWith('3A090.c')) return 'presumption_of_denial';
  const p = ctx.request.item.parameters ?? {};
  const tpp = p.tpp;
  const bandwidth = p.dramBandwidthGBs;
  if (tpp === undefined || bandwidth === undefined || p['ear.supplement2ddInfo'] === undefined) {
    warnings.push({
      code: 'licence_policy_depends_on',
      message: `${code} to ${dest}: since 2026-01-15 (91 FR 1687) applications are reviewed case by case only for items with TPP under 21,000 and total DRAM bandwidth under 6,500 GB/s whose applications carry the Supp. No. 2 to Part 748 (dd) information; give item.parameters.tpp, dramBandwidthGBs and ear.supplement2ddInfo (1/0). Until then the answer assumes a presumption of denial.`,
      measure: M.special,
    });
    return 'presumption_of_denial';
  }
  return tpp < 21_000 && bandwidth < 6_500 && p['ear.supplement2ddInfo'] === 1 ? 'case_by_case' : 'presumption_of_denial';
}

/** A licence requirement that comes from the CCL: which reason, and whether it is on the chart. */
export interface CclRequirement {
  finding: Finding;
  reason: CclReason['reason'];
  onChart: boolean;
}

/**
 * Steps 3–4 of the determination for one classification and one destination: each reason's chart
 * column against the destination's row (§ 738.4), then the reasons the ECCN applies outside the chart.
 */
export function cclRequirements(ctx: EvaluationContext, cls: Classification, dest: CountryCode, prefix: string, warnings: Warning[], questions?: Question[]): CclRequirement[] {
  const out: CclRequirement[] = [];
  const entry = cls.entry;
  if (!entry) return out;
  const date = ctx.request.date;
  const row = chartRow(dest, date);
  const hk = dest === 'HK' ? ' (Hong Kong is read as China)' : '';
  const armsEmbargoed = entry.series !== null && (inGroup('D:5', dest, date) || dest === 'HK');
  const chip = advancedChipPolicy(ctx, cls.code, dest, warnings);
  const policy = armsEmbargoed ? 'presumption_of_denial' : chip ?? 'case_by_case';
  const embargoNote = armsEmbargoed ? ' As a 600-series or 9x515 item going to a Country Group D:5 destination it is reviewed under a policy of denial (15 CFR 742.4(b)(1)(ii)).' : '';
  const smeOnly = reachedOnlyBySme(ctx.reach.bases, ctx.request, date, ctx.screen, aboveDeMinimis(ctx.request, date));
  const fn5 = ctx.request.item.parameters?.['ear.footnote5Party'];
  const devHq = ctx.request.item.parameters?.['ear.developerHeadquartersD5'];
  const chipTech = ctx.request.item.parameters?.['ear.chipProductionTechnology'];
  const specialFacts = {
    ...(fn5 !== undefined ? { footnote5Party: fn5 } : {}), viaFootnote5Fdp: viaFootnote5Rules(ctx.reach.bases, ctx.request, date, ctx.screen),
    ...(devHq !== undefined ? { developerHeadquartersD5: devHq } : {}), ...(chipTech !== undefined ? { chipProductionTechnology: chipTech } : {}),
  };
  const entryRef = cclEntryRef(cls);
  if (entry.itarPlaceholder) {
    warnings.push({ code: 'itar_item', message: `${cls.code}: items in this entry are subject to the ITAR (22 CFR 120–130), not the EAR; this plugin does not assess them.`, measure: M.ccl });
    return out;
  }
  /**
   * Requirements of reasons that reach only some paragraphs under the requested code: charged only when together they
   * cover every paragraph of the entry, otherwise the paragraph decides and is asked.
   */
  const byParagraph: { why: string; req: CclRequirement; covers: string[] }[] = [];
  for (const reason of entry.reasons) {
    const fit = scopeFit(cls.code, reason.scope);
    if (fit === 'no') continue;
    // A scope this plugin cannot read against the code ("UAVs with a range of 300 km or more", "meeting 1C111") turns on
    // a fact about the item: the request answers it with ear.<reason>ScopeMet (ear.mtScopeMet, …), else it is asked, not charged.
    const scopeParam = `ear.${reason.reason.toLowerCase()}ScopeMet`;
    // Software and technology entries (groups D and E) scope a reason by the items the software or technology is for
    // ("technology for 1A002, … 1C001-1C011", "technology for NP-controlled items"): the item it is for decides, read from
    // the request's taxonomy classification (item.id with item.eccn) or answered with ear.<reason>ScopeMet, else asked.
    const tech = isTechnologyScope(cls.code, reason.scope);
    const forItems = tech ? technologyItems(ctx, cls.code) : [];
    const forFits = forItems.map((f) => technologyFor(cls.code, reason.scope!, f));
    const techFit = !forFits.length ? 'maybe' : forFits.includes('yes') ? 'yes' : forFits.every((f) => f === 'no') ? 'no' : 'maybe';
    if (tech && techFit === 'no') continue;
    // Otherwise only for commodities and materials (product groups A–C).
    const conditional = fit === 'maybe' && (tech ? techFit === 'maybe' : ['A', 'B', 'C'].includes(entry.group) && scopeIsCondition(cls.code, reason.scope));
    const scopeAnswer = conditional ? ctx.request.item.parameters?.[scopeParam] : undefined;
    if (scopeAnswer === 0) continue;
    const narrow = fit === 'maybe' && !conditional && !tech ? ` This reason covers only ${reason.scope} (a scope this plugin cannot read against the code); give the paragraph in item.eccn to narrow it.` : '';
    const forNote = tech && techFit === 'yes' ? ` It covers ${reason.scope}, which includes ${forItems.filter((_, i) => forFits[i] === 'yes').join(', ')}.` : '';
    const askScope = (where: string): boolean => {
      if (!conditional || scopeAnswer === 1) return false;
      const prompt = tech
        ? `${prefix}${cls.code} to ${earCountry(dest)}: the ${reason.reason} control (${where}) covers only ${reason.scope}. Is the ${entry.group === 'D' ? 'software' : 'technology'} for such an item? Give item.parameters["${scopeParam}"] = 1 or 0, or the item it is for by its taxonomy ID in item.id (its ECCN then decides).`
        : `${prefix}${cls.code} to ${earCountry(dest)}: the ${reason.reason} control (${where}) covers only ${reason.scope}. Does the item meet that? Give item.parameters["${scopeParam}"] = 1 or 0 (or the paragraph in item.eccn where that decides it).`;
      questions?.push({ parameter: scopeParam, prompt, candidates: ['1', '0'] });
      return true;
    };
    const section = REASON_SECTION[reason.reason];
    /** A note in the entry or in part 742 that takes the item out of this reason by a fact: checked once the destination triggers it. */
    const carved = (): boolean => {
      const carve = carveOut(ctx, cls.code, reason, dest);
      if (carve.kind === 'ask') questions?.push(...carve.questions);
      return carve.kind !== 'applies';
    };
    if (reason.column) {
      if (!row) {
        if (dest !== 'US') warnings.push({ code: 'no_chart_row', message: `${dest} has no row in the Commerce Country Chart; the chart step was skipped.`, measure: M.chart });
        continue;
      }
      if (row.unreliable || !row.columns.has(reason.column) || carved()) continue;
      if (askScope(`chart column ${reason.column}, X for ${row.name}`)) continue;
      const req: CclRequirement = {
        reason: reason.reason,
        onChart: true,
        finding: ctx.finding({
          measure: M.chart,
          entry: entryRef,
          requirement: 'license_required',
          licensePolicy: policy,
          reason: `${prefix}ECCN ${cls.code} is controlled for ${reason.reason} (chart column ${reason.column}; 15 CFR ${section}) and the Country Chart has an X for ${row.name}${hk} in ${reason.column}: a licence is required (15 CFR 738.4, general prohibition 1).${forNote}${narrow}${embargoNote}`,
          matchedOn: [cls.matchedOn, `Country Chart row ${row.row}: ${reason.column}`],
        }),
      };
      if (fit === 'broader') byParagraph.push({ why: `${reason.reason} (chart column ${reason.column}, X for ${row.name}) covers only ${reason.scope}`, req, covers: wholeParagraphs(entry, reason.scope) });
      else out.push(req);
      continue;
    }
    const outcome = specialOutcome(reason, dest, ctx.request.from, date, specialFacts);
    if (outcome.kind === 'not_applicable') continue;
    if (outcome.kind === 'unevaluated') {
      warnings.push({ code: 'special_control_not_evaluated', message: `${cls.code}: ${outcome.why} may add a licence requirement for ${dest}; this plugin does not evaluate it. See ${ecfr(section)}.`, measure: M.special });
      continue;
    }
    if (carved()) continue;
    const sme = smeExclusion(reason.scope, ctx.request, smeOnly);
    if (sme.kind === 'ask') questions?.push(sme.question);
    if (sme.kind !== 'applies') continue;
    if (askScope(`outside the chart, to ${outcome.where}`)) continue;
    const enforced = outcome.enforcedReading ? ' The eCFR still prints the January 2025 AI Diffusion text (worldwide for .a, plus the UAE for .b); BIS does not enforce it since 2025-05-13 and this answer follows the enforced scope.' : '';
    const req: CclRequirement = {
      reason: reason.reason,
      onChart: false,
      finding: ctx.finding({
        measure: reason.reason === 'UN' ? M.unArmsEmbargo : M.special,
        entry: entryRef,
        requirement: 'license_required',
        licensePolicy: policy,
        reason: `${prefix}ECCN ${cls.code} is controlled for ${reason.reason} outside the Country Chart${reason.scope ? ` (${reason.scope})` : ''}, which requires a licence to ${outcome.where}${hk} (15 CFR ${section}).${forNote}${narrow}${enforced}`,
        matchedOn: [cls.matchedOn, `destination ${earCountry(dest)}`],
      }),
    };
    if (fit === 'broader') byParagraph.push({ why: `${reason.reason} (outside the chart, to ${outcome.where}) covers only ${reason.scope}`, req, covers: wholeParagraphs(entry, reason.scope) });
    else out.push(req);
  }
  if (byParagraph.length) {
    const all = wholeParagraphs(entry, null);
    const covered = new Set(byParagraph.flatMap((b) => b.covers));
    if (!cls.code.includes('.') && all.length && all.every((p) => covered.has(p))) out.push(...byParagraph.map((b) => b.req));
    else questions?.push({ parameter: 'item.eccn', prompt: `${prefix}${cls.code} to ${earCountry(dest)}: ${byParagraph.map((b) => b.why).join('; ')}. Which paragraph is the item? Give it in item.eccn (e.g. "${cls.code}${cls.code.includes('.') ? '.1' : '.a'}"); the licence requirement, its policy and the licence exceptions depend on it.` });
  }
  const notes = footnoteRequirements(ctx, cls, dest, prefix);
  out.push(...notes.reqs);
  warnings.push(...notes.warnings);
  questions?.push(...notes.questions);
  return out;
}

/**
 * The items a software or technology ECCN is for, as the request classifies them apart from item.eccn: the CCL
 * commodity entries of its category (groups A–C) whose taxonomy node and parameters the item meets.
 */
function technologyItems(ctx: EvaluationContext, code: string): string[] {
  const nodes = ctx.item?.nodes ?? [];
  const out: string[] = [];
  // The classification entries are written for goods, so core does not match them for a technology or software
  // request: they are read here against the item's taxonomy nodes and parameters.
  for (const e of CLASSIFICATION_ENTRIES) {
    if (!e.code || e.code[0] !== code[0] || !/^\d[A-C]/.test(e.code)) continue;
    if (!(e.covers.ids ?? []).some((id) => nodes.includes(id))) continue;
    if (e.conditions && evaluateCondition(e.conditions, ctx.request.item.parameters).value !== true) continue;
    if (!out.includes(e.code)) out.push(e.code);
  }
  return out;
}

/** The question asked when a request names an ECCN that is not on the CCL. */
export function unknownEccnQuestion(code: string): Question {
  return { parameter: 'item.eccn', prompt: `ECCN ${code} is not on the Commerce Control List of 2026-09-24 (Supp. No. 1 to Part 774); check the classification, or give EAR99 if the item is subject to the EAR but not listed.` };
}
