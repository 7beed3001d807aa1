// Issue #16 acceptance, as a user runs it: `chokepoint assess --from JP …` and `chokepoint screen` on the built
// binary with the bundled plugins. One batch process answers every transfer (NDJSON in, NDJSON out, line for line).
// They need `dist/` (run after `pnpm build` / `turbo run build`).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const { NODE_PATH: _runnerPath, CHOKEPOINT_PLUGINS: _plugins, ...shellEnv } = process.env;

function chokepoint(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [BIN, ...args], { env: shellEnv, maxBuffer: 64 << 20, timeout: 60_000 }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number') return reject(new Error(`chokepoint ${args.join(' ')} failed: ${err.message}\n${stderr}`));
      resolve({ code: err ? (err.code as number) : 0, stdout, stderr });
    });
    child.stdin!.end(stdin);
  });
}

interface Regime { jurisdiction: string; verdict: string; findings: { measure: { id: string; url: string }; entry?: { code?: string }; status: string; party?: { list: string } }[] }
interface Answer { id: string; jurisdictions: Regime[]; questions: { parameter: string; jurisdiction?: string }[] }

const jpRequests: Record<string, object> = {
  // A semiconductor-equipment item that meets 7(16): list control for every destination, cited to the Order on e-Gov.
  sme: { item: { id: 'equipment/semiconductor', parameters: { meetsJpItem716: 1, valueJpy: 50_000_000 } }, to: 'CN', date: '2026-06-01', endUse: 'civil' },
  // Artificial graphite above the 2(4) figures, and below them.
  graphiteAbove: { item: { id: 'graphite/artificial', parameters: { massKg: 10, boronEquivalentPpm: 2, densityGPerCm3: 1.8 } }, to: 'CN', date: '2026-06-01', endUse: 'civil' },
  graphiteBelowMilitary: { item: { id: 'graphite/artificial', parameters: { massKg: 10, boronEquivalentPpm: 10, densityGPerCm3: 1.8, particleSizeUm: 500 } }, to: 'CN', date: '2026-06-01', endUse: 'military' },
  // Row 7: a cell over 350 Wh/kg and one at exactly 350 (the Ordinance says over).
  cellAbove: { item: { id: 'batteries/lithium-ion-cell', parameters: { energyDensityWhPerKg: 400, valueJpy: 5_000_000 } }, to: 'CN', date: '2026-06-01', endUse: 'civil' },
  cellAt: { item: { id: 'batteries/lithium-ion-cell', parameters: { energyDensityWhPerKg: 350 } }, to: 'CN', date: '2026-06-01', endUse: 'civil' },
  // Technology for 2(4) graphite provided abroad (Foreign Exchange Order, row 2).
  graphiteTech: { item: { id: 'graphite/artificial', parameters: { jpTech2x4: 1 } }, to: 'CN', date: '2026-06-01', endUse: 'civil', transfer: 'technology' },
  // Korea outside Group A from 2019-08-28 to 2023-07-20: the WMD catch-all reaches unlisted gallium only then.
  krIn: { item: { id: 'gallium/metal' }, to: 'KR', date: '2019-08-27', endUse: 'wmd' },
  krOut: { item: { id: 'gallium/metal' }, to: 'KR', date: '2019-08-28', endUse: 'wmd' },
  krBack: { item: { id: 'gallium/metal' }, to: 'KR', date: '2023-07-21', endUse: 'wmd' },
  // A listed End User List entity as end user of unlisted integrated circuits (16(1) by tariff code).
  eul: { item: { hs: '854231' }, to: 'CN', date: '2026-06-01', endUse: 'civil', endUser: { name: 'Beijing Institute of Radio Measurement' } },
};

describe('Japan (issue #16) through the CLI', () => {
  const answers = new Map<string, Regime & { questions: string[] }>();
  beforeAll(async () => {
    const stdin = Object.entries(jpRequests).map(([id, r]) => JSON.stringify({ id, from: 'JP', jurisdictions: ['JP'], ...r })).join('\n');
    const r = await chokepoint(['assess', '--input', '-'], `${stdin}\n`);
    expect(r.stderr).toMatch(/^chokepoint: 10 lines/);
    for (const line of r.stdout.trim().split('\n')) {
      const a = JSON.parse(line) as Answer;
      const jp = a.jurisdictions.find((j) => j.jurisdiction === 'JP')!;
      answers.set(a.id, { ...jp, questions: a.questions.filter((q) => q.jurisdiction === 'JP').map((q) => q.parameter) });
    }
  }, 90_000);
  const inForce = (id: string) => answers.get(id)!.findings.filter((f) => f.status === 'in_force');

  it('listed goods: 7(16) equipment and 2(4) graphite need METI permission, cited to the e-Gov text', () => {
    expect(answers.get('sme')!.verdict).toBe('license_required');
    expect(inForce('sme').some((f) => f.entry?.code === '7(16)' && f.measure.url.startsWith('https://laws.e-gov.go.jp/'))).toBe(true);
    expect(answers.get('graphiteAbove')!.verdict).toBe('license_required');
    expect(inForce('graphiteAbove').map((f) => f.entry?.code)).toContain('2(4)');
  });
  it('thresholds: a cell over 350 Wh/kg is 7(6), one at 350 is not', () => {
    expect(answers.get('cellAbove')!.verdict).toBe('license_required');
    expect(inForce('cellAbove').map((f) => f.entry?.code)).toContain('7(6)');
    expect(answers.get('cellAt')!.verdict).toBe('not_controlled');
  });
  it('an unlisted item for a military end use outside Group A asks the catch-all question', () => {
    expect(answers.get('graphiteBelowMilitary')!.verdict).toBe('needs_information');
    expect(answers.get('graphiteBelowMilitary')!.questions).toContain('metiInformed');
  });
  it('technology of row 2 for listed graphite needs permission (FEFTA Art. 25)', () => {
    expect(answers.get('graphiteTech')!.verdict).toBe('license_required');
    expect(inForce('graphiteTech').some((f) => f.measure.id === 'jp-feo-appended-table')).toBe(true);
  });
  it('Group A: Korea on 2019-08-27 and from 2023-07-21 differs from Korea on 2019-08-28', () => {
    expect(answers.get('krIn')!.verdict).toBe('not_controlled');
    expect(answers.get('krOut')!.verdict).toBe('license_required');
    expect(answers.get('krBack')!.verdict).toBe('not_controlled');
  });
  it('the End User List decides an assessment for a listed end user', () => {
    expect(answers.get('eul')!.verdict).toBe('license_required');
    expect(inForce('eul').some((f) => f.party?.list === 'jp-meti-end-user-list')).toBe(true);
  });
  it('chokepoint screen finds an alias on the End User List, dated by its edition', async () => {
    const r = await chokepoint(['screen', 'Beijing Institute of Radio Measurement', '--list', 'jp-meti-end-user-list', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { matches: { list: string; entry: { name: string }; score: number }[]; lists: { id: string; asOf: string }[] };
    expect(out.matches[0]).toMatchObject({ list: 'jp-meti-end-user-list', entry: { name: '23rd Research Institute' }, score: 1 });
    expect(out.lists.find((l) => l.id === 'jp-meti-end-user-list')!.asOf).toBe('2025-09-29');
  }, 60_000);
});
