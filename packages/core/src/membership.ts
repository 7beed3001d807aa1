import { nextDay } from './dates.js';
import type { CountryCode, IsoDate } from './types.js';

/** One spell of membership: inclusive days, open ends unbounded. */
export interface Spell {
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
}

/**
 * Dated group memberships indexed by group and country, built once from the groups' member lists:
 * a question "is X in group G on day D" reads the few spells of X in G instead of every member of G.
 */
export class GroupMembership {
  private readonly byGroup = new Map<string, Map<CountryCode, Spell[]>>();

  /** @param groups each group's ID and dated members. */
  constructor(groups: Iterable<{ id: string; members: readonly ({ country: CountryCode } & Spell)[] }>) {
    for (const g of groups) {
      const byCountry = new Map<CountryCode, Spell[]>();
      for (const m of g.members) {
        const spells = byCountry.get(m.country);
        if (spells) spells.push(m);
        else byCountry.set(m.country, [m]);
      }
      this.byGroup.set(g.id, byCountry);
    }
  }

  /** Whether `country` is a member of `groupId` on `date`; undefined when the group is unknown. */
  isMember(groupId: string, country: CountryCode, date: IsoDate): boolean | undefined {
    const byCountry = this.byGroup.get(groupId);
    if (!byCountry) return undefined;
    const spells = byCountry.get(country);
    if (!spells) return false;
    for (const m of spells) if ((m.from === undefined || date >= m.from) && (m.to === undefined || date <= m.to)) return true;
    return false;
  }

  /** The days on which `country` joins or leaves any group: a spell's first day, and the day after its last. */
  changeDays(country: CountryCode): IsoDate[] {
    const days: IsoDate[] = [];
    for (const byCountry of this.byGroup.values()) {
      for (const m of byCountry.get(country) ?? []) {
        if (m.from !== undefined) days.push(m.from);
        if (m.to !== undefined) days.push(nextDay(m.to));
      }
    }
    return days;
  }
}
