import type { EvaluationContext, EvaluationResult } from '@chokepoint/core';

/** First reported grant of general licences to rare-earth exporters (Reuters, 2025-12-02). */
const GENERAL_LICENCES_FROM = '2025-12-02';
const RARE_EARTH_MEASURE = 'cn-mofcom-2025-18';
const NOTE =
  ' Since December 2025 MOFCOM has granted general licences to some large rare-earth exporters for named customers (about one year); ask your Chinese supplier whether its general licence covers you, otherwise an individual licence is needed.';

/**
 * Adds what is known of general licences to rare-earth findings: information for the user, never a
 * change of verdict (the licence is the Chinese exporter's, and only some exporters hold one).
 */
export function noteGeneralLicences(ctx: EvaluationContext): EvaluationResult | undefined {
  if (ctx.request.date < GENERAL_LICENCES_FROM) return undefined;
  for (const f of ctx.findings) {
    if (f.measure.id === RARE_EARTH_MEASURE && f.status === 'in_force' && !f.reason.endsWith(NOTE)) f.reason += NOTE;
  }
  return undefined;
}

/**
 * Hong Kong and Macao are separate customs territories, so a shipment there leaves the PRC's; whether
 * each announcement treats it as an export was not checked in the sources, so the answer says so.
 */
export function noteSpecialRegions(ctx: EvaluationContext): EvaluationResult | undefined {
  if (ctx.request.from !== 'CN' || !['HK', 'MO'].includes(ctx.request.to) || !ctx.findings.some((f) => f.status === 'in_force')) return undefined;
  return {
    warnings: [{ code: 'scope_unverified', message: `Shipments from the mainland to ${ctx.request.to === 'HK' ? 'Hong Kong' : 'Macao'} leave the PRC customs territory and are treated here as exports; the sources read do not confirm how each announcement applies to them.` }],
  };
}
