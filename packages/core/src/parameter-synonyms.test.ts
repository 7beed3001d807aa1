import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.js';
import { PARAMETER_SYNONYMS, SCALED_PARAMETERS } from './parameter-synonyms.js';
import { normalizeRequest } from './request.js';
import { fixtureTaxonomy } from './test-support/fixture-taxonomy.js';

const taxonomy = fixtureTaxonomy();
const params = (parameters: Record<string, unknown>, content?: Record<string, unknown>) =>
  normalizeRequest({ item: { id: 'tungsten/alloy', parameters, ...(content ? { content: [{ item: { id: 'gallium/metal', parameters: content }, origin: 'CN', valueShare: 0.1 }] } : {}) }, from: 'AA', to: 'IN', date: '2025-06-01' }, { taxonomy, jurisdictions: new Set(['AA']) }).item;

describe('parameter names plugins gave one fact', () => {
  it('a name of a group gives its value to every other name of the group, in the item and in its content', () => {
    const item = params({ formHollowCylinder: 1, 'massRatio.HfZr': 0.001 }, { he3MassG: 0.5 });
    expect(item.parameters).toEqual({ formHollowCylinder: 1, hollowCylindricalForm: 1, 'massRatio.HfZr': 0.001, ratioHfToZrByWeight: 0.001, hafniumToZirconiumRatio: 0.001 });
    expect(item.content![0]!.item.parameters).toEqual({ he3MassG: 0.5, 'massG.He3': 0.5 });
  });

  it('leaves other parameters as given', () => {
    expect(params({ purity: 0.9999, 'fraction.W': 0.95 }).parameters).toEqual({ purity: 0.9999, 'fraction.W': 0.95 });
  });

  it('refuses two names of one fact with different values, naming the field and both values', () => {
    let error: unknown;
    try {
      params({ hollowCylindricalForm: 1, formHollowCylinder: 0 });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toEqual([{ path: 'item.parameters.formHollowCylinder', message: expect.stringMatching(/same fact as hollowCylindricalForm.*given a different value: 0 against 1/) }]);
    // The same value twice is no contradiction.
    expect(params({ hollowCylindricalForm: 1, formHollowCylinder: 1 }).parameters).toEqual({ hollowCylindricalForm: 1, formHollowCylinder: 1 });
  });

  it('a name in other units gives its value scaled, without a rounding error at a threshold', () => {
    expect(params({ elongation: 0.08 }).parameters).toEqual({ elongation: 0.08, elongationPct: 8 });
    expect(params({ elongationPct: 12.5 }).parameters).toEqual({ elongationPct: 12.5, elongation: 0.125 });
    expect(params({ elongation: 0.07, elongationPct: 7 }).parameters).toEqual({ elongation: 0.07, elongationPct: 7 });
    expect(() => params({ elongation: 0.07, elongationPct: 9 })).toThrow(/item\.parameters\.elongationPct: the same fact as elongation in other units/);
  });

  it('no name belongs to two groups', () => {
    const names = [...PARAMETER_SYNONYMS.flat(), ...SCALED_PARAMETERS.flatMap((s) => [s.name, s.of])];
    expect(new Set(names).size).toBe(names.length);
  });
});
