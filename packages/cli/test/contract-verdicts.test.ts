import { createEngine, type AssessmentResponse, type Verdict } from '@chokepoint/core';
import { describe, expect, it } from 'vitest';

// CONTRACT §3's rules on verdicts, checked on every answer to thousands of varied requests (the bench's seeded stream,
// drawn from the project's own data: every item by every identifier kind, sixty countries, 2023–2026, parameters,
// end uses and listed parties), with the official plugins. Each rule broke on such a stream before it was fixed
// (contract review of 2026-12-06, N1–N3; the 2026-12-07 checks), and none is tuned to a case.
const ORDER: Verdict[] = ['prohibited', 'license_required', 'needs_information', 'authorization_available', 'no_license_required', 'not_controlled'];

/**
 * The known exception, recognised by what the answer itself says: a bundled US Entity List entry whose review policy
 * the copy does not record (the finding says so). An entry whose licence requirement covers only some items or uses,
 * the other exception until 2026-12-07, now asks (ear.entityListScopeMet).
 */
const policyNotRecorded = (j: AssessmentResponse['jurisdictions'][number]) =>
  j.findings.some((f) => f.status === 'in_force' && f.requirement === 'license_required' && f.party && /review policy of this entry is not recorded/.test(f.reason));

function violations(a: AssessmentResponse): string[] {
  const out: string[] = [];
  const reached = a.jurisdictions.filter((j) => j.reaches).map((j) => j.verdict).sort((x, y) => ORDER.indexOf(x) - ORDER.indexOf(y));
  if (a.verdict !== (reached[0] ?? 'not_controlled')) out.push(`verdict ${a.verdict}, most restrictive regime ${reached[0]}`);
  if (a.verdict === 'needs_information' && !a.questions.length) out.push('needs_information without a question');
  for (const j of a.jurisdictions) {
    const inForce = j.findings.filter((f) => f.status === 'in_force');
    const binding = inForce.filter((f) => f.requirement === 'prohibited' || f.requirement === 'license_required');
    if (!j.reaches && j.verdict !== 'not_controlled') out.push(`${j.jurisdiction} not reached but ${j.verdict}`);
    if (j.verdict === 'not_controlled' && binding.length) out.push(`${j.jurisdiction} not_controlled beside an in-force ${binding[0]!.requirement}`);
    if (j.verdict === 'prohibited' && !inForce.some((f) => f.requirement === 'prohibited')) out.push(`${j.jurisdiction} prohibited without a prohibiting finding in force`);
    if (j.verdict === 'license_required' && !inForce.some((f) => f.requirement === 'license_required')) out.push(`${j.jurisdiction} license_required without such a finding in force`);
    if (j.verdict === 'license_required' && !j.licensePolicy && !policyNotRecorded(j)) out.push(`${j.jurisdiction} license_required without licensePolicy`);
    if (j.verdict === 'no_license_required' && !inForce.length) out.push(`${j.jurisdiction} no_license_required without an entry in force`);
    if (j.verdict === 'authorization_available' && !j.authorizations.length) out.push(`${j.jurisdiction} authorization_available without an authorisation`);
  }
  return out;
}

describe('CONTRACT §3 verdict rules on a varied stream', () => {
  it('hold on every answer to 12,000 seeded requests', async () => {
    // The bench's stream module, from the built packages (an untyped module, loaded by path).
    const streamModule = new URL('../../../bench/stream.mjs', import.meta.url).href;
    const { loadWorld, variedStream } = (await import(streamModule)) as {
      loadWorld(): Promise<{ taxonomy: Parameters<typeof createEngine>[0]['taxonomy']; plugins: Parameters<typeof createEngine>[0]['plugins'] }>;
      variedStream(world: unknown, seed: number, n: number): unknown[];
    };
    const world = await loadWorld();
    const engine = createEngine({ taxonomy: world.taxonomy, plugins: world.plugins });
    const broken = new Map<string, unknown>();
    let answered = 0;
    for (const seed of [0x1234, 777, 0xc0de]) {
      for (const request of variedStream(world, seed, 4000)) {
        let answer: AssessmentResponse;
        try {
          answer = engine.assess(request);
        } catch (err) {
          // The stream holds some requests the engine refuses on purpose (shares over 100 %, say): those are answers too.
          if ((err as { code?: string }).code === 'invalid_request') continue;
          throw err;
        }
        answered++;
        for (const v of violations(answer)) if (!broken.has(v)) broken.set(v, request);
      }
    }
    expect(answered).toBeGreaterThan(11_000);
    expect([...broken].map(([v, r]) => `${v}: ${JSON.stringify(r)}`)).toEqual([]);
  }, 120_000);
});
