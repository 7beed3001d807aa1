import type { Confidence, CountryCode, IsoDate, Source, TaxonomyNode } from '@chokepoint/core';

/** One input a value-chain stage needs. Personnel inputs name the technology the people carry. */
export interface StageInput {
  item: string;
  kind: 'material' | 'equipment' | 'technology' | 'personnel';
  note?: string;
}

/** One production step of a value chain. */
export interface ChainStage {
  id: string;
  names: { en: string; zh?: string };
  /** Stages whose output this stage takes. */
  follows: string[];
  inputs: StageInput[];
}

/** A value chain as a graph of stages (lfp-cells, ndfeb-magnet-motors, …). */
export interface ValueChain {
  id: string;
  names: { en: string; zh?: string };
  description: string;
  stages: ChainStage[];
  sources?: Source[];
}

/** A sourced figure of supply concentration: each country's share of world output at one stage. */
export interface SupplyFact {
  item: string;
  stage: string;
  year: number;
  estimate?: boolean;
  basis: string;
  /** Share of world output by country, 0–1. */
  shares: Record<CountryCode, number>;
  source: Source;
  confidence: Confidence;
  note?: string;
}

/** A government's list of critical or strategic minerals. */
export interface CriticalList {
  id: string;
  title: string;
  jurisdiction: string;
  /** Publication date, or null when only the month or year is known (then see `publishedApprox`). */
  published: IsoDate | null;
  /** Approximate publication date (`"2016-11"`) when the day is not known. */
  publishedApprox?: string;
  source: Source;
  confidence: Confidence;
  members: string[];
  /** Listed materials with no node of their own. */
  unmapped?: string[];
}

/** A dated country grouping (EU-27, Wassenaar, NSG, MTCR, Australia Group). */
export interface JurisdictionGroup {
  id: string;
  names: { en: string; zh?: string };
  members: { country: CountryCode; from?: IsoDate; to?: IsoDate }[];
  source: Source;
  confidence: Confidence;
}

/** A country or territory with its names. */
export interface Country {
  code: CountryCode;
  alpha3: string;
  names: { en: string; zh: string };
}

/** A node with the sourced facts attached to it (`taxonomy show --json`). */
export interface NodeDetails extends TaxonomyNode {
  children: string[];
  facts: {
    supply: SupplyFact[];
    criticalLists: { id: string; title: string; jurisdiction: string; published: IsoDate | null }[];
  };
}

/** One HS 2022 row: a chapter, heading or subheading. */
export interface HsEntry {
  code: string;
  description: string;
  level: 2 | 4 | 6;
  parent: string | null;
  section: string;
}
