import chains from '../data/chains.json' with { type: 'json' };
import criticalLists from '../data/critical-lists.json' with { type: 'json' };
import groups from '../data/groups.json' with { type: 'json' };
import hs2022 from '../data/hs2022.json' with { type: 'json' };
import nodes from '../data/nodes.json' with { type: 'json' };
import sourcingSanctions from '../data/sourcing-sanctions.json' with { type: 'json' };
import supply from '../data/supply.json' with { type: 'json' };
import { GroupMembership, type CountryCode, type IsoDate, type SourcingSanction, type TaxonomyHit, type TaxonomyNode, type TaxonomyView } from '@chokepoint/core';
import { countryCodeFor, loadCountries } from './countries.js';
import { HsNomenclature, type HsHit, type HsRow } from './hs.js';
import type { Country, CriticalList, JurisdictionGroup, NodeDetails, SupplyFact, ValueChain } from './model.js';
import { NodeSearch } from './search.js';
import { validateTaxonomyData, type TaxonomyData } from './validate.js';

// The data files are imported as JSON modules, not read beside the module, so that bundles carry them.

/** The data files shipped with this package. */
export function readTaxonomyData(): TaxonomyData {
  return {
    nodes: nodes as unknown as TaxonomyNode[],
    supply: supply as unknown as SupplyFact[],
    criticalLists: criticalLists as unknown as CriticalList[],
    chains: chains as unknown as ValueChain[],
    groups: groups as unknown as JurisdictionGroup[],
    sourcingSanctions: sourcingSanctions as unknown as SourcingSanction[],
  };
}

const HS_2022 = hs2022 as unknown as readonly HsRow[];

/**
 * The chokepoint taxonomy: nodes with their ancestry and identifiers, value chains, supply
 * concentration, critical-mineral lists, countries and dated groups, and the HS 2022 nomenclature.
 * It implements the engine's {@link TaxonomyView}.
 */
export class Taxonomy implements TaxonomyView {
  private readonly byId = new Map<string, TaxonomyNode>();
  private readonly alias = new Map<string, string>();
  private readonly ancestry = new Map<string, string[]>();
  private readonly children = new Map<string, string[]>();
  private readonly descendantsOf = new Map<string, string[]>();
  private readonly codeExact = new Map<string, string[]>();
  private readonly codePrefix = new Map<string, string[]>();
  private readonly byCas = new Map<string, string[]>();
  private readonly byUnverifiedCas = new Map<string, string[]>();
  /** Nodes by a regime's control code (`JP 2(24)`), keyed `JP:2(24)` with full-width characters folded. */
  private readonly byControlCode = new Map<string, string[]>();
  /** The jurisdictions whose codes {@link byControlCode} holds, listed on first use. */
  private codeJurisdictions: string[] | undefined;
  private readonly finder: NodeSearch;
  private readonly countryMap: Map<string, Country>;
  private readonly groupMap = new Map<string, JurisdictionGroup>();
  private readonly membership: GroupMembership;
  private readonly chainMap = new Map<string, ValueChain>();
  private hsTable: HsNomenclature | undefined;
  private readonly hsSource: URL | HsNomenclature | readonly HsRow[];
  readonly supplyFacts: readonly SupplyFact[];
  /** Sanctions on buying from a country, from the data's `sourcingSanctions`. */
  readonly sanctionsOnSourcing: readonly SourcingSanction[];
  readonly lists: readonly CriticalList[];

  /**
   * @param data the taxonomy's data files; default the shipped ones.
   * @param hs the HS nomenclature, its rows, or a CSV file to read it from; it is indexed on first use, since most
   *   answers never need it.
   */
  constructor(data: TaxonomyData = readTaxonomyData(), hs: URL | HsNomenclature | readonly HsRow[] = HS_2022) {
    this.hsSource = hs;
    this.countryMap = loadCountries();
    // Whether each HS code exists in the nomenclature is checked by the package's tests, so that
    // loading does not have to parse the nomenclature.
    const problems = validateTaxonomyData(data, { isCountry: (c) => this.countryMap.has(c), hsExists: (c) => /^\d{6}$/.test(c) });
    if (problems.length) throw new Error(`taxonomy data is invalid:\n- ${problems.slice(0, 20).join('\n- ')}`);
    for (const n of data.nodes) {
      this.byId.set(n.id, n);
      for (const p of n.parents) {
        const list = this.children.get(p) ?? [];
        list.push(n.id);
        this.children.set(p, list);
      }
    }
    for (const n of data.nodes) {
      for (const a of n.aliases ?? []) {
        const key = a.toLowerCase();
        if (/^[a-z0-9]+([-/][a-z0-9]+)*$/.test(key) && !this.byId.has(key)) this.alias.set(key, n.id);
      }
      const add = (map: Map<string, string[]>, key: string) => {
        const list = map.get(key) ?? [];
        if (!list.includes(n.id)) list.push(n.id);
        map.set(key, list);
      };
      for (const code of [...(n.identifiers?.hs ?? []), ...(n.identifiers?.cnCode ?? [])]) {
        add(this.codeExact, code);
        for (let l = 4; l < code.length; l++) add(this.codePrefix, code.slice(0, l));
      }
      for (const cas of n.identifiers?.cas ?? []) add(this.byCas, cas);
      for (const cas of n.lowConfidenceIdentifiers?.cas ?? []) add(this.byUnverifiedCas, cas);
      for (const [jurisdiction, codes] of Object.entries(n.identifiers?.codes ?? {})) {
        for (const code of codes) add(this.byControlCode, `${jurisdiction}:${foldCode(code)}`);
      }
    }
    for (const id of this.byId.keys()) {
      const seen: string[] = [];
      const walk = (x: string) => {
        if (seen.includes(x)) return;
        seen.push(x);
        for (const p of this.byId.get(x)?.parents ?? []) walk(p);
      };
      walk(id);
      this.ancestry.set(id, seen);
      for (const anc of seen.slice(1)) {
        const list = this.descendantsOf.get(anc) ?? [];
        list.push(id);
        this.descendantsOf.set(anc, list);
      }
    }
    this.finder = new NodeSearch(data.nodes);
    for (const g of data.groups) this.groupMap.set(g.id, g);
    this.membership = new GroupMembership(data.groups);
    for (const c of data.chains) this.chainMap.set(c.id, c);
    this.supplyFacts = data.supply;
    this.sanctionsOnSourcing = data.sourcingSanctions ?? [];
    this.lists = data.criticalLists;
  }

  /** The HS 2022 nomenclature. */
  get hs(): HsNomenclature {
    this.hsTable ??= this.hsSource instanceof HsNomenclature ? this.hsSource : new HsNomenclature(this.hsSource);
    return this.hsTable;
  }

  node(id: string): TaxonomyNode | undefined {
    return this.byId.get(id) ?? this.byId.get(this.alias.get(id.toLowerCase()) ?? '');
  }

  /** Every node. */
  nodes(): TaxonomyNode[] {
    return [...this.byId.values()];
  }

  ancestors(id: string): readonly string[] {
    return this.ancestry.get(id) ?? [];
  }

  descendants(id: string): readonly string[] {
    return this.descendantsOf.get(id) ?? [];
  }

  /** Direct children of a node. */
  childrenOf(id: string): readonly string[] {
    return this.children.get(id) ?? [];
  }

  nodesForCode(digits: string): readonly string[] {
    for (let l = digits.length; l >= 4; l--) {
      const hit = this.codeExact.get(digits.slice(0, l));
      if (hit) return hit;
    }
    return this.codePrefix.get(digits) ?? [];
  }

  nodesForCas(cas: string): readonly string[] {
    return this.byCas.get(cas) ?? [];
  }

  /** Nodes that hold this CAS number only as an unverified identifier (`lowConfidenceIdentifiers`). */
  nodesForUnverifiedCas(cas: string): readonly string[] {
    return this.byUnverifiedCas.get(cas) ?? [];
  }

  // The lookups the search offers identifier hits from, made once.
  private readonly codeHits = (digits: string) => this.nodesForCode(digits);
  private readonly casHits = (cas: string) => this.nodesForCas(cas);
  private readonly exactId = (id: string) => this.node(id)?.id;

  search(text: string, limit = 10): TaxonomyHit[] {
    return withCodeHits(this.controlCodeHits(text), this.finder.search(text, this.codeHits, this.casHits, this.exactId, limit), limit);
  }

  exact(text: string): TaxonomyHit[] {
    return withCodeHits(this.controlCodeHits(text), this.finder.exact(text, this.codeHits, this.casHits, this.exactId), Infinity);
  }

  /**
   * Nodes whose identifiers name a regime's control code: "JP 2(24)", "JP=2(24)" or the bare code
   * "2(24)" (then of any regime). Codes of the forms regimes use contain a digit and a parenthesis or dot.
   */
  private controlCodeHits(text: string): TaxonomyHit[] {
    if (!mayNameControlCode(text)) return [];
    const m = /^(?:([A-Za-z]{2,3})\s*[:=\s]\s*)?(.+)$/.exec(text.normalize('NFKC').trim());
    if (!m) return [];
    const code = foldCode(m[2]!);
    if (!/\d/.test(code) || !/[(.]/.test(code)) return [];
    const prefixes = m[1] ? [m[1].toUpperCase()] : (this.codeJurisdictions ??= [...new Set([...this.byControlCode.keys()].map((k) => k.slice(0, k.indexOf(':'))))]);
    return prefixes.flatMap((j) => (this.byControlCode.get(`${j}:${code}`) ?? []).map((id) => ({ id, score: 0.95, matchedBy: `codes.${j}` })));
  }

  /** HS 2022 rows by code or words. */
  searchHs(text: string, limit = 10): HsHit[] {
    return this.hs.search(text, limit);
  }

  hsHeading(digits: string): { code: string; description: string } | undefined {
    const e = this.hs.headingOf(digits);
    return e ? { code: e.code, description: e.description } : undefined;
  }

  isCountry(code: string): boolean {
    return this.countryMap.has(code);
  }

  /** The alpha-2 code meant by an alpha-3 code or a country's name (`CHN`, `China`, `中国`), for error hints. */
  countryCodeFor(text: string): CountryCode | undefined {
    const code = countryCodeFor(text);
    return code !== undefined && this.countryMap.has(code) ? code : undefined;
  }

  /** A country's names. */
  country(code: string): Country | undefined {
    return this.countryMap.get(code);
  }

  /** Every ISO 3166-1 country and territory. */
  countries(): Country[] {
    return [...this.countryMap.values()];
  }

  /** Dated groups (EU, WASSENAAR, NSG, MTCR, AUSTRALIA_GROUP). */
  groups(): JurisdictionGroup[] {
    return [...this.groupMap.values()];
  }

  isMember(groupId: string, country: CountryCode, date: IsoDate): boolean | undefined {
    return this.membership.isMember(groupId, country, date);
  }

  /** The days `country` joins or leaves one of the groups. */
  membershipDays(country: CountryCode): IsoDate[] {
    return this.membership.changeDays(country);
  }

  /** Members of a group on a date. */
  membersOn(groupId: string, date: IsoDate): CountryCode[] | undefined {
    const g = this.groupMap.get(groupId);
    if (!g) return undefined;
    return g.members.filter((m) => (m.from === undefined || date >= m.from) && (m.to === undefined || date <= m.to)).map((m) => m.country);
  }

  /** Value chains. */
  chains(): ValueChain[] {
    return [...this.chainMap.values()];
  }

  /** One value chain by ID. */
  chain(id: string): ValueChain | undefined {
    return this.chainMap.get(id);
  }

  /** Supply facts for a node, or for its nearest ancestor that has some. */
  supplyFor(id: string): SupplyFact[] {
    for (const anc of this.ancestors(id)) {
      const facts = this.supplyFacts.filter((f) => f.item === anc);
      if (facts.length) return facts;
    }
    return [];
  }

  /** Sanctions on buying from `country` in force on `date`. */
  sourcingSanctions(country: CountryCode, date: IsoDate): SourcingSanction[] {
    return this.sanctionsOnSourcing.filter((s) => s.country === country && s.from <= date);
  }

  /** Critical-mineral lists that name a node or one of its ancestors. */
  listsFor(id: string): CriticalList[] {
    const line = this.ancestors(id);
    return this.lists.filter((l) => l.members.some((m) => line.includes(m)));
  }

  /** A node with its children and sourced facts (`taxonomy show`). */
  details(id: string): NodeDetails | undefined {
    const node = this.node(id);
    if (!node) return undefined;
    return {
      ...node,
      children: [...this.childrenOf(node.id)],
      facts: {
        supply: this.supplyFacts.filter((f) => f.item === node.id),
        criticalLists: this.listsFor(node.id).map((l) => ({ id: l.id, title: l.title, jurisdiction: l.jurisdiction, published: l.published })),
      },
    };
  }
}

let shared: Taxonomy | undefined;

/** The taxonomy shipped with this package, loaded once per process. */
export function loadTaxonomy(): Taxonomy {
  shared ??= new Taxonomy();
  return shared;
}

/** A control code as stored: full-width characters folded (`２（２４）` → `2(24)`), spaces removed. */
/**
 * False when the text cannot hold a control code, decided without Unicode normalisation: ASCII text
 * (which NFKC leaves as it is) with no digit, or with neither a parenthesis nor a dot. Most names.
 */
function mayNameControlCode(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return true;
  return /\d/.test(text) && (text.includes('(') || text.includes('.'));
}

function foldCode(code: string): string {
  return code.normalize('NFKC').replace(/\s+/g, '');
}

/** Control-code hits first, then the other hits of nodes not already found, up to the limit. */
function withCodeHits(codeHits: TaxonomyHit[], hits: TaxonomyHit[], limit: number): TaxonomyHit[] {
  if (!codeHits.length) return hits;
  const seen = new Set(codeHits.map((h) => h.id));
  return [...codeHits, ...hits.filter((h) => !seen.has(h.id))].slice(0, limit);
}
