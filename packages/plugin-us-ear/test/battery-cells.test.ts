import { PluginTester, type PluginCase } from '@chokepoint/plugin-kit';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { CLASSIFICATION_ENTRIES, CODE_THRESHOLDS } from '../src/classification.js';
import { M } from '../src/measures.js';

// ECCN 3A991.j as printed in the eCFR of 2026-09-24 (15 CFR 774 Supp. No. 1, read in OSUGIYAMA/EyeWarnYou
// data/snapshots/ear-ccl.json @ 0980ecc): "j. Cells as follows: j.1. Primary cells having an energy density of 550 Wh/kg
// or less at 293 K (20 °C); j.2. Secondary cells having an energy density of 350 Wh/kg or less at 293 K (20 °C)", with the
// Note "3A991.j does not control batteries, including single cell batteries"; a 'secondary cell' is one "designed to be
// charged by an external electrical source". 3A991 is AT only (AT Column 1: no X on any chart row; the licences for
// embargoed destinations come from part 746) and is listed whole in Supp. No. 2 to Part 744 ("(3)(i) 3A991 Electronic devices, and
// 'components' not controlled by 3A001"), so § 744.21(a)(1) reaches it for military end uses in China.
// 3A001.e.1.b, same issue: "'Secondary cells' having an 'energy density' exceeding 350 Wh/kg at 20 °C".
const t = new PluginTester(plugin);
const D = '2026-09-01';
const CELL = 'batteries/lithium-ion-cell';
const us = (item: PluginCase['request']['item'], to: string, extra: Partial<PluginCase['request']> = {}): PluginCase['request'] => ({ item, from: 'US', to, date: D, ...extra });
const cell = (wh: number) => ({ id: CELL, parameters: { energyDensityWhPerKg: wh } });
const C = 'classification_contradicted';

t.run('lithium-ion cells at or below 350 Wh/kg are 3A991.j.2 (AT only)', [
  { name: 'a 300 Wh/kg cell to China for a civil end use: 3A991.j.2, no licence', request: us(cell(300), 'CN', { endUse: 'civil' }), verdict: 'no_license_required', findings: [{ measure: M.ccl, code: '3A991.j.2', status: 'in_force', requirement: 'no_license_required' }], noFindings: [{ measure: M.chart }, { measure: M.ccl, code: '3A001.e.1.b' }], noWarnings: ['classification_assumed'] },
  { name: 'a 300 Wh/kg cell to China, end use not given: § 744.21 asks it (3A991 is in Supp. No. 2 to Part 744)', request: us(cell(300), 'CN'), verdict: 'needs_information', questions: ['endUse'] },
  { name: 'a 300 Wh/kg cell for a military end use in China: licence, presumption of denial (§ 744.21(a)(1), (e))', request: us(cell(300), 'CN', { endUse: 'military' }), verdict: 'license_required', licensePolicy: 'presumption_of_denial', findings: [{ measure: M.meu }] },
  { name: 'a 300 Wh/kg cell to Iran: licence (§ 746.7)', request: us(cell(300), 'IR', { endUse: 'civil' }), verdict: 'license_required', findings: [{ measure: M.ccl, code: '3A991.j.2' }, { measure: M.iran }] },
  { name: 'a 300 Wh/kg cell to North Korea: licence (§ 746.4)', request: us(cell(300), 'KP', { endUse: 'civil' }), verdict: 'license_required', findings: [{ measure: M.ccl, code: '3A991.j.2' }, { measure: M.northKorea }] },
  { name: 'a 300 Wh/kg cell to Germany: 3A991.j.2, no licence', request: us(cell(300), 'DE'), verdict: 'no_license_required', findings: [{ measure: M.ccl, code: '3A991.j.2' }] },
  { name: 'an LFP cell (a lithium-ion cell) of 160 Wh/kg: 3A991.j.2', request: us({ id: 'batteries/lfp-cell', parameters: { energyDensityWhPerKg: 160 } }, 'CN', { endUse: 'civil' }), verdict: 'no_license_required', findings: [{ measure: M.ccl, code: '3A991.j.2' }] },
  { name: 'exactly 350 Wh/kg: 3A991.j.2 ("350 Wh/kg or less"), not 3A001.e.1.b ("exceeding 350")', request: us(cell(350), 'CN', { endUse: 'civil' }), verdict: 'no_license_required', findings: [{ measure: M.ccl, code: '3A991.j.2' }], noFindings: [{ measure: M.ccl, code: '3A001.e.1.b' }, { measure: M.chart }] },
  { name: '350.1 Wh/kg: 3A001.e.1.b (NS2 licence for China), not 3A991.j.2', request: us(cell(350.1), 'CN', { endUse: 'civil' }), verdict: 'license_required', findings: [{ measure: M.chart, code: '3A001.e.1.b' }], noFindings: [{ measure: M.ccl, code: '3A991.j.2' }] },
  { name: '400 Wh/kg: still 3A001.e.1.b, not 3A991.j.2', request: us(cell(400), 'CN', { endUse: 'civil' }), verdict: 'license_required', findings: [{ measure: M.chart, code: '3A001.e.1.b' }], noFindings: [{ measure: M.ccl, code: '3A991.j.2' }] },
  { name: 'energy density not given: asked, once for both paragraphs', request: us({ id: CELL }, 'CN', { endUse: 'civil' }), verdict: 'needs_information', questions: ['energyDensityWhPerKg'], onlyQuestions: true },
  // The Note to 3A991.j (and to 3A001.e): batteries, single-cell batteries included, are not controlled as cells.
  { name: 'a battery pack of 300 Wh/kg is not classified as a cell: EAR99 presumed', request: us({ id: 'batteries/lithium-ion-pack', parameters: { energyDensityWhPerKg: 300 } }, 'CN', { endUse: 'civil' }), verdict: 'not_controlled', warnings: ['classification_assumed'], noFindings: [{ measure: M.ccl, code: '3A991.j.2' }] },
]);

t.run('a stated 3A991.j paragraph against the parameters given', [
  { name: '3A991.j.2 stated, 400 Wh/kg: the warning', request: us({ eccn: '3A991.j.2', parameters: { energyDensityWhPerKg: 400 } }, 'DE'), verdict: 'no_license_required', warnings: [C] },
  { name: '3A991.j.2 stated, 300 Wh/kg: no warning', request: us({ eccn: '3A991.j.2', parameters: { energyDensityWhPerKg: 300 } }, 'DE'), verdict: 'no_license_required', noWarnings: [C] },
  { name: '3A991.j.1 stated, 600 Wh/kg: the warning', request: us({ eccn: '3A991.j.1', parameters: { energyDensityWhPerKg: 600 } }, 'DE'), verdict: 'no_license_required', warnings: [C] },
  // 3A991 holds items "not controlled by 3A001": a primary cell above 50 Wh/kg with more than 350 W/kg is 3A001.e.1.a.2.
  { name: '3A991.j.1 stated, 400 Wh/kg and 400 W/kg continuous power density (3A001.e.1.a.2): the warning', request: us({ eccn: '3A991.j.1', parameters: { energyDensityWhPerKg: 400, continuousPowerDensityWPerKg: 400 } }, 'DE'), verdict: 'no_license_required', warnings: [C] },
  { name: '3A991.j.1 stated, 400 Wh/kg and 100 W/kg: no warning', request: us({ eccn: '3A991.j.1', parameters: { energyDensityWhPerKg: 400, continuousPowerDensityWPerKg: 100 } }, 'DE'), verdict: 'no_license_required', noWarnings: [C] },
  { name: '3A991.j stated, a secondary cell of 400 Wh/kg: the warning', request: us({ eccn: '3A991.j', parameters: { energyDensityWhPerKg: 400, isSecondaryCell: 1 } }, 'DE'), verdict: 'no_license_required', warnings: [C] },
  { name: '3A991.j stated, a primary cell of 400 Wh/kg: no warning (j.1 goes to 550)', request: us({ eccn: '3A991.j', parameters: { energyDensityWhPerKg: 400, isSecondaryCell: 0 } }, 'DE'), verdict: 'no_license_required', noWarnings: [C] },
  { name: '3A991.j stated, 400 Wh/kg, cell type not given: left open, no warning', request: us({ eccn: '3A991.j', parameters: { energyDensityWhPerKg: 400 } }, 'DE'), verdict: 'no_license_required', noWarnings: [C] },
]);

describe('ccl-domain.json conditions can be met by a request', () => {
  const domain = JSON.parse(readFileSync(new URL('../data/ccl-domain.json', import.meta.url), 'utf8')) as { entries: { paragraph: string; conditions: unknown }[] };
  const values = (tree: unknown): unknown[] => {
    if (!tree || typeof tree !== 'object') return [];
    const node = tree as Record<string, unknown>;
    if (Array.isArray(node.all)) return node.all.flatMap(values);
    if (Array.isArray(node.any)) return node.any.flatMap(values);
    if (node.not) return values(node.not);
    return [node.value];
  };
  it('compares numbers or yes/no flags only (the request validator accepts numbers only)', () => {
    for (const e of domain.entries) for (const v of values(e.conditions)) expect(['number', 'boolean'], `${e.paragraph}: ${JSON.stringify(v)}`).toContain(typeof v);
  });
  it('holds thresholds for 3A991.j, j.1 and j.2, and classifies only cells (not packs) under j.2', () => {
    for (const code of ['3A991.j', '3A991.j.1', '3A991.j.2']) expect(CODE_THRESHOLDS.some((c) => c.code === code), code).toBe(true);
    const j2 = CLASSIFICATION_ENTRIES.filter((e) => e.code === '3A991.j.2');
    expect(j2.map((e) => e.covers.ids)).toEqual([[CELL]]);
    expect(CLASSIFICATION_ENTRIES.some((e) => e.code?.startsWith('3A991') && e.covers.ids?.includes('batteries/lithium-ion-pack'))).toBe(false);
  });
});
