import type { AssessmentRequest } from '@chokepoint/core';
import { PluginTester } from '@chokepoint/plugin-kit';
import plugin from '../src/index.js';
import { M } from '../src/measures.js';

// ECCN 1C350.d.15 (eCFR 2026-09-24): hydrogen fluoride, and mixtures in which it is 30 % or more by weight (the
// paragraph's own threshold; the EU and Japan release exactly 30 %). CB2: an X for China, none for Germany.
const t = new PluginTester(plugin);
const hf = (to: string, parameters?: Record<string, number>): AssessmentRequest => ({
  item: { id: 'reagents/hydrogen-fluoride', ...(parameters ? { parameters } : {}) }, from: 'US', to, date: '2026-06-01', endUse: 'civil',
});

t.run('hydrogen fluoride, 1C350.d.15', [
  { name: 'anhydrous HF to China: CB2', request: hf('CN', { 'fraction.HF': 1 }), verdict: 'license_required', findings: [{ measure: M.chart, code: '1C350.d.15' }] },
  { name: 'exactly 30 % is 30 % or more', request: hf('CN', { 'fraction.HF': 0.3 }), verdict: 'license_required', findings: [{ measure: M.chart, code: '1C350.d.15' }] },
  { name: 'below 30 % it is not 1C350 (EAR99: no licence on the chart)', request: hf('CN', { 'fraction.HF': 0.29 }), verdict: 'not_controlled', noFindings: [{ measure: M.chart }] },
  { name: 'to Germany: no X in CB2', request: hf('DE', { 'fraction.HF': 1 }), verdict: 'no_license_required' },
  { name: 'HF content not given: asked', request: hf('CN'), verdict: 'needs_information', questions: ['fraction.HF'] },
]);
