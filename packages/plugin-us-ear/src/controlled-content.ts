import type { CountryCode, IsoDate } from '@chokepoint/core';
import { cclEntry, scopeCovers } from './ccl.js';
import { chartRow } from './chart.js';
import { russiaBelarusSanctioned } from './restrictions.js';
import { specialOutcome } from './special.js';
import { geccExporter } from './part-746-supp3.js';

/** The embargoed destinations of part 746, where every item subject to the EAR needs a licence. */
const EMBARGOED_ALL_ITEMS = ['CU', 'IR', 'KP', 'SY'];

/**
 * Whether US-origin content counts toward de minimis for a destination: Supp. No. 2 to Part 734 counts only
 * "controlled" US content, the items that would need a licence if exported from the United States to that
 * destination. EAR99 content counts for the embargoed destinations; a CCL item when one of its reasons that can reach
 * its paragraph has an X for the destination (or a special control applies there), or every CCL item for Russia and
 * Belarus. Content without an ECCN counts (nothing shows it is uncontrolled).
 */
export function controlledContent(code: string | undefined, to: CountryCode, date: IsoDate, from?: CountryCode): boolean {
  if (!code) return true;
  if (EMBARGOED_ALL_ITEMS.includes(to)) return true;
  if (code === 'EAR99') return false;
  const entry = cclEntry(code);
  if (!entry) return true;
  // § 746.8(a)(12)(iii)(B): for a foreign-made item exported from a Supp. No. 3 country, AT-only US content (an ECCN whose
  // only reason is AT, or 9A991) is not made controlled by § 746.8; the chart and special controls still decide it.
  const atOnly = entry.reasons.every((r) => r.reason === 'AT') || code.startsWith('9A991');
  if (russiaBelarusSanctioned(to, date) && !(atOnly && from && geccExporter(from, date))) return true;
  const row = chartRow(to, date);
  if (!row) return true;
  return entry.reasons.some((reason) => {
    if (scopeCovers(code, reason.scope) === 'no') return false;
    if (reason.column) return !row.unreliable && row.columns.has(reason.column);
    // A special control this plugin cannot evaluate for the destination is counted (nothing shows it is uncontrolled).
    return specialOutcome(reason, to, 'US', date).kind !== 'not_applicable';
  });
}
