import { PluginTester } from '@chokepoint/plugin-kit';
import plugin from '../src/index.js';

// Cases written from the announcements' texts as summarised in shared/reference/cn-mofcom.md:
// the day before each measure took effect, its first day, suspended dates, and each destination rule.
const t = new PluginTester(plugin);
const cn = (item: object, to: string, date: string, extra: object = {}) => ({ item, from: 'CN', to, date, endUse: 'civil' as const, ...extra });

t.run('No. 23/2023 gallium and germanium, carried into the List on 2024-12-01', [
  { request: cn({ id: 'gallium/metal' }, 'DE', '2023-07-31'), verdict: 'not_controlled', findings: [{ measure: 'cn-mofcom-2023-23', status: 'not_yet_in_force' }] },
  { request: cn({ id: 'gallium/metal' }, 'DE', '2023-08-01'), verdict: 'license_required', licensePolicy: 'case_by_case', findings: [{ measure: 'cn-mofcom-2023-23', status: 'in_force' }] },
  { request: cn({ cnCode: '8112929010' }, 'DE', '2023-08-01'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2023-23', status: 'in_force' }] },
  { request: cn({ id: 'germanium/dioxide' }, 'KR', '2024-11-30'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2023-23', status: 'in_force' }] },
  { request: cn({ id: 'germanium/dioxide' }, 'KR', '2024-12-01'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2023-23', status: 'repealed' }, { measure: 'cn-mofcom-2024-51', code: '3C002.e', status: 'in_force' }] },
  { request: cn({ cnControlCode: '3C001.e' }, 'JP', '2025-03-01'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2024-51', code: '3C001.e' }] },
  { name: 'gallium metal from Germany is not a PRC export', request: { item: { id: 'gallium/metal', origin: 'DE' }, from: 'DE', to: 'US', date: '2025-03-01' }, verdict: 'not_controlled', reaches: false },
]);

t.run('No. 39/2023 graphite', [
  { name: 'the day before No. 39, spherical graphite was under the 2006 temporary control (No. 50 of 2006, which No. 39 repealed)', request: cn({ id: 'graphite/spherical' }, 'KR', '2023-11-30'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-costind-gac-2006-50', status: 'in_force' }, { measure: 'cn-mofcom-2023-39', status: 'not_yet_in_force' }] },
  { name: 'in 2015 too', request: cn({ id: 'graphite/spherical' }, 'JP', '2015-06-01'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-costind-gac-2006-50', status: 'in_force' }] },
  { name: 'the 2006 control ended when No. 39 took over', request: cn({ id: 'graphite/spherical' }, 'KR', '2023-12-01'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-costind-gac-2006-50', status: 'repealed' }] },
  { request: cn({ id: 'graphite/spherical' }, 'KR', '2023-12-01'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2023-39', status: 'in_force' }] },
  { request: cn({ id: 'graphite/artificial', parameters: { purity: 0.9995, flexuralStrengthMPa: 35, densityGPerCm3: 1.8 } }, 'DE', '2024-01-10'), verdict: 'license_required' },
  { name: 'artificial graphite below the density threshold is not listed', request: cn({ id: 'graphite/artificial', parameters: { purity: 0.9995, flexuralStrengthMPa: 35, densityGPerCm3: 1.7 } }, 'DE', '2024-01-10'), verdict: 'not_controlled' },
  { name: 'artificial graphite without parameters asks for them', request: cn({ id: 'graphite/artificial' }, 'DE', '2024-01-10'), verdict: 'needs_information', questions: ['purity', 'flexuralStrengthMPa', 'densityGPerCm3'] },
]);

t.run('No. 33/2024 antimony and superhard materials', [
  { name: 'the day before No. 33 antimony ore needs only the ordinary export licence', request: cn({ id: 'antimony/ore' }, 'IN', '2024-09-14'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2024-33', status: 'not_yet_in_force' }, { measure: 'cn-export-licence-goods-2024', entry: 'cn-elic-2024-antimony', status: 'in_force' }] },
  { request: cn({ id: 'antimony/ore' }, 'IN', '2024-09-15'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2024-33', status: 'in_force' }] },
  { request: cn({ id: 'antimony/oxide', parameters: { purity: 0.9999 } }, 'IN', '2024-09-15'), verdict: 'license_required' },
  { name: 'antimony oxide under 99.99 % is not a listed dual-use item (ordinary export licence only)', request: cn({ id: 'antimony/oxide', parameters: { purity: 0.998 } }, 'IN', '2024-09-15'), verdict: 'license_required', findings: [{ measure: 'cn-export-licence-goods-2024' }], noFindings: [{ measure: 'cn-mofcom-2024-33', status: 'in_force' }] },
]);

t.run('No. 46/2024 and its clause 2 suspension by No. 72/2025 (United States)', [
  { name: 'before No. 46, gallium to the US needs an ordinary licence', request: cn({ id: 'gallium/metal' }, 'US', '2024-12-02'), verdict: 'license_required', licensePolicy: 'case_by_case' },
  { name: 'from 2024-12-03 gallium to the US is in principle not permitted', request: cn({ id: 'gallium/metal' }, 'US', '2024-12-03'), verdict: 'license_required', licensePolicy: 'presumption_of_denial', findings: [{ measure: 'cn-mofcom-2024-46', status: 'in_force' }] },
  { name: 'antimony to the US: presumption of denial', request: cn({ id: 'antimony/metal' }, 'US', '2025-06-01'), verdict: 'license_required', licensePolicy: 'presumption_of_denial' },
  { name: 'clause 2 suspended from 2025-11-09', request: cn({ id: 'gallium/metal' }, 'US', '2025-11-09'), verdict: 'license_required', licensePolicy: 'case_by_case', findings: [{ measure: 'cn-mofcom-2024-46', status: 'suspended' }] },
  { name: 'clause 2 still suspended on its last day', request: cn({ id: 'germanium/metal' }, 'US', '2026-11-27'), verdict: 'license_required', licensePolicy: 'case_by_case' },
  { name: 'after 2026-11-27 the text applies again, unverified', request: cn({ id: 'gallium/metal' }, 'US', '2026-11-28'), verdict: 'license_required', licensePolicy: 'presumption_of_denial', warnings: ['status_unverified', 'stale_data'] },
  { name: 'clause 2 does not touch other destinations', request: cn({ id: 'gallium/metal' }, 'DE', '2025-06-01'), verdict: 'license_required', licensePolicy: 'case_by_case' },
  { name: 'clause 1: any listed item to a US military user is prohibited', request: cn({ id: 'dysprosium/oxide' }, 'US', '2025-06-01', { endUse: 'military' }), verdict: 'prohibited', findings: [{ measure: 'cn-mofcom-2024-46', requirement: 'prohibited' }] },
  { name: 'clause 1 did not apply the day before', request: cn({ id: 'gallium/metal' }, 'US', '2024-12-02', { endUser: { type: 'military' } }), verdict: 'license_required' },
  { name: 'clause 1 reaches PRC-origin items re-exported to the US military', request: { item: { id: 'gallium/metal', origin: 'CN' }, from: 'KR', to: 'US', date: '2025-06-01', endUse: 'military' }, verdict: 'prohibited', reaches: true },
  { name: 'clause 1: a military-intelligence end use is a military use', request: cn({ id: 'gallium/metal' }, 'US', '2025-06-01', { endUse: 'military-intelligence' }), verdict: 'prohibited', findings: [{ measure: 'cn-mofcom-2024-46', requirement: 'prohibited' }] },
  { name: 'unknown end use to the US asks about military use', request: { item: { id: 'gallium/metal' }, from: 'CN', to: 'US', date: '2025-06-01' }, verdict: 'license_required', questions: ['endUse'] },
  // Clause 3 holds liable whoever transfers PRC-origin items to US parties "in breach of the above provisions", clause 2 included.
  { name: 'clause 3 carries clause 2 abroad: PRC-origin gallium passed on from Germany to the US', request: { item: { id: 'gallium/metal', origin: 'CN' }, from: 'DE', to: 'US', date: '2025-03-01', endUse: 'civil' }, verdict: 'license_required', licensePolicy: 'presumption_of_denial', reaches: true, findings: [{ measure: 'cn-mofcom-2024-46', entry: 'cn-2024-46-cl2-ga-metal', status: 'in_force' }] },
  { name: 'clause 3 with clause 2: PRC-origin antimony trioxide of 99.99 % from Korea to the US', request: { item: { id: 'antimony/oxide', origin: 'CN', parameters: { purity: 0.9999 } }, from: 'KR', to: 'US', date: '2025-06-01', endUse: 'civil' }, verdict: 'license_required', licensePolicy: 'presumption_of_denial', findings: [{ measure: 'cn-mofcom-2024-46', entry: 'cn-2024-46-cl2-sb-oxide', status: 'in_force' }] },
  { name: 'clause 3 did not apply before No. 46', request: { item: { id: 'gallium/metal', origin: 'CN' }, from: 'DE', to: 'US', date: '2024-12-02', endUse: 'civil' }, verdict: 'not_controlled', findings: [{ measure: 'cn-mofcom-2024-46', status: 'not_yet_in_force' }] },
  { name: 'nor while No. 72 suspended clause 2', request: { item: { id: 'germanium/metal', origin: 'CN' }, from: 'DE', to: 'US', date: '2026-01-15', endUse: 'civil' }, verdict: 'not_controlled', findings: [{ measure: 'cn-mofcom-2024-46', status: 'suspended' }] },
  { name: 'after the suspension ended the re-transfer rule applies again, unverified', request: { item: { id: 'gallium/metal', origin: 'CN' }, from: 'DE', to: 'US', date: '2026-11-28', endUse: 'civil' }, verdict: 'license_required', licensePolicy: 'presumption_of_denial', warnings: ['status_unverified'] },
  { name: 'clause 3 is about the US only: PRC-origin gallium from Germany to France', request: { item: { id: 'gallium/metal', origin: 'CN' }, from: 'DE', to: 'FR', date: '2025-03-01', endUse: 'civil' }, verdict: 'not_controlled', noFindings: [{ measure: 'cn-mofcom-2024-46' }] },
  { name: 'graphite to the US faces stricter review, not a denial: nothing for a holder abroad to breach', request: { item: { id: 'graphite/spherical', origin: 'CN' }, from: 'DE', to: 'US', date: '2025-03-01', endUse: 'civil' }, verdict: 'not_controlled' },
  { name: 'a foreign-made item with PRC gallium content is not a PRC-origin item under clause 3', request: { item: { id: 'gallium/nitride', origin: 'DE', content: [{ item: { id: 'gallium/metal' }, origin: 'CN', valueShare: 0.3 }] }, from: 'DE', to: 'US', date: '2025-03-01', endUse: 'civil' }, verdict: 'not_controlled', noFindings: [{ measure: 'cn-mofcom-2024-46', status: 'in_force' }] },
]);

t.run('No. 10/2025 tungsten, tellurium, bismuth, molybdenum, indium', [
  { request: cn({ id: 'tungsten/ammonium-paratungstate' }, 'US', '2025-02-03'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-10', status: 'not_yet_in_force' }, { measure: 'cn-export-licence-goods-2025', entry: 'cn-elic-2025-tungsten', status: 'in_force' }] },
  { request: cn({ id: 'tungsten/ammonium-paratungstate' }, 'US', '2025-02-04'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-10', code: '1C117.d', status: 'in_force' }] },
  { request: cn({ id: 'tellurium/cadmium-telluride' }, 'DE', '2025-02-04'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-10' }] },
  { request: cn({ cnControlCode: '6C001.a' }, 'DE', '2025-03-01'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-10', code: '6C001.a' }] },
  { name: 'a tellurium compound by a CAS number the taxonomy does not hold (zinc telluride) is asked about, not answered not controlled', request: cn({ cas: '1315-11-3' }, 'DE', '2025-03-01'), verdict: 'needs_information', questions: ['item'] },
  { name: 'cadmium telluride by its CAS number (identifiers review C15)', request: cn({ cas: '1306-25-8' }, 'DE', '2025-03-01'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-10', code: '6C002.b.1' }] },
  // Headings that hold controlled and uncontrolled goods are asked, not read as the controlled item (identifiers review I33, H03, H12, H13).
  { name: 'HS 2504.10 (flake graphite or other natural graphite powder) is asked', request: cn({ hs: '2504.10' }, 'DE', '2025-03-01'), verdict: 'needs_information', questions: ['item'] },
  { name: 'China line 2504109900 (other natural graphite powder) is not read as flake graphite', request: cn({ cnCode: '2504109900' }, 'DE', '2025-03-01'), verdict: 'needs_information', questions: ['item'] },
  { name: '"graphite powder" by name may be flake, other natural or artificial graphite: asked', request: cn({ name: 'graphite powder' }, 'DE', '2025-03-01'), verdict: 'needs_information', questions: ['item'] },
  { name: 'China line 2504101000 is flake graphite', request: cn({ cnCode: '2504101000' }, 'DE', '2025-03-01'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2024-51', code: '1C108.c' }] },
  // Rare-earth customs lines name one element (identifiers review I22, I32): only its own entries apply.
  { name: 'erbium oxide by its customs line 2846901920: the ordinary export licence; 1C910.b suspended; no other element\'s entry', request: cn({ cnCode: '2846901920' }, 'DE', '2026-06-01'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-57', code: '1C910.b', status: 'suspended' }], noFindings: [{ measure: 'cn-mofcom-2025-18', status: 'in_force' }] },
  { name: 'dysprosium metal by its customs line 2805301200: 1C905.a only', request: cn({ cnCode: '2805301200' }, 'DE', '2026-06-01'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-18', code: '1C905.a', status: 'in_force' }], noFindings: [{ measure: 'cn-mofcom-2025-18', code: '1C904.a' }, { measure: 'cn-mofcom-2025-18', code: '1C902.a' }] },
  { name: 'bismuth germanate by name: 6C001.b (identifiers review N13)', request: cn({ name: 'bismuth germanate' }, 'DE', '2025-06-01'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-10', code: '6C001.b', status: 'in_force' }] },
  { name: 'trimethylindium by its Chinese name: 3C004.b (identifiers review N14)', request: cn({ name: '三甲基铟' }, 'DE', '2025-06-01'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-10', code: '3C004.b', status: 'in_force' }] },
  { name: 'HS 2804.50 (boron; tellurium) is asked', request: cn({ hs: '2804.50' }, 'DE', '2025-03-01'), verdict: 'needs_information', questions: ['item'] },
  { name: 'HS 2849.90 (carbides other than of calcium and silicon) is asked', request: cn({ hs: '2849.90' }, 'DE', '2025-03-01'), verdict: 'needs_information', questions: ['item'] },
  { name: 'tungsten metal is unalloyed, so 1C117.c turns only on its size, never on its tungsten content', request: cn({ id: 'tungsten/metal' }, 'DE', '2025-03-01'), verdict: 'license_required', questions: ['machinableToControlledShape'] },
  { name: 'tungsten metal machinable into a listed shape', request: cn({ id: 'tungsten/metal', parameters: { machinableToControlledShape: 1 } }, 'DE', '2025-03-01'), verdict: 'license_required', questions: [], findings: [{ measure: 'cn-mofcom-2025-10', code: '1C117.c', status: 'in_force' }] },
  { name: 'tungsten metal too small for the listed shapes needs only the ordinary licence', request: cn({ id: 'tungsten/metal', parameters: { machinableToControlledShape: 0 } }, 'DE', '2025-03-01'), verdict: 'license_required', questions: [], findings: [{ measure: 'cn-export-licence-goods-2025', status: 'in_force' }] },
  { name: 'a W-Ni-Fe alloy meeting 1C004 is not asked the 1C117.c tests, which could not change its answer', request: cn({ id: 'tungsten/alloy', parameters: { densityGPerCm3: 18, elasticLimitMPa: 900, ultimateTensileStrengthMPa: 1300, elongation: 0.1 } }, 'DE', '2025-03-01'), verdict: 'license_required', licensePolicy: 'case_by_case', questions: [], findings: [{ measure: 'cn-mofcom-2025-10', code: '1C004', status: 'in_force' }] },
  { name: 'a 1C004 alloy for a party on the control list is banned: nothing else asked', request: cn({ id: 'tungsten/alloy', parameters: { densityGPerCm3: 18, elasticLimitMPa: 900, ultimateTensileStrengthMPa: 1300, elongation: 0.1 } }, 'US', '2025-06-01', { endUser: { name: 'General Dynamics', country: 'US', type: 'commercial' } }), verdict: 'prohibited', questions: [] },
  { name: 'tungsten metal for that party: its shape decides whether the ban reaches it, so it is asked', request: cn({ id: 'tungsten/metal' }, 'US', '2025-06-01', { endUser: { name: 'General Dynamics', country: 'US', type: 'commercial' } }), verdict: 'license_required', questions: ['machinableToControlledShape'] },
  { name: 'a tungsten alloy is asked its tungsten content', request: cn({ id: 'tungsten/alloy', parameters: { machinableToControlledShape: 1, densityGPerCm3: 17 } }, 'DE', '2025-03-01'), verdict: 'license_required', questions: ['fraction.W', 'copperInfiltrated', 'silverInfiltrated', 'fraction.Ag'] },
]);

t.run('No. 18/2025 seven medium and heavy rare earths', [
  { request: cn({ id: 'dysprosium/oxide' }, 'US', '2025-04-03'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-18', status: 'not_yet_in_force' }, { measure: 'cn-export-licence-goods-2025', status: 'in_force' }] },
  { request: cn({ id: 'dysprosium/oxide' }, 'US', '2025-04-04'), verdict: 'license_required', licensePolicy: 'case_by_case', findings: [{ measure: 'cn-mofcom-2025-18', code: '1C905.b', status: 'in_force' }] },
  { request: cn({ id: 'samarium/metal' }, 'JP', '2025-04-04'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-18', code: '1C902.a' }] },
  { request: cn({ id: 'magnets/ndfeb-dy-tb' }, 'DE', '2025-06-01'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-18' }] },
  { name: 'not suspended by No. 70', request: cn({ id: 'terbium/oxide' }, 'US', '2025-12-15'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-18', status: 'in_force' }] },
  { name: 'NdFeB without Dy or Tb asks which', request: cn({ id: 'magnets/ndfeb' }, 'DE', '2025-06-01'), verdict: 'needs_information', questions: ['item'] },
]);

// A list code names an item, not a date: before the code existed the item's law that day applies, and the
// code's own entry is shown as not yet in force (review of 2026-12-05).
t.run('a control code alone, before and after the announcement that created it', [
  { name: 'No. 18 1C902.a the day before 2025-04-04: the ordinary export licence for samarium metal, alloy and targets is in force; SmCo magnets (also 1C902.a) are not in that catalogue, so it asks which',
    request: cn({ cnControlCode: '1C902.a' }, 'DE', '2025-04-03'), verdict: 'needs_information', questions: ['item'],
    findings: [{ measure: 'cn-mofcom-2025-18', entry: 'cn-2025-18-samarium-a', status: 'not_yet_in_force' }, { measure: 'cn-export-licence-goods-2025', entry: 'cn-elic-2025-rare-earths', status: 'in_force' }], warnings: ['item_from_list_code'] },
  { name: 'No. 18 1C902.a with the item named: the ordinary licence, No. 18 not yet in force',
    request: cn({ cnControlCode: '1C902.a', name: 'samarium metal' }, 'DE', '2025-04-03'), verdict: 'license_required',
    findings: [{ measure: 'cn-mofcom-2025-18', entry: 'cn-2025-18-samarium-a', status: 'not_yet_in_force' }, { measure: 'cn-export-licence-goods-2025', entry: 'cn-elic-2025-rare-earths', status: 'in_force' }] },
  { name: 'No. 18 1C902.a on 2025-04-04: the dual-use licence, whichever 1C902.a item it is',
    request: cn({ cnControlCode: '1C902.a' }, 'DE', '2025-04-04'), verdict: 'license_required', questions: [], onlyQuestions: true,
    findings: [{ measure: 'cn-mofcom-2025-18', entry: 'cn-2025-18-samarium-a', status: 'in_force' }], warnings: ['item_from_list_code'] },
  { name: 'No. 10 1C117.d (APT, tungsten oxides and carbides) the day before 2025-02-04: the ordinary export licence for tungsten',
    request: cn({ cnControlCode: '1C117.d' }, 'DE', '2025-02-03'), verdict: 'license_required',
    findings: [{ measure: 'cn-mofcom-2025-10', entry: 'cn-2025-10-w-apt', status: 'not_yet_in_force' }, { measure: 'cn-export-licence-goods-2025', entry: 'cn-elic-2025-tungsten', status: 'in_force' }], warnings: ['item_from_list_code'] },
  { name: 'No. 10 1C117.d on 2025-02-04: the dual-use licence too',
    request: cn({ cnControlCode: '1C117.d' }, 'DE', '2025-02-04'), verdict: 'license_required',
    findings: [{ measure: 'cn-mofcom-2025-10', entry: 'cn-2025-10-w-apt', status: 'in_force' }, { measure: 'cn-export-licence-goods-2025', entry: 'cn-elic-2025-tungsten', status: 'in_force' }] },
  { name: 'No. 10 6C002.a (tellurium metal) the day before: read as tellurium metal, which nothing else controlled that day',
    request: cn({ cnControlCode: '6C002.a' }, 'DE', '2025-02-03'), verdict: 'not_controlled',
    findings: [{ measure: 'cn-mofcom-2025-10', entry: 'cn-2025-10-te-metal', status: 'not_yet_in_force' }], warnings: ['item_from_list_code'] },
]);

t.run('The October 2025 package, suspended by No. 70 until 2026-11-10', [
  { name: 'No. 57 holmium: announced, not yet in force on 2025-11-07', request: cn({ id: 'holmium/oxide' }, 'US', '2025-11-07'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-57', status: 'not_yet_in_force' }, { measure: 'cn-export-licence-goods-2025', status: 'in_force' }] },
  { name: 'No. 57 suspended from its first day (the ordinary export licence still applies)', request: cn({ id: 'holmium/oxide' }, 'US', '2025-11-08'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-57', status: 'suspended' }, { measure: 'cn-export-licence-goods-2025', status: 'in_force' }] },
  { name: 'No. 57 still suspended on 2026-11-10', request: cn({ id: 'europium/oxide' }, 'US', '2026-11-10'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-57', status: 'suspended' }, { measure: 'cn-export-licence-goods-2026', status: 'in_force' }] },
  { name: 'No. 57 applies again by its text after 2026-11-10, with a warning', request: cn({ id: 'europium/oxide' }, 'US', '2026-11-11'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-57', status: 'in_force' }], warnings: ['status_unverified'] },
  { name: 'No. 58 cells of 300 Wh/kg, suspended', request: cn({ id: 'batteries/lithium-ion-cell', parameters: { energyDensityWhPerKg: 300 } }, 'DE', '2026-01-01'), verdict: 'not_controlled', findings: [{ measure: 'cn-mofcom-2025-58', status: 'suspended' }] },
  { name: 'No. 55 micropowder by its code alone, particle size not given: shown suspended, nothing asked', request: cn({ cnControlCode: '2C902.a' }, 'IN', '2025-11-08'), verdict: 'not_controlled', questions: [], findings: [{ measure: 'cn-mofcom-2025-55', status: 'suspended' }] },
  { name: 'No. 58 cells, energy density not given: shown suspended, nothing asked', request: cn({ id: 'batteries/lithium-ion-cell' }, 'DE', '2026-11-10'), verdict: 'not_controlled', questions: [], findings: [{ measure: 'cn-mofcom-2025-58', status: 'suspended' }] },
  { name: 'No. 58 cells, energy density not given, after the suspension: asked', request: cn({ id: 'batteries/lithium-ion-cell' }, 'DE', '2026-11-11'), verdict: 'needs_information', questions: ['energyDensityWhPerKg'] },
  { name: 'No. 58 cells after the suspension', request: cn({ id: 'batteries/lithium-ion-cell', parameters: { energyDensityWhPerKg: 300 } }, 'DE', '2026-11-11'), verdict: 'license_required', warnings: ['status_unverified'] },
  { name: 'No. 58 cells below 300 Wh/kg are not listed', request: cn({ id: 'batteries/lithium-ion-cell', parameters: { energyDensityWhPerKg: 250 } }, 'DE', '2026-11-11'), verdict: 'not_controlled' },
  // 3E901.a covers only technology for producing the 3A001 cells (exposure review X09: an LFP cell plant's know-how).
  { name: 'No. 58 cell-making technology after the suspension, energy density not given: asked', request: cn({ id: 'tech/battery/cell-manufacturing' }, 'HU', '2026-12-01', { transfer: 'technology' }), verdict: 'needs_information', questions: ['energyDensityWhPerKg'] },
  { name: 'No. 58 technology for 180 Wh/kg LFP cells is not listed', request: cn({ id: 'tech/battery/cell-manufacturing', parameters: { energyDensityWhPerKg: 180 } }, 'HU', '2026-12-01', { transfer: 'technology' }), verdict: 'not_controlled' },
  { name: 'No. 58 technology for 320 Wh/kg cells needs a licence (applies again by its text, with a warning)', request: cn({ id: 'tech/battery/cell-manufacturing', parameters: { energyDensityWhPerKg: 320 } }, 'HU', '2026-12-01', { transfer: 'technology' }), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-58', code: '3E901.a', status: 'in_force' }], warnings: ['status_unverified'] },
  { name: 'No. 61 part 1(3): re-export of PRC-origin Dy magnets abroad, in force 2025-10-09', request: { item: { id: 'magnets/ndfeb-dy-tb', origin: 'CN' }, from: 'DE', to: 'US', date: '2025-10-09' }, verdict: 'license_required', reaches: true, findings: [{ measure: 'cn-mofcom-2025-61', status: 'in_force' }] },
  { name: 'No. 61 part 1(3) was not in force the day before', request: { item: { id: 'magnets/ndfeb-dy-tb', origin: 'CN' }, from: 'DE', to: 'US', date: '2025-10-08', endUse: 'civil' }, verdict: 'not_controlled', reaches: false },
  { name: 'No. 61 part 1(3) suspended from 2025-11-07', request: { item: { id: 'magnets/ndfeb-dy-tb', origin: 'CN' }, from: 'DE', to: 'US', date: '2025-11-07', endUse: 'civil' }, verdict: 'not_controlled', reaches: false, findings: [{ measure: 'cn-mofcom-2025-61', status: 'suspended' }] },
  { name: 'a PRC-origin listed item passed on to the US with the end use unknown: No. 46 clauses 1 and 3 ask whether it is military', request: { item: { id: 'magnets/ndfeb-dy-tb', origin: 'CN' }, from: 'DE', to: 'US', date: '2025-10-08' }, verdict: 'needs_information', reaches: true, questions: ['endUse'] },
  { name: 'No. 61 part 1(1): PRC rare-earth content of a share not given is asked for its share, after the suspension (tech-reach review X61)', request: { item: { id: 'magnets/ndfeb-dy-tb', origin: 'KR', content: [{ item: { id: 'dysprosium/oxide' }, origin: 'CN' }] }, from: 'KR', to: 'US', date: '2026-11-11' }, verdict: 'needs_information', reaches: true, questions: ['content'], warnings: ['status_unverified'] },
  { name: 'No. 61 part 1(1): foreign magnets with ≥0.1 % PRC rare-earth content, after the suspension', request: { item: { id: 'magnets/ndfeb-dy-tb', origin: 'DE', content: [{ item: { id: 'dysprosium/oxide' }, origin: 'CN', valueShare: 0.002 }] }, from: 'DE', to: 'US', date: '2026-11-11' }, verdict: 'license_required', reaches: true, warnings: ['status_unverified'] },
  { name: 'No. 62 heading 1E902 named as goods: asked which transfer it is, not answered not controlled', request: cn({ cnControlCode: '1E902' }, 'AU', '2025-10-10'), verdict: 'needs_information', questions: ['transfer'] },
  { name: 'No. 62 catch-all: magnet-making equipment for a plant abroad needs a licence from 2025-10-09', request: cn({ id: 'equipment/rare-earths/strip-caster' }, 'VN', '2025-10-09'), verdict: 'license_required', licensePolicy: 'case_by_case', findings: [{ measure: 'cn-mofcom-2025-62', entry: 'cn-2025-62-catch-all-equipment', status: 'in_force' }] },
  { name: 'No. 62 catch-all: not the day before', request: cn({ id: 'equipment/rare-earths/strip-caster' }, 'VN', '2025-10-08'), verdict: 'not_controlled', findings: [{ measure: 'cn-mofcom-2025-62', status: 'not_yet_in_force' }] },
  { name: 'No. 62 catch-all: separation equipment before No. 56 took effect', request: cn({ id: 'equipment/rare-earths/separation' }, 'MY', '2025-10-20'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-62', status: 'in_force' }, { measure: 'cn-mofcom-2025-56', status: 'not_yet_in_force' }] },
  { name: 'No. 62 catch-all: suspended with the rest of No. 62 from 2025-11-07', request: cn({ id: 'equipment/rare-earths/sintering-furnace' }, 'VN', '2025-11-07'), verdict: 'not_controlled', findings: [{ measure: 'cn-mofcom-2025-62', status: 'suspended' }] },
  { name: 'No. 62 catch-all: applies again after 2026-11-10, unverified', request: cn({ id: 'equipment/rare-earths/jet-mill' }, 'VN', '2026-11-11'), verdict: 'license_required', warnings: ['status_unverified', 'stale_data'] },
  // No. 62: "exporting non-controlled goods, technology or services that the exporter knows are for, or substantially
  // contribute to, overseas rare-earth mining, separation, metal smelting, magnet making or recycling needs a licence":
  // goods, not only equipment. Rare-earth solvent-extraction reagents supplied to a separation plant are such goods.
  { name: 'No. 62 catch-all: rare-earth extraction reagents for a separation plant abroad, in force 2025-10-09', request: cn({ id: 'reagents/ree-extractant' }, 'VN', '2025-10-09'), verdict: 'license_required', licensePolicy: 'case_by_case', findings: [{ measure: 'cn-mofcom-2025-62', entry: 'cn-2025-62-catch-all-reagents', status: 'in_force' }] },
  { name: 'No. 62 catch-all: reagents not the day before', request: cn({ id: 'reagents/ree-extractant' }, 'VN', '2025-10-08'), verdict: 'not_controlled', findings: [{ measure: 'cn-mofcom-2025-62', entry: 'cn-2025-62-catch-all-reagents', status: 'not_yet_in_force' }] },
  { name: 'No. 62 catch-all: reagents suspended with No. 62 from 2025-11-07 to 2026-11-10', request: cn({ id: 'reagents/ree-extractant' }, 'MY', '2026-11-10'), verdict: 'not_controlled', findings: [{ measure: 'cn-mofcom-2025-62', entry: 'cn-2025-62-catch-all-reagents', status: 'suspended' }], warnings: ['suspension_last_day'], noWarnings: ['status_unverified'] },
  { name: 'No. 62 catch-all: reagents again from 2026-11-11, unverified', request: cn({ id: 'reagents/ree-extractant' }, 'MY', '2026-11-11'), verdict: 'license_required', warnings: ['status_unverified'] },
  { name: 'No. 61 part 1(2) (foreign direct products, from 2025-12-01) was never in force: not yet on 2025-11-30, though No. 70 had suspended the measure', request: { item: { id: 'magnets/ndfeb-dy-tb', origin: 'VN', content: [{ item: { id: 'tech/rare-earths/magnet-manufacturing' }, origin: 'CN', valueShare: 0 }] }, from: 'VN', to: 'US', date: '2025-11-30', endUse: 'civil' }, verdict: 'not_controlled', findings: [{ measure: 'cn-mofcom-2025-61', status: 'not_yet_in_force' }] },
  { name: 'No. 61 part 1(2) suspended from its first day (a technology part needs no value share)', request: { item: { id: 'magnets/ndfeb-dy-tb', origin: 'VN', content: [{ item: { id: 'tech/rare-earths/magnet-manufacturing' }, origin: 'CN' }] }, from: 'VN', to: 'US', date: '2025-12-01', endUse: 'civil' }, verdict: 'not_controlled', findings: [{ measure: 'cn-mofcom-2025-61', status: 'suspended' }] },
  { name: 'No. 61 military denial for foreign-made magnets waits for part 1(1) (2025-12-01): nothing on 2025-10-15', request: { item: { id: 'magnets/ndfeb-dy-tb', origin: 'DE', content: [{ item: { id: 'dysprosium/metal' }, origin: 'CN', valueShare: 0.01 }] }, from: 'DE', to: 'FR', date: '2025-10-15', endUse: 'military' }, verdict: 'not_controlled', findings: [{ measure: 'cn-mofcom-2025-61', entry: 'cn-2025-61-military-denial-foreign-made', status: 'not_yet_in_force' }] },
  { name: 'No. 61 military denial for PRC-origin items applied from 2025-10-09 (part 1(3))', request: { item: { id: 'dysprosium/metal', origin: 'CN' }, from: 'DE', to: 'FR', date: '2025-10-15', endUse: 'military' }, verdict: 'license_required', licensePolicy: 'presumption_of_denial', findings: [{ measure: 'cn-mofcom-2025-61', entry: 'cn-2025-61-military-denial', status: 'in_force' }] },
  { name: 'No. 61 military denial for foreign-made magnets after the suspension', request: { item: { id: 'magnets/ndfeb-dy-tb', origin: 'DE', content: [{ item: { id: 'dysprosium/metal' }, origin: 'CN', valueShare: 0.01 }] }, from: 'DE', to: 'FR', date: '2026-11-11', endUse: 'military' }, verdict: 'license_required', licensePolicy: 'presumption_of_denial', warnings: ['status_unverified'] },
  { name: 'No. 61 part 1(2) after the suspension: a foreign magnet made with PRC magnet technology', request: { item: { id: 'magnets/ndfeb-dy-tb', origin: 'VN', content: [{ item: { id: 'tech/rare-earths/magnet-manufacturing' }, origin: 'CN' }] }, from: 'VN', to: 'US', date: '2026-11-11', endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-61', entry: 'cn-2025-61-direct-product', status: 'in_force' }], warnings: ['status_unverified'] },
  { name: 'No. 61 reaches only exports to countries and regions outside China: a Korean Dy magnet with PRC content shipped to China', request: { item: { id: 'magnets/ndfeb-dy-tb', origin: 'KR', content: [{ item: { id: 'dysprosium/oxide' }, origin: 'CN', valueShare: 0.02 }] }, from: 'KR', to: 'CN', date: '2026-11-11' }, verdict: 'not_controlled', reaches: false },
  { name: 'nor a re-export of a PRC-origin Dy magnet back to China', request: { item: { id: 'magnets/ndfeb-dy-tb', origin: 'CN' }, from: 'DE', to: 'CN', date: '2025-10-09' }, verdict: 'not_controlled', reaches: false },
  { name: 'No. 61 part 1(1): a plain NdFeB magnet whose only PRC content is neodymium (not Part I content) is not asked its Dy and Tb shares', request: { item: { id: 'magnets/ndfeb', origin: 'KR', content: [{ item: { id: 'neodymium/metal' }, origin: 'CN', valueShare: 0.03 }] }, from: 'KR', to: 'US', date: '2026-11-11' }, verdict: 'not_controlled', noQuestions: ['fraction.Dy', 'fraction.Tb'], noFindings: [{ measure: 'cn-mofcom-2025-61' }] },
  { name: '... with PRC dysprosium oxide content the magnet is caught', request: { item: { id: 'magnets/ndfeb', origin: 'KR', content: [{ item: { id: 'dysprosium/oxide' }, origin: 'CN', valueShare: 0.02 }] }, from: 'KR', to: 'US', date: '2026-11-11' }, verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-61', status: 'in_force' }] },
  { name: 'No. 61 part 1(1): a foreign Dy magnet whose content is not stated is asked for its PRC content once the part applies', request: { item: { id: 'magnets/ndfeb-dy-tb', origin: 'DE' }, from: 'DE', to: 'US', date: '2026-11-11' }, verdict: 'needs_information', questions: ['content'] },
  { name: '... not while the measure is suspended (nothing binds, nothing asked)', request: { item: { id: 'magnets/ndfeb-dy-tb', origin: 'DE' }, from: 'DE', to: 'US', date: '2026-06-01' }, verdict: 'not_controlled', reaches: false, noQuestions: ['content'] },
  { name: '... nor when the request states it has no content at all', request: { item: { id: 'magnets/ndfeb-dy-tb', origin: 'DE', content: [] }, from: 'DE', to: 'US', date: '2026-11-11' }, verdict: 'not_controlled', reaches: false },
  { name: 'No. 61 part 1(1) below 0.1 %', request: { item: { id: 'magnets/ndfeb-dy-tb', origin: 'DE', content: [{ item: { id: 'dysprosium/oxide' }, origin: 'CN', valueShare: 0.0005 }] }, from: 'DE', to: 'US', date: '2026-11-11' }, verdict: 'not_controlled' },
]);

t.run('Technology export catalogue (2023 revision and July 2025 amendment)', [
  { name: 'the day before the 2023 revision, separation technology was already banned by the 2008 catalogue', request: cn({ id: 'tech/rare-earths/separation' }, 'US', '2023-12-20', { transfer: 'technology' }), verdict: 'prohibited', findings: [{ measure: 'cn-mofcom-most-2023-57', status: 'not_yet_in_force' }, { measure: 'cn-mofcom-most-2008-12', status: 'in_force' }] },
  { request: cn({ id: 'tech/rare-earths/separation' }, 'US', '2023-12-21', { transfer: 'technology' }), verdict: 'prohibited', findings: [{ measure: 'cn-mofcom-most-2023-57', requirement: 'prohibited' }] },
  { request: cn({ id: 'tech/rare-earths/magnet-manufacturing' }, 'VN', '2025-01-01', { transfer: 'technology' }), verdict: 'prohibited' },
  { name: 'LFP cathode technology before the amendment', request: cn({ id: 'tech/battery/lfp-cathode-preparation', parameters: { compactionDensityGPerCm3: 2.6, dischargeCapacityMAhPerG: 161, firstCycleEfficiency: 0.975 } }, 'HU', '2025-07-14', { transfer: 'technology' }), verdict: 'not_controlled', findings: [{ measure: 'cn-mofcom-most-2025-28', status: 'not_yet_in_force' }] },
  { name: 'LFP cathode technology above the thresholds from 2025-07-15', request: cn({ id: 'tech/battery/lfp-cathode-preparation', parameters: { compactionDensityGPerCm3: 2.6, dischargeCapacityMAhPerG: 161, firstCycleEfficiency: 0.975 } }, 'HU', '2025-07-15', { transfer: 'technology' }), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-most-2025-28', code: '252604X' }] },
  { name: 'LFP cathode technology below the capacity threshold', request: cn({ id: 'tech/battery/lfp-cathode-preparation', parameters: { compactionDensityGPerCm3: 2.6, dischargeCapacityMAhPerG: 150, firstCycleEfficiency: 0.975 } }, 'HU', '2025-07-15', { transfer: 'technology' }), verdict: 'not_controlled' },
  { name: 'LFP cathode technology without parameters asks', request: cn({ id: 'tech/battery/lfp-cathode-preparation' }, 'HU', '2025-07-15', { transfer: 'technology' }), verdict: 'needs_information', questions: ['compactionDensityGPerCm3'] },
  { name: 'direct lithium extraction technology to Bolivia', request: cn({ id: 'tech/lithium/direct-extraction' }, 'BO', '2025-07-15', { transfer: 'technology' }), verdict: 'license_required' },
]);

t.run('No. 1/2026 Japan military users', [
  { request: cn({ id: 'gallium/metal' }, 'JP', '2026-01-05', { endUser: { type: 'military' } }), verdict: 'license_required' },
  { request: cn({ id: 'gallium/metal' }, 'JP', '2026-01-06', { endUser: { type: 'military' } }), verdict: 'prohibited', findings: [{ measure: 'cn-mofcom-2026-1' }] },
  { name: 'PRC-origin items passed to Japanese military users from abroad', request: { item: { id: 'gallium/metal', origin: 'CN' }, from: 'KR', to: 'JP', date: '2026-02-01', endUse: 'military' }, verdict: 'prohibited' },
  { name: 'a military-intelligence end use is a military use', request: cn({ id: 'gallium/metal' }, 'JP', '2026-01-06', { endUse: 'military-intelligence' }), verdict: 'prohibited', findings: [{ measure: 'cn-mofcom-2026-1' }] },
  { name: 'nor the day before', request: cn({ id: 'gallium/metal' }, 'JP', '2026-01-05', { endUse: 'military-intelligence' }), verdict: 'license_required' },
  { name: 'a civil Japanese user is not caught', request: cn({ id: 'gallium/metal' }, 'JP', '2026-02-01'), verdict: 'license_required' },
]);

t.run('Export control list (parties)', [
  { name: 'MP Materials the day before its listing', request: cn({ id: 'dysprosium/oxide' }, 'US', '2026-06-21', { endUser: { name: 'MP Materials Corp.' } }), verdict: 'license_required' },
  { name: 'MP Materials from its listing', request: cn({ id: 'dysprosium/oxide' }, 'US', '2026-06-22', { endUser: { name: 'MP Materials Corp.' } }), verdict: 'prohibited', warnings: [] },
  { name: 'an unlisted item to a listed party is not caught by the dual-use ban', request: cn({ hs: '010121' }, 'US', '2026-06-22', { endUser: { name: 'MP Materials' } }), verdict: 'not_controlled' },
]);

t.run('Unreliable Entity List (any item, not only dual-use)', [
  { name: 'TechInsights the day before its listing', request: cn({ hs: '010121' }, 'CA', '2025-10-08', { endUser: { name: 'TechInsights' } }), verdict: 'not_controlled' },
  { name: 'TechInsights from its listing: even an unlisted item is barred', request: cn({ id: 'neodymium/oxide' }, 'CA', '2025-10-09', { endUser: { name: 'TechInsights' } }), verdict: 'prohibited', findings: [{ measure: 'cn-uel-2025-10-09', party: 'cn-uel-techinsights' }] },
  { name: 'April 2025 listings suspended for 90 days from 2025-05-14', request: cn({ hs: '010121' }, 'US', '2025-06-01', { endUser: { name: 'BRINC Drones' } }), verdict: 'not_controlled', findings: [{ measure: 'cn-uel-2025-04-04', status: 'suspended' }] },
]);

t.run('Hong Kong and Macao', [
  { name: 'mainland to Hong Kong is treated as an export, with a warning that the sources do not settle it', request: cn({ id: 'gallium/metal' }, 'HK', '2025-06-01'), verdict: 'license_required', warnings: ['scope_unverified'] },
  { name: 'Hong Kong to the US is not a PRC export', request: { item: { id: 'gallium/metal', origin: 'HK' }, from: 'HK', to: 'US', date: '2025-06-01' }, verdict: 'not_controlled', reaches: false },
]);

// A CAS number the taxonomy records only as unverified (lowConfidenceIdentifiers) still names the item: the
// answer is the item's, with a warning, never "no item matches". Ammonium paratungstate (No. 10 of 2025, 1C117.d),
// scandium oxide and terbium oxide (No. 18 of 2025, 1C907.b / 1C904.b).
t.run('items named by a CAS number recorded as unverified', [
  { name: 'APT by CAS on the first day of No. 10', request: cn({ cas: '11120-25-5' }, 'JP', '2025-02-04'), verdict: 'license_required', licensePolicy: 'case_by_case', findings: [{ measure: 'cn-mofcom-2025-10', code: '1C117.d', status: 'in_force' }], warnings: ['identifier_unverified'], noWarnings: ['unresolved_item'] },
  { name: 'APT by CAS the day before No. 10: the ordinary tungsten export licence only', request: cn({ cas: '11120-25-5' }, 'JP', '2025-02-03'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-10', status: 'not_yet_in_force' }, { measure: 'cn-export-licence-goods-2025', status: 'in_force' }] },
  { name: 'scandium oxide by CAS under No. 18', request: cn({ cas: '12060-08-1' }, 'KR', '2025-04-04'), verdict: 'license_required', licensePolicy: 'case_by_case', findings: [{ measure: 'cn-mofcom-2025-18', code: '1C907.b', status: 'in_force' }], warnings: ['identifier_unverified'] },
  { name: 'terbium oxide by CAS under No. 18', request: cn({ cas: '12037-01-3' }, 'DE', '2025-04-04'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-18', code: '1C904.b', status: 'in_force' }], warnings: ['identifier_unverified'] },
  { name: 'a verified CAS number carries no such warning (yttrium oxide)', request: cn({ cas: '1314-36-9' }, 'KR', '2025-04-04'), verdict: 'license_required', noWarnings: ['identifier_unverified'] },
  { name: 'a name beside the unverified CAS number decides with it', request: cn({ cas: '11120-25-5', name: 'ammonium paratungstate' }, 'JP', '2025-02-04'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-10', code: '1C117.d' }] },
]);

// Export Control Law art. 2 and Dual-Use Items Export Control Regulations art. 2: export control covers transfers of
// controlled items out of the PRC and the provision of controlled items by PRC citizens and entities to foreign
// organisations and individuals. The technology catalogue (Technology Import and Export Regulations art. 2: transfers
// from inside to outside the PRC) and the goods export-licence catalogue are about crossing the border only.
const inChina = (item: object, date: string, country: string, extra: object = {}) => ({ item, from: 'CN', to: 'CN', date, endUse: 'civil' as const, endUser: { name: 'Recipient Co.', country, type: 'commercial' as const }, ...extra });
t.run('transfers that stay inside the PRC', [
  { name: 'gallium sold to a PRC company in China is no export', request: inChina({ id: 'gallium/metal' }, '2025-01-10', 'CN'), verdict: 'not_controlled', reaches: false },
  { name: 'gallium provided to a German company in China: dual-use item to a foreign organisation (art. 2)', request: inChina({ id: 'gallium/metal' }, '2025-01-10', 'DE'), verdict: 'license_required', reaches: true, findings: [{ measure: 'cn-mofcom-2024-51', code: '3C001.a', status: 'in_force' }] },
  { name: 'dysprosium oxide to a foreign company in China before No. 18: the ordinary export licence needs an export', request: inChina({ id: 'dysprosium/oxide' }, '2025-04-03', 'DE'), verdict: 'not_controlled', noFindings: [{ measure: 'cn-export-licence-goods-2025', status: 'in_force' }] },
  { name: 'dysprosium oxide to a foreign company in China from No. 18: a dual-use item', request: inChina({ id: 'dysprosium/oxide' }, '2025-04-04', 'DE'), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-18', code: '1C905.b', status: 'in_force' }] },
  { name: 'rare-earth separation technology to a foreign joint venture in China in 2024: the catalogue bans exports, not this', request: inChina({ id: 'tech/rare-earths/separation' }, '2024-06-01', 'DE', { transfer: 'technology' }), verdict: 'not_controlled', noFindings: [{ measure: 'cn-mofcom-most-2023-57', status: 'in_force' }] },
  { name: 'the same under No. 62 (provision to foreign parties in China, 1E902.a), 2025-10-09 to 2025-11-06', request: inChina({ id: 'tech/rare-earths/separation' }, '2025-10-20', 'DE', { transfer: 'technology' }), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-62', code: '1E902.a', status: 'in_force' }] },
  { name: 'a Hong Kong company is not a foreign organisation', request: inChina({ id: 'gallium/metal' }, '2025-01-10', 'HK'), verdict: 'not_controlled', reaches: false },
  { name: 'a foreign party beside a PRC end user brings the provision rule', request: inChina({ id: 'gallium/metal' }, '2025-01-10', 'CN', { parties: [{ role: 'purchaser', name: 'Buyer GmbH', country: 'DE' }] }), verdict: 'license_required' },
  { name: 'gallium inside China with no recipient named: asks whether the recipient is foreign, never assumes', request: { item: { id: 'gallium/metal' }, from: 'CN', to: 'CN', date: '2025-01-10', endUse: 'civil' }, verdict: 'needs_information', onlyQuestions: true, questions: ['endUser.country'], findings: [{ measure: 'cn-mofcom-2024-51', code: '3C001.a', status: 'in_force' }] },
  { name: 'an uncontrolled item inside China with no recipient named: nothing to ask', request: { item: { id: 'lithium/carbonate' }, from: 'CN', to: 'CN', date: '2025-01-10', endUse: 'civil' }, verdict: 'not_controlled', reaches: false, onlyQuestions: true },
  { name: 'gallium leaving China for Hong Kong is still an export', request: { item: { id: 'gallium/metal' }, from: 'CN', to: 'HK', date: '2025-01-10', endUse: 'civil' }, verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2024-51', status: 'in_force' }] },
]);
