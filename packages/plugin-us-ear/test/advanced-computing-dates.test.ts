import { PluginTester, type PluginCase } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import { createEngine } from '@chokepoint/core';
import { loadTaxonomy } from '@chokepoint/taxonomy';
import plugin from '../src/index.js';
import { M } from '../src/measures.js';

const t = new PluginTester(plugin);
const us = (item: PluginCase['request']['item'], to: string, date: string): PluginCase['request'] => ({ item, from: 'US', to, date });

// § 742.6(a)(6)(iii) reached the PRC from 2022-10-07 (87 FR 62186), Macau from 2023-01-18 (88 FR 2821) and
// Country Groups D:1, D:4 and D:5 outside A:5/A:6 only from 2023-11-17 (88 FR 73458).
t.run('advanced computing licence (15 CFR 742.6(a)(6)(iii)) by date', [
  { name: '3A090.a to China on the first day (2022-10-07)', request: us({ eccn: '3A090.a' }, 'CN', '2022-10-07'), verdict: 'license_required', licensePolicy: 'presumption_of_denial', findings: [{ measure: M.special, code: '3A090.a' }] },
  { name: '3A090.a to Macau before Macau was added (2022-12-01): no RS licence', request: us({ eccn: '3A090.a' }, 'MO', '2022-12-01'), verdict: 'no_license_required', noFindings: [{ measure: M.special }] },
  { name: '3A090.a to Macau from 2023-01-18', request: us({ eccn: '3A090.a' }, 'MO', '2023-01-18'), verdict: 'license_required', findings: [{ measure: M.special }] },
  { name: '3A090.a to Vietnam the day before the October 2023 rule took effect: no RS licence', request: us({ eccn: '3A090.a' }, 'VN', '2023-11-16'), verdict: 'no_license_required', noFindings: [{ measure: M.special }] },
  { name: '3A090.a to Vietnam (D:1, D:4, D:5) from 2023-11-17', request: us({ eccn: '3A090.a' }, 'VN', '2023-11-17'), verdict: 'license_required', findings: [{ measure: M.special, code: '3A090.a' }] },
  { name: '3A090.a to Saudi Arabia (D:4) on 2023-11-16: no RS licence', request: us({ eccn: '3A090.a' }, 'SA', '2023-11-16'), verdict: 'no_license_required' },
  { name: '4A090.a to Saudi Arabia on 2023-11-17', request: us({ eccn: '4A090.a', parameters: { 'ear.endUserHeadquartersD5': 0 } }, 'SA', '2023-11-17'), verdict: 'license_required', findings: [{ measure: M.special, code: '4A090.a' }] },
]);

// 90 FR 4544 (AI Diffusion) took effect 2025-01-13, compliance 2025-05-15; BIS said on 2025-05-13 it will not enforce it.
t.run('the AI Diffusion rule before BIS stopped enforcing it', [
  { name: '3A090.a to Germany the day before the rule: no warning', request: us({ eccn: '3A090.a', parameters: { 'ear.endUserHeadquartersD5': 0 } }, 'DE', '2025-01-12'), verdict: 'no_license_required', noWarnings: ['sources_disagree'] },
  { name: '3A090.a to Germany on its effective day: NLR under the earlier scope, with the warning', request: us({ eccn: '3A090.a', parameters: { 'ear.endUserHeadquartersD5': 0 } }, 'DE', '2025-01-13'), verdict: 'no_license_required', warnings: ['sources_disagree'] },
  { name: '4E091 before the rule created it is asked', request: { ...us({ eccn: '4E091' }, 'CN', '2025-01-12'), transfer: 'technology' }, verdict: 'needs_information', questions: ['item.eccn'] },
  { name: '4E091 after it was created: printed licence, with the warning', request: { ...us({ eccn: '4E091' }, 'DE', '2025-02-01'), transfer: 'technology' }, verdict: 'license_required', warnings: ['sources_disagree'] },
]);

describe('the advanced-computing rules as dated changes to the CCL', () => {
  const engine = createEngine({ taxonomy: loadTaxonomy(), plugins: [plugin] });
  it('changes lists each rule that created or rewrote an ECCN, with the codes it changed, and the 2026 review policy', () => {
    const changes = engine.changes({ from: '2022-01-01', to: '2026-12-31', jurisdiction: 'US' }).filter((c) => c.codes);
    const line = (date: string, ref: string) => changes.find((c) => c.date === date && c.reference.startsWith(ref));
    expect(line('2022-10-07', '87 FR 62186')).toMatchObject({ measure: M.ccl, event: 'in_force', scope: 'ECCN 3A090 created, ECCN 4A090 created', codes: ['3A090', '4A090'] });
    expect(line('2023-11-17', '88 FR 73458')).toMatchObject({ scope: 'ECCN 3A090 rewritten', codes: ['3A090'] });
    expect(line('2024-12-02', '89 FR 96790')).toMatchObject({ codes: ['3A090.c', '3B993', '3B994', '3B001'] });
    expect(line('2026-01-15', '91 FR 1687')).toMatchObject({ measure: M.special, codes: ['3A090', '4A090'] });
  });
  it('each such change links the Federal Register document of its rule', () => {
    const changes = engine.changes({ from: '2022-01-01', to: '2026-12-31', jurisdiction: 'US' }).filter((c) => c.codes);
    const url = (date: string, ref: string) => changes.find((c) => c.date === date && c.reference.startsWith(ref))?.url;
    expect(url('2022-10-07', '87 FR 62186')).toBe('https://www.federalregister.gov/d/2022-21658');
    expect(url('2023-11-17', '88 FR 73424')).toBe('https://www.federalregister.gov/d/2023-23049');
    expect(url('2026-01-15', '91 FR 1687')).toBe('https://www.federalregister.gov/d/2026-00789');
    expect(changes.every((c) => c.url?.startsWith('https://www.federalregister.gov/d/'))).toBe(true);
  });
  it('an exposure plan sourcing advanced chips shows them on its timeline, and not for gallium', () => {
    const r = engine.exposure({ site: 'CN', date: '2025-06-01', endUse: 'civil', inputs: [{ item: { eccn: '3A090.a', name: 'AI accelerator' }, from: 'US' }, { item: { id: 'gallium/metal' }, from: 'US' }] });
    const rules = r.timeline.filter((t) => t.scope).map((t) => [t.date, t.reference.split(' (')[0], t.inputs]);
    expect(rules).toEqual([
      ['2022-10-07', '87 FR 62186', ['ECCN 3A090.a']],
      ['2023-11-17', '88 FR 73458', ['ECCN 3A090.a']],
      ['2026-01-15', '91 FR 1687', ['ECCN 3A090.a']],
    ]);
  });
});
