import type { AssessmentRequest } from '@chokepoint/core';
import { PluginTester } from '@chokepoint/plugin-kit';
import plugin from '../src/index.js';

// Row 5(7) (tungsten heavy alloys: elastic limit above 880 MPa, tensile strength above 1,270 MPa, elongation above
// 8 %) reads Japan's own names; China's 1C004 names the same facts ultimateTensileStrengthMPa and elongation (0–1).
// A request written with China's names is read here too (core's parameter synonyms), 0.08 exactly as 8 %.
const t = new PluginTester(plugin);
const alloy = (parameters: Record<string, number>): AssessmentRequest => ({
  item: { id: 'tungsten/alloy', parameters: { densityGPerCm3: 18, elasticLimitMPa: 900, matrixIronNickelOrCopper: 1, ...parameters } },
  from: 'JP', to: 'CN', date: '2026-06-01',
});
const F = [{ measure: 'jp-etco-appended-table-1', entry: 'jp-5-7', status: 'in_force' as const }];

t.run('5(7) given China’s parameter names', [
  { name: 'Japan’s names', request: alloy({ tensileStrengthMPa: 1300, elongationPct: 10 }), verdict: 'license_required', findings: F },
  { name: 'China’s names, elongation 0.1: the same answer, nothing asked again', request: alloy({ ultimateTensileStrengthMPa: 1300, elongation: 0.1 }), verdict: 'license_required', findings: F, noQuestions: ['tensileStrengthMPa', 'elongationPct'] },
  { name: 'elongation 0.08 is 8 %, not above it: 5(7) does not list it', request: alloy({ ultimateTensileStrengthMPa: 1300, elongation: 0.08 }), verdict: 'needs_information', noFindings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-5-7' }], noQuestions: ['elongationPct'] },
]);
