import { PartyScreener, type Condition, type EvaluationContext, type EvaluationResult, type Finding, type ListBinding, type ListedParty, type ListingScope, type PartyList, type Question } from '@chokepoint/core';
import { readData } from './data-files.js';
import { FACT, jpFacts } from './facts.js';

/** The bundled edition: METI's list as published, with the day METI applies it from. */
type BundledEdition = Omit<PartyList, 'jurisdiction' | 'consequence'> & { appliesFrom: string };

const EDITION = readData<BundledEdition>('end-user-list.json');

/** The list's ID, as `chokepoint data update --list` names it. */
export const END_USER_LIST_ID = 'jp-meti-end-user-list';

/** The measure every listing is a finding of: the End User List, in force since METI first published it (2002-04-01). */
const END_USER_LIST_MEASURE = 'jp-meti-end-user-list';

/**
 * The day the catch-all as revised in 2025 took effect (Export Trade Control Order Art. 4 and the METI
 * Ordinances on when goods "may be used" for weapons, text as of 2025-10-09). Listings for conventional
 * weapons, and what they mean (CONVENTIONAL_SCOPES), are modelled from that text and apply from it.
 */
export const CATCH_ALL_REVISION_2025 = '2025-10-09';

/**
 * The day METI first published the End User List: with the WMD catch-all, in April 2002 (METI press release of
 * 2018-05-02: 「平成14年4月のキャッチオール規制導入時より公表しています」; the catch-all applied from 2002-04-01).
 * A listing for a WMD concern has meant the same since then — row-16 goods for the entity need permission outside
 * Group A (then Appended Table 3) unless it is clear they will not serve the concern — so such a listing applies
 * from its own listing date, never before this day.
 */
export const END_USER_LIST_FIRST_PUBLISHED = '2002-04-01';

/**
 * Asked where a copy of the list does not record when METI listed an entity and the request is dated before the
 * copy applies: whether the entity was on the edition in force on the request's date (1 = yes, 0 = no).
 */
export const LISTED_ON_DATE = 'jpEulListedOnDate';

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
 *
 * A listing applies from its own listing date (`listedOn`) where the copy records it — a WMD-concern listing not
 * before the list was first published (2002-04-01), a conventional-weapons listing not before the 2025 revision
 * (2025-10-09) — and otherwise from the day the copy applies (`appliesFrom`: the bundled edition's 2025-10-09, or an
 * imported copy's `asOf`). Earlier days of an undated WMD-concern entry of the bundled edition are asked about by
 * `undatedEarlierListings`, not given an invented listing date here.
 */
export function endUserListParties(list: PartyList, appliesFrom: string = list.asOf): ListedParty[] {
  return list.entries.map((e) => {
    const concerns = e.programs ?? [];
    const wmd = concerns.some((c) => WMD_CONCERNS.has(c));
    const floor = wmd ? END_USER_LIST_FIRST_PUBLISHED : CATCH_ALL_REVISION_2025;
    const from = e.listedOn ?? appliesFrom;
    return {
      id: partyId(e),
      name: e.name,
      ...(e.aliases?.length ? { aliases: e.aliases } : {}),
      ...(e.country ? { country: e.country } : {}),
      list: list.id,
      listTitle: `METI End User List (${concernText(concerns)} concern)`,
      measure: END_USER_LIST_MEASURE,
      added: from < floor ? floor : from,
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

/** The bundled edition's parties: the copy applies from the day METI applied that edition (2025-10-09), not from its date. */
export function bundledEndUserListParties(): ListedParty[] {
  return endUserListParties(bundledEndUserList(), EDITION.appliesFrom);
}

/** How the plugin applies the list: an imported copy (`data update --list jp-meti-end-user-list`) replaces the bundled one. */
export const END_USER_LIST_BINDING: ListBinding = {
  list: END_USER_LIST_ID,
  title: 'METI End User List (外国ユーザーリスト)',
  measure: END_USER_LIST_MEASURE,
  consequence: CONSEQUENCE,
  source: EDITION.source,
  // The bundled copy is METI's edition of 2025-09-29, older than the rest of the data (dataVerifiedThrough).
  asOf: EDITION.asOf,
  covers: { all: true },
  // An imported copy is known to apply from its own date (its `asOf`): earlier, an entry without a listing date is asked about.
  toParties: (list) => endUserListParties(list),
};

/** The bundled edition: its date, the day it applies from, and how many entities it has. */
export const END_USER_LIST_EDITION = { asOf: EDITION.asOf, appliesFrom: EDITION.appliesFrom, entities: EDITION.entries.length } as const;

/** The party ID of a list entry (`jp-eul-…`), in the bundled and in an imported copy. */
function partyId(e: PartyList['entries'][number]): string {
  return `jp-eul-${e.id.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

let undatedScreener: PartyScreener | undefined;

/**
 * The bundled edition's WMD-concern parties without a listing date, in a screener of their own (core's, as every list
 * is screened), built on first use: on days before the edition applies core's screening leaves them out.
 */
function undatedWmdScreener(): PartyScreener {
  if (!undatedScreener) {
    const ids = new Set(EDITION.entries.filter((e) => e.listedOn === undefined && (e.programs ?? []).some((c) => WMD_CONCERNS.has(c))).map(partyId));
    undatedScreener = new PartyScreener(bundledEndUserListParties().filter((p) => ids.has(p.id)), 'End User List entries before their edition');
  }
  return undatedScreener;
}

/**
 * Review finding U103: METI has published the End User List since April 2002, and a listing for a WMD concern has
 * meant the same since then (row-16 goods to the entity need permission outside Group A unless it is clear they will
 * not serve the concern). The bundled edition, applied from 2025-10-09, records no listing dates, so on an earlier
 * day its WMD-concern entities are neither dropped nor assumed listed: a named party that matches one is asked
 * about ({@link LISTED_ON_DATE}); an answer of 1 gives the listing's finding (with the measure's
 * `listing_date_unverified` caveat), 0 nothing. Conventional-weapons listings began with that edition and are not
 * asked about; a party the screening already found on the date (an imported copy with listing dates) is left to it.
 */
export function undatedEarlierListings(ctx: EvaluationContext): EvaluationResult | undefined {
  const { request } = ctx;
  if (request.date < END_USER_LIST_FIRST_PUBLISHED || request.date >= EDITION.appliesFrom || !ctx.reach.bases.length) return undefined;
  const named = [
    ...(request.endUser?.name ? [{ path: 'endUser.name', name: request.endUser.name, country: request.endUser.country }] : []),
    ...(request.parties ?? []).map((p, i) => ({ path: `parties[${i}].name (${p.role})`, name: p.name, country: p.country })),
  ];
  if (!named.length || ctx.isMember('JP-GROUP-A', request.to)) return undefined;
  const given = request.item.parameters ?? {};
  if ((given[FACT.row16Goods] ?? jpFacts(ctx)[FACT.row16Goods]) === 0) return undefined;
  const answer = given[LISTED_ON_DATE];
  const findings: Finding[] = [];
  const asked: { path: string; name: string; entry: ListedParty }[] = [];
  const seen = new Set<string>();
  for (const { path, name, country } of named) {
    if (ctx.screen?.(name).some((m) => m.party.list === END_USER_LIST_ID)) continue;
    for (const match of undatedWmdScreener().screen(name, EDITION.appliesFrom)) {
      const entry = match.party;
      if ((country && entry.country && !sameCountry(country, entry.country)) || seen.has(entry.id)) continue;
      seen.add(entry.id);
      if (answer === undefined) asked.push({ path, name, entry });
      else if (answer === 1) {
        const finding = ctx.finding({
          measure: END_USER_LIST_MEASURE, requirement: 'license_required', licensePolicy: 'case_by_case',
          reason: `${entry.name} is on the ${entry.listTitle}; the bundled edition (applied from ${EDITION.appliesFrom}) does not record its listing date, and you state that it was on the edition in force on ${request.date}. Outside Group A, row-16 goods for it need METI's permission unless it is clear they will not serve the concern.`,
          matchedOn: [`${path} "${name}" matches "${match.matchedName}" (score ${match.score}: ${match.explanation})`, `${LISTED_ON_DATE} = 1`],
        });
        finding.party = { id: entry.id, name: entry.name, list: END_USER_LIST_ID, listTitle: entry.listTitle };
        findings.push(finding);
      }
    }
  }
  if (findings.length) return { findings };
  if (!asked.length) return undefined;
  const who = asked.map(({ path, name, entry }) => `${path} "${name}" matches ${entry.name}, on the ${entry.listTitle}`).join('; ');
  const question: Question = {
    parameter: LISTED_ON_DATE,
    jurisdiction: 'JP',
    prompt: `${who}, in the edition applied from ${EDITION.appliesFrom}, which does not record when METI listed ${asked.length > 1 ? 'them' : 'it'}. METI has published the list since April 2002 and revises it about once a year, adding and removing entities: was ${asked.length > 1 ? 'any of them' : asked[0]!.entry.name} on the edition in force on ${request.date} (1 = yes, 0 = no)? If so, row-16 goods for it need METI's permission outside Group A unless it is clear they will not serve the concern. Check METI's edition for that date.`,
  };
  return { questions: [question] };
}

/** A listed entity's country and the request's, as the screening compares them (mainland China, Hong Kong and Macau as one listing country). */
function sameCountry(a: string, b: string): boolean {
  const china = new Set(['CN', 'HK', 'MO']);
  return a === b || (china.has(a) && china.has(b));
}
