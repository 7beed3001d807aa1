import type { Condition, Confidence, CountryCode, IsoDate, Source } from './types.js';

/** Kinds of taxonomy node. */
export type NodeKind = 'mineral' | 'material' | 'product' | 'technology' | 'equipment' | 'group';

/** Identifiers that link a node to customs and chemical registries. */
export interface NodeIdentifiers {
  /** HS-6 subheadings. */
  hs?: string[];
  /** China's 8- or 10-digit reference tariff lines quoted in controls. */
  cnCode?: string[];
  /** CAS registry numbers. */
  cas?: string[];
  /**
   * Entries of regimes' own control lists that items of this node may fall under, keyed by jurisdiction
   * and written as each regime writes them (`{ JP: ['2(24)'] }`, as `item.codes` carries them). Whether an
   * item is listed still turns on the regime's specifications; these are for search and display.
   */
  codes?: Record<string, string[]>;
}

/** A mineral, material, product, technology or equipment (DESIGN "Taxonomy node"). */
export interface TaxonomyNode {
  id: string;
  kind: NodeKind;
  names: { en: string; zh?: string };
  aliases?: string[];
  parents: string[];
  identifiers?: NodeIdentifiers;
  /** Identifiers that are a best fit or not verified: shown to people, never used to match an item. */
  lowConfidenceIdentifiers?: NodeIdentifiers & { note?: string; confidence?: Confidence };
  tags?: string[];
  /**
   * What sets the node apart from its parent by make-up, as a condition on `fraction.<Symbol>`
   * parameters (`magnets/ndfeb-dy-tb`: Dy or Tb above zero). A request naming the parent with a
   * composition that meets it is read as this node; one that fails it is read as not this node (#12.3).
   */
  definedBy?: Condition;
  /** Element nodes the item may contain (`magnets/ndfeb-dy-tb`: neodymium, dysprosium, terbium), for content rules. */
  contains?: string[];
  sources?: Source[];
  confidence?: Confidence;
  /** What a reader should know about the node's data (a disagreement between sources, a code's origin). */
  note?: string;
  /** Where the CAS numbers were checked. */
  casNote?: string;
}

/** One input a value-chain stage needs. Personnel inputs name the technology the people carry. */
export interface StageInput {
  /** Taxonomy ID of the input. */
  item: string;
  /** What kind of input it is; personnel move as a technology transfer. */
  kind: 'material' | 'equipment' | 'technology' | 'personnel';
  /** Why the stage needs it. */
  note?: string;
}

/** One production step of a value chain. */
export interface ChainStage {
  /** Stage ID, unique within the chain (`"magnet-manufacturing"`). */
  id: string;
  /** Names of the stage. */
  names: { en: string; zh?: string };
  /** Stages whose output this stage takes. */
  follows: string[];
  /** What the stage needs. */
  inputs: StageInput[];
}

/** A value chain as a graph of stages (`lfp-cells`, `ndfeb-magnet-motors`, …). */
export interface ValueChain {
  /** Chain ID. */
  id: string;
  /** Names of the chain. */
  names: { en: string; zh?: string };
  /** One or two sentences on what the chain makes. */
  description: string;
  /** Its production steps. */
  stages: ChainStage[];
  /** Where the chain's structure comes from. */
  sources?: Source[];
}

/** A sourced figure of supply concentration: each country's share of world output at one stage. */
export interface SupplyFact {
  /** Taxonomy ID the figure is about. */
  item: string;
  /** Production stage (`"mining"`, `"refining"`, `"magnet-manufacturing"`, …). */
  stage: string;
  /** Year the figure describes. */
  year: number;
  /** True when the source calls it an estimate. */
  estimate?: boolean;
  /** What the share is of, and how it was computed. */
  basis: string;
  /** Share of world output by country, 0–1. */
  shares: Record<CountryCode, number>;
  /** How to read `shares` when the source gives no exact figure. */
  qualifier?: 'approximate' | 'more-than' | 'range-lower-bound';
  /** The range the source gives, by country, where `shares` holds one end of it. */
  bounds?: Record<CountryCode, { min: number; max: number }>;
  /** Where the figure comes from. */
  source: Source;
  /** How sure the figure is. */
  confidence: Confidence;
  /** Disagreements or caveats. */
  note?: string;
}

/** A ranked search hit. */
export interface TaxonomyHit {
  id: string;
  score: number;
  /** What matched: `id`, `alias`, `name.en`, `name.zh`, `hs`, `cnCode`, `cas`, or a control code (`codes.JP`). */
  matchedBy: string;
}

/**
 * What the engine needs from a taxonomy. `@chokepoint/taxonomy` implements it; tests and other hosts
 * may supply their own.
 */
export interface TaxonomyView {
  /** The node with this ID or alias. */
  node(id: string): TaxonomyNode | undefined;
  /** The node and all its ancestors, the node first. */
  ancestors(id: string): readonly string[];
  /** All descendants of a node, not including it. */
  descendants(id: string): readonly string[];
  /**
   * Nodes for a customs code (HS or China tariff line, digits only): those whose own code is the
   * longest prefix of it; when none is, those whose codes start with it (the code is broader).
   */
  nodesForCode(digits: string): readonly string[];
  /** Nodes with this CAS number. */
  nodesForCas(cas: string): readonly string[];
  /**
   * Nodes that record this CAS number only among their unverified identifiers
   * (`lowConfidenceIdentifiers.cas`): used when no node holds it as a verified identifier, with a warning.
   */
  nodesForUnverifiedCas?(cas: string): readonly string[];
  /** Ranked search by ID, code or name in English or Chinese. */
  search(text: string, limit?: number): TaxonomyHit[];
  /**
   * The hits of `search` found without word matching (exact ID, code, CAS number, or a name or
   * alias equal to the text); optional, it lets item resolution skip the ranked search when the
   * name is typed exactly.
   */
  exact?(text: string): TaxonomyHit[];
  /** The HS heading or subheading that contains a code, even when no node names it. */
  hsHeading?(digits: string): { code: string; description: string } | undefined;
  /** True when `code` is an ISO 3166-1 alpha-2 code. */
  isCountry(code: string): boolean;
  /**
   * The alpha-2 code a user most likely meant by text that is not one (an alpha-3 code, a country's name), for the hint
   * of a field error; optional: without it, errors name no code.
   */
  countryCodeFor?(text: string): CountryCode | undefined;
  /** Membership of a country in a named group on a date, or undefined when the group is unknown. */
  isMember(groupId: string, country: CountryCode, date: IsoDate): boolean | undefined;
  /** The days `country` joins or leaves one of the taxonomy's groups (optional: a view without it has none dated). */
  membershipDays?(country: CountryCode): IsoDate[];
  /** A value chain by ID, for exposure plans. */
  chain?(id: string): ValueChain | undefined;
  /** Every value chain. */
  chains?(): ValueChain[];
  /** Supply facts for a node or its nearest ancestor that has some, for exposure plans. */
  supplyFor?(id: string): SupplyFact[];
  /** Sanctions on buying from `country` in force on `date` (import bans), for exposure plans; none when the view has no such facts. */
  sourcingSanctions?(country: CountryCode, date: IsoDate): SourcingSanction[];
}

/**
 * Sanctions that restrict buying from a country (import and procurement bans), which no export-control regime
 * checks: the exposure planner flags a source or an alternative they touch rather than calling it free.
 */
export interface SourcingSanction {
  country: CountryCode;
  /** First day any ban the note describes applied. */
  from: IsoDate;
  /** Who imposes them (`UN`, `US`, `EU`, …). */
  imposedBy: string[];
  /** What they cover, in a sentence or two: the planner does not check the item against them. */
  note: string;
  sources: Source[];
  confidence: Confidence;
}

/** A search hit with its node's kind and names, where the taxonomy has the node (`GET /v1/taxonomy?q=`, MCP `search_items`). */
export interface TaxonomySearchHit extends TaxonomyHit {
  kind?: TaxonomyNode['kind'];
  names?: TaxonomyNode['names'];
}

/** The taxonomy's hits for `text`, best first, each with its node's kind and names: what a reader needs to choose one. */
export function searchWithNames(taxonomy: TaxonomyView, text: string, limit: number): TaxonomySearchHit[] {
  return taxonomy.search(text, limit).map((hit) => {
    const node = taxonomy.node(hit.id);
    return node ? { ...hit, kind: node.kind, names: node.names } : hit;
  });
}

// Children are read from `descendants` and kept per taxonomy view, so that the engine lists a node's
// children once and never per request (bounded by the taxonomy, not by traffic).
const childrenMemo = new WeakMap<TaxonomyView, Map<string, readonly string[]>>();

/** The direct children of a node (descendants whose parents name it). */
export function childrenOf(taxonomy: TaxonomyView, id: string): readonly string[] {
  let memo = childrenMemo.get(taxonomy);
  if (!memo) childrenMemo.set(taxonomy, (memo = new Map()));
  let out = memo.get(id);
  if (!out) {
    // Not frozen (callers read it, typed readonly): filter() and for-of over a frozen array are many times slower on this V8.
    out = taxonomy.descendants(id).filter((d) => taxonomy.node(d)?.parents.includes(id));
    memo.set(id, out);
  }
  return out;
}
