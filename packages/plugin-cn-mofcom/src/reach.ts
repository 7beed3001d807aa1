import type { ReachBasis, ReachContext, ReachResult } from '@chokepoint/core';

/**
 * China's reach: exports from the PRC customs territory (Hong Kong and Macao are separate customs
 * territories, so leaving them is not a PRC export); and, for transfers that do not leave the PRC,
 * the extraterritorial claims: PRC-origin items moved on by foreign parties (No. 46/2024 clause 3,
 * No. 61/2025 part 1(3), No. 1/2026), foreign items with PRC-origin content (No. 61 part 1(1)) and
 * foreign direct products of PRC technology (No. 61 part 1(2)), the latter shown by a PRC-origin
 * technology in `item.content`.
 */
export function chinaReach(ctx: ReachContext): ReachResult {
  if (ctx.request.from === 'CN') return { bases: ['territory'], description: 'export from the customs territory of the PRC' };
  const bases: ReachBasis[] = [];
  const parts: string[] = [];
  if (ctx.origin === 'CN') {
    bases.push('origin');
    parts.push('transfer abroad of a PRC-origin item');
  }
  if (ctx.contentShare('CN').share > 0) {
    bases.push('content');
    parts.push('foreign-made item with PRC-origin content');
  }
  const usesChineseTechnology = ctx.request.item.content?.some((c) => c.origin === 'CN' && c.item.id !== undefined && ctx.taxonomy.node(c.item.id)?.kind === 'technology');
  if (usesChineseTechnology) {
    bases.push('direct_product');
    parts.push('foreign-made direct product of PRC-origin technology');
  }
  return { bases, description: parts.length ? parts.join('; ') : 'not an export from the PRC and no PRC-origin item, content or technology' };
}
