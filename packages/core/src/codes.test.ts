import { describe, expect, it } from 'vitest';
import { controlCodeAncestry, controlCodeCovers, isSoftwareOrTechnologyCode, normalizeCas, normalizeCnCode, normalizeControlCode, normalizeHs, normalizeListCode } from './codes.js';
import { compareVerdicts, mostRestrictive, strictestPolicy, VERDICT_PRECEDENCE } from './verdict.js';

describe('codes', () => {
  it('normalises HS and China codes', () => {
    expect(normalizeHs('8112.92')).toBe('811292');
    expect(normalizeHs('81 12 92 90 10')).toBe('8112929010');
    expect(normalizeHs('811')).toBeUndefined();
    expect(normalizeCnCode('81129290')).toBe('81129290');
    expect(normalizeCnCode('811292901')).toBeUndefined();
  });
  it('normalises list codes and their ancestry', () => {
    expect(normalizeControlCode(' 1c902.A ')).toBe('1C902.a');
    expect(normalizeControlCode('ear99')).toBe('EAR99');
    expect(normalizeControlCode('1C9')).toBeUndefined();
    expect(controlCodeAncestry('3A001.e.1')).toEqual(['3A001.e.1', '3A001.e', '3A001']);
    expect(controlCodeCovers('1C117', '1C117.c')).toBe(true);
    expect(controlCodeCovers('1C117.c', '1C117')).toBe(false);
    expect(controlCodeCovers('1C11', '1C117')).toBe(false);
  });
  it('reads a number of China\'s technology catalogue as a cnControlCode only, and EAR99 as an ECCN only', () => {
    expect(normalizeListCode(' 083201x ', 'cnControlCode')).toBe('083201X');
    expect(normalizeListCode('053302J', 'cnControlCode')).toBe('053302J');
    expect(normalizeListCode('083201X', 'eccn')).toBeUndefined();
    expect(normalizeListCode('083201X', 'euCode')).toBeUndefined();
    // Six digits and J or X, nothing else.
    expect(normalizeListCode('08320X', 'cnControlCode')).toBeUndefined();
    expect(normalizeListCode('083201Y', 'cnControlCode')).toBeUndefined();
    expect(normalizeListCode('1c902.A', 'cnControlCode')).toBe('1C902.a');
    expect(normalizeListCode('ear99', 'eccn')).toBe('EAR99');
    expect(normalizeListCode('EAR99', 'cnControlCode')).toBeUndefined();
  });
  it('checks CAS check digits', () => {
    expect(normalizeCas('7440-55-3')).toBe('7440-55-3');
    expect(normalizeCas('7440-55-4')).toBeUndefined();
    // Without hyphens only where the text is known to be a CAS number, and still checked.
    expect(normalizeCas('7440553')).toBeUndefined();
    expect(normalizeCas('7440553', { undashed: true })).toBe('7440-55-3');
    expect(normalizeCas(' 1310538 ', { undashed: true })).toBe('1310-53-8');
    expect(normalizeCas('7440554', { undashed: true })).toBeUndefined();
    expect(normalizeCas('7440', { undashed: true })).toBeUndefined();
  });
});

describe('isSoftwareOrTechnologyCode', () => {
  it('is true for product groups D and E and for China technology-catalogue numbers, false for goods', () => {
    expect(['1E001', '3D001', '3E001.a', '083201X', '053302J'].map(isSoftwareOrTechnologyCode)).toEqual([true, true, true, true, true]);
    expect(['1C010.a', '3A090', '2B001', 'EAR99', '0A521'].map(isSoftwareOrTechnologyCode)).toEqual([false, false, false, false, false]);
  });
});

describe('verdict precedence', () => {
  it('orders verdicts from most to least restrictive', () => {
    expect(VERDICT_PRECEDENCE).toEqual(['prohibited', 'license_required', 'needs_information', 'authorization_available', 'no_license_required', 'not_controlled']);
    for (let i = 0; i + 1 < VERDICT_PRECEDENCE.length; i++) {
      expect(compareVerdicts(VERDICT_PRECEDENCE[i]!, VERDICT_PRECEDENCE[i + 1]!)).toBeLessThan(0);
      expect(mostRestrictive([VERDICT_PRECEDENCE[i + 1]!, VERDICT_PRECEDENCE[i]!])).toBe(VERDICT_PRECEDENCE[i]);
    }
    expect(mostRestrictive([])).toBe('not_controlled');
  });
  it('picks the strictest licence policy', () => {
    expect(strictestPolicy(['presumption_of_approval', 'case_by_case', undefined])).toBe('case_by_case');
    expect(strictestPolicy(['case_by_case', 'presumption_of_denial'])).toBe('presumption_of_denial');
    expect(strictestPolicy([])).toBeUndefined();
  });
});
