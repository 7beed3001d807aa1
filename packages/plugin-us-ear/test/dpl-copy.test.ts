import { createEngine, validatePartyList, type AssessmentRequest } from '@chokepoint/core';
import { loadTaxonomy } from '@chokepoint/taxonomy';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { DPL_COPY, DPL_COPY_COMPLETE, EAR_PARTIES } from '../src/lists.js';
import { M } from '../src/measures.js';

// The bundled Denied Persons List: BIS's file dpl_04142026.csv as compiled in phagehunter/nsfreg (extracted
// 2026-07-09, 564 rows). Names, dates and expiries below are read from that file.
const engine = createEngine({ taxonomy: loadTaxonomy(), plugins: [plugin] });
const us = (name: string, country: string, date: string) =>
  engine.assess({ item: { eccn: 'EAR99' }, from: 'US', to: country, date, endUse: 'civil', endUser: { name, country } } as AssessmentRequest).jurisdictions.find((j) => j.jurisdiction === 'US')!;
const denied = (r: ReturnType<typeof us>) => r.findings.find((f) => f.measure.id === M.deniedPersons);
const assess = (name: string, country: string, date: string) =>
  engine.assess({ item: { eccn: 'EAR99' }, from: 'US', to: country, date, endUse: 'civil', endUser: { name, country } } as AssessmentRequest);
const expiryWarnings = (r: ReturnType<typeof assess>) => r.warnings.filter((w) => w.code === 'listing_expiry_unverified');

describe('the bundled Denied Persons List', () => {
  it('is a valid list dated 2026-07-09, sourced to BIS through the compilation, medium confidence', () => {
    expect(validatePartyList(DPL_COPY)).toEqual([]);
    expect(DPL_COPY.id).toBe('us-denied-persons');
    expect(DPL_COPY.asOf).toBe('2026-07-09');
    expect(DPL_COPY.source.url).toBe('https://www.bis.gov/dpl');
    expect(DPL_COPY.source.publisher).toMatch(/phagehunter\/nsfreg data\/bis_dpl\.json/);
    expect(DPL_COPY.confidence).toBe('medium');
    expect(DPL_COPY.consequence.requirement).toBe('prohibited');
  });

  it('holds one entry a row of the file: whole at 564, and then no longer a sample', () => {
    expect(DPL_COPY_COMPLETE).toBe(DPL_COPY.entries.length === 564);
    expect(DPL_COPY.entries.length).toBeGreaterThan(150);
    expect(EAR_PARTIES.filter((p) => p.list === 'us-denied-persons')).toHaveLength(DPL_COPY.entries.length);
    expect(new Set(DPL_COPY.entries.map((e) => e.id)).size).toBe(DPL_COPY.entries.length);
    const status = engine.dataStatus().lists.find((l) => l.id === 'us-denied-persons')!;
    expect(status).toMatchObject({ entries: DPL_COPY.entries.length, asOf: '2026-07-09', origin: 'bundled' });
    expect(status.sample === undefined).toBe(DPL_COPY_COMPLETE);
    if (!DPL_COPY_COMPLETE) expect(status.sample).toBe(`${DPL_COPY.entries.length} of the 564 rows of the 2026-07-09 compilation bundled, not the whole list`);
  });

  it('finds a denied person by name: Yavuz Cizmeci (order of 2015-03-23, 80 FR 18194, until 2034-03-23) is prohibited', () => {
    const r = us('Yavuz Cizmeci', 'TR', '2026-12-01');
    expect(r.verdict).toBe('prohibited');
    expect(denied(r)).toBeDefined();
    expect(engine.screen({ name: 'YAVUZ CIZMECI', lists: ['us-denied-persons'] }).matches[0]?.entry.name).toBe('YAVUZ CIZMECI');
    // Before the order took effect the name does not hit.
    expect(denied(us('Yavuz Cizmeci', 'TR', '2015-03-22'))).toBeUndefined();
  });

  it('an order ends on its expiry date: Mark Jin (66 FR 40971, expires 2026-07-31) is denied on that day; after it the copy (2026-07-09) cannot confirm the end', () => {
    // BIS prints the expiry as a bare date; the bundled copy reads it as the last day denied.
    expect(DPL_COPY.entries.find((e) => e.name === 'MARK JIN')).toMatchObject({ listedOn: '2001-07-31', removedOn: '2026-07-31', country: 'US' });
    // Listed in the US, named here with a Chinese address: the name hits, the country does not confirm it.
    expect(denied(us('Mark Jin', 'CN', '2026-07-31'))).toBeDefined();
    expect(expiryWarnings(assess('Mark Jin', 'CN', '2026-07-31'))).toEqual([]);
    // The expiry falls after the copy's date: the day after, the hit stands, unverified.
    expect(denied(us('Mark Jin', 'CN', '2026-08-01'))).toBeDefined();
    expect(expiryWarnings(assess('Mark Jin', 'CN', '2026-08-01'))).toHaveLength(1);
  });

  it('Daqing Zhou (71 FR 65775, Beijing, expires 2026-11-09): prohibited on the expiry day, and after it still prohibited with a warning', () => {
    expect(us('Daqing Zhou', 'CN', '2026-11-09').verdict).toBe('prohibited');
    expect(denied(us('Daqing Zhou', 'CN', '2026-11-09'))).toBeDefined();
    const after = us('Daqing Zhou', 'CN', '2026-11-10');
    expect(denied(after)).toBeDefined();
    expect(after.verdict).toBe('prohibited');
    expect(denied(after)!.reason).toContain('was due to expire on 2026-11-09, after this copy of the list (dated 2026-07-09) was taken');
  });

  it('a renewed temporary denial order (Mahan Airways, to 2026-10-27) is read with its current effective date and expiry', () => {
    expect(DPL_COPY.entries.find((e) => e.name === 'MAHAN AIRWAYS')).toMatchObject({ country: 'IR', listedOn: '2025-10-27', removedOn: '2026-10-27' });
    expect(denied(us('Mahan Airways', 'AE', '2026-10-27'))).toBeDefined();
    expect(denied(us('Mahan Airways', 'AE', '2026-10-28'))).toBeDefined();
  });

  it('PJSC Aeroflot (TDO to 2026-09-16, after the copy of 2026-07-09): a plain hit before the expiry; after it still prohibited, with listing_expiry_unverified', () => {
    expect(DPL_COPY.entries.find((e) => e.name === 'PJSC AEROFLOT')).toMatchObject({ country: 'RU', listedOn: '2025-09-16', removedOn: '2026-09-16' });
    const before = assess('PJSC Aeroflot', 'RU', '2026-09-01');
    expect(denied(before.jurisdictions.find((j) => j.jurisdiction === 'US')!)).toBeDefined();
    expect(expiryWarnings(before)).toEqual([]);
    const today = assess('PJSC Aeroflot', 'RU', '2026-12-05');
    const us = today.jurisdictions.find((j) => j.jurisdiction === 'US')!;
    expect(us.verdict).toBe('prohibited');
    expect(denied(us)).toMatchObject({ requirement: 'prohibited', status: 'in_force', party: { id: 'us-denied-persons-ru-pjsc-aeroflot' } });
    const [w, ...rest] = expiryWarnings(today);
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ jurisdiction: 'US', measure: M.deniedPersons, path: 'endUser.name', party: { id: 'us-denied-persons-ru-pjsc-aeroflot' } });
    expect(w!.message).toContain('PJSC AEROFLOT\'s listing on the');
    expect(w!.message).toContain('was due to expire on 2026-09-16, after this copy of the list (dated 2026-07-09) was taken');
    expect(w!.message).toMatch(/often renewed/);
    expect(w!.message).toMatch(/Check the current list/);
  });

  it('an expiry the copy itself records (Universal Technology, to 2026-06-23, before 2026-07-09) is a delisting: no hit after it', () => {
    expect(DPL_COPY.entries.find((e) => e.name === 'UNIVERSAL TECHNOLOGY')).toMatchObject({ removedOn: '2026-06-23', country: 'US' });
    // Listed in the US, named here abroad (an export must reach): the name hits on its last day, as for Mark Jin.
    const country = 'CN';
    expect(denied(us('Universal Technology', country, '2026-06-23'))).toBeDefined();
    const after = assess('Universal Technology', country, '2026-12-05');
    expect(denied(after.jurisdictions.find((j) => j.jurisdiction === 'US')!)).toBeUndefined();
    expect(expiryWarnings(after)).toEqual([]);
  });
});
