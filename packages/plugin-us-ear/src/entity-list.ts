import { brandMatcher, type Confidence, type ListBrand, type ListedParty, type LicensePolicy, type Measure, type PartyList, type Source } from '@chokepoint/core';
import { readData } from './data-files.js';
import { frDoc } from './sources.js';

interface RuleRecord {
  id: string;
  title: string;
  reference: string;
  published: string;
  effective: string;
  document: string | null;
  summary: string;
  sources: Source[];
  confidence: Confidence;
}

interface PartyRecord {
  id: string;
  name: string;
  aliases?: string[];
  brands?: string[];
  country: string;
  rule: string;
  added: string;
  licensePolicy: LicensePolicy;
  footnotes: number[];
  /** The party's name in the bundled whole-list copy. */
  ecfrName: string;
}

interface EntityListFile {
  list: string;
  rules: RuleRecord[];
  parties: PartyRecord[];
}

const file = readData<EntityListFile>('entity-list.json');

/** The whole Entity List as bundled (scripts/build-entity-list.mjs); `complete` when both halves of the transcription are in. */
const copy = readData<PartyList & { complete: boolean }>('entity-list-ecfr.json');

/** The copy's entry for each curated party, by its name there and its country. */
const copyEntryOf = new Map(file.parties.map((p) => [p.id, copy.entries.find((e) => e.name === p.ecfrName && e.country === p.country)]));

/** The list ID of the Entity List, bundled and imported. */
export const ENTITY_LIST_ID = 'us-entity-list';
const LIST_ID = ENTITY_LIST_ID;
const LIST_TITLE = 'Entity List (Supp. No. 4 to 15 CFR 744, § 744.11)';

/** One measure per Federal Register rule that added the parties this plugin includes. */
export const ENTITY_LIST_MEASURES: Measure[] = file.rules.map((r) => ({
  id: r.id,
  jurisdiction: 'US',
  title: r.title,
  reference: r.reference,
  authority: 'US Department of Commerce, Bureau of Industry and Security (BIS), End-User Review Committee',
  published: r.published,
  effective: { from: r.effective, to: null },
  summary: r.summary,
  url: r.document ? frDoc(r.document) : r.sources[0]!.url,
  sources: r.sources,
  confidence: r.confidence,
}));

const byRule = new Map(ENTITY_LIST_MEASURES.map((m) => [m.id, m]));

/** The listed parties, screened by the engine against `endUser.name`: a licence for all items subject to the EAR. */
export const ENTITY_LIST_PARTIES: ListedParty[] = file.parties.map((p) => {
  const entry = copyEntryOf.get(p.id);
  const aliases = [...new Set([...(p.aliases ?? []), ...(entry ? [entry.name, ...(entry.aliases ?? [])] : [])])].filter((a) => a !== p.name);
  return {
  id: p.id,
  name: p.name,
  ...(aliases.length ? { aliases } : {}),
  country: p.country,
  list: LIST_ID,
  listTitle: LIST_TITLE,
  measure: p.rule,
  added: p.added,
  requirement: 'license_required',
  licensePolicy: p.licensePolicy,
  footnotes: footnotesOf(p.id),
  ...(entry?.licenseRequirementText ? { licenseRequirementText: entry.licenseRequirementText } : {}),
  ...(entry?.notice ? { notice: entry.notice } : {}),
  covers: { all: true },
  sources: byRule.get(p.rule)!.sources,
  confidence: byRule.get(p.rule)!.confidence,
  };
});

/**
 * The whole list as bundled, without the entries of the curated parties above (they are screened once, as those
 * parties). Transcribed from the eCFR text as compiled on its `asOf` date: medium confidence.
 */
export const ENTITY_LIST_COPY: PartyList = {
  id: copy.id, name: copy.name, jurisdiction: copy.jurisdiction, consequence: copy.consequence, source: copy.source, asOf: copy.asOf,
  confidence: 'medium',
  entries: copy.entries.filter((e) => ![...copyEntryOf.values()].includes(e)),
};

/** Whether the bundled copy holds the whole list (both halves of the transcription). */
export const ENTITY_LIST_COPY_COMPLETE = copy.complete;

/**
 * Entity List footnote designations (1 and 4: foreign direct product rules of § 734.9(e); 3: § 734.9(g); 5: § 734.9(e)(3)):
 * the curated party's joined with those the bundled copy prints for the same entry.
 */
export function footnotesOf(partyId: string): number[] {
  const own = file.parties.find((p) => p.id === partyId)?.footnotes ?? [];
  return [...new Set([...own, ...(copyEntryOf.get(partyId)?.footnotes ?? [])])].sort();
}

/**
 * The curated parties' brands, for the list binding: standalone screening reports a name carrying one as a possible
 * match with the party's entry (by its curated name or the name the eCFR copy prints).
 */
export const ENTITY_LIST_BRANDS: ListBrand[] = file.parties.filter((p) => p.brands?.length).map((p) => ({ brands: p.brands!, names: [...new Set([p.name, p.ecfrName])] }));

/** Each party's brands as matchers (core's: a Latin brand must stand as whole words, any other is found as text), built once. */
const BRANDS = file.parties.flatMap((p) => {
  const party = ENTITY_LIST_PARTIES.find((x) => x.id === p.id)!;
  return (p.brands ?? []).map((brand) => ({ party, added: p.added, brand, carries: brandMatcher(brand) }));
});

/** A listed party whose short brand name occurs in a name, for the affiliates rule. */
export function brandMatch(name: string, date: string): { party: ListedParty; brand: string } | undefined {
  for (const b of BRANDS) if (date >= b.added && b.carries(name)) return { party: b.party, brand: b.brand };
  return undefined;
}
