import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from 'commander';
import { ValidationError } from '@chokepoint/core';
import { collectParameter, parsePositiveInteger, validationToUsage } from './usage.js';

describe('collectParameter', () => {
  it('accumulates NAME=NUMBER pairs', () => {
    expect(collectParameter('fraction.W=0.95', collectParameter('purity=0.9999', undefined))).toEqual({ purity: 0.9999, 'fraction.W': 0.95 });
  });

  it.each(['purity', 'purity=', '=1', 'purity=high'])('rejects %j naming the expected form', (value) => {
    expect(() => collectParameter(value, undefined)).toThrow(InvalidArgumentError);
    expect(() => collectParameter(value, undefined)).toThrow(/NAME=NUMBER/);
  });
});

describe('parsePositiveInteger', () => {
  it('accepts whole numbers from 1', () => expect(parsePositiveInteger('25')).toBe(25));
  it.each(['0', '-1', '2.5', 'ten', ''])('rejects %j', (v) => expect(() => parsePositiveInteger(v)).toThrow(InvalidArgumentError));
});

describe('validationToUsage', () => {
  const flags = { from: '--from', 'item.hs': '--hs', 'item.parameters.': '--param', jurisdictions: '--jurisdiction' };

  it('names the flag for each field, including indexed and prefixed paths', () => {
    const err = new ValidationError([
      { path: 'from', message: 'expected an ISO 3166-1 alpha-2 country code such as "CN", got "XXX"' },
      { path: 'item.hs', message: 'expected an HS code' },
      { path: 'item.parameters.purity', message: 'expected a fraction' },
      { path: 'jurisdictions[1]', message: 'no installed plugin for "XX"' },
    ]);
    expect(validationToUsage(err, flags).message.split('\n')).toEqual([
      '--from: expected an ISO 3166-1 alpha-2 country code such as "CN", got "XXX"',
      '--hs: expected an HS code',
      '--param purity: expected a fraction',
      '--jurisdiction: no installed plugin for "XX"',
    ]);
  });

  it('falls back to the field path when no flag carries it', () => {
    expect(validationToUsage(new ValidationError([{ path: 'endUser.nationalities[0]', message: 'bad' }]), flags).message).toBe('endUser.nationalities[0]: bad');
  });
});
