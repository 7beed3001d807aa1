import { createEngine, type AssessmentRequest } from '@chokepoint/core';
import { loadTaxonomy } from '@chokepoint/taxonomy';
import { describe, expect, it } from 'vitest';
import { PluginTester } from '@chokepoint/plugin-kit';
import plugin from '../src/index.js';

const t = new PluginTester(plugin);
const d = '2026-01-15';

t.run('list control: Appended Table 1 by taxonomy item and by code', [
  { request: { item: { id: 'lithium/lithium-6-enriched' }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'license_required', licensePolicy: 'case_by_case',
    findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-2-24', code: '2(24)', status: 'in_force' }], onlyFindings: true },
  { name: 'item.codes.JP 2(24) matches the item and its row', request: { item: { codes: { JP: '2(24)' } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'license_required',
    findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-2-24' }, { measure: 'jp-etco-appended-table-1', entry: 'jp-row-2' }] },
  { name: 'full-width codes are accepted', request: { item: { codes: { JP: '２（２４）' } }, from: 'JP', to: 'US', date: d }, verdict: 'license_required' },
  { name: 'list control applies to Group A too', request: { item: { id: 'beryllium/metal' }, from: 'JP', to: 'US', date: d }, verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-2-18' }] },
  { name: 'plain lithium is broader than the listed lithium-6: asks which', request: { item: { id: 'lithium' }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'needs_information', questions: ['item'] },
]);

t.run('the Ordinance\'s numbers as parameter conditions', [
  { name: 'artificial graphite without its figures asks for them', request: { item: { id: 'graphite/artificial' }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'needs_information', questions: ['massKg', 'boronEquivalentPpm', 'densityGPerCm3'] },
  { name: 'nuclear-grade artificial graphite is 2(4)', request: { item: { id: 'graphite/artificial', parameters: { massKg: 5, boronEquivalentPpm: 2, densityGPerCm3: 1.8 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-2-4' }] },
  { name: 'graphite anode material (artificial, or a blend) is asked the 2(4) figures too', request: { item: { id: 'graphite/anode-material' }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'needs_information', questions: ['massKg', 'boronEquivalentPpm', 'densityGPerCm3'] },
  { name: 'anode powder with a bulk density of 1.1: not 2(4)', request: { item: { id: 'graphite/anode-material', parameters: { massKg: 1000, boronEquivalentPpm: 2, densityGPerCm3: 1.1 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled' },
  { name: 'natural spherical graphite is not artificial graphite: nothing asked', request: { item: { id: 'graphite/spherical' }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled', questions: [], onlyQuestions: true },
  { name: 'battery-grade graphite powder (boron equivalent of 5 ppm or more, not machinable into a nozzle blank) is neither 2(4) nor 4(15).2', request: { item: { id: 'graphite/artificial', parameters: { massKg: 5, boronEquivalentPpm: 40, densityGPerCm3: 1.8, particleSizeUm: 18, machinableToNozzleBlank: 0 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled' },
  { name: 'graphite with both the 2(4) and the 4(15).2 figures is 4(15).2 alone: 2(4) excludes what row 4 lists', request: { item: { id: 'graphite/artificial', parameters: { massKg: 5, boronEquivalentPpm: 2, densityGPerCm3: 1.8, particleSizeUm: 50, machinableToNozzleBlank: 1 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'license_required',
    findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-4-15-2', code: '4(15).2', status: 'in_force' }], onlyFindings: true },
  { name: 'a tungsten alloy with both the 2(25) and the 5(7) figures is 2(25) alone: 5(7) excludes what row 2 lists', request: { item: { id: 'tungsten/alloy', parameters: { 'fraction.W': 0.95, massKg: 30, innerDiameterMm: 150, matrixIronNickelOrCopper: 1, densityGPerCm3: 18, elasticLimitMPa: 900, tensileStrengthMPa: 1300, elongationPct: 10 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'license_required',
    findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-2-25-alloy', code: '2(25)', status: 'in_force' }], onlyFindings: true },
  { name: 'the same alloy in a piece of 10 kg is not 2(25), so it is 5(7)', request: { item: { id: 'tungsten/alloy', parameters: { 'fraction.W': 0.95, massKg: 10, innerDiameterMm: 150, matrixIronNickelOrCopper: 1, densityGPerCm3: 18, elasticLimitMPa: 900, tensileStrengthMPa: 1300, elongationPct: 10, valueJpy: 10_000_000 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'license_required',
    findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-5-7', code: '5(7)', status: 'in_force' }], onlyFindings: true },
  { name: 'without the missile-grade figures, artificial graphite that is not 2(4) asks for them (4(15).2)', request: { item: { id: 'graphite/artificial', parameters: { massKg: 5, boronEquivalentPpm: 40, densityGPerCm3: 1.8 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'needs_information', questions: ['particleSizeUm', 'machinableToNozzleBlank'] },
  { name: 'fine-grained dense graphite that can be machined into a nozzle blank is 4(15).2', request: { item: { id: 'graphite/artificial', parameters: { massKg: 5, boronEquivalentPpm: 40, densityGPerCm3: 1.72, particleSizeUm: 100, machinableToNozzleBlank: 1 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-4-15-2', code: '4(15).2' }] },
  { request: { item: { id: 'graphite/artificial', parameters: { massKg: 5, boronEquivalentPpm: 40, densityGPerCm3: 1.71, particleSizeUm: 100, machinableToNozzleBlank: 1 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled' },
  { name: 'a 25 kg tungsten cylinder of 150 mm bore is 2(25)', request: { item: { id: 'tungsten/metal', parameters: { massKg: 25, innerDiameterMm: 150 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-2-25' }] },
  { name: 'a 10 kg tungsten part is not 2(25) (nor 4(15).3 solid tungsten, as it cannot be machined into the listed shapes)', request: { item: { id: 'tungsten/metal', parameters: { massKg: 10, innerDiameterMm: 150, machinableToControlledShape: 0 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled' },
  { name: 'zirconium oxide is 2(26) only when nuclear grade', request: { item: { id: 'zirconium/oxide', parameters: { hafniumToZirconiumRatio: 0.001 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'license_required' },
  { request: { item: { id: 'zirconium/oxide', parameters: { hafniumToZirconiumRatio: 0.02 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled' },
]);

t.run('rows 4, 5 and 7: the Ordinance\'s numbers for the minerals and materials (Art. 3(xvi), 4(ix), 6(v), 6(xxi), 6(xxii))', [
  { name: 'tungsten powder of 99 % W and 10 µm is 4(15).3', request: { item: { id: 'tungsten/powder', parameters: { 'fraction.W': 0.99, particleSizeUm: 10 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-4-15-3-tungsten' }] },
  { name: 'at exactly 97 % and 50 µm it still is', request: { item: { id: 'tungsten/powder', parameters: { 'fraction.W': 0.97, particleSizeUm: 50 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'license_required' },
  { name: 'coarser than 50 µm it is not', request: { item: { id: 'tungsten/powder', parameters: { 'fraction.W': 0.99, particleSizeUm: 51 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled' },
  { name: 'molybdenum powder under 97 % Mo is not', request: { item: { id: 'molybdenum/powder', parameters: { 'fraction.Mo': 0.96, particleSizeUm: 5 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled' },
  { name: 'a tungsten heavy alloy with a nickel-iron matrix above every threshold is 5(7)', request: { item: { id: 'tungsten/alloy', parameters: { matrixIronNickelOrCopper: 1, densityGPerCm3: 18, elasticLimitMPa: 900, tensileStrengthMPa: 1300, elongationPct: 10 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-5-7' }] },
  { name: 'at exactly 8 % elongation it is not (the Ordinance says over 8 %)', request: { item: { id: 'tungsten/alloy', parameters: { matrixIronNickelOrCopper: 1, densityGPerCm3: 18, elasticLimitMPa: 900, tensileStrengthMPa: 1300, elongationPct: 8, massKg: 5, machinableToControlledShape: 0 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled', noFindings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-5-7' }] },
  { name: 'a lithium-ion cell asks its energy density (7(6))', request: { item: { id: 'batteries/lithium-ion-cell' }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'needs_information', questions: ['energyDensityWhPerKg'] },
  { name: 'a cell of 351 Wh/kg is 7(6)', request: { item: { id: 'batteries/lithium-ion-cell', parameters: { energyDensityWhPerKg: 351 } }, from: 'JP', to: 'US', date: d }, verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-7-6' }] },
  { name: 'a cell of exactly 350 Wh/kg is not', request: { item: { id: 'batteries/lithium-ion-cell', parameters: { energyDensityWhPerKg: 350 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled' },
  { name: 'an LFP cell of 180 Wh/kg is not', request: { item: { id: 'batteries/lfp-cell', parameters: { energyDensityWhPerKg: 180 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled' },
  { name: 'a cell classified 7(6) by the exporter is not asked again', request: { item: { id: 'batteries/lithium-ion-cell', codes: { JP: '7(6)' } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-7-6-classified' }] },
  { name: 'stibine over 99.999 % is 7(21)', request: { item: { id: 'antimony/hydride', parameters: { purity: 0.999995, inertGasOrHydrogenMolFraction: 0 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-7-21' }] },
  { name: 'stibine diluted with 20 mol % hydrogen is not', request: { item: { id: 'antimony/hydride', parameters: { purity: 0.999995, inertGasOrHydrogenMolFraction: 0.2 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled' },
  { name: 'stibine of exactly 99.999 % is not', request: { item: { id: 'antimony/hydride', parameters: { purity: 0.99999, inertGasOrHydrogenMolFraction: 0 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled' },
  { name: 'a semi-insulating GaN substrate is 7(22)', request: { item: { id: 'gallium/nitride', parameters: { substrateOrPreform: 1, resistivityOhmCm: 1e6 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-7-22' }] },
  { name: 'a bare conductive SiC wafer (0.02 Ω·cm) is not', request: { item: { id: 'silicon/carbide', parameters: { substrateOrPreform: 1, resistivityOhmCm: 0.02, jpHeteroEpitaxial: 0 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled' },
  { name: 'GaN powder is not a substrate', request: { item: { id: 'gallium/nitride', parameters: { substrateOrPreform: 0, resistivityOhmCm: 1e6, jpHeteroEpitaxial: 0 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled' },
]);

// Review findings D8–D11: the Ordinance's figures for bismuth 2(19) (Art. 1(xxiv)イ), magnesium 2(21) (Art. 1(xxvi)ハ),
// beryllium scrap 2(18) (Art. 1(xxiii)) and compacted tungsten 4(15)3 (Art. 3(xvi)ト(三)), text as of 2026-02-14, each
// just below, at and above its bound.
const jp = (id: string, parameters: Record<string, number>, to = 'CN'): AssessmentRequest => ({ item: { id, parameters }, from: 'JP', to, date: '2026-06-01', endUse: 'civil' });
const BI = [{ measure: 'jp-etco-appended-table-1', entry: 'jp-2-19-bismuth', code: '2(19)', status: 'in_force' as const }];
const MG = [{ measure: 'jp-etco-appended-table-1', entry: 'jp-2-21-magnesium', code: '2(21)', status: 'in_force' as const }];
const BE = [{ measure: 'jp-etco-appended-table-1', entry: 'jp-2-18-scrap', code: '2(18)', status: 'in_force' as const }];
const W = [{ measure: 'jp-etco-appended-table-1', entry: 'jp-4-15-3-tungsten-solid', code: '4(15).3', status: 'in_force' as const }];
// Tungsten pieces of 5 kg without a bore, not of a heavy-alloy matrix: 2(25) and 5(7) settled, only 4(15)3 open.
const piece = { massKg: 5, innerDiameterMm: 0, matrixIronNickelOrCopper: 0 };

t.run('2(19) high-purity bismuth: 99.99 % or more (inclusive), silver under 10 ppm (exclusive)', [
  { name: 'T113: 99.99 % with 5 ppm silver is 2(19)', request: jp('bismuth/metal', { purity: 0.9999, 'ppm.Ag': 5 }), verdict: 'license_required', findings: BI },
  { name: 'just below 99.99 % it is not', request: jp('bismuth/metal', { purity: 0.9998, 'ppm.Ag': 5 }), verdict: 'not_controlled', noFindings: BI },
  { name: 'above 99.99 % it is', request: jp('bismuth/metal', { purity: 0.99999, 'ppm.Ag': 1 }), verdict: 'license_required', findings: BI },
  { name: 'silver just under 10 ppm: listed', request: jp('bismuth/metal', { purity: 0.9999, 'ppm.Ag': 9.9 }), verdict: 'license_required', findings: BI },
  { name: 'silver at exactly 10 ppm: not listed ("under 0.001 %")', request: jp('bismuth/metal', { purity: 0.9999, 'ppm.Ag': 10 }), verdict: 'not_controlled' },
  { name: 'silver over 10 ppm: not listed', request: jp('bismuth/metal', { purity: 0.99995, 'ppm.Ag': 11 }), verdict: 'not_controlled' },
  { name: 'without its figures, bismuth is asked them', request: jp('bismuth/metal', {}), verdict: 'needs_information', questions: ['purity', 'ppm.Ag'] },
  { name: 'a list item needs permission for Group A too', request: jp('bismuth/metal', { purity: 0.9999, 'ppm.Ag': 5 }, 'US'), verdict: 'license_required', findings: BI },
  { name: 'classified 2(19) by the exporter (radium-226, an alpha-neutron source): matched by code', request: { item: { codes: { JP: '2(19)' } }, from: 'JP', to: 'CN', date: '2026-06-01' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-2-19' }] },
]);

t.run('2(21) high-purity magnesium: metals other than Mg and Ca under 200 ppm, boron under 10 ppm (both exclusive)', [
  { name: 'T114: 150 ppm and 5 ppm boron is 2(21)', request: jp('magnesium/metal', { ppmMetallicImpuritiesOtherThanCa: 150, 'ppm.B': 5 }), verdict: 'license_required', findings: MG },
  { name: 'just under 200 ppm: listed', request: jp('magnesium/metal', { ppmMetallicImpuritiesOtherThanCa: 199, 'ppm.B': 9 }), verdict: 'license_required', findings: MG },
  { name: 'at exactly 200 ppm: not listed ("under 0.02 %")', request: jp('magnesium/metal', { ppmMetallicImpuritiesOtherThanCa: 200, 'ppm.B': 5 }), verdict: 'not_controlled', noFindings: MG },
  { name: 'over 200 ppm: not listed', request: jp('magnesium/metal', { ppmMetallicImpuritiesOtherThanCa: 201, 'ppm.B': 5 }), verdict: 'not_controlled' },
  { name: 'boron at exactly 10 ppm: not listed', request: jp('magnesium/metal', { ppmMetallicImpuritiesOtherThanCa: 150, 'ppm.B': 10 }), verdict: 'not_controlled' },
  { name: 'commercial magnesium (99.8 %, 2,000 ppm) is not', request: jp('magnesium/metal', { ppmMetallicImpuritiesOtherThanCa: 2000, 'ppm.B': 5 }), verdict: 'not_controlled' },
  { name: 'without its figures, magnesium is asked them', request: jp('magnesium/metal', {}), verdict: 'needs_information', questions: ['ppmMetallicImpuritiesOtherThanCa', 'ppm.B'] },
  { name: 'classified 2(21) by the exporter (calcium, chlorine trifluoride): matched by code', request: { item: { codes: { JP: '2(21)' } }, from: 'JP', to: 'KR', date: '2026-06-01' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-2-21' }] },
]);

t.run('2(18) beryllium scrap: alloys only over 50 % beryllium (exclusive)', [
  { name: 'T115: scrap of an alloy with 30 % beryllium is not 2(18)', request: jp('beryllium/scrap', { 'fraction.Be': 0.3 }), verdict: 'not_controlled', noFindings: [{ measure: 'jp-etco-appended-table-1', code: '2(18)' }] },
  { name: 'at exactly 50 % it is not', request: jp('beryllium/scrap', { 'fraction.Be': 0.5 }), verdict: 'not_controlled' },
  { name: 'just over 50 % it is', request: jp('beryllium/scrap', { 'fraction.Be': 0.51 }), verdict: 'license_required', findings: BE },
  { name: 'unalloyed beryllium scrap is', request: jp('beryllium/scrap', { 'fraction.Be': 1 }), verdict: 'license_required', findings: BE },
  { name: 'scrap without its beryllium content is asked it', request: jp('beryllium/scrap', {}), verdict: 'needs_information', questions: ['fraction.Be'] },
  { name: 'beryllium metal is listed without a question', request: jp('beryllium/metal', {}), verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-2-18' }], noQuestions: ['fraction.Be'] },
]);

t.run('4(15)3 solid tungsten: compacted powder of 97 % W or more (80 % if Cu- or Ag-infiltrated), machinable to the listed shapes', [
  { name: 'T116: a sintered billet of 99 % W machinable to Ø130 × 60 mm is 4(15)3', request: jp('tungsten/metal', { 'fraction.W': 0.99, massKg: 5, innerDiameterMm: 0, machinableToControlledShape: 1, outerDiameterMm: 130, lengthMm: 60 }), verdict: 'license_required', findings: W },
  { name: 'at exactly 97 % it is', request: jp('tungsten/alloy', { ...piece, 'fraction.W': 0.97, machinableToControlledShape: 1 }), verdict: 'license_required', findings: W },
  { name: 'just under 97 %, not infiltrated, it is not', request: jp('tungsten/alloy', { ...piece, 'fraction.W': 0.969, 'infiltrant.Cu': 0, 'infiltrant.Ag': 0, machinableToControlledShape: 1 }), verdict: 'not_controlled', noFindings: W },
  { name: 'under 97 % without the infiltration stated: asked', request: jp('tungsten/alloy', { ...piece, 'fraction.W': 0.9, machinableToControlledShape: 1 }), verdict: 'needs_information', questions: ['infiltrant.Cu', 'infiltrant.Ag'] },
  { name: 'copper-infiltrated at exactly 80 %: listed', request: jp('tungsten/alloy', { ...piece, 'fraction.W': 0.8, 'infiltrant.Cu': 1, machinableToControlledShape: 1 }), verdict: 'license_required', findings: W },
  { name: 'copper-infiltrated just under 80 %: not', request: jp('tungsten/alloy', { ...piece, 'fraction.W': 0.79, 'infiltrant.Cu': 1, 'infiltrant.Ag': 0, machinableToControlledShape: 1 }), verdict: 'not_controlled' },
  { name: 'silver-infiltrated at 85 %: listed (China\'s name silverInfiltrated is read too)', request: jp('tungsten/alloy', { ...piece, 'fraction.W': 0.85, silverInfiltrated: 1, 'infiltrant.Cu': 0, machinableToControlledShape: 1 }), verdict: 'license_required', findings: W },
  { name: 'a piece too small for the listed shapes is not', request: jp('tungsten/metal', { 'fraction.W': 0.999, massKg: 5, innerDiameterMm: 0, machinableToControlledShape: 0 }), verdict: 'not_controlled', noFindings: W },
  { name: 'without its figures, tungsten metal is asked them', request: jp('tungsten/metal', { massKg: 5, innerDiameterMm: 0 }), verdict: 'needs_information', questions: ['fraction.W', 'machinableToControlledShape'] },
]);

t.run('7(18): hetero-epitaxial substrates, whatever their resistivity (Ordinance Art. 6(xviii))', [
  { name: 'gallium nitride is asked whether it is a hetero-epitaxial wafer', request: { item: { id: 'gallium/nitride', parameters: { substrateOrPreform: 1, resistivityOhmCm: 0.01 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'needs_information', questions: ['jpHeteroEpitaxial'] },
  { name: 'a conductive GaN-on-silicon epitaxial wafer is 7(18) though not 7(22)', request: { item: { id: 'gallium/nitride', parameters: { substrateOrPreform: 1, resistivityOhmCm: 0.01, jpHeteroEpitaxial: 1 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-7-18' }], noFindings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-7-22' }] },
  { name: 'a GaAs epitaxial wafer to the US: listed for every destination', request: { item: { id: 'gallium/arsenide', parameters: { jpHeteroEpitaxial: 1 } }, from: 'JP', to: 'US', date: d }, verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-7-18' }] },
  { name: 'an LED wafer (its P-type layer not between N-type layers) is not', request: { item: { id: 'gallium/arsenide', parameters: { jpHeteroEpitaxial: 0 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled' },
  { name: 'classified 7(18) by the exporter: not asked', request: { item: { id: 'indium/phosphide', codes: { JP: '7(18)' } }, from: 'JP', to: 'CN', date: d }, verdict: 'license_required', noQuestions: ['jpHeteroEpitaxial'] },
]);

t.run('isotopically purified silicon and germanium: 7(24) and 7(25), added in 2025', [
  { name: 'germanium metal asks whether it is isotopically purified', request: { item: { id: 'germanium/metal' }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'needs_information', questions: ['otherIsotopeFraction'] },
  { name: 'germanium of natural composition is not 7(25)', request: { item: { id: 'germanium/metal', parameters: { otherIsotopeFraction: 0.078 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled' },
  { name: 'germanium purified below 0.08 % of other isotopes is 7(25)', request: { item: { id: 'germanium/metal', parameters: { otherIsotopeFraction: 0.0005 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-2025-additions', entry: 'jp-7-25', status: 'in_force' }] },
  { name: 'isotopically purified germanium tetrachloride is 7(24)', request: { item: { id: 'germanium/tetrachloride', parameters: { otherIsotopeFraction: 0.0001 } }, from: 'JP', to: 'KR', date: d }, verdict: 'license_required', findings: [{ measure: 'jp-etco-2025-additions', entry: 'jp-7-24' }] },
  { name: 'the day before the earliest possible first day, nothing is asked and nothing applies', request: { item: { id: 'silicon/polysilicon', parameters: { otherIsotopeFraction: 0.0001 } }, from: 'JP', to: 'CN', date: '2025-05-24', endUse: 'civil' }, verdict: 'not_controlled', findings: [{ measure: 'jp-etco-2025-additions', entry: 'jp-7-25', status: 'not_yet_in_force' }] },
  { request: { item: { id: 'silicon/polysilicon' }, from: 'JP', to: 'CN', date: '2025-05-24', endUse: 'civil' }, verdict: 'not_controlled' },
  { name: 'from 2025-05-25 it applies, with a warning that the first day is not verified', request: { item: { id: 'silicon/polysilicon', parameters: { otherIsotopeFraction: 0.0001 } }, from: 'JP', to: 'CN', date: '2025-05-25', endUse: 'civil' }, verdict: 'license_required', warnings: ['start_unverified'] },
  { name: 'in 2026 the warning is gone', request: { item: { id: 'silicon/polysilicon', parameters: { otherIsotopeFraction: 0.0001 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'license_required', noWarnings: ['start_unverified'] },
]);

t.run('items added from 2026-02-14: 5(20) coated refractory and high-entropy alloy powders, 7(10-2) FPGA modules', [
  { name: '5(20) on 2026-02-13: not yet in force, and the code named nothing then, so row 5 does not list it either', request: { item: { codes: { JP: '5(20)' } }, from: 'JP', to: 'CN', date: '2026-02-13', endUse: 'civil' }, verdict: 'not_controlled', findings: [{ measure: 'jp-etco-2026-additions', entry: 'jp-5-20', status: 'not_yet_in_force' }], noFindings: [{ entry: 'jp-row-5' }] },
  { name: '5(20) on 2026-02-14: in force', request: { item: { codes: { JP: '5(20)' } }, from: 'JP', to: 'CN', date: '2026-02-14', endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-2026-additions', entry: 'jp-5-20', status: 'in_force' }] },
  { request: { item: { codes: { JP: '7(10-2)' } }, from: 'JP', to: 'CN', date: '2026-02-14', endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-2026-additions', entry: 'jp-7-10-2', status: 'in_force' }] },
  { name: '7(10-2) on 2026-01-15: the code named nothing yet', request: { item: { codes: { JP: '7(10-2)' } }, from: 'JP', to: 'CN', date: '2026-01-15', endUse: 'civil' }, verdict: 'not_controlled', noFindings: [{ entry: 'jp-row-7' }] },
  { name: '3-2(2).10 (peptide synthesisers, no entry of its own): row 3-2 lists it from 2026-02-14, not before, and asks nothing', request: { item: { codes: { JP: '3-2(2).10' } }, from: 'JP', to: 'US', date: '2026-01-01', endUse: 'civil' }, verdict: 'not_controlled', questions: [], onlyQuestions: true },
  { request: { item: { codes: { JP: '3-2(2).10' } }, from: 'JP', to: 'US', date: '2026-02-14', endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-row-3-2', status: 'in_force' }] },
  { name: 'its technology neither, before that day', request: { item: { codes: { JP: '3-2(2).10' } }, from: 'JP', to: 'US', date: '2026-01-01', endUse: 'civil', transfer: 'technology' }, verdict: 'not_controlled' },
  { name: 'an item of the 2025 amendment (7(25)) on 2025-01-01', request: { item: { codes: { JP: '7(25)' } }, from: 'JP', to: 'US', date: '2025-01-01', endUse: 'civil' }, verdict: 'not_controlled', noFindings: [{ entry: 'jp-row-7' }] },
  { name: 'a code of the original table is listed by its row as before', request: { item: { codes: { JP: '7(3)' } }, from: 'JP', to: 'US', date: '2025-01-01', endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-row-7', status: 'in_force' }] },
]);

t.run('2(1) nuclear fuel and source material (Ordinance Art. 1(i)) for every destination', [
  { name: 'natural uranium and its compounds', request: { item: { id: 'uranium/metal' }, from: 'JP', to: 'US', date: d, endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-2-1', status: 'in_force' }] },
  { name: 'uranium ore: asked whether it is nuclear source material', request: { item: { id: 'uranium/ore' }, from: 'JP', to: 'US', date: d, endUse: 'civil' }, verdict: 'needs_information', questions: ['meetsJpItem21'] },
  { request: { item: { id: 'uranium/ore', parameters: { meetsJpItem21: 1 } }, from: 'JP', to: 'US', date: d, endUse: 'civil' }, verdict: 'license_required' },
  { request: { item: { id: 'uranium/ore', parameters: { meetsJpItem21: 0 } }, from: 'JP', to: 'US', date: d, endUse: 'civil' }, verdict: 'not_controlled' },
  { name: 'by the exporter\'s code', request: { item: { codes: { JP: '2(1)' } }, from: 'JP', to: 'KR', date: d, endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-2-1', status: 'in_force' }] },
]);

t.run('equipment named by taxonomy item: the exporter is asked whether it meets the specification', [
  { name: 'semiconductor device-making equipment asks whether it meets a 7(16) specification', request: { item: { id: 'equipment/semiconductor/device-manufacturing' }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'needs_information', questions: ['meetsJpItem716'] },
  { name: 'it does: 7(16)', request: { item: { id: 'equipment/semiconductor/wafer-inspection', parameters: { meetsJpItem716: 1 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-7-16-by-item' }] },
  { name: 'it does not: not listed', request: { item: { id: 'equipment/semiconductor/device-manufacturing', parameters: { meetsJpItem716: 0 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled' },
  { name: 'a machining centre asks about 6(2)', request: { item: { id: 'equipment/electronics/cnc-machining-centre' }, from: 'JP', to: 'VN', date: d, endUse: 'civil' }, verdict: 'needs_information', questions: ['meetsJpItem62'] },
]);

t.run('semiconductor equipment: the 2023 additions by date', [
  { name: '7(16) on 2023-07-22: the additions are not yet in force', request: { item: { codes: { JP: '7(16)' } }, from: 'JP', to: 'CN', date: '2023-07-22', endUse: 'civil' }, verdict: 'license_required',
    findings: [{ measure: 'jp-meti-2023-sme', status: 'not_yet_in_force' }, { measure: 'jp-etco-appended-table-1', entry: 'jp-7-16', status: 'in_force' }] },
  { name: '7(16) on 2023-07-23: the additions apply', request: { item: { codes: { JP: '7(16)' } }, from: 'JP', to: 'CN', date: '2023-07-23', endUse: 'civil' }, verdict: 'license_required',
    findings: [{ measure: 'jp-meti-2023-sme', status: 'in_force' }] },
  { name: 'the later additions, dated from the text of 2026-02-14, warn that their first day is not verified', request: { item: { codes: { JP: '7(16)' } }, from: 'JP', to: 'CN', date: '2025-06-01', endUse: 'civil' }, verdict: 'license_required',
    findings: [{ measure: 'jp-meti-sme-later-additions', status: 'not_yet_in_force' }], warnings: ['date_unverified'] },
  { request: { item: { codes: { JP: '7(16)' } }, from: 'JP', to: 'CN', date: '2026-02-14', endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-meti-sme-later-additions', status: 'in_force' }], noWarnings: ['date_unverified'] },
]);

// Gallium metal (HS 8112.92) is of row 16 but not a 16(1) item; a machining centre of HS 8457.10 is a 16(1)
// item (Ordinance Art. 14-2); an item known only by its JP row-16 code has no tariff code, so 16(1) is asked.
const mc = (parameters: Record<string, number> = {}) => ({ hs: '845710', parameters: { meetsJpItem62: 0, ...parameters } });
t.run('catch-all (row 16): end use, informed, and Group A', [
  { name: 'an unlisted item for WMD to China needs a licence', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'CN', date: d, endUse: 'wmd' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-row-16-catch-all', entry: 'jp-16-wmd' }] },
  { name: 'an unknown end use to China asks for it', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'CN', date: d }, verdict: 'needs_information', questions: ['endUse'] },
  { name: 'a military end use in China: gallium is not a 16(1) item by its tariff code, so only a METI notice decides', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'CN', date: d, endUse: 'military' }, verdict: 'needs_information', questions: ['metiInformed'] },
  { name: 'an item without a tariff code is asked whether it is a 16(1) item', request: { item: { codes: { JP: '16' } }, from: 'JP', to: 'CN', date: d, endUse: 'military' }, verdict: 'needs_information', questions: ['metiInformed', 'jpRow16Item1'] },
  { name: 'informed by METI: licence', request: { item: { id: 'gallium/metal', parameters: { metiInformed: 1 } }, from: 'JP', to: 'CN', date: d, endUse: 'military' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-row-16-catch-all', entry: 'jp-16-informed' }] },
  { name: 'a METI notice needs a licence whatever the end use the exporter declares (Order Art. 4(1)(iv)ロ, ニ)', request: { item: { id: 'gallium/metal', parameters: { metiInformed: 1 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-row-16-catch-all', entry: 'jp-16-informed' }] },
  { name: 'a civil end use is not asked about a notice', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled', questions: [], onlyQuestions: true },
  { name: 'a 16(1) item by tariff code (HS 8457) for a military end use in China needs a licence without any notice (from 2025-10-09), and is not asked whether it is one', request: { item: mc({ metiInformed: 0 }), from: 'JP', to: 'CN', date: d, endUse: 'military' }, verdict: 'license_required', findings: [{ measure: 'jp-meti-2025-catch-all-revision', entry: 'jp-16-1-conventional' }], noQuestions: ['jpRow16Item1'] },
  { name: 'integrated circuits (8542.31) are 16(1); their parts (8542.90) are not', request: { item: { hs: '854231', parameters: { metiInformed: 0 } }, from: 'JP', to: 'CN', date: d, endUse: 'military' }, verdict: 'license_required' },
  { request: { item: { hs: '854290', parameters: { metiInformed: 0 } }, from: 'JP', to: 'CN', date: d, endUse: 'military' }, verdict: 'not_controlled', questions: [], onlyQuestions: true },
  { name: 'heading 8542 alone does not say whether the goods are parts: asked', request: { item: { hs: '8542', parameters: { metiInformed: 0 } }, from: 'JP', to: 'CN', date: d, endUse: 'military' }, verdict: 'needs_information', questions: ['jpRow16Item1'] },
  { name: 'the exporter\'s own answer wins over the tariff code', request: { item: { id: 'gallium/metal', parameters: { metiInformed: 0, jpRow16Item1: 1 } }, from: 'JP', to: 'CN', date: d, endUse: 'military' }, verdict: 'license_required' },
  { name: 'not informed and not a 16(1) item: not controlled', request: { item: { id: 'gallium/metal', parameters: { metiInformed: 0 } }, from: 'JP', to: 'CN', date: d, endUse: 'military' }, verdict: 'not_controlled' },
  { name: 'on 2025-10-08 a military end use in China turns only on a notice from METI', request: { item: mc(), from: 'JP', to: 'CN', date: '2025-10-08', endUse: 'military' }, verdict: 'needs_information', questions: ['metiInformed'], noFindings: [{ measure: 'jp-meti-2025-catch-all-revision', status: 'in_force' }] },
  { request: { item: mc({ metiInformed: 0 }), from: 'JP', to: 'CN', date: '2025-10-08', endUse: 'military' }, verdict: 'not_controlled' },
  { name: 'a military end use in Iraq (UN arms embargo) needs a licence without any notice', request: { item: { id: 'gallium/metal', parameters: { metiInformed: 0 } }, from: 'JP', to: 'IQ', date: d, endUse: 'military' }, verdict: 'license_required', findings: [{ measure: 'jp-meti-2008-conventional-catch-all', entry: 'jp-16-conventional-embargoed' }] },
  { name: 'catch-all did not exist before 2002-04-01', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'CN', date: '2002-03-31', endUse: 'wmd' }, verdict: 'not_controlled', findings: [{ measure: 'jp-etco-row-16-catch-all', status: 'not_yet_in_force' }] },
  { name: 'it applies from 2002-04-01', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'CN', date: '2002-04-01', endUse: 'wmd' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-row-16-catch-all', entry: 'jp-16-wmd', status: 'in_force' }] },
]);

t.run('the conventional-weapons catch-all (METI Ordinance No. 57 of 2008) came in November 2008, not before', [
  { name: 'Iraq, military end use, 2008-06-01: only a METI notice (about WMD) could reach it', request: { item: { id: 'gallium/metal', parameters: { metiInformed: 0 } }, from: 'JP', to: 'IQ', date: '2008-06-01', endUse: 'military' }, verdict: 'not_controlled', findings: [{ measure: 'jp-meti-2008-conventional-catch-all', entry: 'jp-16-conventional-embargoed', status: 'not_yet_in_force' }] },
  { name: 'the day before 2008-11-01 too', request: { item: { id: 'gallium/metal', parameters: { metiInformed: 0 } }, from: 'JP', to: 'IQ', date: '2008-10-31', endUse: 'military' }, verdict: 'not_controlled' },
  { name: 'from 2008-11-01, with a warning that the first day is not verified in the Ordinance itself', request: { item: { id: 'gallium/metal', parameters: { metiInformed: 0 } }, from: 'JP', to: 'IQ', date: '2008-11-01', endUse: 'military' }, verdict: 'license_required', warnings: ['start_unverified'] },
  { request: { item: { id: 'gallium/metal', parameters: { metiInformed: 0 } }, from: 'JP', to: 'IQ', date: '2009-01-01', endUse: 'military' }, verdict: 'license_required', noWarnings: ['start_unverified'] },
]);

// Military end use, no METI notice: in Appended Table 3-2 the conventional catch-all needs a licence; outside
// it (and outside Group A) a non-16(1) item like gallium is not controlled.
const milUse = (to: string, date: string) => ({ item: { id: 'gallium/metal', parameters: { metiInformed: 0 } }, from: 'JP', to, date, endUse: 'military' as const });
t.run('Appended Table 3-2 (UN arms embargo) by date: Sierra Leone out and Libya in 2012-02-01, Central Africa in 2014-09-15, Côte d\'Ivoire out 2016-07-29, Eritrea in 2010-09-01 and out 2018-12-19, South Sudan in 2019-04-12', [
  { request: milUse('SL', '2012-01-31'), verdict: 'license_required' },
  { request: milUse('SL', '2012-02-01'), verdict: 'not_controlled' },
  { request: milUse('LY', '2012-01-31'), verdict: 'not_controlled' },
  { request: milUse('LY', '2012-02-01'), verdict: 'license_required' },
  { request: milUse('CF', '2014-09-14'), verdict: 'not_controlled' },
  { request: milUse('CF', '2014-09-15'), verdict: 'license_required' },
  { request: milUse('CI', '2016-07-28'), verdict: 'license_required' },
  { request: milUse('CI', '2016-07-29'), verdict: 'not_controlled' },
  { request: milUse('ER', '2018-12-18'), verdict: 'license_required' },
  { request: milUse('ER', '2018-12-19'), verdict: 'not_controlled' },
  { request: milUse('SS', '2019-04-11'), verdict: 'not_controlled' },
  { request: milUse('SS', '2019-04-12'), verdict: 'license_required' },
  { name: 'Liberia was in the table on 2016-07-29', request: milUse('LR', '2016-07-29'), verdict: 'license_required' },
  { name: 'the day it left is not known: later dates warn', request: milUse('LR', '2017-01-01'), verdict: 'not_controlled', warnings: ['membership_unverified'] },
  { name: 'Eritrea joined the table on 2010-09-01 (promulgated 2010-06-23): not before', request: milUse('ER', '2010-08-31'), verdict: 'not_controlled' },
  { request: milUse('ER', '2010-06-01'), verdict: 'not_controlled' },
  { request: milUse('ER', '2010-09-01'), verdict: 'license_required', noWarnings: ['membership_unverified'] },
]);

t.run('row 16 reaches only the HS chapters it names (Order Appended Table 1 row 16(2); Ordinance Art. 28 for technology)', [
  { name: 'furniture (HS 9403, chapter 94) for a WMD end use: outside row 16', request: { item: { hs: '940360' }, from: 'JP', to: 'CN', date: d, endUse: 'wmd' }, verdict: 'not_controlled', questions: [], onlyQuestions: true },
  { name: 'a machine of chapter 84 is within it', request: { item: { hs: '847989' }, from: 'JP', to: 'CN', date: d, endUse: 'wmd' }, verdict: 'license_required' },
  { name: 'technology for goods outside the chapters is outside it too', request: { item: { hs: '940360' }, from: 'JP', to: 'CN', date: d, endUse: 'wmd', transfer: 'technology' }, verdict: 'not_controlled' },
  { name: 'a WMD-listed end user does not bring furniture into row 16', request: { item: { hs: '940360' }, from: 'JP', to: 'AE', date: d, endUse: 'civil', endUser: { name: 'Candid General Trading LLC' } }, verdict: 'not_controlled' },
]);

t.run('Group A: outside row 16 until 2025-10-08, then only when METI informs the exporter', [
  { name: 'WMD end use to the US on 2025-10-08: outside row 16', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'US', date: '2025-10-08', endUse: 'wmd' }, verdict: 'not_controlled' },
  { name: 'from 2025-10-09 it asks whether METI informed the exporter', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'US', date: '2025-10-09', endUse: 'wmd' }, verdict: 'needs_information', questions: ['metiInformed'] },
  { name: 'informed: licence', request: { item: { id: 'gallium/metal', parameters: { metiInformed: 1 } }, from: 'JP', to: 'DE', date: d, endUse: 'military' }, verdict: 'license_required', findings: [{ measure: 'jp-meti-2025-catch-all-revision', entry: 'jp-16-group-a-informed' }] },
  { name: 'informed, whatever the end use declared', request: { item: { id: 'gallium/metal', parameters: { metiInformed: 1 } }, from: 'JP', to: 'US', date: d, endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-meti-2025-catch-all-revision', entry: 'jp-16-group-a-informed' }] },
  { name: 'an unknown end use to Group A is not asked about: only a notice matters there', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'US', date: d }, verdict: 'not_controlled', questions: [], onlyQuestions: true },
  { name: 'not informed: not controlled, whatever the end use', request: { item: { id: 'gallium/metal', parameters: { metiInformed: 0 } }, from: 'JP', to: 'DE', date: d, endUse: 'wmd' }, verdict: 'not_controlled' },
  { name: 'a civil end use to Group A is not asked about', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'US', date: d, endUse: 'civil' }, verdict: 'not_controlled' },
]);

t.run('tungsten 2(25): alloys only over 90 % tungsten (Ordinance Art. 1(xxx))', [
  { name: 'a 21 kg cylinder of 299 mm bore in an alloy of 95 % tungsten is 2(25)', request: { item: { id: 'tungsten/alloy', parameters: { 'fraction.W': 0.95, massKg: 21, innerDiameterMm: 299, matrixIronNickelOrCopper: 0 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-2-25-alloy' }] },
  { name: 'at exactly 90 % it is not', request: { item: { id: 'tungsten/alloy', parameters: { 'fraction.W': 0.9, massKg: 21, innerDiameterMm: 150, matrixIronNickelOrCopper: 0, machinableToControlledShape: 0 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled' },
  { name: 'an alloy without its tungsten content is asked it', request: { item: { id: 'tungsten/alloy', parameters: { massKg: 21, innerDiameterMm: 150, matrixIronNickelOrCopper: 0 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'needs_information', questions: ['fraction.W'] },
  { name: 'unalloyed tungsten is not asked its tungsten content', request: { item: { id: 'tungsten/metal', parameters: { massKg: 21, innerDiameterMm: 150 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-2-25' }], noQuestions: ['fraction.W'] },
]);

t.run('the tariff codes of a taxonomy item answer the catch-all\'s questions', [
  { name: 'NdFeB magnets (HS 8505.11) for a military end use in China: not a 16(1) item, so only a METI notice is asked', request: { item: { id: 'magnets/ndfeb' }, from: 'JP', to: 'CN', date: d, endUse: 'military' }, verdict: 'needs_information', questions: ['metiInformed'], onlyQuestions: true },
  { request: { item: { id: 'magnets/ndfeb', parameters: { metiInformed: 0 } }, from: 'JP', to: 'CN', date: d, endUse: 'military' }, verdict: 'not_controlled', questions: [], onlyQuestions: true },
]);

t.run('North Korea: every export banned from 2009-06-18 (Order Art. 2(1)(i-2), FEFTA Art. 48(3))', [
  { name: 'the day before: an unlisted item for a civil end use is not controlled', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'KP', date: '2009-06-17', endUse: 'civil' }, verdict: 'not_controlled', findings: [{ measure: 'jp-north-korea-export-ban', status: 'not_yet_in_force' }] },
  { name: 'the first day: approval that is not granted save exceptional cases', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'KP', date: '2009-06-18', endUse: 'civil' }, verdict: 'license_required', licensePolicy: 'presumption_of_denial', findings: [{ measure: 'jp-north-korea-export-ban', entry: 'jp-kp-all-goods', status: 'in_force' }] },
  { name: 'after the last renewal read, a warning', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'KP', date: d, endUse: 'civil' }, verdict: 'license_required', licensePolicy: 'presumption_of_denial', warnings: ['status_unverified'] },
  { name: 'a listed item too', request: { item: { codes: { JP: '2(24)' } }, from: 'JP', to: 'KP', date: d }, verdict: 'license_required', licensePolicy: 'presumption_of_denial' },
]);

t.run('Russia and Belarus: export bans from 2022-03-18 (Order Art. 2(1)(i-3), (i-4), Appended Table 2-3)', [
  { name: 'beryllium metal (2(18)) to Russia on 2022-03-17: the export permission, reviewed case by case', request: { item: { id: 'beryllium/metal' }, from: 'JP', to: 'RU', date: '2022-03-17' }, verdict: 'license_required', licensePolicy: 'case_by_case', findings: [{ measure: 'jp-etco-russia-belarus-bans', status: 'not_yet_in_force' }] },
  { name: 'on 2022-03-18: the ban, an approval METI does not grant', request: { item: { id: 'beryllium/metal' }, from: 'JP', to: 'RU', date: '2022-03-18' }, verdict: 'license_required', licensePolicy: 'presumption_of_denial', findings: [{ measure: 'jp-etco-russia-belarus-bans', entry: 'jp-ru-by-listed', status: 'in_force' }] },
  { name: 'Belarus the same day', request: { item: { codes: { JP: '7(16)' } }, from: 'JP', to: 'BY', date: '2022-03-18' }, verdict: 'license_required', licensePolicy: 'presumption_of_denial' },
  { name: 'an unlisted item: the plugin does not hold METI\'s HS lists, so it asks', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'RU', date: d, endUse: 'civil' }, verdict: 'needs_information', questions: ['jpRussiaBelarusBan'] },
  { request: { item: { id: 'gallium/metal', parameters: { jpRussiaBelarusBan: 1 } }, from: 'JP', to: 'RU', date: d, endUse: 'civil' }, verdict: 'license_required', licensePolicy: 'presumption_of_denial', findings: [{ measure: 'jp-etco-russia-belarus-bans', entry: 'jp-ru-by-other-goods' }] },
  { request: { item: { id: 'gallium/metal', parameters: { jpRussiaBelarusBan: 0 } }, from: 'JP', to: 'BY', date: d, endUse: 'civil' }, verdict: 'not_controlled' },
  { name: 'before 2022-03-18 it is not asked', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'RU', date: '2022-03-17', endUse: 'civil' }, verdict: 'not_controlled', noQuestions: ['jpRussiaBelarusBan'] },
  { name: 'a listed item to Russia is not asked about the HS lists', request: { item: { id: 'beryllium/metal' }, from: 'JP', to: 'RU', date: d }, verdict: 'license_required', noQuestions: ['jpRussiaBelarusBan'] },
]);

const cell = (parameters: Record<string, number>) => ({ id: 'batteries/lithium-ion-cell', parameters: { energyDensityWhPerKg: 351, ...parameters } });
t.run('the small-value exception (少額特例, Order Art. 4(1)(v), Appended Tables 3-3 and 4)', [
  { name: 'a 7(6) cell without its value in yen: a licence, and the value is asked', request: { item: cell({}), from: 'JP', to: 'VN', date: d, endUse: 'civil' }, verdict: 'license_required', questions: ['valueJpy'] },
  { name: '¥1,000,000 exactly: the exception', request: { item: cell({ valueJpy: 1_000_000 }), from: 'JP', to: 'VN', date: d, endUse: 'civil' }, verdict: 'authorization_available', authorizations: ['JP-SMALL-VALUE'] },
  { name: '¥1,000,001: over the limit', request: { item: cell({ valueJpy: 1_000_001 }), from: 'JP', to: 'VN', date: d, endUse: 'civil' }, verdict: 'license_required', noQuestions: ['valueJpy'] },
  { name: 'Group A too', request: { item: cell({ valueJpy: 10_000 }), from: 'JP', to: 'US', date: d }, verdict: 'authorization_available' },
  { name: 'not to Iran (Appended Table 4)', request: { item: cell({ valueJpy: 10_000 }), from: 'JP', to: 'IR', date: d, endUse: 'civil' }, verdict: 'license_required', noQuestions: ['valueJpy'] },
  { name: 'not for a WMD end use outside Group A', request: { item: cell({ valueJpy: 10_000 }), from: 'JP', to: 'VN', date: d, endUse: 'wmd' }, verdict: 'license_required' },
  { name: 'not for a military end use in a UN-embargoed region', request: { item: cell({ valueJpy: 10_000 }), from: 'JP', to: 'LB', date: d, endUse: 'military' }, verdict: 'license_required' },
  { name: 'not when METI has informed the exporter', request: { item: cell({ valueJpy: 10_000, metiInformed: 1 }), from: 'JP', to: 'US', date: d }, verdict: 'license_required' },
  { name: 'rows 2 to 4 have no exception', request: { item: { codes: { JP: '2(24)' }, parameters: { valueJpy: 1000 } }, from: 'JP', to: 'VN', date: d }, verdict: 'license_required', noQuestions: ['valueJpy'] },
  { name: 'row 15: ¥50,000', request: { item: { codes: { JP: '15(1)' }, parameters: { valueJpy: 50_000 } }, from: 'JP', to: 'VN', date: d }, verdict: 'authorization_available' },
  { request: { item: { codes: { JP: '15(1)' }, parameters: { valueJpy: 50_001 } }, from: 'JP', to: 'VN', date: d }, verdict: 'license_required' },
  { name: 'not for the Russia ban', request: { item: cell({ valueJpy: 10_000 }), from: 'JP', to: 'RU', date: d, endUse: 'civil' }, verdict: 'license_required', licensePolicy: 'presumption_of_denial' },
  { name: 'technology is not goods: no exception', request: { item: { codes: { JP: '7(6)' }, parameters: { valueJpy: 10_000 } }, from: 'JP', to: 'VN', date: d, transfer: 'technology', endUse: 'civil' }, verdict: 'license_required', noQuestions: ['valueJpy'] },
]);

describe('the small-value exception names the Appended Table 3-3 condition where METI\'s notice may lower the limit', () => {
  const auth = (code: string, valueJpy: number) => t.engine.assess({ item: { codes: { JP: code }, parameters: { valueJpy } }, from: 'JP', to: 'VN', date: d, endUse: 'civil' }).jurisdictions.find((j) => j.jurisdiction === 'JP')!.authorizations;
  it('7(2) at ¥600,000 is lifted only if the notice does not designate it; 7(6) without that condition', () => {
    expect(auth('7(2)', 600_000)[0]!.conditions.join(' ')).toMatch(/Appended Table 3-3/);
    expect(auth('7(6)', 600_000)[0]!.conditions.join(' ')).not.toMatch(/Appended Table 3-3/);
    expect(auth('7(2)', 50_000)[0]!.conditions.join(' ')).not.toMatch(/Appended Table 3-3/);
  });
});

t.run('Group A: the Republic of Korea left on 2019-08-28 and returned on 2023-07-21', [
  { request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'KR', date: '2019-08-27', endUse: 'wmd' }, verdict: 'not_controlled' },
  { request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'KR', date: '2019-08-28', endUse: 'wmd' }, verdict: 'license_required' },
  { request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'KR', date: '2023-07-20', endUse: 'wmd' }, verdict: 'license_required' },
  { request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'KR', date: '2023-07-21', endUse: 'wmd' }, verdict: 'not_controlled' },
]);

const civil = (to: string, name: string, date = d, parameters?: Record<string, number>) => ({ item: { id: 'gallium/metal', ...(parameters ? { parameters } : {}) }, from: 'JP', to, date, endUse: 'civil' as const, endUser: { name } });

t.run('End User List: what a hit means by type of concern and region', [
  { name: 'a missile-listed UAE entity: licence for an unlisted item', request: civil('AE', 'Candid General Trading L.L.C.'), verdict: 'license_required', licensePolicy: 'case_by_case', findings: [{ measure: 'jp-meti-end-user-list', party: 'jp-eul-4' }] },
  { name: 'an alias matches', request: civil('IR', 'Iran Uranium Enrichment Company'), verdict: 'license_required', findings: [{ measure: 'jp-meti-end-user-list', party: 'jp-eul-39' }] },
  { name: 'the Japanese name METI gives matches (NORINCO, listed for chemical weapons, missiles and conventional weapons)', request: civil('CN', '中国兵器工業集団有限公司'), verdict: 'license_required', findings: [{ measure: 'jp-meti-end-user-list', party: 'jp-eul-518' }] },
  { name: 'a name METI lists only in Japanese matches', request: civil('KP', 'セソン技術貿易'), verdict: 'license_required', findings: [{ measure: 'jp-meti-end-user-list', party: 'jp-eul-447' }] },
  { name: 'the day before the edition applies: the copy has no listing date, so whether the entity was listed then is asked', request: civil('AE', 'Candid General Trading LLC', '2025-10-08'), verdict: 'needs_information', questions: ['jpEulListedOnDate'], warnings: ['list_edition'] },
  { name: 'the first day it applies', request: civil('AE', 'Candid General Trading LLC', '2025-10-09'), verdict: 'license_required', findings: [{ measure: 'jp-meti-end-user-list', party: 'jp-eul-4', status: 'in_force' }] },
  { name: 'a WMD listing does not reach a Group A destination', request: civil('US', 'Candid General Trading LLC'), verdict: 'not_controlled' },
  { name: 'a conventional-weapons-only listing in China: an item without a tariff code is asked whether it is a 16(1) item', request: { ...civil('CN', 'CETC Chip Technology Co., Ltd'), item: { codes: { JP: '16' } } }, verdict: 'needs_information', questions: ['jpRow16Item1'] },
  { name: 'integrated circuits (HS 8542.31) for it: a 16(1) item by tariff code', request: { ...civil('CN', 'CETC Chip Technology Co., Ltd'), item: { hs: '854231' } }, verdict: 'license_required', findings: [{ measure: 'jp-meti-end-user-list', party: 'jp-eul-503' }], questions: [], onlyQuestions: true },
  { request: civil('CN', 'CETC Chip Technology Co., Ltd', d, { jpRow16Item1: 1 }), verdict: 'license_required', findings: [{ measure: 'jp-meti-end-user-list', party: 'jp-eul-503' }] },
  { name: 'gallium (HS 8112.92) is not a 16(1) item: the conventional-weapons listing does not reach it outside the embargoed regions, and nothing is asked', request: civil('CN', 'CETC Chip Technology Co., Ltd'), verdict: 'not_controlled', questions: [], onlyQuestions: true },
  { name: 'in a UN arms-embargoed region a conventional-weapons listing reaches every row-16 item', request: civil('KP', 'Department 53 of the Ministry of the People\'s Armed Forces'), verdict: 'license_required', findings: [{ measure: 'jp-meti-end-user-list', party: 'jp-eul-312' }] },
  { name: 'another party (intermediate consignee) is screened too', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'PK', date: d, endUse: 'civil', endUser: { name: 'Harmless Trading Pvt Ltd' }, parties: [{ role: 'intermediate_consignee', name: 'Khan Research Laboratories' }] }, verdict: 'license_required', findings: [{ measure: 'jp-meti-end-user-list', party: 'jp-eul-641' }] },
  { name: 'technology for a listed entity', request: { ...civil('RU', 'Ministry of Defence of the Russian Federation'), transfer: 'technology' }, verdict: 'license_required', findings: [{ measure: 'jp-meti-end-user-list', party: 'jp-eul-788' }] },
  { name: 'a listed item for a listed entity: both findings', request: { item: { id: 'lithium/lithium-6-enriched' }, from: 'JP', to: 'PK', date: d, endUse: 'civil', endUser: { name: 'Pakistan Atomic Energy Commission (PAEC)' } }, verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-2-24' }, { measure: 'jp-meti-end-user-list', party: 'jp-eul-669' }] },
  { name: 'a different name is not a hit', request: civil('CN', 'Beijing Bakery Co., Ltd.'), verdict: 'not_controlled' },
]);

// Review finding U103: METI has published the End User List since April 2002 as the basis of the WMD catch-all's
// end-user requirement. The bundled edition (applied from 2025-10-09) records no listing dates, so for an earlier date
// a WMD-concern listing is neither dropped nor assumed: the answer asks whether the entity was listed on the date.
const paec = (date: string, parameters?: Record<string, number>) => ({ item: { id: 'gallium/metal', hs: '8112.92', ...(parameters ? { parameters } : {}) }, from: 'JP', to: 'PK', date, endUse: 'civil' as const, endUser: { name: 'Pakistan Atomic Energy Commission', country: 'PK' } });

t.run('End User List before the bundled edition applies: WMD listings from 2002, asked where the listing date is unknown', [
  { name: 'U103: gallium for the Pakistan Atomic Energy Commission on 2025-06-01 asks whether it was listed then, with the edition warning', request: paec('2025-06-01'), verdict: 'needs_information', questions: ['jpEulListedOnDate'], warnings: ['list_edition'], findings: [] },
  { name: 'listed then: METI\'s permission is needed, on the exporter\'s answer (a warning says so)', request: paec('2025-06-01', { jpEulListedOnDate: 1 }), verdict: 'license_required', licensePolicy: 'case_by_case', findings: [{ measure: 'jp-meti-end-user-list', party: 'jp-eul-669', status: 'in_force' }], warnings: ['listing_date_unverified', 'list_edition'] },
  { name: 'not listed then: the listing does not apply', request: paec('2025-06-01', { jpEulListedOnDate: 0 }), verdict: 'not_controlled', noFindings: [{ measure: 'jp-meti-end-user-list' }] },
  { name: 'on 2002-04-01, the day METI first published the list, it is asked', request: paec('2002-04-01'), verdict: 'needs_information', questions: ['jpEulListedOnDate'] },
  { name: 'before 2002-04-01 there was no End User List: nothing is asked', request: paec('2002-03-31'), verdict: 'not_controlled', noQuestions: ['jpEulListedOnDate'] },
  { name: 'from 2025-10-09 the bundled edition applies: no question, no caveat on the date', request: paec('2025-10-09'), verdict: 'license_required', findings: [{ measure: 'jp-meti-end-user-list', party: 'jp-eul-669' }], noQuestions: ['jpEulListedOnDate'], noWarnings: ['listing_date_unverified', 'list_edition'] },
  { name: 'goods outside the row-16 chapters are not reached by the listing: not asked', request: { ...paec('2025-06-01'), item: { hs: '030211' } }, verdict: 'not_controlled', noQuestions: ['jpEulListedOnDate'] },
  { name: 'the same name placed in another country is not taken for the listed entity (only the edition warning)', request: { ...paec('2025-06-01'), endUser: { name: 'Pakistan Atomic Energy Commission', country: 'IN' } }, verdict: 'not_controlled', noQuestions: ['jpEulListedOnDate'], warnings: ['list_edition'] },
  { name: 'another party (intermediate consignee) is asked about too', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'PK', date: '2024-01-15', endUse: 'civil', endUser: { name: 'Harmless Trading Pvt Ltd' }, parties: [{ role: 'intermediate_consignee', name: 'Khan Research Laboratories' }] }, verdict: 'needs_information', questions: ['jpEulListedOnDate'] },
  { name: 'a WMD listing never reached Group A: not asked', request: civil('US', 'Candid General Trading LLC', '2025-06-01'), verdict: 'not_controlled', noQuestions: ['jpEulListedOnDate'] },
  { name: 'conventional-weapons listings began with the 2025 edition: an integrated circuit for CETC Chip Technology on 2025-06-01 is not asked about the listing', request: { ...civil('CN', 'CETC Chip Technology Co., Ltd', '2025-06-01'), item: { hs: '854231' } }, verdict: 'not_controlled', noQuestions: ['jpEulListedOnDate'] },
]);

t.run('reach: export from Japan and technology to non-residents', [
  { name: 'Japan does not control re-exports from abroad', request: { item: { id: 'lithium/lithium-6-enriched' }, from: 'US', to: 'CN', date: d }, verdict: 'not_controlled', reaches: false },
  { name: 'technology of row 2 to China', request: { item: { codes: { JP: '2(24)' } }, from: 'JP', to: 'CN', date: d, transfer: 'technology', endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-feo-appended-table', entry: 'jp-tech-row-2' }] },
  { name: 'technology released in Japan to a foreign national who is a non-resident', request: { item: { codes: { JP: '7' }, parameters: { jpNonResident: 1 } }, from: 'JP', to: 'JP', date: d, transfer: 'technology', endUse: 'civil', endUser: { nationalities: ['CN'] } }, verdict: 'license_required', findings: [{ measure: 'jp-feo-appended-table' }] },
  { name: 'goods moved inside Japan', request: { item: { codes: { JP: '7' } }, from: 'JP', to: 'JP', date: d }, verdict: 'not_controlled', reaches: false },
]);

// Review X117: FEFTA Art. 25(1) turns on residency, not nationality. A foreign national working in Japan is normally a
// resident; from 2022-05-01 METI treats a resident in a "specified category" (特定類型) as a non-resident. Technology
// for hetero-epitaxial substrates (7(18)) given in Japan to a PRC national is asked about, never licensed on nationality.
const release = (date: string, parameters?: Record<string, number>, nationalities: string[] = ['CN']): AssessmentRequest => ({
  item: { codes: { JP: '7(18)' }, ...(parameters ? { parameters } : {}) },
  from: 'JP', to: 'JP', date, transfer: 'technology', endUse: 'civil', endUser: { name: 'A. Engineer', type: 'individual', nationalities },
});
const TECH7 = [{ measure: 'jp-feo-appended-table', entry: 'jp-tech-row-7', status: 'in_force' as const }];

t.run('deemed export: residency and specified categories, not nationality (FEFTA Art. 25(1); X117)', [
  { name: 'a PRC national, residency not stated: asks whether a non-resident (or a resident in a specified category), no licence on nationality alone', request: release(d), verdict: 'needs_information', questions: ['jpNonResident'], onlyQuestions: true, findings: TECH7 },
  { name: 'a stated non-resident: METI\'s permission is needed', request: release(d, { jpNonResident: 1 }), verdict: 'license_required', licensePolicy: 'case_by_case', reaches: true, findings: TECH7, noQuestions: ['jpNonResident', 'jpSpecifiedCategory'] },
  { name: 'a resident, specified category not stated: asks it', request: release(d, { jpNonResident: 0 }), verdict: 'needs_information', questions: ['jpSpecifiedCategory'], onlyQuestions: true },
  { name: 'a resident outside the specified categories (an employee of the Japanese company, say): not a deemed export, Japan does not reach', request: release(d, { jpNonResident: 0, jpSpecifiedCategory: 0 }), verdict: 'not_controlled', reaches: false, noFindings: [{ measure: 'jp-feo-appended-table' }], noQuestions: ['jpNonResident', 'jpSpecifiedCategory'] },
  { name: 'a resident in a specified category (bound to a foreign government or company): METI\'s permission is needed', request: release(d, { jpNonResident: 0, jpSpecifiedCategory: 1 }), verdict: 'license_required', reaches: true, findings: TECH7 },
  { name: 'a specified category stated alone settles it: a resident in one, or a non-resident, is reached either way', request: release(d, { jpSpecifiedCategory: 1 }), verdict: 'license_required', findings: TECH7, noQuestions: ['jpNonResident'] },
  { name: 'on 2022-05-01, the day the clarification applied, a resident in a specified category is reached', request: release('2022-05-01', { jpNonResident: 0, jpSpecifiedCategory: 1 }), verdict: 'license_required', findings: TECH7 },
  { name: 'on 2022-04-30 a resident in a specified category is not a deemed export: only non-residency counted then', request: release('2022-04-30', { jpNonResident: 0, jpSpecifiedCategory: 1 }), verdict: 'not_controlled', reaches: false, noFindings: [{ measure: 'jp-feo-appended-table' }] },
  { name: 'before 2022-05-01 a resident is not asked about the specified categories', request: release('2021-06-01', { jpNonResident: 0 }), verdict: 'not_controlled', reaches: false, noQuestions: ['jpSpecifiedCategory'] },
  { name: 'before 2022-05-01, residency not stated: asks only whether a non-resident', request: release('2021-06-01'), verdict: 'needs_information', questions: ['jpNonResident'], onlyQuestions: true },
  { name: 'before 2022-05-01 a non-resident is reached as before', request: release('2021-06-01', { jpNonResident: 1 }), verdict: 'license_required', findings: TECH7 },
  { name: 'a Japanese national is not asked (nationality JP, nothing stated)', request: release(d, undefined, ['JP']), verdict: 'not_controlled', reaches: false, noQuestions: ['jpNonResident'] },
  { name: 'a Japanese national stated to be a non-resident (living abroad) is reached', request: release(d, { jpNonResident: 1 }, ['JP']), verdict: 'license_required', findings: TECH7 },
  { name: 'goods moved inside Japan are never asked', request: { item: { codes: { JP: '7(18)' } }, from: 'JP', to: 'JP', date: d, endUser: { nationalities: ['CN'] } }, verdict: 'not_controlled', reaches: false, noQuestions: ['jpNonResident'] },
  { name: 'technology Japan does not list, to a PRC national: nothing binds, so residency is not asked', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'JP', date: d, transfer: 'technology', endUse: 'civil', endUser: { nationalities: ['CN'] } }, verdict: 'not_controlled', noQuestions: ['jpNonResident'] },
]);

describe('the residency question (X117)', () => {
  const ask = (date: string, parameters?: Record<string, number>) => t.engine.assess(release(date, parameters)).questions.find((q) => q.parameter === 'jpNonResident' || q.parameter === 'jpSpecifiedCategory')!;
  it('states the residency test and, from 2022-05-01, the specified categories', () => {
    const q = ask(d);
    expect(q).toMatchObject({ parameter: 'jpNonResident', candidates: ['1', '0'], jurisdiction: 'JP' });
    expect(q.prompt).toMatch(/residency, not nationality/);
    expect(q.prompt).toMatch(/jpSpecifiedCategory/);
    expect(ask(d, { jpNonResident: 0 }).prompt).toMatch(/foreign government/);
  });
  it('before 2022-05-01 does not mention the specified categories', () => {
    expect(ask('2022-04-30').prompt).not.toMatch(/specified categor/);
  });
});

// 7(16) by item: the question describes the 2026 text; an earlier date says which types were not yet listed.
t.run('7(16) found by item on a date before the text its question describes', [
  { name: 'before 2023-07-23: the 23 types and the later sub-items were not yet listed', request: { item: { id: 'equipment/semiconductor', parameters: { meetsJpItem716: 1, valueJpy: 5e7 } }, from: 'JP', to: 'CN', date: '2023-07-22', endUse: 'civil' }, verdict: 'license_required', warnings: ['spec_version'] },
  { name: 'from 2026-02-14 the text is the one the question describes: no warning', request: { item: { id: 'equipment/semiconductor', parameters: { meetsJpItem716: 1, valueJpy: 5e7 } }, from: 'JP', to: 'CN', date: '2026-02-14', endUse: 'civil' }, verdict: 'license_required', noWarnings: ['spec_version'] },
  { name: 'classified by the exporter: no warning', request: { item: { codes: { JP: '7(16)' }, parameters: { valueJpy: 5e7 } }, from: 'JP', to: 'CN', date: '2023-07-22', endUse: 'civil' }, verdict: 'license_required', noWarnings: ['spec_version'] },
]);

describe('7(16) spec_version warning text', () => {
  const w = (date: string) => t.engine.assess({ item: { id: 'equipment/semiconductor', parameters: { meetsJpItem716: 1, valueJpy: 5e7 } }, from: 'JP', to: 'CN', date, endUse: 'civil' }).warnings.find((x) => x.code === 'spec_version')!.message;
  it('names the 2023 types before 2023-07-23 and only the later sub-items after', () => {
    expect(w('2023-07-22')).toMatch(/23 types added on 2023-07-23/);
    expect(w('2024-01-01')).not.toMatch(/23 types/);
    expect(w('2024-01-01')).toMatch(/コ to シ/);
  });
});

t.run('technology by taxonomy item: asked whether it is technology of the row that lists the goods (Foreign Exchange Order, Appended Table)', [
  { name: 'technology for artificial graphite asks for 2(4) and for 4(15).2, which both list it', request: { item: { id: 'graphite/artificial' }, from: 'JP', to: 'CN', date: d, transfer: 'technology', endUse: 'civil' }, verdict: 'needs_information', questions: ['jpTech2x4', 'jpTech4x15x2'], noQuestions: ['transfer'] },
  { name: 'technology that is neither is not controlled (not asked whether goods are meant)', request: { item: { id: 'graphite/artificial', parameters: { jpTech2x4: 0, jpTech4x15x2: 0 } }, from: 'JP', to: 'CN', date: d, transfer: 'technology', endUse: 'civil' }, verdict: 'not_controlled', noQuestions: ['transfer'] },
  { name: 'technology for 2(4) graphite needs a licence (row 2)', request: { item: { id: 'graphite/artificial', parameters: { jpTech2x4: 1, jpTech4x15x2: 0 } }, from: 'JP', to: 'CN', date: d, transfer: 'technology', endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-feo-appended-table', entry: 'jp-tech-2-4-by-item', code: '2', requirement: 'license_required' }] },
  { name: 'to Group A too: list control reaches every destination', request: { item: { id: 'equipment/semiconductor/wafer-inspection', parameters: { jpTech7x16: 1 } }, from: 'JP', to: 'KR', date: d, transfer: 'technology', endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-feo-appended-table', entry: 'jp-tech-7-16-by-item' }] },
  { name: 'goods of the same item are not asked about technology', request: { item: { id: 'graphite/artificial', parameters: { massKg: 10, boronEquivalentPpm: 40, densityGPerCm3: 1.6, particleSizeUm: 500 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled', noQuestions: ['jpTech2x4', 'transfer'] },
  { name: 'the exporter\'s own classification settles it without the question', request: { item: { id: 'graphite/artificial', codes: { JP: '2(4)' } }, from: 'JP', to: 'CN', date: d, transfer: 'technology', endUse: 'civil' }, verdict: 'license_required', noQuestions: ['jpTech2x4'], findings: [{ measure: 'jp-feo-appended-table', entry: 'jp-tech-row-2' }] },
  { name: 'an item Japan does not list by taxonomy is not asked', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'CN', date: d, transfer: 'technology', endUse: 'civil' }, verdict: 'not_controlled', noQuestions: ['jpTech2x4'] },
]);

describe('row 16 reaches only goods that rows 1–15 do not list (covers.exceptListed)', () => {
  const engine = createEngine({ taxonomy: loadTaxonomy(), plugins: [plugin] });
  const jp = (request: AssessmentRequest) => engine.assess(request).jurisdictions.find((j) => j.jurisdiction === 'JP')!;
  it('a listed item is not asked about its end use; an unlisted one is, and one whose listing turns on a missing figure too', () => {
    expect(jp({ item: { codes: { JP: '2(24)' } }, from: 'JP', to: 'CN', date: d }).questions ?? []).toEqual([]);
    expect((jp({ item: { id: 'gallium/metal' }, from: 'JP', to: 'CN', date: d }).questions ?? []).map((q) => q.parameter)).toContain('endUse');
    expect((jp({ item: { id: 'graphite/artificial' }, from: 'JP', to: 'CN', date: d }).questions ?? []).map((q) => q.parameter)).toEqual(expect.arrayContaining(['massKg', 'endUse']));
  });
  it('graphite below the Ordinance\'s numbers falls to the catch-all for a WMD end use', () => {
    const r = jp({ item: { id: 'graphite/artificial', parameters: { massKg: 5, boronEquivalentPpm: 40, densityGPerCm3: 1.8, particleSizeUm: 18, machinableToNozzleBlank: 0 } }, from: 'JP', to: 'CN', date: d, endUse: 'wmd' });
    expect(r.verdict).toBe('license_required');
    expect(r.findings.map((f) => f.entry?.id)).toEqual(['jp-16-wmd']);
  });
});
