import type { AssessmentResponse, DataStatus, ExposureResponse, ScreeningResponse, TaxonomySearchHit } from '@chokepoint/core';

// One or two sentences an assistant can quote; the contract JSON follows in the same result.

/** "CN → US on 2025-06-01, dysprosium/oxide: license_required (CN license_required, US not_controlled)". */
export function summarizeAssessment(request: { from?: unknown; to?: unknown }, a: AssessmentResponse): string {
  const regimes = a.jurisdictions.map((j) => `${j.jurisdiction} ${j.verdict}${j.licensePolicy ? ` (${j.licensePolicy})` : ''}`).join(', ');
  const item = a.item.resolved.join(', ') || 'unresolved item';
  const questions = a.questions.length ? ` ${a.questions.length} question(s) would change the answer.` : '';
  return `${String(request.from)} → ${String(request.to)} on ${a.date}, ${item}: ${a.verdict}${regimes ? ` — ${regimes}` : ''}.${questions} Decision support, not legal advice.`;
}

/** The hits with their names, best first: "3 item(s) match "gallium": gallium (element: Gallium / 镓), …". */
export function summarizeSearch(text: string, hits: readonly TaxonomySearchHit[]): string {
  const listed = hits.map((h) => `${h.id}${h.names ? ` (${h.kind ? `${h.kind}: ` : ''}${h.names.en}${h.names.zh ? ` / ${h.names.zh}` : ''})` : ''}`);
  return `${hits.length} item(s) match "${text}"${listed.length ? `: ${listed.join('; ')}` : ''}. Use the id in assess_transfer.`;
}

/** Chokepoints of a plan, most severe first. */
export function summarizeExposure(e: ExposureResponse): string {
  const points = e.chokepoints.map((c) => `${c.item.resolved.join(', ') || c.item.name || c.item.id || 'input'} from ${c.from}: ${c.verdict}`);
  return `${e.plan ?? 'Plan'} to ${e.site} on ${e.date}: ${e.inputs.length} input(s), ${points.length} chokepoint(s)${points.length ? `: ${points.join('; ')}` : ''}.`;
}

/** Best match of a screening, if any. */
export function summarizeScreening(s: ScreeningResponse): string {
  const best = s.matches[0];
  // Lists out of date or not whole: a name without a match on them is not cleared (the answer's warnings say which).
  const limits = s.warnings?.length ? ` ${s.warnings.map((w) => w.message).join(' ')}` : '';
  if (!best) {
    const near = s.nearMatches ?? [];
    const closest = near.length ? ` Closest names below the threshold, not matches, for review: ${near.map((m) => `${m.matchedName} on ${m.listName} (score ${m.score})`).join('; ')}.` : '';
    return `No match for "${s.query.name}" on ${s.lists.length} list(s).${closest}${limits}`;
  }
  const unverified = s.matches.filter((m) => m.warnings?.some((w) => w.code === 'listing_expiry_unverified')).length;
  const address = best.address && (best.address.shared.length ? ` The address given shares ${best.address.shared.length} word(s) with its listed address "${best.address.address}".` : ' The address given shares no word with its listed addresses: it may be another party of that name.');
  // A brand match names the brand, not the party: say which listed party it stands for, and that the group may be meant.
  const what = best.brand ? `${best.entry.name} (the name carries its brand "${best.brand}": it may be that party or another of its group; screen the full legal name)` : best.matchedName;
  return `${s.matches.length} match(es) for "${s.query.name}"; best: ${what} on ${best.listName} (score ${best.score}, ${best.consequence}).`
    + (address || '')
    + (unverified ? ` ${unverified} listing(s) were due to expire after the list copy was taken and may have been renewed (listing_expiry_unverified): check the current list.` : '')
    + limits;
}

/** Plugins and lists the answers rest on. */
export function summarizeDataStatus(d: DataStatus): string {
  const plugins = d.plugins.map((p) => `${p.plugin} ${p.version} (verified through ${p.dataVerifiedThrough})`).join(', ');
  const stale = d.lists.filter((l) => l.stale).length;
  return `${d.plugins.length} plugin(s): ${plugins}. ${d.lists.length} screening list(s)${stale ? `, ${stale} stale` : ''}; ${d.amendments.length} amendment(s).`;
}
