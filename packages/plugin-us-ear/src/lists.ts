import type { ListBinding } from '@chokepoint/core';
import { M } from './measures.js';
import { ENTITY_LIST_PARTIES } from './entity-list.js';
import { ecfr, ecfrSource, ECFR_SECTIONS_DATE } from './sources.js';

/** No public full copy of the BIS lists could be bundled: the plugin carries the Entity List parties of its domain only. */
const NOT_BUNDLED = 'not bundled (0 entries)';

/**
 * The BIS lists this plugin applies to end users. `chokepoint data update` imports them whole from
 * the Consolidated Screening List; the bundled Entity List holds only the sourced parties of this
 * domain until then.
 */
export const EAR_LISTS: ListBinding[] = [
  {
    list: 'us-entity-list', title: 'Entity List (Supp. No. 4 to 15 CFR 744, § 744.11)', measure: M.entityList,
    consequence: { requirement: 'license_required', summary: 'A licence for the items the entry names, reviewed under the entry’s policy; licence exceptions only where the entry allows.' },
    source: ecfrSource(ecfr('744.11'), ECFR_SECTIONS_DATE), covers: { all: true },
    sample: `${ENTITY_LIST_PARTIES.length} parties of this domain bundled, not the whole list`,
    owned: 'Whether it reaches a party it owns is for the affiliates rule (15 CFR 744.11(a)(1), 90 FR 47201): a foreign entity owned 50 % or more in total by Entity List parties takes their licence requirement. This answer adds up the shares of the listed owners given in endUser.owners (the rule was stayed from 2025-11-10 to 2026-11-09 by 90 FR 50857).',
  },
  {
    list: 'us-denied-persons', title: 'Denied Persons List (BIS denial orders)', measure: M.deniedPersons,
    consequence: { requirement: 'prohibited', summary: 'No transaction involving items subject to the EAR with a denied person (General Prohibition Four).' },
    source: ecfrSource(ecfr('764.3'), ECFR_SECTIONS_DATE), covers: { all: true },
    sample: NOT_BUNDLED,
  },
  {
    list: 'us-unverified-list', title: 'Unverified List (Supp. No. 6 to 15 CFR 744)', measure: M.unverifiedList,
    consequence: { requirement: 'needs_information', summary: 'Obtain the party’s UVL statement before the transaction; no licence exception may be used.' },
    source: ecfrSource(ecfr('744.15'), ECFR_SECTIONS_DATE), covers: { all: true },
    sample: NOT_BUNDLED,
  },
  {
    list: 'us-meu-list', title: 'Military End-User List (Supp. No. 7 to 15 CFR 744)', measure: M.meu,
    consequence: { requirement: 'license_required', licensePolicy: 'presumption_of_denial', summary: 'A licence for the items of Supplement No. 2 to Part 744, with a presumption of denial.' },
    // The rule reaches only Supplement No. 2 items; "anyListed" stands for the CCL items this plugin lists, a superset.
    source: ecfrSource(ecfr('744.21'), ECFR_SECTIONS_DATE), covers: { anyListed: true },
    sample: NOT_BUNDLED,
  },
];
