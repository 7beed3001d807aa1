import type { ReachContext, ReachResult } from '@chokepoint/core';

/**
 * The EU regime reaches what leaves a member state: an export when the destination is outside the
 * Union (Art. 2(2)), a transfer when it is another member state (Art. 11, where only Annex IV items
 * need an authorisation). Moving EU-origin items on from outside the Union is not regulated by
 * Regulation 2021/821, and nor is movement inside one member state.
 */
export function euReach(ctx: ReachContext): ReachResult {
  const { from, to } = ctx.request;
  if (!ctx.isMember('EU', from)) return { bases: [], description: 'not an export from a member state of the European Union' };
  if (from === to) return { bases: [], description: 'movement inside one member state' };
  if (ctx.isMember('EU', to)) return { bases: ['territory'], description: 'transfer between member states of the Union (Art. 11 Reg. 2021/821)' };
  return { bases: ['territory'], description: 'export from the customs territory of the Union (Art. 2(2) and 3 Reg. 2021/821)' };
}
