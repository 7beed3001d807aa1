import type { AssessmentRequest } from '@chokepoint/core';
import { PluginTester } from '@chokepoint/plugin-kit';
import plugin from '../src/index.js';

// Annex I 1C350 item 24, hydrogen fluoride (CAS 7664-39-3); Note 3 releases mixtures in which no listed chemical is
// more than 30 % by weight. 1C350 is not in Section I of Annex II, so EU001 covers it; EU006 (chemicals) lists
// 1C350.24 for Argentina, South Korea, Turkey and Ukraine.
const t = new PluginTester(plugin);
const hf = (to: string, parameters?: Record<string, number>, date = '2026-06-01'): AssessmentRequest => ({
  item: { id: 'reagents/hydrogen-fluoride', ...(parameters ? { parameters } : {}) }, from: 'DE', to, date,
});

t.run('hydrogen fluoride, 1C350.24', [
  { name: 'anhydrous HF to China: an authorisation', request: hf('CN', { 'fraction.HF': 1 }), verdict: 'license_required', findings: [{ measure: 'eu-del-reg-2025-2003', code: '1C350.24', status: 'in_force' }] },
  { name: '31 % hydrofluoric acid to India', request: hf('IN', { 'fraction.HF': 0.31 }), verdict: 'license_required', findings: [{ measure: 'eu-del-reg-2025-2003', code: '1C350.24', status: 'in_force' }] },
  { name: 'a 30 % mixture is released by Note 3', request: hf('CN', { 'fraction.HF': 0.3 }), verdict: 'not_controlled' },
  { name: 'to the United States: EU001', request: hf('US', { 'fraction.HF': 1 }), verdict: 'authorization_available', authorizations: ['EU001'] },
  { name: 'to South Korea: EU006', request: hf('KR', { 'fraction.HF': 1 }), verdict: 'authorization_available', authorizations: ['EU006'] },
  { name: 'HF content not given: asked', request: hf('CN'), verdict: 'needs_information', questions: ['fraction.HF'] },
  { name: 'within the Union: listed, but not in Annex IV, so no transfer authorisation', request: hf('FR', { 'fraction.HF': 1 }), verdict: 'no_license_required' },
  { name: 'a stated 1C350 is not judged by the HF content (90 chemicals): no contradiction warning', request: { item: { euCode: '1C350', parameters: { 'fraction.HF': 0.1 } }, from: 'DE', to: 'CN', date: '2026-06-01' }, verdict: 'license_required', noWarnings: ['classification_contradicted'] },
  { name: 'a stated 1C350.24 at 10 % HF is flagged', request: { item: { euCode: '1C350.24', parameters: { 'fraction.HF': 0.1 } }, from: 'DE', to: 'CN', date: '2026-06-01' }, verdict: 'license_required', warnings: ['classification_contradicted'] },
]);
