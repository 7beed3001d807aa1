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
  { name: 'MT scope open: TSR offered, the MT scope asked', request: tech(), verdict: 'authorization_available', authorizations: ['TSR'], questions: ['ear.mtScopeMet'] },
  { name: 'not MT technology: TSR', request: tech(0), verdict: 'authorization_available', authorizations: ['TSR'], noWarnings: ['no_licence_exceptions'] },
  { name: 'MT technology: no list-based exception (MT1 for Germany)', request: tech(1), verdict: 'license_required' },
]);
