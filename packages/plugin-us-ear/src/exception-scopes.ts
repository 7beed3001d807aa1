import type { Authorization, CountryCode, IsoDate, Question, Source, Warning } from '@chokepoint/core';
import { eccnHead, scopeCovers, scopeIsCondition, type CclEntry, type CclReason } from './ccl.js';
import { chartRow, type ChartColumn } from './chart.js';
import { readData } from './data-files.js';
import { earCountry, inGroup } from './groups.js';

type GroupName = Parameters<typeof inGroup>[0];

/** Paragraphs of an ECCN that an exception covers only when a fact the ECCN code does not carry holds. */
interface ConditionalScope {
  paragraphs: string[] | 'all';
  fact: string;
  /** A plugin parameter that states the fact everywhere it matters (e.g. ear.civilTelecom), read before ear.lvsScopeMet/gbsScopeMet. */
  param?: string;
}

/** Where a list-based exception applies inside one ECCN (see `data/exception-scopes.json`). */
interface ScopeRule {
  covers: string[] | 'all';
  except?: string[];
  notForReasons?: CclReason['reason'][];
  conditional?: ConditionalScope[];
  onlyTo?: CountryCode[];
  notTo?: CountryCode[];
  notToGroups?: GroupName[];
  notWhereChart?: ChartColumn;
}

interface LvsRule extends Omit<ScopeRule, 'covers'> {
  tiers: (Pick<ScopeRule, 'covers' | 'onlyTo' | 'notToGroups' | 'notWhereChart'> & { usd: number })[];
  note?: string;
}

interface ScopesFile {
  source: Source;
  confidence: 'high' | 'medium' | 'low';
  lvs: Record<string, LvsRule>;
  gbs: Record<string, ScopeRule>;
}

interface BarsFile {
  sources: Source[];
  bars: { code: string; for?: string; param?: string; allowed: string[]; rule: string }[];
}

const scopes = readData<ScopesFile>('exception-scopes.json');
const barsFile = readData<BarsFile>('licence-exception-bars.json');

/** The sources of the paragraph scopes and of the ECCNs that allow no licence exception. */
export const EXCEPTION_SCOPE_SOURCES: Source[] = [scopes.source, ...barsFile.sources];

/** How a list-based exception fits the requested code: covered, not, or a fact is missing. */
export type ScopeFit =
  | { fit: 'yes'; usd?: number }
  | { fit: 'no'; why: string }
  | { fit: 'ask_paragraph'; scope: string }
  | { fit: 'ask_fact'; fact: string };

/** The paragraph of a code relative to its ECCN head (`3B001.c.1.a` → `c.1.a`; `3B001` → ``). */
function paragraphOf(code: string): string {
  return code.includes('.') ? code.slice(code.indexOf('.') + 1) : '';
}

/** `yes` when the paragraph is `ref` or inside it, `maybe` when the paragraph is broader than `ref`. */
function within(paragraph: string, ref: string): 'yes' | 'maybe' | 'no' {
  if (!paragraph) return 'maybe';
  if (paragraph === ref || paragraph.startsWith(`${ref}.`)) return 'yes';
  if (ref.startsWith(`${paragraph}.`)) return 'maybe';
  return 'no';
}

function anyWithin(paragraph: string, refs: string[] | 'all'): 'yes' | 'maybe' | 'no' {
  if (refs === 'all') return 'yes';
  const hits = refs.map((r) => within(paragraph, r));
  return hits.includes('yes') ? 'yes' : hits.includes('maybe') ? 'maybe' : 'no';
}

function describe(rule: Pick<ScopeRule, 'covers' | 'except'>): string {
  const covers = rule.covers === 'all' ? 'the whole entry' : rule.covers.join(', ');
  return rule.except?.length ? `${covers} except ${rule.except.join(', ')}` : covers;
}

/** What one rule says about the code, destination and date, before the value tier is chosen. */
function judge(code: string, entry: CclEntry, rule: ScopeRule, dest: CountryCode, date: IsoDate, conditionMet: number | undefined, facts?: Readonly<Record<string, number>>): ScopeFit {
  const paragraph = paragraphOf(code);
  const c = earCountry(dest);
  if (rule.onlyTo && !rule.onlyTo.includes(c)) return { fit: 'no', why: `only for ${rule.onlyTo.join(', ')}` };
  if (rule.notTo?.includes(c)) return { fit: 'no', why: `not to ${c}` };
  const group = rule.notToGroups?.find((g) => inGroup(g, dest, date));
  if (group) return { fit: 'no', why: `not to Country Group ${group}` };
  if (rule.notWhereChart && chartRow(dest, date)?.columns.has(rule.notWhereChart)) return { fit: 'no', why: `not where the chart has an X in ${rule.notWhereChart}` };
  const excluded = anyWithin(paragraph, rule.except ?? []);
  if (excluded === 'yes') return { fit: 'no', why: `${eccnHead(code)}.${(rule.except ?? []).find((r) => within(paragraph, r) === 'yes')} is excluded` };
  const covered = anyWithin(paragraph, rule.covers);
  if (covered === 'no') return { fit: 'no', why: `it covers only ${describe(rule)}` };
  if (covered === 'maybe' || excluded === 'maybe') return { fit: 'ask_paragraph', scope: describe(rule) };
  for (const reason of rule.notForReasons ?? []) {
    // A reason whose scope is a condition on the item (1C007.c MT "radome materials … below 6"): the request's
    // ear.<reason>ScopeMet decides it; unanswered, the determination asks it and the exception waits for the answer.
    const answer = facts?.[`ear.${reason.toLowerCase()}ScopeMet`];
    const fits = entry.reasons.filter((r) => r.reason === reason).map((r) => {
      const fit = scopeCovers(code, r.scope);
      if (fit !== 'maybe' || !scopeIsCondition(code, r.scope)) return fit;
      return answer === 0 ? 'no' : answer === 1 ? 'yes' : 'unanswered';
    });
    if (fits.includes('yes')) return { fit: 'no', why: `not for ${reason}-controlled items` };
    if (fits.includes('unanswered')) return { fit: 'no', why: `not for ${reason}-controlled items, and whether the item is ${reason}-controlled is asked (ear.${reason.toLowerCase()}ScopeMet)` };
    if (fits.includes('maybe')) return { fit: 'ask_paragraph', scope: `${describe(rule)}, not for ${reason}-controlled items` };
  }
  const conditional = (rule.conditional ?? []).find((k) => anyWithin(paragraph, k.paragraphs) !== 'no' || k.paragraphs === 'all');
  if (conditional) {
    const met = (conditional.param !== undefined ? facts?.[conditional.param] : undefined) ?? conditionMet;
    if (met === 0) return { fit: 'no', why: `it requires that ${conditional.fact}` };
    if (met !== 1) return { fit: 'ask_fact', fact: conditional.fact };
  }
  return { fit: 'yes' };
}

/** Whether License Exception GBS covers the requested paragraph of a GBS-eligible ECCN (the ECCN's GBS text). */
export function gbsFit(code: string, entry: CclEntry, dest: CountryCode, date: IsoDate, conditionMet: number | undefined, facts?: Readonly<Record<string, number>>): ScopeFit {
  if (!entry.gbs) return { fit: 'no', why: 'the ECCN allows no GBS' };
  const rule = scopes.gbs[eccnHead(code)];
  if (entry.gbs === true || !rule) return entry.gbs === true ? { fit: 'yes' } : { fit: 'ask_fact', fact: `the item is within the ECCN's GBS paragraphs (${entry.gbsScope})` };
  // GBS paragraphs covered only on a condition count as covered; the condition decides (LVS tiers name theirs).
  const conditionalRefs = (rule.conditional ?? []).flatMap((k) => (k.paragraphs === 'all' ? [] : k.paragraphs));
  const covers = rule.covers === 'all' ? 'all' : [...rule.covers, ...conditionalRefs];
  return judge(code, entry, { ...rule, covers }, dest, date, conditionMet, facts);
}

/** Whether License Exception LVS covers the requested paragraph, and up to which value (the ECCN's LVS text). */
export function lvsFit(code: string, entry: CclEntry, dest: CountryCode, date: IsoDate, conditionMet: number | undefined, facts?: Readonly<Record<string, number>>): ScopeFit {
  if (entry.lvs === null) return { fit: 'no', why: 'the ECCN has no LVS value' };
  const rule = scopes.lvs[eccnHead(code)];
  if (!rule) return { fit: 'yes', usd: entry.lvs };
  const outcomes = rule.tiers.map((tier) => ({ tier, fit: judge(code, entry, { ...rule, ...tier }, dest, date, conditionMet, facts) }));
  const yes = outcomes.filter((o) => o.fit.fit === 'yes');
  if (yes.length) return { fit: 'yes', usd: Math.min(...yes.map((o) => o.tier.usd)) };
  const ask = outcomes.find((o) => o.fit.fit === 'ask_fact') ?? outcomes.find((o) => o.fit.fit === 'ask_paragraph');
  if (ask) {
    if (ask.fit.fit === 'ask_paragraph') return { fit: 'ask_paragraph', scope: rule.tiers.map((t) => `$${t.usd} for ${describe({ ...rule, covers: t.covers })}`).join('; ') };
    return ask.fit;
  }
  return outcomes.find((o) => o.fit.fit === 'no')!.fit;
}

/** A bar on licence exceptions for an ECCN (§ 738.3(a)(1), § 740.2(a)): none at all, or only those `allowed`. */
export interface ExceptionBar {
  allowed: string[];
  rule: string;
  /** Set when the bar holds only if a fact holds and the request does not say: the fact in words and its parameter. */
  unsure?: { what: string; parameter: string };
}

/** The parameter that answers a bar's "for …" fact (1/0); the surreptitious-interception bars predate the field. */
const barParam = (bar: BarsFile['bars'][number]) => bar.param ?? 'ear.forInterceptionItem';

/** The bar for a code; `parameters` carry the answers to the bars' facts (1/0). */
export function exceptionBar(code: string, parameters: Readonly<Record<string, number>> | undefined): ExceptionBar | undefined {
  for (const bar of barsFile.bars) {
    const exact = code === bar.code || code.startsWith(`${bar.code}.`);
    const broader = !exact && bar.code.startsWith(`${code}.`);
    if (!exact && !broader) continue;
    const answer = bar.for ? parameters?.[barParam(bar)] : undefined;
    if (bar.for && answer === 0) continue;
    if (broader) return { allowed: bar.allowed, rule: bar.rule, unsure: { what: `the item is ${bar.code}`, parameter: 'item.eccn' } };
    if (bar.for && answer !== 1) return { allowed: bar.allowed, rule: bar.rule, unsure: { what: `the item is for ${bar.for}`, parameter: barParam(bar) } };
    return { allowed: bar.allowed, rule: bar.rule };
  }
  return undefined;
}

/**
 * Takes away the licence exceptions § 738.3(a)(1) and § 740.2(a) bar for the classified codes: all of
 * them, or all but those allowed (mostly GOV). When the bar turns on a fact the request does not give,
 * the exceptions are withheld and the question is asked, so that no exception is offered that the ECCN
 * may not use.
 */
export function applyExceptionBars(
  codes: string[],
  authorizations: Authorization[],
  parameters: Readonly<Record<string, number>> | undefined,
): { authorizations: Authorization[]; questions: Question[]; warnings: Warning[] } {
  let kept = authorizations;
  const questions: Question[] = [];
  const warnings: Warning[] = [];
  for (const code of codes) {
    const bar = exceptionBar(code, parameters);
    if (!bar) continue;
    const before = kept;
    kept = bar.unsure ? [] : kept.filter((a) => bar.allowed.includes(a.id));
    const only = bar.allowed.length ? `only License Exception ${bar.allowed.join(', ')} (as the cited paragraph limits it)` : 'no licence exception';
    if (bar.unsure) {
      if (before.length) {
        const { what, parameter } = bar.unsure;
        questions.push(parameter === 'item.eccn'
          ? { parameter, prompt: `${code}: if ${what}, ${only} may be used (${bar.rule}); give the paragraph in item.eccn.` }
          : { parameter, prompt: `${code}: if ${what}, ${only} may be used (${bar.rule}). Is it? Give item.parameters["${parameter}"] = 1 or 0.`, candidates: ['1', '0'] });
      }
      continue;
    }
    warnings.push({ code: 'no_licence_exceptions', message: `${code}: ${only} may be used (${bar.rule}).`, measure: 'us-ear-740-licence-exceptions' });
  }
  return { authorizations: kept, questions, warnings };
}
