import { describe, expect, it } from 'vitest';
import { normalizePartyName, PartyScreener } from './screening.js';
import type { ListedParty } from './types.js';

const party = (id: string, name: string, aliases: string[] = []): ListedParty => ({
  id, name, aliases, list: 'l', listTitle: 'List', measure: 'm', added: '2025-01-01', requirement: 'prohibited',
});
const screener = new PartyScreener([
  party('mp', 'MP Materials Corp.', ['MP Materials']),
  party('hii', 'Huntington Ingalls Industries, Inc.'),
  party('zkh', 'Beijing Zhong Ke San Huan High-Tech Co., Ltd.', ['北京中科三环高技术股份有限公司']),
  party('gmbh', 'Beispiel Sensorik GmbH'),
]);
const ids = (name: string) => screener.screen(name, '2026-01-01').map((m) => `${m.party.id}:${m.method}`);

describe('normalizePartyName', () => {
  it('drops case, punctuation and legal forms', () => {
    expect(normalizePartyName('Huntington Ingalls Industries, Inc.').tokens).toEqual(['huntington', 'ingalls', 'industries']);
    expect(normalizePartyName('北京中科三环高技术股份有限公司').cjk).toBe('北京中科三环高技术');
  });
});

describe('PartyScreener', () => {
  it('matches across case, punctuation and legal suffixes', () => {
    expect(ids('mp materials corporation')).toEqual(['mp:exact']);
    expect(ids('HUNTINGTON INGALLS INDUSTRIES')).toEqual(['hii:exact']);
    expect(ids('Beispiel Sensorik')).toEqual(['gmbh:exact']);
  });
  it('matches a listed name inside a longer one (branches, divisions)', () => {
    expect(ids('Huntington Ingalls Industries Newport News Shipbuilding')).toEqual(['hii:contains']);
  });
  it('matches Chinese names with or without the legal form', () => {
    expect(ids('北京中科三环高技术有限公司')).toEqual(['zkh:exact']);
    expect(ids('北京中科三环高技术')).toEqual(['zkh:exact']);
  });
  it('does not match partial words or other companies', () => {
    expect(ids('MPM Materials')).toEqual([]);
    expect(ids('Huntington Bank')).toEqual([]);
    expect(ids('Ingalls')).toEqual([]);
  });
  it('respects listing dates', () => {
    expect(screener.screen('MP Materials', '2024-12-31')).toEqual([]);
  });
});
