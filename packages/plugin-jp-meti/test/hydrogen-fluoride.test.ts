import type { AssessmentRequest } from '@chokepoint/core';
import { PluginTester } from '@chokepoint/plugin-kit';
import plugin from '../src/index.js';

// Row 3(1) (chemical-weapon precursors): the goods Ordinance Art. 2(1)(i) lists フッ化水素 (item へ) and mixtures in
// which a listed substance is more than 30 % of the total weight. A list item needs METI's permission to any destination.
const t = new PluginTester(plugin);
const hf = (to: string, date: string, parameters?: Record<string, number>): AssessmentRequest => ({
  item: { id: 'reagents/hydrogen-fluoride', ...(parameters ? { parameters } : {}) }, from: 'JP', to, date, endUse: 'civil',
});

t.run('hydrogen fluoride, row 3(1)', [
  { name: 'anhydrous HF to Korea on 2019-07-04 (the day Korea lost bulk licences for it): a licence, as before', request: hf('KR', '2019-07-04', { 'fraction.HF': 1 }), verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', code: '3(1)' }] },
  { name: '49 % hydrofluoric acid to the United States (Group A too: a list item needs permission everywhere)', request: hf('US', '2026-06-01', { 'fraction.HF': 0.49 }), verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', code: '3(1)' }] },
  { name: 'a mixture of exactly 30 % is not "more than 30 %"', request: hf('CN', '2026-06-01', { 'fraction.HF': 0.3 }), verdict: 'not_controlled' },
  { name: 'HF content not given: asked', request: hf('CN', '2026-06-01'), verdict: 'needs_information', questions: ['fraction.HF'] },
  { name: 'found by its customs subheading 2811.11', request: { item: { hs: '281111', parameters: { 'fraction.HF': 0.55 } }, from: 'JP', to: 'TW', date: '2026-06-01' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', code: '3(1)' }] },
]);
