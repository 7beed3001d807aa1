import type { LicensePolicy, Verdict } from './types.js';

/** Verdicts from most to least restrictive (CONTRACT §3). */
export const VERDICT_PRECEDENCE: readonly Verdict[] = Object.freeze([
  'prohibited',
  'license_required',
  'needs_information',
  'authorization_available',
  'no_license_required',
  'not_controlled',
]);

const VERDICT_RANK: Record<Verdict, number> = {
  prohibited: 0,
  license_required: 1,
  needs_information: 2,
  authorization_available: 3,
  no_license_required: 4,
  not_controlled: 5,
};

/** Licence review policies from strictest to most lenient. */
export const LICENSE_POLICY_PRECEDENCE: readonly LicensePolicy[] = Object.freeze([
  'presumption_of_denial',
  'case_by_case',
  'presumption_of_approval',
]);

const POLICY_RANK: Record<LicensePolicy, number> = {
  presumption_of_denial: 0,
  case_by_case: 1,
  presumption_of_approval: 2,
};

/** Rank of a review policy, strictest first; no policy (a licence without a stated review) ranks last. */
export function policyRank(policy: LicensePolicy | undefined): number {
  return policy === undefined ? LICENSE_POLICY_PRECEDENCE.length : POLICY_RANK[policy];
}

/** True when `value` is one of the six verdicts. */
export function isVerdict(value: unknown): value is Verdict {
  return typeof value === 'string' && value in VERDICT_RANK;
}

/** Compares two verdicts: negative when `a` is more restrictive than `b`. */
export function compareVerdicts(a: Verdict, b: Verdict): number {
  return VERDICT_RANK[a] - VERDICT_RANK[b];
}

/** The more restrictive of two verdicts (`a` when they rank alike). */
export function moreRestrictive(a: Verdict, b: Verdict): Verdict {
  return VERDICT_RANK[b] < VERDICT_RANK[a] ? b : a;
}

/** The most restrictive of the given verdicts; `not_controlled` when there are none. */
export function mostRestrictive(verdicts: Iterable<Verdict>): Verdict {
  let best: Verdict = 'not_controlled';
  for (const v of verdicts) best = moreRestrictive(best, v);
  return best;
}

/** The strictest of the given review policies, or undefined when there are none. */
export function strictestPolicy(policies: Iterable<LicensePolicy | undefined>): LicensePolicy | undefined {
  let best: LicensePolicy | undefined;
  for (const p of policies) {
    if (p !== undefined && (best === undefined || POLICY_RANK[p] < POLICY_RANK[best])) best = p;
  }
  return best;
}
