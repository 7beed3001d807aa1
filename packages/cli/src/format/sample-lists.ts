import type { DataStatus } from '@chokepoint/core';

/**
 * The note printed wherever a screening may rest on lists that are not whole (a bundled sample, or a bound
 * list not loaded): a name without a hit there is not cleared. Empty when every list is whole. `only`
 * limits it to the lists a screening asked for.
 */
export function sampleListsNote(status: DataStatus, only?: readonly string[]): string {
  const samples = status.lists.filter((l) => l.sample && (!only || only.includes(l.id)));
  if (!samples.length) return '';
  return `Not the full lists (${samples.map((l) => `${l.id}: ${l.sample}`).join('; ')}): a screening without a hit does not clear a party, and every answer that screens one warns sample_list. Run \`chokepoint data update\` first.\n`;
}
