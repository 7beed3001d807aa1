import type { AssessmentRequest } from '@chokepoint/core';
import { PluginTester } from '@chokepoint/plugin-kit';
import plugin from '../src/index.js';

// An ECCN the exporter states is taken as the classification (CONTRACT §2, item.eccn). Where ccl-domain.json holds the
// paragraph's thresholds and the parameters the request gives fail them, the answer keeps the ECCN and warns that the
// two cannot both be right. Thresholds: 1C226 (W > 90 %, hollow cylinder, bore 100–300 mm, over 20 kg), 3C005.a
// (resistivity above 10,000 ohm-cm), 1C010.b (carbon fibre above 14.65e6 m specific modulus and 268,200 m specific
// tensile strength: a paragraph no taxonomy item maps to, read from the domain data all the same).
const t = new PluginTester(plugin);
const req = (item: AssessmentRequest['item']): AssessmentRequest => ({ item, from: 'US', to: 'CN', date: '2026-06-01' });
const C = 'classification_contradicted';

t.run('a stated ECCN against the parameters given', [
  { name: '1C226 stated, 15 kg: still 1C226, with the warning', request: req({ eccn: '1C226', parameters: { massKg: 15 } }), verdict: 'license_required', warnings: [C] },
  { name: '1C226 stated, parameters within the paragraph: no warning', request: req({ eccn: '1C226', parameters: { 'fraction.W': 0.95, formHollowCylinder: 1, innerDiameterMm: 150, massKg: 30 } }), verdict: 'license_required', noWarnings: [C] },
  { name: '3C005.a stated, 8,000 ohm-cm: the warning', request: req({ eccn: '3C005.a', parameters: { resistivityOhmCm: 8000 } }), verdict: 'license_required', warnings: [C] },
  { name: '3C005.a stated, 20,000 ohm-cm: no warning', request: req({ eccn: '3C005.a', parameters: { resistivityOhmCm: 20000 } }), verdict: 'license_required', noWarnings: [C] },
  { name: '1C010.b stated, specific modulus 10e6 m: the warning', request: req({ eccn: '1C010.b', parameters: { specificModulusM: 10_000_000, specificTensileStrengthM: 300_000 } }), verdict: 'license_required', warnings: [C] },
  { name: '1C010.b stated, both above: no warning', request: req({ eccn: '1C010.b', parameters: { specificModulusM: 20_000_000, specificTensileStrengthM: 300_000 } }), verdict: 'license_required', noWarnings: [C] },
]);
