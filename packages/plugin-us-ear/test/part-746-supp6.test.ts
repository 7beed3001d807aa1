import { PluginTester, type PluginCase } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { M } from '../src/measures.js';
import { supp6Chemical } from '../src/part-746-supp6.js';
import supp6 from '../data/part-746-supp6.json' with { type: 'json' };

const t = new PluginTester(plugin);
const D = '2026-09-01';
const us = (item: PluginCase['request']['item'], to: string, extra: Partial<PluginCase['request']> = {}): PluginCase['request'] => ({ item, from: 'US', to, date: D, endUse: 'civil', ...extra });

// § 746.8(a)(6) (eCFR 2026-09-24): "A license is required to export, reexport, or transfer (in-country) any item subject
// to the EAR listed in supplement no. 6 to this part to or within Russia or Belarus"; (b)(3): policy of denial.
// Supp. No. 6 (a): "Chemicals in concentrations of 95% weight or greater" … "(45) Lithium carbonate (CAS 554-13-2)";
// "(42) Lithium chloride (CAS 7447-41-8)"; (b): "in concentrations of 90% weight or greater" … "(4) Antimony (CAS 7440-36-0)".
// Lithium carbonate's HS 283691 is in none of Supp. Nos. 2, 4, 5 or 7: before this supplement was read, the answer was NLR.
t.run('Supplement No. 6 to Part 746: chemicals by CAS number and concentration (§ 746.8(a)(6))', [
  { name: 'battery-grade lithium carbonate (99.5 %) to Russia: licence, policy of denial', request: us({ id: 'lithium/carbonate', parameters: { purity: 0.995 } }, 'RU'), verdict: 'license_required', licensePolicy: 'presumption_of_denial', findings: [{ measure: M.russia }] },
  { name: 'the same by CAS number and HS code, without a taxonomy item', request: us({ eccn: 'EAR99', hs: '2836.91', cas: '554-13-2', parameters: { purity: 0.995 } }, 'BY'), verdict: 'license_required', findings: [{ measure: M.russia }] },
  { name: 'lithium carbonate at exactly 95 %: listed ("95% weight or greater")', request: us({ eccn: 'EAR99', cas: '554-13-2', hs: '283691', parameters: { purity: 0.95 } }, 'RU'), verdict: 'license_required' },
  { name: 'lithium carbonate at 94 %: below paragraph (a), no licence', request: us({ eccn: 'EAR99', cas: '554-13-2', hs: '283691', parameters: { purity: 0.94 } }, 'RU'), verdict: 'not_controlled', noFindings: [{ measure: M.russia }] },
  { name: 'lithium carbonate without a purity: the concentration is asked', request: us({ id: 'lithium/carbonate' }, 'RU'), verdict: 'needs_information', questions: ['purity'] },
  { name: 'lithium chloride (CAS 7447-41-8) at 99 % to Russia: licence', request: us({ id: 'lithium/chloride', parameters: { purity: 0.99 } }, 'RU'), verdict: 'license_required', findings: [{ measure: M.russia }] },
  { name: 'antimony at 92 % meets (b)\'s 90 %: licence (its HS code is also in Supp. No. 4)', request: us({ eccn: 'EAR99', cas: '7440-36-0', hs: '811010', parameters: { purity: 0.92 } }, 'RU'), verdict: 'license_required' },
  { name: 'lithium carbonate to China: Supp. No. 6 names only Russia and Belarus', request: us({ id: 'lithium/carbonate', parameters: { purity: 0.995 } }, 'CN'), verdict: 'not_controlled' },
  { name: 'a CCL item is decided by § 746.8(a)(1), not by the supplement', request: us({ eccn: '1C229', cas: '7440-69-9' }, 'RU'), verdict: 'license_required', findings: [{ measure: M.russia }] },
]);

// Paragraph (i) (Malononitrile … Chloroform (CAS 67-66-3) … o-Aminophenol) came with 89 FR 87279, effective 2024-11-01.
t.run('Supplement No. 6 by date', [
  { name: 'chloroform to Russia the day before paragraph (i): not listed', request: us({ eccn: 'EAR99', hs: '290313', cas: '67-66-3' }, 'RU', { date: '2024-10-31' }), verdict: 'not_controlled', noFindings: [{ measure: M.russia }] },
  { name: 'chloroform to Russia from 2024-11-01: licence', request: us({ eccn: 'EAR99', hs: '290313', cas: '67-66-3' }, 'RU', { date: '2024-11-01' }), verdict: 'license_required', findings: [{ measure: M.russia }] },
  // Entries were added in 2023 and 2024 and the data does not say which came when: an earlier date is asked.
  { name: 'lithium carbonate to Russia in 2023: asked whether it was listed then', request: us({ id: 'lithium/carbonate', parameters: { purity: 0.995 } }, 'RU', { date: '2023-09-01' }), verdict: 'needs_information', questions: ['ear.part746Listed'] },
  { name: 'the same answered: listed on that date', request: us({ id: 'lithium/carbonate', parameters: { purity: 0.995, 'ear.part746Listed': 1 } }, 'RU', { date: '2023-09-01' }), verdict: 'license_required' },
  { name: 'before 87 FR 57068 (effective 2022-09-15) the supplement did not apply', request: us({ id: 'lithium/carbonate', parameters: { purity: 0.995 } }, 'RU', { date: '2022-09-14' }), verdict: 'not_controlled' },
]);

// A chemical (HS chapters 25, 28, 29) whose HS code is in none of the HTS lists and whose CAS number is not given is
// asked for it: Supp. No. 6 lists chemicals by CAS number whatever their HS code.
t.run('a chemical without its CAS number', [
  { name: 'HS 2827.39 (other chlorides, lithium chloride among them) to Russia without a CAS number: asked', request: us({ eccn: 'EAR99', hs: '282739' }, 'RU'), verdict: 'needs_information', questions: ['item.cas'] },
  { name: 'a CAS number outside the supplement settles it', request: us({ eccn: 'EAR99', hs: '282739', cas: '7646-79-9' }, 'RU'), verdict: 'not_controlled', warnings: ['data_incomplete'] },
  { name: 'not a chemical chapter (HS 9403.20 furniture): not asked', request: us({ eccn: 'EAR99', hs: '940320' }, 'RU'), verdict: 'not_controlled' },
]);

describe('Supplement No. 6 data', () => {
  it('holds the chemicals of paragraphs (a), (b), (d), (h) and (i) as printed, with their concentrations', () => {
    const count = Object.fromEntries(supp6.chemicals.map((g) => [g.paragraph, g.entries.length]));
    expect(count).toEqual({ '(a)': 45, '(b)': 38, '(d)': 5, '(h)': 10, '(i)': 9 });
    expect(supp6.chemicals.find((g) => g.paragraph === '(a)')!.minConcentration).toBe(0.95);
    expect(supp6.chemicals.find((g) => g.paragraph === '(b)')!.minConcentration).toBe(0.9);
    for (const g of supp6.chemicals) for (const e of g.entries) if ('cas' in e) expect(e.cas).toMatch(/^\d{2,7}-\d{2}-\d$/);
  });
  it('CAS numbers are unique and carry a valid check digit', () => {
    const all = supp6.chemicals.flatMap((g) => g.entries.flatMap((e) => ('cas' in e && e.cas ? [e.cas] : [])));
    expect(new Set(all).size).toBe(all.length);
    for (const cas of all) {
      const d = cas.replace(/-/g, '');
      const body = d.slice(0, -1).split('').reverse();
      const sum = body.reduce((s, x, i) => s + Number(x) * (i + 1), 0);
      expect(sum % 10, cas).toBe(Number(d.at(-1)));
    }
  });
  it('a listed chemical needs its concentration, and answers below it are not listed', () => {
    expect(supp6Chemical('554-13-2', 'RU', D, undefined)).toMatchObject({ kind: 'needs_concentration', min: 0.95, paragraph: '(a)(45)' });
    expect(supp6Chemical('554-13-2', 'RU', D, 0.949)).toMatchObject({ kind: 'not_listed' });
    expect(supp6Chemical('7440-36-0', 'RU', D, 0.9)).toMatchObject({ kind: 'listed', paragraph: '(b)(4)' });
    expect(supp6Chemical('554-13-2', 'CN', D, 0.99)).toEqual({ kind: 'not_in_force' });
  });
  it('the fentanyl precursors of (d) are not covered in mixtures of 1 % or less', () => {
    expect(supp6Chemical('21409-26-7', 'RU', D, 0.01)).toMatchObject({ kind: 'not_listed' });
    expect(supp6Chemical('21409-26-7', 'RU', D, 0.5)).toMatchObject({ kind: 'listed' });
  });
});
