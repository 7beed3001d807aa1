import type { ReachContext, ReachResult } from '@chokepoint/core';

/** The day Regulation (EU) 2021/821 replaced Regulation (EC) No 428/2009. */
const RECAST = '2021-09-09';

/**
 * The EU regime reaches what leaves a member state: an export when the destination is outside the
 * Union (Art. 2(2)), a transfer when it is another member state (Art. 11, where only Annex IV items
 * need an authorisation). Moving EU-origin items on from outside the Union is not regulated by
 * Regulation 2021/821, and nor is movement inside one member state.
 */
export function euReach(ctx: ReachContext): ReachResult {
  const { from, to, date } = ctx.request;
  if (!ctx.isMember('EU', from)) return { bases: [], description: 'not an export from a member state of the European Union' };
  if (from === to) return { bases: [], description: 'movement inside one member state' };
  // Before the recast (9 September 2021) the same reach rested on Regulation (EC) No 428/2009 (Art. 2(2) and 3 read; its transfer article not read).
  const law = date < RECAST ? 'Reg. (EC) No 428/2009' : 'Reg. 2021/821';
  if (ctx.isMember('EU', to)) return { bases: ['territory'], description: `transfer between member states of the Union (${date < RECAST ? law : `Art. 11 ${law}`})` };
  return { bases: ['territory'], description: `export from the customs territory of the Union (Art. 2(2) and 3 ${law})` };
}
