import { createEngine, validatePartyList, type AssessmentRequest } from '@chokepoint/core';
import { loadTaxonomy } from '@chokepoint/taxonomy';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { UNVERIFIED_LIST_COPY } from '../src/lists.js';
import { M } from '../src/measures.js';

// The bundled Unverified List: Supplement No. 6 to Part 744 as printed in the eCFR on 2026-09-24 (186 entries).
// Names, addresses and citations below are read from that text; the tests check the plugin reads them.
const engine = createEngine({ taxonomy: loadTaxonomy(), plugins: [plugin] });
const us = (r: Partial<AssessmentRequest>) =>
  engine.assess({ item: { eccn: 'EAR99' }, from: 'US', to: 'AE', date: '2026-10-01', endUse: 'civil', ...r } as AssessmentRequest).jurisdictions.find((j) => j.jurisdiction === 'US')!;
const entry = (name: string) => UNVERIFIED_LIST_COPY.entries.find((e) => e.name === name)!;

describe('the bundled Unverified List', () => {
  it('is a valid list of 186 entries dated 2026-09-24, sourced to Supplement No. 6 in the eCFR', () => {
    expect(validatePartyList(UNVERIFIED_LIST_COPY)).toEqual([]);
    expect(UNVERIFIED_LIST_COPY.entries).toHaveLength(186);
    expect(UNVERIFIED_LIST_COPY.asOf).toBe('2026-09-24');
    expect(UNVERIFIED_LIST_COPY.source.url).toMatch(/part-744\/appendix-Supplement%20No\.%206%20to%20Part%20744$/);
    expect(new Set(UNVERIFIED_LIST_COPY.entries.map((e) => e.id)).size).toBe(186);
  });

  it('dates each entry by the earliest notice it cites, keeps its addresses and reads its a.k.a. names as aliases', () => {
    expect(entry('Brilliance Technology Ltd')).toMatchObject({ country: 'HK', listedOn: '2014-06-16', notice: '79 FR 34220, June 16, 2014; 82 FR 16732, April 6, 2017', aliases: ['Brilliance Technology Group'] });
    expect(entry('Brilliance Technology Ltd').addresses).toHaveLength(2);
    expect(entry('Finland Multi Center FMC OY')).toMatchObject({ country: 'FI', listedOn: '2025-04-25', aliases: ['Finland Multi Center OY', 'Finland Multi Center'] });
    // Hong Kong addresses stand under the heading of China: the entry takes HK; one in mainland China keeps CN.
    expect(entry('Haofeng Industrial Co., Ltd.').country).toBe('HK');
    expect(entry('Harbin Xinguang Feitian').country).toBe('CN');
  });

  it('a listed end user makes the US answer needs_information with the UVL finding, and bars licence exceptions', () => {
    const r = us({ to: 'HK', endUser: { name: 'Brilliance Technology Group', country: 'HK' } });
    expect(r.verdict).toBe('needs_information');
    const f = r.findings.find((x) => x.measure.id === M.unverifiedList)!;
    expect(f).toMatchObject({ status: 'in_force', requirement: 'needs_information', party: { list: 'us-unverified-list', name: 'Brilliance Technology Ltd' } });
    const warnings = engine.assess({ item: { eccn: 'EAR99' }, from: 'US', to: 'HK', date: '2026-10-01', endUse: 'civil', endUser: { name: 'Brilliance Technology Group', country: 'HK' } }).warnings;
    expect(warnings.find((w) => w.code === 'no_licence_exceptions')?.message).toMatch(/Unverified List.*15 CFR 744\.15/);
    expect(warnings.some((w) => /An Entity List party/.test(w.message))).toBe(false);
  });

  it('asks for the UVL statement, and the answer settles the finding (15 CFR 744.15(b))', () => {
    const ask = (parameters?: Record<string, number>) => engine.assess({ item: { eccn: 'EAR99', ...(parameters ? { parameters } : {}) }, from: 'US', to: 'HK', date: '2026-10-01', endUse: 'civil', endUser: { name: 'Brilliance Technology Group', country: 'HK' } });
    expect(ask().questions).toEqual([expect.objectContaining({ parameter: 'ear.uvlStatementHeld', candidates: ['1', '0'], prompt: expect.stringMatching(/UVL statement \(15 CFR 744\.15\(b\)\)/) })]);
    const held = ask({ 'ear.uvlStatementHeld': 1 });
    expect([held.verdict, held.questions]).toEqual(['no_license_required', []]);
    expect(held.warnings.some((w) => w.code === 'no_licence_exceptions')).toBe(true);
    const notHeld = ask({ 'ear.uvlStatementHeld': 0 });
    expect(notHeld.verdict).toBe('needs_information');
    expect(notHeld.jurisdictions.find((j) => j.jurisdiction === 'US')!.findings.find((f) => f.party)!.reason).toMatch(/may not go ahead until the party gives it/);
    // A controlled item needs its licence whatever the statement: the listing never lowers another rule's answer.
    expect(engine.assess({ item: { eccn: '3A001.a.1.a', parameters: { 'ear.uvlStatementHeld': 1 } }, from: 'US', to: 'HK', date: '2026-10-01', endUse: 'civil', endUser: { name: 'Brilliance Technology Group', country: 'HK' } }).verdict).toBe('license_required');
  });

  it('does not hit before the notice that added the party', () => {
    const before = us({ date: '2025-04-24', endUser: { name: 'Finland Multi Center FMC OY', country: 'FI' } });
    expect(before.findings.some((x) => x.measure.id === M.unverifiedList)).toBe(false);
    const after = us({ date: '2025-04-25', endUser: { name: 'Finland Multi Center FMC OY', country: 'FI' } });
    expect(after.findings.some((x) => x.measure.id === M.unverifiedList && x.status === 'in_force')).toBe(true);
  });

  it('screening finds a party by an a.k.a. name with its list and consequence', () => {
    const m = engine.screen({ name: 'Sur-Link International (HK) Ltd.', lists: ['us-unverified-list'] }).matches[0]!;
    expect(m).toMatchObject({ list: 'us-unverified-list', entry: { name: 'Sur-Link Technology (HK) Ltd.', country: 'HK', listedOn: '2016-06-21' }, matchedName: 'Sur-Link International (HK) Ltd.', score: 1, consequence: 'needs_information' });
  });
});
