import type { ReachContext, ReachResult } from '@chokepoint/core';

/**
 * Japan reaches an export of goods from Japan (FEFTA Art. 48) and a provision of technology from
 * Japan to a non-resident or for use abroad (Art. 25). A release inside Japan counts when the person
 * receiving the technology is not Japanese: the Act turns on residency, which a request does not
 * carry, so nationality stands in for it. Japan does not control re-exports of Japanese goods abroad.
 */
export function jpReach(ctx: ReachContext): ReachResult {
  const { from, to, transfer, endUser } = ctx.request;
  if (from !== 'JP') return { bases: [], description: 'not an export from Japan (Japan does not control re-exports from abroad)' };
  if (to !== 'JP') {
    return transfer === 'goods'
      ? { bases: ['territory'], description: 'export of goods from Japan (FEFTA Art. 48)' }
      : { bases: ['territory'], description: 'provision of technology from Japan for use abroad (FEFTA Art. 25)' };
  }
  const foreign = (endUser?.nationalities ?? []).some((n) => n !== 'JP');
  if (transfer !== 'goods' && foreign) {
    return { bases: ['deemed'], description: 'provision of technology in Japan to a non-resident (FEFTA Art. 25; nationality taken for residency)' };
  }
  return { bases: [], description: 'movement inside Japan' };
}
