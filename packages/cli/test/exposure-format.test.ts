import { describe, expect, it } from 'vitest';
import type { ExposureResponse } from '@chokepoint/core';
import { formatExposure } from '../src/commands/exposure.js';

/** A minimal exposure answer with one input named by code and name only, and one by taxonomy ID with a code. */
function answer(): ExposureResponse {
  const byCode = { item: { resolved: [], name: 'advanced AI accelerator IC', code: 'ECCN 3A090' }, from: 'US', transfer: 'goods' as const, via: 'hand' as const, verdict: 'license_required' as const, jurisdictions: [], questions: [] };
  const byId = { item: { resolved: ['gallium/metal'], code: 'HS 8112.92' }, from: 'CN', transfer: 'goods' as const, via: 'hand' as const, verdict: 'not_controlled' as const, jurisdictions: [], questions: [] };
  return {
    site: 'CN', date: '2026-03-01', inputs: [byCode, byId] as unknown as ExposureResponse['inputs'],
    chokepoints: [{ item: byCode.item, from: 'US', transfer: 'goods', verdict: 'license_required', why: 'US: a licence is needed.' }] as unknown as ExposureResponse['chokepoints'],
    timeline: [], advisories: [], warnings: [],
  } as unknown as ExposureResponse;
}

describe('formatExposure', () => {
  it('shows an input named without a taxonomy ID by the code and name the plan gave, never a blank', () => {
    const text = formatExposure(answer());
    expect(text).toContain('license_required         ECCN 3A090 "advanced AI accelerator IC" from US (goods)');
    expect(text).toMatch(/license_required\s+ECCN 3A090 "advanced AI accelerator IC"\s+\(by hand\)\s+US/);
  });
  it('keeps the code the plan gave beside the item it resolved to', () => {
    expect(formatExposure(answer())).toMatch(/not_controlled\s+gallium\/metal \(HS 8112\.92\)/);
  });
  it('lists a country under sanctions on buying from it apart from the alternatives without a licence', () => {
    const r = answer();
    (r.inputs[0] as { alternatives: unknown }).alternatives = [
      { country: 'AU', share: 0.1, year: 2024, verdict: 'not_controlled' },
      { country: 'RU', share: 0.3, year: 2025, verdict: 'not_controlled', sanctions: { imposedBy: ['US', 'EU'], note: 'Imports from Russia have been banned item by item.' } },
    ];
    const text = formatExposure(r);
    expect(text).toContain('alternatives without a licence: AU (10 %, 2024)');
    expect(text).not.toMatch(/alternatives without a licence: .*RU/);
    expect(text).toContain('no export licence, but sanctions on buying from them (not checked; see the warnings): RU (30 %, 2025)');
  });
});
