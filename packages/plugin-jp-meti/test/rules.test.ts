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
  { name: 'battery-grade graphite with boron equivalent of 5 ppm or more is not 2(4)', request: { item: { id: 'graphite/artificial', parameters: { massKg: 5, boronEquivalentPpm: 40, densityGPerCm3: 1.8 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled' },
  { name: 'a 25 kg tungsten cylinder of 150 mm bore is 2(25)', request: { item: { id: 'tungsten/metal', parameters: { massKg: 25, innerDiameterMm: 150 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-appended-table-1', entry: 'jp-2-25' }] },
  { name: 'a 10 kg tungsten part is not 2(25)', request: { item: { id: 'tungsten/metal', parameters: { massKg: 10, innerDiameterMm: 150 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled' },
  { name: 'zirconium oxide is 2(26) only when nuclear grade', request: { item: { id: 'zirconium/oxide', parameters: { hafniumToZirconiumRatio: 0.001 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'license_required' },
  { request: { item: { id: 'zirconium/oxide', parameters: { hafniumToZirconiumRatio: 0.02 } }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled' },
]);

t.run('semiconductor equipment: the 2023 additions by date', [
  { name: '7(16) on 2023-07-22: the additions are not yet in force', request: { item: { codes: { JP: '7(16)' } }, from: 'JP', to: 'CN', date: '2023-07-22', endUse: 'civil' }, verdict: 'license_required',
    findings: [{ measure: 'jp-meti-2023-sme', status: 'not_yet_in_force' }, { measure: 'jp-etco-appended-table-1', entry: 'jp-7-16', status: 'in_force' }] },
  { name: '7(16) on 2023-07-23: the additions apply', request: { item: { codes: { JP: '7(16)' } }, from: 'JP', to: 'CN', date: '2023-07-23', endUse: 'civil' }, verdict: 'license_required',
    findings: [{ measure: 'jp-meti-2023-sme', status: 'in_force' }] },
]);

t.run('catch-all (row 16): end use, informed, and Group A', [
  { name: 'an unlisted item for WMD to China needs a licence', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'CN', date: d, endUse: 'wmd' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-row-16-catch-all', entry: 'jp-16-wmd' }] },
  { name: 'the same to the US (Group A) is outside row 16', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'US', date: d, endUse: 'wmd' }, verdict: 'not_controlled' },
  { name: 'an unknown end use to China asks for it', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'CN', date: d }, verdict: 'needs_information', questions: ['endUse'] },
  { name: 'a military end use in China asks whether METI informed the exporter', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'CN', date: d, endUse: 'military' }, verdict: 'needs_information', questions: ['metiInformed'] },
  { name: 'informed by METI: licence', request: { item: { id: 'gallium/metal', parameters: { metiInformed: 1 } }, from: 'JP', to: 'CN', date: d, endUse: 'military' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-row-16-catch-all', entry: 'jp-16-conventional-informed' }] },
  { name: 'not informed: not controlled', request: { item: { id: 'gallium/metal', parameters: { metiInformed: 0 } }, from: 'JP', to: 'CN', date: d, endUse: 'military' }, verdict: 'not_controlled' },
  { name: 'a military end use in Iraq (UN arms embargo) needs a licence without any notice', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'IQ', date: d, endUse: 'military' }, verdict: 'license_required', findings: [{ measure: 'jp-etco-row-16-catch-all', entry: 'jp-16-conventional-embargoed' }] },
  { name: 'a civil end use in China is not controlled', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'CN', date: d, endUse: 'civil' }, verdict: 'not_controlled' },
  { name: 'catch-all did not exist before 2002-04-01', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'CN', date: '2002-03-31', endUse: 'wmd' }, verdict: 'not_controlled', findings: [{ measure: 'jp-etco-row-16-catch-all', status: 'not_yet_in_force' }] },
]);

t.run('Group A: the Republic of Korea left on 2019-08-28 and returned on 2023-07-21', [
  { request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'KR', date: '2019-08-27', endUse: 'wmd' }, verdict: 'not_controlled' },
  { request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'KR', date: '2019-08-28', endUse: 'wmd' }, verdict: 'license_required' },
  { request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'KR', date: '2023-07-20', endUse: 'wmd' }, verdict: 'license_required' },
  { request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'KR', date: '2023-07-21', endUse: 'wmd' }, verdict: 'not_controlled' },
]);

t.run('End User List screening', [
  { name: 'a listed UAE entity needs a licence for any item', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'AE', date: d, endUse: 'civil', endUser: { name: 'Candid General Trading L.L.C.' } }, verdict: 'license_required',
    findings: [{ measure: 'jp-meti-end-user-list', party: 'jp-eul-4' }] },
  { name: 'an alias matches', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'IR', date: d, endUse: 'civil', endUser: { name: 'Iran Uranium Enrichment Company' } }, verdict: 'license_required', findings: [{ measure: 'jp-meti-end-user-list', party: 'jp-eul-39' }] },
  { name: 'before the revision read, the listing is not modelled', request: { item: { id: 'gallium/metal' }, from: 'JP', to: 'AE', date: '2025-09-28', endUse: 'civil', endUser: { name: 'Candid General Trading LLC' } }, verdict: 'not_controlled' },
]);

t.run('reach: export from Japan and technology to non-residents', [
  { name: 'Japan does not control re-exports from abroad', request: { item: { id: 'lithium/lithium-6-enriched' }, from: 'US', to: 'CN', date: d }, verdict: 'not_controlled', reaches: false },
  { name: 'technology of row 2 to China', request: { item: { codes: { JP: '2(24)' } }, from: 'JP', to: 'CN', date: d, transfer: 'technology', endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'jp-feo-appended-table', entry: 'jp-tech-row-2' }] },
  { name: 'technology released in Japan to a foreign national', request: { item: { codes: { JP: '7' } }, from: 'JP', to: 'JP', date: d, transfer: 'technology', endUse: 'civil', endUser: { nationalities: ['CN'] } }, verdict: 'license_required', findings: [{ measure: 'jp-feo-appended-table' }] },
  { name: 'goods moved inside Japan', request: { item: { codes: { JP: '7' } }, from: 'JP', to: 'JP', date: d }, verdict: 'not_controlled', reaches: false },
]);
