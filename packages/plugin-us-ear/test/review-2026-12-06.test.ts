import { PluginTester, type PluginCase } from '@chokepoint/plugin-kit';
import plugin from '../src/index.js';
import { M } from '../src/measures.js';

// Fixes from the US review of 2026-12-06 (docs/reviews/2026-12-06-us.md).
const t = new PluginTester(plugin);
const us = (item: PluginCase['request']['item'], to: string, date: string): PluginCase['request'] => ({ item, from: 'US', to, date, endUse: 'civil' });

// S4/S5: 87 FR 49979 (effective 2022-08-15) added gallium oxide substrates to 3C005.a; the CCL text read is of 2026.
t.run('gallium oxide under 3C005.a only from 2022-08-15', [
  { name: 'the day before the rule: not classified under 3C005.a, so no Country Chart licence', request: us({ id: 'gallium/oxide', parameters: { resistivityOhmCm: 20000 } }, 'CN', '2022-08-14'), verdict: 'not_controlled', noFindings: [{ measure: M.chart }] },
  { name: 'from the rule: 3C005.a, NS2 licence for China', request: us({ id: 'gallium/oxide', parameters: { resistivityOhmCm: 20000 } }, 'CN', '2022-08-15'), verdict: 'license_required', findings: [{ measure: M.chart, code: '3C005.a' }] },
  { name: 'silicon carbide, listed before the rule, is classified on 2022-08-14', request: us({ id: 'silicon/carbide', parameters: { resistivityOhmCm: 20000 } }, 'CN', '2022-08-14'), verdict: 'license_required', findings: [{ measure: M.chart, code: '3C005.a' }] },
]);

// E2: § 740.2(a)(5)(i) bars list-based exceptions for MT items; 3E001 is MT only as technology for MT-controlled
// 3A001/3A101 items. While the request leaves that open, the MT reason is asked, not charged, and so is its bar.
const tech = (mt?: number): PluginCase['request'] => ({
  ...us({ eccn: '3E001', parameters: { 'ear.nsScopeMet': 1, 'ear.tsrScopeMet': 1, ...(mt === undefined ? {} : { 'ear.mtScopeMet': mt }) } }, 'DE', '2026-06-01'),
  transfer: 'technology',
});
t.run('3E001 technology to Germany and the MT bar on TSR', [
  // The answer decides between TSR and an individual licence: CONTRACT §3 ranks needs_information above
  // authorization_available, so the open MT scope is the answer (contract review E2).
  { name: 'MT scope open: the MT scope asked, TSR waits for it', request: tech(), verdict: 'needs_information', questions: ['ear.mtScopeMet'] },
  { name: 'not MT technology: TSR', request: tech(0), verdict: 'authorization_available', authorizations: ['TSR'], noWarnings: ['no_licence_exceptions'] },
  { name: 'MT technology: no list-based exception (MT1 for Germany)', request: tech(1), verdict: 'license_required' },
]);

// Russia/Belarus review R64, R66-R69 and scenario review S52 (docs/reviews/2026-12-06-russia.md, -scenarios.md).
t.run('§ 746.8(a)(1) by date: CCL Categories 3-9 from 2022-02-24 (Russia) and 2022-03-02 (Belarus), every ECCN from 2022-04-08', [
  { name: '2B991 to Russia the day before 87 FR 22130: no § 746.8 licence', request: us({ eccn: '2B991' }, 'RU', '2022-04-07'), verdict: 'no_license_required', findings: [{ measure: M.russia, status: 'not_yet_in_force' }] },
  { name: '2B991 to Russia from 2022-04-08', request: us({ eccn: '2B991' }, 'RU', '2022-04-08'), verdict: 'license_required', findings: [{ measure: M.russia, status: 'in_force' }] },
  { name: '1C990 to Belarus on its first day (2022-03-02): not yet', request: us({ eccn: '1C990' }, 'BY', '2022-03-02'), verdict: 'no_license_required', noFindings: [{ measure: M.russia, status: 'in_force' }] },
  { name: '3A991 to Russia on 2022-02-24: Category 3, a licence', request: us({ eccn: '3A991' }, 'RU', '2022-02-24'), verdict: 'license_required', findings: [{ measure: M.russia, status: 'in_force' }] },
]);

t.run('the country of ultimate destination: the end user\'s, when the request ships through another country', [
  { name: '3A991 to Kazakhstan for a Russian end user: Russia\'s § 746.8 rule', request: { ...us({ eccn: '3A991' }, 'KZ', '2024-06-01'), endUser: { name: 'OOO Example Elektronika', country: 'RU', type: 'commercial' } }, verdict: 'license_required', findings: [{ measure: M.russia }], warnings: ['ultimate_destination'] },
  { name: 'the same for a Kazakh end user: no licence', request: { ...us({ eccn: '3A991' }, 'KZ', '2024-06-01'), endUser: { name: 'TOO Example', country: 'KZ', type: 'commercial' } }, verdict: 'no_license_required', noWarnings: ['ultimate_destination'] },
  { name: 'an ultimate consignee in Belarus counts too', request: { ...us({ eccn: '3A991' }, 'AM', '2024-06-01'), parties: [{ role: 'ultimate_consignee', name: 'OAO Example', country: 'BY' }] }, verdict: 'license_required', findings: [{ measure: M.russia }] },
]);
