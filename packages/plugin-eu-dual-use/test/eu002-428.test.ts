import type { AssessmentRequest } from '@chokepoint/core';
import { PluginTester } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { ANNEX_I } from '../src/annex-i.js';
import { EU002_428, eu002Of428 } from '../src/annex-i-428.js';

// EU002 of Regulation 428/2009 (Annex IIb), read in legalize-eu eu/50/32009R0428.md at commit 481dc51d (consolidated
// 02009R0428-20140702) and at commit 055cb95e (the last consolidated text, last_updated 2021-10-07): Part 1 lists
// 1A001 ... 3C001-3C006, Part 2 Argentina, Croatia, Iceland, South Africa, South Korea and Turkey. Modelled from
// 2014-07-02 (the first text read) to 2021-09-08; from 2021-09-09 the Annex II of Regulation 2021/821 applies, where
// Iceland is an EU001 destination.
const t = new PluginTester(plugin);
const req = (item: AssessmentRequest['item'], to: string, date: string, extra: Partial<AssessmentRequest> = {}): AssessmentRequest => ({ item, from: 'DE', to, date, endUse: 'civil', ...extra });
const eu = (r: AssessmentRequest) => t.engine.assess(r).jurisdictions[0]!;
const ids = (r: AssessmentRequest) => eu(r).authorizations.map((a) => a.id);
const B12: AssessmentRequest = { item: { euCode: '3C005' }, from: 'DE', to: 'IS', date: '2021-06-01', endUse: 'civil' };

t.run('EU002 of Regulation 428/2009 (Annex IIb)', [
  { name: 'B12: 3C005 from Germany to Iceland on 2021-06-01: EU002 of Annex IIb', request: B12, verdict: 'authorization_available', authorizations: ['EU002'],
    findings: [{ measure: 'eu-reg-428-2009', entry: 'annex-i-428-2009', code: '3C005', status: 'in_force', requirement: 'license_required' }], warnings: ['annex_history_inferred'] },
  { name: 'the same to China: not an Annex IIb destination, a licence', request: { ...B12, to: 'CN' }, verdict: 'license_required',
    findings: [{ measure: 'eu-reg-428-2009', code: '3C005', status: 'in_force', requirement: 'license_required' }] },
  { name: '1C229 (bismuth, not in Part 1) to Iceland on 2021-06-01: no EU002, and Iceland is no EU001 country under 428/2009', request: req({ euCode: '1C229' }, 'IS', '2021-06-01'), verdict: 'license_required',
    findings: [{ measure: 'eu-reg-428-2009', code: '1C229', status: 'in_force', requirement: 'license_required' }] },
  { name: 'on 2021-09-09 Regulation 2021/821 applies: EU001 covers Iceland', request: { ...B12, date: '2021-09-09' }, verdict: 'authorization_available', authorizations: ['EU001'],
    findings: [{ measure: 'eu-reg-2021-821', code: '3C005', status: 'in_force' }], noFindings: [{ measure: 'eu-reg-428-2009', status: 'in_force' }] },
  { name: 'GaN substrates (3C005.a) to South Korea in 2016: EU002', request: req({ euCode: '3C005.a' }, 'KR', '2016-05-01'), verdict: 'authorization_available', authorizations: ['EU002'] },
  { name: '3C001 to Turkey on the first day read (2014-07-02): EU002', request: req({ euCode: '3C001' }, 'TR', '2014-07-02'), verdict: 'authorization_available', authorizations: ['EU002'] },
  { name: '3C006 to Argentina on 428/2009\'s last day (2021-09-08): EU002', request: req({ euCode: '3C006' }, 'AR', '2021-09-08'), verdict: 'authorization_available', authorizations: ['EU002'] },
  { name: '3C005 to Iceland on 2014-07-01, before the texts read: the listing is asked', request: req({ euCode: '3C005' }, 'IS', '2014-07-01'), verdict: 'needs_information', questions: ['eu.listedUnder428'] },
  { name: '... stated listed then: a licence; EU002 is not offered, its first day not being verified, and a warning says so', request: req({ euCode: '3C005', parameters: { 'eu.listedUnder428': 1 } }, 'IS', '2014-07-01'), verdict: 'license_required',
    warnings: ['general_authorisation_unverified'], findings: [{ measure: 'eu-reg-428-2009', code: '3C005', requirement: 'license_required' }] },
  { name: 'a WMD end use: no EU002 (Part 3)', request: { ...B12, endUse: 'wmd' }, verdict: 'license_required' },
]);

describe('EU002 of Regulation 428/2009: scope', () => {
  it('B12 answers EU002 alone, with its conditions (X002 in box 44, notification of first use)', () => {
    const r = eu(B12);
    expect(r.authorizations.map((a) => a.id)).toEqual(['EU002']);
    const [a] = r.authorizations;
    expect(a!.url).toMatch(/Annex IIb/);
    expect(a!.conditions).toEqual(EU002_428.conditions);
    expect(a!.conditions.join(' ')).toMatch(/X002/);
    expect(a!.conditions.join(' ')).toMatch(/30 days/);
    expect(r.warnings?.map((w) => w.code) ?? []).not.toContain('general_authorisation_unverified');
  });
  it('is not offered outside Part 2 (China, the United States), nor outside its dates', () => {
    expect(ids({ ...B12, to: 'CN' })).toEqual([]);
    expect(ids({ ...B12, to: 'US', date: '2020-06-01' })).toEqual(['EU001']);
    expect(ids({ ...B12, date: '2021-09-09' })).toEqual(['EU001']);
    expect(eu002Of428(['3C005'], 'IS', '2014-07-01')).toBeUndefined();
    expect(eu002Of428(['3C005'], 'IS', '2021-09-09')).toBeUndefined();
    expect(eu002Of428(['3C005'], 'IS', '2021-09-08')?.id).toBe('EU002');
  });
  it('is not offered for an item outside Part 1 (1C229, 1C226 to Iceland)', () => {
    expect(ids(req({ euCode: '1C229' }, 'IS', '2021-06-01'))).toEqual([]);
    expect(ids(req({ euCode: '1C226' }, 'KR', '2018-01-01'))).toEqual([]);
  });
  it('covers sub-items of a Part 1 entry, not a broader code that may fall outside it', () => {
    expect(eu002Of428(['3C005.a'], 'ZA', '2016-01-01')?.id).toBe('EU002');
    expect(eu002Of428(['3A001.a.3'], 'ZA', '2016-01-01')?.id).toBe('EU002');
    expect(eu002Of428(['3A001'], 'ZA', '2016-01-01')).toBeUndefined();
    expect(eu002Of428(['3A001.a.8'], 'ZA', '2016-01-01')).toBeUndefined();
    expect(eu002Of428(['3C005', '1C229'], 'ZA', '2016-01-01')).toBeUndefined();
  });
  it('never offers Croatia, a member state on every day modelled', () => {
    expect(EU002_428.destinations).not.toContain('HR');
    expect(EU002_428.destinationsNotOffered.HR).toMatch(/2013-07-01/);
    expect(eu002Of428(['3C005'], 'HR', '2016-01-01')).toBeUndefined();
  });
  it('a listing stated, not read (3A001.a.3 to South Korea in 2016): no EU002 offered, a warning that it may apply', () => {
    const r = t.engine.assess(req({ euCode: '3A001.a.3', parameters: { 'eu.listedUnder428': 1 } }, 'KR', '2016-01-01'));
    expect(r.jurisdictions[0]!.verdict).toBe('license_required');
    expect(r.jurisdictions[0]!.authorizations).toEqual([]);
    expect(r.warnings.find((w) => w.code === 'general_authorisation_unverified')?.message).toMatch(/stated, not read/);
  });
  it('holds Part 1 codes of today\'s Annex I, dates within the Regulation, and an unverified first day', () => {
    for (const code of EU002_428.items) expect(ANNEX_I.entries.some((e) => e.code === code), code).toBe(true);
    expect(EU002_428.from >= '2009-08-27' && EU002_428.to === '2021-09-08').toBe(true);
    expect(EU002_428.introduced.verified).toBe(false);
    expect(EU002_428.destinations.sort()).toEqual(['AR', 'IS', 'KR', 'TR', 'ZA']);
  });
});
