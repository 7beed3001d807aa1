import { conditionParameters, normalizeCas, type TaxonomyNode } from '@chokepoint/core';
import type { SourcingSanction } from '@chokepoint/core';
import type { CriticalList, JurisdictionGroup, SupplyFact, ValueChain } from './model.js';

/** The taxonomy's data files. */
export interface TaxonomyData {
  nodes: TaxonomyNode[];
  supply: SupplyFact[];
  criticalLists: CriticalList[];
  chains: ValueChain[];
  groups: JurisdictionGroup[];
  /** Sanctions on buying from a country (optional: data without them flags no source). */
  sourcingSanctions?: SourcingSanction[];
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)*$/;
const KINDS = new Set(['mineral', 'material', 'product', 'technology', 'equipment', 'group']);
const INPUT_KINDS = new Set(['material', 'equipment', 'technology', 'personnel']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks the taxonomy data; each problem names the record. */
export function validateTaxonomyData(data: TaxonomyData, ctx: { isCountry(code: string): boolean; hsExists(code: string): boolean }): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const [i, n] of data.nodes.entries()) {
    const where = `nodes[${i}] "${n.id}"`;
    if (!ID.test(n.id)) problems.push(`${where}: ID must be lower-case kebab segments joined by /`);
    if (ids.has(n.id)) problems.push(`${where}: duplicate ID`);
    ids.add(n.id);
    if (!KINDS.has(n.kind)) problems.push(`${where}: kind "${n.kind}"`);
    if (!n.names?.en) problems.push(`${where}: names.en required`);
    for (const h of n.identifiers?.hs ?? []) if (!/^\d{6}$/.test(h) || !ctx.hsExists(h)) problems.push(`${where}: HS "${h}" is not an HS 2022 subheading`);
    for (const c of n.identifiers?.cnCode ?? []) if (!/^(\d{8}|\d{10})$/.test(c)) problems.push(`${where}: cnCode "${c}" is not 8 or 10 digits`);
    for (const c of n.identifiers?.cas ?? []) if (normalizeCas(c) !== c) problems.push(`${where}: CAS "${c}" has a bad check digit`);
    for (const [j, codes] of Object.entries(n.identifiers?.codes ?? {})) {
      if (!/^[A-Z]{2,3}$/.test(j)) problems.push(`${where}: codes key "${j}" should be a jurisdiction like "JP"`);
      if (!Array.isArray(codes) || !codes.length || codes.some((c) => typeof c !== 'string' || !c.trim() || c !== c.normalize('NFKC').replace(/\s+/g, ''))) problems.push(`${where}: codes.${j} should be a list of codes without spaces or full-width characters`);
    }
  }
  for (const n of data.nodes) for (const p of n.parents) if (!ids.has(p)) problems.push(`node "${n.id}": parent "${p}" does not exist`);
  for (const n of data.nodes) {
    for (const c of n.contains ?? []) if (!ids.has(c)) problems.push(`node "${n.id}": contains "${c}", which does not exist`);
    // A node is set apart from its parent by make-up only: its definition reads element shares and nothing else.
    if (n.definedBy) for (const p of conditionParameters(n.definedBy)) if (!/^fraction\.[A-Z][a-z]?$/.test(p)) problems.push(`node "${n.id}": definedBy reads "${p}"; only fraction.<Symbol> is allowed`);
  }
  for (const [i, s] of (data.sourcingSanctions ?? []).entries()) {
    if (!ctx.isCountry(s.country)) problems.push(`sourcingSanctions[${i}]: "${s.country}" is not a country code`);
    if (!DATE.test(s.from)) problems.push(`sourcingSanctions[${i}]: from must be YYYY-MM-DD`);
    if (!s.imposedBy?.length || !s.note) problems.push(`sourcingSanctions[${i}]: imposedBy and note required`);
    if (!s.sources?.length || s.sources.some((src) => !src.url || !DATE.test(src.date))) problems.push(`sourcingSanctions[${i}]: each source needs a url and a date`);
  }
  for (const [i, f] of data.supply.entries()) {
    if (!ids.has(f.item)) problems.push(`supply[${i}]: item "${f.item}" does not exist`);
    let total = 0;
    for (const [c, s] of Object.entries(f.shares)) {
      if (!ctx.isCountry(c)) problems.push(`supply[${i}]: "${c}" is not a country code`);
      if (!(s >= 0 && s <= 1)) problems.push(`supply[${i}]: share of ${c} is not 0–1`);
      total += s;
    }
    // Sources round tonnages, so shares may add up to a little over 1; more than that is a data error.
    if (total > 1.05) problems.push(`supply[${i}]: shares add up to ${total.toFixed(3)}`);
    if (!f.source?.url) problems.push(`supply[${i}]: source required`);
  }
  for (const l of data.criticalLists) {
    for (const m of l.members) if (!ids.has(m)) problems.push(`critical list "${l.id}": member "${m}" does not exist`);
    if (l.published !== null ? !DATE.test(l.published) : !l.publishedApprox) problems.push(`critical list "${l.id}": published must be YYYY-MM-DD, or null with publishedApprox`);
  }
  for (const c of data.chains) {
    const stages = new Set(c.stages.map((s) => s.id));
    for (const s of c.stages) {
      for (const f of s.follows) if (!stages.has(f)) problems.push(`chain "${c.id}" stage "${s.id}": follows unknown stage "${f}"`);
      for (const input of s.inputs) {
        if (!ids.has(input.item)) problems.push(`chain "${c.id}" stage "${s.id}": input "${input.item}" does not exist`);
        if (!INPUT_KINDS.has(input.kind)) problems.push(`chain "${c.id}" stage "${s.id}": input kind "${input.kind}"`);
      }
    }
  }
  for (const g of data.groups) for (const m of g.members) if (!ctx.isCountry(m.country)) problems.push(`group "${g.id}": "${m.country}" is not a country code`);
  return problems;
}
