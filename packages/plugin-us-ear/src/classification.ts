import type { CodeThreshold, Condition, ControlEntry, ParameterCondition } from '@chokepoint/core';
import { readData } from './data-files.js';
import { UWBG_SUBSTRATES_RULE } from './ccl-history.js';
import { M } from './measures.js';

interface DomainCondition {
  param: string;
  op: ParameterCondition['op'];
  value: number | boolean | string;
}
type DomainTree = { all: DomainTree[] } | { any: DomainTree[] } | { not: DomainTree } | DomainCondition;

interface DomainEntry {
  eccn: string;
  paragraph: string;
  covers: string;
  conditions: DomainTree | null;
  exclusions: string[];
  parametersUsed: string[];
  confidence: 'high' | 'medium' | 'low';
  notes?: string;
}

const domain = readData<{ ecfrDate: string; entries: DomainEntry[] }>('ccl-domain.json');

/**
 * Which taxonomy items each CCL paragraph of the domain describes. Only paragraphs whose item the
 * taxonomy names are matched by ID; the others are reached through `item.eccn`.
 */
export const PARAGRAPH_ITEMS: Record<string, string[]> = {
  '1C226': ['tungsten/metal', 'tungsten/alloy', 'tungsten/carbide'],
  '1C117.a': ['tungsten/powder'],
  '1C117.b': ['molybdenum/powder'],
  '1C117.c': ['tungsten/metal', 'tungsten/alloy'],
  '1C228': ['magnesium/metal'],
  '1C229': ['bismuth/metal'],
  '1C230': ['beryllium/metal', 'beryllium/scrap'],
  '1C231': ['hafnium/metal'],
  '1C233': ['lithium/lithium-6-enriched'],
  '1C234': ['zirconium/metal'],
  '1C350.d.15': ['reagents/hydrogen-fluoride'],
  '1C011.a': ['magnesium/powder'],
  '3C003.a': ['indium/trimethylindium', 'indium/triethylindium'],
  '3C003.b': ['antimony/organic-compound'],
  '3C004': ['antimony/hydride'],
  '3C005.a': ['silicon/carbide', 'gallium/nitride', 'gallium/oxide'],
  '6C002.a': ['tellurium/metal'],
  '6C002.b.1': ['tellurium/cadmium-zinc-telluride'],
  '6C002.b.2': ['tellurium/cadmium-telluride'],
  '6C002.b.3': ['tellurium/mercury-cadmium-telluride'],
  '6C004.b': ['germanium/zinc-germanium-phosphide', 'gallium/selenide'],
  // Lithium-ion cells are secondary (rechargeable) cells; 3A001.e.1 covers cells, not batteries (its note), so packs are not mapped.
  '3A001.e.1.b': ['batteries/lithium-ion-cell'],
  // The other side of 3A001.e.1.b: secondary cells of 350 Wh/kg or less (AT only). The node says the cell type, so no
  // flag is asked; the Note to 3A991.j leaves batteries out as 3A001.e does, so packs are not mapped either.
  '3A991.j.2': ['batteries/lithium-ion-cell'],
};

/**
 * Taxonomy items a paragraph has listed only since a later rule: before its first day the item is not classified under
 * the paragraph (the CCL text read here is the eCFR of 2026-09-24). BIS's interim final rule effective 2022-08-15
 * (Wassenaar 2021 plenary) added gallium oxide and diamond substrates to 3C001.d-f, 3C005.a-b, 3C006 and 3E003.
 */
export const ITEMS_ADDED_LATER: Record<string, { ids: string[]; from: string; rule: string }[]> = {
  '3C005.a': [{ ids: ['gallium/oxide'], ...UWBG_SUBSTRATES_RULE }],
};

/** Request parameter name for a source parameter (names must be `letters[.Suffix]`; booleans become 1/0). */
export function parameterName(param: string): string {
  return param.replace(/[^A-Za-z0-9.]/g, '');
}

function toCondition(tree: DomainTree): Condition | undefined {
  if ('all' in tree || 'any' in tree) {
    const parts = ('all' in tree ? tree.all : tree.any).map(toCondition);
    if (parts.some((p) => p === undefined)) return undefined;
    return 'all' in tree ? { all: parts as Condition[] } : { any: parts as Condition[] };
  }
  if ('not' in tree) {
    const inner = toCondition(tree.not);
    return inner ? { not: inner } : undefined;
  }
  if (typeof tree.value === 'string') return undefined;
  return { param: parameterName(tree.param), op: tree.op, value: typeof tree.value === 'boolean' ? Number(tree.value) : tree.value };
}

function prompt(e: DomainEntry, param: string): string {
  const flag = /^(is|has|form)[A-Z]/.test(param) ? ' (1 = yes, 0 = no)' : '';
  return `ECCN ${e.paragraph} (${e.covers}) turns on ${param}${flag}; give item.parameters.${param}.`;
}

/** Entry ID of a classification entry (`6C002.a` → `ccl-6c002-a`). */
export function classificationEntryId(paragraph: string): string {
  return `ccl-${paragraph.toLowerCase().replace(/\./g, '-')}`;
}

/**
 * Classification entries: a taxonomy item whose parameters meet a CCL paragraph is classified under
 * it (a missing parameter becomes a question). They carry no licence requirement of their own: the
 * plugin's Country Chart step turns the classification into one.
 */
export const CLASSIFICATION_ENTRIES: ControlEntry[] = domain.entries
  .filter((e) => PARAGRAPH_ITEMS[e.paragraph])
  .flatMap((e) => {
    const conditions = e.conditions ? toCondition(e.conditions) : undefined;
    const params = e.parametersUsed.map(parameterName);
    const later = ITEMS_ADDED_LATER[e.paragraph] ?? [];
    const entry = (id: string, ids: string[], added?: { from: string; rule: string }): ControlEntry => ({
      id,
      measure: M.ccl,
      code: e.paragraph,
      title: e.covers,
      covers: { ids },
      transfers: ['goods'],
      ...(conditions ? { conditions, prompts: Object.fromEntries(params.map((p) => [p, prompt(e, p)])) } : {}),
      requirement: 'no_license_required',
      reason: `Classification step (15 CFR 774, Supp. No. 1): the item meets ECCN ${e.paragraph}${e.exclusions.length ? ` unless it is ${e.exclusions.join(' or ')}` : ''}; the Country Chart findings decide the licence requirement.${added ? ` The paragraph lists this item from ${added.from} (${added.rule}).` : ''}`,
      reach: ['territory', 'origin', 'content', 'direct_product', 'deemed'],
      ...(added ? { effective: { from: added.from, to: null } } : {}),
      confidence: e.confidence,
    });
    const dated = new Set(later.flatMap((l) => l.ids));
    const always = PARAGRAPH_ITEMS[e.paragraph]!.filter((id) => !dated.has(id));
    return [
      ...(always.length ? [entry(classificationEntryId(e.paragraph), always)] : []),
      ...later.map((l, i) => entry(`${classificationEntryId(e.paragraph)}-from-${l.from}${i ? `-${i}` : ''}`, l.ids, l)),
    ];
  });

/** Every parameter the classification entries turn on (settled when the request gives item.eccn). */
export const CLASSIFICATION_PARAMETERS: readonly string[] = [...new Set(domain.entries
  .filter((e) => PARAGRAPH_ITEMS[e.paragraph])
  .flatMap((e) => e.parametersUsed.map(parameterName)))];

/**
 * Every paragraph's thresholds in the domain data, mapped to a taxonomy item or not (core's `codeThresholds`): an ECCN
 * paragraph the request states (`item.eccn`) whose thresholds the parameters given fail is flagged. A paragraph whose
 * conditions compare text (a material name) has none here: the request states no text parameters.
 */
export const CODE_THRESHOLDS: CodeThreshold[] = domain.entries.flatMap((e) => {
  const conditions = e.conditions ? toCondition(e.conditions) : undefined;
  return conditions ? [{ code: e.paragraph, conditions }] : [];
});
