import { readFileSync } from 'node:fs';
import { controlCodeCovers, normalizeControlCode, statusOn } from '@chokepoint/core';
import { PluginTester } from '@chokepoint/plugin-kit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { readCatalogue } from '../src/catalogue.js';

const file = readCatalogue();
const samples = JSON.parse(readFileSync(new URL('../data/catalogue-2026-samples.json', import.meta.url), 'utf8')) as { seq: number; controlCode: string; hs: string[] }[];
const t = new PluginTester(plugin);
const validCodes = [...new Set(file.entries.map((r) => normalizeControlCode(r.controlCode)).filter((c): c is string => !!c && c !== 'EAR99'))];

describe('2026 dual-use licence catalogue import', () => {
  it('holds every export entry of the source (754 of 906)', () => {
    expect(file.counts).toMatchObject({ total: 906, export: 754, import: 152 });
    expect(file.entries).toHaveLength(754);
  });
  it('matches a sample of lines copied by hand from the source pages', () => {
    expect(samples.length).toBeGreaterThanOrEqual(20);
    for (const s of samples) {
      const record = file.entries.find((r) => r.seq === s.seq && r.controlCode === s.controlCode);
      expect(record, `${s.seq} ${s.controlCode}`).toBeDefined();
      expect(record!.hs).toEqual(s.hs);
    }
  });
  it('answers license_required for every listed control code on 2026-06-01, or asks for the parameters its thresholds need', () => {
    const failures = validCodes.filter((code) => {
      const r = t.engine.assess({ item: { cnControlCode: code }, from: 'CN', to: 'BR', date: '2026-06-01', transfer: code[1] === 'E' ? 'technology' : code[1] === 'D' ? 'software' : 'goods' });
      const verdict = r.jurisdictions[0]!.verdict;
      return !(verdict === 'license_required' || (verdict === 'needs_information' && r.questions.every((q) => q.parameter !== 'item')));
    });
    expect(failures).toEqual([]);
    expect(validCodes.length).toBeGreaterThan(650);
  });
  it('agrees with the announcements: codes in force on 2026-01-01 are in the catalogue, suspended ones are not', () => {
    const problems: string[] = [];
    for (const entry of plugin.entries) {
      if (entry.id.startsWith('cat-')) continue;
      const measure = plugin.measures.find((m) => m.id === entry.measure)!;
      const inForce = statusOn(measure, '2026-01-01') === 'in_force' && statusOn({ effective: entry.effective ?? measure.effective, suspensions: entry.suspensions }, '2026-01-01') === 'in_force';
      if (entry.destinations) continue;
      // Only dual-use list codes: a technology catalogue number (083201X) is not one, and the licence catalogue does not hold it.
      for (const code of (entry.covers.controlCodes ?? []).filter((c) => normalizeControlCode(c) !== undefined)) {
        // The catalogue lists this code or its sub-items; a bare parent code names a different sub-item.
        const listed = validCodes.some((c) => controlCodeCovers(code, c));
        if (inForce && !listed) problems.push(`${entry.id}: ${code} in force but not in the catalogue`);
        if (!inForce && listed) problems.push(`${entry.id}: ${code} not in force on 2026-01-01 but in the catalogue`);
        if (listed && entry.requirement !== 'license_required') problems.push(`${entry.id}: catalogue says licence, entry says ${entry.requirement}`);
      }
    }
    expect(problems).toEqual([]);
  });
  it('agrees with the announcements on customs lines at the subheading level', () => {
    const groups = new Map<string, Set<string>>();
    for (const r of file.entries) for (const h of r.hs) (groups.get(r.controlCode.slice(0, 5)) ?? groups.set(r.controlCode.slice(0, 5), new Set()).get(r.controlCode.slice(0, 5))!).add(h.slice(0, 6));
    const disagreements = plugin.entries
      .filter((e) => !e.id.startsWith('cat-') && e.covers.controlCodes?.length && e.covers.hs?.length)
      .filter((e) => e.covers.controlCodes!.some((c) => groups.has(c.slice(0, 5)) && !e.covers.hs!.some((h) => groups.get(c.slice(0, 5))!.has(h.slice(0, 6)))))
      .map((e) => e.id);
    expect(disagreements).toEqual([]);
  });
  it('dates lines added after the List by their announcement', () => {
    const sm = plugin.entries.filter((e) => e.code?.startsWith('1C902'));
    expect(sm.length).toBeGreaterThan(0);
    for (const e of sm) expect(e.effective?.from ?? plugin.measures.find((m) => m.id === e.measure)!.effective.from).toBe('2025-04-04');
    const winding = t.engine.assess({ item: { cnControlCode: '1B201.a' }, from: 'CN', to: 'BR', date: '2024-11-30' });
    expect(winding.jurisdictions[0]!.findings[0]!.status).toBe('not_yet_in_force');
    expect(t.engine.assess({ item: { cnControlCode: '1B201.a' }, from: 'CN', to: 'BR', date: '2024-12-01' }).jurisdictions[0]!.verdict).toBe('license_required');
  });
  it('matches an item by a catalogue customs line from 2026 on', () => {
    const line = file.entries.find((r) => r.controlCode === '1B201.a')!.hs[0]!;
    const r = t.engine.assess({ item: { cnCode: line }, from: 'CN', to: 'BR', date: '2026-03-01' });
    expect(r.jurisdictions[0]!.verdict).toBe('license_required');
    expect(r.warnings.map((w) => w.code)).toContain('catalogue_customs_lines');
  });
});
