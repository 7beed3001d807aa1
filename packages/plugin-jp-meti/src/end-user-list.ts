import type { ListedParty } from '@chokepoint/core';
import { readData } from './data-files.js';

interface EndUserListFile {
  asOf: string;
  entities: number;
  bundled: { listNumber: number; name: string; aliases: string[]; country: string; concern: string[] }[];
}

const CONCERN: Record<string, string> = { B: 'biological', C: 'chemical', M: 'missile', N: 'nuclear', CW: 'conventional weapons' };
const FILE = readData<EndUserListFile>('end-user-list.json');

/** The METI End User List entries bundled with the plugin, as parties screened against every end user. */
export function endUserList(): ListedParty[] {
  return FILE.bundled.map((e) => ({
    id: `jp-eul-${e.listNumber}`,
    name: e.name,
    ...(e.aliases.length ? { aliases: e.aliases } : {}),
    country: e.country,
    list: 'jp-meti-end-user-list',
    listTitle: `METI End User List (${e.concern.map((c) => CONCERN[c] ?? c).join(', ')} concern)`,
    measure: 'jp-meti-end-user-list',
    added: FILE.asOf,
    requirement: 'license_required',
    licensePolicy: 'case_by_case',
    covers: { all: true },
  }));
}

/** How many entities the list has, and how many are bundled. */
export const END_USER_LIST_SIZE = { entities: FILE.entities, bundled: FILE.bundled.length } as const;
