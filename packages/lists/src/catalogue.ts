import type { PartyList } from '@chokepoint/core';

/** What the importer knows about a list: its ID, name, jurisdiction and what a hit means. */
export interface ListMeta {
  id: string;
  name: string;
  jurisdiction: string;
  consequence: PartyList['consequence'];
}

const ecfr = (section: string) => `15 CFR ${section}`;

/**
 * The lists inside the US Consolidated Screening List, keyed by the code in the CSL's `source` field
 * ("Entity List (EL) - Bureau of Industry and Security" → `EL`). Consequences are our summary of the
 * cited rule; a list not named here is imported under `us-csl-<code>` and asks for review on a hit.
 */
export const CSL_LISTS: Record<string, ListMeta> = {
  EL: {
    id: 'us-entity-list', name: 'Entity List (15 CFR Part 744, Supplement No. 4)', jurisdiction: 'US',
    consequence: { requirement: 'license_required', summary: `A licence is needed for the items the entry names (often all items subject to the EAR), reviewed under the entry's licence policy; licence exceptions only where the entry allows them (${ecfr('744.11')}).` },
  },
  DPL: {
    id: 'us-denied-persons', name: 'Denied Persons List (BIS denial orders)', jurisdiction: 'US',
    consequence: { requirement: 'prohibited', summary: `A denial order bars the party from any transaction involving items subject to the EAR, and others from dealing with it in such items (${ecfr('764.3(a)(2)')}; General Prohibition Four, ${ecfr('736.2(b)(4)')}).` },
  },
  UVL: {
    id: 'us-unverified-list', name: 'Unverified List (15 CFR Part 744, Supplement No. 6)', jurisdiction: 'US',
    consequence: { requirement: 'needs_information', summary: `Before an export, reexport or transfer to the party, obtain its UVL statement; no licence exception may be used (${ecfr('744.15')}).` },
  },
  MEU: {
    id: 'us-meu-list', name: 'Military End-User List (15 CFR Part 744, Supplement No. 7)', jurisdiction: 'US',
    consequence: { requirement: 'license_required', licensePolicy: 'presumption_of_denial', summary: `A licence is needed for the items of Supplement No. 2 to Part 744, reviewed with a presumption of denial (${ecfr('744.21')}).` },
  },
  SDN: {
    id: 'us-ofac-sdn', name: 'Specially Designated Nationals and Blocked Persons List (OFAC)', jurisdiction: 'US',
    consequence: { requirement: 'prohibited', summary: 'Property and interests of the party are blocked; US persons may not deal with it unless OFAC authorises it (31 CFR Chapter V).' },
  },
};

/** China's lists in the EyeWarnYou cn-lists.json form, keyed by its `list` code. */
export const CN_LISTS: Record<string, ListMeta> = {
  'CN-ECL': {
    id: 'cn-export-control-list', name: 'China export-control control list (出口管制管控名单)', jurisdiction: 'CN',
    consequence: { requirement: 'prohibited', summary: 'Exporters may not transact controlled items with a party on the control list (Export Control Law art. 18).' },
  },
  'CN-WL': {
    id: 'cn-export-control-watch-list', name: 'China export-control watch list (关注名单)', jurisdiction: 'CN',
    consequence: { requirement: 'license_required', summary: 'Exports of controlled items to a party on the watch list need a licence and a risk assessment (MOFCOM end-user and end-use rules).' },
  },
  'CN-UEL': {
    id: 'cn-unreliable-entity-list', name: 'China Unreliable Entity List (不可靠实体清单)', jurisdiction: 'CN',
    consequence: { requirement: 'prohibited', summary: 'The working mechanism may bar import and export transactions with the party (Provisions on the Unreliable Entity List, art. 10).' },
  },
  'CN-AFSL': {
    id: 'cn-anti-foreign-sanctions-list', name: 'China countermeasure list (反制清单, Anti-Foreign Sanctions Law)', jurisdiction: 'CN',
    consequence: { requirement: 'prohibited', summary: 'Organisations and individuals in China may not transact with or cooperate with the party (Anti-Foreign Sanctions Law art. 6).' },
  },
};

/** A list the importer meets without knowing it: a hit asks for review. */
export function unknownList(id: string, name: string, jurisdiction: string): ListMeta {
  return { id, name, jurisdiction, consequence: { requirement: 'needs_information', summary: `Review the terms of the ${name} listing before proceeding.` } };
}

/**
 * Japan's lists, keyed by the list code of the EyeWarnYou snapshot form. The End User List is not an
 * export ban: it is METI's notice that concern about an entity cannot be dispelled, which is what the
 * catch-all's end-user requirement turns on; Japan's plugin applies it by type of concern and region.
 */
export const JP_LISTS: Record<string, ListMeta> = {
  'METI-EUL': {
    id: 'jp-meti-end-user-list', name: 'METI End User List (外国ユーザーリスト)', jurisdiction: 'JP',
    consequence: {
      requirement: 'license_required', licensePolicy: 'case_by_case',
      summary: 'Outside the Group A countries, exporting goods of Appended Table 1 row 16 to a listed entity (or providing it with row-16 technology) needs METI\'s permission unless it is clear the goods will not be used for the weapons the entity is listed for (catch-all end-user requirement; METI Ordinances No. 249 of 2001 and No. 57 of 2008). A listing for conventional weapons only reaches 16(1) items, and all row-16 goods only in the UN arms-embargoed regions.',
    },
  },
};
