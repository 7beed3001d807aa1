import { PartyScreener, partiesFromList, type IsoDate, type ListBinding, type ListedParty, type PartyList, type PartyMatch, type ReachContext } from '@chokepoint/core';
import { readData } from './data-files.js';
import { M } from './measures.js';
import { PARAMS } from './restrictions.js';
import { ENTITY_LIST_BRANDS, ENTITY_LIST_COPY, ENTITY_LIST_COPY_COMPLETE, ENTITY_LIST_PARTIES } from './entity-list.js';
import { ecfr, ecfrSource, ECFR_SECTIONS_DATE } from './sources.js';

/** A whole list as bundled by scripts/build-entity-list.mjs, at medium confidence, and whether the copy is complete. */
function bundledCopy(file: string): { copy: PartyList; complete: boolean } {
  const f = readData<PartyList & { complete: boolean }>(file);
  return { copy: { id: f.id, name: f.name, jurisdiction: f.jurisdiction, consequence: f.consequence, source: f.source, asOf: f.asOf, confidence: 'medium', entries: f.entries }, complete: f.complete };
}

/** The Military End-User List as bundled (Supp. No. 7 to Part 744, eCFR text of its `asOf` date). */
const meu = bundledCopy('meu-list-ecfr.json');
export const MEU_LIST_COPY: PartyList = meu.copy;

/**
 * The Denied Persons List as bundled (BIS's file as compiled on its `asOf` date). An order's expiry date is its last
 * day denied (`removedOn`): a request dated after it does not hit.
 */
const dpl = bundledCopy('dpl-bis.json');
export const DPL_COPY: PartyList = dpl.copy;
export const DPL_COPY_COMPLETE = dpl.complete;

/**
 * The Unverified List as bundled (Supp. No. 6 to Part 744, eCFR text of its `asOf` date). Each entry is dated by the
 * notice that added it; entries removed before `asOf` are not in the copy.
 */
const uvl = bundledCopy('unverified-list-ecfr.json');
export const UNVERIFIED_LIST_COPY: PartyList = uvl.copy;

const entityList: ListBinding = {
  list: 'us-entity-list', title: 'Entity List (Supp. No. 4 to 15 CFR 744, § 744.11)', measure: M.entityList,
  consequence: { requirement: 'license_required', summary: 'A licence for the items the entry names, reviewed under the entry’s policy; licence exceptions only where the entry allows.' },
  source: ecfrSource(ecfr('744.11'), ECFR_SECTIONS_DATE), covers: { all: true },
  // An entry whose licence requirement covers only some items or uses ("when used in projects specified in § 746.8(a)(4)",
  // "items listed in supplement no. 7 to part 746", "all items … except for …") is settled by the request's answer.
  unsettled: {
    parameter: PARAMS.entityListScopeMet,
    prompt: `Its licence requirement covers only some items or uses. Is this transaction within it (read the sections the entry names)? Give item.parameters["${PARAMS.entityListScopeMet}"] = 1 (within it: a licence is needed) or 0 (outside it: the listing needs none for this transaction).`,
    ifYes: 'license_required',
    ifNo: null,
    saysYes: `The request states that the transaction is within the entry's licence requirement (${PARAMS.entityListScopeMet} = 1): a licence is required (15 CFR 744.11(a)).`,
    saysNo: '',
  },
  bundled: ENTITY_LIST_COPY,
  brands: ENTITY_LIST_BRANDS,
  ...(ENTITY_LIST_COPY_COMPLETE ? {} : { sample: `${ENTITY_LIST_COPY.entries.length + ENTITY_LIST_PARTIES.length} entries of the ${ENTITY_LIST_COPY.asOf} eCFR compilation bundled, not yet the whole list` }),
  owned: 'Whether it reaches a party it owns is for the affiliates rule (15 CFR 744.11(a)(1), 90 FR 47201): a foreign entity owned 50 % or more in total by Entity List parties takes their licence requirement. This answer adds up the shares of the listed owners given in endUser.owners (the rule was stayed from 2025-11-10 to 2026-11-09 by 90 FR 50857).',
};


/**
 * The BIS lists this plugin applies to end users, each bundled whole as of its date (the Entity List, MEU List and
 * Unverified List as printed in the eCFR, the Denied Persons List as BIS's file); `chokepoint data update` imports
 * them from the Consolidated Screening List, replacing the bundled copies.
 */
export const EAR_LISTS: ListBinding[] = [
  entityList,
  {
    list: 'us-denied-persons', title: 'Denied Persons List (BIS denial orders)', measure: M.deniedPersons,
    consequence: { requirement: 'prohibited', summary: 'No transaction involving items subject to the EAR with a denied person (General Prohibition Four).' },
    source: ecfrSource(ecfr('764.3'), ECFR_SECTIONS_DATE), covers: { all: true },
    bundled: DPL_COPY,
    ...(DPL_COPY_COMPLETE ? {} : { sample: `${DPL_COPY.entries.length} of the 564 rows of the ${DPL_COPY.asOf} compilation bundled, not the whole list` }),
  },
  {
    list: 'us-unverified-list', title: 'Unverified List (Supp. No. 6 to 15 CFR 744)', measure: M.unverifiedList,
    consequence: { requirement: 'needs_information', summary: 'Obtain the party’s UVL statement before the transaction; no licence exception may be used.' },
    source: ecfrSource(ecfr('744.15'), ECFR_SECTIONS_DATE), covers: { all: true },
    unsettled: {
      parameter: PARAMS.uvlStatementHeld,
      prompt: `Before an export, reexport or transfer to the party that needs no licence, the party must give a UVL statement (15 CFR 744.15(b)), and licence exceptions may not be used. Do you hold its UVL statement for this transaction? Give item.parameters["${PARAMS.uvlStatementHeld}"] = 1 or 0.`,
      ifYes: 'no_license_required',
      ifNo: 'needs_information',
      saysYes: `The request states that the party's UVL statement is held (${PARAMS.uvlStatementHeld} = 1): the listing needs no licence, but licence exceptions still may not be used (15 CFR 744.15).`,
      saysNo: `The request states that the party's UVL statement is not held (${PARAMS.uvlStatementHeld} = 0): the transaction may not go ahead until the party gives it (15 CFR 744.15(b)).`,
    },
    bundled: UNVERIFIED_LIST_COPY,
    ...(uvl.complete ? {} : { sample: `${UNVERIFIED_LIST_COPY.entries.length} entries of the ${UNVERIFIED_LIST_COPY.asOf} eCFR text bundled, not the whole list` }),
  },
  {
    list: 'us-meu-list', title: 'Military End-User List (Supp. No. 7 to 15 CFR 744)', measure: M.meu,
    consequence: { requirement: 'license_required', licensePolicy: 'presumption_of_denial', summary: 'A licence for the items of Supplement No. 2 to Part 744, with a presumption of denial.' },
    // The rule reaches only Supplement No. 2 items; "anyListed" stands for the CCL items this plugin lists, a superset.
    source: ecfrSource(ecfr('744.21'), ECFR_SECTIONS_DATE), covers: { anyListed: true },
    bundled: MEU_LIST_COPY,
    ...(meu.complete ? {} : { sample: `${MEU_LIST_COPY.entries.length} entries of the ${MEU_LIST_COPY.asOf} eCFR compilation bundled, not the whole list` }),
  },
];

/**
 * The parties the plugin screens: the curated Entity List parties of this domain, dated by the rules that listed
 * them, every other entry of the bundled copy of the whole Entity List (Supp. No. 4 to Part 744 as of its `asOf`),
 * the bundled Military End-User List (Supp. No. 7), the bundled Denied Persons List and the bundled Unverified List (Supp. No. 6).
 */
export const EAR_PARTIES: ListedParty[] = [
  ...ENTITY_LIST_PARTIES,
  ...partiesFromList(ENTITY_LIST_COPY, entityList),
  ...partiesFromList(MEU_LIST_COPY, EAR_LISTS.find((b) => b.list === MEU_LIST_COPY.id)!),
  ...partiesFromList(DPL_COPY, EAR_LISTS.find((b) => b.list === DPL_COPY.id)!),
  ...partiesFromList(UNVERIFIED_LIST_COPY, EAR_LISTS.find((b) => b.list === UNVERIFIED_LIST_COPY.id)!),
];

// For a host whose context gives no `screen` (the engine's covers the imported lists too): one screener over the
// bundled parties for the whole plugin, built on first use, so that loading the plugin indexes nothing.
let fallback: PartyScreener | undefined;

/**
 * `ctx.screen`, or the bundled parties' screener on `date` when the host gives none. A function of its own: an arrow
 * function over `date` written inside a hook makes V8 keep the hook's variables in a heap context on every call.
 */
export const screenOn = (ctx: Pick<ReachContext, 'screen'>, date: IsoDate): ((name: string) => PartyMatch[]) =>
  ctx.screen ?? ((name: string) => (fallback ??= new PartyScreener(EAR_PARTIES)).screen(name, date));
