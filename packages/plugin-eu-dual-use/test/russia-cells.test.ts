import type { AssessmentRequest } from '@chokepoint/core';
import { PluginTester } from '@chokepoint/plugin-kit';
import plugin from '../src/index.js';

// Annex VII Part A X.A.I.001.j.2 of Regulation 833/2014 (added by Regulation 2022/328, in force 2022-02-26): secondary
// cells of 350 Wh/kg or less at 20 °C; "X.A.I.001.j does not control batteries, including single cell batteries".
// Art. 2a prohibits exporting them to Russia; cells above 350 Wh/kg are Annex I items, which Art. 2 prohibits exporting
// there. So a cell's energy density decides which article bans it, never whether one does: it is not asked. Russia
// review R27, R29.
const t = new PluginTester(plugin);
const ru = (item: AssessmentRequest['item'], date: string): AssessmentRequest => ({ item, from: 'PL', to: 'RU', date, endUse: 'civil' });
const CELL = 'batteries/lithium-ion-cell';

t.run('lithium-ion cells to Russia, Annex VII X.A.I.001.j.2', [
  { name: 'a 250 Wh/kg cell on 2023-12-18: prohibited', request: ru({ id: CELL, parameters: { energyDensityWhPerKg: 250 } }, '2023-12-18'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'X.A.I.001.j.2', status: 'in_force' }] },
  { name: 'the day before Regulation 2022/328 applied: not yet', request: ru({ id: CELL, parameters: { energyDensityWhPerKg: 250 } }, '2022-02-25'), verdict: 'not_controlled', noFindings: [{ measure: 'eu-reg-833-2014-art-2a', status: 'in_force' }] },
  { name: 'its first day', request: ru({ id: CELL, parameters: { energyDensityWhPerKg: 250 } }, '2022-02-26'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'X.A.I.001.j.2' }] },
  { name: 'the energy density not given: prohibited either way, not asked', request: ru({ id: CELL }, '2023-12-18'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'X.A.I.001.j.2', status: 'in_force' }], noQuestions: ['energyDensityWhPerKg'] },
  { name: 'the energy density not given, on the first day of both bans', request: ru({ id: CELL }, '2022-02-26'), verdict: 'prohibited', noQuestions: ['energyDensityWhPerKg'] },
  { name: 'the energy density not given, the day before', request: ru({ id: CELL }, '2022-02-25'), verdict: 'needs_information', questions: ['energyDensityWhPerKg'], noFindings: [{ measure: 'eu-reg-833-2014-art-2a', status: 'in_force' }] },
  { name: 'the energy density not given, for use in Russia through Kazakhstan', request: { item: { id: CELL }, from: 'PL', to: 'KZ', date: '2023-12-18', endUse: 'civil', endUser: { name: 'Some Trading LLP', country: 'RU' } }, verdict: 'prohibited', noQuestions: ['energyDensityWhPerKg'] },
  { name: 'a 400 Wh/kg cell: Annex I, banned by Art. 2', request: ru({ id: CELL, parameters: { energyDensityWhPerKg: 400 } }, '2023-12-18'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-2', status: 'in_force' }], noFindings: [{ measure: 'eu-reg-833-2014-art-2a', status: 'in_force' }] },
  { name: 'a battery pack without its energy density: not a cell, not banned by either', request: ru({ id: 'batteries/lithium-ion-pack' }, '2023-12-18'), verdict: 'not_controlled', noFindings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'X.A.I.001.j.2' }] },
  { name: 'a battery pack is not a cell', request: ru({ id: 'batteries/lithium-ion-pack', parameters: { energyDensityWhPerKg: 250 } }, '2023-12-18'), verdict: 'not_controlled', noFindings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'X.A.I.001.j.2' }] },
  { name: 'given by CN 8507 60 alone: asked whether it is a cell or a battery', request: ru({ hs: '850760', parameters: { energyDensityWhPerKg: 250 } }, '2023-12-18'), verdict: 'needs_information', questions: ['eu.cellNotBattery'] },
  { name: 'by CN 8507 60, stated to be a cell', request: ru({ hs: '850760', parameters: { energyDensityWhPerKg: 250, 'eu.cellNotBattery': 1 } }, '2023-12-18'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'X.A.I.001.j.2' }] },
  { name: 'a contract concluded before does not lift Art. 2a', request: ru({ id: CELL, parameters: { energyDensityWhPerKg: 250, 'eu.priorContract': 1 } }, '2024-03-20'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'X.A.I.001.j.2' }] },
]);
