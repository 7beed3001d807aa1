import type { ControlEntry, ReachBasis, ReachContext, ReachResult } from '@chokepoint/core';
import { readData } from './data-files.js';

/** Parties that are not foreign organisations or individuals under PRC law (Hong Kong and Macao are Chinese, though separate customs territories). */
const NOT_FOREIGN = new Set(['CN', 'HK', 'MO']);

/**
 * A transfer that stays inside the PRC (`from` and `to` both CN) is no export, so the technology catalogue and the
 * goods export-licence catalogue (both about crossing the border) do not reach it. The dual-use rules also reach the
 * provision of dual-use items by PRC citizens and entities to foreign organisations and individuals (Export Control
 * Law art. 2; Dual-Use Items Export Control Regulations art. 2), which here is the `person` basis: a foreign end user
 * or party; with no end user's country, the recipient's country is asked where a rule would bind (`pending`).
 */
function domesticTransfer(ctx: ReachContext): ReachResult {
  const { endUser, parties } = ctx.request;
  const foreign = [endUser?.country, ...(parties ?? []).map((p) => p.country)].filter((c): c is string => !!c && !NOT_FOREIGN.has(c));
  if (foreign.length) {
    return { bases: ['person'], description: `provision inside the PRC to a foreign organisation or individual (${[...new Set(foreign)].join(', ')}): dual-use items only (Export Control Law art. 2)` };
  }
  if (!endUser?.country) {
    return {
      bases: ['person'],
      description: 'a transfer inside the PRC: export control reaches it only when the recipient is a foreign organisation or individual (Export Control Law art. 2)',
      pending: { parameter: 'endUser.country', prompt: 'The item stays inside the PRC. Providing a dual-use item to a foreign organisation or individual there needs a licence (Export Control Law art. 2); a sale to a PRC recipient is not export control\'s business. Give endUser.country, the recipient\'s country (CN, HK and MO count as Chinese).' },
    };
  }
  return { bases: [], description: 'a transfer inside the PRC to a PRC party is not an export' };
}

/** Items a content rule lists (No. 61 part 1(1): foreign-made magnets and targets with PRC rare-earth content). */
const CONTENT_RULE_ITEMS: ReadonlySet<string> = new Set(readData<ControlEntry[]>('entries.json').filter((e) => e.reach?.includes('content')).flatMap((e) => e.covers.ids ?? []));

/**
 * True when the item is of a kind a content rule lists and the request states no content: its PRC-origin content may
 * bring it under the rule, so the regime may reach it, and core asks for the content where such a rule is in force
 * (tech-reach review X60: a German Dy magnet with no content given was answered not_controlled without a question).
 */
function contentUnstated(ctx: ReachContext): boolean {
  if (ctx.request.item.content !== undefined || ctx.request.to === 'CN') return false;
  for (const n of ctx.item.nodes) if (contentRuleItem(ctx, n)) return true;
  return false;
}

/** Whether a node is, or lies under, an item a content rule lists; remembered per node (the taxonomy is fixed). */
const CONTENT_RULE_NODE = new Map<string, boolean>();
function contentRuleItem(ctx: ReachContext, node: string): boolean {
  let hit = CONTENT_RULE_NODE.get(node);
  if (hit === undefined) {
    hit = CONTENT_RULE_ITEMS.has(node) || ctx.taxonomy.ancestors(node).some((a) => CONTENT_RULE_ITEMS.has(a));
    CONTENT_RULE_NODE.set(node, hit);
  }
  return hit;
}

/**
 * True when `item.content` holds a PRC-origin technology (the item may be its foreign direct product). A function of
 * its own: an arrow function over `ctx` inside chinaReach made V8 keep `ctx` in a heap context on every call.
 */
function usesChineseTechnology(ctx: ReachContext): boolean {
  const content = ctx.request.item.content;
  if (!content) return false;
  for (const c of content) if (c.origin === 'CN' && c.item.id !== undefined && ctx.taxonomy.node(c.item.id)?.kind === 'technology') return true;
  return false;
}

const FROM_CHINA: ReachResult = Object.freeze({ bases: Object.freeze(['territory'] as ReachBasis[]) as ReachBasis[], description: 'export from the customs territory of the PRC' });
const CONTENT_UNSTATED: ReachResult = Object.freeze({ bases: Object.freeze(['content'] as ReachBasis[]) as ReachBasis[], description: 'foreign-made item of a kind China controls by its PRC-origin content, which the request does not state' });
const NO_CHINESE_LINK: ReachResult = Object.freeze({ bases: Object.freeze([]) as unknown as ReachBasis[], description: 'not an export from the PRC and no PRC-origin item, content or technology' });

/**
 * China's reach: exports from the PRC customs territory (Hong Kong and Macao are separate customs
 * territories, so leaving them is not a PRC export); and, for transfers that do not leave the PRC,
 * the extraterritorial claims: PRC-origin items moved on by foreign parties (No. 46/2024 clause 3,
 * No. 61/2025 part 1(3), No. 1/2026), foreign items with PRC-origin content (No. 61 part 1(1)) and
 * foreign direct products of PRC technology (No. 61 part 1(2)), the latter shown by a PRC-origin
 * technology in `item.content`.
 */
export function chinaReach(ctx: ReachContext): ReachResult {
  if (ctx.request.from === 'CN' && ctx.request.to !== 'CN') return FROM_CHINA;
  if (ctx.request.from === 'CN') return domesticTransfer(ctx);
  // Most transfers from elsewhere state no content and are not of PRC origin: only an item of a kind a content rule
  // lists can bring them in. One of two shared answers, made once (core never changes a reach result).
  if (ctx.request.item.content === undefined && ctx.origin !== 'CN') return contentUnstated(ctx) ? CONTENT_UNSTATED : NO_CHINESE_LINK;
  const bases: ReachBasis[] = [];
  const parts: string[] = [];
  if (ctx.origin === 'CN') {
    bases.push('origin');
    parts.push('transfer abroad of a PRC-origin item');
  }
  const cn = ctx.contentShare('CN');
  // A PRC-origin part whose share the request leaves out (known false with content given) reaches too: the content
  // rules then ask its share.
  if (cn.share > 0 || (!cn.known && ctx.request.item.content !== undefined)) {
    bases.push('content');
    parts.push('foreign-made item with PRC-origin content');
  } else if (ctx.origin !== 'CN' && contentUnstated(ctx)) {
    bases.push('content');
    parts.push(CONTENT_UNSTATED.description);
  }
  if (usesChineseTechnology(ctx)) {
    bases.push('direct_product');
    parts.push('foreign-made direct product of PRC-origin technology');
  }
  return { bases, description: parts.length ? parts.join('; ') : NO_CHINESE_LINK.description };
}
