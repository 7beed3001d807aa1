import type { AssessmentRequest } from '@chokepoint/core';
import { PluginTester } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { lookupList, SANCTIONS_LISTS, versionOn } from '../src/sanctions-lists.js';

// Cases written from the texts read: Regulation 833/2014 Art. 2a, 3k and Annexes VII Part B, XXIII, XXIIIG as put in
// place by Regulations 2022/576, 2022/1904, 2022/2474, 2023/427 (consolidation of 2023-04-27), 2023/1214, 2023/2878,
// 2024/745, 2024/1745 (and 2024/3192, which changes none of them), 2025/395, 2025/932, 2025/1494 and 2025/2033; Regulation 765/2006 Art. 1s and
// Annex XIV (consolidation of 2022-03-10).
const t = new PluginTester(plugin);
const req = (item: AssessmentRequest['item'], to: string, date: string, parameters?: Record<string, number>): AssessmentRequest =>
  ({ item: parameters ? { ...item, parameters } : item, from: 'DE', to, date, endUse: 'civil' });
const list = (id: string) => SANCTIONS_LISTS.find((l) => l.id === id)!;

t.run('Annex XXIII (Art. 3k): the first list of 9 April 2022 and its transitional clause', [
  { name: 'molybdenum waste and scrap (CN 8102 97) to Russia the day before Art. 3k', request: req({ hs: '810297' }, 'RU', '2022-04-08'), verdict: 'not_controlled', noFindings: [{ measure: 'eu-reg-833-2014-art-3k', status: 'in_force' }] },
  { name: 'on the first day, contracts concluded before 9 April 2022 may run until 10 July 2022 (Art. 3k(3)): asked', request: req({ hs: '810297' }, 'RU', '2022-04-09'), verdict: 'needs_information', questions: ['eu.priorContract'] },
  { name: 'a new contract is prohibited from the first day', request: req({ hs: '810297' }, 'RU', '2022-04-09', { 'eu.priorContract': 0 }), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 8102 97', status: 'in_force', requirement: 'prohibited' }] },
  { name: 'an older contract is not caught on the last day of the transition', request: req({ hs: '810297' }, 'RU', '2022-07-10', { 'eu.priorContract': 1 }), verdict: 'not_controlled', warnings: ['wind_down'] },
  { name: 'the day after the transition nothing is asked', request: req({ hs: '810297' }, 'RU', '2022-07-11'), verdict: 'prohibited' },
  { name: 'tungsten powder (CN 8101 10) is in the same first list', request: req({ hs: '810110', parameters: { particleSizeUm: 500 } }, 'RU', '2022-07-11'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 8101 10', status: 'in_force' }] },
  { name: 'the same code to Kazakhstan (a third country) is not caught', request: req({ hs: '810297' }, 'KZ', '2022-07-11'), verdict: 'not_controlled', noWarnings: ['sanctions_partial'] },
]);

t.run('Annex XXIII: coal (8th package), Part B (9th) and Part C (10th) from their own days', [
  { name: 'coal the day before 7 October 2022', request: req({ hs: '270112' }, 'RU', '2022-10-06'), verdict: 'not_controlled' },
  { name: 'coal from 7 October 2022 (contracts before that day run until 8 January 2023)', request: req({ hs: '270112' }, 'RU', '2022-10-07'), verdict: 'needs_information', questions: ['eu.priorContract'] },
  { name: 'coal on 9 January 2023', request: req({ hs: '270112' }, 'RU', '2023-01-09'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 2701' }] },
  { name: 'toy drones (CN 9503 00 75) need the 8-digit code: a 6-digit HS 9503 00 is asked for more', request: req({ hs: '950300' }, 'RU', '2023-02-01'), verdict: 'needs_information', questions: ['item.hs'] },
  { name: 'toy drones the day before Part B (16 December 2022)', request: req({ hs: '95030075' }, 'RU', '2022-12-16'), verdict: 'not_controlled' },
  { name: 'toy drones on 17 January 2023, after the Art. 3k(3b) transition', request: req({ hs: '95030075' }, 'RU', '2023-01-17'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 9503 00 75' }] },
  { name: 'lathes (CN 8458, Part C) the day before 26 February 2023 are not listed (Part C is new in the 10th package)', request: req({ hs: '845811' }, 'RU', '2023-02-25'), verdict: 'not_controlled', noFindings: [{ measure: 'eu-reg-833-2014-art-3k', status: 'in_force' }] },
  { name: 'lathes from 26 February 2023 within the Art. 3k(3c) transition are asked about', request: req({ hs: '845811' }, 'RU', '2023-03-27'), verdict: 'needs_information', questions: ['eu.priorContract'] },
  { name: 'lathes on 28 March 2023', request: req({ hs: '845811' }, 'RU', '2023-03-28'), verdict: 'prohibited' },
]);

t.run('Annex XXIII: what the sources cannot date is asked, not guessed', [
  { name: 'CN 8208 40 is in the 5th-package list of 9 April 2022 (a new contract in May 2022)', request: req({ hs: '820840' }, 'RU', '2022-05-15', { 'eu.priorContract': 0 }), verdict: 'prohibited' },
  { name: '... and gone from the 7th-package list (Regulation 2022/1269, in force 22 July 2022)', request: req({ hs: '820840' }, 'RU', '2022-07-22'), verdict: 'not_controlled' },
  { name: '... while the 6th package (June 2022, not read) might have changed it first: asked in June-July 2022', request: req({ hs: '820840' }, 'RU', '2022-06-15'), verdict: 'needs_information', questions: ['eu.sanctionsListed'] },
  { name: 'told it was still listed', request: req({ hs: '820840' }, 'RU', '2022-06-15', { 'eu.sanctionsListed': 1 }), verdict: 'prohibited' },
  { name: 'by 26 February 2023 it is not listed', request: req({ hs: '820840' }, 'RU', '2023-03-01'), verdict: 'not_controlled' },
  { name: 'PCB spraying appliances (CN 8424 89 40) listed from the 7th package; other sprayers of 8424 89 not', request: req({ hs: '84248940' }, 'RU', '2022-08-01'), verdict: 'prohibited' },
  { name: 'CN 8466 91 appears only in the 2023 consolidation (the 7th-package text prints 8466 92): asked in between', request: req({ hs: '846691' }, 'RU', '2022-11-01'), verdict: 'needs_information', questions: ['eu.sanctionsListed'] },
  { name: 'rare-earth compounds (CN 2846) enter Annex XXIII with the 14th package (Annex XXIIIC): not in it on 24 June 2024, while Annex VII X.C.IX.012 already prohibits them', request: req({ hs: '284690' }, 'RU', '2024-06-24'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'X.C.IX.012', status: 'in_force' }], noFindings: [{ measure: 'eu-reg-833-2014-art-3k', status: 'in_force' }] },
  { name: '... and in Annex XXIII after the Art. 3k(3ad) transition (26 September 2024)', request: req({ hs: '284690' }, 'RU', '2024-09-27'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 2846', status: 'in_force' }, { measure: 'eu-reg-833-2014-art-2a', code: 'X.C.IX.012', status: 'in_force' }] },
  { name: 'manganese ores (CN 2602, 14th package) have the shorter Art. 3k(3ae) transition, to 26 July 2024', request: req({ hs: '260200' }, 'RU', '2024-07-27'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 2602' }] },
  { name: 'manganese ores the day before the 14th package', request: req({ hs: '260200' }, 'RU', '2024-06-24'), verdict: 'not_controlled' },
  { name: 'motor-vehicle parts (CN 8708 99) keep the Art. 3k(3af) transition to 26 December 2024', request: req({ hs: '870899' }, 'RU', '2024-12-26'), verdict: 'needs_information', questions: ['eu.priorContract'] },
]);

t.run('critical minerals added on 24 October 2025 (19th package, Annex XXIIIG with the Art. 3k(3aj) transition)', [
  { name: 'tungsten ores (CN 2611) the day before: listed in Annex XXIIIG, so new on 24 October 2025', request: req({ hs: '261100' }, 'RU', '2025-10-23'), verdict: 'not_controlled',
    findings: [{ measure: 'eu-reg-833-2014-art-3k', status: 'not_yet_in_force' }] },
  { name: 'tungsten ores on the first day: contracts concluded before 24 October 2025 may run until 25 January 2026', request: req({ hs: '261100' }, 'RU', '2025-10-24'), verdict: 'needs_information', questions: ['eu.priorContract'] },
  { name: 'tungsten ores on 26 January 2026', request: req({ hs: '261100' }, 'RU', '2026-01-26'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 26', status: 'in_force' }] },
  { name: 'natural graphite (CN 2504) the same way', request: req({ hs: '250410' }, 'RU', '2026-01-26'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 25' }] },
  { name: 'natural graphite before 24 October 2025', request: req({ hs: '250410' }, 'RU', '2025-10-23'), verdict: 'not_controlled' },
  { name: 'refractory bricks (CN 6902) have the longer Art. 3k(3ak) transition, to 25 April 2026', request: req({ hs: '690210' }, 'RU', '2026-04-25'), verdict: 'needs_information', questions: ['eu.priorContract'] },
]);

t.run('Annex VII Part B (Art. 2a) by CN code, with its versions', [
  { name: 'diodes (CN 8541 10) the day before Part B existed (6 October 2022)', request: req({ hs: '854110' }, 'RU', '2022-10-06'), verdict: 'not_controlled',
    findings: [{ measure: 'eu-reg-833-2014-art-2a', status: 'not_yet_in_force' }] },
  { name: 'diodes from 7 October 2022: Part B added by Regulation 2022/1904 (8th package), which does not amend Art. 2a (no transition)', request: req({ hs: '854110' }, 'RU', '2022-10-07'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'CN 8541 10', status: 'in_force', requirement: 'prohibited' }], noWarnings: ['transition_unverified'] },
  { name: 'permanent magnets (CN 8505 11) are not in the 8th-package Part B', request: req({ hs: '850511' }, 'RU', '2022-11-01'), verdict: 'not_controlled', findings: [{ measure: 'eu-reg-833-2014-art-2a', status: 'not_yet_in_force' }] },
  { name: '... and are in the 9th-package Part B from 17 December 2022', request: req({ hs: '850511' }, 'RU', '2022-12-17'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'CN 8505 11', status: 'in_force' }] },
  { name: 'a 4-digit HS heading under which Part B lists some codes is asked for more digits', request: req({ hs: '8542' }, 'RU', '2024-01-01'), verdict: 'needs_information', questions: ['item.hs'] },
  { name: 'gallium and germanium, unwrought (CN 8112 92), from 24 October 2025 (table 8 replaced by Regulation 2025/2033)', request: req({ id: 'gallium/metal' }, 'RU', '2025-10-24'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'CN 8112 92', status: 'in_force' }] },
  { name: 'gallium in June 2025: table 8 of the 16th and 17th packages (chromium, rhenium) does not list it; it comes on 24 October 2025', request: req({ hs: '811292' }, 'RU', '2025-06-01'), verdict: 'not_controlled',
    findings: [{ measure: 'eu-reg-833-2014-art-2a', status: 'not_yet_in_force' }], noFindings: [{ measure: 'eu-reg-833-2014-art-2a', status: 'in_force' }] },
  { name: '... and not asked before the 12th package (the 11th-package Part B is complete)', request: req({ hs: '811292' }, 'RU', '2023-12-18'), verdict: 'not_controlled', noWarnings: ['wind_down'] },
  { name: 'other ADP units (CN 8471 80) are left out of Annex XXIII ("ex 8471") but listed in Part B', request: req({ hs: '847180' }, 'RU', '2024-01-01'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'CN 8471 80' }], noFindings: [{ measure: 'eu-reg-833-2014-art-3k', status: 'in_force' }] },
]);

// Annex VII Category I as inserted by Regulation 2022/328 (in force 2022-02-26): X.A.I.001.a to .f describe integrated
// circuits by parameters (a clock above 25 MHz, memories above stated capacities, ...). Until Part B lists CN 8542 31 to
// 39 whole (2022-10-07), whether an integrated circuit is one of them decides the answer, so it is asked (Russia review R25).
t.run('Annex VII Part A X.A.I.001.a to .f (integrated circuits) before Part B', [
  { name: 'an integrated circuit to Russia on 2022-10-06: whether X.A.I.001.a to .f describes it is asked', request: req({ id: 'electronics/integrated-circuit' }, 'RU', '2022-10-06'), verdict: 'needs_information', questions: ['eu.annexViiElectronics'] },
  { name: '... a microcontroller with a 48 MHz clock (CN 8542 31) stated to be one: prohibited by Art. 2a', request: req({ hs: '854231' }, 'RU', '2022-06-01', { 'eu.annexViiElectronics': 1 }), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'X.A.I.001.a-f', status: 'in_force' }] },
  { name: '... a circuit stated not to be one: not caught', request: req({ hs: '854239' }, 'RU', '2022-06-01', { 'eu.annexViiElectronics': 0 }), verdict: 'not_controlled', noFindings: [{ measure: 'eu-reg-833-2014-art-2a', status: 'in_force' }] },
  { name: 'on the first day of Annex VII (2022-02-26) it is asked already', request: req({ hs: '854232' }, 'RU', '2022-02-26'), verdict: 'needs_information', questions: ['eu.annexViiElectronics'] },
  { name: 'the day before Annex VII nothing is asked', request: req({ hs: '854232' }, 'RU', '2022-02-25'), verdict: 'not_controlled', noQuestions: ['eu.annexViiElectronics'] },
  { name: 'from 2022-10-07 Part B bans the heading whole: prohibited, nothing asked', request: req({ id: 'electronics/integrated-circuit' }, 'RU', '2022-10-07'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-2a', status: 'in_force' }], noQuestions: ['eu.annexViiElectronics'] },
  { name: 'an integrated circuit to Kazakhstan on 2022-06-01 is not caught', request: req({ hs: '854231' }, 'KZ', '2022-06-01'), verdict: 'not_controlled', noQuestions: ['eu.annexViiElectronics'] },
]);

t.run('12th to 14th packages (Regulations 2023/2878, 2024/745 and 2024/1745, read in full for these annexes)', [
  { name: 'pig iron (CN 7201, Annex XXIIIA) to Russia the day before the 12th package', request: req({ hs: '720110' }, 'RU', '2023-12-18'), verdict: 'not_controlled',
    findings: [{ measure: 'eu-reg-833-2014-art-3k', status: 'not_yet_in_force' }] },
  { name: 'pig iron from 19 December 2023: contracts concluded before that day may run until 20 March 2024 (Art. 3k(3aa))', request: req({ hs: '720110' }, 'RU', '2023-12-19'), verdict: 'needs_information', questions: ['eu.priorContract'] },
  { name: 'pig iron under an older contract on 20 March 2024', request: req({ hs: '720110' }, 'RU', '2024-03-20', { 'eu.priorContract': 1 }), verdict: 'not_controlled', warnings: ['wind_down'] },
  { name: 'pig iron on 21 March 2024', request: req({ hs: '720110' }, 'RU', '2024-03-21'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 72', status: 'in_force' }] },
  { name: 'wood sawing machines (CN 8465 91, Annex XXIIIB) keep the longer transition to 20 June 2024 (Art. 3k(3ab))', request: req({ hs: '846591' }, 'RU', '2024-06-20'), verdict: 'needs_information', questions: ['eu.priorContract'] },
  { name: '... and are prohibited on 21 June 2024', request: req({ hs: '846591' }, 'RU', '2024-06-21'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 8465' }] },
  { name: 'the same machines to Belarus (Annex XIV of Regulation 765/2006 read only as of March 2022) or Kazakhstan get no Art. 3k finding', request: req({ hs: '846591' }, 'KZ', '2024-06-21'), verdict: 'not_controlled',
    noFindings: [{ measure: 'eu-reg-833-2014-art-3k' }] },
  { name: 'ballasts for discharge lamps (CN 8504 10) the day before the 13th package (only 8504 32-34 were listed)', request: req({ hs: '850410' }, 'RU', '2024-02-23'), verdict: 'not_controlled' },
  { name: 'ballasts from 24 February 2024 (whole heading 8504): contracts concluded before that day run until 25 May 2024 (Art. 3k(3ac))', request: req({ hs: '850410' }, 'RU', '2024-02-24'), verdict: 'needs_information', questions: ['eu.priorContract'] },
  { name: 'a new contract for ballasts on 24 February 2024 is prohibited', request: req({ hs: '850410' }, 'RU', '2024-02-24', { 'eu.priorContract': 0 }), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 8504', status: 'in_force' }] },
  { name: 'aluminium electrolytic capacitors (CN 8532 22) are not in Part B of the 12th package', request: req({ hs: '853222' }, 'RU', '2024-02-23'), verdict: 'not_controlled',
    findings: [{ measure: 'eu-reg-833-2014-art-2a', status: 'not_yet_in_force' }] },
  { name: '... and are in Part B from 24 February 2024 (Regulation 2024/745), with no transitional clause in Art. 2a', request: req({ hs: '853222' }, 'RU', '2024-02-24'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'CN 8532 22', status: 'in_force', requirement: 'prohibited' }] },
  { name: 'the same capacitors to the United States are not caught', request: req({ hs: '853222' }, 'US', '2024-02-24'), verdict: 'not_controlled', noFindings: [{ measure: 'eu-reg-833-2014-art-2a' }] },
  { name: 'aircraft and drone parts (CN 8807 30) the day before the 14th package: not in Part B', request: req({ hs: '880730' }, 'RU', '2024-06-24'), verdict: 'not_controlled',
    findings: [{ measure: 'eu-reg-833-2014-art-2a', status: 'not_yet_in_force' }] },
  { name: '... in Part B table 10 from 25 June 2024 (Regulation 2024/1745, which has no Art. 2a transitional clause)', request: req({ hs: '880730' }, 'RU', '2024-06-25'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'CN 8807 30', status: 'in_force' }], noWarnings: ['transition_unverified'] },
  { name: 'gallium (CN 8112 92) in the 13th-package Part B is not listed', request: req({ hs: '811292' }, 'RU', '2024-02-24'), verdict: 'not_controlled', noFindings: [{ measure: 'eu-reg-833-2014-art-2a', status: 'in_force' }] },
  { name: 'a 4-digit 8504 on 23 February 2024 is too short (only 8504 32-34 listed): more digits asked', request: req({ hs: '8504' }, 'RU', '2024-02-23'), verdict: 'needs_information', questions: ['item.hs'] },
  { name: '... from 24 February 2024 the whole heading is listed, so 4 digits decide it (a new contract is prohibited)', request: req({ hs: '8504' }, 'RU', '2024-02-24', { 'eu.priorContract': 0 }), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 8504' }] },
]);

t.run('Annex VII Part A critical-metal entries read against CN headings', [
  { name: 'neodymium compounds the day before X.C.IX.012 (25 February 2023)', request: req({ hs: '284690' }, 'RU', '2023-02-25'), verdict: 'not_controlled' },
  { name: 'neodymium compounds from 26 February 2023 (Regulation 2023/427)', request: req({ hs: '284690' }, 'RU', '2023-02-26'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'X.C.IX.012', status: 'in_force' }] },
  // Unwrought tungsten also meets Annex I 1C117/1C226, whose own questions stay open in these answers.
  { name: 'unwrought tungsten before X.C.IX.013 (23 June 2023)', request: req({ hs: '810194' }, 'RU', '2023-06-23', { 'fraction.W': 0.95 }), verdict: 'needs_information',
    findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'X.C.IX.013', status: 'not_yet_in_force' }], noFindings: [{ measure: 'eu-reg-833-2014-art-2a', status: 'in_force' }] },
  { name: 'unwrought tungsten from 24 June 2023: the share of tungsten decides', request: req({ hs: '810194' }, 'RU', '2023-06-24'), verdict: 'needs_information', questions: ['fraction.W'] },
  { name: 'more than 90 % tungsten is prohibited', request: req({ hs: '810194' }, 'RU', '2023-06-24', { 'fraction.W': 0.95 }), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'X.C.IX.013', status: 'in_force' }] },
  { name: '90 % or less is not caught by the entry', request: req({ hs: '810194' }, 'RU', '2023-06-24', { 'fraction.W': 0.9 }), verdict: 'needs_information', noFindings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'X.C.IX.013' }] },
  { name: 'tungsten wire (CN 8101 96) is excluded from X.C.IX.013, and the Annex XXIII of the 11th to 13th packages lists only 8101 10 (powders): only Annex I questions remain', request: req({ hs: '810196' }, 'RU', '2024-02-24', { 'fraction.W': 0.99 }), verdict: 'needs_information',
    findings: [{ measure: 'eu-reg-833-2014-art-3k', status: 'not_yet_in_force' }], noFindings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'X.C.IX.013' }, { measure: 'eu-reg-833-2014-art-3k', status: 'in_force' }] },
  { name: 'tungsten wire in June 2025: the 16th-package Annex XXIII lists only tungsten powders (8101 10)', request: req({ hs: '810196' }, 'RU', '2025-06-01', { 'fraction.W': 0.99 }), verdict: 'needs_information',
    noFindings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'X.C.IX.013' }, { measure: 'eu-reg-833-2014-art-3k', status: 'in_force' }] },
  { name: 'tungsten wire from 20 July 2025 (Annex XXIIIE of the 18th package): contracts concluded before that day may run until 21 October 2025 (Art. 3k(3ah))', request: req({ hs: '810196' }, 'RU', '2025-07-20', { 'fraction.W': 0.99 }), verdict: 'needs_information', questions: ['eu.priorContract'] },
  { name: 'tungsten wire on 22 October 2025 under any contract', request: req({ hs: '810196' }, 'RU', '2025-10-22', { 'fraction.W': 0.99 }), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 8101', status: 'in_force' }] },
  { name: 'tungsten wire from 24 October 2025 (Annex XXIII: 8101)', request: req({ hs: '810196' }, 'RU', '2025-10-24', { 'fraction.W': 0.99 }), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 8101', status: 'in_force' }] },
  { name: 'antimony of 99 % after 17 December 2022', request: req({ hs: '811010' }, 'RU', '2023-01-01', { 'fraction.Sb': 0.99 }), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'X.C.IX.001.b.4', status: 'in_force' }] },
  { name: 'antimony in May 2022: the 5th-package Annex VII has no Category IX', request: req({ hs: '811010' }, 'RU', '2022-05-15', { 'fraction.Sb': 0.99 }), verdict: 'not_controlled', findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'X.C.IX.001.b.4', status: 'not_yet_in_force' }] },
  { name: 'antimony in September 2022: X.C.IX.001 probably came with the 6th package (not read), so asked', request: req({ hs: '811010' }, 'RU', '2022-09-01', { 'fraction.Sb': 0.99 }), verdict: 'needs_information', questions: ['eu.sanctionsListed'] },
  { name: 'antimony from 7 October 2022: the 8th package amends X.C.IX.001.b, so the entry was in force', request: req({ hs: '811010' }, 'RU', '2022-10-07', { 'fraction.Sb': 0.99 }), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'X.C.IX.001.b.4', status: 'in_force' }] },
]);

t.run('16th to 18th packages (Regulations 2025/395, 2025/932 and 2025/1494), read for Annexes VII and XXIII', [
  // Annex VII Part B: no Art. 2a transitional clause in any of the three acts.
  { name: 'chromium ores (CN 2610) the day before the 16th package', request: req({ hs: '261000' }, 'RU', '2025-02-24'), verdict: 'not_controlled', findings: [{ measure: 'eu-reg-833-2014-art-2a', status: 'not_yet_in_force' }] },
  { name: 'chromium ores from 25 February 2025 (Part B table 8 of Regulation 2025/395)', request: req({ hs: '261000' }, 'RU', '2025-02-25'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'CN 2610', status: 'in_force' }], noWarnings: ['transition_unverified'] },
  { name: 'magnesium powders (CN 8104 30) the day before the 17th package: only a fine high-purity powder (1C011.a, Art. 2) is banned, so that is asked', request: req({ hs: '810430' }, 'RU', '2025-05-20'), verdict: 'needs_information', questions: ['purity.ZrOrMgAndAlloys', 'particleSizeUm'] },
  { name: '... a coarse magnesium powder was not banned that day', request: req({ hs: '810430', parameters: { 'purity.ZrOrMgAndAlloys': 0.995, particleSizeUm: 200 } }, 'RU', '2025-05-20'), verdict: 'not_controlled' },
  { name: '... a fine high-purity one was (Art. 2, Annex I 1C011.a)', request: req({ hs: '810430', parameters: { 'purity.ZrOrMgAndAlloys': 0.995, particleSizeUm: 50 } }, 'RU', '2025-05-20'), verdict: 'prohibited' },
  { name: 'magnesium powders from 21 May 2025 (Part B table 6 of Regulation 2025/932)', request: req({ hs: '810430' }, 'RU', '2025-05-21'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'CN 8104 30', status: 'in_force' }] },
  { name: 'ball screws (CN 8483 40 30, table 9 of the 17th package) still in Part B after the 19th package, which replaced only tables 3, 6 and 8', request: req({ hs: '84834030' }, 'RU', '2025-11-01'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'CN 8483 40 30', status: 'in_force' }] },
  { name: 'electro-discharge machine tools (CN 8456 30): in Annex XXIII (whole 8456) but not in Part B on 19 July 2025', request: req({ hs: '845630' }, 'RU', '2025-07-19'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 8456', status: 'in_force' }], noFindings: [{ measure: 'eu-reg-833-2014-art-2a', status: 'in_force' }] },
  { name: '... and in Part B table 5 from 20 July 2025 (Regulation 2025/1494)', request: req({ hs: '845630' }, 'RU', '2025-07-20'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'CN 8456 30', status: 'in_force' }] },
  // Annex XXIII: Annex XXIIID (Art. 3k(3ag)), XXIIIE (3ah) and XXIIIF (3ai).
  { name: 'niobium and tantalum ores (CN 2615) the day before the 16th package', request: req({ hs: '261590' }, 'RU', '2025-02-24'), verdict: 'not_controlled' },
  { name: 'niobium and tantalum ores from 25 February 2025 (Annex XXIIID): contracts concluded before that day may run until 26 May 2025', request: req({ hs: '261590' }, 'RU', '2025-02-25'), verdict: 'needs_information', questions: ['eu.priorContract'] },
  { name: '... under such a contract on the last day, 26 May 2025', request: req({ hs: '261590' }, 'RU', '2025-05-26', { 'eu.priorContract': 1 }), verdict: 'not_controlled', warnings: ['wind_down'] },
  { name: '... on 27 May 2025 under any contract', request: req({ hs: '261590' }, 'RU', '2025-05-27'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 2615', status: 'in_force' }] },
  { name: 'artificial graphite (CN 3801 10) the day before the 18th package', request: req({ hs: '380110' }, 'RU', '2025-07-19'), verdict: 'not_controlled', findings: [{ measure: 'eu-reg-833-2014-art-3k', status: 'not_yet_in_force' }] },
  { name: 'artificial graphite from 20 July 2025 (Annex XXIIIE): contracts concluded before that day may run until 21 October 2025', request: req({ hs: '380110' }, 'RU', '2025-07-20'), verdict: 'needs_information', questions: ['eu.priorContract'] },
  { name: '... under such a contract on 21 October 2025', request: req({ hs: '380110' }, 'RU', '2025-10-21', { 'eu.priorContract': 1 }), verdict: 'not_controlled', warnings: ['wind_down'] },
  { name: '... on 22 October 2025', request: req({ hs: '380110' }, 'RU', '2025-10-22'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 3801', status: 'in_force' }] },
  { name: 'colloidal graphite (CN 3801 20) was already in the 16th-package list: no transition on 20 July 2025', request: req({ hs: '380120' }, 'RU', '2025-07-20'), verdict: 'prohibited' },
  { name: 'unwrought cobalt (CN 8105 20) from 20 July 2025 (Annex XXIIIE)', request: req({ hs: '810520' }, 'RU', '2025-07-20', { 'eu.priorContract': 0 }), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 8105' }] },
  { name: 'refined copper (CN 7403, ex 74) the day before the 18th package', request: req({ hs: '740311' }, 'RU', '2025-07-19'), verdict: 'not_controlled' },
  { name: 'copper mattes (CN 7401) stay outside "ex 74"', request: req({ hs: '740100' }, 'RU', '2025-11-01'), verdict: 'not_controlled' },
  { name: 'filling and labelling machines (CN 8422 30, Annex XXIIIF) keep the longer Art. 3k(3ai) transition, to 21 January 2026', request: req({ hs: '842230' }, 'RU', '2026-01-21'), verdict: 'needs_information', questions: ['eu.priorContract'] },
  { name: '... and are prohibited on 22 January 2026', request: req({ hs: '842230' }, 'RU', '2026-01-22'), verdict: 'prohibited' },
  { name: 'argon (CN 2804 21): the 16th-package "ex 2804" leaves out rare gases', request: req({ hs: '280421' }, 'RU', '2025-07-19'), verdict: 'not_controlled' },
  { name: 'argon from 20 July 2025: the whole of 2804 is listed and argon is not in Annex XXIIIE, so no transition', request: req({ hs: '280421' }, 'RU', '2025-07-20'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 2804' }] },
  { name: 'other rare gases (CN 2804 29) are in Annex XXIIIE: asked on 20 July 2025', request: req({ hs: '280429' }, 'RU', '2025-07-20'), verdict: 'needs_information', questions: ['eu.priorContract'] },
]);

t.run('Art. 2a(3) as replaced by Regulation 2025/395 and Art. 2a(1aa) as inserted by Regulation 2025/1494', [
  { name: 'processors to Kazakhstan for a Kazakh end user on 19 July 2025: nothing', request: { ...req({ hs: '854231' }, 'KZ', '2025-07-19'), endUser: { name: 'Almaty Systems', country: 'KZ', type: 'commercial' } }, verdict: 'not_controlled', noWarnings: ['annex_vii_elsewhere'] },
  { name: '... from 20 July 2025 an authorisation is needed once the authority informs the exporter of a Russian destination: warned', request: { ...req({ hs: '854231' }, 'KZ', '2025-07-20'), endUser: { name: 'Almaty Systems', country: 'KZ', type: 'commercial' } }, verdict: 'not_controlled', warnings: ['annex_vii_elsewhere'] },
  { name: 'processors shipped to Kazakhstan for an end user in Russia are an indirect export to Russia (Art. 2a(1))', request: { ...req({ hs: '854231' }, 'KZ', '2024-01-01'), endUser: { name: 'OOO Elektron', country: 'RU', type: 'commercial' } }, verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'CN 8542 31', status: 'in_force' }] },
  { name: 'an Annex I item sold to a Russian purchaser but shipped to Armenia is prohibited too (Art. 2(1), "directly or indirectly")', request: { ...req({ euCode: '3A001.a.1' }, 'AM', '2024-01-01'), parties: [{ role: 'purchaser', name: 'OOO Mikron Trade', country: 'RU' }] }, verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-2' }] },
  { name: 'goods shipped to Belarus for an end user in Russia reach both: the Russian Part B applies too', request: { ...req({ hs: '261000' }, 'BY', '2025-03-01'), endUser: { name: 'OOO Khrom', country: 'RU', type: 'commercial' } }, verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'CN 2610', status: 'in_force' }] },
  { name: 'a Russian freight forwarder alone does not make it an export to Russia', request: { ...req({ hs: '854231' }, 'KZ', '2024-01-01'), parties: [{ role: 'freight_forwarder', name: 'OOO Logistika', country: 'RU' }] }, verdict: 'not_controlled' },
  { name: 'lithium carbonate (CN 2836 91) the day before the 12th package: the 2023/1214 Category IX ends at X.C.IX.013', request: req({ hs: '283691' }, 'RU', '2023-12-18'), verdict: 'not_controlled', findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'X.C.IX.014', status: 'not_yet_in_force' }] },
  { name: 'lithium carbonate from 19 December 2023: Annex VII Part A X.C.IX.014 (Regulation 2023/2878), no Art. 2a transition', request: req({ hs: '283691' }, 'RU', '2023-12-19'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'X.C.IX.014', status: 'in_force' }] },
  { name: 'lithium metal (CN 2805 19, shared with other alkali metals) from 19 December 2023: whether the item is lithium is asked', request: req({ hs: '280519' }, 'RU', '2024-01-01'), verdict: 'needs_information', questions: ['eu.isListedLithium'] },
  { name: '... lithium metal is prohibited (X.C.IX.014.a)', request: req({ hs: '280519' }, 'RU', '2024-01-01', { 'eu.isListedLithium': 1 }), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'X.C.IX.014', status: 'in_force' }] },
  { name: '... potassium metal of the same code is not caught', request: req({ hs: '280519' }, 'RU', '2024-01-01', { 'eu.isListedLithium': 0 }), verdict: 'not_controlled' },
  { name: '... and nothing is asked before 19 December 2023', request: req({ hs: '280519' }, 'RU', '2023-12-18'), verdict: 'not_controlled', findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'X.C.IX.014', status: 'not_yet_in_force' }] },
  { name: 'lithium iron phosphate (CN 2842 90) said to be a named compound is prohibited', request: req({ hs: '284290' }, 'RU', '2024-03-01', { 'eu.isListedLithium': 1 }), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'X.C.IX.014' }] },
  { name: 'lithium hydroxide (CN 2825 20) on 19 December 2023: prohibited by Art. 2a even while its Annex XXIII listing (whole 2825) is in its Art. 3k(3aa) transition', request: req({ hs: '282520' }, 'RU', '2023-12-19', { 'eu.priorContract': 1 }), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'X.C.IX.014', status: 'in_force' }] },
]);

t.run('Annex XXIII "ex" entries ask the fact the code cannot show', [
  { name: 'a large petrol car (ex 8703 23, ambulances left out)', request: req({ hs: '870323' }, 'RU', '2024-01-01'), verdict: 'needs_information', questions: ['eu.excludedFromEntry'] },
  { name: 'an ambulance is left out', request: req({ hs: '870323' }, 'RU', '2024-01-01', { 'eu.excludedFromEntry': 1 }), verdict: 'not_controlled' },
  { name: 'any other such car is prohibited', request: req({ hs: '870323' }, 'RU', '2024-01-01', { 'eu.excludedFromEntry': 0 }), verdict: 'prohibited' },
]);

t.run('Belarus: Annex XIV machinery (Art. 1s of Regulation 765/2006)', [
  { name: 'lathes to Belarus the day before Art. 1s', request: req({ hs: '845811' }, 'BY', '2022-03-02'), verdict: 'not_controlled' },
  { name: 'lathes to Belarus from 3 March 2022: contracts concluded before 2 March 2022 may run until 4 June 2022', request: req({ hs: '845811' }, 'BY', '2022-03-03'), verdict: 'needs_information', questions: ['eu.priorContract'] },
  { name: 'lathes to Belarus on 5 June 2022', request: req({ hs: '845811' }, 'BY', '2022-06-05'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-765-2006-art-1s', code: 'CN 8458', status: 'in_force' }], warnings: ['sanctions_partial'] },
  { name: 'the same lathes to Russia on 5 June 2022 are not yet listed (Part C of Annex XXIII comes on 26 February 2023)', request: req({ hs: '845811' }, 'RU', '2022-06-05'), verdict: 'not_controlled' },
  { name: 'heat pumps (ex 8418: only heat pumps other than air conditioners, our reading CN 8418 61)', request: req({ hs: '841861' }, 'BY', '2022-07-01'), verdict: 'prohibited' },
  { name: 'a refrigerator (CN 8418 10) is not in ex 8418', request: req({ hs: '841810' }, 'BY', '2022-07-01'), verdict: 'not_controlled' },
]);

t.run('Belarus: Annex Va Part B (Art. 1f) as replaced by Regulation 2024/1865', [
  { name: 'processors (CN 8542 31) to Belarus in March 2022: Annex Va then had no list by CN code', request: req({ hs: '854231' }, 'BY', '2022-03-05'), verdict: 'not_controlled',
    findings: [{ measure: 'eu-reg-765-2006-art-1f', status: 'not_yet_in_force' }] },
  { name: 'on 30 June 2024 the amendments in between were not read: asked', request: req({ hs: '854231' }, 'BY', '2024-06-30'), verdict: 'needs_information', questions: ['eu.sanctionsListed'] },
  { name: 'from 1 July 2024 Part B lists them', request: req({ hs: '854231' }, 'BY', '2024-07-01'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-765-2006-art-1f', code: 'CN 8542 31', status: 'in_force', requirement: 'prohibited' }], warnings: ['transition_unverified'] },
  { name: 'chromium ores (CN 2610), in the Russian Part B from 2025, are not in the Belarus Part B of 2024', request: req({ hs: '261000' }, 'BY', '2024-07-01'), verdict: 'not_controlled', noFindings: [{ measure: 'eu-reg-765-2006-art-1f', status: 'in_force' }] },
  { name: 'an export to Lithuania is intra-EU, but one to Kazakhstan for a Belarusian end user reaches Belarus', request: { ...req({ hs: '854231' }, 'KZ', '2024-08-01'), endUser: { name: 'OAO Integral', country: 'BY', type: 'commercial' } }, verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-765-2006-art-1f', code: 'CN 8542 31' }] },
]);

t.run('Belarus: Annex XVIII (Art. 1bb) as added by Regulation 2024/1865', [
  { name: 'rare-earth compounds (CN 2846) to Belarus the day before Art. 1bb', request: req({ hs: '284690' }, 'BY', '2024-06-30'), verdict: 'not_controlled', findings: [{ measure: 'eu-reg-765-2006-art-1bb', status: 'not_yet_in_force' }] },
  { name: 'from 1 July 2024, contracts concluded before that day may run until 2 October 2024 (Art. 1bb(4))', request: req({ hs: '284690' }, 'BY', '2024-07-01'), verdict: 'needs_information', questions: ['eu.priorContract'] },
  { name: '... under such a contract on 2 October 2024', request: req({ hs: '284690' }, 'BY', '2024-10-02', { 'eu.priorContract': 1 }), verdict: 'not_controlled', warnings: ['wind_down'] },
  { name: '... on 3 October 2024 under any contract', request: req({ hs: '284690' }, 'BY', '2024-10-03'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-765-2006-art-1bb', code: 'CN 2846', status: 'in_force' }] },
  { name: 'manganese ores (CN 2602) have the shorter Art. 1bb(5) transition: prohibited on 3 August 2024', request: req({ hs: '260200' }, 'BY', '2024-08-03'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-765-2006-art-1bb', code: 'CN 2602' }] },
  { name: 'vehicle parts (CN 8708 99) keep the longer Art. 1bb(6) transition, to 2 January 2025', request: req({ hs: '870899' }, 'BY', '2024-12-01'), verdict: 'needs_information', questions: ['eu.priorContract'] },
  { name: 'an SUV (ex 8703 23) is listed only with a ground clearance of 165 mm or more: asked', request: req({ hs: '870323' }, 'BY', '2025-01-10'), verdict: 'needs_information', questions: ['eu.excludedFromEntry'] },
  { name: 'toy drones (CN 9503 00 75), in the Russian Annex XXIII, are not in the Belarus Annex XVIII', request: req({ hs: '95030075' }, 'BY', '2025-01-10'), verdict: 'not_controlled' },
  { name: 'argon (CN 2804 21) is left out of "ex 2804"', request: req({ hs: '280421' }, 'BY', '2025-01-10'), verdict: 'not_controlled' },
]);

t.run('HS code given vs missing', [
  { name: 'no customs code and no taxonomy item: the code is asked for', request: req({ name: 'industrial widget' }, 'RU', '2024-01-01'), verdict: 'needs_information', questions: ['item.hs'] },
  { name: 'a taxonomy item whose HS codes agree is looked up without asking (lithium carbonate, CN 2836, 2026)', request: req({ id: 'lithium/carbonate' }, 'RU', '2026-01-10'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 2836' }] },
  { name: 'an Annex I item needs no customs code: Art. 2 decides', request: req({ euCode: '1C229' }, 'RU', '2024-01-01'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-2' }], noFindings: [{ measure: 'eu-reg-833-2014-art-3k' }] },
]);

describe('Art. 2a(3) as replaced by Regulation 2025/395 (in force 25 February 2025)', () => {
  const reason = (date: string) => t.engine.assess(req({ hs: '854231' }, 'RU', date)).jurisdictions[0]!.findings.find((f) => f.measure.id === 'eu-reg-833-2014-art-2a' && f.status === 'in_force')?.reason ?? '';
  it('from that day the finding names only the humanitarian and medical exceptions (items outside Annex XL) and the new derogations', () => {
    expect(reason('2025-02-25')).toMatch(/Annex XL/);
    expect(reason('2025-02-25')).not.toMatch(/personal effects/);
  });
  it('the day before it names the former exceptions (news media, personal effects)', () => {
    expect(reason('2025-02-24')).toMatch(/personal effects/);
  });
});

describe('the coverage warning names what is not read', () => {
  const warn = (r: AssessmentRequest) => t.engine.assess(r).warnings.find((w) => w.code === 'sanctions_partial')?.message ?? '';
  it('after 24 October 2025 (19th package, the last act read) it names what was not read, the 20th package (Regulation 2026/506) among it', () => {
    expect(warn(req({ hs: '848210' }, 'RU', '2026-05-01'))).toMatch(/2026\/506/);
    expect(warn(req({ hs: '848210' }, 'RU', '2025-10-25'))).toMatch(/read through 2025-10-24/);
    expect(warn(req({ hs: '848210' }, 'RU', '2025-10-24'))).not.toMatch(/2026\/506/);
  });
  it('for Belarus after 10 March 2022 it says later amendments were not read', () => {
    expect(warn(req({ hs: '848210' }, 'BY', '2022-06-05'))).toMatch(/10 March 2022/);
  });
  it('no longer says the 16th to 18th packages were not read (Regulations 2025/395, 2025/932 and 2025/1494 are read)', () => {
    expect(warn(req({ hs: '010121' }, 'RU', '2025-12-01'))).not.toMatch(/16th to 18th|not read: Regulations 2025/);
    expect(warn(req({ hs: '010121' }, 'RU', '2025-12-01'))).toMatch(/X\.C\.IX\.014 \(lithium/);
  });
});

describe('the lists as read', () => {
  it('hold the version days of the acts that put them in place', () => {
    expect(list('ru-833-annex-xxiii').versions.map((v) => v.from)).toEqual(['2022-04-09', '2022-07-22', '2022-10-07', '2022-12-17', '2023-02-26', '2023-06-24', '2023-12-19', '2024-02-24', '2024-06-25', '2025-02-25', '2025-07-20', '2025-10-24']);
    expect(list('ru-833-annex-vii-part-b').versions.map((v) => v.from)).toEqual(['2022-10-07', '2022-12-17', '2023-02-26', '2023-06-24', '2023-12-19', '2024-02-24', '2024-06-25', '2025-02-25', '2025-05-21', '2025-07-20', '2025-10-24']);
    expect(list('ru-833-annex-xxiii').gaps.map((g) => g.from)).toEqual(['2022-06-03', '2022-07-22']);
    expect(list('ru-833-annex-vii-part-b').gaps).toEqual([]);
    expect(list('by-765-annex-xiv').versions.map((v) => v.from)).toEqual(['2022-03-03']);
    expect(list('by-765-annex-va-part-b').versions.map((v) => v.from)).toEqual(['2022-03-03', '2024-07-01']);
    expect(list('by-765-annex-xviii').versions.map((v) => [v.from, v.codes.size])).toEqual([['2024-07-01', 428]]);
    // Regulation 2024/1865 copies, table for table, the Russian Part B of Regulation 2024/1745.
    expect([...versionOn(list('by-765-annex-va-part-b'), '2024-07-01')!.codes].sort()).toEqual([...versionOn(list('ru-833-annex-vii-part-b'), '2024-06-25')!.codes].sort());
  });
  it('count the codes of each text read (CN codes ending in 00 folded into their parent)', () => {
    const sizes = list('ru-833-annex-xxiii').versions.map((v) => v.codes.size);
    expect(sizes).toEqual([672, 671, 675, 699, 903, 592, 542, 540, 501, 520, 520, 509]);
    expect(list('ru-833-annex-vii-part-b').versions.map((v) => v.codes.size)).toEqual([13, 23, 29, 53, 73, 74, 82, 88, 99, 101, 112]);
  });
  it('no Part B version drops a code of the one before (every package from the 9th to the 19th only added)', () => {
    const vs = list('ru-833-annex-vii-part-b').versions;
    for (let i = 1; i < vs.length; i++) for (const c of vs[i - 1]!.codes) expect(vs[i]!.codes.has(c), `${c} on ${vs[i]!.from}`).toBe(true);
  });
  it('the 18th-package list (read in full) newly covers every code of its Annexes XXIIIE and XXIIIF, and the 16th-package list every code of its Annex XXIIID', () => {
    const l = list('ru-833-annex-xxiii');
    for (const [day, before] of [['2025-07-20', '2025-07-19'], ['2025-02-25', '2025-02-24']] as const) {
      const v = versionOn(l, day)!;
      expect(v.certainNew.size).toBeGreaterThan(10);
      for (const c of v.certainNew) {
        const d = c.padEnd(6, '0');
        expect(lookupList(l, d, before).kind, `${c} before ${day}`).toBe('not_listed');
        expect(lookupList(l, d, day).kind, `${c} on ${day}`).toBe('listed');
      }
    }
  });
  it('the 12th package (read in full) newly covered exactly the subheadings of its Annexes XXIIIA and XXIIIB', () => {
    const l = list('ru-833-annex-xxiii');
    const v12 = versionOn(l, '2023-12-19')!;
    expect(v12.certainNew.size).toBe(182);
    for (const c of v12.certainNew) {
      const d = c.padEnd(6, '0');
      expect(lookupList(l, d, '2023-12-18').kind, c).toBe('not_listed');
      expect(lookupList(l, d, '2023-12-19').kind, c).toBe('listed');
    }
  });
  it('every code of the 2025 Annex XXIIIG is in the 2025 Annex XXIII', () => {
    const v = versionOn(list('ru-833-annex-xxiii'), '2025-10-24')!;
    for (const c of v.certainNew) expect(lookupList(list('ru-833-annex-xxiii'), c.padEnd(6, '0'), '2025-10-24').kind, c).not.toBe('not_listed');
  });
});

t.run('11th package (Regulation 2023/1214): Art. 3k(3)-(3b) for the goods Annex XXIII newly covered on 24 June 2023', [
  { name: 'molybdenum powder (CN 8102 10, whole heading 8102 from the 11th package) in July 2023: contracts concluded before 24 June 2023 may run until 25 September 2023 (Art. 3k(3b))', request: req({ hs: '810210', parameters: { particleSizeUm: 500 } }, 'RU', '2023-07-01'), verdict: 'needs_information', questions: ['eu.priorContract'] },
  { name: '... under such a contract on 25 September 2023', request: req({ hs: '810210', parameters: { particleSizeUm: 500, 'eu.priorContract': 1 } }, 'RU', '2023-09-25'), verdict: 'not_controlled', warnings: ['wind_down'] },
  { name: '... on 26 September 2023 under any contract, with no unread-transition warning', request: req({ hs: '810210', parameters: { particleSizeUm: 500 } }, 'RU', '2023-09-26'), verdict: 'prohibited',
    findings: [{ measure: 'eu-reg-833-2014-art-3k', code: 'CN 8102', status: 'in_force' }], noWarnings: ['transition_unverified'] },
  { name: 'molybdenum waste, listed since 2022, carries no transition', request: req({ hs: '810297' }, 'RU', '2023-07-01'), verdict: 'prohibited', noWarnings: ['transition_unverified', 'wind_down'] },
  { name: 'large petrol cars (ex 8703 23) named in Art. 3k(3): the wind-down question names the EUR 50 000 limit', request: req({ hs: '870323', parameters: { 'eu.excludedFromEntry': 0 } }, 'RU', '2023-07-01'), verdict: 'needs_information', questions: ['eu.priorContract'] },
  { name: 'Part B additions of the 11th package (e.g. CN 8534 printed circuits) have no Art. 2a transitional clause', request: req({ hs: '853400' }, 'RU', '2023-06-24'), verdict: 'prohibited', findings: [{ measure: 'eu-reg-833-2014-art-2a', code: 'CN 8534', status: 'in_force' }], noWarnings: ['transition_unverified'] },
]);

describe('a technology to Russia or Belarus with no customs code (Russia review R40)', () => {
  const prompt = (item: AssessmentRequest['item'], to: string, transfer?: AssessmentRequest['transfer']) =>
    t.engine.assess({ ...req(item, to, '2025-11-01'), ...(transfer ? { transfer } : {}) }).questions.find((q) => q.parameter === 'item.hs')?.prompt ?? '';
  it('asks the code of the goods the technology is for, since the lists reach technical assistance related to those goods', () => {
    const asked = prompt({ id: 'tech/rare-earths/separation' }, 'RU', 'technology');
    expect(asked).toMatch(/technical assistance related to those goods/);
    expect(asked).toMatch(/Art\. 1\(c\) of Regulation 833\/2014/);
    expect(asked).toMatch(/of the goods this technology is for/);
    expect(prompt({ id: 'tech/rare-earths/separation' }, 'BY', 'technology')).toMatch(/of the goods this technology is for/);
  });
  it('goods are asked their own code', () => {
    const asked = prompt({ name: 'industrial widget' }, 'RU');
    expect(asked).toMatch(/give the item's HS or CN code/);
    expect(asked).not.toMatch(/technology/);
  });
  it('the code of those goods, once given, decides: rare-earth compounds (CN 2846) are listed', () => {
    const a = t.engine.assess({ ...req({ id: 'tech/rare-earths/separation', hs: '284690' }, 'RU', '2025-11-01'), transfer: 'technology' });
    expect(a.jurisdictions.find((j) => j.jurisdiction === 'EU')?.verdict).toBe('prohibited');
  });
});
