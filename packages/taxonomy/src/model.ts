import type { Confidence, CountryCode, IsoDate, Source, TaxonomyNode } from '@chokepoint/core';

import type { SupplyFact } from '@chokepoint/core';
export type { ChainStage, StageInput, SupplyFact, ValueChain } from '@chokepoint/core';

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
  /** Further sources for single facts (a member's joining or leaving date). */
  additionalSources?: Source[];
  confidence: Confidence;
  /** What a reader should know: how members are coded, what was and was not checked. */
  note?: string;
  /** Observers that are not members (`"European Commission"`). */
  observers?: string[];
  /** Organisations that take part beside the member states (`"EU"`). */
  participatingOrganisations?: string[];
}

/** A country or territory with its names. */
export interface Country {
  code: CountryCode;
  alpha3: string;
  /** `en` is the official name; `common`, where it differs, the name people use ("China" for "People's Republic of China"). */
  names: { en: string; zh: string; common?: string };
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
