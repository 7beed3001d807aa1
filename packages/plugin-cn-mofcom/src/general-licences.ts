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
