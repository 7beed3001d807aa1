import type { AssessmentRequest } from '@chokepoint/core';
import { PluginTester } from '@chokepoint/plugin-kit';
import plugin from '../src/index.js';

// An Annex I code the exporter states is taken as the classification (CONTRACT §2, item.euCode). Where the domain data
// holds the entry's thresholds (annex-i-domain.json) and the parameters the request gives fail them, the answer keeps
// the stated code and warns that the two cannot both be right. Thresholds: 1C226 (W > 90 %, hollow cylinder, bore
// 100–300 mm, over 20 kg), 1C229 (bismuth ≥ 99.99 %, under 10 ppm Ag), 6C002.a (tellurium ≥ 99.9995 %), 1C231
// (hafnium alloys and compounds above 60 % Hf), 1C232 (helium-3, released below 1 g), 1C240 (nickel powder of 99 % Ni
// under 10 µm, or porous nickel made from it).
const t = new PluginTester(plugin);
const req = (item: AssessmentRequest['item']): AssessmentRequest => ({ item, from: 'DE', to: 'CN', date: '2026-06-01' });
const C = 'classification_contradicted';

t.run('a stated EU code against the parameters given', [
  { name: '1C226 stated, 50 % tungsten: still 1C226, with the warning', request: req({ euCode: '1C226', parameters: { 'fraction.W': 0.5 } }), verdict: 'license_required', warnings: [C] },
  { name: '1C226 stated, parameters within the entry: no warning', request: req({ euCode: '1C226', parameters: { 'fraction.W': 0.95, hollowCylindricalForm: 1, innerDiameterMm: 150, massKg: 30, 'designedUse.weight': 0, 'designedUse.gammaRayCollimator': 0 } }), verdict: 'license_required', noWarnings: [C] },
  { name: '1C226 stated, 95 % tungsten and nothing else: nothing contradicts yet', request: req({ euCode: '1C226', parameters: { 'fraction.W': 0.95 } }), verdict: 'license_required', noWarnings: [C] },
  { name: '1C229 stated, 12 ppm silver: the warning', request: req({ euCode: '1C229', parameters: { purity: 0.99995, 'ppm.Ag': 12 } }), verdict: 'license_required', warnings: [C] },
  { name: '6C002.a stated, 99.99 % tellurium: the warning', request: req({ euCode: '6C002.a', parameters: { purity: 0.9999 } }), verdict: 'license_required', warnings: [C] },
  { name: '1C231 stated, 55 % hafnium: the warning', request: req({ euCode: '1C231', parameters: { 'fraction.Hf': 0.55 } }), verdict: 'license_required', warnings: [C] },
  { name: '1C232 stated, 0.5 g of helium-3 (under the 1 g release): the warning', request: req({ euCode: '1C232', parameters: { 'massG.He3': 0.5 } }), verdict: 'license_required', warnings: [C] },
  { name: '1C240 stated, 15 µm powder: porous nickel made from 1C240.a powder is not ruled out, so no warning', request: req({ euCode: '1C240', parameters: { 'fraction.Ni': 0.995, particleSizeUm: 15 } }), verdict: 'license_required', noWarnings: [C] },
  { name: '6C002.a stated with no parameter: no warning', request: req({ euCode: '6C002.a' }), verdict: 'license_required', noWarnings: [C] },
]);
