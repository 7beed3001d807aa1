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
    expect(r.timeline.some((t) => t.measure === 'cn-mofcom-2025-58' && t.event === 'suspended' && t.date === '2025-11-08')).toBe(true);
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
    // Dy oxide is made by separation: the alternatives are separators (Malaysia), not the countries that only mine.
    expect(byId(r, 'dysprosium/oxide')[0]!.alternatives.map((a) => [a.country, a.stage])).toEqual([['MY', 'refining']]);
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
    // The next day's catalogue amendment is on the timeline of a plan dated the day before.
    expect(before.timeline.filter((t) => t.measure === 'cn-mofcom-most-2025-28').map((t) => [t.date, t.event])).toEqual([['2025-07-15', 'published'], ['2025-07-15', 'in_force']]);
  });
  it('a gallium line moving to the US lists each dated change once (No. 46 is suspended in several parts on one day)', () => {
    const r = engine.exposure({ site: 'US', date: '2025-06-01', from: 'CN', inputs: [{ item: { id: 'gallium/metal' } }, { item: { id: 'gallium/arsenide' } }] });
    const keys = r.timeline.map((t) => `${t.date}|${t.event}|${t.measure}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(r.timeline.filter((t) => t.measure === 'cn-mofcom-2024-46' && t.event === 'suspended')).toHaveLength(1);
  });
  it('Smartphones in India, 2025-08-01: no formal chokepoint, but the recall and hold advisories', () => {
    const r = engine.exposure(plan('smartphone-india'));
    expect(r.chokepoints).toEqual([]);
    expect(r.advisories.map((a) => a.id)).toEqual(expect.arrayContaining(['cn-in-2025-foxconn-engineer-recall']));
  });
});

describe('exposure plans with a Japanese site or Japanese inputs', () => {
  const byId = (r: ReturnType<typeof engine.exposure>, id: string) => r.inputs.filter((i) => i.item.id === id);
  const regime = (i: ReturnType<typeof engine.exposure>['inputs'][number], j: string) => i.jurisdictions.find((x) => x.jurisdiction === j);
  it('a magnet plant moving to Japan, 2026-01-15: China\'s controls are the chokepoints; Japan does not reach imports', () => {
    const r = engine.exposure({ name: 'NdFeB magnet plant in Japan', site: 'JP', date: '2026-01-15', chain: 'ndfeb-magnet-motors', stages: ['magnet-manufacturing'], from: 'CN' });
    expect(r.inputs.length).toBeGreaterThan(5);
    expect(r.chokepoints[0]).toMatchObject({ item: { id: 'tech/rare-earths/magnet-manufacturing' }, verdict: 'prohibited' });
    for (const i of r.inputs) expect(regime(i, 'JP')?.reaches ?? false, i.item.id).toBe(false);
    expect(regime(byId(r, 'dysprosium/oxide')[0]!, 'CN')!.verdict).toBe('license_required');
  });
  it('a Chinese fab buying Japanese inputs, 2026-01-15: Japan\'s licences for listed equipment and graphite; natural germanium is not listed', () => {
    const r = engine.exposure({
      name: 'Japanese inputs to a fab in China', site: 'CN', date: '2026-01-15', endUse: 'civil',
      inputs: [
        { item: { id: 'equipment/semiconductor/device-manufacturing', codes: { JP: '7(16)' } }, from: 'JP', transfer: 'goods' },
        { item: { id: 'equipment/semiconductor/wafer-inspection', parameters: { meetsJpItem716: 0 } }, from: 'JP', transfer: 'goods' },
        { item: { id: 'graphite/artificial', parameters: { massKg: 500, boronEquivalentPpm: 1, densityGPerCm3: 1.85 } }, from: 'JP', transfer: 'goods' },
        { item: { id: 'germanium/metal', parameters: { otherIsotopeFraction: 0.078 } }, from: 'JP', transfer: 'goods' },
      ],
    });
    expect(r.inputs.map((i) => [i.item.id, regime(i, 'JP')!.verdict])).toEqual([
      ['equipment/semiconductor/device-manufacturing', 'license_required'],
      ['equipment/semiconductor/wafer-inspection', 'not_controlled'],
      ['graphite/artificial', 'license_required'],
      ['germanium/metal', 'not_controlled'],
    ]);
    expect(regime(byId(r, 'equipment/semiconductor/device-manufacturing')[0]!, 'JP')!.findings.some((f) => f.measure.id === 'jp-meti-2023-sme' && f.status === 'in_force')).toBe(true);
    expect(r.chokepoints.map((c) => c.item.id)).toEqual(expect.arrayContaining(['equipment/semiconductor/device-manufacturing', 'graphite/artificial']));
    // Japan's exports are not re-exports for the US or the EU regimes.
    expect(regime(r.inputs[0]!, 'US')?.verdict ?? 'not_controlled').not.toBe('license_required');
  });
});
