import { describe, expect, it } from 'vitest';
import { conditionParameters, describeCondition, evaluateCondition } from './conditions.js';
import { compositionOf, type Composition } from './composition.js';
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

describe('an element the request does not mention (#12.3: one composition rule)', () => {
  const comp = (parameters: Record<string, number>): Composition => compositionOf({ parameters }, () => ({ nodes: [], lineage: new Set(), matchedBy: [], conflicts: [] }));
  // 15 CFR 774 Supp. 1, 1C117.c: tungsten of 97 % or more, or tungsten infiltrated with copper or silver of 80 % W or more.
  const c117c: Condition = { any: [{ param: 'fraction.W', op: '>=', value: 0.97 }, { all: [{ param: 'fraction.W', op: '>=', value: 0.8 }, { any: [{ param: 'fraction.Cu', op: '>', value: 0 }, { param: 'fraction.Ag', op: '>', value: 0 }] }] }] };
  const read = (p: Record<string, number>) => evaluateCondition(c117c, p, comp(p));
  it('W 95 % and nothing else: copper and silver are unknown, asked, never assumed absent', () => {
    expect(read({ 'fraction.W': 0.95 })).toEqual({ value: 'unknown', missing: ['fraction.Cu', 'fraction.Ag'] });
  });
  it('W 95 % + Cu 5 % (100 %): decided, infiltrated', () => {
    expect(read({ 'fraction.W': 0.95, 'fraction.Cu': 0.05 }).value).toBe(true);
  });
  it('W 95 % + Ni 3.5 % + Fe 1.5 % (100 %): decided, neither copper nor silver', () => {
    expect(read({ 'fraction.W': 0.95, 'fraction.Ni': 0.035, 'fraction.Fe': 0.015 }).value).toBe(false);
  });
  it('100 % within 0.1 point of rounding counts as complete; 99.8 % does not', () => {
    expect(read({ 'fraction.W': 0.95, 'fraction.Ni': 0.035, 'fraction.Fe': 0.014 }).value).toBe(false);
    expect(read({ 'fraction.W': 0.95, 'fraction.Ni': 0.035, 'fraction.Fe': 0.013 }).value).toBe('unknown');
  });
  it('what is left bounds an unmentioned element: W 95 % rules out 97 % Mo, not 1 % Mo', () => {
    const p = { 'fraction.W': 0.95 };
    expect(evaluateCondition({ param: 'fraction.Mo', op: '>=', value: 0.97 }, p, comp(p)).value).toBe(false);
    expect(evaluateCondition({ param: 'fraction.Mo', op: '<', value: 0.5 }, p, comp(p)).value).toBe(true);
    expect(evaluateCondition({ param: 'fraction.Mo', op: '>=', value: 0.01 }, p, comp(p)).value).toBe('unknown');
  });
  it('a zero share is the only statement of absence short of a complete composition', () => {
    const p = { 'fraction.Dy': 0 };
    expect(evaluateCondition({ param: 'fraction.Tb', op: '>', value: 0 }, p, comp(p))).toEqual({ value: 'unknown', missing: ['fraction.Tb'] });
    expect(evaluateCondition({ param: 'fraction.Dy', op: '>', value: 0 }, p, comp(p)).value).toBe(false);
  });
  it('compound shares are not elements: never inferred, never summed', () => {
    const p = { 'fraction.SiO2': 0.5, 'fraction.Si': 0.5 };
    expect(comp(p).complete).toBe(false);
    expect(evaluateCondition({ param: 'fraction.Al2O3', op: '>', value: 0 }, p, comp(p)).value).toBe('unknown');
  });
});
