import { describe, expect, it } from 'vitest';
import { conditionParameters, describeCondition, evaluateCondition } from './conditions.js';
import type { Condition } from './types.js';

const graphite: Condition = { all: [{ param: 'purity', op: '>', value: 0.999 }, { param: 'flexuralStrengthMPa', op: '>', value: 30 }, { param: 'densityGPerCm3', op: '>', value: 1.73 }] };

describe('evaluateCondition', () => {
  it('is true only when every branch of all() holds', () => {
    expect(evaluateCondition(graphite, { purity: 0.9995, flexuralStrengthMPa: 35, densityGPerCm3: 1.8 }).value).toBe(true);
    expect(evaluateCondition(graphite, { purity: 0.999, flexuralStrengthMPa: 35, densityGPerCm3: 1.8 }).value).toBe(false);
  });
  it('names the missing parameters when they could change the outcome', () => {
    expect(evaluateCondition(graphite, { purity: 0.9995 })).toEqual({ value: 'unknown', missing: ['flexuralStrengthMPa', 'densityGPerCm3'] });
    expect(evaluateCondition(graphite, { purity: 0.9 }).value).toBe(false);
  });
  it('any() is true as soon as one branch holds', () => {
    const c: Condition = { any: [{ param: 'innerDiameterMm', op: '>=', value: 500 }, { param: 'pressureGPa', op: '>=', value: 5 }] };
    expect(evaluateCondition(c, { pressureGPa: 6 }).value).toBe(true);
    expect(evaluateCondition(c, { pressureGPa: 4 })).toEqual({ value: 'unknown', missing: ['innerDiameterMm'] });
    expect(evaluateCondition(c, { pressureGPa: 4, innerDiameterMm: 100 }).value).toBe(false);
  });
  it('not() inverts, keeping unknown', () => {
    expect(evaluateCondition({ not: { param: 'ppm.Ag', op: '<', value: 10 } }, { 'ppm.Ag': 5 }).value).toBe(false);
    expect(evaluateCondition({ not: { param: 'ppm.Ag', op: '<', value: 10 } }, {}).value).toBe('unknown');
  });
  it('compares with every operator at the boundary', () => {
    const at = (op: '>' | '>=' | '<' | '<=' | '==') => evaluateCondition({ param: 'x', op, value: 1 }, { x: 1 }).value;
    expect([at('>'), at('>='), at('<'), at('<='), at('==')]).toEqual([false, true, false, true, true]);
  });
  it('lists and describes parameters', () => {
    expect(conditionParameters(graphite)).toEqual(['purity', 'flexuralStrengthMPa', 'densityGPerCm3']);
    expect(describeCondition(graphite)).toBe('purity > 0.999 and flexuralStrengthMPa > 30 and densityGPerCm3 > 1.73');
  });
});
