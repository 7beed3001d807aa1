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
  it('does not warn before its adoption', () => {
    expect(t.engine.assess(req({ euCode: '3C005' }, 'CN', '2026-09-13')).warnings.some((w) => w.code === 'pending_amendment')).toBe(false);
  });
});

t.run('20th Russia package: anti-circumvention listing of exports to Kyrgyzstan', [
  { name: 'an export to Kyrgyzstan from 2026-04-23 carries the warning', request: req({ euCode: '3C005' }, 'KG', '2026-05-01'), verdict: 'license_required', warnings: ['anti_circumvention'] },
  { name: 'not before the package', request: req({ euCode: '3C005' }, 'KG', '2026-04-22'), verdict: 'license_required', noWarnings: ['anti_circumvention'] },
]);
