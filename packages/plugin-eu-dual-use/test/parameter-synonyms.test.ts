import type { AssessmentRequest } from '@chokepoint/core';
import { PluginTester } from '@chokepoint/plugin-kit';
import plugin from '../src/index.js';

// The EU data names some facts as no other regime does (hollowCylindricalForm; the US data says formHollowCylinder).
// A request that gives another regime's name for the same fact is read here too (core's parameter synonyms), and the
// EU does not ask for it again.
const t = new PluginTester(plugin);
const tungstenCylinder = (parameters: Record<string, number>): AssessmentRequest => ({
  item: { id: 'tungsten/alloy', parameters: { 'fraction.W': 0.95, innerDiameterMm: 150, massKg: 30, 'designedUse.weight': 0, 'designedUse.gammaRayCollimator': 0, ...parameters } },
  from: 'DE', to: 'CN', date: '2026-06-01',
});

t.run('a fact given under another regime’s name', [
  { name: '1C226 with the US name of the hollow-cylinder fact: listed, nothing asked', request: tungstenCylinder({ formHollowCylinder: 1 }), verdict: 'license_required', noQuestions: ['hollowCylindricalForm'], findings: [{ measure: 'eu-del-reg-2025-2003', entry: 'eu-del-reg-2025-2003-1c226-item', status: 'in_force' }] },
  { name: 'the same with the EU name', request: tungstenCylinder({ hollowCylindricalForm: 1 }), verdict: 'license_required', findings: [{ measure: 'eu-del-reg-2025-2003', entry: 'eu-del-reg-2025-2003-1c226-item', status: 'in_force' }] },
  { name: 'not a hollow cylinder, said the US way: 1C226 does not list it', request: tungstenCylinder({ formHollowCylinder: 0 }), verdict: 'needs_information', noQuestions: ['hollowCylindricalForm'], noFindings: [{ measure: 'eu-del-reg-2025-2003', entry: 'eu-del-reg-2025-2003-1c226-item' }] },
]);
