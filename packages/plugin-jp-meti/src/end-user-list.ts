import type { Condition, ListBinding, ListedParty, ListingScope, PartyList } from '@chokepoint/core';
import { readData } from './data-files.js';
import { FACT } from './facts.js';

/** The bundled edition: METI's list as published, with the day METI applies it from. */
type BundledEdition = Omit<PartyList, 'jurisdiction' | 'consequence'> & { appliesFrom: string };

const EDITION = readData<BundledEdition>('end-user-list.json');

/** The list's ID, as `chokepoint data update --list` names it. */
export const END_USER_LIST_ID = 'jp-meti-end-user-list';

/**
 * The day the catch-all as revised in 2025 took effect (Export Trade Control Order Art. 4 and the METI
 * Ordinances on when goods "may be used" for weapons, text as of 2025-10-09). What a hit means is
 * modelled from that text, so no edition applies before it: earlier editions and dates are not modelled.
 */
export const CATCH_ALL_REVISION_2025 = '2025-10-09';

const WMD_CONCERNS = new Set(['Biological', 'Chemical', 'Missile', 'Nuclear']);

const ROW16_GOODS: Condition = { param: FACT.row16Goods, op: '==', value: 1 };
const ROW16_PROMPT = { [FACT.row16Goods]: 'the End User List matters under the catch-all, which reaches goods of HS chapters 25–40, 54–59, 63, 68–93 and 95: are the goods of one of them (1 = yes, 0 = no)? Give item.hs and it is read from the code.' };

/** A listing for weapons of mass destruction reaches every row-16 item for any destination outside Group A. */
const WMD_SCOPES: ListingScope[] = [{ destinations: { exclude: ['group:JP-GROUP-A'] }, conditions: ROW16_GOODS, prompts: ROW16_PROMPT }];

/**
 * A listing for conventional weapons only: in the UN arms-embargoed regions it reaches every row-16 item
 * (Order Art. 4(1)(iv) with (iii)ハ); elsewhere outside Group A only the 16(1) items (Art. 4(1)(iii)ハ),
 * read from the tariff code or asked (`jpRow16Item1`).
 */
const CONVENTIONAL_SCOPES: ListingScope[] = [
  { destinations: { include: ['group:JP-UN-ARMS-EMBARGO'] }, conditions: ROW16_GOODS, prompts: ROW16_PROMPT },
  {
    destinations: { exclude: ['group:JP-GROUP-A', 'group:JP-UN-ARMS-EMBARGO'] },
    conditions: { all: [ROW16_GOODS, { param: FACT.row16Item1, op: '==', value: 1 }] },
    prompts: {
      ...ROW16_PROMPT,
      [FACT.row16Item1]: 'it is listed for conventional weapons only, which outside the UN arms-embargoed regions needs METI\'s permission only for goods of row 16(1) of Appended Table 1 (the machine tools, radar and navigation equipment, integrated circuits, aircraft and spacecraft parts, analysers and measuring instruments the METI Ordinance lists by tariff code, Art. 14-2). Is the item a 16(1) item (1 = yes, 0 = no)? Give item.hs and it is read from the code.',
    },
  },
];

function concernText(concerns: readonly string[]): string {
  return concerns.map((c) => c.toLowerCase()).join(', ');
}

/**
 * The entries of the End User List as parties: a hit needs METI's permission for row-16 goods unless it
 * is clear the goods will not serve the concern (the catch-all's end-user requirement), and where that
 * applies depends on the entity's types of concern. Used for the bundled edition and for an imported one.
 */
export function endUserListParties(list: PartyList): ListedParty[] {
  return list.entries.map((e) => {
    const concerns = e.programs ?? [];
    const wmd = concerns.some((c) => WMD_CONCERNS.has(c));
    const listed = e.listedOn ?? list.asOf;
    return {
      id: `jp-eul-${e.id.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
      name: e.name,
      ...(e.aliases?.length ? { aliases: e.aliases } : {}),
      ...(e.country ? { country: e.country } : {}),
      list: list.id,
      listTitle: `METI End User List (${concernText(concerns)} concern)`,
      measure: 'jp-meti-end-user-list',
      added: listed > CATCH_ALL_REVISION_2025 ? listed : CATCH_ALL_REVISION_2025,
      ...(e.removedOn ? { removed: e.removedOn } : {}),
      requirement: 'license_required',
      licensePolicy: 'case_by_case',
      covers: { all: true },
      scopes: wmd ? WMD_SCOPES : CONVENTIONAL_SCOPES,
      sources: [list.source],
      confidence: 'high',
    } satisfies ListedParty;
  });
}

const CONSEQUENCE: PartyList['consequence'] = {
  requirement: 'license_required',
  licensePolicy: 'case_by_case',
  summary: 'Outside Group A, row-16 goods and technology for a listed entity need METI\'s permission unless it is clear they will not serve the weapons it is listed for; a conventional-weapons-only listing reaches 16(1) items, and every row-16 item only in the UN arms-embargoed regions.',
};

/** The bundled edition as a list (METI's 2025-09-29 edition, 835 entities). */
export function bundledEndUserList(): PartyList {
  const { appliesFrom: _appliesFrom, ...edition } = EDITION;
  return { ...edition, jurisdiction: 'JP', consequence: CONSEQUENCE };
}

/** How the plugin applies the list: an imported copy (`data update --list jp-meti-end-user-list`) replaces the bundled one. */
export const END_USER_LIST_BINDING: ListBinding = {
  list: END_USER_LIST_ID,
  title: 'METI End User List (外国ユーザーリスト)',
  measure: 'jp-meti-end-user-list',
  consequence: CONSEQUENCE,
  source: EDITION.source,
  // The bundled copy is METI's edition of 2025-09-29, older than the rest of the data (dataVerifiedThrough).
  asOf: EDITION.asOf,
  covers: { all: true },
  toParties: endUserListParties,
};

/** The bundled edition: its date, the day it applies from, and how many entities it has. */
export const END_USER_LIST_EDITION = { asOf: EDITION.asOf, appliesFrom: EDITION.appliesFrom, entities: EDITION.entries.length } as const;
