import { describe, expect, it } from 'vitest';
import { PluginTester } from '@chokepoint/plugin-kit';
import plugin from '../src/index.js';

// Cases for the law-first threshold and end-use reviews of 2026-12-06 (thresholds D1–D5, end use U45–U48),
// written from the 2026 dual-use licence catalogue text (chycici/dual-use-export-control-catalog, knowledge
// base records 序号 99–107) and Export Control Law art. 12(3). Each threshold is tried just below, at and
// just above its number; CN → DE on 2026-06-01 unless the case says otherwise.
const t = new PluginTester(plugin);
const LIST = 'cn-mofcom-2024-51';
const cn = (item: object, date = '2026-06-01', extra: object = {}) => ({ item, from: 'CN', to: 'DE', date, endUse: 'civil' as const, jurisdictions: ['CN'], ...extra });
const p = (id: string, parameters: Record<string, number>) => ({ id, parameters });

t.run('1C231 hafnium (D1)', [
  { name: 'hafnium metal, 99 % Hf (review T48)', request: cn(p('hafnium/metal', { 'fraction.Hf': 0.99 })), verdict: 'license_required', licensePolicy: 'case_by_case', findings: [{ measure: LIST, entry: 'cn-list-hf', code: '1C231', status: 'in_force' }] },
  { name: 'hafnium metal with nothing said is the metal itself: listed, nothing asked', request: cn({ id: 'hafnium/metal' }), verdict: 'license_required', questions: [], onlyQuestions: true, findings: [{ measure: LIST, code: '1C231' }] },
  { name: 'a hafnium alloy of exactly 60 % Hf is not listed (more than 60 % is)', request: cn(p('hafnium/metal', { 'fraction.Hf': 0.6 })), verdict: 'not_controlled', noFindings: [{ measure: LIST, code: '1C231', status: 'in_force' }] },
  { name: 'a hafnium alloy of 60.1 % Hf is listed', request: cn(p('hafnium/metal', { 'fraction.Hf': 0.601 })), verdict: 'license_required', findings: [{ measure: LIST, code: '1C231', status: 'in_force' }] },
  { name: 'by its list code', request: cn({ cnControlCode: '1C231' }), verdict: 'license_required', findings: [{ measure: LIST, entry: 'cn-list-hf' }] },
  { name: 'the day before the List (2024-11-30): the earlier nuclear dual-use listing is not held (known gap)', request: cn(p('hafnium/metal', { 'fraction.Hf': 0.99 }), '2024-11-30'), verdict: 'not_controlled', findings: [{ measure: LIST, code: '1C231', status: 'not_yet_in_force' }] },
  { name: 'the List\'s first day', request: cn(p('hafnium/metal', { 'fraction.Hf': 0.99 }), '2024-12-01'), verdict: 'license_required', findings: [{ measure: LIST, code: '1C231', status: 'in_force' }] },
]);

t.run('1C228 magnesium (D2)', [
  { name: 'impurities 150 ppm and boron 5 ppm (review T49)', request: cn(p('magnesium/metal', { ppmMetallicImpuritiesOtherThanCa: 150, 'ppm.B': 5 })), verdict: 'license_required', findings: [{ measure: LIST, entry: 'cn-list-mg-high-purity', code: '1C228', status: 'in_force' }] },
  { name: 'impurities 199.9 ppm, boron 9.9 ppm: just inside', request: cn(p('magnesium/metal', { ppmMetallicImpuritiesOtherThanCa: 199.9, 'ppm.B': 9.9 })), verdict: 'license_required', findings: [{ measure: LIST, code: '1C228' }] },
  { name: 'impurities exactly 200 ppm: not below 万分之二', request: cn(p('magnesium/metal', { ppmMetallicImpuritiesOtherThanCa: 200, 'ppm.B': 5 })), verdict: 'not_controlled' },
  { name: 'boron exactly 10 ppm: not below 十万分之一', request: cn(p('magnesium/metal', { ppmMetallicImpuritiesOtherThanCa: 150, 'ppm.B': 10 })), verdict: 'not_controlled' },
  { name: 'impurities 250 ppm', request: cn(p('magnesium/metal', { ppmMetallicImpuritiesOtherThanCa: 250, 'ppm.B': 5 })), verdict: 'not_controlled' },
  { name: 'boron missing is asked', request: cn(p('magnesium/metal', { ppmMetallicImpuritiesOtherThanCa: 150 })), verdict: 'needs_information', questions: ['ppm.B'] },
  { name: 'ordinary magnesium is not asked about boron once its impurities rule it out', request: cn(p('magnesium/metal', { ppmMetallicImpuritiesOtherThanCa: 800 })), verdict: 'not_controlled', noQuestions: ['ppm.B'] },
]);

t.run('1C229 bismuth (D4) and 6C001.a', [
  { name: '99.99 % with 5 ppm silver: 1C229, not 6C001.a', request: cn(p('bismuth/metal', { purity: 0.9999, 'ppm.Ag': 5 })), verdict: 'license_required', findings: [{ measure: LIST, entry: 'cn-list-bi-high-purity', code: '1C229', status: 'in_force' }], noFindings: [{ measure: 'cn-mofcom-2025-10', code: '6C001.a', status: 'in_force' }] },
  { name: '99.98 %: 6C001.a only', request: cn(p('bismuth/metal', { purity: 0.9998, 'ppm.Ag': 5 })), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-10', code: '6C001.a', status: 'in_force' }], noFindings: [{ measure: LIST, code: '1C229' }] },
  { name: 'silver exactly 10 ppm: 6C001.a only', request: cn(p('bismuth/metal', { purity: 0.99995, 'ppm.Ag': 10 })), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-10', code: '6C001.a' }], noFindings: [{ measure: LIST, code: '1C229' }] },
  { name: 'before No. 10/2025 high-purity bismuth was already listed (2024-12-15)', request: cn(p('bismuth/metal', { purity: 0.9999, 'ppm.Ag': 5 }), '2024-12-15'), verdict: 'license_required', findings: [{ measure: LIST, code: '1C229', status: 'in_force' }] },
  { name: 'before No. 10/2025 ordinary bismuth was not (2024-12-15)', request: cn(p('bismuth/metal', { purity: 0.999, 'ppm.Ag': 5 }), '2024-12-15'), verdict: 'not_controlled' },
  { name: 'a high-purity bismuth customs line asks the 1C229 tests', request: cn({ cnCode: '8106101011' }, '2024-12-15'), verdict: 'needs_information', questions: ['purity'] },
]);

t.run('1C230 beryllium (D4)', [
  { name: 'beryllium metal', request: cn({ id: 'beryllium/metal' }), verdict: 'license_required', findings: [{ measure: LIST, entry: 'cn-list-be', code: '1C230', status: 'in_force' }] },
  { name: 'alloy scrap with 30 % Be', request: cn(p('beryllium/scrap', { 'fraction.Be': 0.3 })), verdict: 'not_controlled' },
  { name: 'alloy scrap with exactly 50 % Be', request: cn(p('beryllium/scrap', { 'fraction.Be': 0.5 })), verdict: 'not_controlled' },
  { name: 'alloy scrap with 51 % Be', request: cn(p('beryllium/scrap', { 'fraction.Be': 0.51 })), verdict: 'license_required', findings: [{ measure: LIST, code: '1C230' }] },
  { name: 'scrap of unknown content is asked', request: cn({ id: 'beryllium/scrap' }), verdict: 'needs_information', questions: ['fraction.Be'] },
]);

const zr = (extra: Record<string, number>) => p('zirconium/metal', { 'form.foil': 0, ...extra });
t.run('1C234 low-hafnium zirconium (D3)', [
  { name: 'Hf:Zr 0.001', request: cn(zr({ ratioHfToZrByWeight: 0.001 })), verdict: 'license_required', findings: [{ measure: LIST, entry: 'cn-list-zr-low-hf', code: '1C234', status: 'in_force' }] },
  { name: 'Hf:Zr 0.0019', request: cn(zr({ ratioHfToZrByWeight: 0.0019 })), verdict: 'license_required', findings: [{ measure: LIST, code: '1C234' }] },
  { name: 'Hf:Zr exactly 1:500', request: cn(zr({ ratioHfToZrByWeight: 0.002 })), verdict: 'not_controlled' },
  { name: 'ordinary zirconium (2 % Hf)', request: cn(zr({ ratioHfToZrByWeight: 0.02 })), verdict: 'not_controlled' },
  { name: 'foil of exactly 0.1 mm is excluded', request: cn(p('zirconium/metal', { ratioHfToZrByWeight: 0.001, 'form.foil': 1, thicknessMm: 0.1 })), verdict: 'not_controlled' },
  { name: 'foil of 0.11 mm is not', request: cn(p('zirconium/metal', { ratioHfToZrByWeight: 0.001, 'form.foil': 1, thicknessMm: 0.11 })), verdict: 'license_required', findings: [{ measure: LIST, code: '1C234' }] },
  { name: 'an alloy of 50 % zirconium is not listed', request: cn(zr({ ratioHfToZrByWeight: 0.001, 'fraction.Zr': 0.5 })), verdict: 'not_controlled' },
  { name: 'the hafnium ratio is asked', request: cn({ id: 'zirconium/metal' }), verdict: 'needs_information', questions: ['ratioHfToZrByWeight'] },
  { name: 'nuclear-grade zirconium dioxide', request: cn(p('zirconium/oxide', { ratioHfToZrByWeight: 0.0005 })), verdict: 'license_required', findings: [{ measure: LIST, entry: 'cn-list-zr-low-hf-compounds', code: '1C234' }] },
  { name: 'ordinary zirconium dioxide', request: cn(p('zirconium/oxide', { ratioHfToZrByWeight: 0.02 })), verdict: 'not_controlled' },
]);

// Tungsten also needs the ordinary export licence (cn-elic-2026-tungsten), so the verdict is license_required
// throughout; what the threshold decides is whether the dual-use entry 1C226 is in force.
const cyl = (extra: Record<string, number>) => p('tungsten/alloy', { 'fraction.W': 0.95, hollowCylindricalForm: 1, innerDiameterMm: 150, massKg: 25, 'designedUse.weight': 0, 'designedUse.gammaRayCollimator': 0, ...extra });
const W1C226 = { measure: LIST, code: '1C226', status: 'in_force' as const };
t.run('1C226 tungsten hollow cylinders (D4)', [
  { name: '95 % W, inner diameter 150 mm, 25 kg (review T51)', request: cn(cyl({})), verdict: 'license_required', findings: [{ ...W1C226, entry: 'cn-list-w-alloy-hollow-cylinder' }, { measure: 'cn-export-licence-goods-2026', status: 'in_force' }] },
  { name: 'exactly 20 kg', request: cn(cyl({ massKg: 20 })), verdict: 'license_required', noFindings: [W1C226] },
  { name: '20.1 kg', request: cn(cyl({ massKg: 20.1 })), verdict: 'license_required', findings: [W1C226] },
  { name: 'inner diameter 99.9 mm', request: cn(cyl({ innerDiameterMm: 99.9 })), verdict: 'license_required', noFindings: [W1C226] },
  { name: 'inner diameter exactly 100 mm (100～300 mm read inclusively)', request: cn(cyl({ innerDiameterMm: 100 })), verdict: 'license_required', findings: [W1C226] },
  { name: 'inner diameter exactly 300 mm', request: cn(cyl({ innerDiameterMm: 300 })), verdict: 'license_required', findings: [W1C226] },
  { name: 'inner diameter 300.1 mm', request: cn(cyl({ innerDiameterMm: 300.1 })), verdict: 'license_required', noFindings: [W1C226] },
  { name: 'an alloy of exactly 90 % W', request: cn(cyl({ 'fraction.W': 0.9 })), verdict: 'license_required', noFindings: [W1C226] },
  { name: 'a gamma-ray collimator is excluded', request: cn(cyl({ 'designedUse.gammaRayCollimator': 1 })), verdict: 'license_required', noFindings: [W1C226] },
  { name: 'not a hollow cylinder: nothing more asked for 1C226', request: cn(p('tungsten/alloy', { 'fraction.W': 0.95, hollowCylindricalForm: 0 })), verdict: 'license_required', noFindings: [W1C226], noQuestions: ['innerDiameterMm', 'massKg'] },
  { name: 'a tungsten-carbide hollow cylinder is 1C226, not 1C117.d', request: cn(p('tungsten/carbide', { hollowCylindricalForm: 1, innerDiameterMm: 200, massKg: 30, 'designedUse.weight': 0, 'designedUse.gammaRayCollimator': 0 })), verdict: 'license_required', findings: [{ ...W1C226, entry: 'cn-list-w-hollow-cylinder' }], noFindings: [{ measure: 'cn-mofcom-2025-10', code: '1C117.d', status: 'in_force' }] },
  { name: 'other tungsten carbide stays 1C117.d', request: cn(p('tungsten/carbide', { hollowCylindricalForm: 0 })), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-10', code: '1C117.d', status: 'in_force' }], noFindings: [W1C226] },
]);

t.run('1C117.b molybdenum powder asks the molybdenum content (D5)', [
  { name: 'fraction.Mo 0.98, 40 µm: not asked again (review T26)', request: cn(p('molybdenum/powder', { 'fraction.Mo': 0.98, particleSizeUm: 40 })), verdict: 'license_required', noQuestions: ['purity', 'fraction.Mo'], findings: [{ measure: 'cn-mofcom-2025-10', code: '1C117.b', status: 'in_force' }] },
  { name: 'exactly 97 % Mo and 50 µm', request: cn(p('molybdenum/powder', { 'fraction.Mo': 0.97, particleSizeUm: 50 })), verdict: 'license_required', findings: [{ measure: 'cn-mofcom-2025-10', code: '1C117.b', status: 'in_force' }] },
  { name: '96.9 % Mo', request: cn(p('molybdenum/powder', { 'fraction.Mo': 0.969, particleSizeUm: 50 })), verdict: 'license_required', noFindings: [{ measure: 'cn-mofcom-2025-10', code: '1C117.b', status: 'in_force' }] },
  { name: '50.1 µm', request: cn(p('molybdenum/powder', { 'fraction.Mo': 0.97, particleSizeUm: 50.1 })), verdict: 'license_required', noFindings: [{ measure: 'cn-mofcom-2025-10', code: '1C117.b', status: 'in_force' }] },
  { name: 'a purity given instead is read as the molybdenum content', request: cn(p('molybdenum/powder', { purity: 0.97, particleSizeUm: 50 })), verdict: 'license_required', noQuestions: ['fraction.Mo'], findings: [{ measure: 'cn-mofcom-2025-10', code: '1C117.b', status: 'in_force' }] },
  { name: 'a stated molybdenum content wins over purity', request: cn(p('molybdenum/powder', { purity: 0.99, 'fraction.Mo': 0.96, particleSizeUm: 40 })), verdict: 'license_required', noFindings: [{ measure: 'cn-mofcom-2025-10', code: '1C117.b', status: 'in_force' }] },
  { name: 'the molybdenum content is asked when missing', request: cn(p('molybdenum/powder', { particleSizeUm: 40 })), verdict: 'license_required', questions: ['fraction.Mo'], noQuestions: ['purity'] },
]);

// Export Control Law art. 12(3): unlisted items for WMD need a licence (end-use review U47/U48).
const CATCH_ALL = { measure: 'cn-ecl-2020', entry: 'cn-ecl-2020-art12-3-wmd' };
const to = (item: object, dest: string, endUse: string, date = '2026-06-01') => ({ item, from: 'CN', to: dest, date, endUse: endUse as 'wmd', jurisdictions: ['CN'] });
t.run('Export Control Law art. 12(3) catch-all (U47, U48)', [
  { name: 'cobalt metal to Pakistan for WMD (U47)', request: to({ id: 'cobalt/metal' }, 'PK', 'wmd'), verdict: 'license_required', licensePolicy: 'case_by_case', findings: [{ ...CATCH_ALL, status: 'in_force', requirement: 'license_required' }] },
  { name: 'cobalt metal to Iran for WMD (U48)', request: to({ id: 'cobalt/metal' }, 'IR', 'wmd'), verdict: 'license_required', findings: [{ ...CATCH_ALL, status: 'in_force' }] },
  { name: 'cobalt metal to Pakistan for a civil use', request: to({ id: 'cobalt/metal' }, 'PK', 'civil'), verdict: 'not_controlled', noFindings: [CATCH_ALL] },
  { name: 'cobalt metal for a military use is not caught by this article', request: to({ id: 'cobalt/metal' }, 'PK', 'military'), verdict: 'not_controlled', noFindings: [CATCH_ALL] },
  { name: 'technology for WMD is caught too', request: { ...to({ id: 'tech/electronics/smartphone-assembly' }, 'PK', 'wmd'), transfer: 'technology' as const }, verdict: 'license_required', findings: [CATCH_ALL] },
  { name: 'a listed item for WMD needs its own licence, not the catch-all (U49)', request: to({ id: 'gallium/metal' }, 'PK', 'wmd'), verdict: 'license_required', findings: [{ measure: LIST, code: '3C001.a', status: 'in_force' }], noFindings: [CATCH_ALL] },
  { name: 'high-purity bismuth meeting 1C229 is listed: no catch-all', request: to(p('bismuth/metal', { purity: 0.9999, 'ppm.Ag': 5 }), 'PK', 'wmd'), verdict: 'license_required', noFindings: [CATCH_ALL] },
  { name: 'magnesium outside 1C228 is unlisted: the catch-all applies', request: to(p('magnesium/metal', { ppmMetallicImpuritiesOtherThanCa: 800, 'ppm.B': 5 }), 'PK', 'wmd'), verdict: 'license_required', findings: [{ ...CATCH_ALL, status: 'in_force' }] },
  { name: 'molybdenum powder under only the ordinary export licence is on no control list: the catch-all applies as well', request: to(p('molybdenum/powder', { 'fraction.Mo': 0.9, particleSizeUm: 40 }), 'PK', 'wmd'), verdict: 'license_required', findings: [{ ...CATCH_ALL, status: 'in_force' }, { measure: 'cn-export-licence-goods-2026', status: 'in_force' }] },
  { name: 'the day before the Export Control Law (2020-11-30)', request: to({ id: 'cobalt/metal' }, 'PK', 'wmd', '2020-11-30'), verdict: 'not_controlled', findings: [{ ...CATCH_ALL, status: 'not_yet_in_force' }] },
  { name: 'the Law\'s first day (2020-12-01)', request: to({ id: 'cobalt/metal' }, 'PK', 'wmd', '2020-12-01'), verdict: 'license_required', findings: [{ ...CATCH_ALL, status: 'in_force' }] },
  { name: 'a sale inside China is not an export', request: { item: { id: 'cobalt/metal' }, from: 'CN', to: 'CN', date: '2026-06-01', endUse: 'wmd' as const, endUser: { country: 'CN' }, jurisdictions: ['CN'] }, verdict: 'not_controlled', noFindings: [{ ...CATCH_ALL, status: 'in_force' }] },
]);

describe('nuclear dual-use metals before the List (research of 2026-12-06)', () => {
  // The 1998/2007 nuclear dual-use regulations held these items until 2024-11-30, but their list's wording was not
  // found: the answer says so on each of the List's nuclear entries up to the List's eve, and no longer after.
  const nuclearWarning = (id: string, date: string) => t.engine.assess(cn({ id }, date)).warnings.filter((w) => w.code === 'data_incomplete' && w.message.includes('Nuclear Dual-Use Items'));
  it.each(['hafnium/metal', 'beryllium/metal', 'zirconium/metal', 'bismuth/metal', 'magnesium/metal', 'tungsten/alloy'])('%s on 2024-11-30 warns that the earlier nuclear list is not modelled', (id) => {
    expect(nuclearWarning(id, '2024-11-30')).toHaveLength(1);
    expect(nuclearWarning(id, '2024-11-30')[0]!.measure).toBe(LIST);
  });
  it('from 2024-12-01 the List itself answers: no such warning', () => {
    expect(nuclearWarning('hafnium/metal', '2024-12-01')).toEqual([]);
  });
  it('an item outside the nuclear entries (gallium metal under No. 23 of 2023) is not warned about the nuclear list', () => {
    expect(nuclearWarning('gallium/metal', '2024-06-01')).toEqual([]);
  });
});

// Tech-reach review X66: whether No. 61's Annex 1 Part II reaches parts and assemblies holding its magnets is read
// differently by the sources; the answer keeps the narrower reading and warns while No. 61 is in force.
const abroad = (item: object, date: string, from = 'KR') => ({ item, from, to: 'US', date, jurisdictions: ['CN'] });
const motor = (origin: string, magnet = 'magnets/ndfeb-dy-tb') => ({ id: 'motors/permanent-magnet-motor', origin, content: [{ item: { id: magnet }, origin: 'CN', valueShare: 0.04 }] });
t.run('assemblies holding No. 61 Part II items (X66)', [
  { name: 'a Korean motor with PRC Dy magnets after the suspension: not listed, and the disagreement is said', request: abroad(motor('KR'), '2026-11-11'), verdict: 'not_controlled', warnings: ['sources_disagree'] },
  { name: 'the same with a PRC SmCo magnet', request: abroad(motor('KR', 'magnets/smco'), '2026-11-11'), verdict: 'not_controlled', warnings: ['sources_disagree'] },
  { name: 'while No. 61 is suspended nothing is said', request: abroad(motor('KR'), '2026-01-15'), verdict: 'not_controlled', noWarnings: ['sources_disagree'] },
  { name: 'before parts (1) and (2) were due nothing is said either', request: abroad(motor('KR'), '2025-10-20'), verdict: 'not_controlled', noWarnings: ['sources_disagree'] },
  { name: 'a motor holding PRC content that is no Part II item', request: abroad({ id: 'motors/permanent-magnet-motor', origin: 'KR', content: [{ item: { id: 'gallium/metal' }, origin: 'CN', valueShare: 0.2 }] }, '2026-11-11'), verdict: 'not_controlled', noWarnings: ['sources_disagree'] },
  { name: 'the magnet itself is listed, so no doubt is raised about it', request: abroad({ id: 'magnets/ndfeb-dy-tb', origin: 'KR', content: [{ item: { id: 'dysprosium/metal' }, origin: 'CN', valueShare: 0.05 }] }, '2026-11-11'), verdict: 'license_required', warnings: ['status_unverified'], noWarnings: ['sources_disagree'] },
  { name: 'a motor exported from China is no foreign-made item', request: abroad(motor('CN'), '2026-11-11', 'CN'), verdict: 'not_controlled', noWarnings: ['sources_disagree'] },
]);

// A regime that does not reach a transfer answers not_controlled, and no finding of a rule in force says otherwise: a
// French rare-earth compound of unstated kind (HS 2846.90) to Mexico after No. 61's suspension showed No. 61's
// military-denial entry as an in-force licence requirement beneath the broader item (found by checking 60,000 varied
// answers against CONTRACT §3).
t.run('a regime that does not reach shows no rule in force beneath a broader item', [
  { name: 'FR → MX, HS 2846.90, 2026-12-20', request: { item: { hs: '284690' }, from: 'FR', to: 'MX', date: '2026-12-20', jurisdictions: ['CN'] }, verdict: 'not_controlled', noFindings: [{ measure: 'cn-mofcom-2025-61', status: 'in_force' }] },
]);
