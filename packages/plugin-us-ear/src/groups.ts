import { GroupMembership, previousDay, type CountryCode, type CountryGroup, type IsoDate } from '@chokepoint/core';
import { readData } from './data-files.js';
import { ecfrSource, ecfrSupplement } from './sources.js';

/** Country Group codes of Supplement No. 1 to Part 740. */
export const GROUP_CODES = ['A:1', 'A:2', 'A:3', 'A:4', 'A:5', 'A:6', 'B', 'D:1', 'D:2', 'D:3', 'D:4', 'D:5', 'E:1', 'E:2'] as const;
export type GroupCode = (typeof GROUP_CODES)[number];

/** A dated change to a group, as recorded in `country-groups.json`. */
export interface GroupChange {
  date: IsoDate;
  group: GroupCode;
  country: CountryCode;
  change: 'added' | 'removed';
  citation: string;
  confidence: string;
}

/** The shape of `data/country-groups.json`. */
export interface CountryGroupsFile {
  ecfrDate: IsoDate;
  groups: Record<GroupCode, { title: string; members: CountryCode[] }>;
  changes: GroupChange[];
}

export const groupsFile = readData<CountryGroupsFile>('country-groups.json');

/** Plugin group ID of an EAR Country Group (`EAR:D:5`). */
export function groupId(code: GroupCode): string {
  return `EAR:${code}`;
}

/**
 * The Country Groups as dated plugin groups: the 2026-09-24 membership, with each recorded change
 * undone for the dates before it (an added member gets `from`, a removed one comes back with `to`).
 */
export function buildCountryGroups(file: CountryGroupsFile = groupsFile): CountryGroup[] {
  return GROUP_CODES.map((code) => {
    const members: CountryGroup['members'] = file.groups[code].members.map((country) => ({ country }));
    for (const c of file.changes.filter((x) => x.group === code)) {
      if (c.change === 'added') {
        const m = members.find((x) => x.country === c.country && x.from === undefined);
        if (m) m.from = c.date;
      } else {
        members.push({ country: c.country, to: previousDay(c.date) });
      }
    }
    return {
      id: groupId(code),
      name: `EAR Country Group ${code}: ${file.groups[code].title}`,
      members,
      sources: [ecfrSource(ecfrSupplement(740, 1), file.ecfrDate)],
    };
  });
}

export const COUNTRY_GROUPS = buildCountryGroups();
/** Membership by group code (`D:5`), indexed by country once. */
const membership = new GroupMembership(COUNTRY_GROUPS.map((g, i) => ({ id: GROUP_CODES[i]!, members: g.members })));

/**
 * The country whose chart row and group membership the EAR applies: Hong Kong has neither and is
 * treated as China; every other code is itself.
 */
export function earCountry(country: CountryCode): CountryCode {
  return country === 'HK' ? 'CN' : country;
}

/** Membership of a destination in an EAR Country Group on a date (Hong Kong as China). */
export function inGroup(code: GroupCode, country: CountryCode, date: IsoDate): boolean {
  const c = earCountry(country);
  return membership.isMember(code, c, date) ?? false;
}

/** Every group a destination belongs to on a date. */
export function groupsOf(country: CountryCode, date: IsoDate): GroupCode[] {
  return GROUP_CODES.filter((g) => inGroup(g, country, date));
}
