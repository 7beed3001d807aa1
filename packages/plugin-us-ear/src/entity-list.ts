import type { Confidence, ListedParty, LicensePolicy, Measure, Source } from '@chokepoint/core';
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
}

interface EntityListFile {
  list: string;
  rules: RuleRecord[];
  parties: PartyRecord[];
}

const file = readData<EntityListFile>('entity-list.json');

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
export const ENTITY_LIST_PARTIES: ListedParty[] = file.parties.map((p) => ({
  id: p.id,
  name: p.name,
  ...(p.aliases ? { aliases: p.aliases } : {}),
  country: p.country,
  list: LIST_ID,
  listTitle: LIST_TITLE,
  measure: p.rule,
  added: p.added,
  requirement: 'license_required',
  licensePolicy: p.licensePolicy,
  covers: { all: true },
  sources: byRule.get(p.rule)!.sources,
  confidence: byRule.get(p.rule)!.confidence,
}));

/** Entity List footnote designations (1 and 4: foreign direct product rules of § 734.9(e)). */
export function partyFootnotes(partyId: string): number[] {
  return file.parties.find((p) => p.id === partyId)?.footnotes ?? [];
}

/** Each party's brands as matchers, built once: a Latin brand must stand as whole words, any other is found as text. */
const BRANDS = file.parties.flatMap((p) => {
  const party = ENTITY_LIST_PARTIES.find((x) => x.id === p.id)!;
  return (p.brands ?? []).map((brand) => {
    const b = brand.toLowerCase();
    const words = /[a-z]/.test(b) ? new RegExp(`(^|[^a-z])${b.replace(/\s+/g, '\\s+')}([^a-z]|$)`) : undefined;
    return { party, added: p.added, brand, test: (text: string) => (words ? words.test(text) : text.includes(b)) };
  });
});

/** A listed party whose short brand name occurs in a name, for the affiliates rule. */
export function brandMatch(name: string, date: string): { party: ListedParty; brand: string } | undefined {
  const text = name.normalize('NFKC').toLowerCase();
  for (const b of BRANDS) if (date >= b.added && b.test(text)) return { party: b.party, brand: b.brand };
  return undefined;
}
