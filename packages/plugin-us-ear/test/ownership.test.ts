import { PluginTester, type PluginCase } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { M } from '../src/measures.js';

const t = new PluginTester(plugin);
const us = (date: string, endUser: NonNullable<PluginCase['request']['endUser']>): PluginCase['request'] => ({ item: { eccn: 'EAR99' }, from: 'US', to: 'MY', date, endUse: 'civil', endUser });
const huawei60 = { name: 'Nusantara Devices Sdn Bhd', country: 'MY', owners: [{ name: 'Huawei Technologies Co., Ltd.', country: 'CN', share: 0.3 }, { name: 'HiSilicon Technologies Co., Ltd.', country: 'CN', share: 0.3 }], ownersComplete: true };

// 90 FR 47201 (§ 744.11(a)(1)): an entity owned 50 % or more, alone or together, by listed parties takes their
// licence requirement. Stayed 2025-11-10 to 2026-11-09 (90 FR 50857); by its text it applies from 2026-11-10.
t.run('affiliates rule by ownership', [
  { name: 'two listed owners with 30 % each (60 % together) after the stay', request: us('2026-12-01', huawei60), verdict: 'license_required', findings: [{ measure: M.affiliates, status: 'in_force' }], warnings: ['status_unverified'] },
  { name: 'the same ownership during the stay: shown as suspended, no licence', request: us('2026-06-01', huawei60), verdict: 'no_license_required', findings: [{ measure: M.affiliates, status: 'suspended' }] },
  { name: 'listed owners below 50 % with complete ownership: no licence', request: us('2026-12-01', { ...huawei60, owners: [{ name: 'Huawei Technologies Co., Ltd.', share: 0.4 }, { name: 'Penang Holdings Bhd', share: 0.6 }] }), verdict: 'no_license_required', noFindings: [{ measure: M.affiliates }] },
  { name: 'ownership unknown after the stay: asks', request: us('2026-12-01', { name: 'Nusantara Devices Sdn Bhd', country: 'MY' }), verdict: 'needs_information', questions: ['endUser.owners'] },
  { name: 'ownership unknown during the stay: no question', request: us('2026-06-01', { name: 'Nusantara Devices Sdn Bhd', country: 'MY' }), verdict: 'no_license_required' },
]);

// CONTRACT §9: owners are screened too. A listed owner is named as a direct screening result (a listed_owner
// warning) whatever its share; the Entity List binds the owner itself, and the affiliates rule decides the owned party.
t.run('listed owners named in the answer', [
  { name: 'a listed owner below 50 %: named, the verdict stays', request: us('2026-12-01', { ...huawei60, owners: [{ name: 'Huawei Technologies Co., Ltd.', share: 0.4 }, { name: 'Penang Holdings Bhd', share: 0.6 }] }), verdict: 'no_license_required', warnings: ['listed_owner'], noFindings: [{ measure: M.affiliates }] },
  { name: 'listed owners at 60 %: named, and the affiliates rule requires a licence', request: us('2026-12-01', huawei60), verdict: 'license_required', warnings: ['listed_owner'], findings: [{ measure: M.affiliates, status: 'in_force' }] },
]);

describe('listed owner warning', () => {
  it('names endUser.owners[i], the Entity List and the affiliates rule', () => {
    const answer = t.engine.assess(us('2026-12-01', { ...huawei60, owners: [{ name: 'Penang Holdings Bhd', share: 0.6 }, { name: 'Huawei Technologies Co., Ltd.', share: 0.4 }] }));
    const w = answer.warnings.filter((x) => x.code === 'listed_owner');
    expect(w.map((x) => x.path)).toEqual(['endUser.owners[1]']);
    expect(w[0]!.message).toMatch(/^endUser\.owners\[1\] "Huawei Technologies Co\., Ltd\." \(40 %\) matches .* on the Entity List/);
    expect(w[0]!.message).toMatch(/affiliates rule \(15 CFR 744\.11\(a\)\(1\), 90 FR 47201\)/);
  });
});
