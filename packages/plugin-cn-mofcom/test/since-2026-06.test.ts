import { PluginTester } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin, { DATA_VERIFIED_THROUGH } from '../src/index.js';

// The law after 2026-06-29, as issue #12 names it (#12.9). Independent public compilations confirm the number,
// date and title of each act (their texts were not read); the MOFCOM announcement series is known without a gap
// only through No. 30 (2026-07-24), so the data is verified through that day and no further.
const t = new PluginTester(plugin);
const cn = (item: object, to: string, date: string, extra: object = {}) => ({ item, from: 'CN', to, date, endUse: 'civil' as const, ...extra });
const drone = { cnControlCode: '9A012.a.1' };

it('keeps the verification date where the sources were really checked', () => {
  expect(DATA_VERIFIED_THROUGH).toBe('2026-07-24');
});

it('does not warn stale_data through the verification date, and does from the day after', () => {
  const codes = (date: string) => t.engine.assess(cn({ id: 'gallium/metal' }, 'DE', date)).warnings.map((w) => w.code);
  expect(codes('2026-07-24')).not.toContain('stale_data');
  expect(codes('2026-07-25')).toContain('stale_data');
});

t.run('No. 34/2026: drone-related dual-use items to the United States, from 2026-08-05', [
  { name: 'the day before: only the dual-use list applies', request: cn(drone, 'US', '2026-08-04'), verdict: 'license_required', licensePolicy: 'case_by_case', noFindings: [{ measure: 'cn-mofcom-2026-34', status: 'in_force' }] },
  { name: 'first day: strict review, individual licence', request: cn(drone, 'US', '2026-08-05'), verdict: 'license_required', licensePolicy: 'case_by_case', findings: [{ measure: 'cn-mofcom-2026-34', entry: 'cn-2026-34-drones-us', status: 'in_force' }], warnings: ['stale_data'] },
  { name: 'drone technology too', request: cn({ cnControlCode: '9A012.b.2' }, 'US', '2026-09-01', { transfer: 'technology' }), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2026-34' }] },
  { name: 'another destination is not touched', request: cn(drone, 'DE', '2026-08-05'), verdict: 'license_required', noFindings: [{ measure: 'cn-mofcom-2026-34' }] },
  { name: 'an item outside group 9A012 is not touched', request: cn({ id: 'gallium/metal' }, 'US', '2026-08-05'), verdict: 'license_required', noFindings: [{ measure: 'cn-mofcom-2026-34' }] },
]);

describe('the announced extension of the US–China arrangement to 2027-01-10', () => {
  const assess = (item: object, to: string, date: string) => t.engine.assess(cn(item, to, date));
  const advisoryIds = (r: ReturnType<typeof assess>) => r.advisories.map((a) => a.id);
  it('is an advisory from the day it was announced (2026-09-23), never a status change', () => {
    const before = assess({ id: 'gallium/metal' }, 'US', '2026-09-22');
    expect(advisoryIds(before)).not.toContain('cn-us-2026-arrangement-extension-no72');
    const after = assess({ id: 'gallium/metal' }, 'US', '2026-09-23');
    expect(advisoryIds(after)).toContain('cn-us-2026-arrangement-extension-no72');
    expect(after.jurisdictions[0]!.findings.find((f) => f.measure.id === 'cn-mofcom-2024-46')?.status).toBe('suspended');
  });
  // No. 72 suspends No. 46 clause 2 until 2026-11-27: the text is back from 2026-11-28, with a warning.
  for (const date of ['2026-11-28', '2027-01-10', '2027-01-11']) {
    it(`on ${date} the text of No. 46 clause 2 applies again and the answer says the status is unverified`, () => {
      const r = assess({ id: 'gallium/metal' }, 'US', date);
      const cnRegime = r.jurisdictions.find((j) => j.jurisdiction === 'CN')!;
      expect(cnRegime.verdict).toBe('license_required');
      expect(cnRegime.licensePolicy).toBe('presumption_of_denial');
      expect(r.warnings.map((w) => w.code)).toContain('status_unverified');
      expect(advisoryIds(r)).toContain('cn-us-2026-arrangement-extension-no72');
    });
  }
  // Today (2026-12-05) is after both ends: each suspended measure warns once, from core's rule, and the warning
  // names the advisory of the announced extension; the status stays what the instruments say.
  for (const [item, to, measure, advisory, end, last] of [
    [{ id: 'gallium/metal' }, 'US', 'cn-mofcom-2024-46', 'cn-us-2026-arrangement-extension-no72', '2026-11-27', '2026-11-27'],
    [{ id: 'holmium/metal' }, 'DE', 'cn-mofcom-2025-57', 'cn-us-2026-arrangement-extension-no70', '2026-11-10', '2026-11-10'],
  ] as const) {
    it(`${measure}: on its last day one suspension_last_day warning and on 2026-12-05 one status_unverified warning, each naming ${advisory}, and no change of status`, () => {
      const onLast = assess(item, to, last);
      expect(onLast.warnings.filter((w) => w.code === 'status_unverified' && w.measure === measure)).toEqual([]);
      const w0 = onLast.warnings.filter((w) => w.code === 'suspension_last_day' && w.measure === measure);
      expect(w0).toHaveLength(1);
      expect(w0[0]!.message).toContain(`last day of the suspension`);
      expect(w0[0]!.message).toContain(`advisory ${advisory}`);
      const today = assess(item, to, '2026-12-05');
      const w = today.warnings.filter((x) => x.code === 'status_unverified' && x.measure === measure);
      expect(w).toHaveLength(1);
      expect(w[0]!.message).toContain(`ended on ${end}`);
      expect(w[0]!.message).toContain(`advisory ${advisory}`);
      expect(w[0]!.message).toContain('2027-01-10');
      const finding = today.jurisdictions[0]!.findings.find((f) => f.measure.id === measure && f.requirement === 'license_required');
      expect(finding?.status).toBe('in_force');
    });
  }
  it('No. 70 covers every destination: the rare-earth advisory shows on the Germany corridor too', () => {
    const r = assess({ id: 'holmium/metal' }, 'DE', '2026-11-11');
    expect(advisoryIds(r)).toContain('cn-us-2026-arrangement-extension-no70');
    expect(advisoryIds(r)).not.toContain('cn-us-2026-arrangement-extension-no72');
    expect(r.warnings.map((w) => w.code)).toContain('status_unverified');
  });
  it('reaches every item the measures suspended by No. 70 cover (Nos. 55–58, 61, 62)', () => {
    const suspended = new Set(['cn-mofcom-2025-55', 'cn-mofcom-2025-56', 'cn-mofcom-2025-57', 'cn-mofcom-2025-58', 'cn-mofcom-2025-61', 'cn-mofcom-2025-62']);
    const ids = new Set(plugin.entries.filter((e) => suspended.has(e.measure)).flatMap((e) => e.covers.ids ?? []));
    expect(ids.size).toBeGreaterThan(40);
    const missing = [...ids].filter((id) => {
      const transfer = id.startsWith('tech/') ? 'technology' : 'goods';
      return !advisoryIds(t.engine.assess({ ...cn({ id }, 'DE', '2026-11-15'), transfer })).includes('cn-us-2026-arrangement-extension-no70');
    });
    expect(missing).toEqual([]);
  });
  it('names its evidence as reported, acknowledged by MOFCOM, and cites the suspension instruments', () => {
    for (const a of plugin.advisories.filter((x) => x.id.startsWith('cn-us-2026-arrangement-extension'))) {
      expect(a.evidence).toBe('reported');
      expect(a.officialPosition).toBe('acknowledged');
      expect(a.status).toBe('unknown');
      expect(a.sources[0]!.url).toMatch(/^https:\/\/www\.mofcom\.gov\.cn\//);
    }
  });
});
