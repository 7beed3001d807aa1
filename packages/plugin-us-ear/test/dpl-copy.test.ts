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

  it('an order ends on its expiry date: Mark Jin (66 FR 40971, expires 2026-07-31) is denied on that day, not the day after', () => {
    // BIS prints the expiry as a bare date; the bundled copy reads it as the last day denied.
    expect(DPL_COPY.entries.find((e) => e.name === 'MARK JIN')).toMatchObject({ listedOn: '2001-07-31', removedOn: '2026-07-31', country: 'US' });
    // Listed in the US, named here with a Chinese address: the name hits, the country does not confirm it.
    expect(denied(us('Mark Jin', 'CN', '2026-07-31'))).toBeDefined();
    expect(denied(us('Mark Jin', 'CN', '2026-08-01'))).toBeUndefined();
  });

  it('Daqing Zhou (71 FR 65775, Beijing, expires 2026-11-09): prohibited on the expiry day, no hit the day after', () => {
    expect(us('Daqing Zhou', 'CN', '2026-11-09').verdict).toBe('prohibited');
    expect(denied(us('Daqing Zhou', 'CN', '2026-11-09'))).toBeDefined();
    const after = us('Daqing Zhou', 'CN', '2026-11-10');
    expect(denied(after)).toBeUndefined();
    expect(after.verdict).not.toBe('prohibited');
  });

  it('a renewed temporary denial order (Mahan Airways, to 2026-10-27) is read with its current effective date and expiry', () => {
    expect(DPL_COPY.entries.find((e) => e.name === 'MAHAN AIRWAYS')).toMatchObject({ country: 'IR', listedOn: '2025-10-27', removedOn: '2026-10-27' });
    expect(denied(us('Mahan Airways', 'AE', '2026-10-27'))).toBeDefined();
    expect(denied(us('Mahan Airways', 'AE', '2026-10-28'))).toBeUndefined();
  });
});
