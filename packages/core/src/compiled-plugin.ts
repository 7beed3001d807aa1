import { controlCodeAncestry } from './codes.js';
import { controlCodeFieldOf, itemControlCode, type PluginDefinition, type PluginManifest } from './plugin.js';
import type { ResolvedItem } from './resolve.js';
import { PartyScreener } from './screening.js';
import type { TaxonomyView } from './taxonomy.js';
import type { Advisory, ControlEntry, Coverage, CountryGroup, CountryCode, IsoDate, ItemRef, Measure } from './types.js';

/** How an entry matched: `exact` (the item is what the entry lists) or `broader` (the item may be it). */
export type MatchKind = 'exact' | 'broader';

/** A candidate entry and the identifiers that matched it. */
export interface Candidate {
  entry: ControlEntry;
  kind: MatchKind;
  matchedOn: string[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes over a coverage: taxonomy IDs, control codes, customs codes (exact and by prefix) and CAS numbers. */
export class CoverageIndex<T> {
  private readonly byNode = new Map<string, T[]>();
  private readonly byCode = new Map<string, T[]>();
  private readonly byCodeAncestor = new Map<string, T[]>();
  private readonly byCustoms = new Map<string, T[]>();
  private readonly byCustomsPrefix = new Map<string, T[]>();
  private readonly byCas = new Map<string, T[]>();
  readonly anyListed: T[] = [];
  readonly all: T[] = [];

  add(value: T, covers: Coverage): void {
    for (const id of covers.ids ?? []) push(this.byNode, id, value);
    for (const code of covers.controlCodes ?? []) {
      push(this.byCode, code, value);
      for (const anc of controlCodeAncestry(code).slice(1)) push(this.byCodeAncestor, anc, value);
    }
    for (const code of covers.hs ?? []) {
      push(this.byCustoms, code, value);
      for (let l = 4; l < code.length; l++) push(this.byCustomsPrefix, code.slice(0, l), value);
    }
    for (const cas of covers.cas ?? []) push(this.byCas, cas, value);
    if (covers.anyListed) this.anyListed.push(value);
    if (covers.all) this.all.push(value);
  }

  /**
   * Values whose coverage matches the item. `exact` when an identifier of the value covers the item
   * (a listed node is the item or its ancestor, a listed code prefixes the item's code); `broader`
   * when the item is wider than what the value lists (a listed node is the item's descendant).
   */
  match(item: ItemRef, resolved: ResolvedItem, taxonomy: TaxonomyView, code: string | undefined, found: Map<T, { kind: MatchKind; matchedOn: string[] }>): void {
    const note = (value: T, kind: MatchKind, why: string) => {
      const prior = found.get(value);
      if (!prior) found.set(value, { kind, matchedOn: [why] });
      else if (prior.kind === kind) {
        if (!prior.matchedOn.includes(why)) prior.matchedOn.push(why);
      } else if (kind === 'exact') found.set(value, { kind, matchedOn: [why] });
    };
    // With several candidate items, an entry is an exact match only when it lists every one of them;
    // otherwise the item may or may not be what it lists, which is a question, not an answer.
    const lineages = resolved.nodes.map((n) => taxonomy.ancestors(n));
    for (const node of resolved.lineage) {
      const all = lineages.every((line) => line.includes(node));
      for (const v of this.byNode.get(node) ?? []) {
        if (all) note(v, 'exact', `taxonomy ${node}`);
        else {
          const mine = lineages.filter((line) => line.includes(node)).map((line) => line[0]!).join(', ');
          note(v, 'broader', `identifiers match ${resolved.nodes.length} items; ${mine} is listed`);
        }
      }
    }
    for (const node of resolved.nodes) {
      for (const d of taxonomy.descendants(node)) for (const v of this.byNode.get(d) ?? []) note(v, 'broader', `taxonomy ${node} includes ${d}`);
    }
    if (code) {
      for (const anc of controlCodeAncestry(code)) for (const v of this.byCode.get(anc) ?? []) note(v, 'exact', `control code ${code}`);
      for (const v of this.byCodeAncestor.get(code) ?? []) note(v, 'broader', `control code ${code} has listed sub-items`);
    }
    const customs = item.cnCode ?? item.hs;
    if (customs) {
      const label = item.cnCode ? 'cnCode' : 'hs';
      for (let l = 4; l <= customs.length; l++) for (const v of this.byCustoms.get(customs.slice(0, l)) ?? []) note(v, 'exact', `${label} ${customs}`);
      for (const v of this.byCustomsPrefix.get(customs) ?? []) note(v, 'broader', `${label} ${customs} includes listed lines`);
    }
    if (item.cas) for (const v of this.byCas.get(item.cas) ?? []) note(v, 'exact', `cas ${item.cas}`);
  }
}

/** A registered plugin with its indexes built once. */
export class CompiledPlugin {
  readonly definition: PluginDefinition;
  readonly manifest: PluginManifest;
  readonly measures = new Map<string, Measure>();
  readonly entries: CoverageIndex<ControlEntry> = new CoverageIndex();
  readonly screener: PartyScreener;
  readonly groups = new Map<string, CountryGroup>();
  readonly advisories: readonly Advisory[];

  constructor(definition: PluginDefinition) {
    this.definition = definition;
    this.manifest = definition.manifest;
    for (const m of definition.measures) this.measures.set(m.id, m);
    for (const e of definition.entries) this.entries.add(e, e.covers);
    this.screener = new PartyScreener(definition.parties ?? []);
    for (const g of definition.groups ?? []) this.groups.set(g.id, g);
    this.advisories = definition.advisories ?? [];
  }

  /** Entries that match the item, exact matches first. */
  candidates(item: ItemRef, resolved: ResolvedItem, taxonomy: TaxonomyView): Candidate[] {
    const found = new Map<ControlEntry, { kind: MatchKind; matchedOn: string[] }>();
    this.entries.match(item, resolved, taxonomy, itemControlCode(item, controlCodeFieldOf(this.manifest)), found);
    const out: Candidate[] = [];
    let anyExact = false;
    for (const [entry, m] of found) {
      out.push({ entry, kind: m.kind, matchedOn: m.matchedOn });
      if (m.kind === 'exact') anyExact = true;
    }
    if (anyExact) for (const entry of this.entries.anyListed) if (!found.has(entry)) out.push({ entry, kind: 'exact', matchedOn: ['item is on this regime\'s list'] });
    for (const entry of this.entries.all) if (!found.has(entry)) out.push({ entry, kind: 'exact', matchedOn: ['applies to every item'] });
    return out.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'exact' ? -1 : 1));
  }

  /** Membership in one of the plugin's own groups, or undefined when it has no such group. */
  isMember(groupId: string, country: CountryCode, date: IsoDate): boolean | undefined {
    const group = this.groups.get(groupId);
    if (!group) return undefined;
    return group.members.some((m) => m.country === country && (m.from === undefined || date >= m.from) && (m.to === undefined || date <= m.to));
  }
}
