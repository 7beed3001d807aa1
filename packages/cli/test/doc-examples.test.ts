import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDefaultEngine } from '../src/index.js';
// @ts-expect-error plain ES module shared with scripts/doc-examples.mjs
import { docCommands, runDocCommands } from './doc-commands.mjs';

const root = new URL('../../../', import.meta.url).pathname;
const doc = readFileSync(`${root}docs/exposure.md`, 'utf8');
const plan = (name: string) => JSON.parse(readFileSync(`${root}docs/examples/${name}.json`, 'utf8'));
const engine = await createDefaultEngine({ env: { CHOKEPOINT_PLUGINS: '' }, cwd: root });

describe('docs/exposure.md worked examples', () => {
  it('documents the four cases, each as a command that runs', () => {
    expect((docCommands(doc) as string[][]).map((c) => c.join(' '))).toEqual([
      'exposure docs/examples/lfp-cells-hungary.json',
      'exposure docs/examples/ndfeb-magnets-us.json',
      'exposure docs/examples/lithium-brine-bolivia.json',
      'exposure docs/examples/smartphone-india.json',
    ]);
  });
  it('shows exactly what the commands print (regenerate with node scripts/doc-examples.mjs)', async () => {
    expect(await runDocCommands(doc, root)).toBe(doc);
  });
});

describe('README worked example', () => {
  it('shows exactly what the command prints', async () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    expect((docCommands(readme) as string[][]).length).toBeGreaterThan(0);
    expect(await runDocCommands(readme, root)).toBe(readme);
  });
});

describe('the worked examples match the law on their dates', () => {
  const byId = (r: ReturnType<typeof engine.exposure>, id: string) => r.inputs.filter((i) => i.item.id === id);
  it('LFP in Hungary, 2026-03-01: cathode technology above the thresholds needs a MOFCOM licence; No. 58 equipment is suspended', () => {
    const r = engine.exposure(plan('lfp-cells-hungary'));
    const tech = byId(r, 'tech/battery/lfp-cathode-preparation');
    expect(tech.map((i) => [i.via, i.verdict])).toEqual([['plan', 'license_required']]);
    expect(tech[0]!.jurisdictions.find((j) => j.jurisdiction === 'CN')!.findings.some((f) => f.entry?.code === '252604X' && f.status === 'in_force')).toBe(true);
    expect(byId(r, 'equipment/battery/winding-stacking-machine')[0]!.verdict).toBe('not_controlled');
    expect(r.timeline.some((t) => t.measure === 'cn-mofcom-2025-58' && t.event === 'suspended' && t.date === '2025-11-07')).toBe(true);
    expect(r.chokepoints[0]!.item.id).toBe('tech/battery/lfp-cathode-preparation');
  });
  it('NdFeB in the US, 2025-06-01: magnet technology prohibited, Dy/Tb items licensed under No. 18', () => {
    const r = engine.exposure(plan('ndfeb-magnets-us'));
    expect(r.chokepoints[0]).toMatchObject({ item: { id: 'tech/rare-earths/magnet-manufacturing' }, verdict: 'prohibited' });
    expect(byId(r, 'dysprosium/oxide')[0]!.verdict).toBe('license_required');
    // NdPr metal is under no dual-use control, but rare earths need China's ordinary export licence.
    const ndpr = byId(r, 'neodymium/ndpr-metal')[0]!;
    expect(ndpr.verdict).toBe('license_required');
    expect(ndpr.jurisdictions.find((j) => j.jurisdiction === 'CN')!.findings.filter((f) => f.status === 'in_force').map((f) => f.measure.id)).toEqual(['cn-export-licence-goods-2025']);
    expect(r.timeline.some((t) => t.measure === 'cn-mofcom-2025-18' && t.event === 'in_force' && t.date === '2025-04-04')).toBe(true);
    expect(byId(r, 'dysprosium/oxide')[0]!.alternatives.map((a) => a.country)).toContain('AU');
  });
  it('the same magnet plant before the April 2025 controls: Dy oxide needs only the ordinary export licence', () => {
    const r = engine.exposure({ ...plan('ndfeb-magnets-us'), date: '2025-04-03' });
    const dy = byId(r, 'dysprosium/oxide')[0]!;
    expect(dy.verdict).toBe('license_required');
    const findings = dy.jurisdictions.find((j) => j.jurisdiction === 'CN')!.findings;
    expect(findings.find((f) => f.measure.id === 'cn-mofcom-2025-18')?.status).toBe('not_yet_in_force');
    expect(findings.find((f) => f.measure.id === 'cn-export-licence-goods-2025')?.status).toBe('in_force');
    expect(r.chokepoints[0]!.verdict).toBe('prohibited');
  });
  it('Lithium in Bolivia, 2025-09-01: extraction technology restricted, with the project advisory', () => {
    const r = engine.exposure(plan('lithium-brine-bolivia'));
    expect(byId(r, 'tech/lithium/direct-extraction')[0]!.verdict).toBe('license_required');
    expect(byId(r, 'tech/lithium/purified-solution')[0]!.verdict).toBe('license_required');
    expect(r.advisories.map((a) => a.id)).toContain('cn-bo-2025-dle-technology-licence');
    const before = engine.exposure({ ...plan('lithium-brine-bolivia'), date: '2025-07-14' });
    expect(byId(before, 'tech/lithium/direct-extraction')[0]!.verdict).toBe('not_controlled');
  });
  it('Smartphones in India, 2025-08-01: no formal chokepoint, but the recall and hold advisories', () => {
    const r = engine.exposure(plan('smartphone-india'));
    expect(r.chokepoints).toEqual([]);
    expect(r.advisories.map((a) => a.id)).toEqual(expect.arrayContaining(['cn-in-2025-foxconn-engineer-recall']));
  });
});
