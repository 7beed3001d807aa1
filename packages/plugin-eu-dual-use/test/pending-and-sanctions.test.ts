import type { AssessmentRequest } from '@chokepoint/core';
import { PluginTester } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const t = new PluginTester(plugin);
const req = (item: AssessmentRequest['item'], to: string, date: string): AssessmentRequest => ({ item, from: 'DE', to, date, endUse: 'civil' });
const eu = (r: AssessmentRequest) => t.engine.assess(r).jurisdictions.find((j) => j.jurisdiction === 'EU')!;

// The 2026 Annex I update (C(2026)6323) was adopted on 2026-09-14; a delegated act applies only from the day after
// its Official Journal publication, which is not known here: it is a warning and must not change a verdict.
describe('an adopted Annex I update that is not in force changes no verdict', () => {
  it('3C005 to China after 2026-09-14 keeps the 2025/2003 answer and warns', () => {
    const before = eu(req({ euCode: '3C005' }, 'CN', '2026-09-13'));
    const after = t.engine.assess(req({ euCode: '3C005' }, 'CN', '2026-10-01'));
    const afterEu = after.jurisdictions.find((j) => j.jurisdiction === 'EU')!;
    expect(afterEu.verdict).toBe(before.verdict);
    expect(afterEu.findings.filter((f) => f.status === 'in_force').map((f) => f.measure.id)).toEqual(before.findings.filter((f) => f.status === 'in_force').map((f) => f.measure.id));
    expect(after.warnings.some((w) => w.code === 'pending_amendment' && /C\(2026\)6323/.test(w.message))).toBe(true);
  });
  it('says what the update is reported to add (the Commission news of 2026-09-14)', () => {
    const warning = t.engine.assess(req({ euCode: '3C005' }, 'CN', '2026-10-01')).warnings.find((w) => w.code === 'pending_amendment');
    expect(warning?.message).toMatch(/reported to add .*molybdenum and ruthenium/);
  });
  it('does not warn before its adoption', () => {
    expect(t.engine.assess(req({ euCode: '3C005' }, 'CN', '2026-09-13')).warnings.some((w) => w.code === 'pending_amendment')).toBe(false);
  });
});

t.run('20th Russia package: anti-circumvention listing of exports to Kyrgyzstan', [
  { name: 'an export to Kyrgyzstan from 2026-04-23 carries the warning', request: req({ euCode: '3C005' }, 'KG', '2026-05-01'), verdict: 'license_required', warnings: ['anti_circumvention'] },
  { name: 'not before the package', request: req({ euCode: '3C005' }, 'KG', '2026-04-22'), verdict: 'license_required', noWarnings: ['anti_circumvention'] },
]);

// Annex IV of Regulation 833/2014 names entities outside Russia from the 11th package (Regulation 2023/1214,
// recital 19, in force 2023-06-24); the plugin does not hold it, so a named party gets a warning, not silence.
const named = (item: AssessmentRequest['item'], to: string, date: string, name = 'Shenzhen Example Electronics Co., Ltd.'): AssessmentRequest => ({ ...req(item, to, date), endUser: { name } });
t.run('Annex IV of Regulation 833/2014 is not screened: a named party outside Russia and Belarus is warned about', [
  { name: 'an Annex I item for a named Chinese end user from 2023-06-24', request: named({ euCode: '3C005' }, 'CN', '2023-06-24'), verdict: 'license_required', warnings: ['annex_iv_not_screened'] },
  { name: 'not the day before the 11th package', request: named({ euCode: '3C005' }, 'CN', '2023-06-23'), verdict: 'license_required', noWarnings: ['annex_iv_not_screened'] },
  { name: 'an Annex VII Part B good (CN 8542 31) to Hong Kong', request: named({ hs: '854231' }, 'HK', '2025-08-01'), verdict: 'not_controlled', warnings: ['annex_vii_elsewhere', 'annex_iv_not_screened'] },
  { name: 'no party named: nothing to screen', request: req({ euCode: '3C005' }, 'CN', '2024-01-01'), verdict: 'license_required', noWarnings: ['annex_iv_not_screened'] },
  { name: 'an item in neither annex', request: named({ id: 'gallium/metal' }, 'CN', '2024-01-01'), verdict: 'not_controlled', noWarnings: ['annex_iv_not_screened'] },
]);

describe('Annex IV warning after the 20th package', () => {
  it('names the 20th package and its Chinese listings from 2026-04-24 only', () => {
    const w = (date: string) => t.engine.assess(named({ euCode: '3C005' }, 'CN', date)).warnings.find((x) => x.code === 'annex_iv_not_screened')!.message;
    expect(w('2026-04-24')).toMatch(/20th package \(Regulation 2026\/506.*Chinese/);
    expect(w('2026-04-23')).not.toMatch(/20th package/);
  });
  it('names the 21st package (Regulation 2026/1848) beside it from 2026-07-23', () => {
    const w = (date: string) => t.engine.assess(named({ euCode: '3C005' }, 'CN', date)).warnings.find((x) => x.code === 'annex_iv_not_screened')!.message;
    expect(w('2026-07-23')).toMatch(/The 20th package \(Regulation 2026\/506.*\) and the 21st \(Regulation 2026\/1848 of 23 July 2026\) reportedly added further entities, Chinese ones among them; their lists were not read either/);
    expect(w('2026-07-22')).not.toMatch(/21st/);
  });
});

// The Belarus regulation was amended on 23 April 2026 (Regulation 2026/513, found on EUR-Lex, text not read).
t.run('Belarus: Regulation 2026/513 is a known unread amendment', [
  { name: 'a Belarus answer from 2026-04-24 warns', request: req({ hs: '854110' }, 'BY', '2026-04-24'), verdict: 'prohibited', warnings: ['sanctions_amendment_unread'] },
  { name: 'not before', request: req({ hs: '854110' }, 'BY', '2026-04-23'), verdict: 'prohibited', noWarnings: ['sanctions_amendment_unread'] },
  { name: 'nor for Russia', request: req({ hs: '854110' }, 'RU', '2026-05-01'), verdict: 'prohibited', noWarnings: ['sanctions_amendment_unread'] },
]);

// Art. 12g of Regulation 833/2014, inserted by Regulation 2023/2878 (read in its Art. 1 point (28) and Annex XI):
// "as of 20 March 2024" exporters of the common high priority items of Annex XL to a third country other than the
// partner countries of Annex VIII must contractually prohibit re-export to Russia; contracts concluded before
// 19 December 2023 are exempt until 20 December 2024 or their expiry. A contractual duty, so a warning only.
t.run('the no-Russia clause (Art. 12g) for Annex XL items', [
  { name: 'processors (CN 8542 31) to Kazakhstan on 2024-03-20: warned, with the legacy-contract exemption', request: req({ hs: '854231' }, 'KZ', '2024-03-20'), verdict: 'not_controlled', warnings: ['no_russia_clause'] },
  { name: '... not the day before', request: req({ hs: '854231' }, 'KZ', '2024-03-19'), verdict: 'not_controlled', noWarnings: ['no_russia_clause'] },
  { name: 'wafer-making machines (CN 8486 10) outside Annex I to China in 2025', request: req({ hs: '848610', parameters: { 'eu.annexIListed': 0 } }, 'CN', '2025-06-01'), verdict: 'not_controlled', warnings: ['no_russia_clause'] },
  { name: 'printed circuits (heading 8534, listed as 8534 00) to Türkiye', request: req({ hs: '853400' }, 'TR', '2025-06-01'), verdict: 'not_controlled', warnings: ['no_russia_clause'] },
  { name: 'not for a partner country of Annex VIII (the United States)', request: req({ hs: '854231' }, 'US', '2025-06-01'), verdict: 'not_controlled', noWarnings: ['no_russia_clause'] },
  { name: 'not for an item outside Annex XL (CN 8542 90, parts of integrated circuits)', request: req({ hs: '854290' }, 'KZ', '2025-06-01'), verdict: 'not_controlled', noWarnings: ['no_russia_clause'] },
  { name: 'not between member states', request: req({ hs: '854231' }, 'FR', '2025-06-01'), verdict: 'not_controlled', noWarnings: ['no_russia_clause'] },
  { name: 'not for Russia itself, where the item is banned', request: req({ hs: '854231' }, 'RU', '2025-06-01'), verdict: 'prohibited', noWarnings: ['no_russia_clause'] },
]);

describe('the no-Russia clause warning', () => {
  it('names the legacy-contract exemption up to 2024-12-20 only', () => {
    const on = (date: string) => t.engine.assess(req({ hs: '854231' }, 'KZ', date)).warnings.find((w) => w.code === 'no_russia_clause')!.message;
    expect(on('2024-12-20')).toMatch(/before 2023-12-19 is exempt until 2024-12-20/);
    expect(on('2024-12-21')).not.toMatch(/exempt/);
  });
});
