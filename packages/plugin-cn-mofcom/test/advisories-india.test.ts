import { PluginTester } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

// The informal holdback of equipment and engineers bound for India and Southeast Asia (issue #12): advisories
// only, never a verdict. The January 2025 report is of verbal guidance to restrain technology transfers and
// manufacturing-equipment exports in general (Foxconn, Waaree solar and BYD India were named), so it reaches
// every equipment and technology transfer on those corridors, not only smartphone lines.
const t = new PluginTester(plugin);
const ids = (item: object, to: string, date: string, transfer: 'goods' | 'technology' = 'goods') =>
  t.engine.assess({ item, from: 'CN', to, date, transfer, endUse: 'civil' });
const GUIDANCE = 'cn-in-2025-tech-transfer-guidance';

describe('reported guidance to curb technology and equipment transfers to India and Southeast Asia', () => {
  it('reaches battery-cell equipment and cell technology for India, not only smartphone lines', () => {
    const eq = ids({ id: 'equipment/battery/winding-stacking-machine' }, 'IN', '2025-03-01');
    expect(eq.advisories.map((a) => a.id)).toContain(GUIDANCE);
    const tech = ids({ id: 'tech/battery/cell-manufacturing' }, 'VN', '2025-03-01', 'technology');
    expect(tech.advisories.map((a) => a.id)).toContain(GUIDANCE);
  });
  it('never changes the verdict: the same transfer answers the same with and without it', () => {
    const inIndia = ids({ id: 'equipment/battery/winding-stacking-machine' }, 'IN', '2025-03-01');
    const inGermany = ids({ id: 'equipment/battery/winding-stacking-machine' }, 'DE', '2025-03-01');
    expect(inIndia.verdict).toBe(inGermany.verdict);
    expect(inGermany.advisories.map((a) => a.id)).not.toContain(GUIDANCE);
  });
  it('is not shown before it was reported, nor for materials', () => {
    expect(ids({ id: 'equipment/electronics/smt-line' }, 'IN', '2024-12-31').advisories.map((a) => a.id)).not.toContain(GUIDANCE);
    expect(ids({ id: 'lithium/carbonate' }, 'IN', '2025-03-01').advisories.map((a) => a.id)).not.toContain(GUIDANCE);
  });
});
